import type { PhraseMatch, Token } from '../reading/text.js';
import { closes, isExternalAddress, opens, opensListed, opensToWorld, type ReadContext } from './read-context.js';
import { readRoleGrant } from './read-grants.js';
import { glued, isWorldSource, portsIn, type TextView } from './text-helpers.js';

/**
 * What the action's own words do (its description, and the words of its arguments): verbs from the
 * catalogue (`op.*`) paired with the thing they act on (`guard.*` safeguards, `exposure.*`,
 * `obj.*`), clause by clause, with NegEx scopes. "Remove the Block Public Access setting" turns a
 * safeguard off; "remove the public access" takes an exposure away; "do not disable MFA" does
 * nothing. A verb acts on the first thing named after it, up to the next verb of its clause.
 */

/** Verbs that take a safeguard away, verbs that put one back, verbs that close an exposure. */
const OFF_VERBS = new Set(['op.disable', 'op.remove', 'op.destroy']);
const ON_VERBS = new Set(['op.enable', 'op.close']);
const OPENING_VERBS = new Set(['op.grant', 'op.enable', 'op.change']);
const CLOSING_VERBS = new Set(['op.remove', 'op.close', 'op.disable', 'op.destroy']);
const OBJECT_FAMILIES = ['guard.', 'exposure.', 'obj.', 'account.', 'role.', 'admin_port.', 'port.', 'license.key', 'license.seat', 'env.endpoint', 'software.', 'baseline.'];
/** Verbs that let software run (allow, install, unblock) and verbs that stop it. */
const RUN_VERBS = new Set(['op.grant', 'op.enable', 'op.install']);

/** What turning a safeguard off means, by safeguard. */
export const GUARD_OFF: Readonly<Record<string, string>> = {
  'guard.mfa': 'mfa_off',
  'guard.block_public_access': 'block_public_access_off',
  'guard.logging': 'audit_logging_off',
  'guard.monitoring': 'monitoring_off',
  'guard.encryption': 'encryption_off',
  'guard.deletion_protection': 'deletion_protection_off',
  'guard.endpoint': 'endpoint_control_off',
  'guard.authentication': 'unauthenticated_access',
  'guard.kms_key': 'key_deletion',
  'guard.laps': 'laps_off',
};

/** Change verbs that reconfigure a running service ("set" and "configure" alone describe a setting). */
const CHANGE_WORDS = new Set(['change', 'changing', 'modify', 'modifying', 'update', 'updating', 'apply', 'applying', 'replace', 'replacing']);
// Nouns count too: "an MFA bypass", "a logging exemption" are the safeguard switched off for someone.
const OFF_STATES = new Set(['false', 'off', 'disabled', 'optional', 'none', 'bypassed', 'suspended', 'removed', 'deleted', 'stopped', 'paused', 'deletion', 'destroyed', 'destruction', 'bypass', 'bypasses', 'exemption', 'exemptions', 'exception', 'exceptions', 'exclusion', 'exclusions', 'waiver', 'opt-out']);
const ON_STATES = new Set(['true', 'enabled', 'required', 'enforced', 'mandatory', 'restored']);
const STATE_FILLERS = new Set(['to', 'is', 'be', 'set', 'as', 'now', 'are', 'was', 'get', 'gets', 'stays', 'left']);

const isObject = (m: PhraseMatch) => OBJECT_FAMILIES.some((f) => m.concept.startsWith(f));

/** The earliest object of one of `families`; at the same position the family listed first wins. */
function pickObject(objects: readonly PhraseMatch[], families: readonly string[]): PhraseMatch | undefined {
  let best: PhraseMatch | undefined;
  let rank = Infinity;
  for (const o of objects) {
    const r = families.findIndex((f) => o.concept.startsWith(f));
    if (r < 0) continue;
    const longer = best !== undefined && o.first === best.first && o.last > best.last;
    if (!best || o.first < best.first || longer || (o.first === best.first && o.last === best.last && r < rank)) [best, rank] = [o, r];
  }
  return best;
}
const isVerb = (m: PhraseMatch) => m.concept.startsWith('op.');

/** At most this many phrase matches of one clause are related to each other, so a clause with no break in it costs a bounded amount. */
const MAX_CLAUSE_MATCHES = 200;

/** The matches of each clause, in order (relations between matches never cross a clause). */
function clauses(v: TextView): Map<number, PhraseMatch[]> {
  const out = new Map<number, PhraseMatch[]>();
  for (const m of v.matches) {
    let list = out.get(m.clause);
    if (!list) out.set(m.clause, (list = []));
    if (list.length < MAX_CLAUSE_MATCHES) list.push(m);
  }
  return out;
}

/**
 * A verb written inside a longer name or phrase ("block" in "Block Public Access", "requiring" in
 * "stop requiring") is part of it, not a verb of its own.
 */
function insideName(m: PhraseMatch, clause: readonly PhraseMatch[]): boolean {
  return clause.some((o) => o !== m && (isObject(o) || isVerb(o)) && o.first <= m.first && o.last >= m.last && o.last - o.first > m.last - m.first);
}

const JOINERS = new Set(['-', '_', '/', '.']);

/** A one-word match glued by a dot to a following name ("public.orders", "public.example.com"): part of a qualified name. */
function qualifiedName(v: TextView, m: PhraseMatch): boolean {
  if (m.first !== m.last) return false;
  const end = v.tokens[m.last]?.end;
  return end !== undefined && v.text[end] === '.' && /[a-z_"]/i.test(v.text[end + 1] ?? '');
}
const glue = (a: Token | undefined, b: Token | undefined) => a !== undefined && b !== undefined && a.end === b.start;

/** A verb written into a compound name ("customer-uploads", "set-mailbox", "log_export") names a thing, it does not act. */
function inCompound(v: TextView, m: PhraseMatch): boolean {
  const t = v.tokens;
  const before = t[m.first - 1];
  const after = t[m.last + 1];
  return (before !== undefined && JOINERS.has(before.text) && glue(t[m.first - 2], before) && glue(before, t[m.first])) || (after !== undefined && JOINERS.has(after.text) && glue(t[m.last], after) && glue(after, t[m.last + 2]));
}

/** The verbs of a view with the objects each acts on (same clause, before the next verb). */
/** A word written as a command-line flag's name (`gh run delete 2231 --repo o/r`): it names an option, not what the verb acts on. */
function flagName(v: TextView, m: PhraseMatch): boolean {
  const at = v.tokens[m.first].start;
  return v.text[at - 1] === '-' && (at < 2 || v.text[at - 2] === '-' || /\s/.test(v.text[at - 2]));
}

function verbObjects(v: TextView, byClause: Map<number, PhraseMatch[]>): { verb: PhraseMatch; objects: PhraseMatch[] }[] {
  const out: { verb: PhraseMatch; objects: PhraseMatch[] }[] = [];
  for (const clause of byClause.values()) {
    const verbs = clause.filter((m) => isVerb(m) && !m.negated && !insideName(m, clause) && !inCompound(v, m));
    for (const verb of verbs) {
      const next = verbs.find((m) => m.first > verb.last && m.concept !== verb.concept);
      const objects = clause.filter((m) => isObject(m) && !m.negated && !flagName(v, m) && m.first > verb.last && (!next || m.first < next.first) && m.first - verb.last <= 10);
      out.push({ verb, objects });
    }
  }
  return out;
}

/** A state word written right after a safeguard ("MFA set to optional", "mfa_required: false"). */
function stateAfter(v: TextView, m: PhraseMatch): 'off' | 'on' | undefined {
  for (let i = m.last + 1, seen = 0; i < v.tokens.length && seen < 4; i++) {
    const t = v.tokens[i];
    if (t.kind === 'break' || t.clause !== m.clause) return undefined;
    if (t.kind !== 'word') continue;
    seen++;
    if (OFF_STATES.has(t.text)) return 'off';
    if (ON_STATES.has(t.text)) return 'on';
    if (t.text === 'not' && v.tokens[i + 1]?.text === 'required') return 'off';
    if (!STATE_FILLERS.has(t.text) && !(t.text.length <= 3 && t.text !== 'off')) return undefined;
  }
  return undefined;
}

function concept(m: PhraseMatch | undefined, prefix: string): boolean {
  return m !== undefined && m.concept.startsWith(prefix);
}

/** A verb earlier in the same clause than `m`, of one of `verbs`, not negated. */
function verbBefore(byClause: Map<number, PhraseMatch[]>, m: PhraseMatch, verbs: ReadonlySet<string>): PhraseMatch | undefined {
  const clause = byClause.get(m.clause) ?? [];
  return clause.find((x) => verbs.has(x.concept) && !x.negated && x.last < m.first && !insideName(x, clause));
}

/** The "*:*" at raw token i sits inside an ARN ("arn:aws:ssm:*:*:document/…"): a region and account wildcard, not an action. */
function arnSegment(v: TextView, i: number): boolean {
  return v.raw[i - 1]?.text === ':' || v.raw[i + 3]?.text === ':';
}

const STAR_FILLERS = new Set(['to', 'as', 'of', 'be', 'is', 'set']);

/** "Principal": "*" and "Action": "*" written in text: the word, then a lone star within a few tokens. */
function starAfter(v: TextView, word: string): boolean {
  const t = v.raw;
  for (let i = 0; i < t.length; i++) {
    if (t[i].kind !== 'word' || t[i].text !== word) continue;
    for (let j = i + 1; j < t.length && j <= i + 6; j++) {
      if ((t[j].kind === 'word' && !STAR_FILLERS.has(t[j].text)) || t[j].kind === 'number') break;
      if (t[j].text === '*' && t[j + 1]?.text !== ':') return true;
    }
  }
  return false;
}

/** "Update the table's backup settings": a backup named after a verb that changes a setting is the setting, not a backup taken. */
const CHANGING_VERBS = new Set(['op.change']);

export function readActionText(ctx: ReadContext, v: TextView, source: string): void {
  const say = (m: PhraseMatch) => `${source}: "${v.text.slice(v.tokens[m.first].start, v.tokens[m.last].end)}"`;
  const spanSay = (a: PhraseMatch, b: PhraseMatch) => `${source}: "${v.text.slice(v.tokens[a.first].start, v.tokens[b.last].end)}"`;

  const byClause = clauses(v);
  const inClause = (m: PhraseMatch) => byClause.get(m.clause) ?? [];
  const selfService = v.matches.some((m) => m.concept === 'procedure.self_service' && !m.negated);
  const endpoint = v.matches.some((m) => m.concept === 'env.endpoint' && !m.negated);
  const switchedOff = new Set<PhraseMatch>();
  for (const { verb, objects } of verbObjects(v, byClause)) {
    const pick = (...families: string[]) => pickObject(objects, families);
    // "Disable data access audit logs": a safeguard named shortly after a switching-off verb is what it acts on.
    const nearGuard = verb.concept === 'op.disable' ? objects.find((o) => o.concept.startsWith('guard.') && o.first - verb.last <= 5) : undefined;
    const guard = nearGuard ?? pick('guard.', 'obj.data', 'obj.database', 'obj.disposable', 'exposure.', 'obj.network_rule');
    if (OFF_VERBS.has(verb.concept) && concept(guard, 'guard.')) {
      const where = spanSay(verb, guard!);
      switchedOff.add(guard!);
      if (guard!.concept === 'guard.backup') {
        ctx.b.set('change.backup_confirmed', false, where);
        if (verb.concept !== 'op.disable') opens(ctx, 'backups_deleted', where);
      } else if (guard!.concept === 'guard.kms_key') {
        opens(ctx, verb.concept === 'op.disable' ? 'encryption_off' : 'key_deletion', where);
      } else if (GUARD_OFF[guard!.concept]) opens(ctx, GUARD_OFF[guard!.concept], where);
      continue;
    }
    if (ON_VERBS.has(verb.concept) && concept(guard, 'guard.')) {
      if (GUARD_OFF[guard!.concept]) closes(ctx, GUARD_OFF[guard!.concept]);
      continue;
    }
    const target = pick('guard.', 'obj.data', 'obj.database', 'obj.disposable');
    if ((verb.concept === 'op.destroy' || (verb.concept === 'op.remove' && v.tokens[verb.first].text === 'delete')) && (concept(target, 'obj.data') || concept(target, 'obj.database'))) {
      const where = spanSay(verb, target!);
      opens(ctx, 'destructive', where);
      ctx.b.set('change.destroys', v.text.slice(v.tokens[target!.first].start, v.tokens[target!.last].end), where);
      continue;
    }
    // "Install AnyDesk for the vendor", "whitelist ScreenConnect": remote-access software let run (CISA AA23-025A).
    const remote = pick('software.remote_access');
    if (remote && (RUN_VERBS.has(verb.concept) || CLOSING_VERBS.has(verb.concept))) {
      // "Remove the block on it", "disable the blocking rule for it": a block taken away lets the tool run.
      const unblocking = verb.concept === 'op.close' && inClause(verb).some((x) => (x.concept === 'op.remove' || x.concept === 'op.disable') && !x.negated && x.last < verb.first && verb.first - x.last <= 2);
      if (RUN_VERBS.has(verb.concept) || unblocking) opens(ctx, 'remote_access_tool', spanSay(verb, remote), v.text.slice(v.tokens[remote.first].start, v.tokens[remote.last].end));
      else closes(ctx, 'remote_access_tool');
      continue;
    }
    const credential = pick('account.', 'guard.mfa', 'obj.data', 'obj.database');
    // "Unlock the account" changes a credential; "adjust the account settings" does not.
    const resetting = verb.concept === 'op.reset' || (verb.concept === 'op.change' && (credential?.concept === 'account.credential' || credential?.concept === 'account.password'));
    if (resetting && (concept(credential, 'account.') || credential?.concept === 'guard.mfa')) {
      if (!selfService) opens(ctx, 'credential_reset', spanSay(verb, credential!));
      continue;
    }
    const secret = pick('obj.secret', 'license.key', 'license.seat', 'exposure.external');
    if (verb.concept === 'op.disclose' && secret?.concept === 'obj.secret') {
      const toMe = v.tokens[verb.last + 1]?.text === 'me' || v.tokens[verb.last + 1]?.text === 'us';
      if (toMe || inClause(verb).some((m) => m.concept === 'channel.chat' && !m.negated)) opens(ctx, 'credential_exposure', spanSay(verb, secret));
      continue;
    }
    if (verb.concept === 'op.embed' && secret?.concept === 'obj.secret' && inClause(verb).some((m) => m.concept === 'channel.code')) {
      opens(ctx, 'credential_exposure', spanSay(verb, secret));
      continue;
    }
    const external = objects.find((o) => o.concept === 'exposure.external');
    if ((verb.concept === 'op.transfer' || verb.concept === 'op.disclose') && external) {
      const word = v.tokens[verb.first].text;
      // "Stop forwarding to the external address": a switching-off verb right before the transfer ends it.
      if (inClause(verb).some((x) => (OFF_VERBS.has(x.concept) || x.concept === 'op.close') && !x.negated && x.last < verb.first && verb.first - x.last <= 2)) {
        closes(ctx, word.includes('forward') || word.startsWith('redirect') ? 'external_forwarding' : 'external_sharing');
        continue;
      }
      opens(ctx, word.includes('forward') || word.startsWith('redirect') ? 'external_forwarding' : 'external_sharing', spanSay(verb, external));
      continue;
    }
    // "Share the AMI with the DR account": an account named after "with" or "to" is who receives what is shared, not a seat shared.
    const recipient = secret?.concept === 'license.seat' && v.tokens.slice(verb.last + 1, secret.first).some((t) => t.text === 'with' || t.text === 'to' || t.text === 'into');
    if (((verb.concept === 'op.share' || verb.concept === 'op.disclose') && secret?.concept === 'license.key') || (verb.concept === 'op.share' && secret?.concept === 'license.seat' && !recipient)) {
      opens(ctx, 'license_circumvention', spanSay(verb, secret));
      continue;
    }
    // "Create access keys for the root user": any verb that makes or hands out the key; deleting it is the fix.
    const rootKey = pick('obj.root_key');
    if (rootKey) {
      if (CLOSING_VERBS.has(verb.concept)) closes(ctx, 'root_access_key');
      else opens(ctx, 'root_access_key', spanSay(verb, rootKey));
      continue;
    }
    const role = pick('role.admin', 'role.scoped_admin');
    if (OPENING_VERBS.has(verb.concept) && role && !verbBefore(byClause, role, new Set(['op.remove', 'op.close']))) {
      readRoleGrant(ctx, v.text.slice(v.tokens[role.first].start, v.tokens[role.last].end), undefined, spanSay(verb, role));
      continue;
    }
    if (verb.concept === 'op.restart' || verb.concept === 'op.change') {
      const strongVerb = verb.concept === 'op.restart' || CHANGE_WORDS.has(v.tokens[verb.first].text);
      const weak = ctx.changeKind && strongVerb && objects.some((o) => o.concept === 'obj.database' || o.concept === 'obj.shared_service');
      if (objects.some((o) => o.concept === 'obj.shared_service_critical') || weak) {
        if (!endpoint) opens(ctx, 'service_disruption', spanSay(verb, objects[0]));
      }
    }
  }

  readBaselineWords(ctx, v, byClause, verbObjects(v, byClause), spanSay, say);

  // Safeguards with a state word after them, and backups taken or skipped.
  for (const m of v.matches) {
    if (!m.concept.startsWith('guard.') || m.negated) continue;
    const state = stateAfter(v, m);
    if (state === 'off' && GUARD_OFF[m.concept]) opens(ctx, GUARD_OFF[m.concept], say(m));
    else if (state === 'on' && GUARD_OFF[m.concept]) closes(ctx, GUARD_OFF[m.concept]);
    if (m.concept === 'guard.backup' && !switchedOff.has(m) && !verbBefore(byClause, m, CHANGING_VERBS) && state !== 'off') ctx.b.set('change.backup_confirmed', true, say(m));
  }
  for (const m of v.matches) if (m.concept === 'guard.backup' && m.negated) ctx.b.set('change.backup_confirmed', false, `${say(m)} (negated)`);

  // Exposure to the public: opened by a granting verb, taken away by a closing one.
  for (const m of v.matches) {
    if (m.negated || (m.concept !== 'exposure.public' && m.concept !== 'exposure.share_link' && m.concept !== 'exposure.public_word' && m.concept !== 'exposure.public_principal')) continue;
    const clause = inClause(m);
    if (clause.some((g) => g !== m && g.first <= m.first && g.last >= m.last && (g.concept.startsWith('guard.') || g.concept.startsWith('exposure.') || g.concept.startsWith('env.')) && g.last - g.first > m.last - m.first)) continue;
    // A qualified name ("ON public.orders", PostgreSQL's default schema; "public.example.com") names a thing: no exposure.
    if (qualifiedName(v, m)) continue;
    const dataInClause = clause.some((x) => (x.concept === 'obj.data' || x.concept === 'obj.database') && !x.negated);
    if (m.concept === 'exposure.public_word' && !dataInClause) continue;
    if (verbBefore(byClause, m, CLOSING_VERBS)) closes(ctx, 'public_acl');
    else if (m.concept === 'exposure.share_link') opens(ctx, 'external_sharing', say(m));
    else if (verbBefore(byClause, m, OPENING_VERBS) || clause.some((x) => x.concept === 'op.grant' && !x.negated && !insideName(x, clause))) {
      const database = clause.some((x) => x.concept === 'obj.database');
      opens(ctx, m.concept === 'exposure.public_principal' ? 'public_principal' : database ? 'public_database' : 'public_acl', say(m));
    }
  }
  const closing = v.matches.some((m) => CLOSING_VERBS.has(m.concept) && !m.negated && m.first <= 2);
  if (starAfter(v, 'principal')) (closing ? closes(ctx, 'public_principal') : opens(ctx, 'public_principal', `${source}: Principal "*"`));
  if (starAfter(v, 'action') || v.raw.some((t, i) => t.text === '*' && v.raw[i + 1]?.text === ':' && v.raw[i + 2]?.text === '*' && !arnSegment(v, i))) {
    if (!closing) opens(ctx, 'wildcard_admin', `${source}: Action "*"`);
  }

  // Ingress from anywhere, in words or as an address range.
  const worldWords = v.matches.filter((m) => m.concept === 'exposure.world' && !m.negated);
  // Address ranges only ("0.0.0.0/0", "::/0"): a lone "*" in text is a policy wildcard, read above.
  const args = glued(v);
  const worldArgs = args.filter((g) => (g.raw.includes('/') || g.raw.includes(':')) && isWorldSource(g.raw));
  // "0.0.0.0 - 255.255.255.255": a firewall range that covers every IPv4 address.
  if (args.some((g) => g.raw === '0.0.0.0' || g.raw.startsWith('0.0.0.0-')) && args.some((g) => g.raw === '255.255.255.255' || g.raw.endsWith('-255.255.255.255'))) worldArgs.push({ raw: '0.0.0.0-255.255.255.255', first: 0, last: 0 });
  const worldClauses = new Set([...worldWords.map((m) => m.clause), ...worldArgs.map((g) => v.raw[g.first].clause)]);
  if (worldWords.length > 0 || worldArgs.length > 0) {
    const anchor = worldWords[0];
    const closingWorld = anchor ? verbBefore(byClause, anchor, CLOSING_VERBS) : closing;
    const explicit = new Set(portsIn(v.raw));
    // "Open 3306 to the world": a bare number that is an administration port, beside the exposure, is that port.
    for (const t of v.raw) if (t.kind === 'number' && ctx.adminPorts.has(t.value!) && worldClauses.has(t.clause)) explicit.add(t.value!);
    const ports = new Set(explicit);
    for (const m of v.matches) if (!m.negated && ctx.servicePorts.has(m.concept)) ports.add(ctx.servicePorts.get(m.concept)!);
    const ruleWords = v.matches.some((m) => m.concept === 'obj.network_rule' && !m.negated);
    const all = v.matches.some((m) => m.concept === 'exposure.all_ports' && !m.negated);
    const opening = v.matches.some((m) => (OPENING_VERBS.has(m.concept) || m.concept === 'op.network') && !m.negated);
    if (closingWorld) closes(ctx, 'world_open');
    else if (opening || ports.size > 0) {
      const where = `${source}: ${worldArgs[0]?.raw ?? (anchor ? say(anchor) : 'from anywhere')}`;
      // "Allow all IPs on the SQL server": a database named without a port or a firewall rule is the database opened.
      // (An authorised-networks or firewall entry on a database is the database opened too.)
      const database = v.matches.some((m) => m.concept === 'obj.database' && !m.negated) && explicit.size === 0;
      const dataService = v.matches.some((m) => m.concept === 'obj.data_service' && !m.negated) && explicit.size === 0 && !ruleWords;
      if (database) opens(ctx, 'public_database', where);
      else if (dataService) opens(ctx, 'public_network_access', where);
      else if (all) opensToWorld(ctx, 'all', where);
      else if (ports.size > 0) opensToWorld(ctx, [...ports], where);
      else opens(ctx, 'world_open', where);
    }
  }

  for (const m of v.matches) {
    // "Expose the dashboard without authentication": the safeguard is named only to say it is absent.
    if (m.concept === 'guard.authentication' && m.negated && ctx.opens.has('world_open')) opens(ctx, 'unauthenticated_access', `${say(m)} (absent)`);
    if (m.negated) continue;
    // "ssh-keygen -s user_ca": a word inside the longer name of a tool (a `general` phrase) is that tool, not a licence crack.
    if (m.concept === 'license.circumvent' && !v.matches.some((o) => o.concept === 'general' && o.first <= m.first && o.last >= m.last && o.last - o.first > m.last - m.first)) opens(ctx, 'license_circumvention', say(m));
    // "Allow unauthenticated invocations": absence of authentication, let in by an opening verb.
    if (m.concept === 'exposure.unauthenticated' && !verbBefore(byClause, m, CLOSING_VERBS) && (verbBefore(byClause, m, OPENING_VERBS) || ctx.opens.has('world_open') || inClause(m).some((x) => x.concept === 'op.grant' && !x.negated))) opens(ctx, 'unauthenticated_access', say(m));
    if (m.concept === 'exposure.privileged' && !verbBefore(byClause, m, CLOSING_VERBS)) opens(ctx, 'privileged_workload', say(m));
  }
  // Mail addresses in the words ("forward the mailbox to ap@otherco.example"): external ones, with a forwarding verb.
  const transfer = v.matches.find((m) => m.concept === 'op.transfer' && !m.negated);
  if (transfer && !ctx.closes.has('external_forwarding') && !ctx.closes.has('external_sharing')) {
    for (const g of args) {
      if (!g.raw.includes('@') || !isExternalAddress(ctx, g.raw)) continue;
      const word = v.tokens[transfer.first].text;
      opens(ctx, word.includes('forward') || word.startsWith('redirect') ? 'external_forwarding' : 'external_sharing', `${source}: to ${g.raw}`);
    }
  }
}

/** "Set the account lockout threshold to 0", "session timeout: 0": a protection given the number zero is switched off. */
function zeroAfter(v: TextView, m: PhraseMatch): boolean {
  for (let i = m.last + 1, seen = 0; i < v.tokens.length && seen < 3; i++) {
    const t = v.tokens[i];
    if (t.kind === 'break' || t.clause !== m.clause) return false;
    if (t.kind === 'number') return t.value === 0 && v.tokens[i + 1]?.kind !== 'number' && !(v.tokens[i + 1]?.text ?? '').startsWith('.');
    if (t.kind !== 'word') continue;
    seen++;
    if (!STATE_FILLERS.has(t.text) && t.text !== 'of') return false;
  }
  return false;
}

/** Verbs that switch a named setting on, and verbs that switch it off or keep it out. */
const SETTING_ON = new Set(['op.enable', 'op.grant', 'op.install']);
const SETTING_OFF = new Set(['op.disable', 'op.remove', 'op.destroy', 'op.close']);
/** "Downgrade to TLS 1.0", "fall back to NTLMv1": the weaker protocol is what comes on. */
const TOWARDS = new Set(['downgrade', 'downgrading', 'revert', 'reverting', 'fallback', 'fall', 'back']);

/** "… fall back to TLS 1.1", "… downgrade the listener to SSLv3": a word of `TOWARDS` shortly before a "to" that precedes the setting. */
function towards(v: TextView, m: PhraseMatch): boolean {
  if (v.tokens[m.first - 1]?.text !== 'to') return false;
  for (let i = m.first - 2; i >= 0 && i >= m.first - 5; i--) {
    const t = v.tokens[i];
    if (t.clause !== m.clause) return false;
    if (TOWARDS.has(t.text)) return true;
  }
  return false;
}

/**
 * Security-baseline settings named in words (`baseline.protection`, `baseline.insecure` in the
 * catalogue): "disable SMB signing", "turn the account lockout policy off", "allow NTLMv1",
 * "re-enable SMBv1", "downgrade the listener to TLS 1.0". The verb that acts on the setting (the
 * nearest one before it in its clause) or a state word after it ("SMB signing: optional") gives the
 * direction: a protection switched off or an insecure feature switched on weakens the baseline; the
 * opposite hardens it. Inside what a change takes away, a protection named is removed and an
 * insecure feature named goes.
 */
function readBaselineWords(
  ctx: ReadContext,
  v: TextView,
  byClause: Map<number, PhraseMatch[]>,
  pairs: readonly { verb: PhraseMatch; objects: PhraseMatch[] }[],
  spanSay: (a: PhraseMatch, b: PhraseMatch) => string,
  say: (m: PhraseMatch) => string,
): void {
  const governing = new Map<PhraseMatch, PhraseMatch>();
  for (const { verb, objects } of pairs) for (const o of objects) if (o.concept.startsWith('baseline.') && !governing.has(o)) governing.set(o, verb);
  for (const m of v.matches) {
    if (m.negated || !m.concept.startsWith('baseline.')) continue;
    const clause = byClause.get(m.clause) ?? [];
    // The shorter name inside a longer one ("telnet" in "telnet service") is read once, as the longer.
    if (clause.some((o) => o !== m && o.concept.startsWith('baseline.') && o.first <= m.first && o.last >= m.last && o.last - o.first > m.last - m.first)) continue;
    const insecure = m.concept === 'baseline.insecure';
    const verb = governing.get(m);
    const state = stateAfter(v, m);
    let on: boolean | undefined;
    if (state) on = state === 'on';
    else if (!insecure && zeroAfter(v, m)) on = false;
    else if (towards(v, m) || (verb && TOWARDS.has(v.tokens[verb.first].text))) on = insecure;
    else if (verb && SETTING_ON.has(verb.concept)) on = true;
    else if (verb && SETTING_OFF.has(verb.concept)) on = false;
    if (ctx.removing > 0) on = false;
    if (on === undefined) continue;
    const name = v.text.slice(v.tokens[m.first].start, v.tokens[m.last].end).toLowerCase();
    const where = verb ? spanSay(verb.first < m.first ? verb : m, verb.first < m.first ? m : verb) : say(m);
    if (insecure === on) {
      opensListed(ctx, insecure ? 'insecure_feature_on' : 'safeguard_setting_off', name, where);
    } else ctx.closes.add(insecure ? 'insecure_feature_on' : 'safeguard_setting_off');
  }
}
