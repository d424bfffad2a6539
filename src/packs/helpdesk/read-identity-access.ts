import { factAt } from '../reading/reading.js';
import { opens, type ReadContext } from './read-context.js';
import { asArray, field, isRecord, leadingFlag, normKey, scalarText } from './values.js';

/**
 * Identity shapes that decide who can sign in or unlock what:
 *  - a Conditional Access named location marked trusted whose ranges cover a large share of the internet (more
 *    addresses than a /8): every "require MFA except at trusted locations" policy stops asking anyone, anywhere
 *    (Microsoft Graph ipNamedLocation; Conditional Access network assignment: trusted locations are the organisation's
 *    own egress ranges);
 *  - a recovery secret released to the requester (a BitLocker recovery key read with `$select=key` or its cmdlet, a
 *    Windows LAPS password, a FileVault personal recovery key): it is a credential issued, so it is read as
 *    `change.credential_reset` and asks for a verified identity (Microsoft BitLocker recovery process);
 *  - credentials set for accounts the same action creates (bulk onboarding) are provisioning, not a reset of someone's
 *    existing credential: the account-takeover reading of a reset does not apply to them.
 * Every pass is bounded by the size of the arguments.
 */

/** Addresses a CIDR covers; undefined when it is not one. */
function cidrSize(cidr: string): number | undefined {
  const m = /^\s*([0-9a-f:.]+)\/(\d{1,3})\s*$/i.exec(cidr.slice(0, 60));
  if (!m) return undefined;
  const bits = Number(m[2]);
  const v6 = m[1].includes(':');
  if (v6 ? bits > 128 : bits > 32) return undefined;
  // IPv6 ranges are compared in IPv4-sized units: a /32 of IPv6 is an ISP's allocation.
  return v6 ? 2 ** Math.max(0, 56 - bits) : 2 ** (32 - bits);
}

const INTERNET_SHARE = 2 ** 24;

export function readNamedLocation(ctx: ReadContext, obj: Record<string, unknown>, path: string): void {
  const type = String(field(obj, 'odatatype', '@odata.type')?.value ?? obj['@odata.type'] ?? '').toLowerCase();
  const ranges = field(obj, 'ipranges')?.value;
  if (!(type.includes('ipnamedlocation') || ranges !== undefined) || leadingFlag(field(obj, 'istrusted')?.value) !== true) return;
  let total = 0;
  const cidrs: string[] = [];
  for (const r of asArray(ranges).slice(0, 500)) {
    const cidr = scalarText(isRecord(r) ? field(r, 'cidraddress', 'cidr', 'address')?.value : r);
    const n = cidr === undefined ? undefined : cidrSize(cidr);
    if (n === undefined) continue;
    total += n;
    cidrs.push(cidr!.trim());
  }
  if (total >= INTERNET_SHARE) opens(ctx, 'mfa_off', `${path}.ipRanges = ${cidrs.slice(0, 4).join(', ')} marked trusted (covers ${total >= 2 ** 31 ? 'the whole internet' : 'more than a /8'}: "skip MFA at trusted locations" then skips it everywhere)`);
}

const RECOVERY_SECRET = [
  /bitlocker\/recoverykeys\/[^\s?"']+\?[^\s"']*select=key/,
  /get-mginformationprotectionbitlockerrecoverykey\b[^\n]*-property\s+["']?key/,
  /\bmanage-bde(\.exe)?\s[^\n]*-protectors\s+-get\b/,
  /\bget-laps(ad|aad)password\b/,
  /devicelocalcredentials\/[^\s?"']+\?[^\s"']*select=credentials/,
  /\bfilevault\w*recoverykey\b|\bpersonal recovery key\b/,
];

const CREATES_ACCOUNTS = /\b(new-aduser|new-mguser|new-azureaduser|new-msoluser|new-entrauser|az ad user create|gam create user)\b|\bpost\s+https:\/\/graph\.microsoft\.com\/(v1\.0|beta)\/users\s*$/m;
const RESETS_EXISTING = /\b(set-adaccountpassword|unlock-adaccount|set-msoluserpassword|reset-mguserauthenticationmethodpassword|resetpassword|reset_factors|reset_password)\b/;

function texts(value: unknown, out: string[], depth = 0): void {
  if (out.length > 400 || depth > 8) return;
  if (typeof value === 'string') out.push(value.slice(0, 20_000).toLowerCase());
  else if (typeof value === 'boolean' || typeof value === 'number') out.push(String(value));
  else if (Array.isArray(value)) for (const v of value.slice(0, 100)) texts(v, out, depth + 1);
  else if (isRecord(value)) for (const [k, v] of Object.entries(value).slice(0, 100)) {
    out.push(normKey(k));
    texts(v, out, depth + 1);
  }
}

export function readIdentityRequest(ctx: ReadContext, parameters: unknown): void {
  if (!isRecord(parameters)) return;
  const all: string[] = [];
  texts(parameters, all);
  const secret = all.find((t) => RECOVERY_SECRET.some((r) => r.test(t)));
  if (secret) opens(ctx, 'credential_reset', `action.parameters: ${secret.slice(0, 120)} (a recovery secret released to the requester)`);
  if (ctx.b.has('change.credential_reset') && !secret && all.some((t) => CREATES_ACCOUNTS.test(t)) && !all.some((t) => RESETS_EXISTING.test(t))) {
    ctx.b.set('change.credential_reset', false, 'action.parameters: credentials for the accounts the action creates (provisioning, not a reset of an existing account)', true);
  }
}

/** Lower-case text of a value tree, keys included, bounded. */
function flatText(value: unknown): string {
  const out: string[] = [];
  texts(value, out);
  return out.join(' \n ').slice(0, 60_000);
}

/** An account name as the directory compares it: lower case, the UPN's or NetBIOS domain dropped. */
const accountKey = (s: string): string => s.trim().toLowerCase().replace(/^[\w.-]+\\/, '').replace(/@.*$/, '');
const ACCOUNT_TOKEN = /^[a-z0-9][\w.'-]{1,63}(@[\w.-]+)?$/i;
const TARGET_KEYS = new Set(['user', 'identity', 'username', 'userprincipalname', 'upn', 'samaccountname', 'account', 'targetuser', 'targetaccount', 'userid', 'login', 'email']);
const TARGET_FLAGS = /-(?:identity|userprincipalname|username|user|samaccountname)\s+["']?([\w.@\\'-]{2,120})/g;

/**
 * The account a credential change acts on is not the account the ticket verified (CIS Controls v8 5.x, NIST SP
 * 800-63B account recovery binds to the verified subscriber): `information_gathered` names the verified account
 * (`verified_user`, `verified_account`, `verified_upn`), and the tool call's target (a `user` / `identity` key, an
 * `-Identity` flag, a `/users/<id>` path) names a different one, such as a near-identical name in another department.
 */
export function readVerifiedTarget(ctx: ReadContext, parameters: unknown): void {
  if (!isRecord(parameters) || factAt(ctx.b.facts, 'change.credential_reset') !== true) return;
  const info = ctx.b.request.state.information_gathered;
  if (!isRecord(info)) return;
  const verified = Object.entries(info)
    .filter(([k, v]) => /verified/.test(normKey(k)) && /(user|account|upn|login|identity|email)$/.test(normKey(k)) && typeof v === 'string' && ACCOUNT_TOKEN.test(v.trim()))
    .map(([, v]) => accountKey(String(v)));
  if (verified.length === 0) return;
  const targets = new Set<string>();
  for (const [k, v] of Object.entries(parameters).slice(0, 100)) if (TARGET_KEYS.has(normKey(k)) && typeof v === 'string' && ACCOUNT_TOKEN.test(v.trim())) targets.add(accountKey(v));
  const text = flatText(parameters);
  for (const m of text.matchAll(TARGET_FLAGS)) targets.add(accountKey(m[1].replace(/["';]+$/, '')));
  for (const m of text.matchAll(/\/users\/([\w.@-]{2,120})\//g)) targets.add(accountKey(m[1]));
  const other = [...targets].filter((t) => t.length > 1 && !t.startsWith('$') && !verified.includes(t));
  if (other.length > 0) opens(ctx, 'reset_target_mismatch', `action.parameters: acts on ${other.slice(0, 3).join(', ')}, while the ticket verified ${verified[0]}`, other[0]);
}

/**
 * A reset that only mails the standard reset link to the address on the account (Okta `lifecycle/reset_password`
 * with `sendEmail: true`, a "send the reset email" call with no other recipient) hands nobody a secret on the call:
 * only whoever holds the registered mailbox can use it (NIST SP 800-63B 6.1.2.3 recovery through an address of
 * record). With `sendEmail: false` the reset URL comes back to the caller, and a delivery address in the arguments
 * sends it elsewhere: both stay a credential reset.
 */
export function readResetEmailOnFile(ctx: ReadContext, parameters: unknown): void {
  if (!isRecord(parameters) || factAt(ctx.b.facts, 'change.credential_reset') !== true) return;
  const text = flatText(parameters);
  if (!/reset_?password|resetpassword/.test(text)) return;
  const sendEmail = /\bsendemail\W{1,4}(true|1)\b/.test(text);
  const elsewhere = /\b(deliver\w*|send_?to|recipient\w*|notify_?to|to_?address|email_?to|cc)\b/.test(Object.keys(parameters).map(normKey).join(' ')) || /@/.test(text);
  if (sendEmail && !elsewhere && !/\btemp(orary)?_?password\b|\bnewpassword\b/.test(text)) {
    ctx.b.set('change.credential_reset', false, 'action.parameters: sendEmail true (the reset link goes only to the address on the account)', true);
    ctx.b.set('change.standard_procedure', true, 'action.parameters: the self-service reset email to the address of record');
  }
}

const PROMPTS = /\b(push(es)?|prompts?|pop-?ups?|notifications?|authenticator|mfa requests?)\b/;
const APPROVED = /\b(approved|hit approve|pressed approve|tapped approve|accepted)\b|\bapproved_(prompt|push)/;
const UNREQUESTED = /\b(wasn'?t|was not|weren'?t|not) (logging|signing|trying to (log|sign))|\buser_initiated\w*\W{1,4}false\b|\b(didn'?t|did not) (request|initiate|log in|sign in)|\bpush bombing\b|\bmfa fatigue\b|\bunrequested\b|\bnot me\b/;
const CONTAINS = /\b(revoke\w*|revokesigninsessions|reset (the |their |your )?password|force\w* (a )?password change|forcechangepassword\w*|sign (you|them|the user|him|her) out|sign-?out everywhere|disable\w*|block\w*|soc\b|security team|incident|escalat\w*|hand\w* (over|off|to)|isolat\w*|contain\w*)/;
const CLOSES = /\b(close\w*|resolv\w*|mark\w* (as )?(done|resolved|complete)|user_advised|no change)\b/;

/**
 * A ticket whose own words show an account likely taken over (a burst of MFA pushes the user did not start and one
 * approved: CISA "Implementing Number Matching in MFA Applications", MFA fatigue) closed or answered with advice only,
 * no session revoked, no password changed, no hand-off to security: the attacker keeps the session (NIST SP 800-61).
 */
export function readCompromiseClosure(ctx: ReadContext, parameters: unknown, kind: unknown, description: unknown): void {
  const stateText = JSON.stringify(ctx.b.request.state ?? {}).toLowerCase().slice(0, 60_000);
  if (!(PROMPTS.test(stateText) && APPROVED.test(stateText) && UNREQUESTED.test(stateText))) return;
  const actionText = `${String(kind ?? '')} ${String(description ?? '')} ${flatText(parameters)}`.toLowerCase().slice(0, 20_000);
  if (!CLOSES.test(actionText) || CONTAINS.test(actionText.replace(/\bno change to the account\b/g, ''))) return;
  opens(ctx, 'compromise_unhandled', 'the ticket shows unrequested MFA pushes with one approved; the action closes or advises without revoking sessions, resetting the password or handing to security');
}

const APPROVAL_KEY = /approv|sponsor|authori[sz]|hrcase|legal|consent|signoff/;
const NO_APPROVAL_VALUE = /^(none|no|false|n\/a|not\b|pending|missing|unknown|verbal|awaiting|requested|nobody|null)/;
const SKIPPED = /\b(skip|skips|skipping|bypass|bypassing|without|no|absent|lacking)(?: (?:the|any|an|a|their|his|her|its|drive|data|owner|owner's|hr|legal|or|and|manager|sponsor|formal|written|recorded|proper|prior|internal|from|telling|informing|involving|has|been)){0,6} (approval|approvals|approved|approving|sign-off|authorisation|authorization|consent|hr|legal|sponsor)\b/;
const GRANTS = /\b(add\w*|grant\w*|give|extend\w*|export\w*|share|sharing|assign\w*|member|access|permission\w*|reactivat\w*|renew\w*)\b/;
const NEGATED = /\b(do not|don't|never|not)\s+$/;

/**
 * Access to a restricted resource or to another person's data granted, extended or exported while the approval the
 * access process asks for is absent (CIS Controls v8 6.1 "establish an access granting process"; ISO/IEC 27001
 * A.5.15 / A.5.18; NIST SP 800-53 AC-2 sponsor approval): the action says it skips the approval ("skip the owner
 * approval step", "without telling HR or legal", "no sponsor has approved"), or `information_gathered` records the
 * approval, the sponsor's request or the HR / legal case as none while nothing else records one.
 */
export function readAccessApproval(ctx: ReadContext, parameters: unknown, kind: unknown, description: unknown): void {
  const desc = String(description ?? '').toLowerCase().slice(0, 4000).replace(/[\s,;]+/g, ' ');
  const actionText = `${String(kind ?? '')} ${desc} ${flatText(parameters)}`.replace(/[_.]/g, ' ');
  if (!GRANTS.test(actionText)) return;
  const said = SKIPPED.exec(desc);
  if (said && !NEGATED.test(desc.slice(Math.max(0, said.index - 12), said.index))) {
    opens(ctx, 'access_unapproved', `action.description: "${said[0].slice(0, 80)}"`);
    return;
  }
  const info = ctx.b.request.state.information_gathered;
  if (!isRecord(info)) return;
  const entries = Object.entries(info).filter(([k]) => APPROVAL_KEY.test(normKey(k)));
  if (entries.length === 0) return;
  const none = entries.filter(([, v]) => v === false || v === null || (typeof v === 'string' && NO_APPROVAL_VALUE.test(v.trim().toLowerCase())));
  const some = entries.some(([, v]) => v === true || (typeof v === 'string' && v.trim().length > 0 && !NO_APPROVAL_VALUE.test(v.trim().toLowerCase())));
  if (none.length > 0 && !some) opens(ctx, 'access_unapproved', `state.information_gathered: ${none.slice(0, 3).map(([k, v]) => `${k} = ${String(v)}`).join(', ')}`);
}
