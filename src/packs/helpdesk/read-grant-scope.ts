import { identifierParts } from '../reading/text.js';
import { checks, gatheredFields, opens, opensListed, type ReadContext } from './read-context.js';
import { adminRoleKind } from './read-grants.js';
import { safeguardsNamed } from './safeguard-names.js';
import { asArray, entriesOf, field, flagValue, isRecord, lowerText, normKey, scalarText, treeStrings } from './values.js';

/**
 * Who a change lets in and how far, against what the ticket asked for, read across products:
 * - a grant wider than the approval or the need the ticket records (a higher access level, or every account or
 *   repository where one was named), including a pending request the action approves (NIST SP 800-53 AC-6, AC-2);
 * - a broad principal group (Everyone, All Users, Authenticated Users, Domain Users, SharePoint's "Everyone except
 *   external users" claim) given write, full or membership rights, or read on data the ticket calls sensitive;
 * - a secret read by one step of the action and put into a message (mail, chat) by another (OWASP Secrets Management);
 * - a user's MFA status set to bypass with no end (Duo user status Bypass);
 * - a resource policy giving every action of a service to another account (Security Hub S3.6);
 * - a firewall policy accepting any source to any destination on every service;
 * - an installer the ticket shows unsigned, failing its vendor hash or fetched through an ad or look-alike domain;
 * - an SSH key added to an account (a credential bound to it: T1098.004), and a requester whom HR or the contractor
 *   register cannot find (not verified);
 * - an identity-protection risk dismissed while the ticket shows leaked credentials and no password change;
 * - a Terraform plan whose resource type names a safeguard and whose `enabled` goes to false.
 * Every input is bounded (entries, lengths, depth).
 */

const MAX = 40_000;
const say = (s: string) => `action.parameters: ${s.trim().slice(0, 140)}`;

/** Words of an identifier or text, lower case ("ps-AdministratorAccess" → ps administrator access). */
function words(text: string): string[] {
  return identifierParts(text.slice(0, 2_000), 2_000, true).map((w) => w.toLowerCase());
}

/** The state as lower-case text (description, conversation, gathered fields). */
function stateText(ctx: ReadContext): string {
  return lowerText(ctx.b.request.state ?? {}, MAX).replace(/"\s*:\s*/g, ' ');
}

// ---------------------------------------------------------------------------------------------------------
// Access levels: read < write < administer. A wildcard action is administer.

const ADMIN_WORDS = new Set(['admin', 'administrator', 'administrators', 'administration', 'owner', 'owners', 'superuser', 'poweruser', 'fullaccess', 'fullcontrol']);
const WRITE_WORDS = new Set(['write', 'writer', 'contributor', 'contribute', 'editor', 'edit', 'modify', 'change', 'developer', 'deploy', 'push', 'maintain', 'create', 'put', 'delete', 'upload', 'tag', 'tags', 'release', 'releases']);
const READ_WORDS = new Set(['read', 'reader', 'readonly', 'viewonly', 'view', 'viewer', 'get', 'list', 'describe', 'pull', 'download', 'browse', 'visitor', 'visitors', 'security audit']);

/** The highest access level a grant text names: 3 administer, 2 write, 1 read, 0 none it can tell. */
function accessLevel(text: string): number {
  const t = text.trim();
  if (t === '*' || /(^|[\s"',[])[a-z0-9-]{1,30}:\*(?=$|[\s"',\]])/.test(t)) return 3;
  const ws = words(t);
  let level = 0;
  ws.forEach((w, i) => {
    if (ADMIN_WORDS.has(w) || (w === 'full' && (ws[i + 1] === 'access' || ws[i + 1] === 'control'))) level = 3;
    else if (WRITE_WORDS.has(w)) level = Math.max(level, 2);
    else if (READ_WORDS.has(w) || (w === 'only' && (ws[i - 1] === 'read' || ws[i - 1] === 'view'))) level = Math.max(level, 1);
  });
  return level;
}

/** A target text that reaches every account, repository, project or resource ("all 47 accounts", "*", "every repo"). */
function everyTarget(text: string): boolean {
  const t = text.trim().toLowerCase();
  if (t === '*' || t === 'all' || t === 'every') return true;
  const ws = words(t);
  return (ws[0] === 'all' || ws[0] === 'every') && ws.length <= 6;
}

/** Keys of a call that carry the rights it grants, and keys that carry where it grants them. */
const GRANT_KEYS = new Set(['permissionset', 'permissionsetarn', 'permissionsetname', 'role', 'roles', 'rolename', 'roleid', 'roledefinitionname', 'roledefinitionid', 'policyarn', 'managedpolicyarn', 'accessrights', 'accessright', 'permission', 'permissions', 'accesslevel', 'rights', 'action', 'actions', 'scopes', 'grant']);
const TARGET_KEYS = new Set(['targetid', 'targetids', 'targets', 'accounts', 'accountid', 'accountids', 'account', 'repositories', 'repository', 'repos', 'repositoryselection', 'subscriptions', 'projects', 'resource', 'resources']);
const TARGET_STEMS = ['account', 'repo', 'subscription', 'project', 'resource', 'target', 'bucket', 'prefix', 'site', 'mailbox', 'folder', 'tenant'];
const GRANT_FLAGS = ['--permission-set-arn', '--role', '--policy-arn', '-accessrights', '-role', '-roledefinitionname'];
const TARGET_FLAGS = ['--target-id', '--account-id', '--scope', '--repositories'];
/** Gathered fields that describe a pending request (what approving it grants). */
const REQUEST_KEYS = new Set(['permissions', 'permission', 'scopes', 'scope', 'roles', 'role', 'repositories', 'repos', 'accounts', 'access', 'requestedpermissions', 'requestedscopes', 'requestedrole', 'requestedaccess']);
const APPROVE_WORDS = new Set(['approve', 'approved', 'accept', 'grant', 'allow']);

/** Flag values of command lines in the parameters ("--role roles/x", "-AccessRights FullAccess"). */
function flagValues(texts: readonly string[], flags: readonly string[]): string[] {
  const out: string[] = [];
  for (const text of texts) {
    const parts = text.slice(0, 4_000).split(/\s+/);
    parts.forEach((p, i) => {
      const lower = p.toLowerCase();
      for (const f of flags) {
        if (lower === f && parts[i + 1]) out.push(parts[i + 1]);
        else if (lower.startsWith(`${f}=`)) out.push(p.slice(f.length + 1));
      }
    });
  }
  return out.slice(0, 40);
}

/** Whether the call approves a pending request ({action: approve}, {decision: "approved"}). */
function approvesRequest(parameters: Record<string, unknown>): boolean {
  return entriesOf(parameters).some(([k, v]) => (k === 'action' || k === 'decision' || k === 'review' || k === 'state' || k === 'status') && APPROVE_WORDS.has(normKey(scalarText(v) ?? '')));
}

function leafTexts(value: unknown, out: string[] = [], depth = 0): string[] {
  if (depth > 5 || out.length > 100) return out;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') out.push(String(value).slice(0, 300));
  else if (Array.isArray(value)) for (const v of value.slice(0, 50)) leafTexts(v, out, depth + 1);
  else if (isRecord(value)) for (const [k, v] of Object.entries(value).slice(0, 50)) {
    out.push(k);
    leafTexts(v, out, depth + 1);
  }
  return out;
}

/**
 * The approval or the need the ticket records (`approved_permission_set`, `approved_scope`, `script_needs`), against
 * the rights and the targets the action grants. A grant one level above what was approved, or to every target where
 * the approval named one, exceeds the request (NIST SP 800-53 AC-6 least privilege; AC-2 access per approved request).
 */
function readGrantBeyondApproval(ctx: ReadContext, parameters: Record<string, unknown>): void {
  const gathered = Object.entries(gatheredFields(ctx)).slice(0, 60);
  const approved = gathered.filter(([k]) => {
    const n = normKey(k);
    // When or by whom it was approved (`approved_at`, `approved_prompt_time`) says nothing about what.
    const last = words(k).at(-1) ?? '';
    if (['at', 'on', 'by', 'time', 'date', 'timestamp', 'when'].includes(last)) return false;
    return (n.startsWith('approved') && !n.startsWith('approvedby')) || n.endsWith('needs') || n.endsWith('need') || n === 'requestedscope';
  });
  if (approved.length === 0) return;
  const approvedTexts = approved.flatMap(([, v]) => leafTexts(v));
  const approvedLevel = Math.max(0, ...approvedTexts.map(accessLevel));
  const approvedTargets = approved.filter(([k]) => TARGET_STEMS.some((t) => normKey(k).includes(t))).flatMap(([, v]) => leafTexts(v));
  const approvedEvery = approvedTexts.some(everyTarget) || approvedTexts.some((t) => /\ball\b|\bevery\b/.test(t.toLowerCase()));

  const grants: string[] = [];
  const targets: string[] = [];
  for (const [k, v] of entriesOf(parameters)) {
    if (GRANT_KEYS.has(k) && k !== 'action') grants.push(...leafTexts(v));
    // A policy statement's Action is a grant; a call's `action: approve` is not.
    if (k === 'action' || k === 'actions') for (const a of asArray(v)) if (typeof a === 'string' && a.includes(':')) grants.push(a);
    if (TARGET_KEYS.has(k)) targets.push(...leafTexts(v));
  }
  for (const st of statements(parameters)) for (const a of asArray(field(st, 'action')?.value)) if (typeof a === 'string') grants.push(a);
  const commands = treeStrings(parameters);
  grants.push(...flagValues(commands, GRANT_FLAGS));
  targets.push(...flagValues(commands, TARGET_FLAGS));
  // Approving a pending request grants what the ticket records it asks for.
  if (approvesRequest(parameters)) {
    for (const [k, v] of gathered) {
      const n = normKey(k);
      if (!REQUEST_KEYS.has(n)) continue;
      if (TARGET_KEYS.has(n)) targets.push(...leafTexts(v));
      else grants.push(leafTexts(v).join(' '));
    }
  }
  const grantedLevel = Math.max(0, ...grants.map(accessLevel));
  const where = (s: string) => `${s}; the ticket records ${approved.map(([k, v]) => `${k} = ${leafTexts(v).join(' ').slice(0, 60)}`).join(', ')}`;
  if (approvedLevel > 0 && grantedLevel > approvedLevel) {
    const shown = grants.find((g) => accessLevel(g) === grantedLevel) ?? '';
    return opens(ctx, 'grant_exceeds_approval', where(say(`grants ${shown.slice(0, 60)}`)), `grants ${shown.slice(0, 60)} where ${approvedLevel === 1 ? 'read' : 'write'} access was approved or needed`);
  }
  const wide = targets.find(everyTarget);
  if (wide && !approvedEvery && (approvedTargets.length > 0 || approvedTexts.some((t) => /\b\d+\b|\bone\b|\bsingle\b/.test(t)))) {
    opens(ctx, 'grant_exceeds_approval', where(say(`grants on ${wide.slice(0, 60)}`)), `grants on ${wide.slice(0, 60)} where the approval names one`);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Broad principal groups.

const BROAD_GROUPS = new Set(['everyone', 'everyoneexceptexternalusers', 'allusers', 'authenticatedusers', 'domainusers', 'allcompany', 'allemployees', 'allstaff', 'c0strue']);
const PRINCIPAL_KEYS = new Set(['user', 'users', 'member', 'members', 'loginname', 'principal', 'principals', 'grantee', 'grantees', 'trustee', 'accountname', 'identityreference', 'assignee', 'memberid']);
/**
 * The class of keys that name who receives a grant, read by their words rather than listed whole: the last word
 * (past a trailing name, id or list) names a principal (`assign_group`, `target_group`, `groupName`, `grantee_ids`,
 * `add_members`, `principalId`), or the key is a share-with (`shared_with`, `shareWith`). A key naming where the
 * grant lands (`resource_group`, `log_group`, `target_folder`) ends in its own noun and is not read as one.
 */
const PRINCIPAL_WORDS = new Set(['user', 'users', 'group', 'groups', 'member', 'members', 'principal', 'principals', 'grantee', 'grantees', 'trustee', 'trustees', 'assignee', 'assignees', 'audience', 'audiences', 'recipient', 'recipients', 'team', 'teams', 'login']);
const PRINCIPAL_TAIL = new Set(['name', 'names', 'id', 'ids', 'list', 'identity', 'object', 'ref']);
const NOT_PRINCIPAL_OWNER = new Set(['resource', 'log', 'security', 'node', 'instance', 'placement', 'parameter', 'option', 'subnet', 'auto', 'scaling', 'consumer', 'rule']);
function principalKey(raw: string): boolean {
  if (PRINCIPAL_KEYS.has(normKey(raw))) return true;
  const ws = words(raw);
  while (ws.length > 1 && PRINCIPAL_TAIL.has(ws.at(-1)!)) ws.pop();
  const last = ws.at(-1) ?? '';
  if (last === 'with' && /^shar/.test(ws.at(-2) ?? '')) return true;
  if (!PRINCIPAL_WORDS.has(last)) return false;
  // `resource_group`, `log_group`, `security_group` name a place or a network object, not who is let in
  // (`target_group` on a grant is the group granted; a load balancer's target group names no broad group).
  return !NOT_PRINCIPAL_OWNER.has(ws.at(-2) ?? '');
}

/** [key as written, value] of an object tree, depth-first, bounded like `entriesOf`. */
function rawEntries(value: unknown, out: [string, unknown][] = [], depth = 0): [string, unknown][] {
  if (depth > 6 || out.length > 400) return out;
  if (Array.isArray(value)) for (const v of value.slice(0, 100)) rawEntries(v, out, depth + 1);
  else if (isRecord(value))
    for (const [k, v] of Object.entries(value).slice(0, 100)) {
      out.push([k, v]);
      rawEntries(v, out, depth + 1);
    }
  return out;
}
const PRINCIPAL_FLAGS = ['-user', '-loginname', '-members', '-member', '-principal', '-trustee', '-accountname', '-grantee', '--member'];
const REMOVAL_VERB = /^(remove|revoke|delete|disable|clear|unassign)/;
// Data the ticket calls sensitive, and the class of stored credentials (a vault, collection or folder of passwords,
// secrets, keys or root logins): read on those is the credential itself.
const SENSITIVE = /\b(hr|payroll|salary|salaries|payslips?|medical|health|bank|banking|finance|financial|legal|confidential|restricted|pii|ssn|passports?|disciplinary|grievance|case files|passwords?|credentials?|secrets?|root (login|account|user|credentials?)|master passwords?|private keys?|api keys?|recovery keys?|break[- ]glass)\b/;

/** The broad group a principal names ("CONTOSO\\Domain Users", the SharePoint everyone-except-external claim). */
function broadGroup(principal: string): string | undefined {
  const p = principal.trim().replace(/^["']|["']$/g, '');
  const lower = p.toLowerCase();
  if (lower.includes('spo-grid-all-users')) return 'Everyone except external users';
  const last = normKey(p.split('\\').at(-1) ?? p);
  return BROAD_GROUPS.has(last) ? p.slice(0, 60) : undefined;
}

/** Hazards of a grant read elsewhere: with one of them open, the grant's principals being named does not bound it. */
const GRANT_HAZARDS = new Set(['admin_role', 'wildcard_admin', 'cluster_admin_subject', 'grant_exceeds_approval', 'privilege_escalation_permissions', 'public_principal', 'broad_full_control', 'passrole_wildcard']);

function readBroadGroupGrant(ctx: ReadContext, parameters: Record<string, unknown>, kind: string): void {
  if (ctx.removing > 0) return;
  const texts = treeStrings(parameters);
  const verbs = [...texts.map((t) => t.trim().split(/\s+/)[0] ?? '').filter((w) => /^[a-z]{2,20}-[a-z]{2,40}$/i.test(w)), ...entriesOf(parameters).filter(([k]) => k === 'cmdlet' || k === 'command' || k === 'operation' || k === 'method').map(([, v]) => scalarText(v) ?? '')].map((v) => v.toLowerCase());
  if (verbs.some((v) => REMOVAL_VERB.test(v)) || /revoke|remove|delete/.test(kind)) return;
  const principals: string[] = [];
  for (const [k, v] of rawEntries(parameters)) if (principalKey(k)) for (const x of asArray(v)) if (typeof x === 'string') principals.push(x);
  principals.push(...flagValues(texts.map((t) => t.replace(/"([^"]{1,120})"/g, (_, s: string) => s.replace(/\s/g, '\u0001'))), PRINCIPAL_FLAGS).map((s) => s.replace(/\u0001/g, ' ')));
  const broad = principals.map(broadGroup).find((g) => g !== undefined);
  const all = `${texts.join(' ')} ${entriesOf(parameters).map(([k, v]) => `${k} ${scalarText(v) ?? ''}`).join(' ')}`;
  const level = accessLevel(all);
  if (!broad) {
    // Every principal named, none a broad group, no administrative role or right among the values: a bounded grant.
    const named = principals.filter((p) => p.trim().length > 0 && p.trim() !== '*');
    const adminNamed = texts.slice(0, 200).some((t) => t.length <= 200 && adminRoleKind(ctx, t) !== undefined);
    // A role given by its id could be any role; a grant another reader found wide or administrative is not bounded.
    const roleById = entriesOf(parameters).some(([key, v]) => key.includes('role') && /[0-9a-f]{8}-[0-9a-f]{4}-/i.test(scalarText(v) ?? ''));
    const wideGrant = [...GRANT_HAZARDS].some((h) => ctx.opens.has(h));
    if (named.length > 0 && named.length === principals.length && level < 3 && !adminNamed && !roleById && !wideGrant) {
      checks(ctx, 'grant_scoped', say(`${named.slice(0, 3).join(', ')}${named.length > 3 ? ` and ${named.length - 3} more` : ''}, ${level === 2 ? 'write' : level === 1 ? 'read' : 'no administrative right named'}`));
    }
    return;
  }
  // A site or team group named for its members or owners carries edit rights; an unknown right is not read-only.
  const memberGroup = /\b(members|owners)\b/i.test(all);
  const sensitive = SENSITIVE.test(stateText(ctx)) || SENSITIVE.test(all.toLowerCase());
  if (level >= 2 || memberGroup || (level === 0 && sensitive) || (level === 1 && sensitive)) {
    const right = level === 3 ? 'full access' : level === 2 || memberGroup ? 'write or membership' : 'access';
    opens(ctx, 'broad_full_control', say(`${broad} granted ${right}`), `${broad}: ${right}`);
    opens(ctx, 'bulk_scope', say(`${broad} (every account of the organisation)`));
  }
}

// ---------------------------------------------------------------------------------------------------------
// Secrets relayed into a message.

const SECRET_READ = /\b(az\s+storage\s+account\s+keys\s+list|az\s+keyvault\s+secret\s+(show|download)|az\s+cosmosdb\s+keys\s+list|az\s+acr\s+credential\s+show|az\s+ad\s+(sp|app)\s+credential\s+reset|aws\s+secretsmanager\s+get-secret-value|aws\s+ssm\s+get-parameters?\b[^\n]{0,200}--with-decryption|aws\s+iam\s+create-access-key|gcloud\s+secrets\s+versions\s+access|gcloud\s+iam\s+service-accounts\s+keys\s+create|kubectl\s+get\s+secrets?\b|vault\s+(kv\s+get|read)\b|op\s+(read|item\s+get)\b|get-azkeyvaultsecret\b|get-azstorageaccountkey\b|get-secret\b)/;
const MESSAGE_TOOL = /\b(email|e-mail|mail|smtp|sendmail|slack|teams|chat|sms|message|postmessage|webhook)\b/;
const TEMPLATE_REF = /\{\{[^{}]{1,80}\}\}|\$\(|\$\{[^{}]{1,80}\}/;
const SECRET_LITERAL = /\b(sk_live_[a-z0-9]{8,}|akia[0-9a-z]{16}|xox[bpas]-[a-z0-9-]{10,}|ghp_[a-z0-9]{20,}|accountkey=[a-z0-9+/=]{20,})|-----begin [a-z ]{0,20}private key-----/i;

/** The parameters' steps: each array item, or each top-level value whose key names a step. */
function steps(parameters: Record<string, unknown>): unknown[] {
  const out: unknown[] = [parameters];
  for (const [k, v] of Object.entries(parameters).slice(0, 40)) {
    if (Array.isArray(v) && /step|command|action|call/.test(normKey(k))) out.push(...v.slice(0, 40));
    else out.push(v);
  }
  return out;
}

function readSecretRelay(ctx: ReadContext, parameters: Record<string, unknown>): void {
  const items = steps(parameters);
  const readsSecret = items.some((s) => treeStrings(s).some((t) => SECRET_READ.test(t.toLowerCase())));
  for (const s of items) {
    if (!isRecord(s)) continue;
    const tool = `${scalarText(field(s, 'tool', 'api', 'channel', 'type', 'via')?.value) ?? ''} ${Object.keys(s).join(' ')}`.toLowerCase();
    const message = field(s, 'body', 'text', 'message', 'content', 'html');
    const recipient = field(s, 'to', 'channel', 'recipient', 'recipients', 'user', 'email');
    if (!message || !recipient || !MESSAGE_TOOL.test(tool.replace(/[._]/g, ' '))) continue;
    const body = treeStrings(message.value).join(' ');
    const relayed = readsSecret && TEMPLATE_REF.test(body);
    const literal = SECRET_LITERAL.test(body);
    if (relayed || literal) {
      const to = treeStrings(recipient.value).join(', ').slice(0, 60);
      opens(ctx, 'credential_exposure', say(`${relayed ? 'a secret read by the action is put into' : 'a live secret written in'} a message to ${to}`));
      return;
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// MFA bypass status with no end.

const MFA_CONTEXT = /\b(duo|mfa|2fa|two[- ]factor|multi[- ]factor|2-step|authenticator|okta verify|securid|second factor)\b/;
const STATUS_KEYS = new Set(['status', 'userstatus', 'state', 'mfastatus', 'mfastate', 'mode', 'mfamode', 'authstatus']);
const EXPIRY_KEYS = ['expires', 'expiry', 'expiration', 'expiresat', 'expireson', 'enddate', 'endtime', 'until', 'validuntil', 'bypassuntil', 'duration', 'validsecs', 'ttl', 'bypassexpiration', 'expirationdate'];

function readMfaBypassStatus(ctx: ReadContext, parameters: Record<string, unknown>): void {
  const entries = entriesOf(parameters);
  const bypass = entries.find(([k, v]) => STATUS_KEYS.has(k) && ['bypass', 'bypassed', 'exempt', 'exempted'].includes(normKey(scalarText(v) ?? '')));
  if (!bypass) return;
  if (!MFA_CONTEXT.test(`${lowerText(parameters, MAX)} ${stateText(ctx)}`)) return;
  const expiry = entries.find(([k]) => EXPIRY_KEYS.includes(k));
  const bounded = expiry !== undefined && expiry[1] !== null && expiry[1] !== '' && !['never', 'none', 'null', 'indefinite', 'permanent', '0'].includes(normKey(scalarText(expiry[1]) ?? 'x'));
  if (bounded) return;
  opens(ctx, 'mfa_off', say(`${bypass[0]} = ${scalarText(bypass[1])} with ${expiry ? `${expiry[0]} = ${scalarText(expiry[1]) ?? 'null'}` : 'no end date'} (the second factor skipped indefinitely)`));
}

// ---------------------------------------------------------------------------------------------------------
// Every action of a service granted to another account in a resource policy.

const ACCOUNT_ID = /\b\d{12}\b/g;
const OUTSIDERS = /\b(partner|vendor|supplier|third[- ]party|external|customer|contractor|agency|their)\b/;

function statements(value: unknown, out: Record<string, unknown>[] = [], depth = 0): Record<string, unknown>[] {
  if (depth > 6 || out.length > 100) return out;
  if (typeof value === 'string' && value.trim().startsWith('{') && value.length < 20_000) {
    try {
      return statements(JSON.parse(value), out, depth + 1);
    } catch {
      return out;
    }
  }
  if (Array.isArray(value)) for (const v of value.slice(0, 50)) statements(v, out, depth + 1);
  else if (isRecord(value)) {
    if (field(value, 'effect') && field(value, 'principal') && field(value, 'action')) out.push(value);
    for (const v of Object.values(value).slice(0, 50)) statements(v, out, depth + 1);
  }
  return out;
}

function readCrossAccountWildcard(ctx: ReadContext, parameters: Record<string, unknown>): void {
  const ticket = stateText(ctx);
  for (const st of statements(parameters)) {
    if (normKey(scalarText(field(st, 'effect')?.value) ?? '') !== 'allow') continue;
    const actions = asArray(field(st, 'action')?.value).filter((a): a is string => typeof a === 'string');
    const wild = actions.find((a) => a.trim() === '*' || /^[a-z0-9-]{1,30}:\*$/i.test(a.trim()));
    if (!wild || wild.trim() === '*') continue; // Action "*" is read by the wildcard and public readers.
    const principals = treeStrings(field(st, 'principal')?.value).join(' ');
    const own = new Set(treeStrings(field(st, 'resource')?.value).join(' ').match(ACCOUNT_ID) ?? []);
    const other = (principals.match(ACCOUNT_ID) ?? []).find((id) => !own.has(id) && (ticket.includes(id) || OUTSIDERS.test(ticket)));
    if (!other) continue;
    return opens(ctx, 'cross_account_wildcard', say(`${wild} allowed to account ${other}`), `${wild} for account ${other}`);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Firewall policies that accept anything.

const ANY_VALUES = new Set(['all', 'any', '0000', '00000000', '0000/0', '00000', 'anyany']);
const isAny = (v: string | undefined) => v !== undefined && (ANY_VALUES.has(normKey(v)) || v.trim() === '0.0.0.0/0' || v.trim() === '*');

/** FortiOS `config firewall policy` entries (`edit … next` blocks of `set key value`) and rule objects with source, destination, service and action. */
function readAllowAll(ctx: ReadContext, parameters: Record<string, unknown>): void {
  for (const text of treeStrings(parameters)) {
    if (!/config\s+firewall\s+policy/i.test(text)) continue;
    let block: Record<string, string> = {};
    for (const raw of text.slice(0, 20_000).split('\n').slice(0, 1_000)) {
      const line = raw.trim();
      const m = /^set\s+([a-z-]{1,30})\s+(.{1,200})$/i.exec(line);
      if (m) block[m[1].toLowerCase()] = m[2].replace(/"/g, '').trim();
      if (/^(next|end)\b/i.test(line)) {
        if (isAny(block.srcaddr) && isAny(block.dstaddr) && isAny(block.service) && normKey(block.action ?? '') === 'accept') {
          opensListed(ctx, 'insecure_feature_on', `permit any any (policy ${block.name ?? ''}: srcaddr all, dstaddr all, service ALL, accept)`.replace(' ()', ''), say(`firewall policy ${block.name ?? ''} accepts all to all`));
          return;
        }
        block = {};
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// Installers the ticket shows unverified.

const INSTALLER = /\.(exe|msi|msix|pkg|dmg|deb|rpm|appx)\b|\b(msiexec|installer|setup)\b/i;
const UNSIGNED_TEXT = /\bunsigned\b|\bno (valid )?(authenticode |digital |code[- ]?)?signature\b|\bnot (digitally |code[- ]?)?signed\b|\b(hash|checksum|sha-?256|sha1|md5)\b[^.\n]{0,60}\b(does not|doesn't|did not|didn't|fails to|not) match|\b(look-?alike|typo-?squat\w*|search ad|sponsored (result|ad))\b/;
const SIGNATURE_KEYS = ['signature', 'signed', 'authenticode', 'codesign', 'codesignature', 'signer', 'publisherverified', 'signaturevalid', 'notarized'];
const HASH_KEYS = ['hashmatch', 'checksummatch', 'matchesvendor', 'hashverified', 'checksumverified', 'checksumok', 'hashok'];

function readUnverifiedInstaller(ctx: ReadContext, parameters: Record<string, unknown>, kind: string): void {
  const texts = treeStrings(parameters).join('\n');
  if (!INSTALLER.test(texts) && !/install/.test(kind)) return;
  const found: string[] = [];
  for (const [k, v] of Object.entries(gatheredFields(ctx)).slice(0, 60)) {
    const n = normKey(k);
    const text = (scalarText(v) ?? '').toLowerCase();
    const flag = flagValue(v);
    const parts = k.toLowerCase().split(/[^a-z0-9]+/);
    if (SIGNATURE_KEYS.some((s) => n === s || parts.includes(s)) && (flag === false || /^(none|unsigned|invalid|missing|not signed|no)\b/.test(text))) found.push(`${k} = ${text}`);
    if (HASH_KEYS.some((s) => n.includes(s)) && flag === false) found.push(`${k} = ${text}`);
    if ((n === 'source' || n.endsWith('source') || n === 'origin' || n === 'downloadedfrom') && UNSIGNED_TEXT.test(text)) found.push(`${k} = ${text}`);
  }
  if (found.length === 0) {
    const state = ctx.b.request.state ?? {};
    const convo = asArray(state.conversation_history).map((m) => (isRecord(m) ? scalarText(m.content) ?? '' : '')).join('\n');
    const said = `${scalarText(state.description) ?? ''}\n${convo}`.toLowerCase().slice(0, MAX);
    const m = UNSIGNED_TEXT.exec(said);
    if (m) found.push(`the ticket says "${m[0]}"`);
  }
  if (found.length === 0) return;
  opens(ctx, 'unverified_software', say(`installs a file the ticket shows unverified (${found.slice(0, 3).join('; ').slice(0, 120)})`), found.slice(0, 3).join('; ').slice(0, 160));
}

// ---------------------------------------------------------------------------------------------------------
// SSH keys bound to an account; requesters nobody's records know.

const AUTHORIZED_KEY_WRITE = /(>>|\btee\b[^\n|;]{0,40})\s*[^\s|;]{0,120}authorized_keys\b|\bssh-copy-id\b|\bauthorized_key\b[^\n]{0,40}\bkey\s*[:=]/;
const RECORD_KEYS = /^(hr|contractor|employee|directory|worker|personnel|vendor)?.{0,20}(record|register|registry|lookup)$/;

function readAuthorizedKey(ctx: ReadContext, parameters: Record<string, unknown>): void {
  const text = treeStrings(parameters).join('\n').toLowerCase();
  if (AUTHORIZED_KEY_WRITE.test(text) && !/\bsed\b[^\n]{0,40}\/d\b|\bgrep\s+-v\b/.test(text)) {
    opens(ctx, 'credential_reset', say('an SSH key added to authorized_keys (a credential bound to the account)'));
  }
}

/** `hr_or_contractor_record: not found`: HR and the registers do not know the requester, so the identity is not established. */
function readUnknownRequester(ctx: ReadContext): void {
  for (const [k, v] of Object.entries(gatheredFields(ctx)).slice(0, 60)) {
    const n = normKey(k);
    if (!RECORD_KEYS.test(n) || !/(hr|contractor|employee|directory|worker|personnel)/.test(n)) continue;
    const text = (scalarText(v) ?? '').toLowerCase();
    if (/^(not found|none|missing|no record|no match|unknown)\b/.test(text) || flagValue(v) === false) {
      ctx.b.set('identity.verified', false, `state.information_gathered.${k} = ${text.slice(0, 60)} (the requester is on no record)`, true);
      return;
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// Identity-protection risk dismissed while the password is the leaked one.

const DISMISS = /riskyusers\/dismiss|dismiss-?riskyuser|invoke-mgdismissriskyuser|\/confirmsafe\b|\b(dismiss|clear|reset)[ _-]?(user[ _-]?)?risk\b|\bmark(ed)?[ _-]as[ _-]safe\b/;
const COMPROMISE = /leaked ?credentials|leakedcredentials|credential (leak|stuffing)|password spray|passwordspray|breached password|compromised credentials|anomalous token|malicious ip|risk_level high|risk level high|user risk high/;

function readRiskDismissed(ctx: ReadContext, parameters: Record<string, unknown>): void {
  const said = lowerText(parameters, MAX);
  if (!DISMISS.test(said)) return;
  const ticket = stateText(ctx);
  if (!COMPROMISE.test(ticket)) return;
  // A password changed since the detection (the documented order: secure reset, then dismiss) closes the leak.
  const changed = [...Object.entries(gatheredFields(ctx)), ...entriesOf(parameters)].find(([k]) => {
    const n = normKey(k);
    return n.includes('password') && (n.includes('changed') || n.includes('reset') || n.includes('change'));
  });
  if (changed && flagValue(changed[1]) === true) return;
  opens(ctx, 'compromise_unhandled', say(`the user's risk is dismissed while the ticket shows leaked or compromised credentials and ${changed ? `${changed[0]} = ${scalarText(changed[1])}` : 'no password change'}`));
}

// ---------------------------------------------------------------------------------------------------------
// Terraform plans that switch a safeguard named by the resource type off.

const ON_OFF_KEYS = new Set(['enabled', 'enable', 'isenabled', 'status', 'state']);

function readPlanSafeguards(ctx: ReadContext, parameters: Record<string, unknown>): void {
  for (const [k, v] of entriesOf(parameters)) {
    if (k !== 'resourcechanges' || !Array.isArray(v)) continue;
    for (const rc of v.slice(0, 200)) {
      if (!isRecord(rc)) continue;
      const type = scalarText(rc.type);
      const change = isRecord(rc.change) ? rc.change : undefined;
      const after = change && isRecord(change.after) ? change.after : undefined;
      if (!type || !after) continue;
      const before = change && isRecord(change.before) ? change.before : {};
      for (const [key, value] of Object.entries(after).slice(0, 100)) {
        if (!ON_OFF_KEYS.has(normKey(key)) || flagValue(value) !== false || flagValue(before[key]) === false) continue;
        for (const hazard of safeguardsNamed(ctx, type)) opens(ctx, hazard, say(`${scalarText(rc.address) ?? type}: ${key} ${flagValue(before[key]) === true ? 'true → ' : ''}false`));
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// Possession of the enrolled authenticator proven (NIST SP 800-63B 6.1.2.3: recovery through a bound authenticator).

const PUSH_KEYS = ['verifiedpush', 'pushverified', 'pushverification', 'numbermatch', 'numbermatched', 'verificationcodematched', 'mfachallenge', 'mfaverified', 'authenticatorverified'];
const PASSED = new Set(['success', 'successful', 'succeeded', 'passed', 'pass', 'matched', 'match', 'approved', 'verified', 'true', 'yes']);

function readBoundAuthenticator(ctx: ReadContext): void {
  const gathered = Object.entries(gatheredFields(ctx)).slice(0, 60);
  const proof = gathered.find(([k, v]) => PUSH_KEYS.some((p) => normKey(k).includes(p)) && PASSED.has(normKey(scalarText(v) ?? '')));
  if (!proof) return;
  // A device or number changed recently could be the attacker's: then the push proves nothing (AA23-320A SIM swaps).
  const changed = gathered.some(([k, v]) => {
    const n = normKey(k);
    return (n.includes('devicechange') || n.includes('deviceschanged') || n.includes('newdevice') || n.includes('numberchange') || n.includes('phonechange')) && !(v === 0 || v === '0' || flagValue(v) === false);
  });
  if (changed) return;
  ctx.b.set('identity.verified', true, `state.information_gathered.${proof[0]} = ${scalarText(proof[1])} (possession of the enrolled authenticator, no recent device change)`);
}

// ---------------------------------------------------------------------------------------------------------
// Delete markers removed in a versioned bucket: the previous versions become current again (Amazon S3 User Guide,
// Managing delete markers). Only the markers are named, so no object version is destroyed.

function readDeleteMarkerRestore(ctx: ReadContext, parameters: Record<string, unknown>): void {
  if (!ctx.opens.has('destructive')) return;
  const text = treeStrings(parameters).join('\n').toLowerCase().slice(0, MAX);
  if (!/\bdelete-objects?\b/.test(text) || !/\blist-object-versions\b/.test(text)) return;
  // The selection names delete markers and nothing else (no Versions[…] list, no object without a version id).
  if (!/deletemarkers\s*\[/.test(text) || /\bversions\s*\[/.test(text) || /\b(rm|delete-bucket|rb)\b/.test(text)) return;
  ctx.b.set('change.destructive', false, 'action.parameters: only delete markers are removed (the previous versions become current again)', true);
  ctx.b.set('change.destroys', 'delete markers only (no object version)', 'action.parameters', true);
}

export function readGrantScope(ctx: ReadContext, parameters: unknown, kind: unknown): void {
  readUnknownRequester(ctx);
  readBoundAuthenticator(ctx);
  if (!isRecord(parameters)) return;
  const k = normKey(String(kind ?? ''));
  readGrantBeyondApproval(ctx, parameters);
  readBroadGroupGrant(ctx, parameters, k);
  readSecretRelay(ctx, parameters);
  readMfaBypassStatus(ctx, parameters);
  readCrossAccountWildcard(ctx, parameters);
  readAllowAll(ctx, parameters);
  readUnverifiedInstaller(ctx, parameters, k);
  readAuthorizedKey(ctx, parameters);
  readRiskDismissed(ctx, parameters);
  readPlanSafeguards(ctx, parameters);
  readDeleteMarkerRestore(ctx, parameters);
}
