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
  /** The tokens phrases are matched on: connectors inside a word ("cluster-admin", "roles/owner") dropped. */
  tokens: Token[];
  matches: PhraseMatch[];
}

const byPosition = (a: PhraseMatch, b: PhraseMatch) => a.first - b.first || b.last - a.last;
const CONNECTORS = new Set(['-', '/', '_', '.', ':']);
const isWordish = (t: Token | undefined) => t !== undefined && (t.kind === 'word' || t.kind === 'number');

/**
 * The shared Lexicon stops a phrase at any symbol, so "cluster-admin" or "public-read" in the
 * vocabulary would never match the tokens "cluster" "-" "admin". A connector written between two
 * words with no space around it is part of one name; dropping it lets the phrase trie see the words.
 */
function phraseTokens(tokens: readonly Token[]): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const glued = CONNECTORS.has(t.text) && isWordish(tokens[i - 1]) && isWordish(tokens[i + 1]) && tokens[i - 1].end === t.start && tokens[i + 1].start === t.end;
    if (!glued) out.push(t);
  }
  return out;
}

/** Tokens plus the catalogue's phrase matches (negation scoped by `negationScopes`), in reading order. */
export function view(text: string, raw: Token[], lexicon: Lexicon): TextView {
  const tokens = phraseTokens(raw);
  return { text, raw, tokens, matches: lexicon.match(tokens, negationScopes(tokens)).sort(byPosition) };
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
  const out: { raw: string; first: number; last: number }[] = [];
  const { raw: tokens, text } = v;
  let start = 0;
  for (let i = 1; i <= tokens.length; i++) {
    if (i < tokens.length && tokens[i].start === tokens[i - 1].end) continue;
    const raw = text.slice(tokens[start].start, tokens[i - 1].end);
    if (tokens.length > 0 && raw.length <= max) out.push({ raw: unquote(raw), first: start, last: i - 1 });
    start = i;
  }
  return out;
}

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
  if (s === '*' || s === 'internet' || s === 'any' || s === '::/0' || s === '0::/0' || s === 'anywhere' || s === '0.0.0.0/0') return true;
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
