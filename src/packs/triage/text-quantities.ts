import { quantities, type Quantity, type Token } from '../reading/text.js';

/**
 * `quantities` from reading/text.ts, for long texts: it tries every unit at every number, so a field of
 * ten thousand bare numbers ("9 9 9 …") costs ten thousand unit scans that read nothing. Here a number
 * is looked at only when something could make it a measurement (a word or a unit symbol after it, an
 * "a/b" pair, or a measurement word just before it), and the unit scan runs once per distinct
 * few-token window, so a repeated pattern ("BP 88/ BP 88/ …") costs one scan. The answer is the same
 * as `quantities(tokens)` for every number it returns.
 */

/** Tokens after a number that a unit, a pair or a reading of it can span ("88 / 50 mm hg", "8 out of 10"). */
const WINDOW = 5;
const UNIT_SYMBOLS = new Set(['%', '°', 'º', "'", '/']);

interface Read {
  unit: Quantity['unit'];
  over: number | undefined;
  /** Tokens past the number that the quantity spans. */
  length: number;
}

function sameShape(tokens: readonly Token[], a: number, aEnd: number, b: number, bEnd: number): boolean {
  if (aEnd - a !== bEnd - b) return false;
  for (let k = 1; a + k < aEnd; k++) {
    const x = tokens[a + k];
    const y = tokens[b + k];
    if (x.kind !== y.kind || x.text !== y.text || (x.start === tokens[a + k - 1].end) !== (y.start === tokens[b + k - 1].end)) return false;
  }
  return true;
}

export function measuredQuantities(tokens: readonly Token[], measuredBefore: (index: number) => boolean): Quantity[] {
  const out: Quantity[] = [];
  const cache = new Map<string, Read | null>();
  // The window just read: a repeated pattern is recognised by comparing tokens, without building its key.
  let previous: { start: number; end: number; read: Read | null } | undefined;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind !== 'number') continue;
    const next = tokens[i + 1];
    const candidate = (next !== undefined && (next.kind === 'word' || (next.kind === 'symbol' && UNIT_SYMBOLS.has(next.text)))) || measuredBefore(i);
    if (!candidate) continue;
    let end = i + 1;
    while (end < tokens.length && end - i <= WINDOW && tokens[end].kind !== 'break') end++;
    let read: Read | null | undefined = previous !== undefined && sameShape(tokens, previous.start, previous.end, i, end) ? previous.read : undefined;
    if (read === undefined) {
      // The window's shape: kinds, texts and whether each token touches the one before ("88/50" is a pair, "88 / 50" is not).
      let key = '';
      for (let k = i + 1; k < end; k++) key += `${tokens[k].kind}${tokens[k].start === tokens[k - 1].end ? ':' : ' '}${tokens[k].text}\u0000`;
      read = cache.get(key);
      if (read === undefined) {
        const q = quantities(tokens.slice(i, end))[0];
        read = q && q.index === 0 ? { unit: q.unit, over: q.over, length: q.last } : null;
        cache.set(key, read);
      }
    }
    previous = { start: i, end, read };
    if (read === null) continue;
    const q: Quantity = { value: t.value!, index: i, last: i + read.length, clause: t.clause };
    if (read.unit !== undefined) q.unit = read.unit;
    if (read.over !== undefined) q.over = tokens[i + 2].value;
    out.push(q);
    if (read.over !== undefined) i += 2;
  }
  return out;
}
