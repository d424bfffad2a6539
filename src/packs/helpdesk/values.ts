import { splitOn } from './text-helpers.js';
/** Tolerant views of JSON-ish values from a request: a wrong type gives "nothing", never an exception. */

export const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]);

/** A field name reduced to lower-case letters and digits: `IpProtocol`, `ip_protocol` and `ip-protocol` are one key. */
export function normKey(k: string): string {
  let out = '';
  for (const ch of k.length > 100 ? k.slice(0, 100) : k) {
    const c = ch.toLowerCase();
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out += c;
  }
  return out;
}

/** The value of the first own key whose normalised name is one of `names`, with the key as written. */
export function field(obj: Record<string, unknown>, ...names: string[]): { key: string; value: unknown } | undefined {
  for (const [k, v] of Object.entries(obj)) if (names.includes(normKey(k))) return { key: k, value: v };
  return undefined;
}

export function scalarText(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return undefined;
}

const TRUE_WORDS = new Set(['true', 'yes', 'on', 'enabled', 'enable', 'required', 'enforced', 'enforce', 'y', '1', 'allow', 'allowed']);
const FALSE_WORDS = new Set(['false', 'no', 'off', 'disabled', 'disable', 'optional', 'none', 'n', '0', 'notrequired', 'deny', 'denied', 'null']);

/** Reads a flag written as a boolean, a number or a word; undefined when it is neither. */
export function flagValue(v: unknown): boolean | undefined {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v === 0 ? false : v === 1 ? true : undefined;
  if (typeof v !== 'string' || v.length > 40) return undefined;
  const w = normKey(v);
  if (TRUE_WORDS.has(w)) return true;
  if (FALSE_WORDS.has(w)) return false;
  return undefined;
}

/**
 * A flag written as a boolean, number or word, with PowerShell's `$` ("$false"), or as a word followed by a
 * note ("Allowed (all devices)", "off, per the vendor").
 */
export function leadingFlag(value: unknown): boolean | undefined {
  const v = typeof value === 'string' && value.trim().startsWith('$') ? value.trim().slice(1) : value;
  const direct = flagValue(v);
  if (direct !== undefined || typeof v !== 'string') return direct;
  const first = splitOn(v, ' ,;(').find(Boolean);
  return first === undefined ? undefined : flagValue(first);
}

/**
 * The scalar texts of a value tree, lower case (object keys too, normalised, with `keys`), bounded in depth,
 * breadth, count and length: what the parameter readers search for a cmdlet, a flag or a word.
 */
export function treeTexts(value: unknown, keys: boolean, out: string[] = [], depth = 0): string[] {
  return walkTexts(value, { keys, lower: true, scalars: true, maxDepth: 8 }, out, depth);
}

/** The strings of a value tree as written (no keys, numbers or booleans), bounded like `treeTexts` but 7 levels deep. */
export function treeStrings(value: unknown): string[] {
  return walkTexts(value, { keys: false, lower: false, scalars: false, maxDepth: 6 }, [], 0);
}

interface TextWalk {
  keys: boolean;
  lower: boolean;
  /** Numbers and booleans too. */
  scalars: boolean;
  maxDepth: number;
}

function walkTexts(value: unknown, how: TextWalk, out: string[], depth: number): string[] {
  if (out.length > 400 || depth > how.maxDepth) return out;
  if (typeof value === 'string') out.push(how.lower ? value.slice(0, 20_000).toLowerCase() : value.slice(0, 20_000));
  else if (how.scalars && (typeof value === 'boolean' || typeof value === 'number')) out.push(String(value));
  else if (Array.isArray(value)) for (const v of value.slice(0, 100)) walkTexts(v, how, out, depth + 1);
  else if (isRecord(value))
    for (const [k, v] of Object.entries(value).slice(0, 100)) {
      if (how.keys) out.push(normKey(k));
      walkTexts(v, how, out, depth + 1);
    }
  return out;
}

export function strings(v: unknown): string[] {
  return asArray(v).filter((x): x is string => typeof x === 'string');
}

/** "TLS1_0", "1.1", "TLSv1", "SSLv3", "TLS1_0_2016": a minimum protocol below TLS 1.2. */
export function belowTls12(value: string): boolean {
  const v = normKey(value);
  if (v.startsWith('ssl')) return true;
  const digits = v.startsWith('tlsv') ? v.slice(4) : v.startsWith('tls') ? v.slice(3) : v;
  return digits === '1' || digits.startsWith('10') || digits.startsWith('11');
}


/** "TLS1_2", "1.3", "TLSv1.2_2021", "TLS13": a minimum protocol of TLS 1.2 or later. */
export function tlsAtLeast12(value: string): boolean {
  const v = normKey(value);
  const digits = v.startsWith('tlsv') ? v.slice(4) : v.startsWith('tls') ? v.slice(3) : v;
  return /^1[23]/.test(digits);
}

/** Entries [normalised key, value] of an object tree, depth-first, bounded (7 levels, 100 per level, about 400 in all). */
export function entriesOf(value: unknown, out: [string, unknown][] = [], depth = 0): [string, unknown][] {
  if (depth > 6 || out.length > 400) return out;
  if (Array.isArray(value)) for (const v of value.slice(0, 100)) entriesOf(v, out, depth + 1);
  else if (isRecord(value))
    for (const [k, v] of Object.entries(value).slice(0, 100)) {
      out.push([normKey(k), v]);
      entriesOf(v, out, depth + 1);
    }
  return out;
}

/** A value as lower-case text (a string as it is, anything else as JSON), cut at `max` characters; '' when it cannot be written. */
export function lowerText(value: unknown, max: number): string {
  try {
    return (typeof value === 'string' ? value : (JSON.stringify(value ?? '') ?? '')).toLowerCase().slice(0, max);
  } catch {
    return '';
  }
}
