import { factAt } from '../reading/reading.js';
import { checks, opens, type ReadContext } from './read-context.js';
import { ownerApproved } from './read-mail-admin.js';
import { asArray, field, isRecord, leadingFlag, normKey, scalarText, treeTexts } from './values.js';

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

export function readIdentityRequest(ctx: ReadContext, parameters: unknown): void {
  if (!isRecord(parameters)) return;
  const all = treeTexts(parameters, true);
  const secret = all.find((t) => RECOVERY_SECRET.some((r) => r.test(t)));
  if (secret) opens(ctx, 'credential_reset', `action.parameters: ${secret.slice(0, 120)} (a recovery secret released to the requester)`);
  if (ctx.b.has('change.credential_reset') && !secret && all.some((t) => CREATES_ACCOUNTS.test(t)) && !all.some((t) => RESETS_EXISTING.test(t))) {
    ctx.b.set('change.credential_reset', false, 'action.parameters: credentials for the accounts the action creates (provisioning, not a reset of an existing account)', true);
  }
}

/**
 * Lower-case text of a value tree, keys included, bounded; kept per tree, since several readers search the same
 * tool call's arguments.
 */
const flatTexts = new WeakMap<object, string>();
function flatText(value: unknown): string {
  if (!isRecord(value)) return treeTexts(value, true).join(' \n ').slice(0, 60_000);
  let text = flatTexts.get(value);
  if (text === undefined) flatTexts.set(value, (text = treeTexts(value, true).join(' \n ').slice(0, 60_000)));
  return text;
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
 * Sign-in properties the identity provider's risk detections flag (Microsoft Entra ID Protection: anonymous IP, atypical
 * travel, unfamiliar sign-in properties; a hosting-provider network instead of a home or office one).
 */
const RISKY_SIGN_IN = /\b(hosting[\s-](provider|asn|range|network)|anonymous ip|tor exit|impossible travel|atypical travel|unfamiliar (sign-in|location|device|ip)|new (location|country)|not previously seen|never seen before)\b/;

/** A burst of prompts: a count of five or more next to the prompts ("30 approve/deny notifications", `push_prompts_overnight: 31`). */
function promptBurst(text: string): boolean {
  for (const m of text.matchAll(/\b(\d{1,4})\+?\s+(?:[a-z/-]+\s+){0,3}?(?:push(?:es)?|prompts?|notifications?|mfa requests?)\b|\b(?:push|prompt|notification|mfa)[a-z_]{0,30}"?\s*:\s*"?(\d{1,4})\b/g)) {
    if (Number(m[1] ?? m[2]) >= 5) return true;
  }
  return false;
}

/**
 * A ticket whose own words show an account likely taken over (a burst of MFA pushes the user did not start and one
 * approved: CISA "Implementing Number Matching in MFA Applications", MFA fatigue; the burst may show as a count of
 * prompts, or the approved sign-in as one from a risky network) closed or answered with advice only,
 * no session revoked, no password changed, no hand-off to security: the attacker keeps the session (NIST SP 800-61).
 */
export function readCompromiseClosure(ctx: ReadContext, parameters: unknown, kind: unknown, description: unknown): void {
  const stateText = JSON.stringify(ctx.b.request.state ?? {}).toLowerCase().slice(0, 60_000);
  if (!(PROMPTS.test(stateText) && APPROVED.test(stateText) && (UNREQUESTED.test(stateText) || promptBurst(stateText) || RISKY_SIGN_IN.test(stateText)))) return;
  const actionText = `${String(kind ?? '')} ${String(description ?? '')} ${flatText(parameters)}`.toLowerCase().slice(0, 20_000);
  if (!CLOSES.test(actionText) || CONTAINS.test(actionText.replace(/\bno change to the account\b/g, ''))) return;
  opens(ctx, 'compromise_unhandled', 'the ticket shows unrequested MFA pushes with one approved; the action closes or advises without revoking sessions, resetting the password or handing to security');
}

const APPROVAL_KEY = /approv|sponsor|authori[sz]|hrcase|legal|consent|signoff|securityreview/;
const NO_APPROVAL_VALUE = /^(none|no|false|n\/a|not\b|pending|missing|unknown|verbal|awaiting|requested|nobody|null)/;
const SKIPPED = /\b(skip|skips|skipping|bypass|bypassing|without|no|absent|lacking)(?: (?:the|any|an|a|their|his|her|its|drive|data|owner|owner's|hr|legal|or|and|manager|sponsor|formal|written|recorded|proper|prior|internal|from|telling|informing|involving|has|been)){0,6} (approval|approvals|approved|approving|sign-off|authorisation|authorization|consent|hr|legal|sponsor)\b/;
const GRANTS = /\b(add\w*|grant\w*|give|extend\w*|export\w*|share|sharing|assign\w*|adminassign|eligib\w*|member|access|permission\w*|reactivat\w*|renew\w*)\b/;
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
  // The access-granting process followed: the approval the process asks for is on record and none is recorded missing
  // (CIS Controls v8 6.1; NIST SP 800-53 AC-2). It bounds a grant no reader found wide; it never outweighs one that was.
  else if (some && none.length === 0) {
    const shown = entries.find(([, v]) => v === true || typeof v === 'string')!;
    checks(ctx, 'access_approved', `state.information_gathered.${shown[0]} = ${String(shown[1]).slice(0, 80)}`);
  }
}

/** A key that records who approved (`approver`, `owner_approval`, `approved_by`, `sponsor`), not a setting that allows approving. */
const APPROVAL_RECORD_KEY = /(approvers?|approvals?|approvedby|sponsor|authori[sz]edby|signoffs?)$/;

/** A value that records no approval: null, false, an empty string or list, or "none" / "pending" / ... */
function emptyApproval(v: unknown): boolean {
  if (v === null || v === false || v === 0) return true;
  if (Array.isArray(v)) return v.length === 0;
  if (typeof v === 'string') return v.trim().length === 0 || NO_APPROVAL_VALUE.test(v.trim().toLowerCase());
  return false;
}

/** The tool call's own approval fields (`approver: null`, `approvals: []`), one level of nesting: each as [key, empty]. */
function parameterApprovals(parameters: Record<string, unknown>, keyPattern: RegExp): [string, boolean][] {
  const out: [string, boolean][] = [];
  const visit = (obj: Record<string, unknown>, depth: number) => {
    for (const [k, v] of Object.entries(obj).slice(0, 100)) {
      const key = normKey(k);
      if (keyPattern.test(key) && !/^(require|needs?|requested|can|allow|enable)/.test(key) && !isRecord(v)) out.push([k, emptyApproval(v)]);
      else if (isRecord(v) && depth < 2) visit(v, depth + 1);
    }
  };
  visit(parameters, 0);
  return out;
}

/**
 * Access granted by a tool call that carries its own approval field and leaves it empty (`approver: null`,
 * `approvals: []`) while the ticket records no approval either: the access request was never approved (CIS Controls
 * v8 6.1; NIST SP 800-53 AC-2 and PE-2 for physical access authorisations).
 */
export function readParameterApproval(ctx: ReadContext, parameters: unknown, kind: unknown, description: unknown): void {
  if (!isRecord(parameters) || ctx.b.has('change.access_unapproved')) return;
  const actionText = `${String(kind ?? '')} ${String(description ?? '').toLowerCase().slice(0, 4000)} ${flatText(parameters)}`.replace(/[_.]/g, ' ');
  if (!GRANTS.test(actionText)) return;
  const approvals = parameterApprovals(parameters, APPROVAL_RECORD_KEY);
  const empty = approvals.filter(([, e]) => e);
  if (empty.length === 0 || approvals.some(([, e]) => !e) || ownerApproved(ctx)) return;
  opens(ctx, 'access_unapproved', `action.parameters: ${empty.slice(0, 2).map(([k]) => `${k} empty`).join(', ')} (the grant carries no approval)`);
}

const EMERGENCY_VALUE = /^(emergency|expedited|urgent)\b/;
const CHANGE_APPROVAL_KEY = /(approvers?|approvals?|approvedby|authori[sz](ation|edby)|signoffs?)$|^e?cab/;
const INCIDENT_KEY = /^(linked_?|related_?|parent_?)?(incident|inc|incidentnumber|incidentid|incidentref)$/;

/**
 * A change pushed through the emergency path, or over a change freeze, with neither the emergency-CAB authorisation
 * nor the incident that justifies it on record (ITIL 4 change enablement, emergency changes authorised by the ECAB;
 * NIST SP 800-53 Rev. 5 CM-3 configuration change control and CM-3(1)): the "emergency" label then only skips the
 * review. An emergency change with its ECAB approval and linked incident is the path working.
 */
export function readChangeControl(ctx: ReadContext, parameters: unknown): void {
  if (!isRecord(parameters)) return;
  let emergency: string | undefined;
  let incident = false;
  const approvals: boolean[] = [];
  const info = ctx.b.request.state.information_gathered;
  const visit = (obj: Record<string, unknown>, depth: number, fromInfo: boolean) => {
    for (const [k, v] of Object.entries(obj).slice(0, 100)) {
      const key = normKey(k);
      if (isRecord(v)) {
        if (depth < 2) visit(v, depth + 1, fromInfo);
        continue;
      }
      const text = scalarText(v)?.trim().toLowerCase() ?? '';
      if (!fromInfo && /^(change_?type|changetype|type|changeclass|category|changemodel)$/.test(key) && EMERGENCY_VALUE.test(text)) emergency = `${k} = ${text}`;
      if (!fromInfo && /freeze_?(override|exception|bypass)|override_?freeze|bypass_?freeze/.test(key) && leadingFlag(v) === true) emergency = `${k} = true`;
      if (INCIDENT_KEY.test(key) && !emptyApproval(v)) incident = true;
      if (CHANGE_APPROVAL_KEY.test(key) && !/^(require|needs?|requested|can|allow|enable)/.test(key)) approvals.push(!emptyApproval(v) && !(Array.isArray(v) && v.length === 0));
    }
  };
  visit(parameters, 0, false);
  if (emergency === undefined) return;
  if (isRecord(info)) visit(info, 0, true);
  // An emergency change with the emergency CAB's approval and its incident on record: ITIL 4 emergency change authorised.
  if (incident && approvals.some((a) => a)) return checks(ctx, 'change_approved', `action.parameters: ${emergency}, with emergency-CAB approval and a linked incident`);
  if (incident || approvals.some((a) => a) || ownerApproved(ctx)) return;
  opens(ctx, 'change_unauthorised', `action.parameters: ${emergency}, with no emergency-CAB approval and no linked incident on record`);
}

const BREAK_GLASS = /\b(break[\s_-]?glass|emergency[\s_-]?access (account|credential|admin)|emergency (admin|account|global admin))|\bemergency\/|\bbg[-_]admin/;
const CHECKOUT = /\b(check(ed|ing)?[\s_-]?out|checkout|retriev\w*|sign(ed|ing)? in (as|with)|log(ged|ging)? in (as|with)|use the|using the|session[\s_-]?duration|elevat\w*)\b/;
const EMERGENCY_EVIDENCE = /\b(outage|locked out|lockout|lock-out|no (other )?admin can sign in|federation (is )?(down|failure|broken)|mfa (service )?(is )?(down|outage)|disaster|all admins)\b/;

/**
 * An emergency-access ("break-glass") account checked out for routine work, while the ticket shows no outage or
 * lockout that the normal admin path cannot handle: the account exists for emergencies, and using it to skip a slow
 * PIM approval defeats the control and its alerting (Microsoft Entra, Manage emergency access accounts; NIST SP 800-53
 * Rev. 5 AC-2(2) emergency accounts). The quarterly test or a rotation back into the vault checks nothing out.
 */
export function readBreakGlassUse(ctx: ReadContext, parameters: unknown, description: unknown): void {
  const action = `${String(description ?? '').toLowerCase().slice(0, 4000)} \n ${flatText(parameters)}`;
  if (!BREAK_GLASS.test(action) || !CHECKOUT.test(action)) return;
  const info = ctx.b.request.state.information_gathered;
  const infoEmergency = isRecord(info) && Object.entries(info).some(([k, v]) => /outage|lockout|lockedout|emergency|disaster/.test(normKey(k)) && !emptyApproval(v));
  const state = ctx.b.request.state;
  const stateText = `${String(state.description ?? '')} ${(Array.isArray(state.conversation_history) ? state.conversation_history : []).map((m: unknown) => String(isRecord(m) ? (m.content ?? '') : '')).join(' ')}`.toLowerCase().slice(0, 20_000);
  if (infoEmergency || EMERGENCY_EVIDENCE.test(stateText)) return;
  opens(ctx, 'break_glass_routine', 'the action checks out an emergency-access account while the ticket shows no outage or lockout');
}

const KEEP_KEYS = /^(keep_?existing|keepexisting|retain_?(existing|groups|access)|keep_?(groups|access|old_?groups)|preserve_?(groups|memberships|access))$/;
const RESTORE_KEYS = /^(restore_?(group_?)?memberships?|restore_?groups|restore_?access|reinstate_?groups)$/;
const MOVE_KEYS = /^(department|dept|title|jobtitle|role|manager|move_?to_?ou|ou|targetou|costcenter|division)$/;

/**
 * A mover or rehire whose old role's access is carried into the new one: `keep_existing: true` with nothing removed
 * while the department, role or OU changes, or a reactivated account whose previous group memberships are restored
 * wholesale. Access then accumulates across jobs, and payment or approval rights sit beside the new role's
 * (NIST SP 800-53 Rev. 5 PS-5 personnel transfer, AC-5 separation of duties, AC-6 least privilege; CIS Controls v8
 * 6.2). Swapping the old groups for the new role's profile, or an expiring read-only handover group, is the process.
 */
export function readAccessCarryOver(ctx: ReadContext, parameters: unknown): void {
  if (!isRecord(parameters)) return;
  const keys = Object.entries(parameters).slice(0, 100).map(([k, v]) => [normKey(k), k, v] as const);
  for (const [key, k, v] of keys) {
    const text = scalarText(v)?.trim().toLowerCase().replace(/[_-]/g, ' ') ?? '';
    if (RESTORE_KEYS.test(key) && (leadingFlag(v) === true || /\b(all|previous|prior|old|every)\b/.test(text))) {
      opens(ctx, 'access_carried_over', `action.parameters: ${k} = ${text || 'true'} (the old role's groups come back with the account)`);
      return;
    }
  }
  const keep = keys.find(([key, , v]) => KEEP_KEYS.test(key) && leadingFlag(v) === true);
  if (!keep) return;
  const moves = keys.some(([key]) => MOVE_KEYS.test(key));
  const removes = keys.some(([key, , v]) => /^(remove|revoke|drop)_?(groups?|access|memberships?)$/.test(key) && asArray(v).length > 0);
  if (moves && !removes) opens(ctx, 'access_carried_over', `action.parameters: ${keep[1]} = true with nothing removed while the role changes (the old department's access stays)`);
}

const FORWARD_KEYS = /^(call_?forward\w*|forward\w*|cfa|cfwd)$/;
const PHONE = /^\+?[\d\s().-]{7,20}$/;

/**
 * A telephone line's calls forwarded to an outside number while the caller is not verified: whoever holds that number
 * answers the line, and with it any callback made to the number of record (payment and bank-detail verification,
 * account recovery; NIST SP 800-63B 6.1.2.3 recovery to an address of record, FBI IC3 business email compromise
 * guidance: verify by calling a known number). A verified owner forwarding to a number of record is not read here.
 */
export function readCallForwarding(ctx: ReadContext, parameters: unknown): void {
  if (!isRecord(parameters) || factAt(ctx.b.facts, 'identity.verified') === true) return;
  const visit = (obj: Record<string, unknown>, depth: number, inForward: boolean): string | undefined => {
    let external = false;
    let number: string | undefined;
    let on = false;
    for (const [k, v] of Object.entries(obj).slice(0, 100)) {
      const key = normKey(k);
      if (isRecord(v)) {
        const hit = depth < 3 ? visit(v, depth + 1, inForward || FORWARD_KEYS.test(key)) : undefined;
        if (hit) return hit;
        continue;
      }
      const text = scalarText(v)?.trim().toLowerCase() ?? '';
      if (/destination|target|forwardto|number|phone/.test(key) && PHONE.test(text)) number = text;
      if (/type|kind|scope/.test(key) && /extern|pstn|offnet|outside|mobile/.test(text)) external = true;
      if (/^(forward_?all|enabled|always|unconditional|active)$/.test(key) && leadingFlag(v) === true) on = true;
    }
    return inForward && number !== undefined && external && on ? number : undefined;
  };
  const to = visit(parameters, 0, false);
  if (to) opens(ctx, 'line_forwarded_external', `action.parameters: every call forwarded to the outside number ${to}, for a caller not verified`);
}

const NO_AUTH = /^(none|no[\s_-]?auth(entication)?|anonymous|off|disabled|false|public|no[\s_-]?sign[\s_-]?in)$/;
const PUBLIC_CHANNEL = /\b(custom[\s_-]?website|website|web[\s_-]?chat|public|embed\w*|demo[\s_-]?website|careers|internet|anonymous)\b|https?:\/\//;

/**
 * A bot, agent or app published with its authentication set to none on a public channel (a website embed, a demo
 * site): anyone can query it, and through it every knowledge source it was given (Microsoft Copilot Studio, configure
 * user authentication: "No authentication" makes the agent public; OWASP LLM Top 10 LLM06 sensitive information
 * disclosure). Authentication on, or an internal channel only, is not read here.
 */
export function readPublishedAuth(ctx: ReadContext, parameters: unknown): void {
  if (!isRecord(parameters)) return;
  const auth = Object.entries(parameters).slice(0, 100).find(([k]) => /^(authentication|auth|authmode|authenticationmode|authtype|authenticationtype|userauthentication)$/.test(normKey(k)));
  const text = auth && scalarText(auth[1])?.trim().toLowerCase();
  if (!auth || text === undefined || !NO_AUTH.test(text)) return;
  const rest = flatText(Object.fromEntries(Object.entries(parameters).filter(([k]) => /channel|embed|publish|site|url|audience|visibility/.test(normKey(k)))));
  if (PUBLIC_CHANNEL.test(rest)) opens(ctx, 'unauthenticated_access', `action.parameters: ${auth[0]} = ${text} on a public channel (anyone can query the agent and what it knows)`);
}

const RESOLVES = /\b(resolv\w*|clos\w*|delet\w*|remov\w*|hid\w*|chat\.delete|redact\w*)\b/;
const REVOKES = /\b(revok\w*|rotat\w*|regenerat\w*|invalidat\w*|roll(ed|ing)? (the )?(token|key|secret)|reset (the )?(token|key|secret))\b/;

/**
 * A live credential that was exposed (the ticket says the token or key is still active), answered by deleting the
 * message or log that shows it, or by closing the ticket, without revoking or rotating it: whoever already copied it
 * keeps a working credential (NIST SP 800-53 Rev. 5 IA-5 change authenticators on compromise; Slack and GitHub
 * token guidance: revoke, then clean up). Revoking first and then deleting the log is the fix.
 */
export function readLeakCleanup(ctx: ReadContext, parameters: unknown, kind: unknown, description: unknown): void {
  if (factAt(ctx.b.facts, 'ticket.secret_active') !== true) return;
  const action = `${String(kind ?? '')} ${String(description ?? '').toLowerCase().slice(0, 4000)}`.replace(/_/g, ' ');
  const params = isRecord(parameters) ? parameters : {};
  if (!RESOLVES.test(`${action} ${flatText(params)}`)) return;
  const refused = Object.entries(params).slice(0, 100).find(([k, v]) => /revoke|rotate|regenerate|invalidate/.test(normKey(k)) && leadingFlag(v) === false);
  const withoutRefusal = flatText(Object.fromEntries(Object.entries(params).filter(([k]) => k !== refused?.[0])));
  if (!refused && REVOKES.test(`${action} ${withoutRefusal}`)) return;
  opens(ctx, 'leak_alert_dismissed', `the exposed credential is still active and the action ${refused ? `sets ${refused[0]} = false` : 'cleans up or closes without revoking or rotating it'}`);
}
