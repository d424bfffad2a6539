import { boundedMemo } from './bounded-memo.js';

/**
 * Object keys as JSON strings, remembered: records repeat the same few hundred keys (every future's
 * steps, every reading's facts). Bounded, so callers' own keys cannot grow it without limit.
 */
const quoteKey = boundedMemo((k) => JSON.stringify(k), 10_000);

/**
 * A value already written as canonical JSON: `canonicalJson` puts its text in place as it is, so a large
 * part of a record written once can be both hashed and stored without being written twice.
 */
export class CanonicalText {
  constructor(readonly text: string) {}

  static of(value: unknown): CanonicalText {
    return new CanonicalText(canonicalJson(value));
  }
}

/**
 * Whether `JSON.stringify(value)` already is the canonical text: plain objects and arrays only, every
 * object's keys in strictly ascending order, and no value JSON.stringify writes differently from
 * `canonicalJson` (functions, symbols, bigints, dates, boxed values, `CanonicalText`, anything with a
 * `toJSON`: all of them have a prototype other than Object's or Array's, or are not objects).
 */
function alreadyCanonical(value: unknown, depth: number): boolean {
  switch (typeof value) {
    case 'string':
    case 'number':
    case 'boolean':
    case 'undefined':
      return true;
    case 'object':
      break;
    default:
      return false;
  }
  if (value === null) return true;
  if (depth > 256) return false;
  if (Array.isArray(value)) {
    if (Object.getPrototypeOf(value) !== Array.prototype) return false;
    for (let i = 0; i < value.length; i++) if (!alreadyCanonical(value[i], depth + 1)) return false;
    return true;
  }
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) return false;
  const obj = value as Record<string, unknown>;
  // A null-prototype object cannot inherit a toJSON, but it can hold one of its own.
  if ('toJSON' in obj) return false;
  let previous: string | undefined;
  for (const k in obj) {
    if (!Object.hasOwn(obj, k)) return false;
    if (previous !== undefined && !(previous < k)) return false;
    previous = k;
    if (!alreadyCanonical(obj[k], depth + 1)) return false;
  }
  return true;
}

/**
 * JSON with object keys sorted at every level: the same value always gives the same text (for hashing).
 * A part whose keys are already in order (an evaluation's futures are built so) is written by
 * JSON.stringify, several times faster than writing it here and the same text.
 */
export function canonicalJson(value: unknown): string {
  if (typeof value === 'object' && value !== null && alreadyCanonical(value, 0)) return JSON.stringify(value);
  return written(value);
}

function written(value: unknown): string {
  // Built by appending (no intermediate arrays): an evaluation's record is hashed on every answer.
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      // What JSON.stringify writes for a number.
      return Number.isFinite(value) ? String(value) : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      break;
    default:
      return JSON.stringify(value) ?? 'null';
  }
  if (value === null) return 'null';
  if (value instanceof CanonicalText) return value.text;
  // An invalid date is written as JSON.stringify writes it (null); the first form threw on it, so no stored hash holds one.
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'null' : JSON.stringify(value.toISOString());
  if (Array.isArray(value)) {
    let s = '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) s += ',';
      const v: unknown = value[i];
      s += v === undefined ? 'null' : canonicalJson(v);
    }
    return `${s}]`;
  }
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj);
  if (keys.length > 1) keys.sort();
  let s = '{';
  for (const k of keys) {
    const v = obj[k];
    if (v === undefined) continue;
    if (s.length > 1) s += ',';
    s += quoteKey(k);
    s += ':';
    s += canonicalJson(v);
  }
  return `${s}}`;
}
