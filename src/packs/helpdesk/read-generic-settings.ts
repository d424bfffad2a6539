import { tokenize } from '../reading/text.js';
import { GUARD_OFF } from './read-action-text.js';
import { checks, closes, opens, type ReadContext } from './read-context.js';
import { identifierWords } from './safeguard-names.js';
import { asArray, field, flagValue, isRecord, normKey, scalarText } from './values.js';

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

/** A retention written as a number of days or versions: 0 keeps nothing to go back to. */
function readRetention(ctx: ReadContext, key: string, value: unknown, source: string): boolean {
  const words = keyWords(key);
  if (!words.some((w) => w === 'retention' || w === 'retain' || w === 'retained')) return false;
  const n = typeof value === 'number' ? value : typeof value === 'string' && /^\s*\d{1,6}\s*$/.test(value) ? Number(value) : undefined;
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

/** A key and its scalar value, read by the generic readers in turn; returns whether one read it. */
export function readGenericSetting(ctx: ReadContext, key: string, value: unknown, source: string): boolean {
  if (typeof value === 'string' && value.length > 200) return false;
  return readEveryone(ctx, key, value, source) || readEmptySecret(ctx, key, value, source) || readRetention(ctx, key, value, source) || readSafeguardFlag(ctx, key, value, source);
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
