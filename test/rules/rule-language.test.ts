import { describe, expect, it } from 'vitest';
import { compileExpression, compileRule, renderMessage, RuleError, type RuleInput } from '../../src/packs/rules/index.js';

const input: RuleInput = {
  facts: {
    site_id: 'SITE_2847',
    environmental_conditions: { wind_mph: 23, gust_mph: 31 },
    crew_status: { size: 6, hours_on_site: 11 },
    equipment_in_use: ['Mobile Crane', 'scissor lift'],
    active_hazards: ['suspended_load'],
    recent_observations: [],
    compliance_status: {},
    chief_complaint: 'Crushing CHEST pain since an hour',
    flag: false,
    zero: 0,
    empty: '',
  },
  action: {
    kind: 'crane_lift',
    parameters: { Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject' }] },
  },
};

const run = (source: string, on: RuleInput = input): unknown => compileExpression(source)(on);

function compileError(source: string, ruleId?: string): RuleError {
  try {
    compileExpression(source, ruleId);
  } catch (error) {
    if (error instanceof RuleError) return error;
    throw error;
  }
  throw new Error(`expected '${source}' not to compile`);
}

describe('literals and paths', () => {
  it.each([
    ['42', 42],
    ['-2.5', -2.5],
    ['1e3', 1000],
    ["'single'", 'single'],
    ['"double"', 'double'],
    [String.raw`'it\'s'`, "it's"],
    [String.raw`"a \"quoted\" word"`, 'a "quoted" word'],
    [String.raw`'back\\slash'`, 'back\\slash'],
    ['true', true],
    ['false', false],
    ['null', null],
    ['[1, "a", null]', [1, 'a', null]],
    ['[]', []],
  ])('when the source is %s, then it evaluates to %j', (source, expected) => {
    expect(run(source)).toEqual(expected);
  });

  it('when a string holds a regex escape such as \\s or \\*, then the backslash is kept', () => {
    expect(run(String.raw`'\s*\.\*'`)).toBe(String.raw`\s*\.\*`);
  });

  it('when a path names nested fields and list indexes, then it reads them', () => {
    expect(run('facts.environmental_conditions.gust_mph')).toBe(31);
    expect(run('facts.equipment_in_use[1]')).toBe('scissor lift');
    expect(run(`action.parameters.Statement[0]['Principal']`)).toBe('*');
  });

  it('when a path is missing at any depth, then it evaluates to null', () => {
    expect(run('facts.nope')).toBeNull();
    expect(run('facts.nope.deeper.still')).toBeNull();
    expect(run('facts.equipment_in_use[9]')).toBeNull();
    expect(run('facts.site_id.length')).toBeNull();
    expect(run('facts.equipment_in_use.length')).toBeNull();
  });
});

describe('operators', () => {
  it.each([
    ['facts.crew_status.size == 6', true],
    ['action.kind == "CRANE_LIFT"', false],
    ['action.kind != "crane_lift"', false],
    ['5 != "5"', true],
    ['[1] == [1]', false],
    ['facts.environmental_conditions.gust_mph > 30', true],
    ['facts.environmental_conditions.gust_mph >= 31', true],
    ['facts.environmental_conditions.gust_mph < 31', false],
    ['facts.environmental_conditions.gust_mph <= 31', true],
    ['"b" > "a"', false],
    ['-facts.crew_status.size < -5', true],
  ])('when comparing %s, then the result is %s', (source, expected) => {
    expect(run(source)).toBe(expected);
  });

  it.each([
    ['facts.nope == 3', false],
    ['facts.nope != 3', false],
    ['facts.nope < 3', false],
    ['facts.nope > 3', false],
    ['facts.nope in [null]', false],
    ['facts.nope == null', true],
    ['facts.nope != null', false],
    ['null == facts.site_id', false],
    ['facts.site_id != null', true],
    ['facts.recent_observations != null', true],
  ])('when a side is missing in %s, then only the null tests can be true (%s)', (source, expected) => {
    expect(run(source)).toBe(expected);
  });

  it('when testing membership with in, then strings match case-insensitively and other values exactly', () => {
    expect(run('action.kind in ["CRANE_LIFT", "demolition"]')).toBe(true);
    expect(run('facts.crew_status.size in [5, 6]')).toBe(true);
    expect(run('facts.crew_status.size in ["6"]')).toBe(false);
    expect(run('"mobile crane" in facts.equipment_in_use')).toBe(true);
    expect(run('"crane" in "mobile crane"')).toBe(false);
  });

  it('when combining with && and ||, then the result is a boolean by truthiness', () => {
    expect(run('facts.site_id && facts.crew_status.size')).toBe(true);
    expect(run('facts.zero || facts.empty')).toBe(false);
    expect(run('facts.recent_observations || facts.flag')).toBe(false);
    expect(run('facts.compliance_status && 1')).toBe(true);
    expect(run('!facts.nope')).toBe(true);
    expect(run('!facts.equipment_in_use')).toBe(false);
  });

  it('when operators mix, then || binds loosest, then &&, then !, then comparisons', () => {
    expect(run('true || false && false')).toBe(true);
    expect(run('(true || false) && false')).toBe(false);
    expect(run('!facts.crew_status.size == 7')).toBe(true);
    expect(run('!action.kind in ["crane_lift"] || facts.flag')).toBe(false);
    expect(run('facts.flag == !true')).toBe(true);
  });
});

describe('functions', () => {
  it.each([
    ['lower(action.kind) == "crane_lift"', true],
    ['lower(7)', null],
    ['contains(facts.chief_complaint, "chest pain")', true],
    ['contains(facts.equipment_in_use, "MOBILE CRANE")', true],
    ['contains(facts.equipment_in_use, "crane")', false],
    ['contains(facts.crew_status, "size")', false],
    ['contains_any(facts.chief_complaint, ["dyspnoea", "chest"])', true],
    ['contains_any(facts.active_hazards, ["energised_lines"])', false],
    ['contains_any(facts.chief_complaint, "chest")', false],
    [String.raw`matches(facts.chief_complaint, 'crushing\s+chest')`, true],
    ['matches(facts.crew_status.size, "6")', false],
    ['any_matches(facts.equipment_in_use, "^mobile")', true],
    ['any_matches(facts.site_id, "SITE")', false],
    ['len(facts.site_id)', 9],
    ['len(facts.equipment_in_use)', 2],
    ['len(facts.crew_status)', 2],
    ['len(facts.crew_status.size)', 0],
    ['exists(facts.recent_observations)', true],
    ['exists(facts.nope)', false],
    ['coalesce(facts.nope, 5)', 5],
    ['coalesce(facts.zero, 5)', 0],
    ['max(facts.environmental_conditions.wind_mph, facts.environmental_conditions.gust_mph)', 31],
    ['min(facts.environmental_conditions.wind_mph, 20)', 20],
    ['max(facts.nope, 3)', null],
    ['json(facts.crew_status)', '{"size":6,"hours_on_site":11}'],
  ])('when calling %s, then the result is %j', (source, expected) => {
    expect(run(source)).toEqual(expected);
  });

  it('when a rule searches structured parameters through json(), then a wildcard principal is found', () => {
    const rule = String.raw`matches(json(action.parameters), '"principal"\s*:\s*"\*"')`;
    expect(run(rule)).toBe(true);
    const scoped = { ...input, action: { kind: 'put_policy', parameters: { Statement: [{ Principal: 'arn:aws:iam::1:root' }] } } };
    expect(run(rule, scoped)).toBe(false);
  });
});

describe('compile errors', () => {
  it('when a function name is misspelt, then the error names the rule, the function and the column', () => {
    const error = compileError('action.kind == "crane_lift" && contians(facts.x, "y")', 'crane_wind_limit');
    expect(error.message).toBe("rule crane_wind_limit: unknown function 'contians' at column 32");
    expect(error.ruleId).toBe('crane_wind_limit');
    expect(error.column).toBe(32);
  });

  it.each([
    ['lower(facts.a, facts.b)', "function 'lower' takes 1 argument, got 2", 1],
    ['site.gust > 3', "unknown name 'site'", 1],
    ['facts.x = 3', "unexpected character '=' (use '==')", 9],
    ['facts.x & true', "unexpected character '&' (use '&&')", 9],
    ['facts.x > 1 > 0', 'comparisons do not chain', 13],
    ['(facts.x > 1', "expected ')' but found the end of the expression", 13],
    ['facts.x facts.y', "unexpected 'facts'", 9],
    ["facts.x == 'open", 'unterminated string', 12],
    ['facts.', "expected a name after '.'", 7],
    ['matches(facts.x, facts.y)', 'needs its pattern as a string literal', 18],
    ['matches(facts.x, "[a-")', 'invalid pattern', 18],
    ['constructor(facts.x)', "unknown function 'constructor'", 1],
  ])('when the source is %s, then the error says %j at column %i', (source, reason, column) => {
    const error = compileError(source, 'r');
    expect(error.message).toContain(reason);
    expect(error.column).toBe(column);
  });

  it.each(['facts.__proto__', 'action.parameters.constructor', 'facts.a.prototype.b', "facts['__proto__']"])(
    'when a path reaches for the prototype (%s), then it is refused at compile time',
    (source) => {
      expect(compileError(source).message).toMatch(/'(__proto__|constructor|prototype)' is not allowed in a path/);
    },
  );

  it.each(['(a+)+', '(a*)*', '(a|aa)+', String.raw`((\w+\s?)*)+$`, '(?:x+y?){2,}', '(ab|a)*c'])(
    'when a pattern like %s risks catastrophic backtracking, then it is refused',
    (pattern) => {
      expect(compileError(`matches(facts.x, '${pattern}')`).message).toContain('catastrophic backtracking');
    },
  );

  it.each([String.raw`\d+(\.\d+)?`, '(foo|bar)+', '[(+]+x', String.raw`(\s|-)+`, '(ab)?c*'])(
    'when a pattern like %s is safe, then it compiles',
    (pattern) => {
      expect(() => compileExpression(`matches(facts.x, '${pattern}')`)).not.toThrow();
    },
  );

  it('when a pattern is longer than 200 characters, then it is refused', () => {
    expect(compileError(`matches(facts.x, '${'a'.repeat(201)}')`).message).toContain('longer than 200');
  });

  it('when parentheses nest absurdly deep, then it is a RuleError rather than a stack overflow', () => {
    expect(compileError(`${'('.repeat(5000)}1${')'.repeat(5000)}`).message).toContain('nested more than');
  });
});

describe('rules and message templates', () => {
  const rule = compileRule({
    id: 'crane_wind_limit',
    when: 'action.kind == "crane_lift" && facts.environmental_conditions.gust_mph > 20',
    message: 'Gusts {facts.environmental_conditions.gust_mph} mph exceed the 20 mph limit for {action.kind}',
    citation: 'ASME B30.5',
    recommendation: 'Postpone the lift',
  });

  it('when the condition holds, then the rule matches and fills its message from the input', () => {
    expect(rule.test(input)).toBe(true);
    expect(rule.message(input)).toBe('Gusts 31 mph exceed the 20 mph limit for crane_lift');
    expect(rule).toMatchObject({ citation: 'ASME B30.5', recommendation: 'Postpone the lift', source: expect.stringContaining('gust_mph > 20') });
  });

  it('when the wind field is missing, then the rule does not match and the message says unknown', () => {
    const calm = { ...input, facts: { environmental_conditions: {} } };
    expect(rule.test(calm)).toBe(false);
    expect(rule.message(calm)).toBe('Gusts unknown mph exceed the 20 mph limit for crane_lift');
  });

  it('when placeholders name lists, objects, strings and numbers, then each is rendered readably', () => {
    const text = renderMessage('{facts.equipment_in_use} / {facts.crew_status} / {facts.site_id} / {facts.crew_status.size} / {facts.missing}', input);
    expect(text).toBe('Mobile Crane, scissor lift / {"size":6,"hours_on_site":11} / SITE_2847 / 6 / unknown');
  });

  it('when renderMessage meets a placeholder that is not a path, then it leaves it as written', () => {
    expect(renderMessage('limit {20} for {action.kind}', input)).toBe('limit {20} for crane_lift');
  });

  it('when a rule message has a bad placeholder, then compiling fails naming the rule', () => {
    const compile = () => compileRule({ id: 'heat_stress', when: 'true', message: 'Heat {facts.heat..index}', citation: 'OSHA' });
    expect(compile).toThrow(RuleError);
    expect(compile).toThrow(/^rule heat_stress: message placeholder '\{facts\.heat\.\.index\}'.* at column 6$/);
  });

  it('when a rule condition is broken, then compiling fails with a message naming the rule', () => {
    expect(() => compileRule({ id: 'red_flag_home_care', when: 'facts.x >', message: 'm', citation: 'c' })).toThrow(
      /^rule red_flag_home_care: expected a value but found the end of the expression at column 10$/,
    );
  });
});
