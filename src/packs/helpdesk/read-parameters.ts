import { readCloudObject, readCloudText } from './read-cloud-ops.js';
import YAML from 'yaml';
import { READING_CAP_CHARS } from '../reading/reading.js';
import { closes, isExternalAddress, opens, type ReadContext } from './read-context.js';
import { controlPlaneOpen, isRootUser, readCommand } from './read-command.js';
import { isPublicMember, readBinding, readPolicyDocument, readRoleDefinition, readWorkloadFlag } from './read-grants.js';
import { tokenize } from '../reading/text.js';
import { GUARD_OFF } from './read-action-text.js';
import { readNetworkRule } from './read-network-rule.js';
import { settingsIn } from './read-settings.js';
import { safeguardsNamed } from './safeguard-names.js';
import { notMfaPolicy, readCorsObject, readCorsText, readAppConsent, readConditionalAccess, readDelivery, readRestCall, readWorkflow } from './read-platform.js';
import { isWorldSource, viewOf, type TextView } from './text-helpers.js';
import { FILE_NAME_KEYS, FILE_TEXT_KEYS, readOnPremObject, readOnPremSetting, readOnPremText } from './read-onprem.js';
import { readSaasObject, readSaasSetting } from './read-saas.js';
import { readAuditPolicy, readAuthorizationStrategy, readContentHazards, readGenericSetting, safeguardsOfKey } from './read-generic-settings.js';
import { asArray, belowTls12, field, flagValue, isRecord, normKey, scalarText, tlsAtLeast12 } from './values.js';

/**
 * The tool call's own arguments (`action.parameters`): any key, nested to a few levels, objects or
 * JSON strings. Structured shapes are read first (policy documents, bindings, ingress rules,
 * workloads, Terraform plans), then flags by their normalised key, then strings that are command
 * lines. Free-text notes are returned for the phrase reader; nothing else is read a second way.
 */

const MAX_DEPTH = 8;
const MAX_NODES = 2000;
/** Keys whose strings are commands, scripts or API calls. */
const COMMAND_KEYS = new Set(['command', 'commands', 'cmd', 'script', 'scripts', 'powershell', 'shell', 'bash', 'sql', 'query', 'queries', 'statement', 'statements', 'steps', 'args', 'argv', 'cli', 'run', 'exec', 'execute', 'graphrequest', 'request', 'api', 'apicall', 'operation', 'method', 'toolcall', 'tool', 'action', 'actions', 'cmdline', 'commandline', 'code', 'kubectl', 'terraform', 'aws', 'az', 'gcloud']);
/** Keys whose strings are notes for a person, read as context (they describe, they do not act). */
const NOTE_KEYS = new Set(['note', 'notes', 'comment', 'comments', 'reason', 'message', 'justification', 'summary', 'title', 'description', 'body', 'text', 'reply', 'response', 'content']);
const PROGRAMS = new Set(['aws', 'az', 'gcloud', 'gsutil', 'bq', 'kubectl', 'oc', 'terraform', 'rm', 'sudo', 'ssh', 'psql', 'mysql', 'sqlcmd', 'mongo', 'mongosh', 'helm', 'dd', 'mkfs', 'spctl', 'netsh', 'post', 'patch', 'put', 'delete', 'drop', 'truncate']);

/** Keys whose contents the change takes away: a rule revoked, a member removed. */
const REMOVAL_KEYS = new Set(['revoke', 'revokes', 'revokeingress', 'revokerules', 'remove', 'removes', 'removals', 'removerules', 'toremove', 'delete', 'deletes', 'deletions']);
const PRIOR_KEYS = new Set(['before', 'previous', 'oldvalue', 'previousvalue', 'current', 'currentrule', 'existing']);

/** Child keys that only say "on/off" for their parent ({logging: {enabled: false}}): read as the parent's flag. */
const GENERIC_FLAG_KEYS = new Set(['enabled', 'enable', 'status', 'state', 'value', 'mode', 'enforced', 'required', 'isenabled', 'setting']);
// BigQuery dataset access entries name their grantee as specialGroup ("allAuthenticatedUsers") or iamMember.
const GRANTEE_KEYS = new Set(['principal', 'principals', 'grantee', 'grantees', 'member', 'members', 'entity', 'subject', 'subjects', 'assignee', 'sharedwith', 'audience', 'specialgroup', 'iammember']);
const ACL_PUBLIC = new Set(['publicread', 'publicreadwrite', 'authenticatedread', 'public', 'allusers']);
const CONTAINER_PUBLIC = new Set(['blob', 'container', 'public', 'anonymous']);

/** Arguments that name a file they write ({file, content}); a REST call's {method, path} names a resource, not a file. */
function namesFile(obj: Record<string, unknown>): boolean {
  if (field(obj, 'method', 'httpmethod', 'verb') !== undefined) return false;
  return FILE_NAME_KEYS.some((n) => typeof field(obj, n)?.value === 'string');
}

export interface ParameterReading {
  /** Free-text notes and descriptions inside the parameters, with the key that holds each. */
  notes: (TextView & { key?: string })[];
  /** Command lines and API calls inside the parameters; `recognised` when the command reader knew the operation. */
  commands: (TextView & { recognised?: boolean; readOnly?: boolean; key?: string; removed?: boolean })[];
}

function firstWord(s: string): string {
  let i = 0;
  while (i < s.length && (s[i] === ' ' || s[i] === '\t' || s[i] === '\n' || s[i] === "'" || s[i] === '"')) i++;
  let j = i;
  while (j < s.length && j - i < 20 && s[j] !== ' ' && s[j] !== '\t' && s[j] !== '\n') j++;
  return s.slice(i, j).toLowerCase();
}

function parseJsonString(s: string): unknown {
  const t = s.trim();
  if (t.length > READING_CAP_CHARS || (!t.startsWith('{') && !t.startsWith('['))) return undefined;
  try {
    return JSON.parse(t);
  } catch {
    return undefined;
  }
}

const CONFIG_KEY_ENDINGS = ['yml', 'yaml', 'conf', 'config', 'cfg', 'settings', 'properties'];

/** A configuration file's text ("xpack.security.enabled: false"): under a key that names one, or opening with "name: value". */
function configText(s: string, key: string): boolean {
  if (CONFIG_KEY_ENDINGS.some((e) => normKey(key).endsWith(e))) return true;
  const colon = s.indexOf(': ');
  if (colon <= 0 || colon > 80) return false;
  for (let i = 0; i < colon; i++) {
    const ch = s[i];
    if (!((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch === '_' || ch === '-' || ch === '.')) return false;
  }
  return true;
}

/**
 * A Kubernetes or CloudFormation manifest written as YAML ("apiVersion: v1\nkind: Pod…"); aliases are
 * capped by the parser. A document that does not parse does not hide the others: those that parse are
 * read, and `complete` says whether every one did.
 */
function parseManifest(s: string, key = ''): { value: unknown; complete: boolean } | undefined {
  const manifest = s.includes('\n') && (s.includes('apiVersion:') || s.includes('kind:') || s.includes('Resources:'));
  if (s.length > READING_CAP_CHARS || !(manifest || configText(s, key))) return undefined;
  try {
    // A manifest may hold several documents ("---"): each is read, in order.
    const docs = YAML.parseAllDocuments(s);
    if (!Array.isArray(docs) || docs.length === 0 || docs.length > 50) return undefined;
    const parsed = docs.filter((d) => d.errors.length === 0);
    const values = parsed.map((d) => d.toJS({ maxAliasCount: 20 }) as unknown).filter(isRecord);
    if (values.length === 0) return undefined;
    return { value: values.length === 1 ? values[0] : values, complete: parsed.length === docs.length };
  } catch {
    return undefined;
  }
}

/** Settings that write request or response headers and bodies into logs. */
const LOGGED_PAYLOAD_KEYS = new Set(['includerequestheaders', 'includerequestbody', 'includeresponsebody', 'includeresponseheaders', 'logrequestbody', 'logrequestheaders', 'logresponsebody', 'logheaders', 'logbody', 'logbodies', 'logpayload', 'logpayloads', 'dumprequests', 'logfullrequest']);

/** Key parts that name an MFA setting (Conditional Access and Entra security defaults are where tenants enforce it). */
const MFA_KEY_PARTS = ['mfa', 'strongauth', 'twofactor', 'twostep', '2step', '2sv', '2fa', 'multifactor', 'conditionalaccess', 'securitydefaults', 'stepup'];
const INVERTING_KEY_PARTS = ['bypass', 'exempt', 'exclude', 'skip', 'disable', 'optout', 'waive'];

/** Forwarding and redirect settings by key: "forwardTo", "ForwardingSmtpAddress", "autoForwarding", "redirectMessageTo". */
function isForwardingKey(k: string): boolean {
  return k.includes('forward') || k.startsWith('redirect');
}

/** Mail addresses anywhere in a small value ("a@b.example", [{emailAddress: {address: …}}]), at most a few levels down. */
function addressesIn(value: unknown, depth = 0, out: string[] = []): string[] {
  if (out.length >= 20 || depth > 4) return out;
  if (typeof value === 'string') {
    if (value.length <= 200 && value.includes('@')) out.push(value.startsWith('smtp:') || value.startsWith('SMTP:') ? value.slice(5) : value);
  } else if (Array.isArray(value)) for (const v of value.slice(0, 20)) addressesIn(v, depth + 1, out);
  else if (isRecord(value)) for (const v of Object.values(value).slice(0, 20)) addressesIn(v, depth + 1, out);
  return out;
}

/** Key parts that name the SIM a phone number is moved to. */
const SIM_KEY_PARTS = ['esim', 'iccid', 'simcard', 'newsim', 'simswap', 'swapsim', 'portout', 'neweid', 'targeteid'];
/** Parts distinctive enough to count anywhere in a key ("new_esim_eid", "target_iccid"). */
const SIM_KEY_INNER = ['esim', 'iccid', 'simswap', 'swapsim'];

/** Authorizer types that make a caller authenticate (API Gateway AuthorizationType, Lambda function URL AuthType). */
const AUTH_TYPES = new Set(['awsiam', 'iam', 'cognitouserpools', 'custom', 'jwt', 'request', 'token', 'oauth2', 'oidc', 'azuread', 'functionkey']);

/** Flags read by their key: returns whether the key was one the reader knows. */
function readFlag(ctx: ReadContext, key: string, value: unknown, source: string): boolean {
  const k = normKey(key);
  const on = flagValue(value);
  const text = scalarText(value)?.toLowerCase();
  const say = `${source} = ${scalarText(value) ?? JSON.stringify(value)}`;
  if (readWorkloadFlag(ctx, key, value, source)) return true;
  if (readOnPremSetting(ctx, key, value, source)) return true;
  if (readSaasSetting(ctx, key, value, source)) return true;
  if (k === 'acl' || k === 'cannedacl' || k === 'predefinedacl' || k === 'objectacl') {
    if (text && ACL_PUBLIC.has(normKey(text))) opens(ctx, 'public_acl', say);
    else if (text === 'private') closes(ctx, 'public_acl');
    return true;
  }
  if (k === 'publicaccess' || k === 'publicaccesslevel' || k === 'containeraccess' || k === 'accesslevel' || k === 'publicaccesstype') {
    if ((text && CONTAINER_PUBLIC.has(text)) || on === true) opens(ctx, 'public_acl', say);
    else if (text === 'none' || text === 'off' || text === 'private' || on === false) closes(ctx, 'public_acl');
    return true;
  }
  if (k === 'allowblobpublicaccess' || k === 'allownesteditemstobepublic' || k === 'allowanonymousaccess' || k === 'anonymousaccess' || k === 'allowpublicaccess') {
    if (on === true) opens(ctx, 'public_acl', say);
    else if (on === false) closes(ctx, 'public_acl');
    return true;
  }
  if (k === 'blockpublicacls' || k === 'blockpublicpolicy' || k === 'ignorepublicacls' || k === 'restrictpublicbuckets' || k === 'blockpublicaccess') {
    if (on === false) opens(ctx, 'block_public_access_off', say);
    else if (on === true) closes(ctx, 'block_public_access_off');
    return true;
  }
  if (k === 'publicaccessprevention') {
    if (text === 'inherited' || text === 'unspecified') opens(ctx, 'block_public_access_off', say);
    else if (text === 'enforced') closes(ctx, 'block_public_access_off');
    return true;
  }
  if (k === 'defaultaction') {
    // networkAcls / network_rules default_action: Allow lets every network in when no rule matches.
    if (text === 'allow') opens(ctx, 'public_network_access', say);
    else if (text === 'deny') closes(ctx, 'public_network_access');
    return true;
  }
  if (k === 'publiclyaccessible' || k === 'publicnetworkaccess' || k === 'publicendpoint' || k === 'publicip' || k === 'assignpublicip') {
    if (on === true) opens(ctx, 'public_database', say);
    else if (on === false) closes(ctx, 'public_database');
    return true;
  }
  if (k === 'publicaccesscidrs' || k === 'masterauthorizednetworkscidrblocks' || k === 'apiserverauthorizediprangesipv4' || k === 'authorizedipranges') {
    // A cluster API endpoint allowed from 0.0.0.0/0 (Checkov CKV_AWS_38, CIS EKS 5.4.2).
    if (asArray(value).some((x) => typeof x === 'string' && isWorldSource(x))) controlPlaneOpen(ctx, say);
    return true;
  }
  if (k === 'mintlsversion' || k === 'minimumtlsversion' || k === 'minimaltlsversion' || k === 'tlsminimumversion' || k === 'minimumprotocolversion' || k === 'sslminimumversion') {
    // TLS below 1.2 allowed (Checkov CKV_AZURE_44, Azure Policy storage accounts minimum TLS 1.2, CloudFront TLSv1.2_2021 security policies).
    if (text !== undefined && belowTls12(text)) opens(ctx, 'encryption_off', `${say} (TLS below 1.2 allowed)`);
    else if (text !== undefined && tlsAtLeast12(text)) closes(ctx, 'encryption_off');
    return true;
  }
  if (k === 'defaultrepositorypermission' || k === 'basepermission' || k === 'defaultpermission') {
    // A GitHub organisation's base permission: admin makes every member an administrator of every repository.
    if (text !== undefined && normKey(text) === 'admin') opens(ctx, 'admin_role', `${say} (every member administers every repository)`, 'organisation base permission admin');
    return true;
  }
  if (k === 'bypassgovernanceretention' || k === 'xamzbypassgovernanceretention') {
    if (on === true) opens(ctx, 'deletion_protection_off', say);
    return true;
  }
  if (k === 'accountenabled') {
    // Graph {accountEnabled: true}: the account can sign in again.
    if (on === true) opens(ctx, 'account_reenabled', say);
    return true;
  }
  if (LOGGED_PAYLOAD_KEYS.has(k)) {
    // Request or response headers and bodies written to logs carry tokens, passwords and session ids (OWASP Logging Cheat Sheet).
    if (on === true) opens(ctx, 'logs_payloads', say);
    return true;
  }
  if (k === 'redaction' || k === 'redact' || k === 'masking' || k === 'mask' || k === 'scrubbing' || k === 'sanitize' || k === 'redactsecrets' || k === 'maskheaders' || k === 'redactheaders') {
    if (on !== undefined) ctx.b.set('change.log_redaction', on, say);
    return true;
  }
  if (k.endsWith('viewerprotocolpolicy') || k === 'protocolpolicy') {
    // CloudFront: allow-all serves viewers over plain HTTP (Security Hub CloudFront.3, Checkov CKV_AWS_34).
    if (text === 'allow-all' || text === 'allowall') opens(ctx, 'encryption_off', `${say} (plain HTTP allowed to viewers)`);
    else if (text === 'redirect-to-https' || text === 'https-only') closes(ctx, 'encryption_off');
    return true;
  }
  if (k === 'enablerbac' || k === 'rbacenabled' || k === 'rolebasedaccesscontrolenabled' || k === 'enablekubernetesrbac' || k === 'kubernetesrbacenabled') {
    // AKS and other managed clusters without Kubernetes RBAC: every authenticated identity is unrestricted (Checkov CKV_AZURE_5).
    if (on === false) opens(ctx, 'authorization_off', say);
    else if (on === true) closes(ctx, 'authorization_off');
    return true;
  }
  if ((MFA_KEY_PARTS.some((p) => k.includes(p)) || k.startsWith('exclude')) && notMfaPolicy(ctx, source)) {
    // Inside a Conditional Access policy that asks for no MFA (a location block): its state and exclusions switch no MFA off.
    return true;
  }
  if (MFA_KEY_PARTS.some((p) => k.includes(p))) {
    // "mfa_bypass: true", "exempt_from_2sv: yes" switch MFA off by saying yes; Conditional Access in report-only mode enforces nothing.
    const inverted = INVERTING_KEY_PARTS.some((p) => k.includes(p));
    const reportOnly = text !== undefined && normKey(text) === 'enabledforreportingbutnotenforced';
    if ((inverted ? on === true : on === false) || reportOnly || (Array.isArray(value) && value.length === 0)) opens(ctx, 'mfa_off', say);
    else if (on !== undefined) closes(ctx, 'mfa_off');
    return true;
  }
  if (k === 'islogging' || k === 'logging' || k === 'enablelogging' || k === 'auditlogging' || k === 'auditlogs' || k === 'cloudtrail' || k === 'logginenabled' || k === 'loggingenabled' || k === 'diagnosticsettings') {
    if (on === false || (Array.isArray(value) && value.length === 0)) opens(ctx, 'audit_logging_off', say);
    else if (on === true) closes(ctx, 'audit_logging_off');
    return true;
  }
  if (k === 'guardduty' || k === 'securityhub' || k === 'defender' || k === 'defenderforcloud' || k === 'threatdetection') {
    if (on === false) opens(ctx, 'monitoring_off', say);
    else if (on === true) closes(ctx, 'monitoring_off');
    return true;
  }
  if (k === 'objectlock' || k === 'objectlockenabled' || k === 'versioning' || k === 'versioningstatus' || k === 'mfadelete') {
    // Object Lock and versioning are how a bucket survives a delete or an overwrite (CIS AWS 2.1.x, Checkov CKV_AWS_21).
    if (on === false || text === 'suspended' || text === 'disabled') opens(ctx, 'deletion_protection_off', say);
    else if (on === true) closes(ctx, 'deletion_protection_off');
    return true;
  }
  if (k === 'deletionprotection' || k === 'terminationprotection' || k === 'preventdestroy' || k === 'enabledeletionprotection' || k === 'disableapitermination' || k === 'softdelete' || k === 'enablesoftdelete' || k === 'purgeprotection' || k === 'enablepurgeprotection') {
    const off = k === 'disableapitermination' ? on === false : on === false;
    if (off) opens(ctx, 'deletion_protection_off', say);
    else if (on !== undefined) closes(ctx, 'deletion_protection_off');
    return true;
  }
  if (k === 'skipfinalsnapshot') {
    if (on !== undefined) ctx.b.set('change.backup_confirmed', !on, say);
    // The setting matters only when the resource is deleted: it is there to make that delete leave nothing behind.
    if (on === true) {
      opens(ctx, 'destructive', say);
      ctx.b.set('change.destroys', 'a deletion without a final snapshot', say);
    }
    return true;
  }
  if (k === 'backupverified' || k === 'backuptaken' || k === 'snapshottaken' || k === 'finalsnapshot' || k === 'finalsnapshotidentifier' || k === 'finaldbsnapshotidentifier') {
    if (on !== undefined) ctx.b.set('change.backup_confirmed', on, say);
    else if (text) ctx.b.set('change.backup_confirmed', true, say);
    return true;
  }
  if (k === 'backupretentionperiod' || k === 'backupretentiondays' || k === 'retentiondays') {
    // A retention of 0 turns automated backups off and deletes the ones kept so far.
    if (Number(text) === 0) {
      opens(ctx, 'backups_deleted', say);
      ctx.b.set('change.backup_confirmed', false, say);
    }
    return true;
  }
  if (k === 'password' || k === 'newpassword' || k === 'temporarypassword' || k === 'temppassword' || k === 'initialpassword' || k === 'passwordprofile' || k === 'forcechangepasswordnextsignin' || k === 'resetpassword' || k === 'temporaryaccesspass') {
    opens(ctx, 'credential_reset', `${source} (a credential is set)`);
    return true;
  }
  if (k === 'deleteautomatedbackups' || k === 'deletebackups' || k === 'deletesnapshots' || k === 'deleterecoverypoints') {
    if (on === true) {
      opens(ctx, 'backups_deleted', say);
      ctx.b.set('change.backup_confirmed', false, say);
    }
    return true;
  }
  if (k === 'forcedeletewithoutrecovery') {
    if (on === true) {
      opens(ctx, 'destructive', say);
      ctx.b.set('change.destroys', 'a deletion without a recovery window', say);
    }
    return true;
  }
  if (k === 'forcedelete' || k === 'deleteobjects' || k === 'deletevolumes' || k === 'purge' || k === 'forcedestroy' || k === 'deletecontents' || k === 'recursive') {
    if (on === true) {
      opens(ctx, 'destructive', say);
      ctx.b.set('change.destroys', k, say);
    }
    return true;
  }
  if (k === 'encrypted' || k === 'storageencrypted' || k === 'encryption' || k === 'enableencryption' || k === 'sseenabled' || k === 'encryptionenabled' || k === 'httpsonly' || k === 'enablehttpstrafficonly' || k === 'supportshttpstrafficonly') {
    if (on === false || text === 'none' || text === 'disabled') opens(ctx, 'encryption_off', say);
    else if (on === true) closes(ctx, 'encryption_off');
    return true;
  }
  if (k === 'pendingwindowindays' || k === 'deletionwindowindays' || k === 'keystate' || k === 'scheduledeletion' || k === 'scheduledeletiondays') {
    if (k !== 'keystate' && k !== 'scheduledeletion' ? value !== null && value !== undefined : text === 'pendingdeletion' || on === true) opens(ctx, 'key_deletion', say);
    return true;
  }
  if (k === 'anonymous' || k === 'anonymousenabled' || k === 'anonymousauth' || k === 'anonymousauthentication' || k === 'allowanonymous' || k === 'authenabled' || k === 'authenticationenabled' || k === 'authrequired' || k === 'requireauth' || k === 'securityenabled' || k === 'xpacksecurityenabled') {
    const anonymous = k.startsWith('anonymous') || k === 'allowanonymous' ? on === true : on === false;
    if (anonymous) opens(ctx, 'unauthenticated_access', say);
    else if (on !== undefined) closes(ctx, 'unauthenticated_access');
    return true;
  }
  if (k === 'authtype' || k === 'authorizationtype' || k === 'authenticationtype' || k === 'authmode') {
    // Lambda function URLs and API Gateway methods: AuthType NONE lets anyone on the internet call them (Checkov CKV_AWS_258, CKV_AWS_59).
    if (text === 'none' || text === 'anonymous' || text === 'open') opens(ctx, 'unauthenticated_access', say);
    // A named authorizer type (AWS_IAM, COGNITO_USER_POOLS, CUSTOM, JWT): callers must authenticate.
    else if (text !== undefined && AUTH_TYPES.has(normKey(text))) closes(ctx, 'unauthenticated_access');
    return true;
  }
  if (k === 'minimumpasswordlength' || k === 'minpasswordlength' || k === 'passwordminlength' || k === 'passwordminimumlength' || k === 'minlength' || k === 'minimumlength') {
    if (typeof value === 'number' || (text !== undefined && text !== '' && !Number.isNaN(Number(text)))) ctx.b.set('change.password_min_length', Number(text), say);
    return true;
  }
  if (k === 'passwordreuseprevention' || k === 'passwordhistory' || k === 'passwordhistorysize' || k === 'enforcepasswordhistory' || k === 'passwordhistorycount') {
    if (typeof value === 'number' || (text !== undefined && text !== '' && !Number.isNaN(Number(text)))) ctx.b.set('change.password_reuse_prevention', Number(text), say);
    return true;
  }
  if ((k === 'excludeusers' || k === 'excludegroups' || k === 'excluderoles' || k === 'excludeguestsorexternalusers') && source.toLowerCase().includes('conditions')) {
    // A Conditional Access policy's conditions.users.exclude*: the people named skip what the policy enforces, MFA above all.
    if (Array.isArray(value) ? value.length > 0 : typeof value === 'string' && value.length > 0) opens(ctx, 'mfa_off', `${say} (excluded from a Conditional Access policy)`);
    return true;
  }
  if (isForwardingKey(k)) {
    if (value === null || text === '' || text === '$null') closes(ctx, 'external_forwarding');
    const external = addressesIn(value).filter((a) => isExternalAddress(ctx, a));
    if (external.length > 0 && on !== false) opens(ctx, 'external_forwarding', `${source} = ${external.join(', ')}`);
    return text !== undefined || value === null || external.length > 0;
  }
  if (k === 'deliverto' || k === 'sendto' || k === 'recipient' || k === 'shareto' || k === 'sharewith' || k === 'destinationemail') {
    if (text && isExternalAddress(ctx, text)) opens(ctx, 'external_sharing', say);
    return true;
  }
  if (k === 'sharingscope' || k === 'sharinglink' || k === 'linkscope' || k === 'sharing') {
    if (text === 'anyone' || text === 'public' || text === 'anonymous') opens(ctx, 'external_sharing', say);
    return true;
  }
  if (SIM_KEY_PARTS.some((p) => k === p || k.startsWith(p) || k.endsWith(p)) || SIM_KEY_INNER.some((p) => k.includes(p))) {
    // A phone number moved to another SIM or eSIM (a SIM swap, a port-out): every SMS and voice code goes with it (AA23-320A).
    if (text !== undefined && text !== '' && on !== false) opens(ctx, 'credential_reset', `${say} (the number's SMS and voice codes move to another SIM)`);
    return true;
  }
  if (k === 'environment' || k === 'env' || k === 'stage' || k === 'workspace' || k === 'tier') {
    return false; // read as text below: the words say which environment
  }
  return false;
}

/** An object that is one setting ({setting: "2-Step Verification enforcement", value: "off"}) or one switched off. */
function readSettingObject(ctx: ReadContext, obj: Record<string, unknown>, path: string): void {
  switchedOff(ctx, obj, path);
  const setting = scalarText(field(obj, 'setting', 'settingname', 'parameter', 'option')?.value);
  const settingValue = field(obj, 'value', 'setto', 'newvalue');
  if (setting && settingValue) readFlag(ctx, setting, settingValue.value, `${path}.${settingValue.key}`);
}

const STATE_KEYS = ['state', 'status', 'enabled', 'enable', 'isenabled', 'enforcement', 'mode'];

/**
 * An object switched off whose own words name a safeguard ({displayName: "Require MFA", state:
 * "disabled", grantControls: {builtInControls: ["mfa"]}}): the safeguard it is goes off.
 */
function switchedOff(ctx: ReadContext, obj: Record<string, unknown>, source: string): void {
  const state = field(obj, ...STATE_KEYS);
  if (!state) return;
  const text = scalarText(state.value);
  const off = flagValue(state.value) === false || (text !== undefined && normKey(text) === 'enabledforreportingbutnotenforced');
  if (!off) return;
  const words: string[] = [];
  const collect = (v: unknown, depth: number) => {
    if (words.length >= 30 || depth > 3) return;
    if (typeof v === 'string' && v.length <= 200) words.push(v);
    else if (Array.isArray(v)) for (const x of v.slice(0, 20)) collect(x, depth + 1);
    else if (isRecord(v)) for (const [k, x] of Object.entries(v).slice(0, 30)) if (!STATE_KEYS.includes(normKey(k))) collect(x, depth + 1);
  };
  collect(obj, 0);
  const tokens = tokenize(words.join(' ; '));
  for (const m of ctx.catalogue.vocabulary.match(tokens)) {
    const hazard = GUARD_OFF[m.concept];
    if (hazard && !m.negated) {
      opens(ctx, hazard, `${source}.${state.key} = ${text}: ${m.phrase}`);
      return;
    }
  }
}

/**
 * Resource types that hold access or network configuration, not data: deleting one loses nothing that a
 * backup would bring back (a firewall rule, a binding, a policy attachment). What it did is read from its
 * `before` state as something the change takes away: an SSH rule open to 0.0.0.0/0 is closed, a public
 * access block is switched off. Any other type deleted is data or a resource, and destructive.
 */
const CONFIGURATION_TYPE_PARTS = ['securitygrouprule', 'securitygroupingressrule', 'securitygroupegressrule', 'vpcsecuritygroupingressrule', 'vpcsecuritygroupegressrule', 'firewallrule', 'computefirewall', 'networksecurityrule', 'nsgrule', 'networkaclrule', 'iambinding', 'iammember', 'iampolicy', 'roleassignment', 'policyattachment', 'rolepolicy', 'userpolicy', 'grouppolicy', 'bucketpolicy', 'publicaccessblock', 'bucketacl', 'rolebinding', 'clusterrolebinding', 'accesspolicy', 'ipset', 'firewallpolicy'];

function configurationType(type: string | undefined): boolean {
  if (!type) return false;
  const t = normKey(type);
  return CONFIGURATION_TYPE_PARTS.some((p) => t.endsWith(p));
}

export interface PlanDeletion {
  /** The deleted resource's state before the change, read as what the change takes away. */
  before: Record<string, unknown>;
  path: string;
}

/**
 * Terraform plan JSON: resource_changes[].change.actions with delete (or replace). Returns whether it was a
 * plan, and the configuration resources it deletes (their `before` states) for the caller to read as removals.
 */
function readPlan(ctx: ReadContext, obj: Record<string, unknown>, source: string, removed: PlanDeletion[] = []): boolean {
  const changes = Object.entries(obj).find(([k]) => normKey(k) === 'resourcechanges')?.[1];
  if (!Array.isArray(changes)) return false;
  const deleted: string[] = [];
  changes.slice(0, 500).forEach((rc, i) => {
    if (!isRecord(rc)) return;
    const change = Object.entries(rc).find(([k]) => normKey(k) === 'change')?.[1];
    const actions = isRecord(change) ? change.actions : undefined;
    if (!Array.isArray(actions) || !actions.includes('delete')) return;
    const name = scalarText(rc.address) ?? scalarText(rc.type) ?? 'resource';
    const before = isRecord(change) ? change.before : undefined;
    // Replaced (delete then create) or without a known type, a resource counts as data.
    // A deny rule or statement deleted lets in what it kept out: that stays a destructive change, asked about.
    if (configurationType(scalarText(rc.type) ?? lastDotted(name)) && !actions.includes('create') && isRecord(before) && !holdsDeny(before)) removed.push({ before, path: `${source}.resource_changes.${i}.change.before` });
    else deleted.push(name);
  });
  if (deleted.length > 0) {
    opens(ctx, 'destructive', `${source}: plan deletes ${deleted.slice(0, 5).join(', ')}${deleted.length > 5 ? ` and ${deleted.length - 5} more` : ''}`);
    ctx.b.set('change.destroys', deleted.slice(0, 5).join(', '), source);
    ctx.b.add('change.resource_names', deleted.slice(0, 5).join(' '), source);
  }
  return true;
}

const DENY_KEYS = new Set(['effect', 'access', 'action', 'ruleaction', 'type']);

/** Whether a configuration object denies something (a Deny statement, an NSG or NACL deny rule), a few levels down. */
function holdsDeny(value: unknown, depth = 0, budget = { nodes: 200 }): boolean {
  if (depth > 5 || --budget.nodes < 0) return false;
  if (Array.isArray(value)) return value.slice(0, 50).some((v) => holdsDeny(v, depth + 1, budget));
  if (!isRecord(value)) return false;
  for (const [k, v] of Object.entries(value)) {
    if (DENY_KEYS.has(normKey(k)) && typeof v === 'string' && normKey(v) === 'deny') return true;
    if (typeof v === 'object' && v !== null && holdsDeny(v, depth + 1, budget)) return true;
  }
  return false;
}

/** "module.net.aws_security_group_rule.ssh" → "aws_security_group_rule": the type part of a resource address. */
function lastDotted(address: string): string | undefined {
  const parts = address.split('.', 20);
  return parts.length >= 2 ? parts[parts.length - 2] : undefined;
}

/** GCP audit configs: a diff (before → after) or a list that drops DATA_READ / DATA_WRITE logging. */
function readAuditConfigs(ctx: ReadContext, value: unknown, source: string): void {
  if (isRecord(value)) {
    const before = value.before;
    const after = value.after;
    if (Array.isArray(before) && before.length > 0 && Array.isArray(after) && after.length === 0) opens(ctx, 'audit_logging_off', `${source}: audit configs removed`);
    else if (Array.isArray(after) && after.length > 0) closes(ctx, 'audit_logging_off');
    return;
  }
  if (Array.isArray(value) && value.length === 0) opens(ctx, 'audit_logging_off', `${source}: audit configs emptied`);
}

/** Keys under which a REST call carries what it writes. */
const BODY_KEYS = new Set(['body', 'payload', 'requestbody', 'data', 'json', 'patch']);
const URL_KEYS = new Set(['url', 'uri', 'endpoint', 'path', 'href', 'resource', 'resourcepath']);

/** An id or a version in a URL path ("2c8a-7e11", "v1.0", a GUID): it names an instance, not the setting. */
function idSegment(seg: string): boolean {
  let digits = 0;
  for (const ch of seg) if (ch >= '0' && ch <= '9') digits++;
  return seg.length === 0 || (digits > 0 && (seg.length >= 8 || seg[0] === 'v' || seg[0] === 'V' || digits === seg.length)) || seg.startsWith('{') || seg.startsWith(':');
}

/**
 * The setting a REST call in the arguments writes, named by the last segments of its URL path
 * ("PATCH https://graph.microsoft.com/v1.0/policies/identitySecurityDefaultsEnforcementPolicy" →
 * "policies identitySecurityDefaultsEnforcementPolicy"); undefined when the arguments hold no URL.
 */
function requestTargetOf(parameters: Record<string, unknown>): string | undefined {
  for (const [k, v] of Object.entries(parameters).slice(0, 50)) {
    const key = normKey(k);
    if (typeof v !== 'string' || v.length > 2000 || !(COMMAND_KEYS.has(key) || URL_KEYS.has(key))) continue;
    const scheme = v.indexOf('://');
    let start = scheme >= 0 ? v.indexOf('/', scheme + 3) : v.indexOf(' /') >= 0 ? v.indexOf(' /') + 1 : v.startsWith('/') ? 0 : -1;
    if (start < 0) continue;
    let end = start;
    while (end < v.length && v[end] !== '?' && v[end] !== ' ' && v[end] !== '\n' && v[end] !== '#') end++;
    const segments = v.slice(start, end).split('/', 40).filter((seg) => !idSegment(seg));
    if (segments.length > 0) return segments.slice(-3).join(' ');
    start = end;
  }
  return undefined;
}

/** Reads the tool call's arguments, or (with `root`) settings rebuilt from text at that path. */
/**
 * A cmdlet call written as an object ({cmdlet: "Add-ADGroupMember", Identity: "DnsAdmins", Members: "x"}): its other
 * scalar keys are its named parameters, so it is read as the command line it stands for
 * ("Add-ADGroupMember -Identity 'DnsAdmins' -Members 'x'"), by the same readers as one written out.
 */
function cmdletLine(obj: Record<string, unknown>): string | undefined {
  const name = scalarText(field(obj, 'cmdlet', 'commandlet')?.value)?.trim();
  if (!name || !/^[a-z]{2,20}-[a-z0-9]{2,60}$/i.test(name)) return undefined;
  const args: string[] = [];
  for (const [k, v] of Object.entries(obj).slice(0, 40)) {
    if (['cmdlet', 'commandlet'].includes(normKey(k)) || !/^[a-z][a-z0-9]{0,60}$/i.test(k)) continue;
    if (typeof v === 'boolean') args.push(`-${k}:$${v}`);
    else if (typeof v === 'number') args.push(`-${k} ${v}`);
    else if (typeof v === 'string' && v.length <= 400) args.push(`-${k} '${v.replace(/'/g, "''")}'`);
    else if (Array.isArray(v) && v.every((x) => typeof x === 'string') && v.length <= 20) args.push(`-${k} ${v.map((x) => `'${String(x).replace(/'/g, "''")}'`).join(',')}`);
  }
  return args.length > 0 ? `${name} ${args.join(' ')}` : undefined;
}

export function readParameters(ctx: ReadContext, parameters: unknown, root = 'action.parameters'): ParameterReading {
  const out: ParameterReading = { notes: [], commands: [] };
  if (!isRecord(parameters)) return out;
  let nodes = 0;
  const planRemovals: PlanDeletion[] = [];
  const requestTarget = requestTargetOf(parameters);
  // Who the call runs as ({session: root}, {profile: "root"}): a key created without a user name is that identity's own.
  const identity = scalarText(field(parameters, 'session', 'profile', 'runas', 'as', 'identity', 'actingas', 'caller', 'credentials', 'username', 'iamuser')?.value);
  if (identity !== undefined && isRootUser(identity)) ctx.rootSession = true;

  const readCmdletObject = (obj: Record<string, unknown>, path: string) => {
    const line = cmdletLine(obj);
    if (!line) return;
    // Only the command readers read the line: its values are read one by one by the walk, not again as one text.
    const v = readCommand(ctx, `${path} (as a command line)`, line);
    if (v?.recognised) out.commands.push({ ...v, key: 'cmdlet', removed: ctx.removing > 0 });
  };

  // Above zero while the walk is inside an object that names a file ({file: /etc/ssh/sshd_config, content: …}).
  let inFile = 0;
  const readString = (key: string, s: string, path: string, depth: number) => {
    const k = normKey(key);
    readCorsText(ctx, s, path);
    const json = parseJsonString(s);
    const manifest = json === undefined ? parseManifest(s, key) : undefined;
    if (json !== undefined || manifest !== undefined) {
      walk(json ?? manifest!.value, path, key, 1);
      if (json !== undefined || manifest!.complete) {
        ctx.b.consume(path);
        return;
      }
      // Part of the manifest did not parse: what did is read above, and the whole text is read as words below.
    }
    if (inFile > 0 && FILE_TEXT_KEYS.has(k) && !COMMAND_KEYS.has(k)) {
      // A file's content or line is configuration the change writes: read by its shapes, then as words.
      const read = ctx.b.text(path, s);
      if (!read) return;
      const v = viewOf(read, ctx.catalogue.vocabulary);
      const before = ctx.opens.size + ctx.closes.size;
      readOnPremText(ctx, v, path);
      const recognised = ctx.opens.size + ctx.closes.size > before;
      if (recognised) ctx.parameterChanges.push(path);
      out.commands.push({ ...v, recognised, key: k, removed: ctx.removing > 0 });
      return;
    }
    const program = firstWord(s);
    if (NOTE_KEYS.has(k) && !PROGRAMS.has(program)) {
      readContentHazards(ctx, s, path);
      const read = ctx.b.text(path, s);
      if (read) out.notes.push({ ...viewOf(read, ctx.catalogue.vocabulary), key: k });
      return;
    }
    if (COMMAND_KEYS.has(k) || PROGRAMS.has(program) || s.includes(' --') || s.includes('=')) {
      const v = readCommand(ctx, path, s);
      if (!v) return;
      // Terraform attributes and key=value settings in a script are read like arguments.
      const settings = s.includes('=') ? settingsIn(v) : undefined;
      if (settings) {
        const before = ctx.opens.size + ctx.closes.size;
        for (const [sk, sv] of Object.entries(settings)) walk(sv, `${path}: ${sk}`, sk, depth + 1);
        if (ctx.opens.size + ctx.closes.size > before) v.recognised = true;
      }
      out.commands.push({ ...v, key: k, removed: ctx.removing > 0 });
      return;
    }
    // A short value ("production", "allUsers", "blob"): read its words as part of the action.
    const read = ctx.b.text(path, s);
    if (read) out.commands.push({ ...viewOf(read, ctx.catalogue.vocabulary), key: k, removed: ctx.removing > 0 });
  };

  const walk = (value: unknown, path: string, key: string, depth: number, parent = ''): void => {
    if (++nodes > MAX_NODES || depth > MAX_DEPTH) return;
    // Text read by its cloud shapes (system:masters, IMDS tokens, UPDATE without WHERE) whatever key holds it.
    if (typeof value === 'string' && !PRIOR_KEYS.has(normKey(key))) readCloudText(ctx, value, path);
    // What a change takes away ({revoke: [rule]}, {remove: …}, a plan's "before"): its grants and openings are closed, not opened.
    // The state a plan replaces says nothing about what the change does.
    if (PRIOR_KEYS.has(normKey(key))) {
      ctx.b.consume(path);
      return;
    }
    if (REMOVAL_KEYS.has(normKey(key)) && ctx.removing === 0) {
      ctx.removing++;
      try {
        walk(value, path, `${key}:item`, depth, parent);
      } finally {
        ctx.removing--;
      }
      return;
    }
    // A policy statement's Condition is a test on the request ("aws:MultiFactorAuthPresent": "false" denies
    // when MFA is absent), not a setting: its keys are not read as flags. The statement itself was read whole.
    if (normKey(key) === 'condition' && normKey(parent) === 'statement') {
      ctx.b.consume(path);
      return;
    }
    if (parent && GENERIC_FLAG_KEYS.has(normKey(key)) && readFlag(ctx, parent, value, path)) {
      ctx.b.consume(path);
      return;
    }
    // {flow_logs: {enabled: false}}: a parent no flag reader knows, whose name is a safeguard, switched by its child.
    if (parent && GENERIC_FLAG_KEYS.has(normKey(key)) && flagValue(value) !== undefined) {
      const named = safeguardsNamed(ctx, parent);
      // Backups and versioning are safeguards too ({versioning_configuration: [{status: Enabled}]}, {backup: {enabled: false}}).
      const hazards = named.length > 0 ? named : safeguardsOfKey(ctx, parent).filter((h) => h === 'backups_deleted');
      for (const hazard of hazards) (flagValue(value) === false ? opens(ctx, hazard, `${path} = ${scalarText(value)} (${parent})`) : closes(ctx, hazard));
      if (hazards.length > 0) {
        ctx.b.consume(path);
        return;
      }
    }
    // A bare unit under the setting it belongs to ({Expiration: {Days: 400}}, {retention: {expire_after: "30d"}}) reads with its parent's name.
    if (parent && (typeof value === 'number' || typeof value === 'string') && /^(days|expireafter|maxage|duration)$/.test(normKey(key)) && readGenericSetting(ctx, `${parent}_${key}`, value, path)) {
      ctx.b.consume(path);
      return;
    }
    // A setting written as {name: {value: X}} or {name: {authorized: X}} (Cloudflare zone settings, Azure DevOps
    // pipeline permissions): the parent is the setting, the child only carries its value.
    if (parent && (typeof value === 'string' || typeof value === 'boolean') && /^(value|authorized)$/.test(normKey(key)) && readGenericSetting(ctx, parent.split(' ').at(-1) ?? parent, value, path)) {
      ctx.b.consume(path);
      return;
    }
    if (typeof value === 'string') {
      if (!readFlag(ctx, key, value, path) && !readGenericSetting(ctx, key, value, path)) readString(key, value, path, depth);
      else ctx.b.consume(path);
      return;
    }
    if (typeof value === 'number' || typeof value === 'boolean' || value === null) {
      if (readFlag(ctx, key, value, path) || readGenericSetting(ctx, key, value, path)) ctx.b.consume(path);
      return;
    }
    if (Array.isArray(value)) {
      ctx.b.consume(path);
      if (readFlag(ctx, key, value, path)) return;
      if (normKey(key) === 'auditconfigs') return readAuditConfigs(ctx, value, path);
      // An argument vector (["ec2", "authorize-security-group-ingress", "--port", "22"]) is one command.
      if (normKey(key) === 'args' || normKey(key) === 'argv') {
        const words = value.filter((x): x is string => typeof x === 'string');
        const v = readCommand(ctx, path, words.map((w) => (w.includes(' ') ? `'${w}'` : w)).join(' '));
        if (v) out.commands.push(v);
        return;
      }
      value.slice(0, 200).forEach((item, i) => walk(item, `${path}.${i}`, key, depth + 1));
      return;
    }
    if (!isRecord(value)) return;
    // {everyone: {}}: a rule whose key is its grantee.
    if (Object.keys(value).length === 0 && readGenericSetting(ctx, key, value, path)) {
      ctx.b.consume(path);
      return;
    }
    // Settings written as objects: a hostPath volume or added capabilities, a forwarding setting with its address inside.
    if (readWorkloadFlag(ctx, key, value, path)) {
      ctx.b.consume(path);
      return;
    }
    if (isForwardingKey(normKey(key)) && readFlag(ctx, key, value, path)) ctx.b.consume(path);
    readAuthorizationStrategy(ctx, key, value, path);
    // A grantee written outside a policy statement ({principal: "*"}, {members: ["allUsers"]}); statements are read whole above.
    if (field(value, 'effect') === undefined && field(value, 'statement') === undefined) {
      for (const [k, v] of Object.entries(value)) {
        if (!GRANTEE_KEYS.has(normKey(k))) continue;
        // A grantee may be a name or an object naming it ({Type: Group, URI: …/AllUsers}).
        const named = asArray(v).flatMap((x) => (typeof x === 'string' ? [x] : isRecord(x) ? Object.values(x).filter((y): y is string => typeof y === 'string') : []));
        const exposed = named.filter((x) => x.trim() === '*' || isPublicMember(x));
        if (exposed.length > 0) opens(ctx, 'public_principal', `${path}.${k} = ${exposed.join(', ')}`);
      }
    }
    if (readDelivery(ctx, key, value, path)) ctx.b.consume(path);
    const platform = readCorsObject(ctx, value, path) || readConditionalAccess(ctx, value, path) || readAppConsent(ctx, value, path) || readWorkflow(ctx, value, path);
    if (platform) ctx.parameterChanges.push(path);
    readSettingObject(ctx, value, path);
    readSaasObject(ctx, value, path);
    readCloudObject(ctx, value, path);
    if (readOnPremObject(ctx, value, path)) ctx.parameterChanges.push(path);
    readCmdletObject(value, path);
    // A REST call nested in the arguments ({graph_request: {method, url, body}}) is read like one given at the top.
    const nestedUrl = scalarText(field(value, ...URL_KEYS)?.value);
    const nestedMethod = scalarText(field(value, 'method', 'httpmethod', 'verb')?.value);
    if (nestedUrl !== undefined && nestedMethod !== undefined && nestedUrl.includes('/')) readRestCall(ctx, nestedMethod, nestedUrl, field(value, ...BODY_KEYS)?.value, path);
    const structured = readAuditPolicy(ctx, value, path) || readPolicyDocument(ctx, value, path) || readRoleDefinition(ctx, value, path) || readBinding(ctx, value, path) || readNetworkRule(ctx, value, path) || readPlan(ctx, value, path, planRemovals);
    if (structured) {
      ctx.parameterChanges.push(path);
      ctx.b.consume(path);
    }
    const file = namesFile(value);
    if (file) inFile++;
    try {
    for (const [k, v] of Object.entries(value)) {
      const p = `${path}.${k}`;
      if (normKey(k) === 'auditconfigs') {
        ctx.b.consume(p);
        readAuditConfigs(ctx, v, p);
        continue;
      }
      // A request body is the setting its URL names: PATCH …/identitySecurityDefaultsEnforcementPolicy {isEnabled: false}.
      walk(v, p, k, depth + 1, requestTarget && BODY_KEYS.has(normKey(key)) ? requestTarget : key);
    }
    } finally {
      if (file) inFile--;
    }
  };

  if (field(parameters, 'effect') === undefined && field(parameters, 'statement') === undefined) {
    for (const [k, v] of Object.entries(parameters)) {
      if (!GRANTEE_KEYS.has(normKey(k))) continue;
      const exposed = asArray(v).filter((x): x is string => typeof x === 'string' && (x.trim() === '*' || isPublicMember(x)));
      if (exposed.length > 0) opens(ctx, 'public_principal', `${root}.${k} = ${exposed.join(', ')}`);
    }
  }
  // A REST call ({method, url | path, body}): what it writes is read by the resource its path names.
  const url = scalarText(field(parameters, ...URL_KEYS)?.value);
  if (url !== undefined && url.includes('/')) readRestCall(ctx, scalarText(field(parameters, 'method', 'httpmethod', 'verb')?.value), url, field(parameters, ...BODY_KEYS)?.value, root);
  if (readConditionalAccess(ctx, parameters, root) || readAppConsent(ctx, parameters, root) || readWorkflow(ctx, parameters, root)) ctx.parameterChanges.push(root);
  // The arguments themselves may be the rule, binding or policy ({source_ranges, allowed}, {role, scope}).
  if (readAuditPolicy(ctx, parameters, root) || readPolicyDocument(ctx, parameters, root) || readRoleDefinition(ctx, parameters, root) || readBinding(ctx, parameters, root) || readNetworkRule(ctx, parameters, root) || readPlan(ctx, parameters, root, planRemovals)) {
    ctx.parameterChanges.push(root);
  }
  readSettingObject(ctx, parameters, root);
  readSaasObject(ctx, parameters, root);
  readCloudObject(ctx, parameters, root);
  if (readOnPremObject(ctx, parameters, root)) ctx.parameterChanges.push(root);
  readCmdletObject(parameters, root);
  const rootFile = namesFile(parameters);
  if (rootFile) inFile++;
  for (const [k, v] of Object.entries(parameters)) walk(v, `${root}.${k}`, k, 1);
  if (rootFile) inFile--;
  // Configuration a plan deletes: what it allowed is taken away, a safeguard it held is switched off.
  for (const r of planRemovals.splice(0)) {
    ctx.removing++;
    try {
      walk(r.before, r.path, 'before:item', 1);
    } finally {
      ctx.removing--;
    }
  }
  return out;
}
