import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonTextProblem, loneSurrogateAt, MAX_JSON_DEPTH, structureProblem } from '../../src/http/json-body.js';
import { FUZZ_SEED } from './hostile-inputs.js';

const RUNS = { seed: FUZZ_SEED, numRuns: 400 };

/** A JSON document as a tree, so the test knows its duplicates and depth without parsing the text. */
type Tree =
  | { t: 'leaf'; v: null | boolean | number | string }
  | { t: 'arr'; items: Tree[] }
  | { t: 'obj'; entries: { key: string; escaped: boolean; value: Tree }[] };

// Few distinct keys, so duplicates are common; some need escaping, one is outside the BMP.
const key = fc.constantFrom('a', 'b', 'ab', 'wind_mph', '', ' ', '"', '\\', '\u0000', 'é', '😀', '__proto__', 'constructor');
const leaf = fc.oneof(fc.constant(null), fc.boolean(), fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.string({ maxLength: 8 }), fc.constantFrom('"', '\\', '\\"', '"\\', '{', '}', '[', ']', ',', ':', '\\u0041'));

const { tree } = fc.letrec<{ tree: Tree }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf.map((v): Tree => ({ t: 'leaf', v })),
    fc.array(tie('tree'), { maxLength: 4 }).map((items): Tree => ({ t: 'arr', items })),
    fc.array(fc.record({ key, escaped: fc.boolean(), value: tie('tree') }), { maxLength: 5 }).map((entries): Tree => ({ t: 'obj', entries })),
  ),
}));

const escapeAll = (s: string) => `"${Array.from({ length: s.length }, (_, i) => `\\u${s.charCodeAt(i).toString(16).padStart(4, '0')}`).join('')}"`;

function render(t: Tree, ws: string): string {
  if (t.t === 'leaf') return JSON.stringify(t.v);
  if (t.t === 'arr') return `[${ws}${t.items.map((x) => render(x, ws)).join(`${ws},${ws}`)}${ws}]`;
  return `{${ws}${t.entries.map((e) => `${e.escaped ? escapeAll(e.key) : JSON.stringify(e.key)}${ws}:${ws}${render(e.value, ws)}`).join(`${ws},${ws}`)}${ws}}`;
}

type Kind = 'duplicate' | 'depth' | 'proto';

/** What the scanner must report: the first problem in document order (a key is checked before its value is read). */
function oracle(t: Tree, maxDepth: number): { kind: Kind; path: string } | undefined {
  const walk = (node: Tree, path: (string | number)[]): { kind: Kind; path: (string | number)[] } | undefined => {
    if (node.t === 'leaf') return undefined;
    if (path.length >= maxDepth) return { kind: 'depth', path };
    if (node.t === 'arr') {
      for (let i = 0; i < node.items.length; i++) {
        const found = walk(node.items[i], [...path, i]);
        if (found) return found;
      }
      return undefined;
    }
    const seen = new Set<string>();
    for (const e of node.entries) {
      if (e.key === '__proto__') return { kind: 'proto', path: [...path, e.key] };
      if (seen.has(e.key)) return { kind: 'duplicate', path: [...path, e.key] };
      seen.add(e.key);
      const found = walk(e.value, [...path, e.key]);
      if (found) return found;
    }
    return undefined;
  };
  const found = walk(t, []);
  if (!found) return undefined;
  return { kind: found.kind, path: found.path.length === 0 ? '(body)' : found.path.map(String).join('.') };
}

const wellFormed = (s: string) => {
  for (let i = 0; i < s.length; i++) {
    const u = s.charCodeAt(i);
    if (u >= 0xd800 && u <= 0xdbff && i + 1 < s.length && s.charCodeAt(i + 1) >= 0xdc00 && s.charCodeAt(i + 1) <= 0xdfff) i++;
    else if (u >= 0xd800 && u <= 0xdfff) return false;
  }
  return true;
};

const hasProtoKey = (v: unknown): boolean =>
  v !== null && typeof v === 'object' && (Array.isArray(v) ? v.some(hasProtoKey) : Object.keys(v).some((k) => k === '__proto__' || hasProtoKey((v as Record<string, unknown>)[k])));

/** Whether every string and key in a parsed value is well-formed UTF-16. */
const allWellFormed = (v: unknown): boolean => {
  if (typeof v === 'string') return wellFormed(v);
  if (Array.isArray(v)) return v.every(allWellFormed);
  if (v !== null && typeof v === 'object') return Object.entries(v).every(([k, x]) => wellFormed(k) && allWellFormed(x));
  return true;
};

describe('the JSON body check', () => {
  it('when a document has duplicate keys, a __proto__ key or deep nesting anywhere, then the check names the first one, by path, as a model of the document says', () => {
    fc.assert(
      fc.property(tree, fc.constantFrom('', ' ', '\n\t '), fc.integer({ min: 1, max: 5 }), (t, ws, maxDepth) => {
        const text = render(t, ws);
        JSON.parse(text); // the generator writes valid JSON: any failure is the check's own
        const got = structureProblem(text, maxDepth);
        const want = oracle(t, maxDepth);
        if (!want) expect(got).toBeUndefined();
        else {
          expect(got?.path).toBe(want.path);
          expect(got?.message).toMatch({ duplicate: /^duplicate key/, depth: /^nested deeper than/, proto: /"__proto__" is refused/ }[want.kind]);
        }
      }),
      RUNS,
    );
  });

  it('when JSON.stringify wrote the document, then the check passes it, unless a string in it holds an unpaired surrogate or a key is __proto__', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((u) => String.fromCharCode(u)), maxLength: 6 }), (v, units) => {
        const doc = { v, [units]: units, list: [units, 'x'] };
        const text = JSON.stringify(doc);
        const problem = jsonTextProblem(text);
        if (hasProtoKey(doc)) expect(problem?.message).toMatch(/__proto__|unpaired surrogate/);
        else if (allWellFormed(doc)) expect(problem).toBeUndefined();
        else expect(problem?.message).toMatch(/unpaired surrogate/);
      }),
      RUNS,
    );
  });

  it('when text is not JSON at all, then the check neither throws nor hangs, and leaves the verdict to JSON.parse unless it sees a real duplicate', () => {
    const junk = fc.oneof(fc.string({ unit: 'binary', maxLength: 60 }), fc.string({ unit: fc.constantFrom('{', '}', '[', ']', '"', '\\', ',', ':', 'a', '1', ' ', 'u', 'd', '8'), maxLength: 80 }));
    fc.assert(
      fc.property(junk, (text) => {
        const problem = jsonTextProblem(text, 8);
        let parsed = true;
        try {
          JSON.parse(text);
        } catch {
          parsed = false;
        }
        // Valid JSON the check refuses must really carry a duplicate, excess depth or a lone surrogate.
        if (parsed && problem) expect(problem.message).toMatch(/duplicate key|nested deeper|unpaired surrogate|__proto__/);
      }),
      RUNS,
    );
  });

  it.each([
    ['an escaped backslash before u', '{"a":"\\\\ud800"}', undefined],
    ['a pair written as escapes', '{"a":"\\ud83d\\ude00"}', undefined],
    ['a high surrogate alone', '{"a":"\\ud800x"}', 6],
    ['a low surrogate alone', '{"a":"\\udc00"}', 6],
    ['two high surrogates', '{"a":"\\ud800\\ud800"}', 6],
    ['a lone surrogate in a key', '{"\\udfff":1}', 2],
    ['upper-case hex', '{"a":"\\uD83D\\uDE00\\uDBFF"}', 18],
  ])('when a string holds %s, then the check says where (or nothing)', (_what, text, at) => {
    expect(loneSurrogateAt(text)).toBe(at);
  });

  it.each([
    ['"wind_mph" twice', '{"state":{"environmental_conditions":{"wind_mph":50,"gust_mph":9,"wind_mph":5}}}', 'state.environmental_conditions.wind_mph'],
    ['a key spelled once plainly and once with escapes', '{"a":1,"\\u0061":2}', 'a'],
    ['a duplicate inside the third element of an array', '[{},{},{"k":1,"k":1}]', '2.k'],
    ['a duplicate after a string full of escaped quotes', '{"s":"\\"},{\\"s\\":1","s":2}', 's'],
  ])('when the body has %s, then the duplicate is found at its path', (_what, text, path) => {
    expect(structureProblem(text)).toMatchObject({ path, message: expect.stringMatching(/^duplicate key/) });
  });

  it('when a body nests 10,000 levels, then it is refused at the bound, and one at the bound passes', () => {
    expect(structureProblem('['.repeat(10_000) + ']'.repeat(10_000))?.message).toBe(`nested deeper than ${MAX_JSON_DEPTH} levels`);
    expect(structureProblem('{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000))?.path).toBe(Array(MAX_JSON_DEPTH).fill('a').join('.'));
    expect(structureProblem('['.repeat(MAX_JSON_DEPTH) + ']'.repeat(MAX_JSON_DEPTH))).toBeUndefined();
  });

  it.each([
    ['plainly', '{"a":{"__proto__":{"polluted":true}}}', 'a.__proto__'],
    ['with escapes', '{"a":[{"\\u005f_proto__":1}]}', 'a.0.__proto__'],
    ['among many keys', `{${Array.from({ length: 20 }, (_, i) => `"k${i}":1`).join(',')},"__proto__":{}}`, '__proto__'],
  ])('when a key is __proto__ (%s), then it is refused at its path; constructor and prototype are plain keys', (_how, text, path) => {
    expect(structureProblem(text)).toMatchObject({ path, message: expect.stringMatching(/"__proto__" is refused/) });
    expect(jsonTextProblem('{"constructor":{"prototype":{"polluted":true}},"prototype":1,"__proto":2}')).toBeUndefined();
  });

  it.each([
    ['1e400', '{"a":{"gust_kmh":1e400}}', 'a.gust_kmh'],
    ['-1E+400', '[0,-1E+400]', '1'],
    ['a 400-digit integer', `{"n":${'9'.repeat(400)}}`, 'n'],
  ])('when a number is beyond a double (%s), then it is refused at its path', (_what, text, path) => {
    expect(structureProblem(text)).toMatchObject({ path, message: expect.stringMatching(/beyond the range of a number/) });
  });

  it('when a number has any mantissa and exponent, then it is refused exactly when JSON.parse would read it as Infinity', () => {
    const mantissa = fc.tuple(fc.boolean(), fc.stringMatching(/^[1-9][0-9]{0,20}$/), fc.option(fc.stringMatching(/^[0-9]{1,20}$/), { nil: undefined }));
    fc.assert(
      fc.property(mantissa, fc.integer({ min: -1_000, max: 1_000 }), fc.constantFrom('e', 'E', 'e+'), ([neg, int, frac], exp, e) => {
        const literal = `${neg ? '-' : ''}${int}${frac === undefined ? '' : `.${frac}`}${e}${exp}`.replace('e+-', 'e-');
        const text = `{"x":[${literal}]}`;
        const overflows = Math.abs(JSON.parse(text).x[0]) === Infinity;
        expect(structureProblem(text)?.path).toBe(overflows ? 'x.0' : undefined);
      }),
      RUNS,
    );
  });

  it('when numbers are merely extreme (1e308, 1e-400, -0, 30 digits), then they pass, as JSON.parse reads them finitely', () => {
    expect(jsonTextProblem('[1e308,-1.7976931348623157e308,1e-400,-0,-0.0,123456789012345678901234567890,0e0,1E5]')).toBeUndefined();
  });

  it('when keys repeat in different objects, or an object has many keys, then nothing is refused; a repeat among many keys still is', () => {
    const many = Object.fromEntries(Array.from({ length: 500 }, (_, i) => [`k${i}`, i]));
    expect(jsonTextProblem(JSON.stringify([{ a: 1, b: { a: 2 } }, { a: 3 }, many]))).toBeUndefined();
    expect(structureProblem(`${JSON.stringify(many).slice(0, -1)},"k250":0}`)?.path).toBe('k250');
    expect(structureProblem(`${JSON.stringify(many).slice(0, -1)},"\\u006b3":0}`)?.path).toBe('k3');
  });
});
