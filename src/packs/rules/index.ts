import { compileNode, truthy, type RuleInput } from './evaluate.js';
import { parse } from './parser.js';
import { compileTemplate } from './template.js';

export type { RuleInput } from './evaluate.js';
export { RuleError } from './rule-error.js';
export { renderMessage } from './template.js';

export interface CompiledRule {
  id: string;
  test(input: RuleInput): boolean;
  message(input: RuleInput): string;
  citation: string;
  recommendation?: string;
  /** The `when` expression as written in the policy. */
  source: string;
}

/** Throws RuleError (naming `ruleId` and the column) when the source is not a valid expression. */
export function compileExpression(source: string, ruleId?: string): (input: RuleInput) => unknown {
  return compileNode(parse(source, ruleId), ruleId);
}

export function compileRule(rule: { id: string; when: string; message: string; citation: string; recommendation?: string }): CompiledRule {
  const when = compileExpression(rule.when, rule.id);
  const compiled: CompiledRule = {
    id: rule.id,
    test: (input) => truthy(when(input)),
    message: compileTemplate(rule.message, rule.id),
    citation: rule.citation,
    source: rule.when,
  };
  if (rule.recommendation !== undefined) compiled.recommendation = rule.recommendation;
  return compiled;
}
