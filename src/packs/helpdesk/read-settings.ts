import { glued, splitOn, unquote, type TextView } from './text-helpers.js';

/**
 * Settings written as text: Terraform/HCL attributes and blocks (`force_destroy = true`,
 * `ingress { from_port = 22 … cidr_blocks = ["0.0.0.0/0"] }`), `key=value` pairs in a description
 * ("set skip_final_snapshot=true"). They are rebuilt from the view's argument runs into an object,
 * so the same key readers as JSON arguments read them. One pass over the runs, bounded.
 */

const MAX_RUNS = 4000;
const MAX_DEPTH = 8;

/** A value as written: true/false, a number, a list ["a", "b"], or a string. */
function scalar(raw: string): unknown {
  const s = unquote(raw);
  const lower = s.toLowerCase();
  if (lower === 'true') return true;
  if (lower === 'false') return false;
  if (s.length > 0 && s.length <= 15 && !Number.isNaN(Number(s))) return Number(s);
  if (s.startsWith('[') && s.endsWith(']')) return splitOn(s.slice(1, -1), ',"\' ');
  return s;
}

/** An attribute or block name: letters, digits, '_', '-' and '.' (`xpack.security.enabled`). */
function isName(s: string): boolean {
  if (s.length === 0 || s.length > 80) return false;
  for (const ch of s) {
    const ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch === '_' || ch === '-' || ch === '.';
    if (!ok) return false;
  }
  return true;
}

/** The settings the text writes, nested by block; undefined when it writes none. */
export function settingsIn(v: Pick<TextView, 'text' | 'raw'>): Record<string, unknown> | undefined {
  const pieces = glued(v, 400).slice(0, MAX_RUNS);
  const runs = pieces.map((g) => g.raw);
  // "enableRBAC: false" (Bicep, YAML-like objects): the run's own trailing colon was cut off as punctuation.
  const colonAfter = (i: number) => {
    const t = v.raw[pieces[i].last + 1];
    return t !== undefined && t.text === ':' && t.start === v.raw[pieces[i].last].end;
  };
  const root: Record<string, unknown> = {};
  const stack: Record<string, unknown>[] = [root];
  let found = 0;
  let lastName = 'block';
  const put = (key: string, value: unknown) => {
    const at = stack[stack.length - 1];
    let k = key;
    for (let n = 2; Object.hasOwn(at, k) && n < 50; n++) k = `${key}_${n}`;
    at[k] = value;
    found++;
  };
  const open = (key: string) => {
    if (stack.length > MAX_DEPTH) return;
    const child: Record<string, unknown> = {};
    put(key, child);
    stack.push(child);
  };
  // A unified diff's removed line ("- authorization = \"NONE\"") is what the change takes away, not a setting it writes.
  const lineStart = (i: number) => {
    const at = v.raw[pieces[i].first]?.start ?? 0;
    const before = v.text.lastIndexOf('\n', at - 1);
    return v.text.slice(before + 1, at).trim() === '';
  };
  const lineEnd = (i: number) => v.text.indexOf('\n', v.raw[pieces[i].first]?.start ?? 0);
  // Only in a diff (a line added with "+" or a hunk header): in a list of steps "- set x = true" is a step.
  const diff = /^\s*(\+\s|\+\+\+ |@@ )/m.test(v.text);
  for (let i = 0; i < runs.length; i++) {
    const s = runs[i];
    if (diff && s === '-' && lineStart(i)) {
      const end = lineEnd(i);
      while (i + 1 < runs.length && end >= 0 && (v.raw[pieces[i + 1].first]?.start ?? 0) < end) i++;
      if (end < 0) break;
      continue;
    }
    if (s === '{' || s.endsWith('{')) {
      open(s === '{' ? lastName : unquote(s.slice(0, -1)) || lastName);
      continue;
    }
    if (s === '}' || s === '},' || s === '}]') {
      if (stack.length > 1) stack.pop();
      continue;
    }
    // key = value, key=value, key = [ "a", "b" ], key = { … }
    const eq = s.indexOf('=');
    if (eq > 0 && isName(s.slice(0, eq))) {
      const rest = s.slice(eq + 1);
      if (rest === '{') open(s.slice(0, eq));
      else if (rest.length > 0) put(s.slice(0, eq), scalar(rest));
      else if (i + 1 < runs.length) put(s.slice(0, eq), scalar(runs[++i]));
      continue;
    }
    if (isName(s) && runs[i + 1] === '=' && i + 2 < runs.length) {
      const value = runs[i + 2];
      i += 2;
      if (value === '{') open(s);
      else if (value === '[') {
        const items: string[] = [];
        while (i + 1 < runs.length && runs[i + 1] !== ']' && items.length < 50) items.push(...splitOn(runs[++i], ',"\' '));
        i++;
        put(s, items);
      } else put(s, scalar(value));
      continue;
    }
    // A flag written name: true/false: read only when its value is a flag, so prose with colons sets nothing.
    if (isName(s) && colonAfter(i) && i + 1 < runs.length) {
      const value = scalar(runs[i + 1]);
      if (typeof value === 'boolean') {
        put(s, value);
        i++;
        continue;
      }
      // Bicep and other object literals quote a string value in single quotes ("publicNetworkAccess: 'Disabled'").
      const next = pieces[i + 1];
      const from = v.raw[next.first]?.start ?? 0;
      const to = v.raw[next.last]?.end ?? 0;
      const written = v.text.slice(from, to).replace(/,$/, '');
      const quoted = /^(['"])([^'"\s]{1,60})\1$/.exec(written) ?? (/^['"]$/.test(v.text[from - 1] ?? '') && v.text[to] === v.text[from - 1] ? [written, '', written] : null);
      if (quoted) {
        put(s, quoted[2]);
        i++;
        continue;
      }
    }
    lastName = unquote(s);
  }
  return found > 0 ? root : undefined;
}
