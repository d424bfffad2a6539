import { READING_CAP_CHARS } from '../reading/reading.js';
import { checks, closes, gatheredFields, isExternalAddress, opens, opensToWorld, type ReadContext } from './read-context.js';
import { readPolicyDocument, readRoleDefinition, readRoleGrant, isPublicMember } from './read-grants.js';
import { addRange, portsShown, readPorts, type PortSet } from './read-network-rule.js';
import { glued, isWorldSource, lastSegment, splitOn, unquote, viewOf, type TextView } from './text-helpers.js';
import { safeguardsNamed } from './safeguard-names.js';
import { readFlagSetting, readSettingTree } from './read-generic-settings.js';
import { readRestCall } from './read-platform.js';
import { belowTls12, isRecord, normKey } from './values.js';
import { readOnPremText } from './read-onprem.js';
import { readSaasCommand } from './read-saas.js';
import { readCloudCommand } from './read-cloud-ops.js';
import { readTrustAnchors } from './read-trust-anchors.js';

/**
 * Command lines an agent would run (aws, az, gcloud, gsutil, kubectl, terraform, PowerShell, shell
 * and SQL), read from the shared tokenizer: the arguments are the runs of tokens written without a
 * space between them, flags are matched by their normalised name, and each recognised operation
 * records the hazard it opens (or the one it takes away) with the command as its source.
 */

interface Args {
  words: string[];
  /** The same words as a set: every operation test is a lookup, not a scan. */
  wordSet: Set<string>;
  /** normalised flag name → value (the text after '=' or the next argument). */
  flags: Map<string, string>;
  /** Flags as written (lower case, without the leading dashes), with their values: "no-enable-flow-logs" → "true". */
  named: [string, string][];
  source: string;
}

/** Opening minus closing brackets in an argument. */
function brackets(s: string): number {
  let n = 0;
  for (const ch of s) n += ch === '{' || ch === '[' ? 1 : ch === '}' || ch === ']' ? -1 : 0;
  return n;
}

function parseArgs(raw: string[], source: string): Args {
  const words = raw.map((a) => a.toLowerCase());
  const flags = new Map<string, string>();
  const named: [string, string][] = [];
  let joins = 0;
  for (let i = 0; i < raw.length; i++) {
    const a = raw[i];
    if (!a.startsWith('-') || a.length < 2 || (a[1] >= '0' && a[1] <= '9')) continue;
    const eq = a.indexOf('=');
    const name = normKey(eq > 0 ? a.slice(0, eq) : a);
    const next = raw[i + 1];
    let value = eq > 0 ? a.slice(eq + 1) : next !== undefined && (!next.startsWith('-') || (next.length > 1 && next[1] >= '0' && next[1] <= '9')) ? next : 'true';
    // A JSON value with spaces in it ('{"Name": "Ops all", …}') spans several arguments: joined back until its brackets close.
    if ((value[0] === '{' || value[0] === '[') && joins++ < 20) {
      let depth = brackets(value);
      const parts = [value];
      for (let j = eq > 0 ? i + 1 : i + 2; depth > 0 && j < raw.length && j < i + 100; j++) {
        parts.push(raw[j]);
        depth += brackets(raw[j]);
      }
      if (depth <= 0) value = parts.join(' ');
    }
    if (name && !flags.has(name)) flags.set(name, unquote(value));
    if (name && named.length < 50) {
      let start = 0;
      while (start < a.length && a[start] === '-') start++;
      named.push([(eq > 0 ? a.slice(start, eq) : a.slice(start)).toLowerCase(), unquote(value)]);
    }
  }
  return { words, wordSet: new Set(words), flags, named, source };
}

const OFF_PREFIXES = ['no-', 'disable-', 'no_', 'disable_'];
const ON_PREFIXES = ['enable-', 'require-', 'enable_', 'require_'];
const OFF_WORDS = new Set(['delete', 'disable', 'stop', 'remove', 'purge', 'suspend', 'pause']);
const ON_WORDS = new Set(['enable', 'create', 'start', 'restore', 'resume']);
const CLOUD_PROGRAMS = ['aws', 'az', 'gcloud', 'gsutil', 'bq', 'kubectl', 'oc'];
const STATE_FLAGS = new Set(['enabled', 'enable', 'state', 'status', 'mode', 'set']);

/**
 * Safeguards switched by a command's own words, whatever the service: a flag that names one and turns it
 * off ("--no-enable-flow-logs", "--disable-audit-logging", "--https-only false") or on
 * ("--enable-flow-logs"), and a cloud CLI subcommand that deletes or stops one ("az network watcher
 * flow-log delete"). The per-service readers above know the operations that need more than a name.
 */
function safeguardSwitches(ctx: ReadContext, a: Args): void {
  // The command group up to its verb: "network watcher flow-log delete", "cloudtrail stop-logging". Names after the verb are resources.
  const program = a.words.findIndex((w) => CLOUD_PROGRAMS.includes(w));
  const group: string[] = [];
  let verb: string | undefined;
  for (let i = program + 1; program >= 0 && i < a.words.length && i <= program + 6 && !a.words[i].startsWith('-'); i++) {
    const w = a.words[i];
    const dash = w.indexOf('-');
    verb = OFF_WORDS.has(w) || ON_WORDS.has(w) ? w : dash > 0 && (OFF_WORDS.has(w.slice(0, dash)) || ON_WORDS.has(w.slice(0, dash))) ? w.slice(0, dash) : undefined;
    if (verb !== undefined && verb !== w) group.push(w.slice(dash + 1));
    if (verb !== undefined) break;
    group.push(w);
  }
  if (verb !== undefined) for (const hazard of safeguardsNamed(ctx, group.join(' '))) (OFF_WORDS.has(verb) ? opens(ctx, hazard, `${a.source}: ${a.words.slice(program, program + group.length + 2).join(' ')}`) : closes(ctx, hazard));
  // "--image-scanning-configuration scanOnPush=true", "--metadata enable-oslogin=TRUE": settings written inside a flag's value.
  const inner: [string, string][] = [];
  for (const [, value] of a.named) {
    if (value.length > 300 || !value.includes('=') || value.includes(' ')) continue;
    for (const pair of splitOn(value, ',')) {
      const eq = pair.indexOf('=');
      if (eq > 0 && eq < pair.length - 1) inner.push([pair.slice(0, eq).toLowerCase(), pair.slice(eq + 1)]);
    }
  }
  // PowerShell's $true/$false switches are read by the on-premises readers, which know when clearing one is part of a bounded operation.
  for (const [written, value] of [...a.named, ...inner.slice(0, 20)]) {
    let name = written;
    const off = OFF_PREFIXES.find((p) => name.startsWith(p));
    if (off) name = name.slice(off.length);
    const on = ON_PREFIXES.find((p) => name.startsWith(p));
    if (on) name = name.slice(on.length);
    // A glued "--LoggingEnabled true": the safeguard is the name without its state word.
    if (name.length > 9 && !name.includes('-') && name.endsWith('enabled')) name = name.slice(0, -'enabled'.length);
    const flagOff = value.toLowerCase() === 'false' || value.toLowerCase() === 'off' || value === '0' || value.toLowerCase() === 'disabled';
    const switchedOff = off ? !flagOff : flagOff;
    const switchedOn = !switchedOff && (on !== undefined || value.toLowerCase() === 'true' || value.toLowerCase() === 'enabled');
    if (!switchedOff && !switchedOn) continue;
    // "az webapp auth update --enabled false": a flag that only says on or off switches what the command group names.
    const named = STATE_FLAGS.has(normKey(name)) ? group.join(' ') : name;
    for (const hazard of safeguardsNamed(ctx, named)) (switchedOff ? opens(ctx, hazard, `${a.source}: --${written}${value === 'true' ? '' : ` ${value}`}`) : closes(ctx, hazard));
  }
  // A flag is a key with a value: the generic key readers read it as they read the same setting in a body
  // ("--min-tls-version TLS1_2", "-AccountNotDelegated $true", "--retention-time 730").
  for (const [written, value] of [...a.named, ...inner.slice(0, 20)]) {
    if (!/^[a-z][a-z0-9_-]{1,60}$/.test(written)) continue;
    const json = value.length <= 4000 && (value.startsWith('{') || value.startsWith('[')) ? parseJson(value) : undefined;
    if (json !== undefined) readSettingTree(ctx, json, `${a.source}: --${written}`, written);
    else readFlagSetting(ctx, written, value, `${a.source}: --${written}`);
  }
}

const has = (a: Args, ...words: string[]) => words.some((w) => a.wordSet.has(w));
const flag = (a: Args, ...names: string[]) => {
  for (const n of names) if (a.flags.has(n)) return a.flags.get(n);
  return undefined;
};
const flagOn = (a: Args, name: string) => {
  const v = a.flags.get(name)?.toLowerCase();
  return v !== undefined && v !== 'false' && v !== '0' && v !== 'no' && v !== 'off';
};

function parseJson(text: string | undefined): unknown {
  if (!text || text.length > READING_CAP_CHARS) return undefined;
  const t = text.trim();
  if (!t.startsWith('{') && !t.startsWith('[')) return undefined;
  try {
    return JSON.parse(t);
  } catch {
    return undefined;
  }
}

/** AWS shorthand and JSON for --ip-permissions: "IpProtocol=tcp,FromPort=22,ToPort=22,IpRanges=[{CidrIp=0.0.0.0/0}]". */
function shorthandRule(ctx: ReadContext, text: string, set: PortSet, sources: string[]): void {
  const parts = splitOn(text, ',=[]{}"\' ');
  let from: number | undefined;
  for (let i = 0; i < parts.length; i++) {
    const key = normKey(parts[i]);
    const value = parts[i + 1];
    if (key === 'fromport') from = Number(value);
    else if (key === 'toport' && from !== undefined) addRange(ctx, from, Number(value), set);
    else if (key === 'ipprotocol' && (value === '-1' || value?.toLowerCase() === 'all')) set.all = true;
    else if (isWorldSource(parts[i]) || BOUNDED_SOURCE.test(parts[i])) sources.push(parts[i]);
  }
}

/** A source that names addresses or a group of them: an IPv4 address or CIDR, a security group, a prefix list. */
const BOUNDED_SOURCE = /^(?:\d{1,3}(?:\.\d{1,3}){3}(?:\/\d{1,2})?|sg-[0-9a-f]{4,32}|pl-[0-9a-f]{4,32})$/i;

function ingress(ctx: ReadContext, a: Args, sourceFlags: string[], portFlags: string[]): void {
  const set: PortSet = { ports: [], all: false };
  const sources: string[] = [];
  for (const f of sourceFlags) {
    const v = a.flags.get(f);
    if (v) sources.push(...splitOn(v, ', '));
  }
  for (const f of portFlags) {
    const v = a.flags.get(f);
    if (v) readPorts(ctx, v, set);
  }
  const protocol = flag(a, 'protocol', 'ipprotocol')?.toLowerCase();
  if (protocol === '-1' || protocol === 'all' || protocol === '*') set.all = set.all || set.ports.length === 0;
  const allow = flag(a, 'allow', 'rules');
  if (allow) for (const r of splitOn(allow, ',')) (r.includes(':') ? readPorts(ctx, r, set) : (set.all = set.all || r.toLowerCase() === 'all' || r.toLowerCase() === 'tcp'));
  const permissions = flag(a, 'ippermissions');
  if (permissions) {
    const json = parseJson(permissions);
    if (json === undefined) shorthandRule(ctx, permissions, set, sources);
    else shorthandRule(ctx, JSON.stringify(json), set, sources);
  }
  for (const p of set.ports) ctx.b.add('change.ports', String(p), a.source);
  const world = sources.filter(isWorldSource);
  const scoped = [...sources, ...['sourcegroup', 'sourcetags', 'sourceserviceaccounts'].map((f) => a.flags.get(f)).filter((g): g is string => !!g)];
  if (world.length === 0) {
    if (scoped.length > 0) checks(ctx, 'network_rule_scoped', `${a.source}: from ${scoped.slice(0, 4).join(', ')}${portsShown(set)}`);
    return;
  }
  const where = `${a.source}: from ${world.join(', ')}`;
  if (set.all) opensToWorld(ctx, 'all', where);
  else if (set.ports.length > 0) opensToWorld(ctx, set.ports, where);
  else opens(ctx, 'world_open', where);
}

function policyArgument(ctx: ReadContext, a: Args, ...names: string[]): void {
  const doc = parseJson(flag(a, ...names));
  if (isRecord(doc)) readPolicyDocument(ctx, doc, a.source);
}

const DISPOSABLE_PARTS = ['cache', 'tmp', 'temp', 'localcache', 'logs'];

/** A path whose removal is housekeeping (caches, temporary files), not data loss. */
function disposablePath(path: string): boolean {
  const parts = splitOn(path.toLowerCase(), '/\\.%');
  return parts.some((p) => DISPOSABLE_PARTS.some((d) => p === d || p.endsWith(d) || p.startsWith(d)));
}

/**
 * The ticket records that a Windows profile's files live in OneDrive: Known Folder Move (folder redirection) is on and
 * the sync client reports nothing waiting to upload. Microsoft documents that redirected known folders sync to OneDrive
 * and return on a new profile (Microsoft Learn, Redirect and move Windows known folders to OneDrive), so removing the
 * local profile deletes a copy. Both must be shown: KFM off, a sync paused or files pending leave data only on the disk.
 * Returns what was read, or undefined.
 */
function profileFilesSynced(ctx: ReadContext): string | undefined {
  let redirected: string | undefined;
  let synced: string | undefined;
  let against = false;
  for (const [k, v] of Object.entries(gatheredFields(ctx)).slice(0, 80)) {
    const key = normKey(k);
    const text = (typeof v === 'string' ? v : typeof v === 'boolean' ? String(v) : '').toLowerCase().slice(0, 200);
    if (!text) continue;
    if (key.includes('knownfolder') || key === 'kfm' || key.includes('folderredirection')) {
      if (/^(enabled|on|true|yes|applied)\b/.test(text) && !/\bnot\b|\bpartial/.test(text)) redirected = `${k}: ${text.slice(0, 60)}`;
      else against = true;
    }
    if (key.includes('onedrive') || key.includes('syncstatus') || key.includes('syncclient')) {
      const pending = /(\d+)\s*(pending|waiting|files? (to|waiting))/.exec(text);
      if (/\b(paused|error|stopped|processing|not syncing|signed out)\b/.test(text) || (pending && Number(pending[1]) > 0)) against = true;
      else if (/up to date|\bsynced\b|in sync|\b0 pending\b/.test(text)) synced = `${k}: ${text.slice(0, 60)}`;
    }
  }
  return redirected && synced && !against ? `${redirected}; ${synced}` : undefined;
}

function destroys(ctx: ReadContext, a: Args, what: string): void {
  opens(ctx, 'destructive', `${a.source}: ${what}`);
  ctx.b.set('change.destroys', what, a.source);
}

/** A cluster's Kubernetes API endpoint reachable from every address: an administration interface open to the internet. */
export function controlPlaneOpen(ctx: ReadContext, source: string): void {
  opensToWorld(ctx, [], source);
  ctx.b.add('change.world_open_admin_ports', '443 (Kubernetes API server)', source);
}

/** A flag's value with the words after it up to the next flag: a quoted filter with spaces in it ("a AND b"). */
function flagRest(a: Args, name: string): string | undefined {
  const at = a.words.findIndex((w) => w.startsWith('-') && normKey(w.split('=', 1)[0]) === name);
  if (at < 0) return undefined;
  const parts = [a.words[at].includes('=') ? a.words[at].slice(a.words[at].indexOf('=') + 1) : ''];
  for (let j = at + 1; j < a.words.length && j < at + 40 && !a.words[j].startsWith('--'); j++) parts.push(a.words[j]);
  return parts.join(' ').trim();
}

/**
 * A rule that hides findings (an SCC mute rule, a GuardDuty archive filter): one that selects by severity, or
 * that names no resource or project, hides a whole class of findings from the people who triage them.
 */
function broadSuppression(ctx: ReadContext, filter: string | undefined, source: string): void {
  const f = normKey(filter ?? '');
  const scoped = f.includes('resourcename') || f.includes('resourcedisplayname') || f.includes('resourceprojectdisplayname') || f.includes('resourceid') || f.includes('resourcearn') || f.includes('instanceid') || f.includes('accountid');
  if (f.includes('severity') || !scoped) opens(ctx, 'monitoring_off', `${source} hides ${filter ? `every finding matching ${filter}` : 'every finding'}`);
}

function aws(ctx: ReadContext, a: Args): void {
  // S3 Object Lock in governance mode: --bypass-governance-retention deletes what the lock keeps.
  if (a.flags.has('bypassgovernanceretention') && flagOn(a, 'bypassgovernanceretention')) opens(ctx, 'deletion_protection_off', `${a.source}: --bypass-governance-retention`);
  // EKS public endpoint open to 0.0.0.0/0 (the default when no CIDRs are given): CIS EKS Benchmark 5.4.2, Checkov CKV_AWS_39.
  const vpc = (flag(a, 'resourcesvpcconfig') ?? '').toLowerCase().replaceAll(' ', '');
  if (has(a, 'eks') && vpc.includes('endpointpublicaccess=true') && (vpc.includes('0.0.0.0/0') || !vpc.includes('publicaccesscidrs'))) controlPlaneOpen(ctx, `${a.source}: EKS public endpoint open to 0.0.0.0/0`);
  // The public endpoint limited to named ranges (CIS Amazon EKS Benchmark 5.4.2; Amazon EKS, cluster endpoint access control).
  else if (has(a, 'eks') && vpc.includes('publicaccesscidrs=')) {
    const cidrs = vpc.slice(vpc.indexOf('publicaccesscidrs=') + 'publicaccesscidrs='.length).replace(/["']/g, '').split(',').filter((c) => /^\d{1,3}(\.\d{1,3}){3}\/\d{1,2}$/.test(c));
    if (cidrs.length > 0 && !cidrs.some(isWorldSource)) checks(ctx, 'network_rule_scoped', `${a.source}: EKS public endpoint limited to ${cidrs.slice(0, 3).join(', ')}`);
  }
  if (has(a, 'guardduty') && has(a, 'create-filter', 'update-filter') && (flag(a, 'action') ?? '').toLowerCase() === 'archive') broadSuppression(ctx, flag(a, 'findingcriteria'), `${a.source}: archive filter`);
  // A snapshot or image shared with "all" is restorable by every AWS account (Security Hub RDS.1, EC2.1; Prowler rds_snapshots_public_access).
  if (has(a, 'modify-db-snapshot-attribute', 'modify-db-cluster-snapshot-attribute')) {
    const add = (flag(a, 'valuestoadd') ?? '').toLowerCase();
    const remove = (flag(a, 'valuestoremove') ?? '').toLowerCase();
    if (splitOn(add, ', []"\'').includes('all')) opens(ctx, 'public_principal', `${a.source}: snapshot restore attribute shared with all`);
    else if (splitOn(remove, ', []"\'').includes('all')) closes(ctx, 'public_principal');
  }
  if (has(a, 'modify-snapshot-attribute', 'modify-image-attribute')) {
    const permission = (flag(a, 'createvolumepermission', 'launchpermission') ?? '').toLowerCase();
    const groups = (flag(a, 'groupnames') ?? '').toLowerCase();
    const adding = (flag(a, 'operationtype') ?? 'add').toLowerCase() === 'add';
    if ((permission.startsWith('add') && permission.includes('group=all')) || (adding && splitOn(groups, ', "\'').includes('all'))) opens(ctx, 'public_principal', `${a.source}: snapshot or image shared with all`);
  }
  if (has(a, 'delete-public-access-block')) opens(ctx, 'block_public_access_off', `${a.source}: delete-public-access-block`);
  if (has(a, 'put-public-access-block')) {
    const cfg = flag(a, 'publicaccessblockconfiguration')?.toLowerCase() ?? '';
    if (cfg.includes('false')) opens(ctx, 'block_public_access_off', `${a.source}: put-public-access-block with a setting false`);
    else closes(ctx, 'block_public_access_off');
  }
  if (has(a, 'put-bucket-acl', 'put-object-acl', 'cp', 'sync')) {
    const acl = flag(a, 'acl')?.toLowerCase();
    const grants = [...a.flags.entries()].filter(([k]) => k.startsWith('grant')).map(([, v]) => v.toLowerCase());
    if (acl === 'public-read' || acl === 'public-read-write' || acl === 'authenticated-read' || grants.some((g) => g.includes('allusers') || g.includes('authenticatedusers'))) opens(ctx, 'public_acl', `${a.source}: ACL ${acl ?? grants.join(' ')}`);
    else if (acl === 'private') closes(ctx, 'public_acl');
  }
  if (has(a, 'put-bucket-policy')) policyArgument(ctx, a, 'policy');
  if (has(a, 'put-user-policy', 'put-role-policy', 'put-group-policy', 'create-policy', 'create-policy-version', 'update-assume-role-policy', 'create-role')) policyArgument(ctx, a, 'policydocument', 'assumerolepolicydocument');
  if (has(a, 'attach-user-policy', 'attach-role-policy', 'attach-group-policy')) {
    const arn = flag(a, 'policyarn');
    if (arn) readRoleGrant(ctx, arn, undefined, a.source);
  }
  if (has(a, 'authorize-security-group-ingress')) ingress(ctx, a, ['cidr', 'cidrip', 'sourceprefix'], ['port']);
  if (has(a, 'revoke-security-group-ingress')) closes(ctx, 'world_open');
  if (has(a, 'deactivate-mfa-device', 'delete-virtual-mfa-device')) opens(ctx, 'mfa_off', `${a.source}: MFA device removed`);
  if (has(a, 'stop-logging', 'delete-trail', 'delete-flow-logs')) opens(ctx, 'audit_logging_off', `${a.source}: ${a.words.find((w) => w === 'stop-logging' || w === 'delete-trail' || w === 'delete-flow-logs')}`);
  if (has(a, 'start-logging')) closes(ctx, 'audit_logging_off');
  // CIS AWS 3.1: a trail covers every region; narrowing it leaves the other regions unlogged.
  if (has(a, 'update-trail') && a.flags.has('noismultiregiontrail')) opens(ctx, 'audit_logging_off', `${a.source}: trail narrowed to one region`);
  if (has(a, 'delete-detector', 'disable-security-hub', 'stop-configuration-recorder', 'delete-configuration-recorder') || (has(a, 'update-detector') && a.flags.has('noenable'))) opens(ctx, 'monitoring_off', `${a.source}: threat detection or recording stopped`);
  if (has(a, 'schedule-key-deletion')) opens(ctx, 'key_deletion', `${a.source}: schedule-key-deletion`);
  if (has(a, 'disable-key', 'delete-bucket-encryption', 'disable-ebs-encryption-by-default')) opens(ctx, 'encryption_off', `${a.source}: encryption turned off`);
  if (a.flags.has('nodeletionprotection') || (a.flags.get('deletionprotection') ?? '').toLowerCase() === 'false') opens(ctx, 'deletion_protection_off', `${a.source}: --no-deletion-protection`);
  else if (a.flags.has('deletionprotection')) closes(ctx, 'deletion_protection_off');
  if (a.flags.has('publiclyaccessible') && flagOn(a, 'publiclyaccessible')) opens(ctx, 'public_database', `${a.source}: --publicly-accessible`);
  if (a.flags.has('nopubliclyaccessible')) closes(ctx, 'public_database');
  const deleted = a.words.find((w) => ['delete-db-instance', 'delete-db-cluster', 'delete-table', 'delete-bucket', 'terminate-instances', 'delete-volume', 'delete-file-system', 'delete-stack', 'delete-cluster', 'delete-repository', 'delete-objects'].includes(w));
  if (deleted) destroys(ctx, a, deleted);
  if (has(a, 'rb') && a.flags.has('force')) destroys(ctx, a, 'bucket removed with --force');
  // Secrets Manager keeps a deleted secret for a recovery window (7-30 days); forcing the delete skips it and the secret is gone.
  if (has(a, 'delete-secret')) {
    if (a.flags.has('forcedeletewithoutrecovery') && flagOn(a, 'forcedeletewithoutrecovery')) destroys(ctx, a, 'secret deleted without a recovery window');
    else opens(ctx, 'service_disruption', `${a.source}: delete-secret (every service that reads it loses it)`);
  }
  if (has(a, 'rm') && has(a, 's3') && a.flags.has('recursive')) destroys(ctx, a, 'objects removed recursively');
  if (a.flags.has('skipfinalsnapshot')) ctx.b.set('change.backup_confirmed', false, `${a.source}: --skip-final-snapshot`);
  if (a.flags.has('finaldbsnapshotidentifier')) ctx.b.set('change.backup_confirmed', true, `${a.source}: final snapshot`);
  if (a.flags.has('deleteautomatedbackups') || has(a, 'delete-db-snapshot', 'delete-snapshot', 'delete-db-cluster-snapshot', 'delete-recovery-point', 'delete-backup-vault', 'delete-backup-plan')) {
    opens(ctx, 'backups_deleted', `${a.source}: backups or snapshots deleted`);
    ctx.b.set('change.backup_confirmed', false, a.source);
  }
  if (has(a, 'create-login-profile', 'update-login-profile')) opens(ctx, 'credential_reset', `${a.source}: console password set`);
  // CIS AWS 1.4: no access key for the root user. Without --user-name the key is the caller's own, the root user's in a root session.
  if (has(a, 'create-access-key') || a.words.some((w) => w.length < 80 && normKey(lastSegment(w)) === 'createaccesskey')) {
    const user = flag(a, 'username');
    if (user ? isRootUser(user) : ctx.rootSession || isRootUser(flag(a, 'profile') ?? '')) opens(ctx, 'root_access_key', `${a.source}: create-access-key as the root user`);
  }
  // update-account-password-policy --minimum-password-length 8 --password-reuse-prevention 5 (CIS AWS 1.8, 1.9).
  for (const [name, fact] of [['minimumpasswordlength', 'change.password_min_length'], ['passwordreuseprevention', 'change.password_reuse_prevention']] as const) {
    const v = flag(a, name);
    if (v !== undefined && v !== 'true' && Number.isFinite(Number(v))) ctx.b.set(fact, Number(v), `${a.source}: --${name} ${v}`);
  }
  // Lambda function URLs and API Gateway methods with no authentication (Checkov CKV_AWS_258, CKV_AWS_59).
  if ((flag(a, 'authtype', 'authorizationtype') ?? '').toLowerCase() === 'none') opens(ctx, 'unauthenticated_access', `${a.source}: auth type NONE`);
}

/** The AWS account's root user, by the names a request gives it. */
export function isRootUser(name: string): boolean {
  const c = normKey(name);
  return c === 'root' || c === 'rootuser' || c === 'rootaccount' || c === 'accountroot';
}

function azure(ctx: ReadContext, a: Args): void {
  const tls = flag(a, 'mintlsversion', 'minimaltlsversion', 'minimumtlsversion');
  if (tls !== undefined && belowTls12(tls)) opens(ctx, 'encryption_off', `${a.source}: minimum TLS ${tls}`);
  const blob = flag(a, 'allowblobpublicaccess', 'allowpublicaccess');
  if (blob !== undefined) (flagOn(a, 'allowblobpublicaccess') || flagOn(a, 'allowpublicaccess') ? opens(ctx, 'public_acl', `${a.source}: --allow-blob-public-access ${blob}`) : closes(ctx, 'public_acl'));
  const level = flag(a, 'publicaccess')?.toLowerCase();
  if (level === 'blob' || level === 'container') opens(ctx, 'public_acl', `${a.source}: --public-access ${level}`);
  else if (level === 'off') closes(ctx, 'public_acl');
  if (has(a, 'role') && has(a, 'definition') && has(a, 'create', 'update')) {
    const definition = parseJson(flag(a, 'roledefinition'));
    if (isRecord(definition)) readRoleDefinition(ctx, definition, a.source);
  }
  if (has(a, 'role') && has(a, 'assignment') && has(a, 'create')) {
    const role = flag(a, 'role');
    if (role) readRoleGrant(ctx, role, flag(a, 'scope'), a.source);
  }
  if (has(a, 'nsg') && has(a, 'rule') && (flag(a, 'access') ?? 'allow').toLowerCase() !== 'deny' && (flag(a, 'direction') ?? 'inbound').toLowerCase() !== 'outbound') ingress(ctx, a, ['sourceaddressprefixes', 'sourceaddressprefix'], ['destinationportranges', 'destinationportrange']);
  if (has(a, 'firewall-rule') && has(a, 'create', 'update')) {
    const start = flag(a, 'startipaddress', 'startip');
    const end = flag(a, 'endipaddress', 'endip');
    if (start === '0.0.0.0' && end === '255.255.255.255') opens(ctx, 'public_database', `${a.source}: firewall rule ${start} - ${end}`);
  }
  if (has(a, 'diagnostic-settings', 'log-profiles') && has(a, 'delete')) opens(ctx, 'audit_logging_off', `${a.source}: diagnostic settings deleted`);
  if (has(a, 'pricing') && (flag(a, 'tier') ?? '').toLowerCase() === 'free') opens(ctx, 'monitoring_off', `${a.source}: Defender plan set to free`);
  if (has(a, 'keyvault') && has(a, 'purge', 'delete')) opens(ctx, 'key_deletion', `${a.source}: key vault or key deleted`);
  if (has(a, 'lock') && has(a, 'delete')) opens(ctx, 'deletion_protection_off', `${a.source}: resource lock deleted`);
  if (has(a, 'ad') && has(a, 'user') && has(a, 'delete')) opens(ctx, 'deletes_accounts', `${a.source}: az ad user delete`);
  if (has(a, 'delete') && has(a, 'group', 'vm', 'db', 'account', 'server', 'cluster', 'container') && !has(a, 'lock', 'diagnostic-settings', 'keyvault', 'rule', 'firewall-rule', 'assignment')) destroys(ctx, a, `az ${a.words.slice(1, 4).join(' ')}`);
}

function gcloud(ctx: ReadContext, a: Args): void {
  if (has(a, 'add-iam-policy-binding')) {
    const member = flag(a, 'member') ?? '';
    const role = flag(a, 'role');
    if (isPublicMember(member)) opens(ctx, 'public_principal', `${a.source}: --member ${member}`);
    if (role) readRoleGrant(ctx, role, undefined, a.source);
  }
  if (has(a, 'remove-iam-policy-binding')) closes(ctx, 'public_principal');
  if (has(a, 'firewall-rules') && has(a, 'create', 'update') && (flag(a, 'direction') ?? 'ingress').toLowerCase() !== 'egress') ingress(ctx, a, ['sourceranges'], ['ports']);
  const networks = flag(a, 'authorizednetworks');
  if (networks && splitOn(networks, ',').some(isWorldSource)) opens(ctx, 'public_database', `${a.source}: --authorized-networks ${networks}`);
  // GKE control plane without authorized networks, or with 0.0.0.0/0 among them: the API server answers any address
  // (CIS GKE Benchmark 5.6.3; Checkov CKV_GCP_20).
  if (has(a, 'clusters') && has(a, 'create', 'update')) {
    const networks = flag(a, 'masterauthorizednetworks');
    if (a.flags.has('noenablemasterauthorizednetworks') || (networks !== undefined && splitOn(networks, ',').some(isWorldSource))) controlPlaneOpen(ctx, `${a.source}: control plane authorized networks off or open to 0.0.0.0/0`);
  }
  // An API key is a bearer credential: with no application restriction and no API target it works from anywhere against
  // every API the project enables (CIS GCP Foundation 1.13, 1.14).
  if (has(a, 'api-keys') && has(a, 'create')) {
    const app = ['allowedreferrers', 'allowedips', 'allowedbundleids', 'allowedapplication'].find((f) => a.flags.has(f));
    const api = a.flags.has('apitarget');
    if (app && api) checks(ctx, 'credential_scoped', `${a.source}: API key restricted by --${app.replace('allowed', 'allowed-')} and --api-target ${flag(a, 'apitarget') ?? ''}`);
    else opens(ctx, 'api_key_unrestricted', `${a.source}: api-keys create without ${app ? '' : 'an application restriction'}${!app && !api ? ' or ' : ''}${api ? '' : 'an API target'}`, `without ${app ? '' : 'an application restriction'}${!app && !api ? ' or ' : ''}${api ? '' : 'an API restriction'}`);
  }
  if (has(a, 'sinks') && has(a, 'delete')) opens(ctx, 'audit_logging_off', `${a.source}: log sink deleted`);
  // A Security Command Center mute rule hides every finding its filter matches, future ones included.
  if (has(a, 'muteconfigs', 'mute-configs') && has(a, 'create', 'update')) broadSuppression(ctx, flagRest(a, 'filter'), `${a.source}: mute rule`);
  if (has(a, 'kms') && has(a, 'destroy')) opens(ctx, 'key_deletion', `${a.source}: key version destroyed`);
  // Secret Manager deletes a secret and all its versions at once, and a destroyed version cannot be brought back.
  if (has(a, 'secrets') && (has(a, 'delete') || (has(a, 'versions') && has(a, 'destroy')))) destroys(ctx, a, `gcloud ${a.words.slice(1, 4).join(' ')}`);
  if (has(a, 'delete') && has(a, 'projects', 'instances', 'buckets', 'clusters', 'datasets') && !has(a, 'sinks', 'firewall-rules')) destroys(ctx, a, `gcloud ${a.words.slice(1, 4).join(' ')}`);
  // gsutil iam ch allUsers:objectViewer gs://b ; gsutil acl ch -u AllUsers:R gs://b
  if (has(a, 'gsutil') && has(a, 'ch')) {
    const removing = a.flags.has('d');
    const grant = a.words.find((w) => w.startsWith('allusers:') || w.startsWith('allauthenticatedusers:')) ?? (a.flags.get('u') ?? '').toLowerCase();
    if (!removing && (grant.startsWith('allusers') || grant.startsWith('allauthenticatedusers'))) opens(ctx, 'public_principal', `${a.source}: ${grant}`);
    if (removing) closes(ctx, 'public_principal');
  }
  if (has(a, 'rm') && has(a, 'gsutil') && (a.flags.has('r') || a.flags.has('m'))) destroys(ctx, a, 'gsutil rm -r');
}

function kubectl(ctx: ReadContext, a: Args): void {
  if (has(a, 'clusterrolebinding', 'rolebinding') && has(a, 'create')) {
    const role = flag(a, 'clusterrole', 'role') ?? '';
    const subjects = ['user', 'group', 'serviceaccount'].map((f) => a.flags.get(f)).filter((s): s is string => !!s);
    if (normKey(role) === 'clusteradmin') opens(ctx, 'cluster_admin_subject', `${a.source}: cluster-admin bound to ${subjects.join(', ')}`, subjects.join(', ') || 'unknown subjects');
    if (subjects.some(isPublicMember)) opens(ctx, 'public_principal', `${a.source}: bound to ${subjects.join(', ')}`);
  }
  // kubectl create clusterrole x --verb='*' --resource='*': every action on everything (CIS Kubernetes 5.1.3).
  if (has(a, 'clusterrole', 'role') && has(a, 'create') && flag(a, 'verb') === '*' && flag(a, 'resource') === '*') opens(ctx, 'wildcard_admin', `${a.source}: role with verbs "*" on resources "*"`);
  if (has(a, 'delete') && has(a, 'namespace', 'ns', 'pvc', 'pv', 'persistentvolumeclaim', 'persistentvolume', 'statefulset')) destroys(ctx, a, `kubectl ${a.words.slice(1, 4).join(' ')}`);
}

function powershell(ctx: ReadContext, a: Args): void {
  for (const f of ['forwardingsmtpaddress', 'forwardingaddress', 'forwardto', 'redirectto', 'forwardasattachmentto']) {
    const to = a.flags.get(f);
    if (to === undefined) continue;
    if (to === '$null' || to === '' || to === 'null') closes(ctx, 'external_forwarding');
    else if (isExternalAddress(ctx, to)) opens(ctx, 'external_forwarding', `${a.source}: forwards to ${to}`, true);
  }
  if (a.flags.has('strongauthenticationrequirements') || has(a, 'remove-mguserauthenticationmethod', 'remove-mguserauthenticationphonemethod', 'remove-mguserauthenticationmicrosoftauthenticatormethod')) opens(ctx, 'mfa_off', `${a.source}: MFA requirement or method removed`);
  if (has(a, 'set-adaccountpassword', 'set-msoluserpassword', 'unlock-adaccount', 'new-mguserauthenticationtemporaryaccesspassmethod', 'reset-mguserauthenticationmethodpassword')) opens(ctx, 'credential_reset', `${a.source}: ${a.words.find((w) => w.includes('-'))}`);
  if (a.flags.has('disablerealtimemonitoring') && flagOn(a, 'disablerealtimemonitoring')) opens(ctx, 'endpoint_control_off', `${a.source}: real-time protection off`);
  if (has(a, 'set-executionpolicy') && has(a, 'unrestricted', 'bypass')) opens(ctx, 'endpoint_control_off', `${a.source}: execution policy bypassed`);
  // Add-ADGroupMember -Identity "Domain Admins" -Members x: membership of a group that administers the directory.
  const adds = a.words.findIndex((w) => w === 'add-adgroupmember' || w === 'add-localgroupmember' || w === 'add-mggroupmember' || w === 'add-azureadgroupmember' || w === 'add-msolgroupmember');
  if (adds >= 0) {
    const group = flagPhrase(a, adds, 'identity', 'group', 'groupname', 'groupid', 'name', 'groupobjectid');
    if (group) readRoleGrant(ctx, group, undefined, `${a.source}: ${a.words[adds]} ${group}`);
  }
  if (has(a, 'enable-adaccount', 'enable-mguser', 'enable-azureaduser') || ((has(a, 'set-mguser', 'update-mguser', 'set-azureaduser', 'set-msoluser') && ['accountenabled', 'blockcredential'].some((f) => a.flags.has(f)) && (flagOn(a, 'accountenabled') || (a.flags.has('blockcredential') && !flagOn(a, 'blockcredential')))))) opens(ctx, 'account_reenabled', `${a.source}: account enabled`);
  if (has(a, 'remove-mguser', 'remove-azureaduser', 'remove-msoluser', 'remove-aduser', 'remove-entrauser')) opens(ctx, 'deletes_accounts', `${a.source}: user accounts deleted`);
  // Remove-Mailbox deletes the mailbox and its user account (Microsoft Learn, Remove-Mailbox): the mail goes with it.
  if (has(a, 'remove-mailbox')) {
    opens(ctx, 'deletes_accounts', `${a.source}: Remove-Mailbox (the mailbox and its user account)`);
    destroys(ctx, a, 'the mailbox, its content and its user account (Remove-Mailbox)');
  }
  // A Win32_UserProfile instance removed deletes the profile folder with every file in it (Microsoft Learn, Win32_UserProfile).
  if (has(a, 'remove-ciminstance', 'remove-wmiobject') && a.words.some((w) => w.includes('win32_userprofile'))) {
    const synced = profileFilesSynced(ctx);
    if (synced) checks(ctx, 'profile_files_synced', `${a.source}: the profile is removed, its files are held in OneDrive (${synced})`);
    else destroys(ctx, a, 'the user profile and the files in it (Win32_UserProfile removed)');
  }
  if (has(a, 'remove-item') && a.flags.has('recurse')) {
    const target = a.words.find((w, i) => i > 0 && !w.startsWith('-') && w !== 'remove-item') ?? '';
    if (!disposablePath(target)) destroys(ctx, a, `Remove-Item -Recurse ${target}`.trim());
  }
}

/** API operation names ("ec2:AuthorizeSecurityGroupIngress", "DeleteDBInstance", "resetPassword") read as the operation they are. */
const OPERATIONS: ReadonlyArray<[string[], (ctx: ReadContext, source: string) => void]> = [
  [['deletepublicaccessblock', 'deletebucketpublicaccessblock'], (c, s) => opens(c, 'block_public_access_off', s)],
  [['deactivatemfadevice', 'deletevirtualmfadevice', 'disablemfa', 'deletemfa'], (c, s) => opens(c, 'mfa_off', s)],
  [['stoplogging', 'deletetrail', 'deleteflowlogs', 'deletediagnosticsetting', 'deletesink'], (c, s) => opens(c, 'audit_logging_off', s)],
  [['deletedetector', 'disablesecurityhub', 'stopconfigurationrecorder', 'deleteconfigurationrecorder'], (c, s) => opens(c, 'monitoring_off', s)],
  [['schedulekeydeletion', 'destroycryptokeyversion'], (c, s) => opens(c, 'key_deletion', s)],
  [['disablekey', 'deletebucketencryption', 'disableebsencryptionbydefault'], (c, s) => opens(c, 'encryption_off', s)],
  [['deletedbsnapshot', 'deletesnapshot', 'deletedbclustersnapshot', 'deleterecoverypoint', 'deletebackupvault', 'deletebackupplan', 'deletebackup'], (c, s) => opens(c, 'backups_deleted', s)],
  [['deletedbinstance', 'deletedbcluster', 'deletetable', 'deletebucket', 'terminateinstances', 'deletevolume', 'deletefilesystem', 'deletestack', 'deletecluster', 'deletedatabase', 'dropdatabase', 'deleteresourcegroup', 'deleteproject'], (c, s) => {
    opens(c, 'destructive', s);
    c.b.set('change.destroys', s, s);
  }],
  [['createloginprofile', 'updateloginprofile', 'resetpassword', 'adminresetuserpassword', 'adminsetuserpassword', 'temporaryaccesspassmethods', 'createtemporaryaccesspass', 'resetfactors', 'resetfactor', 'resetmfa', 'resetauthenticator', 'resetauthenticationmethods'], (c, s) => opens(c, 'credential_reset', s)],
  [['revokesecuritygroupingress'], (c) => closes(c, 'world_open')],
];

const OPERATION_BY_NAME = new Map(OPERATIONS.flatMap(([names, act]) => names.map((n) => [n, act] as const)));
const SHORTEST_OPERATION = Math.min(...[...OPERATION_BY_NAME.keys()].map((n) => n.length));

function operations(ctx: ReadContext, a: Args): void {
  for (const w of a.wordSet) {
    if (w.length < SHORTEST_OPERATION) continue;
    const act = OPERATION_BY_NAME.get(normKey(lastSegment(w)));
    if (act) act(ctx, `${a.source}: ${w}`);
  }
}

/** A flag's value as the words after it up to the next flag ('-Identity "Domain Admins"' → "domain admins"). */
function flagPhrase(a: Args, from: number, ...names: string[]): string | undefined {
  for (let i = from + 1; i < a.words.length; i++) {
    if (!a.words[i].startsWith('-') || !names.includes(normKey(a.words[i]))) continue;
    const words: string[] = [];
    for (let j = i + 1; j < a.words.length && words.length < 6 && !a.words[j].startsWith('-'); j++) words.push(a.words[j]);
    return words.join(' ') || undefined;
  }
  return undefined;
}

function shell(ctx: ReadContext, a: Args): void {
  operations(ctx, a);
  // Clearing the Security or System event log destroys the audit trail (MITRE ATT&CK T1070.001).
  if ((has(a, 'wevtutil') && has(a, 'cl', 'clear-log')) || has(a, 'clear-eventlog', 'remove-eventlog') || (has(a, 'auditpol') && a.words.some((w) => w === '/clear' || w === '/remove'))) {
    opens(ctx, 'audit_logging_off', `${a.source}: event log cleared`);
  }
  // net group "Domain Admins" user /add /domain
  const net = a.words.indexOf('group');
  if (has(a, 'net') && net >= 0 && a.words.includes('/add')) {
    const group = a.words.slice(net + 1, net + 3).join(' ');
    readRoleGrant(ctx, group, undefined, `${a.source}: net group ${group} /add`);
    readRoleGrant(ctx, a.words[net + 1] ?? '', undefined, `${a.source}: net group ${a.words[net + 1]} /add`);
  }
  const rm = a.words.indexOf('rm');
  if (rm >= 0 && !has(a, 'aws', 'gsutil', 'kubectl')) {
    const recursive = a.words.slice(rm + 1).some((w) => w === '-rf' || w === '-fr' || w === '-r' || w === '-R'.toLowerCase() || w === '--recursive' || w === '-rfv');
    const targets = a.words.slice(rm + 1).filter((w) => !w.startsWith('-'));
    if (recursive && targets.some((t) => !disposablePath(t))) destroys(ctx, a, `rm -rf ${targets.join(' ')}`);
  }
  if (a.words.some((w) => w.startsWith('mkfs') || w === 'wipefs' || w === 'shred') || (has(a, 'dd') && a.words.some((w) => w.startsWith('of=/dev/')))) destroys(ctx, a, 'disk overwritten');
  if (has(a, 'terraform') && (has(a, 'destroy') || a.flags.has('destroy'))) destroys(ctx, a, 'terraform destroy');
  // MongoDB shell: an empty filter matches every document; drop() removes the collection.
  const mongo = a.words.find((w) => w.length <= 200 && (w.includes('deletemany({})') || w.includes('remove({})') || w.endsWith('.drop()') || w.includes('dropdatabase(')));
  if (mongo) destroys(ctx, a, mongo);
  if (has(a, 'spctl') && a.flags.has('masterdisable')) opens(ctx, 'endpoint_control_off', `${a.source}: Gatekeeper disabled`);
  if (has(a, 'netsh') && has(a, 'advfirewall') && has(a, 'off')) opens(ctx, 'endpoint_control_off', `${a.source}: host firewall off`);
  if (a.flags.has('anonymousauth') && flagOn(a, 'anonymousauth')) opens(ctx, 'unauthenticated_access', `${a.source}: --anonymous-auth=true`);
  if (a.flags.has('allowunauthenticated')) opens(ctx, 'unauthenticated_access', `${a.source}: --allow-unauthenticated`);
  // docker run --privileged, kubectl run --privileged, podman: the container gets the host's devices and capabilities.
  if (a.flags.has('privileged') && flagOn(a, 'privileged')) opens(ctx, 'privileged_workload', `${a.source}: --privileged`);
  // gh api -X DELETE repos/o/r/branches/main/protection: a REST call read by the resource its path names.
  const api = a.words.indexOf('api');
  if (has(a, 'gh') && api >= 0) {
    const path = a.words.slice(api + 1).find((w, i, rest) => !w.startsWith('-') && !(i > 0 && rest[i - 1].startsWith('-') && !rest[i - 1].includes('=')));
    if (path) readRestCall(ctx, flag(a, 'x', 'method') ?? 'get', path, undefined, a.source);
  }
  // gh repo deploy-key add key.pub --allow-write: a deploy key that can push.
  if (has(a, 'gh') && has(a, 'deploy-key') && has(a, 'add') && (a.flags.has('allowwrite') || a.flags.has('w'))) opens(ctx, 'write_deploy_key', `${a.source}: deploy key added with --allow-write`);
  // kube-apiserver --authorization-mode=AlwaysAllow (CIS Kubernetes 1.2.7), az aks create --disable-rbac (Checkov CKV_AZURE_5).
  if ((flag(a, 'authorizationmode') ?? '').toLowerCase().includes('alwaysallow') || (has(a, 'aks') && a.flags.has('disablerbac'))) opens(ctx, 'authorization_off', `${a.source}: Kubernetes authorization switched off`);
  managementAccess(ctx, a);
  const joined = a.words.join(' ');
  if (joined.includes('temporaryaccesspass')) opens(ctx, 'credential_reset', `${a.source}: temporary access pass issued`);
  if (a.words.some((w) => normKey(w).endsWith('resetpassword') || normKey(w).includes('resetpassword'))) opens(ctx, 'credential_reset', `${a.source}: password reset`);
}

/** Management services a network device can serve on an interface (FortiOS allowaccess), with their ports. */
const MANAGEMENT_SERVICES: Readonly<Record<string, number>> = { https: 443, http: 80, ssh: 22, telnet: 23, fgfm: 541, snmp: 161 };
/** Interface names that face the internet by convention (FortiGate wan1/wan2, zones named untrust or outside). */
const INTERNET_INTERFACE = ['wan', 'untrust', 'outside', 'internet', 'external'];

/**
 * FortiOS "config system interface / edit wan1 / set allowaccess https ssh": the administration interface
 * served on an internet-facing port (CISA BOD 23-02, internet-exposed management interfaces).
 */
function managementAccess(ctx: ReadContext, a: Args): void {
  let iface = '';
  for (let i = 0; i < a.words.length; i++) {
    if (a.words[i] === 'edit') iface = a.words[i + 1] ?? '';
    if (a.words[i] !== 'allowaccess' || a.words[i - 1] !== 'set') continue;
    const name = normKey(iface);
    if (!INTERNET_INTERFACE.some((w) => name.startsWith(w) || name.endsWith(w))) continue;
    const served: string[] = [];
    for (let j = i + 1; j < a.words.length && j < i + 14 && a.words[j] !== 'set' && a.words[j] !== 'next' && a.words[j] !== 'end'; j++) served.push(a.words[j]);
    const admin = served.filter((w) => MANAGEMENT_SERVICES[w] !== undefined);
    if (admin.length === 0) {
      closes(ctx, 'world_open');
      continue;
    }
    opensToWorld(ctx, [], `${a.source}: ${iface} allowaccess ${served.join(' ')}`);
    for (const w of admin) ctx.b.add('change.world_open_admin_ports', `${MANAGEMENT_SERVICES[w]} (${w} management on ${iface})`, a.source);
  }
}

/**
 * SQL grants: ALL privileges on every database ("ON *.*", MySQL) or a role made SUPERUSER (PostgreSQL)
 * administer the whole server (CIS Oracle MySQL and PostgreSQL Benchmarks: administrative privileges only for administrators).
 */
function sqlGrants(ctx: ReadContext, t: readonly { text: string; kind: string }[], source: string): void {
  for (let i = 0; i < t.length; i++) {
    if (t[i].text !== 'grant' || t[i + 1]?.text === 'option') continue;
    let j = i + 1;
    const privileges: string[] = [];
    while (j < t.length && j < i + 40 && t[j].text !== 'on' && t[j].text !== ';') privileges.push(t[j++].text);
    if (t[j]?.text !== 'on') continue;
    let object = '';
    for (j++; j < t.length && j < i + 80 && t[j].text !== 'to' && t[j].text !== ';'; j++) object += t[j].text;
    if (privileges.includes('all') && (object === '*.*' || object === '*')) opens(ctx, 'wildcard_admin', `${source}: GRANT ALL ON ${object}`);
    else checks(ctx, 'grant_scoped', `${source}: GRANT ${privileges.join(' ').slice(0, 60)} ON ${object.slice(0, 60)}`);
  }
  for (let i = 0; i + 1 < t.length; i++) {
    if ((t[i].text === 'alter' || t[i].text === 'create') && (t[i + 1].text === 'role' || t[i + 1].text === 'user')) {
      for (let j = i + 2; j < t.length && j < i + 30 && t[j].text !== ';'; j++) if (t[j].text === 'superuser') readRoleGrant(ctx, 'superuser', undefined, `${source}: role made SUPERUSER`);
    }
  }
}

/**
 * Words that continue a SQL statement on its next line ("DELETE FROM t\n WHERE …"): a clause of the statement,
 * not a new one. A line break ends a statement only when the next line does not start with one of them.
 */
const SQL_CONTINUES = new Set(['where', 'and', 'or', 'from', 'join', 'inner', 'left', 'right', 'outer', 'on', 'using', 'set', 'limit', 'order', 'group', 'having', 'returning', 'in', 'not', 'exists', 'values', 'select', '(', ')', 'as', 'with', 'cascade', 'restrict']);

/** Statements that read and change nothing. */
const SQL_READS = new Set(['select', 'with', 'explain', 'show', 'describe', 'desc']);
/** Statements that bound the write they wrap: a transaction, a row count check. */
const SQL_BOUNDED = new Set(['begin', 'commit', 'rollback', 'start', 'update', 'delete', 'if', 'raiserror', 'throw', 'declare', 'set']);

/** SQL read from the words of each statement (a statement ends at ';', or at a line break whose next line starts no clause of it). */
function sql(ctx: ReadContext, v: TextView, source: string): 'trim' | 'reads' | undefined {
  const t = v.raw;
  sqlGrants(ctx, t, source);
  // Whether each statement has a WHERE, found in one pass (so many DELETEs in one statement cost no more than one).
  const statement = new Array<number>(t.length);
  const filtered: boolean[] = [];
  const nextWord = (i: number): string | undefined => {
    for (let j = i + 1; j < t.length && j < i + 20; j++) if (t[j].text !== '\n' && t[j].kind !== 'break') return t[j].text;
    return undefined;
  };
  for (let i = 0, s = 0; i < t.length; i++) {
    if (t[i].text === ';' || (t[i].text === '\n' && !SQL_CONTINUES.has(nextWord(i) ?? ''))) filtered[++s] = false;
    statement[i] = s;
    if (t[i].text === 'where') filtered[s] = true;
  }
  const before = ctx.opens.size;
  let filteredWrite: string | undefined;
  const leading = new Set<string>();
  for (let i = 0, s = -1; i < t.length; i++) {
    if (t[i].kind !== 'word') continue;
    if (statement[i] !== s) {
      s = statement[i];
      leading.add(t[i].text);
    }
    const w = t[i].text;
    const next = t[i + 1]?.text;
    if ((w === 'delete' && next === 'from') || w === 'update') filteredWrite ??= filtered[statement[i]] ? `${w.toUpperCase()} … WHERE` : undefined;
    if (w === 'drop' && (next === 'table' || next === 'database' || next === 'schema' || next === 'collection')) destroys(ctx, { words: [], wordSet: new Set(), flags: new Map(), named: [], source }, `DROP ${next.toUpperCase()}`);
    else if (w === 'dropdatabase') destroys(ctx, { words: [], wordSet: new Set(), flags: new Map(), named: [], source }, 'dropDatabase');
    else if (w === 'truncate' && (next === 'table' || t[i + 1]?.kind === 'word')) destroys(ctx, { words: [], wordSet: new Set(), flags: new Map(), named: [], source }, 'TRUNCATE');
    else if (w === 'delete' && next === 'from' && !filtered[statement[i]]) destroys(ctx, { words: [], wordSet: new Set(), flags: new Map(), named: [], source }, 'DELETE without WHERE');
  }
  // A retention trim is read as how long the records are kept (a danger or not by the retention rule), not as rows scoped.
  if (readRetentionTrim(ctx, v, source)) return 'trim';
  if (ctx.opens.size === before && leading.size > 0) {
    // Statements that only read (SELECT, WITH, EXPLAIN, SHOW), or writes each bounded by a WHERE clause.
    if ([...leading].every((w) => SQL_READS.has(w))) return 'reads';
    if (filteredWrite && [...leading].every((w) => SQL_READS.has(w) || SQL_BOUNDED.has(w))) checks(ctx, 'rows_scoped', `${source}: ${filteredWrite}`);
  }
  return undefined;
}

const TRIM_UNITS: Readonly<Record<string, number>> = { minute: 1 / 1440, minutes: 1 / 1440, hour: 1 / 24, hours: 1 / 24, day: 1, days: 1, week: 7, weeks: 7, month: 30.4, months: 30.4, mon: 30.4, mons: 30.4, year: 365, years: 365 };
const TRIM_AGE = /\bdelete\s+from\s+([\w."]+)[\s\S]{0,400}?(?:<|<=)\s*(?:now\(\)|current_timestamp|current_date|getdate\(\)|sysdate)\s*-\s*interval\s*'?\s*(\d+(?:\.\d+)?)\s*([a-z]+)/i;
const TRIM_DATEADD = /\bdelete\s+from\s+([\w.\[\]"]+)[\s\S]{0,400}?(?:<|<=)\s*dateadd\s*\(\s*(day|dd|d|month|mm|m|year|yy|yyyy|week|wk|ww|hour|hh)\s*,\s*-\s*(\d+)/i;

/**
 * A retention trim of audit or log records: a DELETE that keeps only the rows newer than an age ("created_at < now() -
 * interval '13 days'", "DATEADD(day, -400, GETDATE())") on a table named for audit, log or event records. What it sets
 * is how long the records are kept (`change.log_retention_days`), read against the retention minimum, not logging
 * switched off. Returns whether one was read.
 */
function readRetentionTrim(ctx: ReadContext, v: TextView, source: string): boolean {
  const text = v.text.slice(0, 4_000);
  let table: string | undefined;
  let days: number | undefined;
  const a = TRIM_AGE.exec(text);
  if (a) {
    const unit = TRIM_UNITS[a[3].toLowerCase()];
    if (unit !== undefined) [table, days] = [a[1], Number(a[2]) * unit];
  } else {
    const d = TRIM_DATEADD.exec(text);
    if (d) {
      const u = d[2].toLowerCase();
      const unit = u.startsWith('d') ? 1 : u.startsWith('w') ? 7 : u.startsWith('h') ? 1 / 24 : u === 'm' || u.startsWith('mo') || u === 'mm' ? 30.4 : 365;
      [table, days] = [d[1], Number(d[3]) * unit];
    }
  }
  if (!table || days === undefined || !/audit|log|event|trail|history/i.test(table)) return false;
  ctx.b.set('change.log_retention_days', Math.floor(days), `${source}: DELETE FROM ${table.slice(0, 60)} keeps ${Math.floor(days)} days`, true);
  return true;
}

/** Reads the commands written inside free text ("run `aws cloudtrail stop-logging --name main`"), from its view. */
export function readInlineCommands(ctx: ReadContext, v: TextView, source: string): void {
  const args = parseArgs(glued(v).map((g) => g.raw), source);
  aws(ctx, args);
  if (has(args, 'az')) azure(ctx, args);
  if (has(args, 'gcloud', 'gsutil', 'bq')) gcloud(ctx, args);
  safeguardSwitches(ctx, args);
  if (has(args, 'kubectl', 'oc')) kubectl(ctx, args);
  readCloudCommand(ctx, args.words, args.flags, args.source);
  shell(ctx, args);
  sql(ctx, v, source);
  readOnPremText(ctx, v, source);
}

/**
 * The read operations of each CLI, by its own naming: AWS API actions Describe*, Get*, List* (the CLI's describe-…,
 * get-…, list-…), az and gcloud `show`/`list`/`describe`, kubectl's viewing commands, PowerShell's Get-/Test-/Search-
 * cmdlets (Microsoft's approved verbs for reading), and the text filters a read is piped through.
 */
const READ_OPERATION = /^(describe|get|list|lookup|search|head|batch-get|generate-credential-report)(-|$)/;
const AZ_GCLOUD_READS = new Set(['show', 'list', 'describe', 'get-iam-policy', 'list-keys', 'show-tags']);
const TERRAFORM_READS = new Set(['plan', 'show', 'validate', 'output', 'providers', 'version']);
const KUBECTL_READS = new Set(['get', 'describe', 'logs', 'top', 'explain', 'version', 'api-resources', 'cluster-info']);
const CMDLET_READS = new Set(['get', 'test', 'search', 'measure', 'select', 'where', 'format', 'sort', 'group', 'convertto', 'convertfrom', 'resolve']);
const FILTERS = new Set(['grep', 'egrep', 'awk', 'jq', 'base64', 'sort', 'uniq', 'head', 'tail', 'wc', 'cut', 'column', 'tr', 'cat']);

const VALUE_FLAGS = new Set(['--context', '-n', '--namespace', '--kubeconfig', '--cluster', '--user', '--profile', '--region', '--project', '--subscription', '-g', '--resource-group', '--output', '-o', '--query']);
/** Cmdlets whose verb reads but whose effect writes: Get-Certificate enrolls a new certificate. */
const CMDLET_WRITES = new Set(['get-certificate']);

/** Programs whose commands are read here by their operation; any other first word is a program not known to read. */
const KNOWN_TOOLS = new Set(['aws', 'az', 'gcloud', 'kubectl', 'oc', ...FILTERS]);

/** One command of a pipeline or script: true when it only reads, false when it may write, undefined when it is no command. */
function readsOnly(segment: string): boolean | undefined {
  const ws = segment.trim().split(/\s+/).filter((w) => w.length > 0);
  if (ws[0] === 'sudo') ws.shift();
  const [tool, ...rest] = ws.map((w) => w.toLowerCase());
  if (!tool) return undefined;
  // Positional words, past the flags and the values of the global flags that take one (`kubectl --context prod get`).
  const args = rest.filter((w, i) => !w.startsWith('-') && !(i > 0 && VALUE_FLAGS.has(rest[i - 1])));
  if (tool === 'aws') return args[1] !== undefined && (READ_OPERATION.test(args[1]) || (args[0] === 's3' && args[1] === 'ls'));
  if (tool === 'az' || tool === 'gcloud') return args.some((w) => AZ_GCLOUD_READS.has(w)) && !args.some((w) => /^(create|delete|update|set|add|remove|assign|purge|start|stop|restart)$/.test(w));
  if (tool === 'kubectl' || tool === 'oc') return KUBECTL_READS.has(args[0] ?? '') || (args[0] === 'auth' && args[1] === 'can-i');
  // terraform plan, show, validate and output change no infrastructure (a plan file is written locally at most).
  if (tool === 'terraform' || tool === 'tofu') return TERRAFORM_READS.has(args[0] ?? '');
  if (KNOWN_TOOLS.has(tool)) return true;
  const cmdlet = /^([a-z]+)-[a-z]+$/.exec(tool);
  if (cmdlet) return CMDLET_READS.has(cmdlet[1]) && !CMDLET_WRITES.has(tool);
  // A short label with no flag ("Exchange Management Shell") is no command; anything longer may be one that writes.
  return ws.length <= 3 && !ws.some((w) => w.startsWith('-') || w.includes('/')) ? undefined : false;
}

/** Whether the text's commands only read: true when every command reads, false when one may write, undefined when it holds none. */
function readOnlyCommands(value: string): boolean | undefined {
  if (value.length > READING_CAP_CHARS || /(^|[^0-9])>|`|\$\(/.test(value)) return false;
  const segments = value.split(/\r?\n|;|&&|\|\||\|/).filter((x) => x.trim().length > 0);
  if (segments.length === 0 || segments.length > 40) return segments.length === 0 ? undefined : false;
  const each = segments.map(readsOnly);
  if (each.includes(false)) return false;
  return each.includes(true) ? true : undefined;
}

/**
 * Reads one command line (or script) at `path`; returns its view for the phrase readers. `readOnly` when every command
 * of it only reads: that accounts for the change only when all of the change's commands do (`normalise.ts`).
 */
export function readCommand(ctx: ReadContext, path: string, value: string, source = path): (TextView & { recognised: boolean; readOnly?: boolean }) | undefined {
  const read = ctx.b.text(path, value);
  if (!read) return undefined;
  const v = viewOf(read, ctx.catalogue.vocabulary);
  const args = parseArgs(glued(v).map((g) => g.raw), source);
  const before = ctx.opens.size + ctx.closes.size;
  aws(ctx, args);
  if (has(args, 'az')) azure(ctx, args);
  if (has(args, 'gcloud', 'gsutil', 'bq')) gcloud(ctx, args);
  safeguardSwitches(ctx, args);
  if (has(args, 'kubectl', 'oc')) kubectl(ctx, args);
  readCloudCommand(ctx, args.words, args.flags, args.source);
  if (args.words.some((w) => w.includes('-') && !w.startsWith('-') && (w.startsWith('set-') || w.startsWith('new-') || w.startsWith('enable-') || w.startsWith('remove-') || w.startsWith('unlock-') || w.startsWith('reset-') || w.startsWith('add-')))) powershell(ctx, args);
  shell(ctx, args);
  readTrustAnchors(ctx, args, value);
  const statements = sql(ctx, v, source);
  readOnPremText(ctx, v, source);
  readSaasCommand(ctx, args.words, args.named, source);
  // A retention trim is read as what it keeps: its words ("delete … audit events") are not read again as logging removed.
  const recognised = ctx.opens.size + ctx.closes.size > before || statements === 'trim';
  if (recognised) ctx.parameterChanges.push(source);
  return { ...v, recognised, readOnly: recognised ? false : statements === 'reads' ? true : readOnlyCommands(value) };
}
