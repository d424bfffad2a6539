import type { ReadText } from '../reading/reading.js';
import { conditionalScopes, type Lexicon, negationScopes, type PhraseMatch, quantities, type Quantity, type Token } from '../reading/text.js';

/** Where a piece of free text came from; the action's own words weigh most. */
export type TextSource = 'action' | 'parameter' | 'task' | 'observation' | 'environment' | 'equipment' | 'hazard';

/** A stretch of a clause between commas, "and" or a clause break: one instruction or one statement. */
export interface Segment {
  first: number;
  last: number;
  /** Starts with "until", "unless", "before", "if", "when", "whether": a condition, not a fact. */
  hypothetical: boolean;
  /** Starts with "after" or "once": something done first. */
  afterwards: boolean;
}

/** One text field read once: its tokens, the vocabulary's phrases in it (innermost duplicates dropped), numbers. */
export interface TextView {
  path: string;
  source: TextSource;
  tokens: Token[];
  negated: boolean[];
  matches: PhraseMatch[];
  quantities: Quantity[];
  segments: Segment[];
  /** For each token, the segment it belongs to. */
  segmentOf: Int32Array;
  /** Per token: inside a clause addressed to the guardrail; nothing that lowers the risk is read from it. */
  addressed: boolean[];
  /** Per token: inside a condition ("call 911 if he gets confused"), which states no fact. */
  conditional: boolean[];
  /** The matches by the token they start at, and by segment, so that reading near a word costs what the window does, not the text. */
  startingAt: ReadonlyMap<number, PhraseMatch[]>;
  inSegment: PhraseMatch[][];
  /** Tokens spanned by the longest match, less one. */
  maxSpan: number;
}

/** Words right after a control that deny it: "lanyards not attached", "the competent person hasn't looked". */
const ABSENT_AFTER = new Set(['not', 'no', 'never', "isn't", "aren't", "hasn't", "haven't", "hadn't", "wasn't", "weren't", "didn't", "doesn't", "don't", "won't", "can't", 'cannot', 'isnt', 'arent', 'hasnt', 'havent', 'wasnt', 'didnt', 'doesnt', 'dont', 'wont', 'cant']);
const HYPOTHETICAL = new Set(['until', 'unless', 'before', 'if', 'when', 'whether', 'till']);
const AFTERWARDS = new Set(['after', 'once']);

/** Drops a match when a longer match covers it ("lines" inside "tag lines", "lift" inside "boom lift"). */
function outermost(all: PhraseMatch[]): PhraseMatch[] {
  let matches = all;
  const byFirst = new Map<number, PhraseMatch[]>();
  for (const m of matches) {
    const list = byFirst.get(m.first);
    if (list) list.push(m);
    else byFirst.set(m.first, [m]);
  }
  const span = (m: PhraseMatch) => m.last - m.first;
  // The same phrase listed twice under one concept ("tie off", "tie-off") is one match.
  const seen = new Set<string>();
  matches = matches.filter((m) => {
    const key = `${m.first}:${m.last}:${m.concept}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  // Phrases are a few words long, so looking back a few starts covers every container.
  return matches.filter((m) => {
    for (let start = m.first; start >= m.first - 6; start--) {
      for (const other of byFirst.get(start) ?? []) {
        // The domain's ordinary words (`general*`) never hide a phrase that means something, and a verb is
        // hidden only by a longer verb ("enter the trench" still enters).
        if (other === m || other.last < m.last || span(other) <= span(m) || other.concept.startsWith('general')) continue;
        if (m.concept.startsWith('verb.') && !other.concept.startsWith('verb.')) continue;
        return false;
      }
    }
    return true;
  });
}

function segmentsOf(tokens: readonly Token[]): { segments: Segment[]; segmentOf: Int32Array } {
  const segments: Segment[] = [];
  const segmentOf = new Int32Array(tokens.length).fill(-1);
  let start = -1;
  const close = (end: number) => {
    if (start < 0) return;
    const head = tokens[start].text;
    segments.push({ first: start, last: end, hypothetical: HYPOTHETICAL.has(head), afterwards: AFTERWARDS.has(head) });
    for (let k = start; k <= end; k++) segmentOf[k] = segments.length - 1;
    start = -1;
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const boundary = t.kind === 'break' || (t.kind === 'symbol' && t.text === ',') || (t.kind === 'word' && t.text === 'and');
    if (boundary) {
      close(i - 1);
      continue;
    }
    if (start >= 0 && tokens[start].clause !== t.clause) close(i - 1);
    if (start < 0) start = i;
  }
  close(tokens.length - 1);
  return { segments, segmentOf };
}

/**
 * The numbers of a text with their units. A number followed by another number can have no unit, so
 * runs of bare numbers ("9 9 9 …") are left out before the unit lookup, which costs a scan of the unit
 * table per number; the last of a run, and a number after "/", stay.
 */
function quantitiesOf(tokens: readonly Token[]): Quantity[] {
  const kept: Token[] = [];
  const original: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind === 'number' && tokens[i + 1]?.kind === 'number' && tokens[i - 1]?.text !== '/') continue;
    kept.push(t);
    original.push(i);
  }
  if (kept.length === tokens.length) return quantities(tokens);
  return quantities(kept).map((q) => ({ ...q, index: original[q.index], last: original[q.last] }));
}

const QUOTES = new Set(["'", '"', '\u2018', '\u2019', '\u201c', '\u201d']);

/**
 * The tokens for the negation pass, with each closing quote mark made a clause break: a negation inside a quoted
 * legend ("a 'do not operate' tag", "the DO NOT ENTER sign") is the label's own, it does not reach the words after
 * it. An opening quote (after a space, before a word) is left alone, so "no 'spotter' posted" still denies the spotter.
 */
function quotesClosed(read: ReadText): readonly Token[] {
  const tokens = read.tokens;
  let open = -1;
  let out: Token[] | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (open >= 0 && tokens[open].clause !== t.clause) open = -1;
    if (t.kind !== 'symbol' || !QUOTES.has(t.text)) continue;
    const before = t.start === 0 ? ' ' : read.text[t.start - 1];
    const after = read.text[t.end] ?? ' ';
    if (open < 0) {
      if ((before === ' ' || before === '(' || before === ':') && after !== ' ') open = i;
      continue;
    }
    if (before !== ' ') {
      out ??= [...tokens];
      out[i] = { ...t, kind: 'break' };
      open = -1;
    }
  }
  return out ?? tokens;
}

/** Builds a text field's view once: negation, phrases, numbers, segments, and the indexes that keep lookups local. */
export function viewOf(read: ReadText, source: TextSource, vocabulary: Lexicon): TextView {
  const negated = negationScopes(quotesClosed(read));
  const { segments, segmentOf } = segmentsOf(read.tokens);
  const matches = outermost(vocabulary.match(read.tokens, negated));
  const startingAt = new Map<number, PhraseMatch[]>();
  const inSegment: PhraseMatch[][] = segments.map(() => []);
  let maxSpan = 0;
  for (const m of matches) {
    const list = startingAt.get(m.first);
    if (list) list.push(m);
    else startingAt.set(m.first, [m]);
    const s = segmentOf[m.first];
    if (s >= 0) inSegment[s].push(m);
    maxSpan = Math.max(maxSpan, m.last - m.first);
  }
  return {
    path: read.path,
    source,
    tokens: read.tokens,
    negated,
    matches,
    quantities: quantitiesOf(read.tokens),
    segments,
    segmentOf,
    addressed: read.addressed,
    conditional: conditionalScopes(read.tokens),
    startingAt,
    inSegment,
    maxSpan,
  };
}

/** The matches that start within [from, to], in text order. */
export function matchesStarting(view: TextView, from: number, to: number): PhraseMatch[] {
  const out: PhraseMatch[] = [];
  for (let i = Math.max(0, from); i <= to && i < view.tokens.length; i++) {
    const list = view.startingAt.get(i);
    if (list) out.push(...list);
  }
  return out;
}

/** The matches that overlap [from, to]. */
export function matchesOverlapping(view: TextView, from: number, to: number): PhraseMatch[] {
  return matchesStarting(view, from - view.maxSpan, to).filter((m) => m.last >= from);
}

/** The words of a match as written in the text, for provenance. */
export function wordsOf(view: TextView, first: number, last: number): string {
  return view.tokens
    .slice(first, last + 1)
    .map((t) => t.text)
    .join(' ');
}

/** Concepts of the matches within `window` tokens of [first, last], in the same clause, nearest first. */
export function conceptsNear(view: TextView, first: number, last: number, window: number): PhraseMatch[] {
  const clause = view.tokens[first].clause;
  const near = matchesOverlapping(view, first - window, last + window).filter((m) => m.clause === clause && !(m.first >= first && m.last <= last));
  const distance = (m: PhraseMatch) => (m.last < first ? first - m.last : m.first > last ? m.first - last : 0);
  return near.sort((a, b) => distance(a) - distance(b));
}

/** Whether a match sits in a segment or a condition that states a condition rather than a fact. */
export function isHypothetical(view: TextView, m: { first: number }): boolean {
  if (view.conditional[m.first]) return true;
  const s = view.segmentOf[m.first];
  return s >= 0 && view.segments[s].hypothetical;
}

/**
 * Whether the text says a control named at [first, last] is absent: negated ("no shade"), followed
 * by a status word ("lanyards not attached", "water truck delayed", "outriggers half extended"),
 * or preceded by one ("missing guardrail").
 */
export function saysAbsent(view: TextView, m: PhraseMatch): boolean {
  if (isNegated(view, m)) return true;
  const clause = view.tokens[m.first].clause;
  for (const s of matchesOverlapping(view, m.first - 2, m.last + 4)) {
    if (s.concept !== 'status.negative' || s.clause !== clause) continue;
    // "the trial lift with the empty platform": past a preposition the status word is about something else.
    if (s.first > m.last && s.first <= m.last + 4 && !view.tokens.slice(m.last + 1, s.first).some((t) => PREPOSITIONS.has(t.text))) return true;
    if (s.last < m.first && s.last >= m.first - 2) return true;
  }
  for (let j = m.last + 1; j <= m.last + 3 && j < view.tokens.length; j++) {
    const t = view.tokens[j];
    // "HEPA vacuum, not compressed air": past a comma the "not" contrasts another thing, it does not deny this one.
    if (t.kind === 'break' || t.clause !== clause || (t.kind === 'symbol' && t.text === ',')) break;
    if (ABSENT_AFTER.has(t.text)) return true;
  }
  return false;
}

const PREPOSITIONS = new Set(['with', 'on', 'at', 'for', 'from', 'of', 'in', 'into', 'to', 'by', 'near', 'beside', 'under', 'over']);
const LIST_JOINERS = new Set(['or', 'nor', 'and', ',']);

/**
 * Whether a phrase is negated, counting list members the negation window stopped short of: in
 * "no one reports dizziness or cramps" the cramps are denied as the dizziness is.
 */
export function isNegated(view: TextView, m: PhraseMatch): boolean {
  if (m.negated) return true;
  let at: PhraseMatch = m;
  for (let hops = 0; hops < 4; hops++) {
    const joiner = view.tokens[at.first - 1];
    if (!joiner || !LIST_JOINERS.has(joiner.text)) return false;
    const before = matchesOverlapping(view, at.first - 2, at.first - 2).find((p) => p.concept === m.concept && p.last === at.first - 2 && p.clause === m.clause);
    if (!before) return false;
    if (before.negated) return true;
    at = before;
  }
  return false;
}
