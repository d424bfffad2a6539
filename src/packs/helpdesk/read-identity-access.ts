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
