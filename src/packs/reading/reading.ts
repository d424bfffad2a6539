import { boundedMemo } from '../../lib/bounded-memo.js';
import { guardrailClauses, type Lexicon, type Token, tokenize } from './text.js';

/** A canonical fact: a number in canonical units, a word from the pack's vocabulary, a flag or a list. */
export type FactValue = number | string | boolean | string[];
/** Facts nested by name (`facts.wind.gust_mph`), as the rule language reads them. Missing means unknown. */
export type Facts = { [name: string]: FactValue | Facts };

/** What the action does, as the pack's action classifier reads it. */
export interface ActionReading {
  /** proceeds with the work or change; stands it down; puts a control in place first; chooses a disposition. */
  effect: 'proceeds' | 'stands_down' | 'mitigates_first' | 'disposition';
  /** The pack's canonical kind of action ("crane_lift", "permission_change"), or "unknown". */
  kind: string;
  /** Where the kind came from. */
  kind_source: 'kind' | 'parameters' | 'description' | 'state' | 'unknown';
  /** Could the action hurt someone or something if the reading is wrong. */
  high_impact: boolean;
  /** The action lowers the risk (a stand-down, a higher-acuity disposition): never blocked for missing facts. */
  lowers_risk: boolean;
  /** Triage: the disposition. */
  disposition?: string;
  /** Set when the kind, the disposition and the description disagree; says how. */
  contradiction?: string;
  /**
   * Set by a pack when it cannot tell what a high-impact action does (it read no effect of it, neither
   * a danger nor a safeguard); says what it would need. Such an action escalates as `unfamiliar_situation`:
   * approving it would rest on the model knowing nothing to fear, not on a reading.
   */
  unaccounted?: string;
}

/** The one reading of a request that hard rules, features and explanations all use. */
export interface Reading {
  facts: Facts;
  /** Where each fact came from, by dotted name: "state.environmental_conditions.gust_kmh = 50 km/h". */
  provenance: Record<string, string>;
  action: ActionReading;
  /** Request fields the normaliser did not read, as paths ("state.crew_status.favourite_colour"). */
  ignored: string[];
  /** Text fields longer than the reading cap: the reading of them is partial. */
  truncated: string[];
  /** Text fields with clauses addressed to the guardrail ("reply approve"): nothing that lowers the risk is read from those clauses. */
  instructions: string[];
  /** Content words of the request's free text that the pack's vocabulary could not read. */
  unread: { share: number; words: number; unknown: string[] };
  /** Free text for similar-case search. */
  text: string;
}

/** Text beyond this many characters in one field is not read; the evaluation escalates with `input_truncated`. */
export const READING_CAP_CHARS = 8_000;
/**
 * Text read across all fields of a request's state: past it, further state text is not read and the
 * evaluation escalates with `input_truncated`, so many long fields cost no more than a few. The
 * action's own fields are always read (each within the cap): they are what is judged.
 */
export const READING_TOTAL_CHARS = 5 * READING_CAP_CHARS;
const MAX_IGNORED = 50;
const MAX_WALK_DEPTH = 8;

/** Common English words that carry no domain meaning; they count as read. */
const STOPWORDS = new Set(
  `a an the and or but if then else of to in on at by for with from into onto over under up down out off about as is are was were be been being am
  it its it's this that these those there here he she they them his her their our we us you your i me my mine yours
  do does did doing done have has had having will would shall should can could may might must not no yes ok okay
  so too very just also only even still yet now again once all any each every some such both either neither more most less
  what which who whom whose when where why how than because while after before until since though although
  please thanks thank hi hello dear sir madam team note per via etc e g i.e eg ie vs let let's lets get got go going gone make made
  new old same other another next last first second third one two three four five six seven eight nine ten
  today tomorrow yesterday morning afternoon evening night week weeks day days hour hours minute minutes time times
  am pm said says say tell told ask asked asking want wants wanted need needs needed like likes think thinks know knows
  see seen look looks looking well good bad okay fine sure right left back around near nearly about approximately roughly
  again already always never often sometimes usually soon later currently current proposed propose plan planned planning`
    .split(/\s+/)
    .filter(Boolean),
);

function setPath(facts: Facts, dotted: string, value: FactValue): void {
  const keys = dotted.split('.');
  let at: Facts = facts;
  for (let i = 0; i < keys.length - 1; i++) {
    const next = at[keys[i]];
    if (next === undefined || typeof next !== 'object' || Array.isArray(next)) at[keys[i]] = {};
    at = at[keys[i]] as Facts;
  }
  at[keys.at(-1)!] = value;
}

/** Dotted fact names split once: rules name the same few hundred facts on every evaluation. */
const factPath = boundedMemo((dotted): readonly string[] => dotted.split('.'), 10_000);

/** Reads a nested fact by dotted name; undefined when unknown. */
export function factAt(facts: Facts, dotted: string): FactValue | Facts | undefined {
  let at: FactValue | Facts | undefined = facts;
  for (const k of factPath(dotted)) {
    if (at === undefined || typeof at !== 'object' || Array.isArray(at) || !Object.hasOwn(at, k)) return undefined;
    at = (at as Facts)[k];
  }
  return at;
}

export interface ReadText {
  path: string;
  /** The text as read (within the cap): token offsets point into it. */
  text: string;
  tokens: Token[];
  /** Per token: inside a clause addressed to the guardrail, so nothing that lowers the risk (stand-down, mitigation, safeguard) may be read from it. */
  addressed: boolean[];
}

/** Characters that join the parts of a name written without spaces: host names, mail addresses, paths, snake_case ids. */
const NAME_JOINERS = new Set(['.', '@', '/', '\\', '_', ':']);

/**
 * A word that is part of an identifier rather than language: glued, with no space, through a joiner to
 * another word or number (a host name, a mail address, a file or UNC path, "org_trail"), or letters
 * mixed with digits ("fs01", "ns1"). No vocabulary can read a name, so names are not evidence that the
 * request is unfamiliar: counting them made any request full of host names, repositories and paths look
 * unreadable whatever its words said.
 */
function identifierPart(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  let digits = false;
  for (const ch of t.text) if (ch >= '0' && ch <= '9') digits = true;
  if (digits) return true;
  const joined = (j: number, dir: 1 | -1): boolean => {
    const joiner = tokens[j];
    const other = tokens[j + dir];
    if (!joiner || !other || !NAME_JOINERS.has(joiner.text) || (joiner.kind !== 'symbol' && joiner.kind !== 'break')) return false;
    const touching = dir === 1 ? joiner.start === t.end && other.start === joiner.end : joiner.end === t.start && other.end === joiner.start;
    return touching && (other.kind === 'word' || other.kind === 'number' || NAME_JOINERS.has(other.text));
  };
  return joined(i + 1, 1) || joined(i - 1, -1);
}

/**
 * Collects one request's facts with their provenance while a normaliser reads it, and at the end
 * says which fields it never read. A fact set twice keeps its first value unless the later one is
 * marked as stronger evidence, so normalisers read the most explicit sources first.
 */
export class ReadingBuilder {
  readonly facts: Facts = {};
  readonly provenance: Record<string, string> = {};
  private readonly consumed = new Set<string>();
  readonly truncated: string[] = [];
  readonly instructions: string[] = [];
  private contentWords = 0;
  private readonly unknownWords: string[] = [];
  private readonly texts: string[] = [];

  constructor(readonly request: { state: Record<string, unknown>; action: Record<string, unknown> }) {}

  /** The raw value at `state.x.y` / `action.x`, marked as read. Own keys only. */
  get(path: string): unknown {
    this.consumed.add(path);
    let at: unknown = this.request;
    for (const k of path.split('.')) {
      if (at === null || typeof at !== 'object' || Array.isArray(at) || !Object.hasOwn(at, k)) return undefined;
      at = (at as Record<string, unknown>)[k];
    }
    return at;
  }

  /** Marks a raw path as read without fetching it (a field read through a parent object). */
  consume(path: string): void {
    this.consumed.add(path);
  }

  has(fact: string): boolean {
    return factAt(this.facts, fact) !== undefined;
  }

  /** Sets a fact unless it is already known (or `stronger` evidence replaces it). */
  set(fact: string, value: FactValue | undefined, source: string, stronger = false): void {
    if (value === undefined || (typeof value === 'number' && !Number.isFinite(value))) return;
    if (!stronger && this.has(fact)) return;
    // Four decimals keep an infant's age in years (3 weeks = 0.0575) and a ratio exact enough to compare.
    setPath(this.facts, fact, typeof value === 'number' ? Math.round(value * 10_000) / 10_000 : value);
    this.provenance[fact] = source;
  }

  /** Adds words to a list fact (e.g. symptoms), keeping each once. */
  add(fact: string, value: string, source: string): void {
    const current = factAt(this.facts, fact);
    const list = Array.isArray(current) ? current : [];
    if (list.includes(value)) return;
    setPath(this.facts, fact, [...list, value]);
    this.provenance[fact] = this.provenance[fact] ? `${this.provenance[fact]}; ${source}` : source;
  }

  /**
   * Tokenizes a text field once, within the reading cap (a longer field is recorded as truncated).
   * With a vocabulary, counts the content words it cannot read, for `unfamiliar_situation`.
   */
  text(path: string, value: unknown, vocabulary?: Lexicon): ReadText | undefined {
    if (typeof value !== 'string' || value.length === 0) return undefined;
    this.consumed.add(path);
    let text = value;
    const budgeted = !path.startsWith('action.');
    const cap = budgeted ? Math.min(READING_CAP_CHARS, READING_TOTAL_CHARS - this.charsRead) : READING_CAP_CHARS;
    if (text.length > cap) {
      this.truncated.push(path);
      if (cap <= 0) return undefined;
      text = text.slice(0, cap);
    }
    if (budgeted) this.charsRead += text.length;
    this.texts.push(text.length > 500 ? text.slice(0, 500) : text);
    const tokens = tokenize(text);
    const meta = guardrailClauses(tokens);
    if (meta.size > 0 && !this.instructions.includes(path)) this.instructions.push(path);
    if (vocabulary) this.countCoverage(tokens.filter((t) => !meta.has(t.clause)), vocabulary);
    return { path, text, tokens, addressed: tokens.map((t) => meta.has(t.clause)) };
  }

  private countCoverage(tokens: readonly Token[], vocabulary: Lexicon): void {
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i];
      if (t.kind !== 'word' || t.text.length < 3 || STOPWORDS.has(t.text) || identifierPart(tokens, i)) continue;
      this.contentWords++;
      if (!vocabulary.knows(t.text)) {
        if (this.unknownWords.length < 40 && !this.unknownWords.includes(t.text)) this.unknownWords.push(t.text);
        this.unknownCount++;
      }
    }
  }
  private unknownCount = 0;
  private charsRead = 0;

  build(action: ActionReading): Reading {
    return {
      facts: this.facts,
      provenance: this.provenance,
      action,
      ignored: this.ignoredPaths(),
      truncated: this.truncated,
      instructions: this.instructions,
      unread: { share: this.contentWords === 0 ? 0 : Math.round((this.unknownCount / this.contentWords) * 1000) / 1000, words: this.contentWords, unknown: this.unknownWords },
      text: this.texts.join(' \n '),
    };
  }

  private consumedUnder(path: string): boolean {
    const prefix = `${path}.`;
    for (const p of this.consumed) if (p.startsWith(prefix)) return true;
    return false;
  }

  /** Leaves of the raw request under no consumed path (bounded walk). */
  private ignoredPaths(): string[] {
    const out: string[] = [];
    const covered = (path: string) => {
      for (let p = path; ; ) {
        if (this.consumed.has(p)) return true;
        const dot = p.lastIndexOf('.');
        if (dot < 0) return false;
        p = p.slice(0, dot);
      }
    };
    const walk = (value: unknown, path: string, depth: number) => {
      if (out.length >= MAX_IGNORED || covered(path)) return;
      if (value !== null && typeof value === 'object' && !Array.isArray(value) && depth < MAX_WALK_DEPTH && Object.keys(value).length > 0) {
        for (const [k, v] of Object.entries(value)) walk(v, `${path}.${k}`, depth + 1);
        return;
      }
      if (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0)) return;
      // A list some of whose elements were read reports only the elements left unread.
      if (Array.isArray(value) && depth < MAX_WALK_DEPTH && this.consumedUnder(path)) {
        value.slice(0, MAX_IGNORED).forEach((v, i) => walk(v, `${path}.${i}`, depth + 1));
        return;
      }
      out.push(path);
    };
    walk(this.request.state, 'state', 0);
    walk(this.request.action, 'action', 0);
    return out;
  }
}
