const isLetter = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c >= 0xc0;

/**
 * Spells a text the way the vocabulary is written, in one pass: "_" between words ("suspended_load"),
 * and "-" or "/" before a letter ("tie-off", "oxy-acetylene", "12-hour", "lockout/tagout") become
 * spaces. The tokenizer keeps those marks as symbols, and a phrase does not match across a symbol.
 * A "-" before a digit stays (a range "36-39", a sign "-5"). The length is unchanged, so the reading
 * cap applies to the text as sent.
 */
export function prepareText(value: string): string {
  let out: string[] | undefined;
  for (let i = 0; i < value.length; i++) {
    const ch = value[i];
    if (ch !== '_' && ch !== '-' && ch !== '/') continue;
    const next = i + 1 < value.length ? value.charCodeAt(i + 1) : 0;
    if (ch !== '_' && !isLetter(next)) continue;
    // "km/h" and "m/s" keep their slash: the unit reader knows them either way.
    out ??= value.split('');
    out[i] = ' ';
  }
  return out ? out.join('') : value;
}
