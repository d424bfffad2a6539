import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileExpression, RuleError, type RuleInput } from '../../src/packs/rules/index.js';

// A small key set so generated inputs actually hit the paths the expressions read.
const KEYS = ['a', 'b', 'tags', 'gust_mph', 'kind', 'parameters', '0'];
const jsonObject = fc.dictionary(
  fc.constantFrom(...KEYS),
  fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.array(fc.string(), { maxLength: 4 }), fc.dictionary(fc.constantFrom(...KEYS), fc.jsonValue({ maxDepth: 2 }))),
);
const ruleInput: fc.Arbitrary<RuleInput> = fc.record({ facts: jsonObject, action: jsonObject });
// Beyond JSON: null prototypes, Maps, BigInts, sparse arrays, so safety does not rest on the HTTP layer alone.
const exotic = fc.object({ key: fc.constantFrom(...KEYS), maxDepth: 3, withBigInt: true, withMap: true, withSet: true, withNullPrototype: true, withSparseArray: true, withBoxedValues: true, withDate: true, withTypedArray: true });
const exoticInput = fc.record({ facts: exotic, action: exotic }) as fc.Arbitrary<RuleInput>;

const ATOMS = [
  'facts.a',
  'facts.a > 3',
  'facts.a == "x"',
  'facts.b != null',
  'facts.tags',
  '"x" in facts.tags',
  'contains(facts.kind, "crane")',
  'contains_any(facts.tags, ["a", "B"])',
  'matches(action.kind, "^cr.*e$")',
  'any_matches(facts.tags, "\\d")',
  'len(facts.parameters) >= 2',
  'exists(action.parameters.a)',
  'coalesce(facts.a, facts.b)',
  'max(facts.a, facts.gust_mph) > 10',
  'min(facts.a, 1)',
  'lower(facts.kind) == "crane_lift"',
  'json(action.parameters)',
  'facts.tags[0]',
  '-facts.a < 0',
  '!facts.b',
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

const TOKENS = ['facts', 'action', '.', 'a', '[', ']', '0', '(', ')', ',', '&&', '||', '!', '==', '<', 'in', '"s"', "'t", 'null', '-', '1.5', 'len', 'matches', '"(a+)+"', '__proto__', ' ', '='];
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
