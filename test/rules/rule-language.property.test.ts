import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileExpression, RuleError, type RuleInput } from '../../src/packs/rules/index.js';

// A small key set so generated inputs actually hit the paths the expressions read.
const KEYS = ['a', 'b', 'tags', 'gust_mph', 'kind', 'parameters', '0'];
const jsonObject = fc.dictionary(
  fc.constantFrom(...KEYS),
  fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.array(fc.string(), { maxLength: 4 }), fc.dictionary(fc.constantFrom(...KEYS), fc.jsonValue({ maxDepth: 2 }))),
);
const ruleInput: fc.Arbitrary<RuleInput> = fc.record({ state: jsonObject, action: jsonObject });
// Beyond JSON: null prototypes, Maps, BigInts, sparse arrays, so safety does not rest on the HTTP layer alone.
const exotic = fc.object({ key: fc.constantFrom(...KEYS), maxDepth: 3, withBigInt: true, withMap: true, withSet: true, withNullPrototype: true, withSparseArray: true, withBoxedValues: true, withDate: true, withTypedArray: true });
const exoticInput = fc.record({ state: exotic, action: exotic }) as fc.Arbitrary<RuleInput>;

const ATOMS = [
  'state.a',
  'state.a > 3',
  'state.a == "x"',
  'state.b != null',
  'state.tags',
  '"x" in state.tags',
  'contains(state.kind, "crane")',
  'contains_any(state.tags, ["a", "B"])',
  'matches(action.kind, "^cr.*e$")',
  'any_matches(state.tags, "\\d")',
  'len(state.parameters) >= 2',
  'exists(action.parameters.a)',
  'coalesce(state.a, state.b)',
  'max(state.a, state.gust_mph) > 10',
  'min(state.a, 1)',
  'lower(state.kind) == "crane_lift"',
  'json(action.parameters)',
  'state.tags[0]',
  '-state.a < 0',
  '!state.b',
];

const booleanExpression: fc.Arbitrary<string> = fc.letrec<{ expr: string }>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(...ATOMS),
    fc.tuple(tie('expr'), tie('expr')).map(([a, b]) => `(${a}) && (${b})`),
    fc.tuple(tie('expr'), tie('expr')).map(([a, b]) => `(${a}) || (${b})`),
    tie('expr').map((a) => `!(${a})`),
  ),
})).expr;

const TOKENS = ['state', 'action', '.', 'a', '[', ']', '0', '(', ')', ',', '&&', '||', '!', '==', '<', 'in', '"s"', "'t", 'null', '-', '1.5', 'len', 'matches', '"(a+)+"', '__proto__', ' ', '='];
const tokenSoup = fc.array(fc.constantFrom(...TOKENS), { maxLength: 20 }).map((tokens) => tokens.join(''));

describe('rule language properties', () => {
  it('when compiled expressions meet arbitrary JSON (or stranger) input, then evaluation never throws', () => {
    const compiled = ATOMS.map((source) => compileExpression(source));
    fc.assert(
      fc.property(fc.oneof(ruleInput, exoticInput), (input) => {
        for (const evaluate of compiled) evaluate(input);
      }),
      { numRuns: 500 },
    );
  });

  it('when a and b are any boolean sub-expressions, then a && b equals !(!a || !b)', () => {
    fc.assert(
      fc.property(booleanExpression, booleanExpression, ruleInput, (a, b, input) => {
        const conjunction = compileExpression(`(${a}) && (${b})`)(input);
        const deMorgan = compileExpression(`!(!(${a}) || !(${b}))`)(input);
        expect(conjunction).toBe(deMorgan);
      }),
      { numRuns: 300 },
    );
  });

  it('when the source is any string, then it either compiles or raises a RuleError', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 60 }), tokenSoup), (source) => {
        try {
          compileExpression(source);
        } catch (error) {
          expect(error).toBeInstanceOf(RuleError);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
