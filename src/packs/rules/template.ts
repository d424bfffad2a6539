import { compileNode, toJson, type Evaluator, type RuleInput } from './evaluate.js';
import { parse } from './parser.js';
import { RuleError } from './rule-error.js';

export type Template = (input: RuleInput) => string;

const PLACEHOLDER = /\{([^{}]*)\}/g;

/** Compiles `{facts.path}` / `{action.path}` placeholders once; any other placeholder is a RuleError. */
export function compileTemplate(template: string, ruleId?: string): Template {
  return build(template, (text, column) => {
    const path = pathOf(text);
    if (!path) throw new RuleError(`message placeholder '{${text}}' is not a path under facts or action`, { ruleId, column });
    return path;
  });
}

/** Fills placeholders from the input; a placeholder that is not a path is left as written. */
export function renderMessage(template: string, input: RuleInput): string {
  return build(template, pathOf)(input);
}

/** Numbers and strings as they are, lists joined with ", ", objects as JSON, missing as "unknown". */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined) return 'unknown';
  if (Array.isArray(value)) return value.map(formatValue).join(', ');
  return typeof value === 'object' ? (toJson(value) ?? 'unknown') : String(value);
}

function build(template: string, resolve: (text: string, column: number) => Evaluator | undefined): Template {
  const parts: Array<string | Evaluator> = [];
  let last = 0;
  for (const m of template.matchAll(PLACEHOLDER)) {
    const end = m.index + m[0].length;
    parts.push(template.slice(last, m.index), resolve(m[1]!, m.index + 1) ?? m[0]);
    last = end;
  }
  parts.push(template.slice(last));
  return (input) => parts.map((part) => (typeof part === 'string' ? part : formatValue(part(input)))).join('');
}

function pathOf(text: string): Evaluator | undefined {
  try {
    const node = parse(text);
    return node.kind === 'path' ? compileNode(node) : undefined;
  } catch (error) {
    if (error instanceof RuleError) return undefined;
    throw error;
  }
}
