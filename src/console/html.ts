/**
 * The console's one way to write markup: a tagged template that escapes every interpolated value,
 * unless it is markup this module made. Pages, charts and error pages all go through `html`, so no
 * value from a request, a stored evaluation or a key's name reaches a page unescaped.
 */

const SAFE = Symbol('safe-html');

export interface SafeHtml {
  readonly [SAFE]: true;
  readonly text: string;
}

/** A value a template may interpolate: text is escaped, markup is kept, lists are joined, nothing is dropped silently. */
export type Interpolated = SafeHtml | string | number | boolean | null | undefined | readonly Interpolated[];

const made = (text: string): SafeHtml => ({ [SAFE]: true, text });

export const isSafeHtml = (v: unknown): v is SafeHtml => typeof v === 'object' && v !== null && (v as { [SAFE]?: boolean })[SAFE] === true;

/** Text escaped for element content and for quoted attribute values alike. */
export function escapeHtml(value: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    let rep: string | undefined;
    if (c === 0x26) rep = '&amp;';
    else if (c === 0x3c) rep = '&lt;';
    else if (c === 0x3e) rep = '&gt;';
    else if (c === 0x22) rep = '&quot;';
    else if (c === 0x27) rep = '&#39;';
    else if (c === 0x60) rep = '&#96;';
    if (rep) {
      out += value.slice(from, i) + rep;
      from = i + 1;
    }
  }
  return from === 0 ? value : out + value.slice(from);
}

function render(v: Interpolated): string {
  if (v === null || v === undefined || v === false) return '';
  if (isSafeHtml(v)) return v.text;
  if (Array.isArray(v)) return (v as readonly Interpolated[]).map(render).join('');
  return escapeHtml(String(v));
}

/** `html\`<p>${text}</p>\``: every `${…}` escaped unless it is itself the result of `html`. */
export function html(strings: TemplateStringsArray, ...values: Interpolated[]): SafeHtml {
  let out = strings[0];
  for (let i = 0; i < values.length; i++) out += render(values[i]) + strings[i + 1];
  return made(out);
}

/** Joins fragments with a separator (itself escaped when it is text). */
export function join(parts: readonly Interpolated[], separator: Interpolated = ''): SafeHtml {
  const sep = render(separator);
  return made(parts.map(render).join(sep));
}

/** The page as sent. */
export const toText = (h: SafeHtml): string => h.text;
