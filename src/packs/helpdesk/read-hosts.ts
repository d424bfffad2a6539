import { factAt } from '../reading/reading.js';
import { checks, gatheredFields, opens, type ReadContext } from './read-context.js';
import { entriesOf, flagValue, isRecord, lowerText, normKey, scalarText } from './values.js';

/**
 * Shapes of host, data-store, monitoring and business-process administration whose danger is in the shape
 * of a command or setting, read across products and dialects:
 * - privilege equivalent to root: the setuid bit or a setuid-class capability on an executable, membership of a
 *   group that controls a root daemon or raw devices (docker, lxd, disk, libvirt, shadow, root);
 * - the host firewall flushed or stopped (nft flush ruleset, iptables -F, systemctl stop firewalld/ufw/nftables);
 * - the management plane bound to an interface the ticket shows as internet-facing (PAN-OS management profile);
 * - whole-datastore destruction verbs (FLUSHALL / FLUSHDB, a wildcard index DELETE, DROP SCHEMA/DATABASE) and the
 *   setting that stops wildcard deletes (action.destructive_requires_name) switched off;
 * - a forced cluster membership change (rs.reconfig force, etcd --force-new-cluster, unsafe-bootstrap, Galera
 *   pc.bootstrap, FORCE_FAILOVER_ALLOW_DATA_LOSS);
 * - recovery and durability downgraded (SQL Server SIMPLE recovery or HADR OFF on production, MySQL
 *   innodb_flush_log_at_trx_commit / sync_binlog 0);
 * - an NFS export to every host that is writable or keeps remote root;
 * - storage snapshots deleted (ONTAP, ZFS, VSS), told apart from VM snapshots the hypervisor merges;
 * - a protocol below TLS 1.2 enabled in any config dialect (nginx, Apache, HAProxy, Schannel, min-version keys);
 * - key material the ticket says was published;
 * - alert silencing at wildcard scope; the right to delete indexed events granted;
 * - an approval recorded by the agent; a vault master password recovered; bank or payment details changed;
 *   a passcode cleared on a device the ticket shows is lost.
 * Each reader matches a shape bounded in length (no text is searched across unbounded spans).
 */

const lower = (v: unknown): string => lowerText(v, 40_000);
const say = (s: string) => `action.parameters: ${s.trim().slice(0, 140)}`;

/**
 * The lines a change writes, lower case: every scalar of the parameters split by line, with unified-diff removals
 * ("-  ssl_protocols …") dropped and additions ("+  …") kept without their marker. Bounded to 2,000 lines and 200,000 characters.
 */
function changeLines(value: unknown, out: string[] = [], depth = 0, budget = { chars: 200_000 }): string[] {
  if (out.length > 2000 || depth > 8 || budget.chars <= 0) return out;
  if (typeof value === 'string') {
    budget.chars -= Math.min(value.length, 20_000);
    const diff = /^[-+]{3}\s|^@@|\n[-+]\s{0,8}\S/.test(value);
    for (const raw of value.slice(0, 20_000).toLowerCase().split('\n')) {
      if (out.length > 2000) break;
      if (diff && /^-(?!--)/.test(raw)) continue;
      out.push(diff ? raw.replace(/^\+(?!\+\+)/, '') : raw);
    }
  } else if (typeof value === 'number' || typeof value === 'boolean') out.push(String(value));
  else if (Array.isArray(value)) for (const v of value.slice(0, 200)) changeLines(v, out, depth + 1, budget);
  else if (isRecord(value)) for (const [k, v] of Object.entries(value).slice(0, 100)) {
    out.push(`${k.toLowerCase()}:`);
    changeLines(v, out, depth + 1, budget);
  }
  return out;
}

/** Groups whose members control a root daemon, raw disks or the password hashes (Docker docs, LXD docs, GTFOBins). */
const ROOT_EQUIVALENT_GROUPS = new Set(['docker', 'lxd', 'lxc', 'disk', 'libvirt', 'shadow', 'root']);
/** Capabilities that give root (capabilities(7); GTFOBins "Capabilities"). */
const ROOT_CAPS = /\bcap_(setuid|setgid|sys_admin|dac_override|dac_read_search|sys_ptrace|sys_module|chown|fowner)\b/;

function readRootEquivalent(ctx: ReadContext, lines: readonly string[]): void {
  for (const l of lines) {
    if (l.length > 2000) continue;
    // chmod u+s / +s / 4755 / 6755 on a file: the program runs as its owner (root) for every user who starts it.
    const suid = /\bchmod\s+(?:-\w+\s+)*(u\+s|a\+s|\+s|ug\+s|[46][0-7]{3})\s+(\S{1,200})/.exec(l);
    if (suid) opens(ctx, 'root_equivalent_access', say(suid[0]), `setuid bit on ${suid[2]}`);
    const cap = /\bsetcap\s+['"]?([^'"\s]{1,120})['"]?\s+(\S{1,200})/.exec(l);
    if (cap && ROOT_CAPS.test(cap[1]) && /[+=]\w*[ep]/.test(cap[1])) opens(ctx, 'root_equivalent_access', say(cap[0]), `${cap[1]} on ${cap[2]}`);
    // usermod -aG docker,adm user; gpasswd -a user docker; adduser user docker; groupmems -g docker -a user.
    const groups: string[] = [];
    const um = /\busermod\s+(?:-\w*\s+)*-a?g\s+(\S{1,200})/.exec(l) ?? /\busermod\s+--append\s+--groups\s+(\S{1,200})/.exec(l);
    if (um) groups.push(...um[1].split(','));
    const gp = /\bgpasswd\s+(?:-a|--add)\s+\S{1,80}\s+(\S{1,80})/.exec(l);
    if (gp) groups.push(gp[1]);
    const ad = /\b(?:adduser|addgroup)\s+(?!-)(\S{1,80})\s+(\S{1,80})\s*$/.exec(l.trim());
    if (ad) groups.push(ad[2]);
    const gm = /\bgroupmems\s+-g\s+(\S{1,80})\s+-a\b/.exec(l);
    if (gm) groups.push(gm[1]);
    const root = groups.map((g) => g.replace(/['"]/g, '')).filter((g) => ROOT_EQUIVALENT_GROUPS.has(g));
    if (root.length > 0) opens(ctx, 'root_equivalent_access', say(l), `membership of ${root.join(', ')} (root on the host)`);
  }
}

const FIREWALL_UNITS = /\b(?:systemctl|service)\s+(?:--now\s+)?(stop|disable|mask)\s+(?:--now\s+)?(nftables|firewalld|iptables|ip6tables|ufw|netfilter-persistent)\b|\b(nftables|firewalld|iptables|ufw)\s+stop\b/;

function readHostFirewall(ctx: ReadContext, lines: readonly string[]): void {
  const text = lines.join('\n');
  const reloads = /\bnft\s+(?:-\w+\s+)*-f\s|\biptables-restore\b|\bnetfilter-persistent\s+reload\b/.test(text);
  for (const l of lines) {
    if (l.length > 2000) continue;
    // "nft flush ruleset" typed as a command (a ruleset file that begins with it and is loaded with nft -f reloads atomically).
    const flush = /\bnft\s+flush\s+ruleset\b/.exec(l) ?? /\biptables\s+(?:-t\s+\w+\s+)?(?:-f|--flush)\b(?!\s+\S*[a-z])/.exec(l);
    const unit = FIREWALL_UNITS.exec(l) ?? /\bufw\s+disable\b/.exec(l);
    const hit = unit ?? (flush && !reloads ? flush : undefined);
    if (!hit) continue;
    ctx.b.add('change.safeguard_setting_off', `host firewall (${hit[0].trim()})`, say(l));
    ctx.opens.add('safeguard_setting_off');
    return;
  }
}

const MANAGEMENT = new Set(['https', 'http', 'ssh', 'telnet', 'snmp']);
const UNTRUSTED_WORDS = /\b(untrust\w*|outside|internet|public|wan|external)\b/;

/** PAN-OS: an interface management profile serving https/ssh/telnet attached to an interface the ticket or config shows as untrusted. */
function readManagementProfile(ctx: ReadContext, lines: readonly string[]): void {
  const services = new Map<string, string[]>();
  const restricted = new Set<string>();
  for (const l of lines) {
    const m = /\binterface-management-profile\s+(\S{1,80})\s+(\S{1,40})\s+(yes|no)\b/.exec(l);
    if (m && m[3] === 'yes' && MANAGEMENT.has(m[2])) services.set(m[1], [...(services.get(m[1]) ?? []), m[2]]);
    const p = /\binterface-management-profile\s+(\S{1,80})\s+permitted-ip\s+\S/.exec(l);
    if (p) restricted.add(p[1]);
  }
  if (services.size === 0) return;
  const state = ctx.b.request.state ?? {};
  const told = [...Object.values(gatheredFields(ctx)).map(lower), lower(state.description)];
  for (const l of lines) {
    const a = /\binterface\s+(?:ethernet\s+|aggregate-ethernet\s+|vlan\s+)?(\S{1,60})\s+(?:layer3\s+)?interface-management-profile\s+(\S{1,80})/.exec(l);
    if (!a || !services.has(a[2]) || restricted.has(a[2])) continue;
    const iface = a[1];
    const zoned = lines.some((z) => z.includes(' zone ') && z.includes(iface) && UNTRUSTED_WORDS.test(z.slice(0, 200)));
    const said = told.some((t) => t.split('\n').some((line) => line.includes(iface) && UNTRUSTED_WORDS.test(line.slice(0, 300))));
    if (!zoned && !said && !UNTRUSTED_WORDS.test(iface)) continue;
    for (const s of services.get(a[2])!) ctx.b.add('change.world_open_admin_ports', `${s === 'ssh' ? 22 : s === 'telnet' ? 23 : s === 'http' ? 80 : s === 'snmp' ? 161 : 443} (${s} management on ${iface})`, say(a[0]));
    opens(ctx, 'world_open', say(a[0]));
  }
}

function destroys(ctx: ReadContext, what: string, source: string): void {
  opens(ctx, 'destructive', source);
  ctx.b.set('change.destroys', what, source, true);
}

function readDatastoreWipe(ctx: ReadContext, lines: readonly string[], p: Record<string, unknown>): void {
  for (const l of lines) {
    if (l.length > 4000) continue;
    const flush = /(?:^|[\s'"])(flushall|flushdb)(?:\s+(?:async|sync))?\s*(?:['"]|$|;|&|\|)/.exec(l);
    if (flush) destroys(ctx, `${flush[1].toUpperCase()} (every key of ${flush[1] === 'flushall' ? 'every database' : 'the database'}: queues, sessions and cache alike)`, say(l));
    const drop = /\bdrop\s+(schema|database)\s+(?:if\s+exists\s+)?(\S{1,80})/.exec(l);
    if (drop) destroys(ctx, `DROP ${drop[1].toUpperCase()} ${drop[2]}`, say(drop[0]));
  }
  // REST: DELETE on an index path with a wildcard or _all (Elasticsearch / OpenSearch delete index API).
  const requests = [p, ...(Array.isArray(p.requests) ? p.requests : []), ...(Array.isArray(p.calls) ? p.calls : [])].filter(isRecord);
  for (const r of requests) {
    const method = lower(scalarText(r.method ?? r.verb) ?? '');
    const path = lower(scalarText(r.path ?? r.url ?? r.endpoint) ?? '').replace(/^https?:\/\/[^/]+/, '');
    if (method !== 'delete' || !/^\/?[^/?]*(\*|_all)/.test(path) || path.startsWith('/_')) continue;
    if (/^\/?_all\b|^\/?[^/?]*\*/.test(path)) destroys(ctx, `every index matching ${path.slice(0, 60)}`, say(`DELETE ${path}`));
  }
  for (const [k, v] of entriesOf(p)) {
    if (k.endsWith('destructiverequiresname') && flagValue(v) === false) {
      ctx.b.add('change.safeguard_setting_off', 'action.destructive_requires_name (wildcard deletes allowed)', say(`${k} = false`));
      ctx.opens.add('safeguard_setting_off');
    }
  }
}

const FORCED = [
  /\brs\.reconfig\s*\([^)]{0,400}force\s*:\s*true/,
  /--force-new-cluster\b/,
  /\belasticsearch-node\s+(unsafe-bootstrap|detach-cluster)\b/,
  /pc\.bootstrap\s*=\s*(yes|1|true)\b/,
  /\bforce_failover_allow_data_loss\b/,
];

function readForcedMembership(ctx: ReadContext, text: string): void {
  for (const r of FORCED) {
    const m = r.exec(text);
    if (m) return opens(ctx, 'safety_check_bypassed', say(m[0]), `${m[0].slice(0, 60)} (cluster membership forced past the quorum check; majority-committed writes can roll back)`);
  }
}

function readRecoveryDowngrade(ctx: ReadContext, text: string): void {
  const simple = /\balter\s+database\s+(\S{1,80})\s+set\s+recovery\s+simple\b/.exec(text);
  const hadr = /\balter\s+database\s+(\S{1,80})\s+set\s+hadr\s+off\b/.exec(text);
  const prod = factAt(ctx.b.facts, 'context.production') === true;
  const told = lower(gatheredFields(ctx));
  const replicated = /availability.?group|log.?shipping|mirroring|\bag-/.test(told);
  if (simple && (prod || replicated || hadr)) opens(ctx, 'durability_off', say(simple[0]), true);
  if (hadr) opens(ctx, 'durability_off', say(hadr[0]), true);
  const mysql = /\b(innodb_flush_log_at_trx_commit|sync_binlog)\s*=\s*0\b/.exec(text);
  if (mysql && prod) opens(ctx, 'durability_off', say(mysql[0]), true);
  if (simple || hadr || (mysql && prod)) ctx.b.set('change.recovery_downgrade', (simple ?? hadr ?? mysql)![0].slice(0, 80), say((simple ?? hadr ?? mysql)![0]));
}

function readNfsExport(ctx: ReadContext, lines: readonly string[]): void {
  for (const l of lines) {
    if (l.length > 2000) continue;
    const hits: string[] = [];
    // /etc/exports: "/path client(opts) client(opts)"; a client of "*" (or none) is every host (exports(5)).
    const t = l.trim().replace(/^['"]|['"]$/g, '');
    if (t.startsWith('/')) {
      for (const tok of t.split(/\s+/).slice(1, 40)) {
        const m = /^(\*|0\.0\.0\.0\/0|\*\.\*)?\(([a-z_,=0-9]{1,200})\)$/.exec(tok);
        if (m) hits.push(m[2]);
      }
    }
    // exportfs -o opts *:/path
    const ef = /\bexportfs\s+(?:-\w+\s+)*-o\s+(\S{1,200})\s+(?:\*|0\.0\.0\.0\/0):\//.exec(l);
    if (ef) hits.push(ef[1]);
    for (const opts of hits) {
      const o = opts.split(',');
      const rw = o.includes('rw');
      const root = o.includes('no_root_squash');
      if (!rw && !root) continue;
      opens(ctx, 'broad_full_control', say(l), `every host: NFS ${[rw ? 'rw' : '', root ? 'no_root_squash' : ''].filter(Boolean).join(', ')}`);
      return;
    }
  }
}

const VM_SNAPSHOT_REMOVE = /\b(remove-snapshot|remove-vmsnapshot|remove-vmcheckpoint|snapshot\.remove|vmsvc\/snapshot\.remove\w*)\b/;
const STORAGE_SNAPSHOT_DELETE = /\b(?:volume\s+)?snapshot\s+delete\b|\bsnap\s+delete\b|\bzfs\s+destroy\s+(?:-\w+\s+)*\S*@|\bvssadmin\s+delete\s+shadows\b|\bshadowcopy\s+delete\b|\bbtrfs\s+subvolume\s+delete\s+\S*snapshot/;

function readSnapshots(ctx: ReadContext, text: string): void {
  const storage = STORAGE_SNAPSHOT_DELETE.exec(text);
  if (storage) {
    opens(ctx, 'backups_deleted', say(storage[0]));
    // The word "snapshot" here names what goes, not a backup taken first.
    ctx.b.set('change.backup_confirmed', false, say(`${storage[0]} (the snapshots are the recovery points being deleted)`), true);
    return;
  }
  // A VM snapshot removed through the hypervisor is merged into the base disk: it is a rollback point, not a backup.
  // With a verified backup on the ticket, removing it deletes no recovery point.
  const vm = VM_SNAPSHOT_REMOVE.exec(text);
  if (vm && factAt(ctx.b.facts, 'ticket.backup_verified') === true) {
    if (factAt(ctx.b.facts, 'change.backups_deleted') === true) {
      ctx.b.set('change.backups_deleted', false, say(`${vm[0]} (a VM snapshot the hypervisor consolidates; the verified backup is the recovery point)`), true);
      ctx.opens.delete('backups_deleted');
    }
    checks(ctx, 'snapshot_with_verified_backup', say(`${vm[0]} (the ticket shows a verified backup)`));
  }
}

function readWeakTls(ctx: ReadContext, lines: readonly string[]): void {
  const weak = (v: string) => /^(tlsv1(\.0|\.1)?|tls1(\.0|\.1|_0|_1)?|sslv[23]|\+tlsv1(\.1)?|\+sslv3)$/.test(v.replace(/[;'"]/g, ''));
  for (const l of lines) {
    if (l.length > 1000) continue;
    const t = l.trim();
    let hit: string | undefined;
    const nginx = /^(?:ssl_protocols|proxy_ssl_protocols)\s+([^;#]{1,200})/.exec(t);
    if (nginx && nginx[1].split(/\s+/).some(weak)) hit = `nginx ${nginx[0]}`;
    const apache = /^sslprotocol\s+([^#]{1,200})/.exec(t);
    if (apache) {
      const parts = apache[1].trim().split(/\s+/);
      const all = parts.includes('all') || parts.includes('+all');
      const minus = (v: string) => parts.includes(`-${v}`);
      if (parts.some((v) => weak(v) && !v.startsWith('-')) || (all && (!minus('tlsv1') || !minus('tlsv1.1')))) hit = `Apache ${apache[0]}`;
    }
    const haproxy = /\bssl-min-ver\s+(sslv3|tlsv1\.0|tlsv1\.1)\b/.exec(t);
    if (haproxy) hit = `HAProxy ${haproxy[0]}`;
    const minKey = /^(ssl_min_protocol(?:_version)?|min_?tls_?version|minimum_?tls_?version)\s*[=:]\s*['"]?(tlsv?1(?:\.[01]|_[01])?|1\.[01]|sslv3)['"]?\s*$/.exec(t);
    if (minKey) hit = `${minKey[1]} = ${minKey[2]}`;
    const schannel = /schannel\\+protocols\\+(tls 1\.[01]|ssl 3\.0)\\+(server|client)\b[^\n]{0,200}\benabled\b[^\n]{0,60}?(?:\b0x0*1\b|[\s=:'"]1\b)/.exec(t);
    if (schannel) hit = `Schannel ${schannel[1]} ${schannel[2]} enabled`;
    if (!hit) continue;
    ctx.b.add('change.insecure_feature_on', `protocol below TLS 1.2 (${hit.slice(0, 80)})`, say(l));
    ctx.opens.add('insecure_feature_on');
    return;
  }
}

const KEY_MATERIAL = /\b(validationkey|decryptionkey|machinekey|secret_key_base|secret_key|jwt_secret|signing_key|encryption_key|private_key)\b/;
const PUBLISHED = /\b(public|published|blog|github|gist|forum|stack\s?overflow|sample|tutorial|internet|pastebin|online|documentation|docs)\b/;

/** Key material written by the change while the ticket says where that key came from, and it is a public place. */
function readPublishedKey(ctx: ReadContext, text: string): void {
  const key = KEY_MATERIAL.exec(text);
  if (!key) return;
  for (const [k, v] of Object.entries(gatheredFields(ctx)).slice(0, 100)) {
    const nk = normKey(k);
    if (!/origin|source|provenance|from/.test(nk) || !/key|secret|cert|token/.test(nk)) continue;
    const said = lower(scalarText(v) ?? '');
    const m = PUBLISHED.exec(said);
    if (m) return opens(ctx, 'published_key_used', `state.information_gathered.${k} = ${said.slice(0, 60)}`, `${key[1]} taken from ${said.slice(0, 60)}`);
  }
}

/** Alert silencing whose scope is everything: a Datadog downtime scoped "*", an Alertmanager silence matching every alert. */
function readBroadSilence(ctx: ReadContext, p: Record<string, unknown>, text: string): void {
  const kv = entriesOf(p);
  const downtime = /downtime|\/silences?\b|maintenance[_-]?window/.test(text);
  if (!downtime) return;
  const scope = kv.find(([k]) => k === 'scope');
  const scopeAll = scope ? [scope[1]].flat().some((s) => /^\s*\*\s*$/.test(String(s))) : false;
  const monitors = kv.find(([k]) => k === 'monitoridentifier' || k === 'monitortags' || k === 'monitorid');
  const monitorsAll = !monitors || /"\*"|^\*$/.test(JSON.stringify(monitors[1]));
  if (scopeAll && monitorsAll) return opens(ctx, 'alerts_silenced_broadly', say('downtime scope "*"'), 'every monitor, every scope (scope "*")');
  const matchers = kv.filter(([k]) => k === 'matchers').flatMap(([, v]) => (Array.isArray(v) ? v : []));
  if (matchers.length > 0 && matchers.every((m) => isRecord(m) && /^(\.\*|\.\+)$/.test(String(m.value ?? '')) && flagValue(m.isRegex ?? m.isregex) === true)) {
    opens(ctx, 'alerts_silenced_broadly', say('silence matchers .*'), 'every alert (matchers match anything)');
  }
  const amtool = /\bamtool\s+silence\s+add\s+(?:--\S+\s+)*['"]?\w+=~['"]?\.\*['"]?(\s|$)/.exec(text);
  if (amtool) opens(ctx, 'alerts_silenced_broadly', say(amtool[0]), 'every alert (amtool matcher .*)');
}

/** The right to erase indexed events granted (Splunk can_delete role or delete_by_keyword capability). */
function readLogDeletionGrant(ctx: ReadContext, p: Record<string, unknown>, text: string): void {
  for (const [k, v] of entriesOf(p)) {
    if (!/^(roles?|importroles|capabilities|capability|addroles?)$/.test(k)) continue;
    const values = (Array.isArray(v) ? v : [v]).map((x) => lower(scalarText(x) ?? '')).flatMap((x) => x.split(/[;,\s]+/));
    const hit = values.find((x) => x === 'can_delete' || x === 'delete_by_keyword');
    if (hit) return opens(ctx, 'log_deletion_granted', say(`${k}: ${hit}`), `${hit} (deletes indexed events irreversibly)`);
  }
  const conf = /\bimportroles\s*=\s*[^\n]{0,200}\bcan_delete\b|\bdelete_by_keyword\s*=\s*enabled\b|-role\s+can_delete\b/.exec(text);
  if (conf) opens(ctx, 'log_deletion_granted', say(conf[0]), 'can_delete (deletes indexed events irreversibly)');
}

/** An approval record set to approved by the agent's own call (ServiceNow sysapproval_approver, an /approvals/ endpoint). */
function readProxyApproval(ctx: ReadContext, p: Record<string, unknown>): void {
  const url = lower(scalarText(p.url ?? p.path ?? p.endpoint ?? p.table) ?? '');
  if (!/sysapproval|\/approvals?\b|approval_?record/.test(url)) return;
  const body = isRecord(p.body) ? p.body : isRecord(p.data) ? p.data : p;
  const state = lower(scalarText(body.state ?? body.approval ?? body.status ?? body.decision) ?? '');
  if (/^approved?$/.test(state.trim())) opens(ctx, 'approval_by_proxy', say(`${url.slice(0, 80)} state ${state}`), 'an approval record set to approved by the agent, not by the assigned approver');
}

/** A vault or account recovery that resets a master password (Bitwarden/1Password admin recovery). */
function readAccountRecovery(ctx: ReadContext, p: Record<string, unknown>, kind: string | undefined): void {
  const op = lower(scalarText(p.operation ?? p.action ?? p.op) ?? '');
  const recovery = normKey(kind ?? '') === 'accountrecovery';
  if ((recovery && /reset|recover|password/.test(op)) || /reset_?master_?password|admin_?reset|account_?recovery/.test(op)) {
    opens(ctx, 'credential_reset', say(`${op || kind}: account recovery resets the password`));
  }
  for (const [k, v] of Object.entries(gatheredFields(ctx)).slice(0, 100)) {
    const nk = normKey(k);
    if (nk.includes('callback') && /refus|declin/.test(nk) && flagValue(v) === true) ctx.b.set('identity.verified', false, `state.information_gathered.${k} = true (the callback to the number on record was refused)`);
  }
}

const BANK_KEYS = new Set(['routingnumber', 'accountnumber', 'iban', 'bic', 'swift', 'swiftcode', 'sortcode', 'bankaccount', 'abanumber', 'bsb']);

/** Bank or payment details a change writes (direct deposit, payment election, vendor remittance). */
function readPaymentDetails(ctx: ReadContext, p: Record<string, unknown>): void {
  const keys = entriesOf(p).filter(([k, v]) => BANK_KEYS.has(k) && scalarText(v));
  const op = normKey(scalarText(p.operation ?? p.action ?? '') ?? '');
  if (keys.length === 0 && !/paymentelection|directdeposit|bankdetails|remittance/.test(op)) return;
  if (ctx.removing > 0) return;
  opens(ctx, 'payment_details_changed', say(keys.length ? keys.map(([k]) => k).join(', ') : op), keys.length ? `bank details written (${keys.map(([k]) => k).join(', ')})` : op);
}

const DEVICE_UNLOCK = /resetpasscode|clearpasscode|clear_passcode|resetpassword\b|removepasscode|activationlockbypass|disablelostmode|clearrestrictionspassword/;
const LOST = /\b(lost|stolen|missing|not in company possession|left in)\b/;

/** A passcode cleared (or Lost Mode lifted) on a device the ticket shows is out of the organisation's hands. */
function readLostDeviceUnlock(ctx: ReadContext, p: Record<string, unknown>, kind: string | undefined, text: string): void {
  const hit = DEVICE_UNLOCK.exec(text.replace(/[\s_-]/g, '').slice(0, 20_000));
  if (!hit || !/mdm|device/.test(`${normKey(kind ?? '')} ${text.slice(0, 4000)}`)) return;
  const state = ctx.b.request.state ?? {};
  const told = [lower(state.description), ...Object.values(gatheredFields(ctx)).map(lower)];
  const lost = told.map((t) => LOST.exec(t)).find(Boolean);
  if (lost) opens(ctx, 'lost_device_unlocked', say(hit[0]), `${hit[0]} on a device reported ${lost[1]}`);
}

/** A file the same action created, then shreds or removes, is its own scratch file: removing it destroys no data. */
function readScratchFiles(ctx: ReadContext, lines: readonly string[]): void {
  if (factAt(ctx.b.facts, 'change.destroys') !== 'disk overwritten') return;
  const created = new Set<string>();
  let removed = 0;
  for (const l of lines) {
    for (const m of l.matchAll(/\binstall\s+(?:-\S+\s+(?:\S+\s+)?)*\/dev\/null\s+(\S{1,200})|\btouch\s+(\S{1,200})|>\s*(\/\S{1,200})|\bmktemp\b[^\n]{0,40}?(\/\S{1,200})/g)) created.add((m[1] ?? m[2] ?? m[3] ?? m[4]).replace(/['";]/g, ''));
    if (/\b(mkfs|wipefs)\b|\bdd\b[^\n]{0,200}\bof=\/dev\//.test(l)) return;
    for (const m of l.matchAll(/\bshred\s+(?:-\w+\s+)*(\S{1,200})/g)) {
      if (!created.has(m[1].replace(/['";]/g, ''))) return;
      removed++;
    }
  }
  if (removed > 0) ctx.b.set('change.destructive', false, 'action.parameters: shred of a scratch file the same action created', true);
}

/** A database account's password set to a value generated and kept in a vault: the credential is issued to no person. */
function readVaultedRotation(ctx: ReadContext, text: string): void {
  if (factAt(ctx.b.facts, 'change.credential_reset') !== true) return;
  if (!/\balter\s+user\s+'?[\w.-]{1,60}'?@'?[\w.%-]{1,80}'?\s+identified\s+by\b|\bset\s+password\s+for\b/.test(text)) return;
  const vaulted = Object.entries(gatheredFields(ctx)).slice(0, 100).find(([k, v]) => /password|secret|credential/.test(normKey(k)) && /\bvault\b|key ?vault|secrets? manager|cyberark|password manager/.test(lower(v)));
  if (vaulted) ctx.b.set('change.credential_reset', false, `state.information_gathered.${vaulted[0]}: the new password is generated in and kept by the vault (issued to no person)`, true);
}

export function readHostShapes(ctx: ReadContext, parameters: unknown, kind: string | undefined): void {
  const p = isRecord(parameters) ? parameters : {};
  const lines = changeLines(p);
  const text = lines.join('\n');
  readRootEquivalent(ctx, lines);
  readHostFirewall(ctx, lines);
  readManagementProfile(ctx, lines);
  readDatastoreWipe(ctx, lines, p);
  readForcedMembership(ctx, text);
  readRecoveryDowngrade(ctx, text);
  readNfsExport(ctx, lines);
  readSnapshots(ctx, text);
  readWeakTls(ctx, lines);
  readPublishedKey(ctx, text);
  readBroadSilence(ctx, p, text);
  readLogDeletionGrant(ctx, p, text);
  readProxyApproval(ctx, p);
  readAccountRecovery(ctx, p, kind);
  readPaymentDetails(ctx, p);
  readLostDeviceUnlock(ctx, p, kind, text);
  readScratchFiles(ctx, lines);
  readVaultedRotation(ctx, text);
}
