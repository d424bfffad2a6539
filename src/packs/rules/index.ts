import { compileNode, truthy, type RuleInput } from './evaluate.js';
import { parse, type Node } from './parser.js';
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
  /** The facts the expression reads (dotted names under `facts`). */
  reads: string[];
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
    reads: factPaths(rule.when),
  };
  if (rule.recommendation !== undefined) compiled.recommendation = rule.recommendation;
  return compiled;
}

/** The dotted names under `facts` that an expression reads (string keys only), once each. */
export function factPaths(source: string): string[] {
  const out = new Set<string>();
  const visit = (n: Node): void => {
    switch (n.kind) {
      case 'path': {
        if (n.root !== 'facts') return;
        const keys: string[] = [];
        for (const k of n.keys) {
          if (typeof k !== 'string') break;
          keys.push(k);
        }
        if (keys.length > 0) out.add(keys.join('.'));
        return;
      }
      case 'list':
        n.items.forEach(visit);
        return;
      case 'not':
      case 'negate':
        visit(n.operand);
        return;
      case 'and':
      case 'or':
      case 'compare':
        visit(n.left);
        visit(n.right);
        return;
      case 'call':
        n.args.forEach(visit);
        return;
      default:
    }
  };
  visit(parse(source));
  return [...out];
}
