import { checks, opens, gatheredFields, isExternalAddress, mailDomain, type ReadContext } from './read-context.js';
import { readWorkloadFlag } from './read-grants.js';
import { asArray, flagValue, isRecord, lowerText, normKey, scalarText, treeStrings } from './values.js';

/**
 * What a change does to the things it touches, read by the class of the call rather than by its product:
 * - a resource shared with every account ("--account-ids-to-add All", launch permission Group=all): public;
 * - an elevation call that gives its caller a standing administrator role at the root scope (Azure elevateAccess);
 * - a JSON Patch (RFC 6902) given as text: each add or replace is read as the setting it writes;
 * - a statement that throws away all of a database's recovery logs (MySQL RESET MASTER): PITR and replicas lost;
 * - a mirror copy that deletes at the destination what the source lacks, from a source the ticket shows empty;
 * - a dynamic membership rule with no attribute that narrows it (only enabled / member conditions): everyone;
 * - a file the ticket shows carrying live session secrets (unsanitised cookies, bearer tokens) sent outside;
 * - ingress from anywhere to a host the ticket shows without the vendor's fix (a field saying the fix is not installed);
 * - an SSH key written into a cloud project's metadata (every VM of the project), not one instance's;
 * - a CAA record whose issuers leave out a certificate authority the ticket shows issuing for the domain;
 * - device objects deleted while the ticket shows their recovery keys are kept only on them.
 * Every input is bounded.
 */

const MAX = 20_000;
const say = (s: string) => `action.parameters: ${s.trim().slice(0, 140)}`;

// ---------------------------------------------------------------------------------------------------------
// Shared with every account: AWS share and attribute calls whose account list is "all" make the resource public
// (AWS Systems Manager User Guide, Sharing SSM documents: sharing with All makes the document public; Amazon EC2 and
// RDS: Group=all / values-to-add all on AMIs and snapshots; AWS Foundational Security Best Practices SSM.4, EC2.1, RDS.1).

const SHARE_ALL_FLAGS = ['--account-ids-to-add', '--account-ids', '--group-names', '--values-to-add', '--user-ids'];

function readSharedWithAll(ctx: ReadContext, texts: readonly string[]): void {
  for (const text of texts) {
    const lower = text.slice(0, MAX).toLowerCase();
    const parts = lower.split(/\s+/);
    const flag = parts.findIndex((p, i) => SHARE_ALL_FLAGS.includes(p) && /^["']?all["']?$/.test(parts[i + 1] ?? ''));
    const launch = /--launch-permission\b[^\n]{0,80}\bgroup\s*=\s*all\b/.test(lower);
    if (flag >= 0 || launch) {
      opens(ctx, 'public_principal', say(`${flag >= 0 ? `${parts[flag]} all` : 'launch permission Group=all'} (shared with every AWS account: public)`));
      return;
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// Elevation to a standing root-scope role (Microsoft Learn, Elevate access to manage all Azure subscriptions and
// management groups: User Access Administrator at root scope "/", to be removed as soon as the task is done).

function readRootElevation(ctx: ReadContext, texts: readonly string[]): void {
  const hit = texts.find((t) => /microsoft\.authorization\/elevateaccess\b/i.test(t.slice(0, 2_000)));
  if (hit) opens(ctx, 'admin_role', say(`${hit.slice(0, 100)} (User Access Administrator at root scope "/")`), 'User Access Administrator at root scope "/" (every subscription and management group)');
}

// ---------------------------------------------------------------------------------------------------------
// JSON Patch text: each operation's value is read as the field its path ends in.

function readJsonPatch(ctx: ReadContext, texts: readonly string[]): void {
  for (const text of texts) {
    const t = text.trim();
    if (!t.startsWith('[') || !/"op"\s*:/.test(t) || t.length > MAX) continue;
    let ops: unknown;
    try {
      ops = JSON.parse(t);
    } catch {
      continue;
    }
    for (const op of asArray(ops).slice(0, 50)) {
      if (!isRecord(op) || !/^(add|replace)$/.test(String(op.op ?? ''))) continue;
      const path = String(op.path ?? '');
      const key = path.split('/').filter((s) => s && s !== '-').at(-1) ?? '';
      const where = `action.parameters (JSON Patch ${op.op} ${path.slice(0, 80)})`;
      if (readWorkloadFlag(ctx, key, op.value, where)) continue;
      if (isRecord(op.value)) for (const [k, v] of Object.entries(op.value).slice(0, 30)) readWorkloadFlag(ctx, k, v, where);
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// Recovery logs thrown away (MySQL 8.0 Reference Manual, RESET MASTER / RESET BINARY LOGS AND GTIDS: deletes every
// binary log file and resets the GTID execution history; replicas lose their position and point-in-time recovery since
// the last full backup is gone. PURGE BINARY LOGS TO a file the replicas have passed is the bounded way).

const RESET_LOGS = /\breset\s+(master|binary\s+logs\s+and\s+gtids)\b|\bbackup\s+log\b[^;]{0,80}\bwith\s+(truncate_only|no_log)\b|\bpg_resetwal\b|\bpg_resetxlog\b/i;

// Write-ahead log segments deleted by hand (PostgreSQL documentation, WAL internals and pg_wal: removing files from
// pg_wal by hand can leave the cluster unable to start or recover; free space by fixing the replication slot or
// archiving, and let checkpoints recycle segments). pg_archivecleanup on an archive directory is the bounded tool.
const WAL_DIR = /\bpg_(wal|xlog)\b/i;
const FILE_DELETE = /(^|[\s|;&])(rm|unlink|del|remove-item)\b|-delete\b/i;

function readRecoveryLogsReset(ctx: ReadContext, texts: readonly string[]): void {
  const wal = texts.find((t) => WAL_DIR.test(t.slice(0, MAX)) && FILE_DELETE.test(t.slice(0, MAX)) && !/\bpg_archivecleanup\b/i.test(t));
  if (wal) {
    opens(ctx, 'backups_deleted', say(`${wal.slice(0, 80)} (WAL segments deleted by hand: recovery and replicas depend on them)`));
    opens(ctx, 'destructive', say(wal.slice(0, 80)));
    ctx.b.set('change.destroys', 'write-ahead log segments the database still needs', say(wal.slice(0, 80)));
    return;
  }
  const hit = texts.map((t) => RESET_LOGS.exec(t.slice(0, MAX))).find((m) => m !== null);
  if (!hit) return;
  opens(ctx, 'backups_deleted', say(`${hit[0]} (every binary or transaction log is discarded: point-in-time recovery and replication positions lost)`));
  opens(ctx, 'destructive', say(hit[0]));
  ctx.b.set('change.destroys', 'every binary or transaction log', say(hit[0]));
}

// ---------------------------------------------------------------------------------------------------------
// Mirror copies from an empty source (AWS CLI s3 sync --delete, rsync --delete, robocopy /MIR, azcopy sync
// --delete-destination, gsutil rsync -d): every file at the destination that the source lacks is deleted, so an empty
// source deletes everything there.

const MIRROR = /\b(s3\s+sync\b[^\n]*--delete\b|rsync\b[^\n]*--delete\b|robocopy\b[^\n]*\/mir\b|azcopy\s+sync\b[^\n]*--delete-destination(=|\s+)true|gsutil\b[^\n]*\brsync\b[^\n]*\s-[a-z]*d)/i;
const EMPTY_SOURCE = /\b0 (files|objects|modules transformed)\b|\(0 files\)|\b(dist|build|output|source)\S{0,20}\s+(is|was)\s+empty\b/;

function readMirrorFromEmpty(ctx: ReadContext, texts: readonly string[]): void {
  const hit = texts.map((t) => MIRROR.exec(t.slice(0, MAX))).find((m) => m !== null);
  if (!hit) return;
  // The ticket gives the source's size as nothing: a count of files or objects built or to upload that is 0.
  const zero = Object.entries(gatheredFields(ctx)).slice(0, 60).find(([k, v]) => /(dist|build|source|output|artifact|local).{0,20}(count|files|objects)|(file|object)_?count/.test(k.toLowerCase()) && !/bucket|destination|target|remote/.test(k.toLowerCase()) && (v === 0 || v === '0'));
  const state = ctx.b.request.state ?? {};
  const convo = asArray(state.conversation_history).map((m) => (isRecord(m) ? String(m.content ?? '') : '')).join('\n').toLowerCase().slice(0, MAX);
  const said = EMPTY_SOURCE.exec(convo);
  if (!zero && !said) {
    // The ticket shows the source built (a file count above zero) or a dry run listing what the mirror deletes: the
    // deletes are the stale files the listing showed (AWS CLI s3 sync --dryrun; rsync --dry-run).
    const built = Object.entries(gatheredFields(ctx)).slice(0, 60).find(([k, v]) => (/(dist|build|source|output|artifact|local).{0,20}(count|files|objects)/.test(k.toLowerCase()) && Number(v) > 0) || /dry_?run/.test(k.toLowerCase()));
    if (built) checks(ctx, 'mirror_source_shown', say(`${hit[0].slice(0, 80)} (${built[0]} = ${lowerText(built[1], 80)})`));
    return;
  }
  const why = zero ? `${zero[0]} = 0` : `the ticket says "${said![0]}"`;
  opens(ctx, 'destructive', say(`${hit[0].slice(0, 80)} from an empty source (${why}): everything at the destination is deleted`));
  ctx.b.set('change.destroys', 'every object at the destination', say(hit[0]));
  opens(ctx, 'bulk_scope', say(`${hit[0].slice(0, 80)} (the whole destination)`));
}

// ---------------------------------------------------------------------------------------------------------
// Dynamic membership rules that select everyone (Microsoft Learn, Dynamic membership rules for groups: a rule on
// user.accountEnabled and user.userType alone matches every enabled member account).

const EVERYONE_PROPERTIES = new Set(['accountenabled', 'usertype', 'objectid', 'mail', 'userprincipalname']);

function readEveryoneRule(ctx: ReadContext, parameters: Record<string, unknown>): void {
  for (const [k, v] of Object.entries(parameters).slice(0, 60)) {
    if (normKey(k) !== 'membershiprule' || typeof v !== 'string') continue;
    const props = [...v.slice(0, 2_000).matchAll(/\b(?:user|device)\.(\w+)\s+-(eq|ne|startswith|contains|match|in|notin|notcontains|notmatch|any|all)\s*("[^"]*"|\S+)/gi)];
    if (props.length === 0) continue;
    // Every condition is one every account meets (enabled, a member, a mail attribute not empty): no attribute narrows it.
    const narrowing = props.filter(([, p, op, val]) => {
      const n = normKey(p);
      if (n === 'accountenabled' || n === 'usertype') return false;
      if (EVERYONE_PROPERTIES.has(n) && (op.toLowerCase() === 'ne' && /null|""/.test(val))) return false;
      return true;
    });
    if (narrowing.length > 0) {
      checks(ctx, 'membership_rule_scoped', say(`membershipRule narrowed by ${narrowing.map(([, p]) => p).slice(0, 3).join(', ')}`));
      continue;
    }
    opens(ctx, 'broad_full_control', say(`membershipRule ${v.slice(0, 90)}`), 'every enabled account (a dynamic rule no attribute narrows): membership');
    opens(ctx, 'bulk_scope', say(`membershipRule ${v.slice(0, 90)} (every enabled account)`));
    return;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Files carrying live session secrets (Okta, Sanitizing HTTP Traces; the October 2023 Okta support-system incident:
// HAR files with session cookies and tokens replayed against customer admin sessions): sent outside unsanitised.

const SECRET_CONTENT = /\b(cookie|cookies|session (token|cookie|id)|bearer|authorization|access[_ ]token|id[_ ]token|refresh[_ ]token|samlresponse|sid)\b/;
const ATTACH_KEYS = new Set(['attachment', 'attachments', 'file', 'files', 'path', 'upload', 'document']);

/** The ticket records the file sanitised: a sanitise/redact field that is true, or a list of sanitiser checks that all passed. */
function sanitisedOnRecord(ctx: ReadContext): string | undefined {
  for (const [k, v] of Object.entries(gatheredFields(ctx)).slice(0, 60)) {
    if (!/sanitis|sanitiz|redact|scrub/.test(k.toLowerCase())) continue;
    if (flagValue(v) === true) return k;
    const checksRun = asArray(v).filter(isRecord);
    if (checksRun.length > 0 && checksRun.every((c) => /^(pass|passed|ok|done|yes|true)$/.test(lowerText(c.result ?? c.status ?? c.outcome, 20)))) return `${k} (${checksRun.length} checks passed)`;
  }
  return undefined;
}

function readSecretFileSent(ctx: ReadContext, parameters: Record<string, unknown>): void {
  const attached = Object.entries(parameters).filter(([k]) => ATTACH_KEYS.has(normKey(k))).flatMap(([, v]) => treeStrings(v));
  if (attached.length === 0) return;
  // A capture the ticket shows sanitised (cookies, authorization headers and tokens removed), as Okta's guidance asks.
  const sanitised = sanitisedOnRecord(ctx);
  if (sanitised) return checks(ctx, 'file_sanitised', say(`${attached[0].slice(0, 60)} sent, state.information_gathered.${sanitised}`));
  const to = Object.entries(parameters).filter(([k]) => /^(to|recipient|recipients|cc|email|sendto)$/.test(normKey(k))).flatMap(([, v]) => treeStrings(v)).filter((a) => mailDomain(a) !== undefined);
  const outside = to.find((a) => isExternalAddress(ctx, a));
  if (!outside) return;
  const gathered = Object.entries(gatheredFields(ctx)).slice(0, 60);
  const unsanitised = gathered.find(([k, v]) => /sanitis|sanitiz|redact|scrub/.test(k.toLowerCase()) && flagValue(v) === false);
  const contents = gathered.find(([k, v]) => /contain|content|includes/.test(k.toLowerCase()) && SECRET_CONTENT.test(lowerText(v, 2_000)));
  if (!unsanitised && !contents) return;
  const sanitisedSaid = gathered.some(([k, v]) => /sanitis|sanitiz|redact|scrub/.test(k.toLowerCase()) && flagValue(v) === true);
  if (!unsanitised && sanitisedSaid) return;
  const what = unsanitised ? `${unsanitised[0]} = ${scalarText(unsanitised[1])}` : `${contents![0]}: ${lowerText(contents![1], 200).slice(0, 80)}`;
  opens(ctx, 'credential_exposure', say(`${attached[0].slice(0, 60)} sent to ${outside} while the ticket shows ${what} (live session secrets in the file)`));
}

// ---------------------------------------------------------------------------------------------------------
// Ingress from anywhere to a host the ticket shows unpatched: a gathered field naming the fix, patch or fixed version
// that says it is not installed (`vendor_fixed_version_installed: false`, `patch_status: not applied`).

const FIX_KEY = /(patch|fix|fixed|hotfix|service_?pack|remediat)/;
const NOT_DONE = /^(false|no|not (installed|applied|done|yet)|pending|missing|none|unpatched|vulnerable|outstanding)\b/;

function readExposedUnpatched(ctx: ReadContext): void {
  if (!ctx.opens.has('world_open')) return;
  const unfixed = Object.entries(gatheredFields(ctx)).slice(0, 60).find(([k, v]) => {
    const key = k.toLowerCase();
    if (!FIX_KEY.test(key) || /window|booked|scheduled|planned|date|eta/.test(key)) return false;
    return flagValue(v) === false || NOT_DONE.test((scalarText(v) ?? '').toLowerCase().trim());
  });
  if (!unfixed) return;
  opens(ctx, 'exposed_unpatched', `${ctx.b.provenance['change.world_open'] ?? 'action.parameters'}; state.information_gathered.${unfixed[0]} = ${scalarText(unfixed[1])}`, `ingress from anywhere while ${unfixed[0]} = ${scalarText(unfixed[1])}`);
}

// ---------------------------------------------------------------------------------------------------------
// Project-wide SSH keys (gcloud compute project-info add-metadata ssh-keys=…, the project's commonInstanceMetadata,
// Terraform google_compute_project_metadata with ssh-keys).

const PROJECT_KEYS = /\bproject-info\s+add-metadata\b[^\n]{0,300}\bssh-keys\s*=|\bgoogle_compute_project_metadata(_item)?\b[\s\S]{0,400}\bssh-keys\b|\bcommoninstancemetadata\b[\s\S]{0,400}\bssh-keys\b/i;

function readProjectWideKey(ctx: ReadContext, texts: readonly string[], parameters: Record<string, unknown>): void {
  const hit = texts.map((t) => PROJECT_KEYS.exec(t.slice(0, MAX))).find((m) => m !== null);
  const keyed = !hit && Object.keys(parameters).some((k) => normKey(k) === 'commoninstancemetadata') && lowerText(parameters, MAX).includes('ssh-keys');
  if (!hit && !keyed) return;
  const shown = hit ? hit[0].slice(0, 100) : 'commonInstanceMetadata ssh-keys';
  opens(ctx, 'project_wide_ssh_key', say(shown), `${shown} (a key on every VM of the project that does not block project-wide keys)`);
}

// ---------------------------------------------------------------------------------------------------------
// CAA records against the authorities the ticket shows issuing (RFC 8659; ACM: amazon.com and its aliases).

const ISSUERS: readonly { name: string; said: RegExp; domains: readonly string[] }[] = [
  { name: 'Amazon (ACM)', said: /\bacm\b|\bamazon\b|aws certificate manager/, domains: ['amazon.com', 'amazontrust.com', 'awstrust.com', 'amazonaws.com'] },
  { name: "Let's Encrypt", said: /let'?s ?encrypt|cert-manager|certbot/, domains: ['letsencrypt.org'] },
  { name: 'DigiCert', said: /\bdigicert\b/, domains: ['digicert.com', 'www.digicert.com'] },
  { name: 'Sectigo', said: /\bsectigo\b|\bcomodo\b/, domains: ['sectigo.com', 'comodoca.com'] },
  { name: 'Google Trust Services', said: /google trust services|\bgts\b|google-managed certificate/, domains: ['pki.goog'] },
  { name: 'GlobalSign', said: /\bglobalsign\b/, domains: ['globalsign.com'] },
];

function readCaaIssuers(ctx: ReadContext, parameters: Record<string, unknown>): void {
  const records: string[] = [];
  const walk = (v: unknown, depth: number) => {
    if (depth > 5 || records.length > 40) return;
    if (Array.isArray(v)) for (const x of v.slice(0, 40)) walk(x, depth + 1);
    else if (isRecord(v)) {
      if (normKey(scalarText(v.type) ?? scalarText(v.Type) ?? '') === 'caa') records.push(...treeStrings(v));
      else for (const x of Object.values(v).slice(0, 40)) walk(x, depth + 1);
    }
  };
  walk(parameters, 0);
  const issue = records.flatMap((r) => [...r.matchAll(/\bissue(?:wild)?\s+"([^"]*)"/gi)].map((m) => m[1].trim().toLowerCase().split(';')[0]));
  if (issue.length === 0) return;
  // Field names count too, read as words (`acm_certificates_on_domain`).
  const state = lowerText(ctx.b.request.state ?? {}, MAX).replace(/_/g, ' ');
  const missing = ISSUERS.find((ca) => ca.said.test(state) && !ca.domains.some((d) => issue.includes(d)));
  if (!missing) return;
  opens(ctx, 'caa_excludes_issuer', say(`CAA issue ${issue.join(', ')}`), `the CAA record allows only ${issue.join(', ')}, while the ticket shows ${missing.name} certificates on the domain`);
}

// ---------------------------------------------------------------------------------------------------------
// Device objects deleted with the only copy of their recovery keys.

const DEVICE_DELETE = /\bremove-(mg|azuread|entra)device\b|\baz\s+ad\s+device\s+delete\b|\bdelete\b[^\n]{0,40}\/devices\/|\bremove-adcomputer\b/i;
const ONLY_COPY = /\bonly\b|no (mbam|export|backup|escrow|other)|not (exported|backed up)/;

function readRecoveryKeysDeleted(ctx: ReadContext, texts: readonly string[]): void {
  const hit = texts.map((t) => DEVICE_DELETE.exec(t.slice(0, MAX))).find((m) => m !== null);
  if (!hit) return;
  const kept = Object.entries(gatheredFields(ctx)).slice(0, 60).find(([k, v]) => {
    const key = k.toLowerCase();
    if (!/bitlocker|recovery_?key|laps|escrow/.test(key)) return false;
    const t = (scalarText(v) ?? '').toLowerCase();
    return ONLY_COPY.test(t) || (/export|backed|backup|escrow/.test(key) && (flagValue(v) === false || /^0\b/.test(t)));
  });
  if (!kept) return;
  opens(ctx, 'recovery_keys_deleted', say(hit[0]), `${hit[0]} deletes device objects while ${kept[0]} = ${scalarText(kept[1])?.slice(0, 80)}`);
  opens(ctx, 'destructive', say(hit[0]));
}

export function readChangeEffects(ctx: ReadContext, parameters: unknown): void {
  if (!isRecord(parameters) || ctx.removing > 0) return;
  const texts = treeStrings(parameters);
  readSharedWithAll(ctx, texts);
  readRootElevation(ctx, texts);
  readJsonPatch(ctx, texts);
  readRecoveryLogsReset(ctx, texts);
  readMirrorFromEmpty(ctx, texts);
  readEveryoneRule(ctx, parameters);
  readSecretFileSent(ctx, parameters);
  readExposedUnpatched(ctx);
  readProjectWideKey(ctx, texts, parameters);
  readCaaIssuers(ctx, parameters);
  readRecoveryKeysDeleted(ctx, texts);
}
