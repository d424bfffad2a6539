import YAML from 'yaml';
import { factAt } from '../reading/reading.js';
import { checks, closes, gatheredFields, opens, type ReadContext } from './read-context.js';
import { safeguardsNamed } from './safeguard-names.js';
import { isWorldSource } from './text-helpers.js';
import { asArray, entriesOf, field, flagValue, isRecord, lowerText, normKey, scalarText, treeStrings } from './values.js';

/**
 * Bounded forms of operations whose dangerous forms other readers know, read by the operation's own documented limits:
 * each records what bounds the change (`checks`) or the safeguard it puts back (`closes`), and where the same operation
 * is written without its limit, the hazard it opens. Every input is bounded (texts, entries, lengths).
 */

const MAX = 20_000;
const say = (s: string) => `action.parameters: ${s.trim().slice(0, 140)}`;

/** The value after a flag in a command text ("--expires-in 86400", "-RebootCount 1", "--ip=127.0.0.1"), lower case. */
function flagIn(text: string, ...names: string[]): string | undefined {
  for (const n of names) {
    const m = new RegExp(`(?:^|\\s)-{1,2}${n}(?:[=:]|\\s+)["']?([^\\s"']{1,200})`, 'i').exec(text);
    if (m) return m[1].toLowerCase().replace(/[;,.)]+$/, '');
  }
  return undefined;
}

// A DNS record deleted while the ticket shows its target does not resolve: the dangling record (the takeover path) is
// what goes (Microsoft Learn, Prevent dangling DNS entries and avoid subdomain takeover; OWASP subdomain takeover).
const DNS_DELETE = /\brecord-sets?\s+(?:\w+\s+)?delete\b|\bdelete-resource-record-set\b|\bremove-dnsserverresourcerecord\b|"action"\s*:\s*"delete"/i;

function readDanglingRecordRemoved(ctx: ReadContext, texts: readonly string[]): void {
  const hit = texts.find((t) => DNS_DELETE.test(t.slice(0, MAX)));
  if (!hit) return;
  const gone = Object.entries(gatheredFields(ctx)).slice(0, 60).find(([k, v]) => /resolves|exists|claimed/.test(normKey(k)) && flagValue(v) === false);
  const nx = /\bnxdomain\b/.test(lowerText(ctx.b.request.state ?? {}, MAX));
  if (gone || nx) closes(ctx, 'dangling_dns');
}

// A presigned URL is bounded by its expiry, at most seven days for Signature Version 4 (Amazon S3 User Guide, sharing
// objects with presigned URLs; Google Cloud Storage signed URLs, --duration up to 7 days).
function readSignedUrl(ctx: ReadContext, texts: readonly string[]): void {
  for (const t of texts) {
    if (!/\bs3\s+presign\b|\bsign-?url\b/i.test(t)) continue;
    const seconds = Number(flagIn(t, 'expires-in') ?? NaN);
    const duration = flagIn(t, 'duration', 'd');
    const hours = duration ? /^(\d+)h$/.exec(duration)?.[1] : undefined;
    const secs = Number.isFinite(seconds) ? seconds : hours ? Number(hours) * 3600 : NaN;
    if (Number.isFinite(secs) && secs > 0 && secs <= 604_800) checks(ctx, 'share_bounded', say(`a signed URL valid ${Math.round(secs / 3600)} h`));
    return;
  }
}

// A service principal allowed to invoke a function only from one source: the confused-deputy guard AWS documents for
// resource policies (AWS Lambda Developer Guide, resource-based policies: --source-arn and --source-account).
function readInvokePermission(ctx: ReadContext, texts: readonly string[]): void {
  const t = texts.find((x) => /\blambda\s+add-permission\b/i.test(x));
  if (!t) return;
  const principal = flagIn(t, 'principal') ?? '';
  if (principal === '*') return;
  if (principal.endsWith('.amazonaws.com') && (flagIn(t, 'source-arn') || flagIn(t, 'source-account'))) checks(ctx, 'grant_scoped', say(`invoke permission for ${principal} from one source`));
  else if (/^\d{12}$|^arn:aws:iam::\d{12}:/.test(principal)) checks(ctx, 'grant_scoped', say(`invoke permission for account ${principal}`));
}

// MFA bypass codes: Duo's Admin API makes codes that never expire with valid_secs 0 and unlimited use with reuse_count 0
// (Duo Admin API, bypass codes). A single-use code valid a day or less, issued after the identity check, is the bounded one.
function readBypassCodes(ctx: ReadContext, parameters: Record<string, unknown>, texts: readonly string[]): void {
  if (!texts.some((t) => /bypass_codes\b/i.test(t))) return;
  const kv = new Map(entriesOf(parameters));
  const reuse = Number(scalarText(kv.get('reusecount')) ?? NaN);
  const valid = Number(scalarText(kv.get('validsecs')) ?? NaN);
  if (reuse === 0 || valid === 0) return opens(ctx, 'mfa_off', say(`bypass codes with ${reuse === 0 ? 'unlimited use' : 'no expiry'}`));
  if (reuse >= 1 && reuse <= 3 && valid > 0 && valid <= 86_400) checks(ctx, 'credential_scoped', say(`bypass code for ${reuse} use${reuse > 1 ? 's' : ''}, valid ${Math.round(valid / 60)} min`));
}

// Microsoft Purview: a purge with PurgeType SoftDelete moves items to Recoverable Items, where they can be restored
// (Microsoft Learn, Search for and delete email messages); the search that scopes it names what it matches.
function readSoftPurge(ctx: ReadContext, texts: readonly string[]): void {
  const t = texts.find((x) => /\bnew-compliancesearchaction\b/i.test(x) && /-purge\b/i.test(x));
  if (!t) return;
  if (flagIn(t, 'purgetype') === 'softdelete' && /-contentmatchquery\s+['"][^'"]{8,}/i.test(t)) checks(ctx, 'recoverable_delete', say('purge with PurgeType SoftDelete on a search with a content query (recoverable)'));
}

// Suspend-BitLocker -RebootCount n resumes protection after n restarts; 0 suspends it until someone resumes it
// (Microsoft Learn, Suspend-BitLocker).
function readBitLockerSuspend(ctx: ReadContext, texts: readonly string[]): void {
  const t = texts.find((x) => /\bsuspend-bitlocker\b/i.test(x));
  if (!t) return;
  const count = flagIn(t, 'rebootcount');
  if (count === '0') opens(ctx, 'encryption_off', say('Suspend-BitLocker -RebootCount 0 (suspended until resumed by hand)'));
  else if (count !== undefined && /^[1-3]$/.test(count)) checks(ctx, 'bounded_suspension', say(`Suspend-BitLocker -RebootCount ${count} (protection resumes by itself)`));
}

// A server bound to the loopback address only: nothing off the host reaches it (the Jupyter, Redis and MongoDB defaults
// their security guides recommend keeping).
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);
function readLoopbackListener(ctx: ReadContext, texts: readonly string[]): void {
  for (const t of texts) {
    const bound = flagIn(t, 'ip', 'host', 'bind', 'listen', 'bind-address', 'bind_ip', 'address');
    if (bound !== undefined && LOOPBACK.has(bound)) return checks(ctx, 'listener_local', say(`listens on ${bound} only`));
  }
}

// An entry added to a block or deny list (Set-CsTenantFederationConfiguration -BlockedDomains @{Add=…}, blocked senders):
// it takes a way in away.
function readBlockListAdd(ctx: ReadContext, texts: readonly string[]): void {
  const t = texts.find((x) => /-(blocked|deny|denied)\w*\s+@\{\s*add\s*=/i.test(x) || /-(blockedsenders|blockeddomains|blockedurls)\s+\S/i.test(x));
  if (t) checks(ctx, 'block_entry_added', say(t.slice(0, 100)));
}

// Pod Security admission labels (Kubernetes Pod Security Standards): enforce=baseline or restricted refuses privileged
// pods in the namespace; enforce=privileged admits anything.
function readPodSecurityLabels(ctx: ReadContext, texts: readonly string[]): void {
  for (const t of texts) {
    const m = /pod-security\.kubernetes\.io\/enforce[=:]\s*["']?(privileged|baseline|restricted)\b/i.exec(t);
    if (!m) continue;
    if (m[1].toLowerCase() === 'privileged') opens(ctx, 'privileged_workload', say(`pod-security enforce=${m[1]} (every pod admitted)`));
    else closes(ctx, 'privileged_workload');
    return;
  }
}

/**
 * A NetworkPolicy peer that names who it admits: a selector with labels, or an address block short of every address.
 * An empty namespaceSelector selects every namespace, and an ipBlock of 0.0.0.0/0 or ::/0 every address.
 */
function namesItsPeers(peer: unknown): boolean {
  if (!isRecord(peer) || Object.keys(peer).length === 0) return false;
  const block = peer.ipBlock;
  if (isRecord(block) && isWorldSource(String(scalarText(block.cidr) ?? ''))) return false;
  const ns = peer.namespaceSelector;
  if (isRecord(ns) && Object.keys(ns).length === 0 && !isRecord(peer.podSelector)) return false;
  return true;
}

// A Kubernetes NetworkPolicy whose ingress rules each name their sources (or that has none, a default deny): traffic
// reaches the pods only from those selectors (Kubernetes docs, Network Policies; CIS Kubernetes Benchmark 5.3.2).
function readNetworkPolicies(ctx: ReadContext, texts: readonly string[]): void {
  for (const t of texts) {
    if (!/\bkind:\s*networkpolicy\b/i.test(t) || t.length > MAX) continue;
    let docs: unknown[];
    try {
      docs = YAML.parseAllDocuments(t).map((d) => d.toJS());
    } catch {
      continue;
    }
    const policies = docs.filter((d): d is Record<string, unknown> => isRecord(d) && normKey(scalarText(d.kind) ?? '') === 'networkpolicy');
    if (policies.length === 0) continue;
    const bounded = policies.every((p) => {
      const spec = isRecord(p.spec) ? p.spec : {};
      return asArray(spec.ingress).every((r) => isRecord(r) && asArray(r.from).length > 0 && asArray(r.from).every(namesItsPeers));
    });
    if (bounded) checks(ctx, 'network_rule_scoped', say(`${policies.length} NetworkPolicy object${policies.length > 1 ? 's' : ''}, each ingress rule naming its sources`));
    return;
  }
}

// A Group Policy object linked whose name says which safeguard it carries (a LAPS or firewall baseline): the link turns
// that safeguard on for the target (Microsoft Learn, New-GPLink).
function readSafeguardGpoLink(ctx: ReadContext, texts: readonly string[]): void {
  for (const t of texts) {
    if (!/\bnew-gplink\b|\bset-gplink\b/i.test(t)) continue;
    const name = /-name\s+["']([^"']{1,120})["']|-name\s+(\S{1,120})/i.exec(t);
    if (!name || /-linkenabled\s+no\b/i.test(t)) continue;
    for (const hazard of safeguardsNamed(ctx, (name[1] ?? name[2]).replace(/[-_]/g, ' '))) closes(ctx, hazard);
  }
}

// A group managed service account whose password only a named host group may retrieve; a broad group could read the
// password of every service running as it (Microsoft Learn, Group Managed Service Accounts overview).
const BROAD_RETRIEVERS = /\b(domain computers|domain users|everyone|authenticated users|domain controllers)\b/i;
function readManagedServiceAccount(ctx: ReadContext, texts: readonly string[]): void {
  for (const t of texts) {
    if (!/\b(new|set)-adserviceaccount\b/i.test(t)) continue;
    const m = /-principalsallowedtoretrievemanagedpassword\s+(?:"([^"]{1,200})"|'([^']{1,200})'|(\S{1,200}))/i.exec(t);
    if (!m) continue;
    const who = m[1] ?? m[2] ?? m[3];
    if (BROAD_RETRIEVERS.test(who)) opens(ctx, 'credential_exposure', say(`gMSA password retrievable by ${who}`));
    else checks(ctx, 'grant_scoped', say(`gMSA password retrievable by ${who} only`));
    return;
  }
}

// A pending fine-grained token request approved while the ticket records what it asks for: read access on named
// repositories with an expiry (GitHub Docs, managing requests for personal access tokens in your organisation).
function readScopedRequestApproval(ctx: ReadContext, parameters: Record<string, unknown>): void {
  const approves = entriesOf(parameters).some(([k, v]) => (k === 'action' || k === 'decision') && /^approve/.test(normKey(scalarText(v) ?? '')));
  if (!approves) return;
  const g = gatheredFields(ctx);
  const perms = field(g, 'permissions', 'requestedpermissions', 'scopes')?.value;
  const repos = asArray(field(g, 'repositories', 'repos')?.value);
  const expiry = field(g, 'expiresindays', 'expiry', 'expires', 'expiration')?.value;
  const levels = isRecord(perms) ? Object.values(perms).map((v) => lowerText(v, 20)) : asArray(perms).map((v) => lowerText(v, 40));
  if (levels.length === 0 || !levels.every((l) => /^(read|none|read-only|readonly)$/.test(l.trim()))) return;
  if (repos.length === 0 || repos.length > 5 || repos.some((r) => /^(all|\*)$/.test(lowerText(r, 10)))) return;
  if (expiry === undefined || Number(scalarText(expiry)) === 0) return;
  checks(ctx, 'grant_scoped', `state.information_gathered: read-only on ${repos.length} named repositor${repos.length > 1 ? 'ies' : 'y'}, expiring`);
}

// Cisco IOS: "switchport trunk allowed vlan add <list>" appends to the trunk's allowed list and leaves the VLANs already
// carried in place; the same command without add (or with except/all/none) replaces the list (Cisco Catalyst Switch
// Software Configuration Guide, Defining the Allowed VLANs on a Trunk).
function readTrunkVlanAdd(ctx: ReadContext, texts: readonly string[]): void {
  const lines = texts.flatMap((t) => t.split(/\r?\n/)).map((l) => l.trim().toLowerCase()).filter((l) => /^switchport\s+trunk\s+allowed\s+vlan\b/.test(l));
  if (lines.length === 0) return;
  if (lines.every((l) => /^switchport\s+trunk\s+allowed\s+vlan\s+add\s+[\d,\s-]+$/.test(l))) checks(ctx, 'list_appended', say(lines[0]));
}

// Docker: "docker image prune" removes only image layers, which a registry gives back on the next pull; it never touches
// volumes (Docker CLI reference, docker image prune). "docker volume prune" and "docker system prune --volumes" do.
function readImagePrune(ctx: ReadContext, texts: readonly string[]): void {
  const t = texts.find((x) => /\bdocker\s+image\s+prune\b|\bdocker\s+rmi\b/i.test(x));
  if (!t || /\bvolume\b|--volumes\b|\bsystem\s+prune\b|\brm\s+-rf?\b|\bdocker\s+(container\s+)?rm\b/i.test(t)) return;
  checks(ctx, 'recreatable_delete', say(`${t.slice(0, 90)} (image layers only; data volumes are left alone)`));
}

// LVM and filesystems grown into free space: lvextend with a "+" size, xfs_growfs, resize2fs with no smaller size; nothing
// existing is removed or rewritten (Red Hat, Configuring and managing logical volumes: extending a logical volume).
// lvreduce, lvremove and a shrink are the destructive forms, read elsewhere.
function readVolumeGrow(ctx: ReadContext, texts: readonly string[]): void {
  const t = texts.find((x) => /\blvextend\b|\bxfs_growfs\b|\blvresize\b/i.test(x));
  if (!t || /\b(lvreduce|lvremove|vgremove|pvremove|wipefs|mkfs\S*|dd)\b/i.test(t)) return;
  if (/\b(lvextend|lvresize)\b/i.test(t) && !/\s-[lL]\s*\+|\s--(size|extents)[= ]\+/.test(t)) return;
  checks(ctx, 'capacity_grown', say(`${t.slice(0, 90)} (grown into free space)`));
}

// kubectl scale to at least the replicas the ticket says run now: more capacity, reversed by scaling back (Kubernetes
// docs, Scaling a Deployment). Zero or fewer replicas is the form that can take a service down.
function readScaleUp(ctx: ReadContext, texts: readonly string[]): void {
  const t = texts.find((x) => /\bkubectl\b[^\n]{0,120}\bscale\b/i.test(x));
  if (!t) return;
  const wanted = Number(flagIn(t, 'replicas') ?? NaN);
  const now = Number(scalarText(field(gatheredFields(ctx), 'currentreplicas', 'replicas', 'replicacount')?.value) ?? NaN);
  if (Number.isInteger(wanted) && Number.isInteger(now) && wanted > 0 && wanted >= now) checks(ctx, 'capacity_raised', say(`replicas ${now} → ${wanted}`));
}

// Scheduled scaling that stops a non-production group out of hours and starts it again (Amazon EC2 Auto Scaling,
// scheduled scaling; AWS Well-Architected COST09: turn off non-production resources when not in use). A schedule with no
// action that brings capacity back, or one on a production group, is not this shape.
function readOffHoursSchedule(ctx: ReadContext, texts: readonly string[]): void {
  const actions = texts.flatMap((t) => t.split(/\r?\n|;|&&/)).filter((x) => /put-scheduled-update-group-action\b/i.test(x));
  if (actions.length < 2 || factAt(ctx.b.facts, 'context.production') !== false) return;
  const desired = actions.map((a) => Number(flagIn(a, 'desired-capacity') ?? NaN));
  const groups = new Set(actions.map((a) => flagIn(a, 'auto-scaling-group-name')));
  if (groups.size !== 1 || desired.some((d) => !Number.isFinite(d)) || !desired.includes(0) || !desired.some((d) => d > 0)) return;
  checks(ctx, 'capacity_scheduled', say(`out-of-hours schedule on ${[...groups][0]}: capacity 0, then back to ${Math.max(...desired)}`));
}

// Azure storage keys: regenerating the key no consumer uses, then moving consumers to it, is the documented no-downtime
// rotation (Microsoft Learn, Manage storage account access keys). The ticket must say the renewed key is unused.
function readIdleKeyRenew(ctx: ReadContext, texts: readonly string[]): void {
  const t = texts.find((x) => /\bstorage\s+account\s+keys\s+renew\b|\bnew-azstorageaccountkey\b/i.test(x));
  if (!t) return;
  const key = flagIn(t, 'key', 'keyname');
  const name = key === 'secondary' || key === 'key2' ? 'key2' : key === 'primary' || key === 'key1' ? 'key1' : undefined;
  if (!name) return;
  const idle = Object.entries(gatheredFields(ctx)).slice(0, 60).some(([k, v]) => {
    const n = normKey(k);
    return (n.startsWith(name) || n.startsWith(key === 'secondary' || key === 'primary' ? key : name)) && /inuse|usedby|consumers/.test(n) && /^(none|nothing|no|false|0|unused|\[\])$/.test(lowerText(v, 20).trim());
  });
  if (idle) checks(ctx, 'idle_key_rotated', say(`${name} renewed while the ticket shows no consumer uses it`));
}

// Assigned Access (a Windows kiosk profile) signs in a local standard account Windows creates and manages for the kiosk
// and runs only the named app (Microsoft Learn, Assigned Access). The danger it replaces is AutoAdminLogon with a
// password stored in the registry; a profile that carries a password or an administrator account is not this shape.
function readKioskProfile(ctx: ReadContext, parameters: Record<string, unknown>): void {
  const kv = entriesOf(parameters);
  const kiosk = kv.some(([k, v]) => /profiletype|kioskmode|mode/.test(k) && /\bkiosk\b|assigned access/i.test(scalarText(v) ?? ''));
  if (!kiosk) return;
  const text = lowerText(parameters, MAX);
  if (/password|autoadminlogon|\badmin(istrator)?s?\b/.test(text)) return;
  if (!/single app|multi[- ]app|assigned access|kiosk/.test(text)) return;
  checks(ctx, 'kiosk_account_managed', say('kiosk profile: a Windows-managed kiosk account runs only the named app'));
}

// Approved sign-up domains (Slack, Zoom, Google Workspace "allowed domains"): anyone with an address at the domain may
// join, so each added domain must be one the organisation owns. The ticket shows it verified in the organisation's
// tenant; a consumer mail domain or an unverified one is not this shape.
function readOwnedJoinDomains(ctx: ReadContext, parameters: Record<string, unknown>): void {
  const list = entriesOf(parameters).find(([k]) => /^(approved|allowed|signup|joining|whitelisted)\w*domains?$/.test(k))?.[1];
  const domains = asArray(list).map((d) => lowerText(d, 100).trim()).filter((d) => /^[a-z0-9.-]+\.[a-z]{2,}$/.test(d));
  if (domains.length === 0 || domains.length > 10) return;
  const g = gatheredFields(ctx);
  const current = Object.entries(g).filter(([k]) => /current|existing/.test(normKey(k))).flatMap(([, v]) => asArray(v).map((x) => lowerText(x, 100).trim()));
  const added = domains.filter((d) => !current.includes(d) && !ctx.orgDomains.has(d));
  if (added.length === 0 || added.some((d) => /^(gmail|googlemail|outlook|hotmail|live|yahoo|icloud|me|aol|proton|protonmail|gmx|mail|yandex)\./.test(d))) return;
  const owned = Object.entries(g).some(([k, v]) => /owner|verified|ownership/.test(normKey(k)) && /\bverified\b/.test(lowerText(v, 300)) && !/\b(not|un)\s*verified\b/.test(lowerText(v, 300)));
  if (owned) checks(ctx, 'domain_owned', say(`sign-up domains ${added.join(', ')} verified as the organisation's own`));
}

export function readSafeShapes(ctx: ReadContext, parameters: unknown): void {
  if (!isRecord(parameters) || ctx.removing > 0) return;
  const texts = treeStrings(parameters).filter((t) => t.length <= MAX);
  readDanglingRecordRemoved(ctx, texts);
  readSignedUrl(ctx, texts);
  readInvokePermission(ctx, texts);
  readBypassCodes(ctx, parameters, texts);
  readSoftPurge(ctx, texts);
  readBitLockerSuspend(ctx, texts);
  readLoopbackListener(ctx, texts);
  readBlockListAdd(ctx, texts);
  readPodSecurityLabels(ctx, texts);
  readNetworkPolicies(ctx, texts);
  readSafeguardGpoLink(ctx, texts);
  readManagedServiceAccount(ctx, texts);
  readScopedRequestApproval(ctx, parameters);
  readTrunkVlanAdd(ctx, texts);
  readImagePrune(ctx, texts);
  readVolumeGrow(ctx, texts);
  readScaleUp(ctx, texts);
  readOffHoursSchedule(ctx, texts);
  readIdleKeyRenew(ctx, texts);
  readKioskProfile(ctx, parameters);
  readOwnedJoinDomains(ctx, parameters);
}
