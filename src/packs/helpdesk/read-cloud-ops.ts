import YAML from 'yaml';
import { checks, closes, gatheredFields, opens, opensListed, type ReadContext } from './read-context.js';
import { asArray, entriesOf, field, flagValue, isRecord, lowerText, normKey, scalarText, strings, treeTexts } from './values.js';

/**
 * Cloud and infrastructure-as-code operations whose danger is in the operation, not in a grant or a port:
 * a force that skips a safety check on live state (Terraform state push -force, force-unlock of a lock a
 * running apply holds, a drain that bypasses PodDisruptionBudgets), an admission or network guardrail
 * deleted, a guardrail reset, exempted or an untested policy attached at the organisation root, broad
 * impersonation roles and default service accounts, audit logs excluded from a sink, IMDSv1 switched
 * back on, a DNS zone in use deleted, an UPDATE without WHERE, a lifecycle
 * rule that expires everything. Every input is bounded (words are capped, texts are scanned linearly).
 */

const MAX_TEXT = 20_000;

/** Values of the ticket's `information_gathered`, lower case, in one string (bounded). */
function gathered(ctx: ReadContext): { text: string; value: Record<string, unknown> } {
  const value = gatheredFields(ctx);
  return { text: lowerText(value, MAX_TEXT), value };
}

const LIVE_WORDS = ['running', 'in progress', 'in-progress', 'executing', 'applying', 'pending', 'active'];
const GONE_WORDS = ['cancel', 'failed', 'not found', 'terminated', 'crashed', 'killed', 'stale', 'aborted', 'timed out', 'dead', 'gone'];

/** Kubernetes objects that are guardrails: deleting one switches the control off for what it covered. */
const K8S_GUARDRAILS: Readonly<Record<string, string>> = {
  networkpolicy: 'NetworkPolicy', networkpolicies: 'NetworkPolicy', netpol: 'NetworkPolicy', ciliumnetworkpolicy: 'NetworkPolicy', ciliumnetworkpolicies: 'NetworkPolicy',
  validatingwebhookconfiguration: 'admission webhook', validatingwebhookconfigurations: 'admission webhook', mutatingwebhookconfiguration: 'admission webhook', mutatingwebhookconfigurations: 'admission webhook',
  validatingadmissionpolicy: 'admission policy', validatingadmissionpolicies: 'admission policy', validatingadmissionpolicybinding: 'admission policy', validatingadmissionpolicybindings: 'admission policy',
  constrainttemplate: 'Gatekeeper constraint', constrainttemplates: 'Gatekeeper constraint', clusterpolicy: 'Kyverno policy', clusterpolicies: 'Kyverno policy',
  podsecuritypolicy: 'PodSecurityPolicy', podsecuritypolicies: 'PodSecurityPolicy', psp: 'PodSecurityPolicy', peerauthentication: 'mTLS PeerAuthentication', authorizationpolicy: 'Istio AuthorizationPolicy',
};

/** GCP roles that let their holder act as any service account in the scope they are granted at (CIS GCP 1.6). */
const IMPERSONATION_ROLES = new Set(['roles/iam.serviceaccounttokencreator', 'roles/iam.serviceaccountuser', 'roles/iam.serviceaccountkeyadmin', 'roles/iam.workloadidentityuser', 'roles/iam.serviceaccountopenidtokencreator']);

function guardrail(ctx: ReadContext, what: string, source: string): void {
  opens(ctx, 'organisation_guardrail', source, what);
}

/** One command line, as its lower-case words and normalised flags. */
export function readCloudCommand(ctx: ReadContext, words: readonly string[], flags: ReadonlyMap<string, string>, source: string): void {
  const w = new Set(words.slice(0, 400));
  const has = (...names: string[]) => names.some((n) => w.has(n));
  const flag = (...names: string[]) => names.map((n) => flags.get(n)).find((v) => v !== undefined);
  const joined = words.slice(0, 400).join(' ');

  // Terraform: state push -force skips the lineage and serial checks; force-unlock of a lock a running operation holds gives two writers.
  if (has('terraform', 'tofu', 'terragrunt')) {
    if (has('state') && has('push') && (flags.has('force') || flags.has('f'))) opens(ctx, 'safety_check_bypassed', source, 'terraform state push -force (serial and lineage checks skipped)');
    if (has('force-unlock')) {
      const ig = treeTexts(gathered(ctx).value, false);
      const live = ig.some((v) => LIVE_WORDS.some((l) => v.includes(l)));
      const gone = ig.some((v) => GONE_WORDS.some((g) => v.includes(g)));
      // Unknown is not safe: a lock is released by force only when the ticket shows its holder is gone.
      if (live || !gone) opens(ctx, 'safety_check_bypassed', source, `terraform force-unlock of a lock ${live ? 'a running operation holds' : 'whose holder is not shown to be gone'}`);
      // The ticket shows the lock's holder gone (its job cancelled or finished): the documented use of force-unlock (Terraform docs).
      else checks(ctx, 'stale_lock_released', `${source}: terraform force-unlock of a lock whose holder the ticket shows is gone`);
    }
  }
  if (has('kubectl', 'oc')) {
    // kubectl drain --disable-eviction deletes pods without the Eviction API: PodDisruptionBudgets are not checked.
    if (has('drain') && flags.has('disableeviction')) opens(ctx, 'safety_check_bypassed', source, 'kubectl drain --disable-eviction (PodDisruptionBudgets bypassed)');
    if (has('delete')) {
      const at = words.indexOf('delete');
      for (const word of words.slice(at + 1, at + 6)) {
        if (word.startsWith('-')) continue;
        const kind = K8S_GUARDRAILS[word.split('.', 1)[0].split('/', 1)[0]];
        if (!kind) continue;
        opensListed(ctx, 'safeguard_setting_off', `${kind} deleted`, source);
        break;
      }
    }
  }
  // Kubernetes Dashboard with the login skippable: anyone who reaches it acts as its service account.
  if (joined.includes('enable-skip-login') || joined.includes('enable_skip_login')) opens(ctx, 'unauthenticated_access', `${source}: Kubernetes Dashboard --enable-skip-login`);
  if (has('gcloud')) {
    // Organisation policy constraints reset, deleted or unenforced at the organisation or a folder.
    if ((has('org-policies') || (has('resource-manager') && has('org-policies'))) && has('reset', 'delete', 'disable-enforce', 'allow') && (flags.has('organization') || flags.has('folder')))
      guardrail(ctx, `organisation policy ${words[words.findIndex((x) => x === 'reset' || x === 'delete' || x === 'disable-enforce' || x === 'allow') + 1] ?? ''} removed at the ${flags.has('organization') ? 'organisation' : 'folder'}`.trim(), source);
    // A sink exclusion that matches Cloud Audit Logs drops them from where they are kept.
    if ((has('sinks') || has('exclusions')) && (flags.has('addexclusion') || flags.has('exclusion') || has('exclusions')) && (joined.includes('auditlog') || joined.includes('cloudaudit')))
      opens(ctx, 'audit_logging_off', `${source}: exclusion matching Cloud Audit Logs`);
    // The default compute service account (Editor) with the cloud-platform scope: every workload on the node holds Editor (CIS GCP 4.2, CIS GKE 5.2.1).
    if (has('create') && has('node-pools', 'clusters', 'instances', 'instance-templates')) {
      const scopes = (flag('scopes') ?? '').toLowerCase();
      const account = (flag('serviceaccount') ?? '').toLowerCase();
      if (scopes.includes('cloud-platform') && (account === '' || account === 'default' || account.includes('-compute@developer.gserviceaccount.com')))
        opens(ctx, 'admin_role', source, 'roles/editor (default compute service account with the cloud-platform scope)');
    }
    if (has('projects', 'folders', 'organizations') && has('add-iam-policy-binding')) {
      const role = (flag('role') ?? '').toLowerCase();
      if (IMPERSONATION_ROLES.has(role)) opens(ctx, 'admin_role', source, `${role} on the whole ${has('projects') ? 'project' : has('folders') ? 'folder' : 'organisation'} (acts as every service account in it)`);
    }
    if (has('dns') && has('managed-zones') && has('delete')) zoneDeleted(ctx, source);
  }
  if (has('aws')) {
    if (has('organizations')) {
      const target = (flag('targetid') ?? '').toLowerCase();
      const root = target.startsWith('r-');
      if (has('attach-policy') && root) guardrail(ctx, `policy attached at the organisation root ${target} (every account)`, source);
      if (has('detach-policy') && root) guardrail(ctx, `policy detached from the organisation root ${target}`, source);
      if (has('disable-policy-type')) guardrail(ctx, 'policy type disabled for the organisation', source);
    }
    if (has('route53') && has('delete-hosted-zone')) zoneDeleted(ctx, source);
  }
  if (has('az')) {
    if (has('policy') && has('exemption') && has('create', 'update')) {
      const scope = (flag('scope') ?? '').toLowerCase();
      const broad = scope === '' || scope.includes('/managementgroups/') || /^\/subscriptions\/[^/]+\/?$/.test(scope.slice(0, 200));
      const whole = !flags.has('policydefinitionreferenceids');
      if (broad || whole) guardrail(ctx, `policy exemption ${whole ? 'from a whole assignment' : ''} ${broad ? 'at a management group or subscription' : ''}`.replace(/\s+/g, ' ').trim(), source);
    }
    if (has('policy') && has('assignment') && has('delete')) guardrail(ctx, 'policy assignment deleted', source);
    if (has('policy') && has('assignment') && (flag('enforcementmode') ?? '').toLowerCase() === 'donotenforce') guardrail(ctx, 'policy assignment set to DoNotEnforce', source);
    if (has('network') && has('dns') && has('zone') && has('delete')) zoneDeleted(ctx, source);
  }
}

/**
 * A hosted zone deleted: the domain stops resolving if the registrar delegates to it. Unknown is not safe:
 * it counts as in use unless the ticket shows it is not delegated (its name servers do not match the registrar's).
 */
function zoneDeleted(ctx: ReadContext, source: string): void {
  const notDelegated = entriesOf(gathered(ctx).value).some(([k, v]) => (k.includes('nsmatch') || k.includes('delegat')) && (v === false || String(v).toLowerCase() === 'false' || String(v).toLowerCase() === 'no'));
  if (notDelegated) return checks(ctx, 'zone_not_delegated', `${source}: DNS zone deleted, the ticket shows it is not the delegated one`);
  opens(ctx, 'destructive', `${source}: DNS zone deleted`);
  ctx.b.set('change.destroys', 'a DNS zone the ticket does not show to be undelegated', source);
  opens(ctx, 'safety_check_bypassed', source, 'DNS hosted zone deleted without showing it is not the delegated one');
}

const ENV_DUMP = /^(?:-\s*)?(?:run:\s*)?(?:env|printenv|export\s+-p|declare\s+-p|set|(?:get-childitem|gci|dir|ls)\s+env:)\s*(?:$|[|>;])/;
const SECRET_ECHO = /^(?:-\s*)?(?:run:\s*)?(?:echo|printf|write-output|write-host|cat)\b[^\n]{0,200}\$\{?(?:env:|secrets\.)?\w{0,40}(?:secret|token|password|passwd|pwd|apikey|api_key|private_key|credential)\w{0,40}/;

/**
 * A script or CI step that prints the whole environment (`env`, `printenv`, `Get-ChildItem env:`) or echoes a
 * variable named as a secret, into a job log: the runner's credentials go into the log, and log masking misses
 * encoded or derived values (GitHub Docs, security hardening for Actions: never print secrets, masking is not a
 * guarantee; CWE-532; OWASP Logging Cheat Sheet). Printing one named non-secret variable is not read here.
 */
function readEnvironmentDump(ctx: ReadContext, lower: string, source: string): void {
  let n = 0;
  for (const raw of lower.split('\n')) {
    if (++n > 400) break;
    const line = raw.trim().slice(0, 400);
    if (ENV_DUMP.test(line) || SECRET_ECHO.test(line)) {
      opens(ctx, 'logs_payloads', `${source}: "${line.slice(0, 80)}" (credentials written to the job log)`);
      return;
    }
  }
}

/** Text values of the arguments (a record value, a manifest, a command line). */
export function readCloudText(ctx: ReadContext, s: string, source: string): void {
  if (s.length > MAX_TEXT) return;
  const lower = s.toLowerCase();
  // system:masters bypasses RBAC entirely; mapping a role or group to it gives cluster-admin that RBAC cannot limit.
  const masters = lower.indexOf('system:masters');
  if (masters >= 0 && lower.lastIndexOf('group', masters) >= 0) opens(ctx, 'cluster_admin_subject', `${source}: mapped to the system:masters group`, 'system:masters (a mapped role or group)');
  // IMDSv1: instance metadata answered without a session token (Checkov CKV_AWS_79, Security Hub EC2.8).
  const compact = lower.replace(/[^a-z0-9]/g, '');
  if (compact.includes('httptokensoptional')) {
    opensListed(ctx, 'insecure_feature_on', 'IMDSv1 (HttpTokens optional)', source);
  }
  readEnvironmentDump(ctx, lower, source);
  // UPDATE … SET with no WHERE before the statement ends (';' only: a WHERE may be on a later line) rewrites every row.
  let n = 0;
  for (const m of lower.matchAll(/(?:^|[\s;(])update\s+[a-z0-9_."`\[\]]{1,128}\s+set\s/g)) {
    if (++n > 50) break;
    const start = (m.index ?? 0) + m[0].length;
    const end = lower.indexOf(';', start);
    const body = lower.slice(start, end < 0 ? undefined : end);
    if (!/\bwhere\b/.test(body)) {
      opens(ctx, 'destructive', `${source}: UPDATE without WHERE`);
      ctx.b.set('change.destroys', 'UPDATE without WHERE (every row rewritten)', source);
    }
  }
}

/** Objects in the arguments: lifecycle rules and OIDC trust statements. */
export function readCloudObject(ctx: ReadContext, obj: Record<string, unknown>, source: string): void {
  // S3 / GCS lifecycle: every object (no prefix or tag filter) expiring within 30 days deletes the bucket's contents.
  const rules = field(obj, 'rules', 'rule')?.value;
  for (const rule of asArray(rules).slice(0, 100)) {
    if (!isRecord(rule)) continue;
    if ((scalarText(field(rule, 'status')?.value) ?? 'enabled').toLowerCase() === 'disabled') continue;
    const filter = field(rule, 'filter')?.value;
    const prefix = scalarText(field(rule, 'prefix')?.value) ?? (isRecord(filter) ? scalarText(field(filter, 'prefix')?.value) : undefined) ?? '';
    const scoped = prefix !== '' || (isRecord(filter) && (field(filter, 'tag') !== undefined || field(filter, 'and') !== undefined || field(filter, 'objectsizegreaterthan') !== undefined));
    const expiration = field(rule, 'expiration')?.value;
    const noncurrent = field(rule, 'noncurrentversionexpiration')?.value;
    const days = [isRecord(expiration) ? Number(field(expiration, 'days')?.value) : NaN, isRecord(noncurrent) ? Number(field(noncurrent, 'noncurrentdays')?.value) : NaN].filter(Number.isFinite);
    if (scoped || days.length === 0 || Math.min(...days) >= 30) continue;
    opens(ctx, 'destructive', `${source}: lifecycle rule expires every object after ${Math.min(...days)} day(s)`);
    ctx.b.set('change.destroys', `every object in the bucket after ${Math.min(...days)} day(s)`, source);
    let written = '';
    try {
      written = JSON.stringify(ctx.b.request.action?.parameters ?? {}).toLowerCase().slice(0, MAX_TEXT);
    } catch {
      written = '';
    }
    if (written.includes('backup')) opens(ctx, 'backups_deleted', `${source}: lifecycle expiry on a backup bucket`);
  }
  // OIDC federation trust (GitHub Actions, GitLab, Terraform Cloud): without a pinned subject any workflow of any repository may assume the role.
  const statements = field(obj, 'statement')?.value;
  for (const st of asArray(statements).slice(0, 50)) {
    if (!isRecord(st)) continue;
    if ((scalarText(field(st, 'effect')?.value) ?? 'allow').toLowerCase() !== 'allow') continue;
    const actions = strings(field(st, 'action')?.value).map((a) => a.toLowerCase());
    if (!actions.some((a) => a === 'sts:assumerolewithwebidentity' || a === 'sts:*' || a === '*')) continue;
    const principal = field(st, 'principal')?.value;
    const federated = isRecord(principal) ? strings(field(principal, 'federated')?.value) : [];
    if (federated.length === 0) continue;
    const subjects: string[] = [];
    const condition = field(st, 'condition')?.value;
    if (isRecord(condition))
      for (const test of Object.values(condition))
        if (isRecord(test)) for (const [k, v] of Object.entries(test)) if (k.toLowerCase().endsWith(':sub')) subjects.push(...strings(v));
    // The repository part ("repo:org/name") written with a wildcard, or no subject at all.
    const wild = subjects.filter((s) => {
      const parts = s.split(':');
      return s.trim() === '*' || (parts[0] === 'repo' && (parts[1] ?? '*').includes('*')) || (parts[0] !== 'repo' && s.includes('*') && parts.length < 3);
    });
    if (subjects.length === 0 || wild.length > 0) opens(ctx, 'federated_trust_wildcard', `${source}: web identity trust with ${subjects.length === 0 ? 'no subject condition' : `subject ${wild.join(', ')}`}`, subjects.length === 0 ? 'no subject condition' : wild.join(', '));
  }
}

const RESTRICTING_KEYS = ['sts:externalid', 'aws:principalorgid', 'aws:principalorgpaths', 'aws:sourceaccount', 'aws:sourcearn', 'aws:sourceorgid', 'aws:principalarn'];

/**
 * A role trust policy that lets another AWS account assume the role with no condition tying the request to this
 * customer (`sts:ExternalId`) or to the organisation (`aws:PrincipalOrgID`, `aws:SourceAccount` / `aws:SourceArn`):
 * a multi-tenant vendor can be steered by any of its customers into this account, the confused deputy of the AWS IAM
 * User Guide (Datadog def-000-au9). Accounts the ticket names as the organisation's own are not another account.
 */
export function readCrossAccountTrust(ctx: ReadContext, parameters: unknown): void {
  if (!isRecord(parameters)) return;
  const docs: Record<string, unknown>[] = [];
  const walk = (v: unknown, key: string, depth: number): void => {
    if (depth > 6 || docs.length > 10) return;
    if (typeof v === 'string' && /assumerolepolicy|trustpolicy|trust_policy/.test(key) && v.trim().startsWith('{')) {
      try {
        const parsed = JSON.parse(v.slice(0, MAX_TEXT));
        if (isRecord(parsed)) docs.push(parsed);
      } catch {
        /* not JSON */
      }
    } else if (isRecord(v)) {
      if (/assumerolepolicy|trustpolicy|trust_policy/.test(key)) docs.push(v);
      else for (const [k, x] of Object.entries(v).slice(0, 100)) walk(x, normKey(k), depth + 1);
    } else if (Array.isArray(v)) for (const x of v.slice(0, 50)) walk(x, key, depth + 1);
  };
  walk(parameters, '', 0);
  if (docs.length === 0) return;
  const own = new Set<string>();
  const { value } = gathered(ctx);
  for (const [k, v] of Object.entries(value)) {
    const key = normKey(k);
    if (/vendor|partner|third|external|supplier|customer/.test(key)) continue;
    if (/account|aws/.test(key)) for (const m of String(scalarText(v) ?? '').matchAll(/\b\d{12}\b/g)) own.add(m[0]);
  }
  for (const doc of docs) {
    for (const st of asArray(field(doc, 'statement')?.value).slice(0, 50)) {
      if (!isRecord(st) || String(field(st, 'effect')?.value ?? '').toLowerCase() !== 'allow') continue;
      const principal = field(st, 'principal')?.value;
      const aws = isRecord(principal) ? strings(field(principal, 'aws')?.value) : [];
      const others = aws.map((a) => /^arn:aws[\w-]*:iam::(\d{12}):/.exec(a)?.[1] ?? (/^\d{12}$/.test(a) ? a : undefined)).filter((a): a is string => a !== undefined && !own.has(a));
      if (others.length === 0) continue;
      const condition = JSON.stringify(field(st, 'condition')?.value ?? {}).toLowerCase();
      if (RESTRICTING_KEYS.some((k) => condition.includes(k))) continue;
      opens(ctx, 'cross_account_trust_unrestricted', `action.parameters: trust policy lets account ${others[0]} assume the role with no sts:ExternalId or organisation condition`, others[0]);
      return;
    }
  }
}

/**
 * Cloud, IaC and platform shapes where the harm is in the structure of what is written, not in a word:
 *  - a stateful resource destroyed and re-created (`terraform apply -replace=ADDR`, `terraform taint`, a
 *    CloudFormation change set whose ResourceChange says Replacement True);
 *  - an image lifecycle rule that expires tagged images by count (ECR `tagStatus: any` with imageCountMoreThan);
 *  - a function's reserved concurrency set to 0 (every invocation throttled);
 *  - a deployment environment's required reviewers emptied or its branch policy cleared;
 *  - a ClusterSecretStore with no namespace conditions (any namespace reads the store's secrets);
 *  - a third-party CI action used at a mutable ref in a workflow that holds secrets;
 *  - a Vault policy granting write or sudo on a whole mount, and Vault's audit device disabled;
 *  - an Azure SQL / PostgreSQL / MySQL firewall rule 0.0.0.0-0.0.0.0 ("Allow Azure services");
 *  - a bucket's retention policy cleared.
 * Each names the shape it reads; text that only mentions these products opens nothing.
 */


const MAX_SHAPE_TEXT = 40_000;

/** Resource types (Terraform and CloudFormation) that hold data: replacing one deletes what it holds. */
function statefulTypes(ctx: ReadContext): string[] {
  return (ctx.catalogue.concepts.get('resource.stateful') ?? []).map((t) => normKey(t));
}

const isStateful = (types: readonly string[], type: string): boolean => {
  const t = normKey(type);
  return types.some((s) => t === s || (s.endsWith('*') ? t.startsWith(s.slice(0, -1)) : false));
};

function commandTexts(parameters: Record<string, unknown>): string[] {
  return treeTexts(parameters, false).filter((t) => t.length <= MAX_SHAPE_TEXT);
}

/** Command lines of the texts, each capped, so that a pattern anchored on one line runs in linear time. */
function commandLines(texts: readonly string[]): string[] {
  const out: string[] = [];
  for (const t of texts) for (const l of t.split('\n')) if (out.length < 2000) out.push(l.length > 2000 ? l.slice(0, 2000) : l);
  return out;
}

/** Workflow or diff text: only what a diff adds (a `+` line) or every line of a whole file. */
function addedLines(text: string): string[] {
  const lines = text.split(/\r?\n/).slice(0, 2000);
  const diff = lines.some((l) => l.startsWith('+++') || l.startsWith('@@'));
  if (!diff) return lines;
  return lines.filter((l) => l.startsWith('+') && !l.startsWith('+++')).map((l) => l.slice(1));
}

/** Whether `found` holds for a record of the tree, parents before children (9 levels, `breadth` items of an array); it stops at the first. */
function someRecord(value: unknown, breadth: number, found: (r: Record<string, unknown>) => boolean, depth = 0): boolean {
  if (depth > 8) return false;
  if (Array.isArray(value)) return value.slice(0, breadth).some((x) => someRecord(x, breadth, found, depth + 1));
  if (!isRecord(value)) return false;
  return found(value) || Object.values(value).some((x) => someRecord(x, breadth, found, depth + 1));
}

function readReplacement(ctx: ReadContext, parameters: Record<string, unknown>, texts: readonly string[]): void {
  const types = statefulTypes(ctx);
  for (const t of texts) {
    if (!/\bterraform\b/.test(t)) continue;
    const replaced = [...t.matchAll(/-replace[= ]+["']?((?:module\.[\w-]+\.)*([a-z0-9_]+)\.[\w\-[\]"]+)/g), ...t.matchAll(/\bterraform\s+(?:-chdir=\S+\s+)?taint\s+["']?((?:module\.[\w-]+\.)*([a-z0-9_]+)\.[\w\-[\]"]+)/g)];
    const hit = replaced.find((m) => isStateful(types, m[2]));
    if (hit) {
      opens(ctx, 'destructive', `action.parameters: terraform replaces ${hit[1]} (destroy, then create)`);
      ctx.b.set('change.destroys', `${hit[1]} (destroyed and re-created, with the data it holds)`, 'action.parameters');
      return;
    }
  }
  someRecord(parameters, 200, (v) => {
    const type = scalarText(field(v, 'resourcetype')?.value);
    const replacement = scalarText(field(v, 'replacement')?.value)?.toLowerCase();
    if (type && replacement === 'true' && isStateful(types, type)) {
      const id = scalarText(field(v, 'logicalresourceid')?.value) ?? type;
      opens(ctx, 'destructive', `action.parameters: change set replaces ${id} (${type}), Replacement True`);
      ctx.b.set('change.destroys', `${id} (${type}, replaced: the old resource and its data are deleted)`, 'action.parameters');
      return true;
    }
    return false;
  });
}

function parsedPolicy(v: unknown): unknown {
  if (typeof v !== 'string' || v.length > MAX_SHAPE_TEXT) return v;
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}

function readImageLifecycle(ctx: ReadContext, parameters: Record<string, unknown>): void {
  const policy = parsedPolicy(field(parameters, 'lifecyclepolicytext', 'lifecyclepolicy', 'policy')?.value);
  if (!isRecord(policy)) return;
  for (const rule of asArray(field(policy, 'rules')?.value).slice(0, 50)) {
    if (!isRecord(rule)) continue;
    const selection = field(rule, 'selection')?.value;
    const action = field(rule, 'action')?.value;
    if (!isRecord(selection) || (isRecord(action) && (scalarText(field(action, 'type')?.value) ?? 'expire').toLowerCase() !== 'expire')) continue;
    const status = (scalarText(field(selection, 'tagstatus')?.value) ?? '').toLowerCase();
    const patterns = [...strings(field(selection, 'tagpatternlist')?.value), ...strings(field(selection, 'tagprefixlist')?.value)];
    const everyTag = status === 'any' || (status === 'tagged' && patterns.some((p) => p === '*'));
    const byCount = (scalarText(field(selection, 'counttype')?.value) ?? '').toLowerCase() === 'imagecountmorethan';
    if (!everyTag || !byCount) continue;
    const n = scalarText(field(selection, 'countnumber')?.value) ?? '?';
    opens(ctx, 'destructive', `action.parameters: lifecycle rule expires every image beyond the newest ${n}, tagged ones included (tagStatus ${status})`);
    ctx.b.set('change.destroys', `every image beyond the newest ${n}, whatever its tag (images a running service pins included)`, 'action.parameters');
    return;
  }
}

function readConcurrencyZero(ctx: ReadContext, parameters: Record<string, unknown>, texts: readonly string[]): void {
  let hit: string | undefined;
  const walk = (v: unknown, depth: number): void => {
    if (hit || depth > 8) return;
    if (Array.isArray(v)) for (const x of v.slice(0, 100)) walk(x, depth + 1);
    else if (isRecord(v))
      for (const [k, x] of Object.entries(v)) {
        if (normKey(k) === 'reservedconcurrentexecutions' && Number(scalarText(x)) === 0 && scalarText(x) !== '') hit = `${k}: 0`;
        else walk(x, depth + 1);
      }
  };
  walk(parameters, 0);
  hit ??= texts.map((t) => /--reserved-concurrent-executions[= ]+0\b|reserved_concurrent_executions\s*=\s*0\b/.exec(t)?.[0]).find(Boolean);
  if (hit) opens(ctx, 'capacity_zeroed', `action.parameters: ${hit} (every invocation is throttled)`, 'reserved concurrency 0');
}

function readEnvironmentProtection(ctx: ReadContext, parameters: Record<string, unknown>): void {
  const path = scalarText(field(parameters, 'path', 'url', 'endpoint')?.value) ?? '';
  const env = /\/repos\/[^/\s]+\/[^/\s]+\/environments\/([^/\s?]+)\/?$/.exec(path);
  if (!env) return;
  const body = field(parameters, 'body', 'data', 'payload')?.value;
  if (!isRecord(body)) return;
  const reviewers = field(body, 'reviewers');
  const branches = field(body, 'deploymentbranchpolicy');
  const removed: string[] = [];
  if (reviewers && (reviewers.value === null || (Array.isArray(reviewers.value) && reviewers.value.length === 0))) removed.push('required reviewers removed');
  if (branches && branches.value === null) removed.push('any branch may deploy');
  if (removed.length === 0) return;
  opens(ctx, 'deployment_protection_off', `action.parameters: environment ${decodeURIComponent(env[1])}: ${removed.join(', ')}`, `${decodeURIComponent(env[1])}: ${removed.join(', ')}`);
  if (/^(prod|production|prd|live)$/i.test(decodeURIComponent(env[1]))) ctx.b.set('context.production', true, `action.parameters: environment ${env[1]}`);
}

function readClusterSecretStore(ctx: ReadContext, texts: readonly string[]): void {
  for (const t of texts) {
    // A namespaced SecretStore serves only ExternalSecrets in its own namespace (External Secrets Operator docs).
    const namespaced = /\bkind:\s*secretstore\b/.exec(t);
    if (namespaced && !t.includes('clustersecretstore') && /\bnamespace:\s*[\w-]+/.test(t)) checks(ctx, 'secret_store_namespaced', `action.parameters: SecretStore in namespace ${/\bnamespace:\s*([\w-]+)/.exec(t)![1]}`);
    if (!t.includes('clustersecretstore')) continue;
    let docs: unknown[];
    try {
      docs = YAML.parseAllDocuments(t.slice(0, MAX_SHAPE_TEXT)).map((d) => d.toJS());
    } catch {
      continue;
    }
    for (const doc of docs) {
      if (!isRecord(doc) || normKey(scalarText(field(doc, 'kind')?.value) ?? '') !== 'clustersecretstore') continue;
      const spec = field(doc, 'spec')?.value;
      const conditions = isRecord(spec) ? asArray(field(spec, 'conditions')?.value).filter(isRecord) : [];
      const limited = conditions.some((c) => ['namespaceselector', 'namespaces', 'namespaceregexes'].some((k) => field(c, k) !== undefined));
      if (limited) continue;
      const meta = field(doc, 'metadata')?.value;
      const name = isRecord(meta) ? (scalarText(field(meta, 'name')?.value) ?? 'store') : 'store';
      opens(ctx, 'secret_store_cluster_wide', `action.parameters: ClusterSecretStore ${name} with no namespace conditions`, name);
      return;
    }
  }
}

const FIRST_PARTY_OWNERS = new Set(['actions', 'github']);

function readUnpinnedActions(ctx: ReadContext, texts: readonly string[]): void {
  for (const t of texts) {
    if (!/\buses:/.test(t)) continue;
    const added = addedLines(t);
    const all = t.split(/\r?\n/);
    const secrets = all.some((l) => /\$\{\{\s*secrets\.(?!github_token\b)[\w-]+/.test(l)) || all.some((l) => /id-token:\s*write/.test(l));
    if (!secrets) continue;
    for (const l of added) {
      const m = /^\s*-?\s*uses:\s*["']?([\w.-]+)\/([\w.\/-]+)@([^\s"'#]+)/.exec(l);
      if (!m || FIRST_PARTY_OWNERS.has(m[1])) continue;
      if (/^[0-9a-f]{40}$/.test(m[3])) continue;
      opens(ctx, 'unpinned_action_with_secrets', `action.parameters: uses ${m[1]}/${m[2]}@${m[3]} (a movable ref) in a workflow that holds secrets`, `${m[1]}/${m[2]}@${m[3]}`);
      return;
    }
  }
  // Every action the change adds pinned to a full commit SHA: the one immutable reference (GitHub Docs, Security hardening
  // for GitHub Actions, using third-party actions; OpenSSF Scorecard Pinned-Dependencies).
  for (const t of texts) {
    if (!/\buses:/.test(t)) continue;
    const uses = addedLines(t).map((l) => /^\s*\+?\s*-?\s*uses:\s*["']?[\w.-]+\/[\w.\/-]+@([^\s"'#]+)/.exec(l)).filter((m) => m !== null);
    if (uses.length > 0 && uses.every((m) => /^[0-9a-f]{40}$/.test(m![1]))) return closes(ctx, 'unpinned_action_with_secrets');
  }
}

const WRITE_CAPS = ['create', 'update', 'delete', 'sudo'];

function readVault(ctx: ReadContext, texts: readonly string[]): void {
  for (const t of texts) {
    const audit = /\bvault\s+audit\s+disable\s+(\S+)|\bvault\s+delete\s+sys\/audit\/(\S+)/.exec(t);
    if (audit) opens(ctx, 'audit_logging_off', `action.parameters: Vault audit device ${audit[1] ?? audit[2]} disabled`);
    for (const m of t.matchAll(/path\s+"([^"]{1,200})"\s*\{([^}]{0,2000})\}/g)) {
      const path = m[1];
      const caps = (/capabilities\s*=\s*\[([^\]]*)\]/.exec(m[2])?.[1] ?? '').toLowerCase();
      const granted = WRITE_CAPS.filter((c) => new RegExp(`"${c}"`).test(caps));
      // A glob that covers a whole mount (or everything): at most one path segment before the `*`.
      const mountWide = /^[^/*+]*\/?\*$/.test(path) || path === '*' || /^[^/*+]+\/\+\/?\*?$/.test(path);
      if (mountWide && (granted.includes('sudo') || (granted.includes('update') && granted.includes('delete')))) {
        opens(ctx, 'vault_policy_mount_wide', `action.parameters: Vault policy path "${path}" with ${granted.join(', ')}`, `${path}: ${granted.join(', ')}`);
        return;
      }
      // Read or list on a path below the mount's top (one application's secrets): least privilege as Vault documents it.
      if (granted.length === 0 && !mountWide && /"(read|list)"/.test(caps)) checks(ctx, 'policy_scoped', `action.parameters: Vault policy path "${path}" read only`);
    }
  }
}

function readAzureServicesRule(ctx: ReadContext, parameters: Record<string, unknown>, texts: readonly string[]): void {
  for (const t of commandLines(texts)) {
    if (!/\bfirewall-rule\s+(create|update)\b/.test(t) || !/\baz\s+(sql|postgres|mysql|mariadb)\b/.test(t)) continue;
    const start = /--start-ip-address[= ]+["']?([\d.]+)/.exec(t)?.[1];
    const end = /--end-ip-address[= ]+["']?([\d.]+)/.exec(t)?.[1];
    if (start === '0.0.0.0' && end === '0.0.0.0') {
      opens(ctx, 'azure_services_allowed', 'action.parameters: firewall rule 0.0.0.0-0.0.0.0 (Allow Azure services)');
      return;
    }
  }
  someRecord(parameters, 100, (v) => {
    const start = scalarText(field(v, 'startipaddress')?.value);
    const end = scalarText(field(v, 'endipaddress')?.value);
    if (start === '0.0.0.0' && end === '0.0.0.0') {
      opens(ctx, 'azure_services_allowed', 'action.parameters: firewall rule startIpAddress/endIpAddress 0.0.0.0 (Allow Azure services)');
      return true;
    }
    return false;
  });
}

function readRetentionCleared(ctx: ReadContext, texts: readonly string[]): void {
  for (const t of commandLines(texts)) {
    const cleared = (/--clear-retention-period\b/.test(t) && /\bgcloud\s+storage\s+buckets\s+update\b/.test(t)) || /\bgsutil\s+retention\s+clear\b/.test(t) || /\baz\s+storage\s+container\s+immutability-policy\s+delete\b/.test(t);
    if (cleared) {
      opens(ctx, 'deletion_protection_off', `action.parameters: ${t.trim().slice(0, 120)} (retention policy removed)`);
      return;
    }
  }
}

export function readCloudShapes(ctx: ReadContext, parameters: unknown): void {
  if (!isRecord(parameters) || ctx.removing > 0) return;
  const texts = commandTexts(parameters);
  readReplacement(ctx, parameters, texts);
  readImageLifecycle(ctx, parameters);
  readConcurrencyZero(ctx, parameters, texts);
  readEnvironmentProtection(ctx, parameters);
  readClusterSecretStore(ctx, texts);
  readUnpinnedActions(ctx, texts);
  readVault(ctx, texts);
  readAzureServicesRule(ctx, parameters, texts);
  readRetentionCleared(ctx, texts);
}

/**
 * Guest access switched on for an identity pool (Cognito `AllowUnauthenticatedIdentities: true`) in the same change that
 * gives the guest role wildcard actions ("dynamodb:*", "s3:*", "*"): anyone on the internet can get the guest role's
 * credentials, so what it allows is allowed to everyone. AWS asks for the most restricted guest role (Amazon Cognito
 * Developer Guide, security best practices for identity pools; Prowler cognito_identity_pool_guest_access_disabled). Named
 * actions on one resource (place search on one index) are the bounded guest role the policy reader already accounts for.
 */
export function readGuestAccess(ctx: ReadContext, parameters: unknown): void {
  if (ctx.removing > 0) return;
  let guests: string | undefined;
  const wildcards: string[] = [];
  const visit = (v: unknown, key: string, depth: number): void => {
    if (depth > 8 || wildcards.length > 20) return;
    if (Array.isArray(v)) {
      for (const x of v.slice(0, 100)) visit(x, key, depth + 1);
      return;
    }
    if (typeof v === 'string' && /--allow-unauthenticated-identities\b/i.test(v)) guests = guests ?? v.slice(0, 120);
    if (!isRecord(v)) return;
    for (const [k, x] of Object.entries(v).slice(0, 100)) {
      const nk = normKey(k);
      if (nk === 'allowunauthenticatedidentities' && flagValue(x) === true) guests = `${k}: true`;
      if (nk === 'statement') {
        for (const st of asArray(x).filter(isRecord)) {
          if (normKey(scalarText(field(st, 'effect')?.value) ?? '') !== 'allow') continue;
          for (const a of asArray(field(st, 'action')?.value)) if (typeof a === 'string' && a.includes('*')) wildcards.push(a);
        }
      } else visit(x, nk, depth + 1);
    }
  };
  visit(parameters, '', 0);
  if (guests && wildcards.length > 0) opens(ctx, 'public_principal', `action.parameters: ${guests} with the guest role allowed ${wildcards.slice(0, 4).join(', ')} (anyone can get guest credentials)`);
}
