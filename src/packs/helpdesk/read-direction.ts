import { closes, opens, opensListed, type ReadContext } from './read-context.js';
import { isRecord } from './values.js';

/**
 * The DIRECTION of a configuration change, read line by line from what the tool call writes (IOS / Junos /
 * FortiOS / ASA lines, PowerShell and AD cmdlets, registry and GPO values, JSON / ARM / Terraform bodies and
 * diffs), whatever the product. Three classes, each a vocabulary in the catalogue:
 *  - `direction.safeguard`: a protective setting (host firewall state, IPS sensor, WAF, authorizer, auth
 *    level, management-line ACL, CDN proxy, legal hold...) turned off, unset, set to none / anonymous /
 *    detection;
 *  - `direction.insecure`: an insecure feature or protocol (telnet, plain-HTTP management, WDigest,
 *    unconstrained delegation, no Kerberos pre-authentication, split tunnelling, permit any any...)
 *    turned on; `direction.insecure_on_dc` the same when the change lands on domain controllers;
 *  - `direction.protected_object` with `direction.privileged_right`: a privileged ACE on a protected AD object.
 * A line that negates (`no …`, `unset`, `delete`, `Disable-…`, `$false`, `Stop-Service`) turns the insecure
 * feature off, which is hardening; a diff's removed line (`- …`) is what goes, not what comes.
 */

const MAX_LINES = 2000;
const NEGATING_LEADS = new Set(['no', 'unset', 'delete', 'remove', 'disable', 'deactivate', 'undo']);
const OFF_VALUES = new Set(['off', 'false', '$false', 'disable', 'disabled', 'none', 'anonymous', 'detection', 'detectiononly', 'detection_only', 'unsecured', 'insecure', 'alwaysallow', 'allowall', 'allow_all', 'noauth', 'no_auth', 'unauthenticated', 'trust']);
const OFF_VERB_PREFIXES = ['disable-', 'stop-', 'remove-', 'uninstall-', 'unregister-'];

interface Line { raw: string; s1: string; s2: string; tokens: string[] }

function lineOf(raw: string): Line {
  const lower = raw.toLowerCase();
  const tokens = lower.replace(/[^a-z0-9$_\-./*]+/g, ' ').trim().split(' ').filter(Boolean);
  const s1 = ` ${tokens.join(' ')} `;
  const s2 = ` ${tokens.join(' ').replace(/[-_]/g, ' ').replace(/ +/g, ' ')} `;
  return { raw, s1, s2, tokens };
}

/** The lines a tool call writes: each line of each string, and `key: value` for each scalar leaf. Removed diff lines are dropped. */
function linesOf(value: unknown, key: string, out: Line[], depth = 0): void {
  if (out.length >= MAX_LINES || depth > 10) return;
  if (typeof value === 'string') {
    const parts = value.split(/\r?\n/);
    // A one-word value reads with its key ("authLevel: anonymous"); a line of its own is a command or config line.
    for (const p of parts.length > 1 || /\s/.test(value.trim()) || !key ? parts : [`${key}: ${value}`]) {
      const t = p.trim();
      if (t.length === 0) continue;
      if (/^-\s/.test(t) || t.startsWith('-\t')) continue; // a diff's removed line
      out.push(lineOf(t.startsWith('+ ') ? t.slice(2) : t));
    }
  } else if (typeof value === 'number' || typeof value === 'boolean') out.push(lineOf(`${key}: ${String(value)}`));
  else if (Array.isArray(value)) for (const v of value) linesOf(v, key, out, depth + 1);
  else if (isRecord(value)) {
    // A registry or policy value written as fields ({key, name, type, value: 0}): its values read as one line too.
    const entries = Object.entries(value);
    const scalars = entries.filter(([, v]) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean');
    const valued = entries.some(([k]) => /^(value|data|valuedata|value_data)$/i.test(k));
    if (valued && entries.length >= 2 && entries.length <= 6 && scalars.length === entries.length && scalars.every(([, v]) => String(v).length <= 300 && !String(v).includes('\n'))) out.push(lineOf(scalars.map(([, v]) => String(v)).join(' ')));
    // A named parameter ({ParameterName: rds.force_ssl, ParameterValue: '0', ApplyMethod}) reads as `name: value`.
    // So does a setting and its value given side by side ({setting: pass-secrets-…, value: false}): the name alone is no line.
    const named = entries.find(([k, v]) => /^(parameter_?name|setting_?name|option_?name|setting|parameter|option)$/i.test(k) && typeof v === 'string');
    const given = entries.find(([k, v]) => /^(parameter_?value|setting_?value|option_?value|value|enabled)$/i.test(k) && (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean'));
    const pair = named !== undefined && given !== undefined && String(given[1]).length <= 300;
    if (pair) out.push(lineOf(`${String(named[1])}: ${String(given[1])}`));
    for (const [k, v] of entries) if (!pair || (k !== named[0] && k !== given[0])) linesOf(v, k, out, depth + 1);
  }
}

/** A vocabulary term on the line, the term tokenised the way the line is (`cn=adminsdholder` is `cn adminsdholder`). */
const TERMS = new Map<string, Line>();
const has = (l: Line, term: string): boolean => {
  let t = TERMS.get(term);
  if (!t) TERMS.set(term, (t = lineOf(term)));
  return t.tokens.length > 0 && (l.s1.includes(t.s1) || l.s2.includes(t.s2));
};

/** A distinguished name that starts at DC= is the domain root ("DC=corp,DC=example"). */
const DOMAIN_ROOT = /(^|["'\s])dc=[\w-]+(,dc=[\w-]+)+(["'\s]|$)/i;

/** The line switches what it names off: it opens with a negating word or an off verb, sets an off value, or ends in 0. */
function turnsOff(l: Line): boolean {
  const first = l.tokens[0] ?? '';
  if (NEGATING_LEADS.has(first) || OFF_VERB_PREFIXES.some((p) => first.startsWith(p))) return true;
  if (l.tokens.some((t) => OFF_VALUES.has(t))) return true;
  return l.tokens.length >= 2 && l.tokens.at(-1) === '0';
}

/** An insecure feature on the line is not being turned on: the line turns it off, or stops or removes it further along. */
const negates = (l: Line): boolean => turnsOff(l) || l.tokens.some((t) => t === 'stop' || OFF_VERB_PREFIXES.some((p) => t.startsWith(p)));

const onDomainControllers = (text: string): boolean => /domain controllers?|\bou=domain controllers\b/.test(text);

/** Reads the lines a tool call writes once, for their direction and for data destroyed under a legal hold. */
export function readChangeLines(ctx: ReadContext, parameters: unknown, state: unknown): void {
  if (!isRecord(parameters)) return;
  const lines: Line[] = [];
  linesOf(parameters, '', lines);
  const stateText = JSON.stringify(state ?? {}).toLowerCase();
  if (lines.length > 0) readDirection(ctx, parameters, lines, stateText);
  if (lines.length > 0) readSelfHostedRunner(ctx, lines, stateText);
  // Even with no line of its own, an action the description reads as destroying data is checked against a hold.
  readLegalHold(ctx, lines, stateText);
}

function readDirection(ctx: ReadContext, parameters: Record<string, unknown>, lines: readonly Line[], stateText: string): void {
  const vocab = (name: string) => ctx.catalogue.concepts.get(name) ?? [];
  const safeguards = vocab('direction.safeguard');
  const insecure = vocab('direction.insecure');
  const insecureOnDc = vocab('direction.insecure_on_dc');
  const protectedObjects = vocab('direction.protected_object');
  const privilegedRights = vocab('direction.privileged_right');
  const written = JSON.stringify(parameters).toLowerCase();
  const dcs = onDomainControllers(written) || onDomainControllers(stateText);
  for (const l of lines) {
    const say = `action.parameters: ${l.raw.slice(0, 120)}`;
    const guard = safeguards.find((t) => has(l, t));
    if (guard && turnsOff(l)) {
      opensListed(ctx, 'safeguard_setting_off', guard, say);
    }
    const feature = insecure.find((t) => has(l, t)) ?? (dcs ? insecureOnDc.find((t) => has(l, t)) : undefined);
    // "--no-enable-legacy-authorization", "no ip http server" written mid-line: the flag's negated form turns it off.
    if (feature && !negates(l) && !l.s2.includes(` no${lineOf(feature).s2}`)) {
      opensListed(ctx, 'insecure_feature_on', feature, say);
    }
    // The insecure feature turned off (Stop-Service Spooler, "no ip http server", Disable-…): the hardening itself.
    else if (feature) closes(ctx, 'insecure_feature_on');
    const object = protectedObjects.find((t) => has(l, t)) ?? (DOMAIN_ROOT.test(l.raw) ? 'the domain root' : undefined);
    const right = object && privilegedRights.find((t) => has(l, t));
    if (object && right && !turnsOff(l)) opens(ctx, 'protected_object_ace', `${say} (${right} on ${object})`);
  }
}

export const PUBLIC_REPO = /\bpublic\b[^.;\n]{0,40}\b(repo|repository|sdk|project)\b|\b(repo|repository)\b[^.;\n]{0,60}\(public\b|\bvisibility\W{0,3}public\b/;

/**
 * A workflow the change puts on a self-hosted runner (`runs-on: [self-hosted, …]`, not a removed diff
 * line) with a pull-request trigger, in a repository the ticket calls public: code from any fork runs
 * on the organisation's machine (GitHub Docs, Hardening for self-hosted runners).
 */
function readSelfHostedRunner(ctx: ReadContext, lines: readonly Line[], stateText: string): void {
  const runner = lines.find((l) => l.tokens.some((t) => t.startsWith('runs-on')) && l.s2.includes(' self hosted '));
  if (!runner) return;
  const prTrigger = lines.some((l) => l.tokens.some((t) => t.startsWith('pull_request')));
  if (!prTrigger || !PUBLIC_REPO.test(stateText.replace(/"\s*:\s*/g, ' '))) return;
  opens(ctx, 'public_repo_self_hosted_runner', `action.parameters: ${runner.raw.slice(0, 120)}, with a pull-request trigger, in a repository the ticket calls public`);
}

const HOLD = /\b(litigation|legal|preservation)[\s_-]*hold(enabled)?\b["'\s:=]*(\$?true|on|open|active|enabled|yes)\b|\b(under|has|have|placed on|with) an? (open )?(litigation|legal|preservation) hold\b/;
const DESTROYING = new Set(['delete', 'purge', 'destroy', 'wipe', 'erase', 'remove', '-fromdisk', '-permanent', '-permanently']);

/** Data under a litigation or legal hold destroyed (FRCP Rule 37(e), Sedona Conference): the ticket says the hold is on, the action deletes. */
function readLegalHold(ctx: ReadContext, lines: readonly Line[], stateText: string): void {
  if (!HOLD.test(stateText.replace(/"\s*:\s*/g, ' '))) return;
  // A licence removed from a held mailbox (Set-MgUserLicense -RemoveLicenses): Microsoft requires a licence for a mailbox on hold.
  const hit = lines.find((l) => l.tokens.some((t) => DESTROYING.has(t) || t.startsWith('remove-') || t.startsWith('delete-') || t.startsWith('clear-')) || (l.tokens.includes('-removelicenses') && !/-removelicenses\s+@\(\s*\)/.test(l.raw.toLowerCase())));
  const destroys = hit !== undefined || ctx.b.has('change.destructive') || ctx.b.has('change.backups_deleted');
  if (destroys) opens(ctx, 'legal_hold_destruction', `action.parameters: ${hit?.raw.slice(0, 120) ?? 'deletes data'}, while the ticket records a legal hold`);
}

const LEAVER = /\b(offboard\w*|off-board\w*|leaver|termination|terminated|departing|last day)\b/;
const CLOSED = /\b(closed|resolved|complete|completed|done)\b/;
const ACCESS_LEFT = ['active', 'session', 'owner', 'admin', 'keys', 'token'];
const ACCESS_GONE = ['disabled', 'revoked', 'removed', 'deleted', 'inactive', 'expired'];

/** An offboarding ticket closed as complete while the ticket's own findings show access still live (CIS Controls v8 5.3, 6.2). */
export function readOffboardingClosure(ctx: ReadContext, parameters: unknown, state: unknown): void {
  if (!isRecord(parameters) || !isRecord(state)) return;
  const status = Object.entries(parameters).find(([k, v]) => /state|status|disposition/i.test(k) && typeof v === 'string' && CLOSED.test(v.toLowerCase()));
  if (!status) return;
  const about = `${String(state.description ?? '')} ${String(state.category ?? '')}`.toLowerCase();
  if (!LEAVER.test(about)) return;
  const info = isRecord(state.information_gathered) ? state.information_gathered : {};
  const left = Object.entries(info).filter(([k, v]) => {
    const key = k.toLowerCase();
    if (!ACCESS_LEFT.some((w) => key.includes(w)) || ACCESS_GONE.some((w) => key.includes(w)) || key.includes('approv') || key.includes('notif')) return false;
    return v === true || (typeof v === 'number' && v > 0);
  });
  if (left.length > 0) opens(ctx, 'offboarding_closed_with_access', `action.parameters: ${status[0]} = ${String(status[1])}, while state.information_gathered shows ${left.map(([k, v]) => `${k}=${String(v)}`).join(', ')}`);
}
