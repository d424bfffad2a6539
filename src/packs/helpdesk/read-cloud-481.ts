import YAML from 'yaml';
import { opens, type ReadContext } from './read-context.js';
import { asArray, field, isRecord, normKey, scalarText, strings, treeTexts } from './values.js';

/**
 * Platform shapes where the harm is in the structure of what is written, not in a word:
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

const MAX_TEXT = 40_000;

/** Resource types (Terraform and CloudFormation) that hold data: replacing one deletes what it holds. */
function statefulTypes(ctx: ReadContext): string[] {
  return (ctx.catalogue.concepts.get('resource.stateful') ?? []).map((t) => normKey(t));
}

const isStateful = (types: readonly string[], type: string): boolean => {
  const t = normKey(type);
  return types.some((s) => t === s || (s.endsWith('*') ? t.startsWith(s.slice(0, -1)) : false));
};

function commandTexts(parameters: Record<string, unknown>): string[] {
  return treeTexts(parameters, false).filter((t) => t.length <= MAX_TEXT);
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
  const walk = (v: unknown, depth: number): boolean => {
    if (depth > 8) return false;
    if (Array.isArray(v)) return v.slice(0, 200).some((x) => walk(x, depth + 1));
    if (!isRecord(v)) return false;
    const type = scalarText(field(v, 'resourcetype')?.value);
    const replacement = scalarText(field(v, 'replacement')?.value)?.toLowerCase();
    if (type && replacement === 'true' && isStateful(types, type)) {
      const id = scalarText(field(v, 'logicalresourceid')?.value) ?? type;
      opens(ctx, 'destructive', `action.parameters: change set replaces ${id} (${type}), Replacement True`);
      ctx.b.set('change.destroys', `${id} (${type}, replaced: the old resource and its data are deleted)`, 'action.parameters');
      return true;
    }
    return Object.values(v).some((x) => walk(x, depth + 1));
  };
  walk(parameters, 0);
}

function parsedPolicy(v: unknown): unknown {
  if (typeof v !== 'string' || v.length > MAX_TEXT) return v;
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
    if (!t.includes('clustersecretstore')) continue;
    let docs: unknown[];
    try {
      docs = YAML.parseAllDocuments(t.slice(0, MAX_TEXT)).map((d) => d.toJS());
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
  const walk = (v: unknown, depth: number): boolean => {
    if (depth > 8) return false;
    if (Array.isArray(v)) return v.slice(0, 100).some((x) => walk(x, depth + 1));
    if (!isRecord(v)) return false;
    const start = scalarText(field(v, 'startipaddress')?.value);
    const end = scalarText(field(v, 'endipaddress')?.value);
    if (start === '0.0.0.0' && end === '0.0.0.0') {
      opens(ctx, 'azure_services_allowed', 'action.parameters: firewall rule startIpAddress/endIpAddress 0.0.0.0 (Allow Azure services)');
      return true;
    }
    return Object.values(v).some((x) => walk(x, depth + 1));
  };
  walk(parameters, 0);
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

export function readCloudShapes481(ctx: ReadContext, parameters: unknown): void {
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
