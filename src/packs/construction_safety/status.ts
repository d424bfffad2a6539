import type { Lexicon, PhraseMatch } from '../reading/text.js';
import { tokenize } from '../reading/text.js';

/** How a record says a control or a check stands: in place, not in place, or unknown. */
export type Status = boolean | undefined;

/** Longest status value read; longer strings are free text, read as such. */
const MAX_STATUS_CHARS = 160;
/** Words that on their own say "not done" whatever follows ("none required", "not applied", "no"). */
const NOT_DONE = new Set(['false', 'no', 'none', 'not', 'never', 'n', 'nil', 'without', 'zero', 'off', 'red', 'nobody', 'noone']);
/** Words that say nobody knows yet. */
const UNKNOWN = new Set(['unknown', 'tbd', 'tbc', 'unsure', 'unclear', 'planned', 'scheduled', 'requested', 'na']);
/** After "no" or "not", these make a pseudo-negation: "no other duties", "not only". */
const PSEUDO_NEGATED = new Set(['other', 'additional', 'further', 'extra', 'only', 'else']);
const DONE = new Set(['true', 'yes', 'y', 'ok', 'on', 'green', 'pass', 'passed', 'good', 'current', 'valid', 'signed', 'certified', 'named']);

/** Whether a field's value says nobody knows it yet ("unknown", "TBD", "not confirmed", "?"). */
export function saysUnknown(value: unknown): boolean {
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_STATUS_CHARS) return false;
  const tokens = tokenize(value);
  if (tokens.some((t) => t.kind === 'number')) return false;
  const words = tokens.filter((t) => t.kind === 'word').map((t) => t.text);
  const notYet = words.some((w, i) => (w === 'not' || w === 'never' || w === 'yet') && NOT_YET.has(words[i + 1] ?? ''));
  return notYet || words.some((w) => UNKNOWN.has(w) || UNCONFIRMED.has(w)) || tokens.some((t) => t.text === '?');
}
/** "not confirmed", "not known", "never measured": after a negation, the value was never established. */
const NOT_YET = new Set(['confirmed', 'verified', 'known', 'measured', 'given', 'provided', 'checked', 'established', 'to']);
const UNCONFIRMED = new Set(['unconfirmed', 'unverified', 'pending', 'awaiting', 'unmeasured', 'unmarked']);

/**
 * Reads a compliance item or a control written as a boolean, a count or a short status phrase
 * ("completed", "not_applied", "none required per competent person", "guardrail + PFAS"). Negative
 * words win, because a record that says "not" or "none" anywhere does not vouch for the control.
 * A phrase that only names a control ("trench_box", "harness") says the control is there.
 */
export function statusOf(value: unknown, vocabulary: Lexicon): Status {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value > 0 : undefined;
  if (typeof value !== 'string' || value.length === 0 || value.length > MAX_STATUS_CHARS) return undefined;
  const tokens = tokenize(value);
  const matches = vocabulary.match(tokens, new Array<boolean>(tokens.length).fill(false));
  // A control's own name is no negation: a tag's legend ("DO NOT OPERATE tag", 1910.147(c)(5)(ii)(C)(2)) names the tag.
  const inControlName = new Array<boolean>(tokens.length).fill(false);
  for (const m of matches) if (m.concept.startsWith('control.') && m.last > m.first) for (let i = m.first; i <= m.last; i++) inControlName[i] = true;
  const words = tokens.filter((t, i) => t.kind === 'word' && !inControlName[i]).map((t) => t.text);
  // "assigned, no other duties", "not only the crew": a pseudo-negation (NegEx) excludes the alternatives, not the item itself.
  if (words.some((w, i) => NOT_DONE.has(w) && !(PSEUDO_NEGATED.has(words[i + 1] ?? '') && (w === 'no' || w === 'not')))) return false;
  if (words.some((w) => UNKNOWN.has(w)) || tokens.some((t) => t.text === '?')) return undefined;
  // "strapped down": a negative word inside a longer positive phrase is part of that phrase.
  const positives = matches.filter((m) => m.concept === 'status.positive');
  const inLongerPositive = (m: PhraseMatch) => positives.some((p) => p.first <= m.first && p.last >= m.last && p.last - p.first > m.last - m.first);
  const concepts = new Set(matches.filter((m) => !(m.concept === 'status.negative' && inLongerPositive(m))).map((m) => m.concept));
  if (concepts.has('status.negative')) return false;
  if (concepts.has('status.positive') || words.some((w) => DONE.has(w))) return true;
  if ([...concepts].some((c) => c.startsWith('control.'))) return true;
  if (tokens.some((t) => t.kind === 'number')) return true;
  return undefined;
}
