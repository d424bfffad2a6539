/**
 * Where a domain's personal data sits in an evaluate request: a domain pack lists paths such as
 * `state.caller_demographics.name` or `state.conversation_history` (the whole subtree), with `*` for
 * any key or array index. Validated when the packs load; matched against each request once.
 */
export type PersonalPath = readonly string[];

const ROOTS = new Set(['state', 'action', 'context']);
const MAX_SEGMENTS = 8;

function isSegment(s: string): boolean {
  if (s === '*') return true;
  if (s.length === 0 || s.length > 100) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const ok = (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 45;
    if (!ok) return false;
  }
  return true;
}

/** A path as a pack writes it, or a message saying what is wrong with it. */
export function parsePersonalPath(text: string): { ok: true; path: PersonalPath } | { ok: false; problem: string } {
  const segments = text.split('.');
  if (!ROOTS.has(segments[0])) return { ok: false, problem: `'${text}' must start with state., action. or context.` };
  if (segments.length < 2) return { ok: false, problem: `'${text}' names a whole part of the request; name a field in it` };
  if (segments.length > MAX_SEGMENTS) return { ok: false, problem: `'${text}' is deeper than ${MAX_SEGMENTS} segments` };
  const bad = segments.find((s) => !isSegment(s));
  if (bad !== undefined) return { ok: false, problem: `'${text}' has a segment '${bad}' that is neither a field name (letters, digits, _ and -) nor *` };
  return { ok: true, path: segments };
}

export interface PersonalMatch {
  /** The concrete path in the request, e.g. ['state', 'conversation_history', '2', 'content']. */
  path: string[];
  value: unknown;
}

const isPresent = (v: unknown) => v !== undefined && v !== null && v !== '';

/**
 * The personal values a request holds, one per concrete path. A match inside another (a field of a
 * subtree that is personal as a whole) is left to the outer one.
 */
export function matchPersonal(request: Record<string, unknown>, paths: readonly PersonalPath[]): PersonalMatch[] {
  const found = new Map<string, PersonalMatch>();
  const walk = (value: unknown, pattern: PersonalPath, i: number, at: string[]) => {
    if (i === pattern.length) {
      if (isPresent(value)) found.set(at.join('.'), { path: at, value });
      return;
    }
    if (value === null || typeof value !== 'object') return;
    const seg = pattern[i];
    if (seg === '*') {
      const keys = Array.isArray(value) ? value.map((_, k) => String(k)) : Object.keys(value);
      for (const k of keys) walk((value as Record<string, unknown>)[k], pattern, i + 1, [...at, k]);
    } else if (Object.hasOwn(value, seg)) {
      walk((value as Record<string, unknown>)[seg], pattern, i + 1, [...at, seg]);
    }
  };
  for (const p of paths) walk(request, p, 0, []);
  const keys = [...found.keys()].sort();
  return keys.filter((k) => !keys.some((outer) => outer !== k && k.startsWith(`${outer}.`))).map((k) => found.get(k)!);
}
