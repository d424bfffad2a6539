/**
 * Negation-aware phrase finding over the free text of a triage state, in the spirit of NegEx
 * (Chapman et al., 2001): a finding preceded in its own clause by a negation cue ("no", "denies",
 * "without", …) is not present. Pertinent negatives that agents record as lists ("absent": […]) never count.
 */

export interface TextSegment {
  text: string;
  /** The whole segment is a pertinent negative (e.g. `symptom_details.absent`). */
  negated: boolean;
}

const NEGATION_CUE =
  /\b(no|not|never|without|denies|denied|deny|denying|negative for|absence of|free of|nor|neither|isn't|wasn't|aren't|weren't|doesn't|don't|didn't|hasn't|haven't|hadn't|ruled out)\b/i;

/** Where a negation's scope ends: sentence ends, contrasts, and verbs that start a new positive statement. */
const SCOPE_END =
  /[.;!?\n]|\b(but|however|although|though|except|yet|now|reports?|reporting|complains?|complaining|with|has|have|had|says|said|is|are)\b|,\s*(and\s+)?(she|he|i|they|it|her|his|my|their|the)\b/gi;

const NEGATION_WINDOW = 60;

/** Keys whose contents are pertinent negatives. */
const NEGATIVE_KEY = /absent|denie|negative|not_present|without|ruled_out|pertinent_neg|^none$|^no$/i;
/** Values that negate the key they belong to: `{ sweating: "no" }`. */
const NEGATIVE_VALUE = /^\s*(no|none|nil|denied|denies|absent|negative|not present|false|n)\s*\.?\s*$/i;

export function normaliseText(text: string): string {
  return text.replace(/[\u2018\u2019\u02bc]/g, "'");
}

function isNegated(text: string, index: number): boolean {
  const start = Math.max(0, index - NEGATION_WINDOW);
  let prefix = text.slice(start, index);
  let cut = 0;
  for (const end of prefix.matchAll(SCOPE_END)) cut = (end.index ?? 0) + end[0].length;
  prefix = prefix.slice(cut);
  return NEGATION_CUE.test(prefix);
}

/** The first non-negated match of `pattern` in the segments, or undefined. */
export function findPositive(segments: readonly TextSegment[], pattern: RegExp): string | undefined {
  const global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
  for (const segment of segments) {
    if (segment.negated) continue;
    for (const match of segment.text.matchAll(global)) {
      if (!isNegated(segment.text, match.index ?? 0)) return match[0].trim();
    }
  }
  return undefined;
}

export function hasPositive(segments: readonly TextSegment[], pattern: RegExp): boolean {
  return findPositive(segments, pattern) !== undefined;
}

function keyText(key: string): string {
  return key.replace(/[_-]+/g, ' ');
}

/**
 * Flattens a nested object of symptom details into text segments. Booleans and yes/no values speak
 * for their key (`{ sweating: true }` is "sweating"); keys such as `absent` mark their contents negative.
 */
export function segmentsOf(value: unknown, key = '', negated = false, depth = 0): TextSegment[] {
  if (depth > 6 || value === null || value === undefined) return [];
  const inherited = negated || (key !== '' && NEGATIVE_KEY.test(key));
  if (typeof value === 'string') {
    if (key !== '' && NEGATIVE_VALUE.test(value)) return [{ text: keyText(key), negated: true }];
    const text = normaliseText(value);
    return [{ text: key === '' || /^\d+$/.test(key) ? text : `${keyText(key)}: ${text}`, negated: inherited }];
  }
  if (typeof value === 'boolean') return key === '' ? [] : [{ text: keyText(key), negated: inherited || !value }];
  if (typeof value === 'number') return key === '' ? [] : [{ text: `${keyText(key)}: ${value}`, negated: inherited }];
  if (Array.isArray(value)) {
    const items = value.flatMap((item) => segmentsOf(item, '', inherited, depth + 1));
    return key === '' || inherited ? items : items.map((item) => ({ ...item, text: `${keyText(key)}: ${item.text}` }));
  }
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => segmentsOf(v, k, inherited, depth + 1));
  }
  return [];
}
