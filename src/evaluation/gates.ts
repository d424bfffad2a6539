import type { LoadedDomain } from '../packs/load-domains.js';
import { factAt, type Facts, type Reading } from '../packs/reading/reading.js';
import type { CompiledRule, RuleInput } from '../packs/rules/index.js';
import type { CatalogueHazard } from '../packs/reading/catalogue.js';
import { boundedMemo } from '../lib/bounded-memo.js';

/** An unknown fact whose plausible worst value would make a hard rule fire. */
export interface MissingFact {
  fact: string;
  question: string;
  /** The rules it could trip. */
  rules: string[];
}

export interface GateResult {
  /** Reason codes in the order they are reported. */
  codes: string[];
  fired: CompiledRule[];
  missing: MissingFact[];
  /** Messages for the codes that are not hard rules. */
  messages: Record<string, string>;
  /** What the answer should say about the reading although it escalates nothing (an effect the pack could not read, left to the model by the policy). */
  notes: string[];
}

/**
 * The facts with some more set at dotted paths, the given facts unchanged: only the objects along the
 * paths are copied, each once however many paths pass through it (a rule reads the result; nothing
 * writes to it). The same value as setting the paths one after another on copies along each path: so
 * trying the worst values of a rule's unknowns costs a few small copies rather than a copy of the
 * whole reading per rule, or of its top level per unknown.
 */
function withFacts(facts: Facts, paths: readonly string[], valueOf: (path: string) => unknown): Facts {
  const copied = new Set<object>();
  const root: Facts = { ...facts };
  copied.add(root);
  for (const path of paths) {
    const keys = factPath(path);
    let at = root;
    for (let i = 0; i < keys.length - 1; i++) {
      const next = at[keys[i]];
      const inner: Facts = next !== null && typeof next === 'object' && !Array.isArray(next) ? (copied.has(next) ? (next as Facts) : { ...(next as Facts) }) : {};
      copied.add(inner);
      put(at, keys[i], inner);
      at = inner;
    }
    put(at, keys[keys.length - 1], valueOf(path));
  }
  return root;
}

/** Sets an own property, as an object literal's computed key does (so `__proto__` too is just a key). */
function put(obj: Facts, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true });
  else obj[key] = value as Facts[string];
}

const factPath = boundedMemo((dotted): readonly string[] => dotted.split('.'), 10_000);

/** Per rule, the facts it reads that have a plausible worst value in its domain's catalogue (fixed once loaded). */
const worstReadsOf = new WeakMap<CompiledRule, { facts: LoadedDomain['catalogue']['facts']; reads: string[] }>();

function readsWithWorst(domain: LoadedDomain, rule: CompiledRule): string[] {
  const { facts } = domain.catalogue;
  let kept = worstReadsOf.get(rule);
  if (!kept || kept.facts !== facts) worstReadsOf.set(rule, (kept = { facts, reads: rule.reads.filter((f) => facts.get(f)?.worst !== undefined) }));
  return kept.reads;
}

/**
 * Unknown is not safe: for each rule that did not fire, set the unknown facts it reads to their
 * plausible worst values; a rule that fires then rests on what the request did not say.
 */
export function missingInformation(domain: LoadedDomain, rules: readonly CompiledRule[], reading: Reading): MissingFact[] {
  const byFact = new Map<string, MissingFact>();
  const worstOf = (f: string) => domain.catalogue.facts.get(f)!.worst;
  for (const rule of rules) {
    const candidates = readsWithWorst(domain, rule);
    if (candidates.length === 0) continue;
    const unknown = candidates.filter((f) => factAt(reading.facts, f) === undefined);
    if (unknown.length === 0) continue;
    const worst = withFacts(reading.facts, unknown, worstOf);
    if (!rule.test({ facts: worst, action: reading.action as unknown as Record<string, unknown> })) continue;
    for (const f of unknown) {
      const entry = byFact.get(f) ?? { fact: f, question: domain.catalogue.facts.get(f)!.question, rules: [] };
      entry.rules.push(rule.id);
      byFact.set(f, entry);
    }
  }
  return [...byFact.values()];
}

/**
 * The rules a reading breaks. A stand-down passes them all, except the catalogue hazards about how a
 * stand-down itself is carried out (`also_when_standing_down`).
 */
export function firedRules<R extends CompiledRule>(rules: readonly R[], reading: Pick<Reading, 'facts' | 'action'>): R[] {
  const input: RuleInput = { facts: reading.facts, action: reading.action as unknown as Record<string, unknown> };
  return rules.filter((r) => (!reading.action.lowers_risk || (r as Partial<CatalogueHazard>).alsoWhenStandingDown === true) && r.test(input));
}

/**
 * What settles an evaluation before any future is simulated: a partial reading, a contradictory
 * action, a hard rule, a deciding fact nobody gave, or a high-impact request the pack cannot read.
 * An action that lowers the risk (a stand-down, the highest-acuity disposition) passes every gate
 * but the first and the hazards of how a stand-down is carried out: nothing else in it can be made
 * safer by asking.
 */
export function gates(domain: LoadedDomain, reading: Reading): GateResult {
  const codes: string[] = [];
  const messages: Record<string, string> = {};
  const notes: string[] = [];
  const { action } = reading;
  if (reading.truncated.length > 0) {
    codes.push('input_truncated');
    messages.input_truncated = `Text beyond the reading cap was not read (${reading.truncated.join(', ')}), so the request cannot be approved on a partial reading.`;
  }
  if (action.contradiction) {
    codes.push('action_contradiction');
    messages.action_contradiction = `The action contradicts itself: ${action.contradiction}.`;
  }
  const rules = [...domain.hazardRules, ...domain.rules];
  const fired = firedRules(rules, reading);
  codes.push(...fired.map((r) => `hard_rule:${r.id}`));
  let missing: MissingFact[] = [];
  if (action.high_impact && !action.lowers_risk) {
    const firedIds = new Set(fired.map((r) => r.id));
    missing = missingInformation(domain, rules.filter((r) => !firedIds.has(r.id)), reading);
    if (missing.length > 0) {
      codes.push('missing_information');
      messages.missing_information = `A deciding fact is unknown and its plausible worst value would break a rule: ${missing.map((m) => m.question).join(' ')}`;
    }
    const { unfamiliar } = domain.policy;
    const unread: string[] = [];
    if (reading.unread.words >= unfamiliar.min_words && reading.unread.share > unfamiliar.max_unread_share) {
      unread.push(`${Math.round(reading.unread.share * 100)}% of the request's words are outside what the ${domain.name} pack can read (${reading.unread.unknown.slice(0, 8).join(', ')}), so its risk cannot be judged.`);
    }
    if (action.unaccounted && unfamiliar.unaccounted === 'escalate') unread.push(`The ${domain.name} pack cannot tell what this action does: ${action.unaccounted}.`);
    else if (action.unaccounted) notes.push(`The ${domain.name} pack read no effect of this change (${action.unaccounted}); this policy leaves such a change to the world model's rates, so the decision rests on them alone.`);
    if (unread.length > 0) {
      codes.push('unfamiliar_situation');
      messages.unfamiliar_situation = unread.join(' ');
    }
  }
  return { codes, fired, missing, messages, notes };
}
