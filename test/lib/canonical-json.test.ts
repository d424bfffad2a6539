import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/lib/canonical-json.js';

// The form every stored hash was computed with (hash schemes 1-3): a faster canonicalJson must give the same
// text. (Sparse arrays, which neither JSON nor the service makes, are left out: the old form wrote a hole as nothing.)
function asFirstWritten(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  // The first form threw on an invalid date, so no stored hash holds one; it is now written as JSON.stringify writes it.
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'null' : JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map((v) => (v === undefined ? 'null' : asFirstWritten(v))).join(',')}]`;
  const entries = Object.keys(value as object)
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${asFirstWritten((value as Record<string, unknown>)[k])}`);
  return `{${entries.join(',')}}`;
}

const shuffled = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(shuffled);
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, shuffled(v)]));
};

describe('canonical JSON', () => {
  it('when any JSON-like value is written, then the text is the one every stored hash was computed with', () => {
    const values = fc.anything({ withDate: true, withNullPrototype: true, withObjectString: false, withMap: false, withSet: false, withBigInt: false, withTypedArray: false, withSparseArray: false, key: fc.oneof(fc.string(), fc.constantFrom('0', '10', '2', '__proto__', 'é', '')) });
    fc.assert(fc.property(values, (v) => {
      expect(canonicalJson(v)).toBe(asFirstWritten(v));
    }), { numRuns: 2000 });
  });

  it('when every key is already in order (the fast path), then the text is still the one every stored hash was computed with', () => {
    const sorted = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(sorted);
      if (value === null || typeof value !== 'object' || value instanceof Date) return value;
      const out = Object.getPrototypeOf(value) === null ? Object.create(null) : {};
      for (const k of Object.keys(value).sort()) Object.defineProperty(out, k, { value: sorted((value as Record<string, unknown>)[k]), enumerable: true, writable: true, configurable: true });
      return out;
    };
    const values = fc.anything({ withDate: true, withNullPrototype: true, withObjectString: false, withMap: false, withSet: false, withBigInt: false, withTypedArray: false, withSparseArray: false, key: fc.oneof(fc.string(), fc.constantFrom('0', '10', '2', '__proto__', 'toJSON', 'é', '')) });
    fc.assert(fc.property(values, (v) => {
      const s = sorted(v);
      expect(canonicalJson(s)).toBe(asFirstWritten(s));
    }), { numRuns: 2000 });
    expect(canonicalJson({ a: 1, b: [{ c: 'x', d: Number.NaN, e: undefined }], f: null })).toBe('{"a":1,"b":[{"c":"x","d":null}],"f":null}');
    expect(canonicalJson({ a: () => 1, b: 2 })).toBe(asFirstWritten({ a: () => 1, b: 2 }));
  });

  it('when a date is invalid, then it is written as JSON.stringify writes it (null), not thrown on', () => {
    expect(canonicalJson({ at: new Date(Number.NaN), n: 1 })).toBe('{"at":null,"n":1}');
    expect(canonicalJson([new Date(Number.NaN)])).toBe(JSON.stringify([new Date(Number.NaN)]));
  });

  it('when the same value is built with its keys in another order, then the text is the same, and it parses back to the value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(canonicalJson(shuffled(v))).toBe(canonicalJson(v));
        expect(JSON.parse(canonicalJson(v))).toEqual(JSON.parse(JSON.stringify(v)));
      }),
      { numRuns: 1000 },
    );
  });
});
