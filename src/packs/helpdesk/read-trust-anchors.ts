import { checks, opens, type ReadContext } from './read-context.js';

/**
 * What a change does to the anchors of trust other systems rely on: an SSH user certificate signed by the CA every
 * host trusts, a private certificate authority deleted, a SQL Server database marked trustworthy or given code that
 * runs outside its sandbox. Read from the command's words and flags (`ssh-keygen -s ca -n principals -V validity`).
 */

interface CommandWords {
  words: readonly string[];
  flags: ReadonlyMap<string, string>;
  source: string;
}

const ROOT_PRINCIPALS = new Set(['root', 'administrator', 'admin']);
/** A validity longer than this (days) is not a short-lived certificate (NIST SP 800-57 favours short lifetimes; SSH CAs issue hours to days). */
const MAX_CERT_DAYS = 90;

/** "+8h", "+2d", "+52w", "always:forever", "20250101:20250108" → days, or Infinity for forever; undefined when unreadable. */
function validityDays(v: string): number | undefined {
  const s = v.toLowerCase();
  if (s.endsWith('forever')) return Infinity;
  const m = /^(?:-\d+[smhdw]?:)?\+?(\d{1,6})([smhdw]?)$/.exec(s);
  if (m) return Number(m[1]) * ({ s: 1 / 86400, m: 1 / 1440, h: 1 / 24, d: 1, w: 7, '': 1 / 1440 } as Record<string, number>)[m[2]];
  const span = /^(\d{8}):(\d{8})$/.exec(s);
  if (span) {
    const day = (x: string) => Date.UTC(Number(x.slice(0, 4)), Number(x.slice(4, 6)) - 1, Number(x.slice(6, 8)));
    return (day(span[2]) - day(span[1])) / 86_400_000;
  }
  return undefined;
}

/** ssh-keygen -s <ca> …: a user certificate. No -n means every principal; no -V means valid forever (ssh-keygen(1)). */
function sshCertificate(ctx: ReadContext, a: CommandWords): void {
  if (!a.words.includes('ssh-keygen') || !a.flags.has('s')) return;
  const principals = (a.flags.get('n') ?? '').split(',').map((p) => p.trim().toLowerCase()).filter(Boolean);
  const validity = a.flags.get('v');
  const days = validity === undefined ? Infinity : validityDays(validity);
  const problems: string[] = [];
  if (principals.length === 0) problems.push('no principals (valid for every account)');
  const root = principals.filter((p) => ROOT_PRINCIPALS.has(p));
  if (root.length > 0) problems.push(`principal ${root.join(', ')}`);
  if (days === undefined) problems.push(`validity ${validity} unreadable`);
  else if (days > MAX_CERT_DAYS) problems.push(days === Infinity ? 'valid forever' : `valid ${Math.round(days)} days`);
  if (problems.length > 0) opens(ctx, 'ssh_certificate_unbounded', `${a.source}: SSH user certificate with ${problems.join(', ')}`, problems.join(', '));
  else checks(ctx, 'credential_scoped', `${a.source}: SSH certificate for ${principals.join(', ')}, valid ${validity}`);
}

/** Deleting a certificate authority destroys its private key: every certificate it issued can no longer be renewed or trusted anew. */
function caDeletion(ctx: ReadContext, a: CommandWords): void {
  const w = a.words;
  const deletes = w.includes('delete-certificate-authority') || (w.includes('privateca') && (w.includes('roots') || w.includes('subordinates')) && w.includes('delete'));
  if (deletes) opens(ctx, 'key_deletion', `${a.source}: certificate authority deleted`);
}

const TRUSTWORTHY_ON = /\bset\s+trustworthy\s+on\b/i;
const UNSAFE_ASSEMBLY = /\bpermission_set\s*=\s*(unsafe)\b/i;

/**
 * SQL Server: TRUSTWORTHY ON lets code in the database act with its owner's server rights (CIS Microsoft SQL Server
 * Benchmark 2.9: TRUSTWORTHY off for user databases), and an assembly with EXTERNAL_ACCESS or UNSAFE runs outside the
 * CLR sandbox with UNSAFE (CIS 6.2: CLR assemblies SAFE_ACCESS; EXTERNAL_ACCESS for an assembly registered with sys.sp_add_trusted_assembly is Microsoft's documented way).
 */
function sqlTrust(ctx: ReadContext, text: string, source: string): void {
  const sample = text.length > 50_000 ? text.slice(0, 50_000) : text;
  const found: string[] = [];
  if (TRUSTWORTHY_ON.test(sample)) found.push('TRUSTWORTHY ON');
  const unsafe = UNSAFE_ASSEMBLY.exec(sample);
  if (unsafe) found.push(`assembly PERMISSION_SET = ${unsafe[1].toUpperCase()}`);
  if (found.length > 0) opens(ctx, 'sql_trust_widened', `${source}: ${found.join(', ')}`, found.join(', '));
  // An assembly registered by its hash on the trusted list (sys.sp_add_trusted_assembly) under clr strict security: the
  // documented way to load one signed assembly, with the database left untrustworthy.
  else if (/\bsp_add_trusted_assembly\b/i.test(sample) && /\bcreate\s+assembly\b/i.test(sample)) checks(ctx, 'assembly_trusted_by_hash', `${source}: assembly added by hash with sys.sp_add_trusted_assembly`);
}

export function readTrustAnchors(ctx: ReadContext, a: CommandWords, text: string): void {
  sshCertificate(ctx, a);
  caDeletion(ctx, a);
  sqlTrust(ctx, text, a.source);
}
