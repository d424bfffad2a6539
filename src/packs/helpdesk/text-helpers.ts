import type { ReadText } from '../reading/reading.js';
import type { Lexicon, PhraseMatch, Token } from '../reading/text.js';
import { negationScopes } from '../reading/text.js';

/**
 * Small readers over the shared tokenizer's output. Nothing here looks at the raw text except
 * through token offsets, and each loop is linear in the number of tokens.
 */

export interface TextView {
  /** The text as read (within the reading cap). */
  text: string;
  /** The tokens as the tokenizer gave them (for arguments glued together). */
  raw: Token[];
  /** The tokens phrases are matched on: a '.' or ':' inside a name ("outlook.com", "s3:GetObject") dropped. */
  tokens: Token[];
  /** Per token of `tokens`: inside a clause addressed to the guardrail ("note to the reviewer: …, reply approve"). */
  addressed: boolean[];
  matches: PhraseMatch[];
}

const byPosition = (a: PhraseMatch, b: PhraseMatch) => a.first - b.first || b.last - a.last;
/** The shared Lexicon skips '-', '/', '_' inside a phrase; '.' and ':' are breaks to the tokenizer, so a name written with them is joined here. */
const CONNECTORS = new Set(['.', ':']);
const isWordish = (t: Token | undefined) => t !== undefined && (t.kind === 'word' || t.kind === 'number');

/**
 * Concepts that lower the risk when read: a safeguard put back, a handover, an approved or
 * self-service procedure, a verified identity, a non-production or endpoint target, a backup, a
 * disposable object. None of them is read from a clause addressed to the guardrail.
 */
const LOWERING = new Set(['op.close', 'op.enable', 'op.handover', 'procedure.standard', 'procedure.self_service', 'status.verified', 'identity.verified', 'env.nonproduction', 'env.endpoint', 'obj.disposable', 'guard.backup']);

/**
 * Tokens plus the catalogue's phrase matches (negation scoped by `negationScopes`), in reading order.
 * In clauses addressed to the guardrail a negation does not take a danger away and nothing that
 * lowers the risk is matched: such a clause is a plea, not evidence.
 */
export function view(text: string, raw: Token[], lexicon: Lexicon, rawAddressed?: readonly boolean[]): TextView {
  const joined = (i: number) => CONNECTORS.has(raw[i].text) && isWordish(raw[i - 1]) && isWordish(raw[i + 1]) && raw[i - 1].end === raw[i].start && raw[i + 1].start === raw[i].end;
  let tokens: Token[] = raw;
  let addressed: boolean[] = rawAddressed ? [...rawAddressed] : new Array<boolean>(raw.length).fill(false);
  let first = 0;
  while (first < raw.length && !joined(first)) first++;
  // Most texts have no dotted or colon-joined name: the tokens are then used as they are.
  if (first < raw.length) {
    tokens = raw.slice(0, first);
    addressed = addressed.slice(0, first);
    for (let i = first; i < raw.length; i++) {
      if (joined(i)) continue;
      tokens.push(raw[i]);
      addressed.push(rawAddressed?.[i] ?? false);
    }
  }
  const negated = negationScopes(tokens);
  const pleading = addressed.includes(true);
  if (pleading) for (let i = 0; i < negated.length; i++) if (addressed[i]) negated[i] = false;
  let matches = lexicon.match(tokens, negated);
  if (pleading) matches = matches.filter((m) => !(addressed[m.first] && LOWERING.has(m.concept)));
  return { text, raw, tokens, addressed, matches: matches.sort(byPosition) };
}

/** The view of a field the builder has read (its capped text, tokens and addressed clauses). */
export function viewOf(read: ReadText, lexicon: Lexicon): TextView {
  return view(read.text, read.tokens, lexicon, read.addressed);
}

export const family = (concept: string): string => concept.slice(0, concept.indexOf('.') + 1 || concept.length);

/** Affirmed matches whose concept starts with `prefix` ("op.", "guard."). */
export function affirmed(v: TextView, prefix: string): PhraseMatch[] {
  return v.matches.filter((m) => !m.negated && m.concept.startsWith(prefix));
}

export function has(v: TextView, concept: string): boolean {
  return v.matches.some((m) => !m.negated && m.concept === concept);
}

export function hasNegated(v: TextView, concept: string): boolean {
  return v.matches.some((m) => m.negated && m.concept === concept);
}

/**
 * Runs of tokens written without a space between them ("0.0.0.0/0", "--acl", "roles/owner",
 * "IpRanges=[{CidrIp=0.0.0.0/0}]"), as the raw characters they span: the arguments of a command line.
 * A run longer than `max` characters is dropped rather than read.
 */
export function glued(v: Pick<TextView, 'text' | 'raw'>, max = 200): { raw: string; first: number; last: number }[] {
  // Several readers ask for the arguments of the same view: split it once per cap.
  const cached = gluedCache.get(v.raw)?.get(max);
  if (cached) return cached;
  const out: { raw: string; first: number; last: number }[] = [];
  const byMax = gluedCache.get(v.raw) ?? new Map();
  byMax.set(max, out);
  gluedCache.set(v.raw, byMax);
  const { raw: tokens, text } = v;
  let start = 0;
  const newline = (t: Token | undefined) => t !== undefined && t.kind === 'break' && t.text === '\n';
  for (let i = 1; i <= tokens.length; i++) {
    // A line break separates arguments like a space does.
    if (i < tokens.length && tokens[i].start === tokens[i - 1].end && !newline(tokens[i]) && !newline(tokens[i - 1])) continue;
    if (newline(tokens[start])) {
      start = i;
      continue;
    }
    // Sentence punctuation and brackets around an argument are not part of it: "(port 3389)", "from 0.0.0.0/0?".
    let a = start;
    let z = i - 1;
    if (tokens.length === 0 || tokens[z].end - tokens[a].start > max) {
      start = i;
      continue;
    }
    while (a < z && OPENERS.has(tokens[a].text) && !closedWithin(tokens, a, z)) a++;
    while (z > a && (TRAILERS.has(tokens[z].text) || (CLOSERS.has(tokens[z].text) && !openedWithin(tokens, a, z)))) z--;
    const raw = text.slice(tokens[a].start, tokens[z].end);
    out.push({ raw: unquote(raw), first: a, last: z });
    start = i;
  }
  return out;
}

const gluedCache = new WeakMap<readonly Token[], Map<number, { raw: string; first: number; last: number }[]>>();
const TRAILERS = new Set(['?', '!', '.', ',', ';', ':']);
const PAIRS: Readonly<Record<string, string>> = { '(': ')', '[': ']', '{': '}' };
const OPENERS = new Set(Object.keys(PAIRS));
const CLOSERS = new Set(Object.values(PAIRS));
/** A closing bracket later in the run matches the opener at `a` (so "{...}" stays whole). */
const closedWithin = (t: readonly Token[], a: number, z: number) => {
  for (let k = a + 1; k <= z; k++) if (t[k].text === PAIRS[t[a].text]) return true;
  return false;
};
/** An opening bracket earlier in the run matches the closer at `z`. */
const openedWithin = (t: readonly Token[], a: number, z: number) => {
  for (let k = a; k < z; k++) if (PAIRS[t[k].text] === t[z].text) return true;
  return false;
};

const QUOTES = new Set(['"', "'", '`']);

/** Strips one layer of surrounding quotes from an argument. */
export function unquote(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && QUOTES.has(s[a])) a++;
  while (b > a && QUOTES.has(s[b - 1])) b--;
  return s.slice(a, b);
}

/** Splits a short, already-isolated argument on any of `separators` (a character loop, no pattern). */
export function splitOn(s: string, separators: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (const ch of s) {
    if (separators.includes(ch)) {
      if (cur) out.push(cur);
      cur = '';
    } else cur += ch;
  }
  if (cur) out.push(cur);
  return out;
}

/** Parses a dotted IPv4 address ("10.0.0.1") into its four octets, or undefined. */
export function ipv4(s: string): number[] | undefined {
  const parts = s.split('.');
  if (parts.length !== 4) return undefined;
  const octets: number[] = [];
  for (const p of parts) {
    if (p.length === 0 || p.length > 3) return undefined;
    for (const ch of p) if (ch < '0' || ch > '9') return undefined;
    const n = Number(p);
    if (n > 255) return undefined;
    octets.push(n);
  }
  return octets;
}

/** Whether a source address or range means "anyone on the internet". */
export function isWorldSource(raw: string): boolean {
  const s = unquote(raw.trim()).toLowerCase();
  // "0/0" and "any/any" are how engineers write the whole IPv4 space and any-to-any in chat.
  if (s === '*' || s === 'internet' || s === 'any' || s === '::/0' || s === '0::/0' || s === 'anywhere' || s === '0.0.0.0/0' || s === '0/0' || s === 'any/any') return true;
  const slash = s.indexOf('/');
  if (slash > 0) {
    const ip = ipv4(s.slice(0, slash));
    const bits = Number(s.slice(slash + 1));
    return ip !== undefined && Number.isInteger(bits) && bits <= 1;
  }
  return false;
}

/** The word tokens of a view, once each (for overlap between two messages). */
export function wordSet(tokens: readonly Token[]): Set<string> {
  const out = new Set<string>();
  for (const t of tokens) if (t.kind === 'word' && t.text.length > 2) out.add(t.text);
  return out;
}

/** Words written in capitals ("STILL NOT WORKING"), read from the token offsets. */
export function shoutedWords(text: string, tokens: readonly Token[]): number {
  let n = 0;
  for (const t of tokens) {
    if (t.kind !== 'word' || t.end - t.start < 4) continue;
    const raw = text.slice(t.start, t.end);
    if (raw === raw.toUpperCase() && raw !== raw.toLowerCase()) n++;
  }
  return n;
}

/** Port numbers in "port 22", "ports 22 and 3389", "22/tcp", "tcp:22". */
export function portsIn(tokens: readonly Token[]): number[] {
  const out: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind !== 'number' || !Number.isInteger(t.value) || t.value! < 1 || t.value! > 65535) continue;
    const prev = tokens[i - 1];
    const prev2 = tokens[i - 2];
    const next = tokens[i + 1];
    const next2 = tokens[i + 2];
    const portWord = (w?: Token) => w?.kind === 'word' && (w.text === 'port' || w.text === 'ports' || w.text === 'tcp' || w.text === 'udp');
    if (portWord(prev) || (prev?.text === ':' && portWord(prev2)) || (next?.text === '/' && (next2?.text === 'tcp' || next2?.text === 'udp'))) out.push(t.value!);
    else if ((prev?.text === 'and' || prev?.text === ',' || prev?.text === 'or') && out.length > 0 && tokens.slice(Math.max(0, i - 6), i).some(portWord)) out.push(t.value!);
  }
  return out;
}

/** A short name or value reduced to its letters and digits ("cluster-admin" → "clusteradmin"); longer input gives ''. */
export function compact(s: string, max = 200): string {
  if (s.length > max) return '';
  let out = '';
  for (const ch of s.toLowerCase()) if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) out += ch;
  return out;
}

/** The last segment of an ARN, resource path or role id ("arn:aws:iam::aws:policy/AdministratorAccess" → "AdministratorAccess"). */
export function lastSegment(s: string): string {
  const cut = Math.max(s.lastIndexOf('/'), s.lastIndexOf(':'));
  return cut >= 0 && cut < s.length - 1 ? s.slice(cut + 1) : s;
}
