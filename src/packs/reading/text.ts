/**
 * Linear-time reading of free text: a hand-written tokenizer (one pass, no regular expression over
 * the input), phrase lookup in a trie of words, NegEx-style negation scopes and numbers with units.
 * Every function here is O(length of the text × a constant set by the lexicon), whatever the text,
 * so no request can hold a replica (the backtracking patterns this replaces could).
 */

export type TokenKind = 'word' | 'number' | 'symbol' | 'break';

export interface Token {
  kind: TokenKind;
  /** Lower-case text; numbers keep their digits ("1,200" → "1200"). */
  text: string;
  /** Numbers: the value. */
  value?: number;
  start: number;
  end: number;
  /** Index of the clause it belongs to: a new clause starts after . ; ! ? : newline and at "but", "however"… */
  clause: number;
}

const isDigit = (c: number) => c >= 48 && c <= 57;
const isLetter = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c >= 0xc0;
// Sentence and clause breaks; a comma is a `symbol` so lists stay in one clause but negation scopes can stop there.
const BREAKS = new Set(['.', ';', '!', '?', '\n', ':', '|']);
/** Words that end a clause (ConText's terminators). */
export const CLAUSE_WORDS = new Set(['but', 'however', 'although', 'though', 'except', 'yet', 'whereas', 'while', 'then', 'unless', 'until', 'because', 'since', 'after', 'before', 'once']);

/**
 * The words of an identifier, lower case: split at every character that is not a letter or digit and
 * where a capital follows a lower-case letter (or, with `afterDigit`, a digit: "v2Policy")
 * ("identitySecurityDefaults_policy", "--no-enable-flow-logs", "windGust_kmh"). One pass over at most
 * `max` characters.
 */
export function identifierParts(name: string, max: number, afterDigit = false): string[] {
  const parts: string[] = [];
  let current = '';
  for (let i = 0; i < name.length && i < max; i++) {
    const ch = name[i];
    const lower = ch.toLowerCase();
    const digit = ch >= '0' && ch <= '9';
    if (!digit && !(lower >= 'a' && lower <= 'z')) {
      if (current) parts.push(current);
      current = '';
      continue;
    }
    // The character before, as written: "ABCDef" stays one word, "windGust" is two.
    const prev = current ? name[i - 1] : undefined;
    if (ch !== lower && prev !== undefined && ((prev >= 'a' && prev <= 'z') || (afterDigit && prev >= '0' && prev <= '9'))) {
      parts.push(current);
      current = '';
    }
    current += lower;
  }
  if (current) parts.push(current);
  return parts;
}

/**
 * Splits text into words, numbers, symbols and breaks. Apostrophes inside words are kept ("don't"),
 * hyphens split words ("tie-off" → "tie", "off"), a decimal point or thousands comma between digits
 * stays in the number, and "°" is a symbol of its own.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let clause = 0;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isLetter(c)) {
      const start = i;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (isLetter(d) || isDigit(d)) i++;
        else if ((d === 39 || d === 0x2019) && i + 1 < n && isLetter(text.charCodeAt(i + 1))) i++;
        else break;
      }
      const word = text.slice(start, i).toLowerCase().replaceAll('\u2019', "'");
      if (CLAUSE_WORDS.has(word)) clause++;
      tokens.push({ kind: 'word', text: word, start, end: i, clause });
      continue;
    }
    if (isDigit(c) || (c === 46 && i + 1 < n && isDigit(text.charCodeAt(i + 1)))) {
      const start = i;
      let digits = '';
      let seenDot = false;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (isDigit(d)) digits += text[i++];
        else if (d === 46 && !seenDot && i + 1 < n && isDigit(text.charCodeAt(i + 1))) {
          seenDot = true;
          digits += '.';
          i++;
        } else if (d === 44 && !seenDot && i + 3 < n && isDigit(text.charCodeAt(i + 1)) && isDigit(text.charCodeAt(i + 2)) && isDigit(text.charCodeAt(i + 3)) && !(i + 4 < n && isDigit(text.charCodeAt(i + 4)))) {
          i++; // thousands separator: "1,200"
        } else break;
      }
      // An exponent ("5e1", "2.5E-3") belongs to the number: read as "5" and a word "e1", 50 mph would be 5.
      const e = i < n ? text.charCodeAt(i) : 0;
      if (e === 101 || e === 69) {
        let j = i + 1;
        const sign = j < n ? text.charCodeAt(j) : 0;
        if (sign === 43 || sign === 45) j++;
        if (j < n && isDigit(text.charCodeAt(j))) {
          let exponent = text.slice(i + 1, j);
          while (j < n && isDigit(text.charCodeAt(j)) && exponent.length < 8) exponent += text[j++];
          digits += `e${exponent}`;
          i = j;
        }
      }
      const value = Number(digits);
      // A number too large to be a double ("1e400") says nothing readable: a word, so the fact stays unknown.
      if (!Number.isFinite(value)) {
        tokens.push({ kind: 'word', text: digits.toLowerCase(), start, end: i, clause });
        continue;
      }
      // Letters glued to a number are its unit ("50km", "103F"): split them off as a word.
      tokens.push({ kind: 'number', text: digits, value, start, end: i, clause });
      continue;
    }
    const ch = text[i];
    if (ch === ' ' || ch === '\t' || ch === '\r') {
      i++;
      continue;
    }
    if (BREAKS.has(ch)) {
      clause++;
      tokens.push({ kind: 'break', text: ch, start: i, end: i + 1, clause });
      i++;
      continue;
    }
    tokens.push({ kind: 'symbol', text: ch, start: i, end: i + 1, clause });
    i++;
  }
  return tokens;
}

/** The words of a phrase as the tokenizer sees them ("Tie-off" → ["tie", "off"]). */
export function phraseWords(phrase: string): string[] {
  return tokenize(phrase).filter((t) => t.kind === 'word' || t.kind === 'number').map((t) => t.text);
}

// ---------------------------------------------------------------- phrase lexicon

export interface LexiconEntry {
  /** Words to match; a word ending in `*` matches any word with that prefix ("excavat*"). */
  phrase: string;
  /** What the phrase means, e.g. "hazard.trench" or "symptom.chest_pain". */
  concept: string;
}

export interface PhraseMatch {
  concept: string;
  phrase: string;
  /** Token indexes [first, last] of the match. */
  first: number;
  last: number;
  clause: number;
  negated: boolean;
}

interface TrieNode {
  exact: Map<string, TrieNode>;
  prefixes: { prefix: string; node: TrieNode }[];
  /** The prefixes by their first two letters, so a word is checked only against those it could start with. */
  prefixIndex?: Map<string, { prefix: string; node: TrieNode }[]>;
  concepts: { concept: string; phrase: string }[];
}

/** Symbols that join the words of one name ("cluster-admin", "roles/owner", "allow_blob_public_access"). */
const JOINERS = new Set(['-', '/', '_', '+', '&', '\u2010', '\u2011', '\u2013']);

/**
 * The words of a lexicon phrase, split exactly as the tokenizer splits text ("2FA" → "2", "fa";
 * "cluster-admin" → "cluster", "admin"), a trailing `*` kept on the last word of its part.
 */
function lexiconWords(phrase: string): string[] {
  const out: string[] = [];
  for (const part of phrase.toLowerCase().split(/\s+/)) {
    const prefix = part.endsWith('*');
    const words = tokenize(prefix ? part.slice(0, -1) : part)
      .filter((t) => t.kind === 'word' || t.kind === 'number')
      .map((t) => t.text);
    if (prefix && words.length > 0) words[words.length - 1] += '*';
    out.push(...words);
  }
  return out;
}

function indexPrefixes(at: TrieNode): void {
  if (at.prefixes.length > 0) {
    at.prefixIndex = new Map();
    for (const p of at.prefixes) {
      const key = p.prefix.slice(0, 2);
      const list = at.prefixIndex.get(key) ?? [];
      list.push(p);
      at.prefixIndex.set(key, list);
    }
  }
  for (const n of at.exact.values()) indexPrefixes(n);
  for (const p of at.prefixes) indexPrefixes(p.node);
}

const node = (): TrieNode => ({ exact: new Map(), prefixes: [], concepts: [] });

/**
 * A set of phrases read from data (catalogues, the pack's vocabulary). Matching walks a trie from
 * every token, so its cost is tokens × the longest phrase, never exponential.
 */
export class Lexicon {
  private readonly root = node();
  private readonly known = new Set<string>();
  readonly size: number;

  constructor(entries: Iterable<LexiconEntry>) {
    let size = 0;
    for (const e of entries) {
      const words = lexiconWords(e.phrase);
      if (words.length === 0) continue;
      let at = this.root;
      for (const w of words) {
        this.known.add(w.endsWith('*') ? w.slice(0, -1) : w);
        if (w.endsWith('*') && w.length > 2) {
          const prefix = w.slice(0, -1);
          let hit = at.prefixes.find((p) => p.prefix === prefix);
          if (!hit) at.prefixes.push((hit = { prefix, node: node() }));
          at = hit.node;
        } else {
          const exact = w.endsWith('*') ? w.slice(0, -1) : w;
          let next = at.exact.get(exact);
          if (!next) at.exact.set(exact, (next = node()));
          at = next;
        }
      }
      at.concepts.push({ concept: e.concept, phrase: e.phrase });
      size++;
    }
    indexPrefixes(this.root);
    this.size = size;
  }

  /** Every match in the tokens (overlapping ones too), with its negation read by `negationScopes`. */
  match(tokens: readonly Token[], negated: readonly boolean[] = negationScopes(tokens)): PhraseMatch[] {
    const out: PhraseMatch[] = [];
    for (let i = 0; i < tokens.length; i++) {
      if (tokens[i].kind !== 'word' && tokens[i].kind !== 'number') continue;
      this.walk(tokens, i, i, this.root, out, negated);
    }
    return out;
  }

  private walk(tokens: readonly Token[], first: number, i: number, at: TrieNode, out: PhraseMatch[], negated: readonly boolean[]): void {
    // Joiners inside a phrase are skipped: "cluster-admin", "roles/owner" and "allow_blob" read as their words.
    while (i < tokens.length && tokens[i].kind === 'symbol' && JOINERS.has(tokens[i].text) && i > first) i++;
    if (i >= tokens.length) return;
    const t = tokens[i];
    if (t.kind !== 'word' && t.kind !== 'number') return;
    const nexts: TrieNode[] = [];
    const exact = at.exact.get(t.text);
    if (exact) nexts.push(exact);
    const bucket = at.prefixIndex?.get(t.text.slice(0, 2));
    if (bucket) for (const p of bucket) if (t.text.startsWith(p.prefix)) nexts.push(p.node);
    for (const next of nexts) {
      for (const c of next.concepts) out.push({ concept: c.concept, phrase: c.phrase, first, last: i, clause: tokens[first].clause, negated: negated[first] ?? false });
      if (next.exact.size > 0 || next.prefixes.length > 0) this.walk(tokens, first, i + 1, next, out, negated);
    }
  }

  /** Whether a single word is part of any phrase (a prefix word counts for every word it starts). */
  knows(word: string): boolean {
    if (word.length > MAX_WORD) return false;
    if (this.known.has(word)) return true;
    for (const p of this.prefixWords()) if (word.startsWith(p)) return true;
    return false;
  }

  private prefixes?: string[];
  private prefixWords(): string[] {
    if (!this.prefixes) {
      const out = new Set<string>();
      const visit = (n: TrieNode) => {
        for (const x of n.prefixes) {
          out.add(x.prefix);
          visit(x.node);
        }
        for (const x of n.exact.values()) visit(x);
      };
      visit(this.root);
      this.prefixes = [...out];
    }
    return this.prefixes;
  }
}

/** Longer "words" are not words (a pasted blob, a key): they are never in a vocabulary. */
const MAX_WORD = 40;

/** The concepts matched and not negated, once each. */
export function affirmedConcepts(matches: readonly PhraseMatch[]): Set<string> {
  return new Set(matches.filter((m) => !m.negated).map((m) => m.concept));
}

// ---------------------------------------------------------------- negation (NegEx / ConText)

/** Words that negate what follows in their scope. */
const NEGATION_TRIGGERS = new Set([
  'no', 'not', 'without', 'denies', 'denied', 'deny', 'never', 'none', 'nobody', 'neither', 'nor', 'negative',
  "isn't", "wasn't", "aren't", "weren't", "doesn't", "didn't", "don't", "hasn't", "haven't", "hadn't", "won't",
  'isnt', 'wasnt', 'doesnt', 'didnt', 'dont', 'hasnt', 'havent', 'wont', 'free',
]);
/** Trigger words that are not negations in these phrases ("not sure", "no increase", "not only"). */
const PSEUDO_TRIGGERS: readonly string[][] = [
  ['not', 'sure'], ['not', 'certain'], ['not', 'only'], ['not', 'just'], ['no', 'idea'], ['no', 'increase'], ['no', 'change'],
  ['not', 'improving'], ['not', 'getting', 'better'], ['no', 'better'], ['not', 'better'], ['no', 'one', 'knows'],
  ["don't", 'know'], ['dont', 'know'], ["didn't", 'know'], ["doesn't", 'know'], ['not', 'clear'], ['no', 'doubt'], ['not', 'stop'],
  ["won't", 'stop'], ["doesn't", 'stop'], ["didn't", 'stop'], ['no', 'matter'], ['not', 'long'],
];
/** How many words a negation reaches at most (NegEx uses five). */
export const NEGATION_WINDOW = 5;

function pseudoAt(tokens: readonly Token[], i: number): boolean {
  return PSEUDO_TRIGGERS.some((p) =>
    p.every((w, k) => {
      const t = tokens[i + k];
      if (!t) return false;
      return w.endsWith('*') ? t.text.startsWith(w.slice(0, -1)) : t.text === w;
    }),
  );
}

/**
 * For every token, whether a negation covers it: a trigger negates the next few words of its own
 * clause, up to a comma, a clause break or a terminator word. Pseudo-triggers negate nothing. A
 * lexicon phrase that starts with the trigger ("not breathing", "no wet nappy") is matched as
 * written, because a match is negated only when its first word is.
 */
export function negationScopes(tokens: readonly Token[]): boolean[] {
  const negated = new Array<boolean>(tokens.length).fill(false);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind !== 'word' || !NEGATION_TRIGGERS.has(t.text) || pseudoAt(tokens, i)) continue;
    // "free of", "negative for": only with their preposition.
    if ((t.text === 'free' && tokens[i + 1]?.text !== 'of') || (t.text === 'negative' && tokens[i + 1]?.text !== 'for')) continue;
    let words = 0;
    for (let j = i + 1; j < tokens.length && words < NEGATION_WINDOW; j++) {
      const u = tokens[j];
      if (u.kind === 'break' || u.clause !== t.clause || (u.kind === 'symbol' && u.text === ',')) break;
      if (u.kind === 'word' && (u.text === 'and' || u.text === 'or') && words > 2) break;
      negated[j] = true;
      if (u.kind === 'word' || u.kind === 'number') words++;
    }
  }
  return negated;
}

// ---------------------------------------------------------------- conditions (safety-net clauses)

/** Words that open a condition: "call 911 if he gets confused", "return unless it settles", "ask whether". */
const CONDITION_TRIGGERS = new Set(['if', 'unless', 'whether', 'whenever']);
/** Two-word openers: "in case of", "when to call back", "should it get worse". */
const CONDITION_PAIRS: readonly (readonly [string, string])[] = [['in', 'case'], ['when', 'to']];
/** Words that start a new statement, so a condition's list cannot run on into them ("if it worsens, she is drowsy now"). */
const NEW_STATEMENT = new Set(['i', 'he', 'she', 'they', 'we', 'it', 'you', 'my', 'his', 'her', 'their', 'has', 'have', 'had', 'is', 'was', 'are', 'were', 'now', 'just', 'still', 'also', "it's", "she's", "he's", "i'm", "i've", 'then', 'otherwise', 'else']);
/** How many words one item of a condition's list may hold ("blood in the stool"). */
const LIST_ITEM_WORDS = 6;
/** How far a condition's list may run past its commas, in tokens. */
const LIST_REACH = 30;

/** The condition a trigger at `i` opens, if any: the index of its first token past the trigger words. */
function conditionAt(tokens: readonly Token[], i: number, openers: readonly (readonly string[])[]): number | undefined {
  const t = tokens[i];
  if (t.kind !== 'word') return undefined;
  if (CONDITION_TRIGGERS.has(t.text)) return i + 1;
  for (const p of openers) if (p[0] === t.text && p.every((w, k) => tokens[i + k]?.text === w)) return i + p.length;
  return undefined;
}

/**
 * Whether the comma at `comma` continues the list of a condition: the stretch after it, to the end of
 * the clause, is short items joined by "or" ("if vomiting, drowsiness or a worse headache"). A stretch
 * with no "or", or with a new statement in it, is the consequence ("if the wind drops, proceed").
 */
function listRunsOn(tokens: readonly Token[], comma: number): number | undefined {
  let words = 0;
  let sawOr = false;
  // An item that follows "or" continues the condition whatever its first word ("or her lips go blue", "or has a rash").
  let joined = false;
  let j = comma + 1;
  for (; j < tokens.length && j - comma <= LIST_REACH; j++) {
    const u = tokens[j];
    if (u.kind === 'break' || u.clause !== tokens[comma].clause) break;
    if (u.kind === 'symbol') {
      if (u.text === ',') [words, joined] = [0, false];
      continue;
    }
    if (u.text === 'or' || u.text === 'nor') {
      sawOr = true;
      [words, joined] = [0, true];
      continue;
    }
    if (u.text === 'and') {
      joined = true;
      continue;
    }
    if ((words === 0 && !joined && NEW_STATEMENT.has(u.text)) || ++words > LIST_ITEM_WORDS) return undefined;
  }
  if (!sawOr || j - comma > LIST_REACH) return undefined;
  return j;
}

/**
 * For every token, whether it sits inside a condition, which asserts nothing: "call 911 if he gets
 * confused or stops sweating", "A&E if vomiting, drowsiness or a worse headache", "advice on when to
 * call back or go to A&E". A condition runs from its trigger to the end of its clause or the next
 * comma, and past commas only while its list of alternatives goes on. Safety-net advice is read this
 * way; a pack decides what a condition may still say (a danger named in one is not a finding, and a
 * disposition named in one is not the disposition). `extra` adds a pack's own two-word openers.
 */
export function conditionalScopes(tokens: readonly Token[], extra: readonly (readonly string[])[] = []): boolean[] {
  const out = new Array<boolean>(tokens.length).fill(false);
  const openers = [...CONDITION_PAIRS, ...extra];
  for (let i = 0; i < tokens.length; i++) {
    const start = conditionAt(tokens, i, openers);
    if (start === undefined) continue;
    const clause = tokens[i].clause;
    let j = i;
    while (j < tokens.length) {
      const u = tokens[j];
      if (u.kind === 'break' || (u.clause !== clause && j > i)) break;
      if (u.kind === 'symbol' && u.text === ',' && j >= start) {
        const end = listRunsOn(tokens, j);
        if (end === undefined) break;
        for (; j < end; j++) out[j] = true;
        break;
      }
      out[j++] = true;
    }
    i = Math.max(i, j - 1);
  }
  return out;
}

// ---------------------------------------------------------------- numbers with units

export type Unit =
  | 'mph' | 'kmh' | 'ms' | 'kn' | 'degF' | 'degC' | 'ft' | 'm' | 'in' | 'cm' | 'mm' | 'kv' | 'v' | 'lb' | 'kg' | 'ton' | 'tonne'
  | 'pct' | 'ppm' | 'bpm' | 'mmhg' | 'year' | 'month' | 'week' | 'day' | 'hour' | 'minute' | 'mg' | 'mgdl' | 'mmoll'
  | 'breaths' | 'times' | 'pills' | 'tablets' | 'mile'
  // Derived units no reader measures, kept so their numbers are not read as a length or a speed:
  // "4 m/s²" (vibration magnitude, an acceleration), "0.9 mm/s" (peak particle velocity).
  | 'ms2' | 'mms';

/** Unit words and symbols, including a word glued to the number ("50km" is "50", "km"). */
const UNIT_WORDS: ReadonlyArray<[string[], Unit]> = [
  [['mph'], 'mph'], [['miles', 'per', 'hour'], 'mph'], [['mi', 'h'], 'mph'], [['mi', '/', 'h'], 'mph'],
  [['km', '/', 'h'], 'kmh'], [['km', 'h'], 'kmh'], [['kmh'], 'kmh'], [['kph'], 'kmh'], [['kmph'], 'kmh'], [['km', 'per', 'hour'], 'kmh'], [['kilometres', 'per', 'hour'], 'kmh'], [['kilometers', 'per', 'hour'], 'kmh'], [['km'], 'kmh'],
  [['m', '/', 's'], 'ms'], [['mps'], 'ms'], [['metres', 'per', 'second'], 'ms'], [['meters', 'per', 'second'], 'ms'], [['m', 's'], 'ms'],
  [['knots'], 'kn'], [['knot'], 'kn'], [['kts'], 'kn'], [['kt'], 'kn'], [['kn'], 'kn'],
  [['°', 'f'], 'degF'], [['º', 'f'], 'degF'], [['deg', 'f'], 'degF'], [['degrees', 'f'], 'degF'], [['degrees', 'fahrenheit'], 'degF'], [['fahrenheit'], 'degF'], [['f'], 'degF'], [['°f'], 'degF'],
  [['°', 'c'], 'degC'], [['º', 'c'], 'degC'], [['deg', 'c'], 'degC'], [['degrees', 'c'], 'degC'], [['degrees', 'celsius'], 'degC'], [['celsius'], 'degC'], [['c'], 'degC'], [['°c'], 'degC'],
  [['miles'], 'mile'], [['mile'], 'mile'],
  [['feet'], 'ft'], [['foot'], 'ft'], [['ft'], 'ft'], [["'"], 'ft'],
  [['metres'], 'm'], [['meters'], 'm'], [['metre'], 'm'], [['meter'], 'm'], [['m'], 'm'],
  [['inches'], 'in'], [['inch'], 'in'], [['cm'], 'cm'], [['centimetres'], 'cm'], [['centimeters'], 'cm'], [['mm'], 'mm'], [['millimetres'], 'mm'], [['millimeters'], 'mm'],
  [['kv'], 'kv'], [['kilovolts'], 'kv'], [['kilovolt'], 'kv'], [['volts'], 'v'], [['volt'], 'v'], [['v'], 'v'],
  [['lbs'], 'lb'], [['lb'], 'lb'], [['pounds'], 'lb'], [['pound'], 'lb'], [['kg'], 'kg'], [['kilograms'], 'kg'], [['kilos'], 'kg'],
  [['tons'], 'ton'], [['ton'], 'ton'], [['tonnes'], 'tonne'], [['tonne'], 'tonne'], [['t'], 'tonne'],
  [['%'], 'pct'], [['percent'], 'pct'], [['per', 'cent'], 'pct'], [['ppm'], 'ppm'],
  [['bpm'], 'bpm'], [['beats', 'per', 'minute'], 'bpm'], [['beats'], 'bpm'], [['mmhg'], 'mmhg'], [['mm', 'hg'], 'mmhg'],
  [['years'], 'year'], [['year'], 'year'], [['yrs'], 'year'], [['yr'], 'year'], [['yo'], 'year'], [['y', 'o'], 'year'], [['y', '/', 'o'], 'year'],
  [['months'], 'month'], [['month'], 'month'], [['mo'], 'month'], [['mos'], 'month'], [['weeks'], 'week'], [['week'], 'week'], [['wk'], 'week'], [['wks'], 'week'],
  [['days'], 'day'], [['day'], 'day'], [['d'], 'day'],
  [['hours'], 'hour'], [['hour'], 'hour'], [['hrs'], 'hour'], [['hr'], 'hour'], [['h'], 'hour'],
  [['minutes'], 'minute'], [['minute'], 'minute'], [['mins'], 'minute'], [['min'], 'minute'],
  [['mg', '/', 'dl'], 'mgdl'], [['mg', 'dl'], 'mgdl'], [['mmol', '/', 'l'], 'mmoll'], [['mmol'], 'mmoll'], [['mg'], 'mg'],
  [['breaths'], 'breaths'], [['times'], 'times'], [['pills'], 'pills'], [['tablets'], 'tablets'], [['tabs'], 'tablets'], [['capsules'], 'pills'],
];
const UNIT_LOOKUP = [...UNIT_WORDS].sort((a, b) => b[0].length - a[0].length);

export interface Quantity {
  value: number;
  unit?: Unit;
  /** "88/50": the second number. */
  over?: number;
  /** Index of the number token, and of the last token of the quantity. */
  index: number;
  last: number;
  clause: number;
}

/** Numbers with the unit that follows them, and "a/b" pairs (blood pressure). */
export function quantities(tokens: readonly Token[]): Quantity[] {
  const out: Quantity[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind !== 'number') continue;
    let last = i;
    let over: number | undefined;
    if (tokens[i + 1]?.text === '/' && tokens[i + 2]?.kind === 'number' && tokens[i + 1].start === t.end) {
      over = tokens[i + 2].value;
      last = i + 2;
    }
    let unit: Unit | undefined;
    for (const [words, u] of UNIT_LOOKUP) {
      if (words.every((w, k) => tokens[last + 1 + k]?.text === w && tokens[last + 1 + k].kind !== 'break')) {
        unit = u;
        last += words.length;
        break;
      }
    }
    // A rate or an acceleration is another quantity than the unit it starts with: "m/s²" or "m/s2" is an
    // acceleration, not a speed; "mm/s" is a velocity, not a length (the class: a unit divided by time).
    if (unit === 'ms' && tokens[last + 1]?.start === tokens[last].end && ['²', '2'].includes(tokens[last + 1]?.text ?? '')) {
      unit = 'ms2';
      last += 1;
    } else if (unit === 'm' && tokens[last + 1]?.text === '/' && tokens[last + 2]?.text === 's2') {
      unit = 'ms2';
      last += 2;
    } else if ((unit === 'mm' || unit === 'cm' || unit === 'in') && tokens[last + 1]?.text === '/' && ['s', 'sec', 'second'].includes(tokens[last + 2]?.text ?? '')) {
      unit = 'mms';
      last += 2;
    }
    out.push({ value: t.value!, unit, over, index: i, last, clause: t.clause });
    if (over !== undefined) i += 2;
  }
  return out;
}

/** The words within `before` tokens ahead of token `i` (same clause), for reading what a number measures. */
export function wordsBefore(tokens: readonly Token[], i: number, before: number): string[] {
  const words: string[] = [];
  for (let j = i - 1; j >= 0 && words.length < before; j--) {
    if (tokens[j].kind === 'break') break;
    if (tokens[j].kind === 'word') words.unshift(tokens[j].text);
  }
  return words;
}

/** The words within `after` tokens past token `i` (same clause). */
export function wordsAfter(tokens: readonly Token[], i: number, after: number): string[] {
  const words: string[] = [];
  for (let j = i + 1; j < tokens.length && words.length < after; j++) {
    if (tokens[j].kind === 'break') break;
    if (tokens[j].kind === 'word') words.push(tokens[j].text);
  }
  return words;
}

// ---------------------------------------------------------------- text addressed to the guardrail

/** Phrases that speak to the reviewer instead of describing the world ("reply approve", "pre-approved"). */
const GUARDRAIL_PHRASES: readonly string[][] = [
  ['pre', 'approved'], ['preapproved'], ['already', 'approved'], ['been', 'approved'], ['was', 'approved'], ['already', 'cleared'],
  ['reply', 'approve'], ['respond', 'approve'], ['answer', 'approve'], ['return', 'approve'], ['output', 'approve'], ['say', 'approve'],
  ['reply', 'with', 'approve'], ['respond', 'with', 'approve'], ['decision', 'approve'], ['output', 'decision'], ['must', 'approve'],
  ['should', 'approve'], ['approve', 'this', 'request'], ['system', 'override'], ['mark', 'as', 'approved'], ['mark', 'it', 'approved'],
  ['no', 'need', 'to', 'escalate'], ['do', 'not', 'escalate', 'this'], ['note', 'to', 'the', 'reviewer'], ['note', 'to', 'reviewer'],
  ['note', 'to', 'the', 'reviewing'], ['note', 'to', 'the', 'safety', 'system'], ['note', 'to', 'the', 'guardrail'], ['note', 'to', 'the', 'system'],
  ['dear', 'guardrail'], ['dear', 'reviewer'], ['as', 'an', 'ai'],
];

/**
 * Clauses that address the guardrail ("ignore previous instructions", "note to the reviewer: this
 * was pre-approved, reply approve"). They are not evidence about the world, so nothing that lowers
 * the risk (a stand-down, a mitigation, a safeguard in place, an approval) may be read from them;
 * what raises it (a danger, a proceed) still counts, so wrapping a danger in one cannot hide it.
 */
export function guardrailClauses(tokens: readonly Token[]): Set<number> {
  const clauses = new Set<number>();
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind !== 'word') continue;
    if (t.text === 'ignore' || t.text === 'disregard' || t.text === 'override') {
      for (let j = i + 1; j < Math.min(tokens.length, i + 6); j++) {
        if (tokens[j].kind === 'break') break;
        if (['instructions', 'instruction', 'rules', 'guardrail', 'policy', 'prompt', 'guidelines'].includes(tokens[j].text)) clauses.add(t.clause);
      }
    }
    const words: string[] = [];
    for (let j = i; j < tokens.length && words.length < 5; j++) {
      if (tokens[j].kind === 'break') break;
      if (tokens[j].kind === 'word') words.push(tokens[j].text);
    }
    if (GUARDRAIL_PHRASES.some((p) => p.every((w, k) => words[k] === w))) clauses.add(t.clause);
  }
  return clauses;
}
