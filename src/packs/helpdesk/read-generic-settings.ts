import { tokenize } from '../reading/text.js';
import { GUARD_OFF } from './read-action-text.js';
import { checks, closes, opens, opensListed, type ReadContext } from './read-context.js';
import { identifierWords } from './safeguard-names.js';
import { asArray, belowTls12, field, flagValue, isRecord, normKey, scalarText, tlsAtLeast12 } from './values.js';

/**
 * Settings no specific reader knows, read by what their key says and what their value is, the way an
 * administrator reads an unfamiliar console: a key whose words name a safeguard, switched on or off
 * ("PointInTimeRecoveryEnabled": true, "tamper_protection": "off"); an audience of everyone
 * ("allowInvitesFrom": "everyone", {"include": [{"everyone": {}}]}); a password or PIN set to nothing; a
 * retention cut to zero. Each returns whether it read the setting, so the caller does not read it twice.
 */

/** Words in a key that turn its flag around: "skip_tls_verify: true" switches the check off. */
const INVERTING = new Set(['disable', 'disabled', 'skip', 'bypass', 'exempt', 'ignore', 'suppress', 'waive', 'no', 'without', 'insecure', 'allowinsecure', 'optout']);
/** Words that only say "this is a flag" ("is", "enabled"): dropped before the key's safeguard is named. */
const FLAG_WORDS = new Set(['is', 'enabled', 'enable', 'on', 'status', 'state', 'setting', 'flag', 'mode', 'required', 'require', 'enforced', 'enforce', 'active', 'turned', 'use', 'set']);
/** Safeguards the parameters may switch, beyond the switched-off hazards of the text reader: backups and recovery points. */
const KEY_GUARDS: Readonly<Record<string, string>> = { ...GUARD_OFF, 'guard.backup': 'backups_deleted' };

/** Grantees that admit anyone ("everyone", "anonymous", "allUsers"): as a value, or as the key of a rule ({everyone: {}}). */
// Not "all users": as a value ("scope: all users") it names the organisation's own accounts (GCP's allUsers is read as a grantee elsewhere).
const EVERYONE = new Set(['everyone', 'anyone', 'anonymous', 'anyonewithlink', 'anyonewiththelink', 'anybody']);
/** Keys that say whom a change applies to, not whom it lets in ("scope: everyone" turns a setting on for every account). */
const SCOPE_KEY_WORDS = ['scope', 'target', 'targets', 'apply', 'applies', 'assigned', 'assignment', 'for'];
/** Keys (and the keys above them) under which a grantee is shut out, not let in. */
const CLOSING_KEY_WORDS = ['deny', 'exclude', 'block', 'remove', 'revoke', 'except', 'blocked', 'denied', 'excluded', 'disallow', 'forbid'];

/** Keys that hold a password, PIN or passphrase. */
const SECRET_KEY_ENDINGS = ['password', 'passwd', 'pwd', 'pin', 'passcode', 'passphrase', 'adminsecret'];

function keyWords(key: string): string[] {
  return identifierWords(key).toLowerCase().split(' ').filter(Boolean);
}

/** The safeguards the key names, once its flag words are dropped; and whether its own words invert the flag. */
function keySafeguards(ctx: ReadContext, key: string): { hazards: string[]; inverted: boolean } {
  const words = keyWords(key);
  const inverted = words.some((w) => INVERTING.has(w));
  const named = words.filter((w) => !FLAG_WORDS.has(w) && !INVERTING.has(w));
  if (named.length === 0 || named.length > 8) return { hazards: [], inverted };
  const matches = ctx.catalogue.vocabulary.match(tokenize(named.join(' ')), []);
  // A safeguard named inside the longer name of something else ("basic auth", "firewall rules") is that other thing.
  const other = matches.filter((m) => !m.concept.startsWith('guard.') && m.concept !== 'general' && !m.concept.startsWith('op.'));
  const hazards: string[] = [];
  for (const m of matches) {
    const hazard = KEY_GUARDS[m.concept];
    if (!hazard || hazards.includes(hazard)) continue;
    if (other.some((o) => o.first <= m.first && o.last >= m.last && o.last - o.first > m.last - m.first)) continue;
    hazards.push(hazard);
  }
  return { hazards, inverted };
}

/** The safeguards a parent key names ({versioning_configuration: {status: Enabled}}), backups and recovery points included. */
export function safeguardsOfKey(ctx: ReadContext, key: string): string[] {
  return keySafeguards(ctx, key).hazards;
}

/** A key whose words name a safeguard, with a flag value: switched on closes its hazard, switched off opens it. */
function readSafeguardFlag(ctx: ReadContext, key: string, value: unknown, source: string): boolean {
  const flag = flagValue(typeof value === 'string' && value.trim().startsWith('$') ? value.trim().slice(1) : value);
  if (flag === undefined) return false;
  const { hazards, inverted } = keySafeguards(ctx, key);
  if (hazards.length === 0) return false;
  const on = inverted ? !flag : flag;
  for (const hazard of hazards) (on ? closes(ctx, hazard) : opens(ctx, hazard, `${source} = ${scalarText(value)} (${identifierWords(key)} ${on ? 'on' : 'off'})`));
  return true;
}

/** Whether the path above a value says its grantees are shut out ("exclude", "deny", "blocked_senders"). */
function closingPath(path: string): boolean {
  const words = path.split('.').flatMap((seg) => keyWords(seg));
  return words.some((w) => CLOSING_KEY_WORDS.includes(w));
}

/** A grantee of everyone: "allowInvitesFrom": "everyone", "visibility": "anyone", or {"everyone": {}} in an include list. */
function readEveryone(ctx: ReadContext, key: string, value: unknown, source: string): boolean {
  if (closingPath(source)) return false;
  const text = scalarText(value);
  if (text !== undefined && text.length <= 40 && EVERYONE.has(normKey(text)) && !keyWords(key).some((w) => SCOPE_KEY_WORDS.includes(w))) {
    opens(ctx, 'open_to_everyone', `${source} = ${text}`);
    return true;
  }
  const words = keyWords(key);
  const named = EVERYONE.has(normKey(key)) || words.some((w) => EVERYONE.has(w));
  if (!named) return false;
  const flag = flagValue(value);
  // {everyone: {}} (a rule that admits everyone) or "allow.everyone.if.no.acl.found": true.
  if (flag === true || (isRecord(value) && Object.keys(value).length === 0) || (flag === undefined && !isRecord(value) && !Array.isArray(value) && text === '')) {
    opens(ctx, 'open_to_everyone', `${source}${flag === true ? ' = true' : ''}`);
    return true;
  }
  if (flag === false) {
    closes(ctx, 'open_to_everyone');
    return true;
  }
  return false;
}

/** A password, PIN or passphrase set to the empty string: whoever reaches the device or service is let in. */
function readEmptySecret(ctx: ReadContext, key: string, value: unknown, source: string): boolean {
  if (value !== '') return false;
  const k = normKey(key);
  if (!SECRET_KEY_ENDINGS.some((e) => k.endsWith(e))) return false;
  opens(ctx, 'unauthenticated_access', `${source} = "" (no ${identifierWords(key)})`);
  return true;
}

/** "30", "730", "7y", "400d", "12 months": a count, or a duration in days; undefined when it is neither. */
function durationDays(text: string): number | undefined {
  const m = /^\s*(\d{1,6})\s*(d|days?|w|weeks?|mo|months?|y|yr|years?)?\s*$/i.exec(text);
  if (!m) return undefined;
  const n = Number(m[1]);
  const unit = (m[2] ?? '').toLowerCase();
  return unit.startsWith('y') ? n * 365 : unit.startsWith('mo') ? n * 30 : unit.startsWith('w') ? n * 7 : n;
}

/**
 * A lifecycle rule's expiry ("DeleteAfterDays": 35, "Expiration": {"Days": 400}, "expire_after": "30d"): objects or
 * recovery points are kept that long, then removed by the rule. A month or more is a retention set by policy (AWS
 * Backup lifecycle; Amazon S3 lifecycle expiration; CIS Controls v8 8.10, retain audit logs); a rule that expires only
 * untagged container images removes no image a tag refers to (Amazon ECR lifecycle policies).
 */
function readExpiry(ctx: ReadContext, key: string, value: unknown, source: string): boolean {
  const words = keyWords(key);
  if (normKey(key) === 'tagstatus' && settingText(value) === 'untagged') {
    checks(ctx, 'retention_set', `${source} = untagged (only images no tag refers to expire)`);
    return true;
  }
  const expiring = words.some((w) => w === 'expire' || w === 'expiration' || w === 'expiry' || w === 'delete');
  if (!expiring || !words.some((w) => w === 'after' || w === 'days' || w === 'day')) return false;
  const n = typeof value === 'number' ? value : typeof value === 'string' ? durationDays(value) : undefined;
  if (n === undefined || n < 30) return false;
  checks(ctx, 'retention_set', `${source} = ${scalarText(value)} (kept ${n} days, then expired by the rule)`);
  return true;
}

/** A retention written as a number of days or versions: 0 keeps nothing to go back to. */
function readRetention(ctx: ReadContext, key: string, value: unknown, source: string): boolean {
  const words = keyWords(key);
  if (!words.some((w) => w === 'retention' || w === 'retain' || w === 'retained')) return readExpiry(ctx, key, value, source);
  const n = typeof value === 'number' ? value : typeof value === 'string' ? durationDays(value) : undefined;
  if (n === undefined) return false;
  const logs = words.some((w) => w === 'log' || w === 'logs' || w === 'audit' || w === 'trail');
  const days = words.includes('days') || words.includes('day') || (!words.includes('hours') && !words.includes('versions') && !words.includes('count'));
  if (logs && days) {
    ctx.b.set('change.log_retention_days', n, `${source} = ${n}`);
    return true;
  }
  if (n === 0) opens(ctx, 'backups_deleted', `${source} = 0 (nothing retained to recover from)`);
  else checks(ctx, 'retention_set', `${source} = ${n}`);
  return true;
}

/** A scalar as lower-case text, PowerShell's `$` dropped ("$true" → "true"); undefined when it is no scalar. */
function settingText(value: unknown): string | undefined {
  const t = scalarText(value)?.trim().toLowerCase();
  return t === undefined ? undefined : t.startsWith('$') ? t.slice(1) : t;
}

const isOn = (t: string) => flagValue(t);
const AUTHORIZER_TYPES = new Set(['awsiam', 'cognitouserpools', 'custom', 'jwt']);
const atLeast = (n: number) => (t: string) => (/^\d{1,6}$/.test(t) ? Number(t) >= n : undefined);

/**
 * Settings whose protective value each benchmark names, by key: the value that closes the hazard (`true`), the one that
 * opens it (`false`), or neither (`undefined`). A key many products share is read the same way in a CLI flag
 * ("--min-tls-version TLS1_2"), a PowerShell switch ("-AccountNotDelegated $true") or a body field.
 */
const invert = (f: (t: string) => boolean | undefined) => (t: string) => {
  const v = f(t);
  return v === undefined ? undefined : !v;
};

const PROTECTIVE: Readonly<Record<string, { value: (t: string) => boolean | undefined; hazard: string; what?: string }>> = {
  // Minimum TLS 1.2 (Checkov CKV_AZURE_44; Azure Policy, storage accounts should have the minimum TLS version 1.2).
  ...Object.fromEntries(['mintlsversion', 'minimumtlsversion', 'minimaltlsversion', 'tlsminimumversion', 'minimumprotocolversion', 'sslminimumversion', 'mintls', 'tlsversion'].map((k) => [k, { value: (t: string) => (belowTls12(t) ? false : tlsAtLeast12(t) ? true : undefined), hazard: 'encryption_off' }])),
  // A load balancer or CDN security policy that negotiates TLS 1.2 or later only (Elastic Load Balancing security
  // policies ELBSecurityPolicy-TLS13-1-2-*, -TLS-1-2-*, -FS-1-2-*; AWS Security Hub ELB.17).
  ...Object.fromEntries(['sslpolicy', 'securitypolicy', 'tlspolicy'].map((k) => [k, { value: (t: string) => (/tls13|tls-1-2|fs-1-2|tls12|tlsv1\.2/.test(t) ? true : undefined), hazard: 'encryption_off' }])),
  // "Account is sensitive and cannot be delegated" (Microsoft Learn, Protected Users and privileged account guidance;
  // CIS Microsoft Windows Server Benchmark 2.2.x): the account's tickets cannot be reused by a delegated service.
  accountnotdelegated: { value: isOn, hazard: 'insecure_feature_on', what: 'account delegable (not "sensitive and cannot be delegated")' },
  // Restricted Content Discovery keeps a site out of organisation-wide search and Copilot (Microsoft Learn, SharePoint
  // Advanced Management, Restrict discovery of SharePoint sites and content).
  restrictcontentorgwidesearch: { value: isOn, hazard: 'open_to_everyone' },
  // OS Login ties SSH access to IAM instead of metadata keys (CIS Google Cloud Platform Foundation Benchmark 4.4).
  enableoslogin: { value: isOn, hazard: 'project_wide_ssh_key' },
  // Backup vault soft delete and immutability (Microsoft Learn, Azure Backup enhanced soft delete, always-on; Veeam
  // hardened repository immutability; CISA #StopRansomware Guide, keep immutable offline backups).
  softdeletestate: { value: (t) => (/^(alwayson|on|enable|enabled)$/.test(normKey(t)) ? true : /^(off|disable|disabled)$/.test(normKey(t)) ? false : undefined), hazard: 'deletion_protection_off' },
  enablebackupimmutability: { value: isOn, hazard: 'deletion_protection_off' },
  immutabilityenabled: { value: isOn, hazard: 'deletion_protection_off' },
  // Azure resource locks (Microsoft Learn, Lock your resources to protect your infrastructure): CanNotDelete and ReadOnly.
  locktype: { value: (t) => (/^(cannotdelete|readonly)$/.test(normKey(t)) ? true : undefined), hazard: 'deletion_protection_off' },
  // IMDSv2: instance metadata answered only with a session token (Checkov CKV_AWS_79, Security Hub EC2.8).
  httptokens: { value: (t) => (t === 'required' ? true : t === 'optional' ? false : undefined), hazard: 'insecure_feature_on', what: 'IMDSv1 (HttpTokens optional)' },
  // Intune compliance: jailbroken or rooted devices blocked (Microsoft Graph iosCompliancePolicy securityBlockJailbrokenDevices;
  // CIS Microsoft Intune for iOS benchmark, jailbroken devices marked not compliant).
  securityblockjailbrokendevices: { value: isOn, hazard: 'endpoint_control_off' },
  // WinRM Basic authentication and unencrypted traffic (CIS Microsoft Windows Benchmarks 18.10.89.x: both Disabled for the
  // WinRM client and service), by Group Policy display name and by registry value.
  winrmserviceallowbasicauthentication: { value: invert(isOn), hazard: 'legacy_auth_on' },
  winrmclientallowbasicauthentication: { value: invert(isOn), hazard: 'legacy_auth_on' },
  winrmserviceallowunencryptedtraffic: { value: invert(isOn), hazard: 'encryption_off' },
  winrmclientallowunencryptedtraffic: { value: invert(isOn), hazard: 'encryption_off' },
  allowunencryptedtraffic: { value: invert(isOn), hazard: 'encryption_off' },
  // Attachment Manager: "Do not preserve zone information in file attachments" Enabled strips the Mark of the Web, so
  // Office and SmartScreen no longer treat downloads as from the internet (CIS Microsoft Windows 11 Benchmark 19.7.4.1: Disabled).
  donotpreservezoneinformationinfileattachments: { value: invert(isOn), hazard: 'endpoint_control_off' },
  // Dynamic updates on an AD-integrated zone: secure only (Microsoft Learn, DNS dynamic update; CIS Windows Server DNS guidance).
  dynamicupdate: { value: (t) => (normKey(t) === 'secure' || normKey(t) === 'none' ? true : normKey(t) === 'nonsecureandsecure' || normKey(t) === 'nonsecure' ? false : undefined), hazard: 'insecure_feature_on', what: 'nonsecure dynamic DNS updates' },
  // Cloudflare SSL/TLS encryption mode: Flexible or Off sends visitors' traffic to the origin over plain HTTP
  // (Cloudflare docs, Encryption modes: use Full (strict)).
  ssl: { value: (t) => (/^(full|strict|fullstrict|origin_pull)$/.test(normKey(t)) ? true : /^(flexible|off)$/.test(normKey(t)) ? false : undefined), hazard: 'encryption_off' },
  // A service connection authorised for every pipeline of the project (Azure DevOps, Service connections: restrict to
  // the pipelines that need it; pipeline permissions and approvals and checks).
  allpipelines: { value: invert(isOn), hazard: 'open_to_everyone' },
  // GitHub organisation policy: members may fork private repositories to their own accounts (GitHub Docs, Managing the
  // forking policy for your organization).
  memberscanforkprivaterepositories: { value: invert(isOn), hazard: 'external_sharing' },
  // A share link that requires sign-in reaches only the named people (Microsoft Graph driveItem invite, requireSignIn).
  requiresignin: { value: isOn, hazard: 'external_sharing' },
  // Guests on a Wi-Fi network kept off the LAN (Cisco Meraki, SSID firewall: deny local LAN access).
  allowlanaccess: { value: invert(isOn), hazard: 'world_open' },
  // Branch protection (GitHub Docs, About protected branches; Checkov CKV_GIT_5 pull requests require approvals).
  enforceadmins: { value: isOn, hazard: 'branch_protection_off' },
  requirecodeownerreviews: { value: isOn, hazard: 'branch_protection_off' },
  dismissstalereviews: { value: isOn, hazard: 'branch_protection_off' },
  requiredapprovingreviewcount: { value: atLeast(1), hazard: 'branch_protection_off' },
  allowsforcepushes: { value: invert(isOn), hazard: 'branch_protection_off' },
  // MongoDB access control (MongoDB Security Checklist, enable access control: security.authorization enabled).
  // An API Gateway method's authorization NONE lets anyone call it; a named authorizer type makes callers authenticate
  // (Checkov CKV_AWS_59; Amazon API Gateway, control access to a REST API).
  authorization: { value: (t) => (t === 'enabled' || AUTHORIZER_TYPES.has(normKey(t)) ? true : t === 'disabled' || t === 'none' ? false : undefined), hazard: 'unauthenticated_access' },
};

/** A setting of the PROTECTIVE table: its protective value closes the hazard, its weak value opens it. */
function readProtective(ctx: ReadContext, key: string, value: unknown, source: string): boolean {
  const rule = PROTECTIVE[normKey(key)];
  const text = settingText(value);
  if (!rule || text === undefined || text.length > 120) return false;
  const verdict = rule.value(text);
  if (verdict === undefined) return false;
  if (verdict) closes(ctx, rule.hazard);
  else if (LIST_FACTS.has(rule.hazard)) opensListed(ctx, rule.hazard, rule.what ?? identifierWords(key), `${source} = ${text}`);
  else opens(ctx, rule.hazard, `${source} = ${text} (${identifierWords(key)})`);
  return true;
}

/** Facts the catalogue reads as lists of what was found, not as flags. */
const LIST_FACTS = new Set(['insecure_feature_on', 'safeguard_setting_off', 'baseline_weakened']);

/**
 * An authorization strategy written as an object whose one key names it (Jenkins configuration as code:
 * `authorizationStrategy: {unsecured: {}}`, `{loggedInUsersCanDoAnything: {allowAnonymousRead: true}}`,
 * `{projectMatrix: {entries: [...]}}`). Jenkins documents "Anyone can do anything" as no security at all and anonymous
 * read as public; a permission matrix or role strategy whose entries name no anonymous user grants by named group
 * (Jenkins Handbook, Access Control; Matrix Authorization Strategy plugin).
 */
export function readAuthorizationStrategy(ctx: ReadContext, key: string, value: unknown, source: string): boolean {
  if (normKey(key) !== 'authorizationstrategy' || !isRecord(value)) return false;
  const [kind, body] = Object.entries(value)[0] ?? [];
  const k = normKey(kind ?? '');
  if (!k) return false;
  const text = JSON.stringify(body ?? {}).toLowerCase().slice(0, 20_000);
  if (k === 'unsecured' || k === 'anyonecandoanything') opens(ctx, 'authorization_off', `${source}: ${kind} (anyone can do anything)`);
  else if (/"allowanonymousread"\s*:\s*true/.test(text) || /"(user|name)"\s*:\s*"anonymous"|anonymous:/.test(text)) opens(ctx, 'open_to_everyone', `${source}: ${kind} with anonymous access`);
  else if (k.endsWith('matrix') || k.includes('rolebased') || k === 'rolestrategy') checks(ctx, 'grant_scoped', `${source}: ${kind} (permissions by named group, no anonymous entry)`);
  else return false;
  return true;
}

/** Keys that only switch their parent ({clusterLogging: [{types: [...], enabled: true}]}). */
const SWITCH_KEYS = new Set(['enabled', 'enable', 'isenabled', 'status', 'state']);

/**
 * A JSON setting written inside a command's flag (`--logging '{"clusterLogging":[{"enabled":true}]}'`): its keys are read
 * by the generic readers, and a switch key by the safeguard its parent names. Bounded in depth and size.
 */
export function readSettingTree(ctx: ReadContext, value: unknown, source: string, parent = '', depth = 0, budget = { n: 0 }): void {
  if (depth > 6 || ++budget.n > 200) return;
  if (Array.isArray(value)) {
    for (const v of value.slice(0, 50)) readSettingTree(ctx, v, source, parent, depth + 1, budget);
    return;
  }
  if (!isRecord(value)) return;
  for (const [k, v] of Object.entries(value).slice(0, 50)) {
    if (isRecord(v) || Array.isArray(v)) {
      readSettingTree(ctx, v, `${source}.${k}`, k, depth + 1, budget);
      continue;
    }
    const flag = flagValue(v);
    if (parent && SWITCH_KEYS.has(normKey(k)) && flag !== undefined) {
      for (const hazard of keySafeguards(ctx, parent).hazards) (flag ? closes(ctx, hazard) : opens(ctx, hazard, `${source}.${k} = ${String(v)} (${identifierWords(parent)} off)`));
      continue;
    }
    readGenericSetting(ctx, k, v, `${source}.${k}`);
  }
}

/**
 * A command flag and its value. A PowerShell switch ("-ProtectedFromAccidentalDeletion:$false") is read only by the
 * protective-settings table here: the on-premises readers know when clearing one is part of a bounded operation.
 */
export function readFlagSetting(ctx: ReadContext, key: string, value: string, source: string): boolean {
  if (value.trim().startsWith('$')) return readProtective(ctx, key, value, source);
  return readGenericSetting(ctx, key, value, source);
}

/** A key and its scalar value, read by the generic readers in turn; returns whether one read it. */
export function readGenericSetting(ctx: ReadContext, key: string, value: unknown, source: string): boolean {
  if (typeof value === 'string' && value.length > 200) return false;
  return readProtective(ctx, key, value, source) || readEveryone(ctx, key, value, source) || readEmptySecret(ctx, key, value, source) || readRetention(ctx, key, value, source) || readSafeguardFlag(ctx, key, value, source);
}

/**
 * A Kubernetes audit policy (audit.k8s.io Policy): rules are matched in order and the first match sets the level, so
 * a first rule at level None with no selector (users, verbs, resources, namespaces) records nothing at all.
 */
export function readAuditPolicy(ctx: ReadContext, value: Record<string, unknown>, source: string): boolean {
  const api = scalarText(field(value, 'apiversion')?.value)?.toLowerCase();
  if (!api?.startsWith('audit.k8s.io') || normKey(scalarText(field(value, 'kind')?.value) ?? '') !== 'policy') return false;
  const rules = asArray(field(value, 'rules')?.value).filter(isRecord);
  const selectors = ['users', 'usergroups', 'verbs', 'resources', 'namespaces', 'nonresourceurls'];
  const first = rules[0];
  if (first === undefined) {
    opens(ctx, 'audit_logging_off', `${source}: an audit policy with no rules records nothing`);
    return true;
  }
  const level = normKey(scalarText(field(first, 'level')?.value) ?? '');
  const selective = Object.keys(first).some((k) => selectors.includes(normKey(k)));
  if (level === 'none' && !selective) opens(ctx, 'audit_logging_off', `${source}.rules.0: level None for every request`);
  else checks(ctx, 'audit_policy_scoped', `${source}: first rule ${level || 'unknown level'}${selective ? ' for named requests' : ''}`);
  return true;
}

/**
 * Live secrets by their issuers' published prefixes (GitHub, GitLab, Slack, Stripe, HashiCorp Vault, Google API keys, npm)
 * and PEM private keys: the shapes secret scanners look for (GitHub secret scanning partner patterns; gitleaks rules).
 * Pasted into a page, a ticket or a message, they are readable by everyone who can read that text.
 */
const SECRET_SHAPE = /(?:^|[^A-Za-z0-9_])(?:hvs\.|hvb\.|ghp_|gho_|ghu_|ghs_|github_pat_|glpat-|xox[abposr]-|sk_live_|rk_live_|AIza|npm_)[A-Za-z0-9_.-]{4,}|-----BEGIN [A-Z ]{0,20}PRIVATE KEY-----/;
/** A browser's certificate warning passed by hand: "Advanced", then "Proceed to <host>" (Chrome and Edge interstitials). */
const PROCEED_TO_HOST = /\bproceed to\s+[a-z0-9-]+(?:\.[a-z0-9-]+)+/i;
const WARNING_CONTEXT = /\badvanced\b|\bcertificate\b|not private|privacy error|\bunsafe\b|security warning/i;

/** What a note, a page or a message the change writes says: a secret pasted into it, or a certificate warning clicked through. */
export function readContentHazards(ctx: ReadContext, text: string, source: string): void {
  const sample = text.length > 20_000 ? text.slice(0, 20_000) : text;
  const secret = SECRET_SHAPE.exec(sample);
  if (secret) opens(ctx, 'credential_exposure', `${source}: a live secret (${secret[0].trim().slice(0, 8)}…) written into the text`);
  if (PROCEED_TO_HOST.test(sample) && WARNING_CONTEXT.test(sample)) opens(ctx, 'tls_verification_off', `${source}: the user is told to click through a certificate warning`);
}
