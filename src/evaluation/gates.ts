import type { LoadedDomain } from '../packs/load-domains.js';
import { factAt, type Facts, type Reading } from '../packs/reading/reading.js';
import type { CompiledRule, RuleInput } from '../packs/rules/index.js';
import type { CatalogueHazard } from '../packs/reading/catalogue.js';

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
}

/**
 * The facts with one more set at a dotted path, the given facts unchanged: only the objects along the
 * path are copied (a rule reads the result; nothing writes to it), so trying the worst value of each
 * unknown costs a few small copies rather than a copy of the whole reading per rule.
 */
function withFact(facts: Facts, keys: readonly string[], value: unknown, at = 0): Facts {
  const key = keys[at];
  if (at === keys.length - 1) return { ...facts, [key]: value as Facts[string] };
  const next = facts[key];
  const inner = next !== null && typeof next === 'object' && !Array.isArray(next) ? (next as Facts) : {};
  return { ...facts, [key]: withFact(inner, keys, value, at + 1) };
}

/**
 * Unknown is not safe: for each rule that did not fire, set the unknown facts it reads to their
 * plausible worst values; a rule that fires then rests on what the request did not say.
 */
export function missingInformation(domain: LoadedDomain, rules: readonly CompiledRule[], reading: Reading): MissingFact[] {
  const byFact = new Map<string, MissingFact>();
  for (const rule of rules) {
    const unknown = rule.reads.filter((f) => factAt(reading.facts, f) === undefined && domain.catalogue.facts.get(f)?.worst !== undefined);
    if (unknown.length === 0) continue;
    let worst = reading.facts;
    for (const f of unknown) worst = withFact(worst, f.split('.'), domain.catalogue.facts.get(f)!.worst);
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
    if (action.unaccounted) unread.push(`The ${domain.name} pack cannot tell what this action does: ${action.unaccounted}.`);
    if (unread.length > 0) {
      codes.push('unfamiliar_situation');
      messages.unfamiliar_situation = unread.join(' ');
    }
  }
  return { codes, fired, missing, messages };
}
