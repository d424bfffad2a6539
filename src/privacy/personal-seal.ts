import crypto from 'node:crypto';
import { canonicalJson } from '../lib/canonical-json.js';
import { matchPersonal, type PersonalPath } from './personal-paths.js';

/**
 * Personal values are kept apart from the evaluation row, so that they can be erased while the row,
 * and the hash that a sealed block commits to, stay as they were (hash scheme 3):
 * - in the stored request, each personal field is replaced by a marker `{"$personal": "sha256:…"}`;
 * - in the stored answer and futures, every stretch of text that repeats a personal value (the reading's
 *   facts and sources, an explanation quoting the complaint, a future's narrative) is replaced by an
 *   inline token `[[personal:sha256:…]]`;
 * - the digest is sha256(salt ‖ canonical JSON of the value) with a random salt per value, so the row
 *   commits to each value without revealing it, and once the salt and value are erased nobody can link
 *   the digest to a guess.
 */
export const MARKER_KEY = '$personal';
export const TOKEN_OPEN = '[[personal:';
export const TOKEN_CLOSE = ']]';
/** What a reader who may not see a personal value sees in its place. */
export const MASKED = '[personal]';
/** What everyone sees once a value has been erased. */
export const ERASED = '[erased]';

const SALT_BYTES = 16;
/** Shorter values are not looked for in the answer's text: "Al" or "12" would match everywhere. */
const MIN_ECHO_CHARS = 4;
/** A long value quoted cut short (a reader clips what it quotes) is still found by its beginning. */
const HEAD_FROM_CHARS = 32;
const HEAD_CHARS = 24;

export interface StoredFutureLike {
  steps: { event: string }[];
  risk_factors: string[];
}

export interface SealableContent<F extends StoredFutureLike = StoredFutureLike> {
  request: Record<string, unknown>;
  response: Record<string, unknown>;
  futures: F[];
}

export interface PersonalField {
  /** `sha256:<hex>` of the salt and the value: what the row carries instead of the value. */
  digest: string;
  /** Where it sits: `request.state.chief_complaint`, or the first place its text was echoed. */
  path: string;
  /** A field of the request, or text of the answer that repeats one. */
  kind: 'field' | 'echo';
  /** Hex. */
  salt: string;
  value: unknown;
}

export function personalDigest(saltHex: string, value: unknown): string {
  const h = crypto.createHash('sha256');
  h.update(Buffer.from(saltHex, 'hex'));
  h.update(canonicalJson(value));
  return `sha256:${h.digest('hex')}`;
}

const isDigest = (s: string) => s.length === 71 && s.startsWith('sha256:');

/** Lower-cases ASCII only, so positions in the folded text are positions in the original. */
function fold(s: string): string {
  let ascii = true;
  for (let i = 0; i < s.length && ascii; i++) ascii = s.charCodeAt(i) < 128;
  if (ascii) return s.toLowerCase();
  const out: string[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out.push(c >= 65 && c <= 90 ? String.fromCharCode(c + 32) : s[i]);
  }
  return out.join('');
}

function isWordChar(s: string, i: number): boolean {
  if (i < 0 || i >= s.length) return false;
  const c = s.charCodeAt(i);
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c > 127;
}

/**
 * What to look for in the answer: each personal leaf's text and the beginning of a long one (case
 * folded, at word boundaries), and the reader's quotes of a personal leaf (`path: "…"`, `path = …`).
 */
interface Needles {
  /** Folded texts, by their first three characters (as one number), so one pass over a string finds every candidate. */
  byPrefix: Map<number, { text: string; kind: 'value' | 'head' }[]>;
  /** The paths of personal leaves, as a reader cites them. */
  leafPaths: Set<string>;
}

const PREFIX = 3;
/** Three UTF-16 units as one number (48 bits: exact as a double). */
const prefixKey = (s: string, i: number) => s.charCodeAt(i) * 4294967296 + s.charCodeAt(i + 1) * 65536 + s.charCodeAt(i + 2);

function needlesOf(path: string[], value: unknown, out: Needles, depth = 0): void {
  if (depth > 32) return;
  if (typeof value === 'string' || typeof value === 'number') {
    out.leafPaths.add(path.join('.'));
    const text = fold(String(value).trim());
    const add = (t: string, kind: 'value' | 'head') => {
      const key = prefixKey(t, 0);
      const list = out.byPrefix.get(key) ?? [];
      list.push({ text: t, kind });
      out.byPrefix.set(key, list);
    };
    if (text.length >= MIN_ECHO_CHARS) add(text, 'value');
    if (text.length >= HEAD_FROM_CHARS) add(text.slice(0, HEAD_CHARS), 'head');
    return;
  }
  if (value === null || typeof value !== 'object') return;
  for (const [k, v] of Object.entries(value)) needlesOf([...path, k], v, out, depth + 1);
}

/** The end of a quote that starts at `from`: a JSON string literal is taken whole, anything else to the next separator. */
function quoteEnd(s: string, from: number, form: 'colon' | 'equals'): number {
  if (form === 'colon') {
    const close = s.indexOf('"', from);
    return close === -1 ? s.length : close;
  }
  if (s[from] === '"') {
    for (let i = from + 1; i < s.length; i++) {
      if (s[i] === '\\') i++;
      else if (s[i] === '"') return i + 1;
    }
    return s.length;
  }
  let i = from;
  while (i < s.length && s[i] !== ';' && s[i] !== ',' && s[i] !== ')') i++;
  return i;
}

const isPathChar = (c: string) => isWordChar(c, 0) || c === '.' || c === '-';
const QUOTES = [
  { text: ': "', form: 'colon' },
  { text: ' = ', form: 'equals' },
] as const;

/** The stretches of `s` that repeat personal text, merged. One pass per kind of needle: linear in |s| times the candidates at each position. */
function spansOf(s: string, needles: Needles): [number, number][] {
  const spans: [number, number][] = [];
  const folded = fold(s);
  for (let i = 0; i + PREFIX <= folded.length; i++) {
    const candidates = needles.byPrefix.get(prefixKey(folded, i));
    if (!candidates || isWordChar(folded, i - 1)) continue;
    for (const n of candidates) {
      if (!folded.startsWith(n.text, i)) continue;
      if (n.kind === 'value') {
        if (isWordChar(folded, i + n.text.length)) continue;
        spans.push([i, i + n.text.length]);
      } else {
        const close = s.indexOf('"', i);
        spans.push([i, close === -1 ? s.length : close]);
      }
      break;
    }
  }
  for (const q of QUOTES) {
    for (let at = s.indexOf(q.text); at !== -1; at = s.indexOf(q.text, at + 1)) {
      let j = at;
      while (j > 0 && isPathChar(s[j - 1])) j--;
      if (j === at || !needles.leafPaths.has(s.slice(j, at))) continue;
      const start = at + q.text.length;
      const end = quoteEnd(s, start, q.form);
      if (end > start) spans.push([start, end]);
    }
  }
  if (spans.length < 2) return spans;
  spans.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [spans[0]];
  for (const sp of spans.slice(1)) {
    const last = merged[merged.length - 1];
    if (sp[0] <= last[1]) last[1] = Math.max(last[1], sp[1]);
    else merged.push(sp);
  }
  return merged;
}

/** Parts of the answer that are structure, never text about the case: decisions, numbers, ids, versions. */
const STRUCTURAL_KEYS = new Set(['evaluation_id', 'decision', 'risk', 'policy', 'world_model', 'override', 'created_at', 'timing_ms', 'code']);

export interface Sealed<F extends StoredFutureLike> {
  content: SealableContent<F>;
  fields: PersonalField[];
}

/**
 * The content as stored under scheme 3, and the personal values it no longer holds; null when the
 * request holds no personal value (the row is stored under scheme 2, as before). Never changes its input.
 */
export function sealPersonal<F extends StoredFutureLike>(
  content: SealableContent<F>,
  paths: readonly PersonalPath[],
  randomBytes: (n: number) => Buffer = crypto.randomBytes,
): Sealed<F> | null {
  const matches = matchPersonal(content.request, paths);
  if (matches.length === 0) return null;
  const fields: PersonalField[] = [];
  const newField = (path: string, kind: PersonalField['kind'], value: unknown): PersonalField => {
    const salt = randomBytes(SALT_BYTES).toString('hex');
    const field = { digest: personalDigest(salt, value), path, kind, salt, value };
    fields.push(field);
    return field;
  };

  const request = structuredClone(content.request);
  const needles: Needles = { byPrefix: new Map(), leafPaths: new Set() };
  for (const m of matches) {
    const field = newField(`request.${m.path.join('.')}`, 'field', m.value);
    let at = request as Record<string, unknown>;
    for (const seg of m.path.slice(0, -1)) at = at[seg] as Record<string, unknown>;
    at[m.path[m.path.length - 1]] = { [MARKER_KEY]: field.digest };
    needlesOf(m.path, m.value, needles);
  }
  // Once each (a conversation repeats its roles), longest first, so a value that contains another is found whole.
  for (const [key, list] of needles.byPrefix) {
    needles.byPrefix.set(key, [...new Map(list.map((n) => [`${n.kind}:${n.text}`, n])).values()].sort((a, b) => b.text.length - a.text.length));
  }

  const echoes = new Map<string, PersonalField>();
  const sealText = (s: string, where: string): string => {
    const spans = spansOf(s, needles);
    if (spans.length === 0) return s;
    let out = '';
    let from = 0;
    for (const [a, b] of spans) {
      const text = s.slice(a, b);
      let echo = echoes.get(text);
      if (!echo) {
        echo = newField(where, 'echo', text);
        echoes.set(text, echo);
      }
      out += `${s.slice(from, a)}${TOKEN_OPEN}${echo.digest}${TOKEN_CLOSE}`;
      from = b;
    }
    return out + s.slice(from);
  };
  const sealTree = (value: unknown, where: string, depth: number): unknown => {
    if (typeof value === 'string') return sealText(value, where);
    if (value === null || typeof value !== 'object' || depth > 64) return value;
    if (Array.isArray(value)) return value.map((v, i) => sealTree(v, `${where}.${i}`, depth + 1));
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, STRUCTURAL_KEYS.has(k) ? v : sealTree(v, `${where}.${k}`, depth + 1)]));
  };

  const { reading, ...rest } = content.response as { reading?: Record<string, unknown> };
  const response: Record<string, unknown> = sealTree(rest, 'response', 0) as Record<string, unknown>;
  if (reading !== undefined) {
    // The classified action is structure (effect, kind, disposition); the facts and sources quote the text.
    const { action, ...readingRest } = reading;
    response.reading = { ...(sealTree(readingRest, 'response.reading', 1) as Record<string, unknown>), ...(action !== undefined ? { action } : {}) };
  }
  const futures = content.futures.map((f, i) => ({
    ...f,
    steps: f.steps.map((st, j) => ({ ...st, event: typeof st.event === 'string' ? sealText(st.event, `futures.${i}.steps.${j}.event`) : st.event })),
    risk_factors: f.risk_factors.map((r, j) => (typeof r === 'string' ? sealText(r, `futures.${i}.risk_factors.${j}`) : r)),
  }));
  return { content: { request, response: reorderLike(content.response, response), futures }, fields };
}

/** Keeps the answer's keys in their original order (the reading was split off and put back). */
function reorderLike(original: Record<string, unknown>, sealed: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.keys(original).map((k) => [k, sealed[k]]));
}

/** What a reader is shown for one personal value. */
export type Shown = { kind: 'value'; value: unknown } | { kind: 'masked' } | { kind: 'erased' };

function shownText(shown: Shown): string {
  if (shown.kind === 'masked') return MASKED;
  if (shown.kind === 'erased') return ERASED;
  return typeof shown.value === 'string' ? shown.value : canonicalJson(shown.value);
}

function openText(s: string, reveal: (digest: string) => Shown | undefined): string {
  if (!s.includes(TOKEN_OPEN)) return s;
  let out = '';
  let from = 0;
  for (let at = s.indexOf(TOKEN_OPEN); at !== -1; at = s.indexOf(TOKEN_OPEN, at + 1)) {
    const start = at + TOKEN_OPEN.length;
    const end = s.indexOf(TOKEN_CLOSE, start);
    if (end === -1) break;
    const digest = s.slice(start, end);
    const shown = isDigest(digest) ? reveal(digest) : undefined;
    if (!shown) continue;
    out += s.slice(from, at) + shownText(shown);
    from = end + TOKEN_CLOSE.length;
    at = from - 1;
  }
  return out + s.slice(from);
}

/**
 * Puts back what `reveal` shows for each marker and token of a digest it knows (the value, `[personal]`
 * or `[erased]`); anything else, including look-alikes a caller typed, is left as it is.
 */
export function openPersonal<T>(value: T, reveal: (digest: string) => Shown | undefined, depth = 0): T {
  if (typeof value === 'string') return openText(value, reveal) as T;
  if (value === null || typeof value !== 'object' || depth > 64) return value;
  if (Array.isArray(value)) return value.map((v) => openPersonal(v, reveal, depth + 1)) as T;
  const keys = Object.keys(value);
  if (keys.length === 1 && keys[0] === MARKER_KEY) {
    const d = (value as Record<string, unknown>)[MARKER_KEY];
    const shown = typeof d === 'string' && isDigest(d) ? reveal(d) : undefined;
    if (shown) return (shown.kind === 'value' ? shown.value : shownText(shown)) as T;
  }
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, openPersonal(v, reveal, depth + 1)])) as T;
}
