import type { Token } from '../reading/text.js';

/**
 * Excavation slopes as agents and crews write them: "1.5H:1V", "1:1", "3/4:1", "1½ to 1",
 * "1 horizontal to 1 vertical", "34 degrees". Read from tokens in one pass; the result is the
 * horizontal run per unit of rise (29 CFR 1926 Subpart P, Appendix B writes slopes as H:V).
 */

const FRACTIONS: Readonly<Record<string, number>> = { '½': 0.5, '¼': 0.25, '¾': 0.75 };
/** Slopes said in words ("one horizontal to one vertical"). */
const NUMBER_WORDS: Readonly<Record<string, number>> = { one: 1, two: 2, three: 3, four: 4 };
const HORIZONTAL = new Set(['h', 'horizontal', 'horiz', 'hor']);
const VERTICAL = new Set(['v', 'vertical', 'vert']);
const DEGREES = new Set(['degrees', 'degree', 'deg', '°', 'º']);

/** A number at `i` ("1.5", "3/4", "1½", "¾"): its value and the index after it. */
function valueAt(tokens: readonly Token[], i: number): { value: number; next: number } | undefined {
  const t = tokens[i];
  if (!t) return undefined;
  if (t.kind === 'symbol' && FRACTIONS[t.text] !== undefined) return { value: FRACTIONS[t.text], next: i + 1 };
  if (t.kind === 'word' && NUMBER_WORDS[t.text] !== undefined) return { value: NUMBER_WORDS[t.text], next: i + 1 };
  if (t.kind !== 'number') return undefined;
  let value = t.value!;
  let next = i + 1;
  const after = tokens[next];
  if (after?.kind === 'symbol' && FRACTIONS[after.text] !== undefined && after.start === t.end) {
    value += FRACTIONS[after.text];
    next++;
  } else if (after?.text === '/' && tokens[next + 1]?.kind === 'number' && after.start === t.end && tokens[next + 1].value! > 0) {
    value /= tokens[next + 1].value!;
    next += 2;
  }
  return { value, next };
}

/**
 * The first slope in tokens[from..to]. With `marked`, a ratio counts only when it says which side is
 * horizontal ("1.5H:1V", "1 horizontal to 1 vertical"), so free text's times and scores are left alone;
 * a field named for the slope may write a bare "1:1".
 */
export function slopeIn(tokens: readonly Token[], from = 0, to = tokens.length - 1, marked = false): number | undefined {
  for (let i = from; i <= to && i < tokens.length; i++) {
    const h = valueAt(tokens, i);
    if (!h) continue;
    let j = h.next;
    if (DEGREES.has(tokens[j]?.text ?? '') && h.value > 0 && h.value < 90) return 1 / Math.tan((h.value * Math.PI) / 180);
    const hMarked = HORIZONTAL.has(tokens[j]?.text ?? '');
    if (hMarked) j++;
    const sep = tokens[j]?.text;
    if (sep !== ':' && sep !== 'to') continue;
    const v = valueAt(tokens, j + 1);
    if (!v || v.value <= 0) continue;
    const vMarked = VERTICAL.has(tokens[v.next]?.text ?? '');
    if (marked && !(hMarked && vMarked)) continue;
    return h.value / v.value;
  }
  return undefined;
}
