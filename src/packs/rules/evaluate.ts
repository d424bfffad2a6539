import type { CompareOp, Node, Root } from './parser.js';
import { RuleError } from './rule-error.js';

/** What a rule reads: the reading's facts and its classified action (see src/packs/reading/). */
export interface RuleInput {
  facts: Record<string, unknown>;
  action: Record<string, unknown>;
}

export type Evaluator = (input: RuleInput) => unknown;
type CallNode = Extract<Node, { kind: 'call' }>;

/** Turns a parsed expression into closures once, at load, so each request only runs them. */
export function compileNode(node: Node, ruleId?: string): Evaluator {
  const sub = (n: Node): Evaluator => compileNode(n, ruleId);
  switch (node.kind) {
    case 'literal': {
      const { value } = node;
      return () => value;
    }
    case 'list': {
      if (node.items.every((item) => item.kind === 'literal')) {
        const constant = Object.freeze(node.items.map((item) => (item.kind === 'literal' ? item.value : null)));
        return () => constant;
      }
      const items = node.items.map(sub);
      return (input) => items.map((item) => item(input));
    }
    case 'path': {
      const { root, keys } = node;
      return (input) => readPath(input, root, keys);
    }
    case 'not': {
      const operand = sub(node.operand);
      return (input) => !truthy(operand(input));
    }
    case 'negate': {
      const operand = sub(node.operand);
      return (input) => {
        const v = operand(input);
        return typeof v === 'number' ? -v : null;
      };
    }
    case 'and': {
      const [left, right] = [sub(node.left), sub(node.right)];
      return (input) => truthy(left(input)) && truthy(right(input));
    }
    case 'or': {
      const [left, right] = [sub(node.left), sub(node.right)];
      return (input) => truthy(left(input)) || truthy(right(input));
    }
    case 'compare':
      return compileComparison(node.op, node.left, node.right, sub);
    case 'call':
      return compileCall(node, sub, ruleId);
  }
}

/** null, false, 0, NaN, "" and [] are falsy; everything else, including {}, is truthy. */
export function truthy(value: unknown): boolean {
  return Array.isArray(value) ? value.length > 0 : Boolean(value);
}

/** Own properties only (and only integer indexes of lists), so no path reaches a prototype; missing is null. */
function readPath(input: RuleInput, root: Root, keys: ReadonlyArray<string | number>): unknown {
  let value = child(input, root);
  for (let i = 0; i < keys.length && value !== undefined; i += 1) value = child(value, keys[i]!);
  return value ?? null;
}

function child(value: unknown, key: string | number): unknown {
  if (Array.isArray(value)) return typeof key === 'number' ? value[key] : undefined;
  if (typeof value !== 'object' || value === null || !Object.hasOwn(value, key)) return undefined;
  return (value as Record<string | number, unknown>)[key];
}

export function toJson(value: unknown): string | null {
  try {
    return JSON.stringify(value) ?? null;
  } catch {
    // Cycles, BigInt or nesting deep enough to exhaust the stack: no text rather than a thrown request.
    return null;
  }
}

const isScalar = (v: unknown): v is string | number | boolean =>
  typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';
const ordered = (f: (a: number, b: number) => boolean) => (a: unknown, b: unknown) =>
  typeof a === 'number' && typeof b === 'number' && f(a, b);
const numeric = (f: (a: number, b: number) => number) => ([a, b]: unknown[]) =>
  typeof a === 'number' && typeof b === 'number' ? f(a, b) : null;

const COMPARISONS: Record<CompareOp, (a: unknown, b: unknown) => boolean> = {
  '==': (a, b) => isScalar(a) && isScalar(b) && a === b,
  '!=': (a, b) => isScalar(a) && isScalar(b) && a !== b,
  '<': ordered((a, b) => a < b),
  '<=': ordered((a, b) => a <= b),
  '>': ordered((a, b) => a > b),
  '>=': ordered((a, b) => a >= b),
  in: (a, b) => Array.isArray(b) && isMember(a, b),
};

/**
 * A comparison with the literal `null` is a presence test (`x == null`, `x != null`); any other
 * comparison with a null (missing) side is false, so a rule never fires on data it did not get.
 */
function compileComparison(op: CompareOp, left: Node, right: Node, sub: (n: Node) => Evaluator): Evaluator {
  const isNull = (n: Node): boolean => n.kind === 'literal' && n.value === null;
  const other = isNull(right) ? left : isNull(left) ? right : undefined;
  if (other && (op === '==' || op === '!=')) {
    const value = sub(other);
    return op === '==' ? (input) => value(input) === null : (input) => value(input) !== null;
  }
  const [a, b, compare] = [sub(left), sub(right), COMPARISONS[op]];
  return (input) => {
    const x = a(input);
    const y = b(input);
    return x !== null && y !== null && compare(x, y);
  };
}

function isMember(needle: unknown, list: readonly unknown[]): boolean {
  if (typeof needle !== 'string') return isScalar(needle) && list.includes(needle);
  const wanted = needle.toLowerCase();
  return list.some((item) => typeof item === 'string' && item.toLowerCase() === wanted);
}

function contains(haystack: unknown, needle: unknown): boolean {
  if (Array.isArray(haystack)) return isMember(needle, haystack);
  return typeof haystack === 'string' && typeof needle === 'string' && haystack.toLowerCase().includes(needle.toLowerCase());
}

interface RuleFunction {
  arity: number;
  /** The second argument is a regex literal, compiled and vetted once at load. */
  pattern?: true;
  run(args: unknown[], re: RegExp | undefined): unknown;
}

const FUNCTIONS = new Map<string, RuleFunction>([
  ['lower', { arity: 1, run: ([s]) => (typeof s === 'string' ? s.toLowerCase() : null) }],
  ['contains', { arity: 2, run: ([h, n]) => contains(h, n) }],
  ['contains_any', { arity: 2, run: ([h, ns]) => Array.isArray(ns) && ns.some((n) => contains(h, n)) }],
  ['matches', { arity: 2, pattern: true, run: ([s], re) => typeof s === 'string' && re!.test(s) }],
  ['any_matches', { arity: 2, pattern: true, run: ([l], re) => Array.isArray(l) && l.some((s) => typeof s === 'string' && re!.test(s)) }],
  ['len', { arity: 1, run: ([x]) => length(x) }],
  ['exists', { arity: 1, run: ([x]) => x !== null }],
  ['coalesce', { arity: 2, run: ([a, b]) => (a === null ? b : a) }],
  ['max', { arity: 2, run: numeric(Math.max) }],
  ['min', { arity: 2, run: numeric(Math.min) }],
  ['json', { arity: 1, run: ([x]) => toJson(x) }],
]);

function length(x: unknown): number {
  if (typeof x === 'string' || Array.isArray(x)) return x.length;
  return typeof x === 'object' && x !== null ? Object.keys(x).length : 0;
}

function fail(ruleId: string | undefined, reason: string, column: number): never {
  throw new RuleError(reason, { ruleId, column });
}

function compileCall(node: CallNode, sub: (n: Node) => Evaluator, ruleId: string | undefined): Evaluator {
  const { name, args, column } = node;
  const fn = FUNCTIONS.get(name) ?? fail(ruleId, `unknown function '${name}'`, column);
  const { arity } = fn;
  if (args.length !== arity) fail(ruleId, `function '${name}' takes ${arity} argument${arity === 1 ? '' : 's'}, got ${args.length}`, column);
  const re = fn.pattern ? compilePattern(args[1]!, name, ruleId) : undefined;
  const compiled = args.map(sub);
  return (input) => fn.run(compiled.map((arg) => arg(input)), re);
}

const MAX_PATTERN_LENGTH = 200;

function compilePattern(node: Node, name: string, ruleId: string | undefined): RegExp {
  if (node.kind !== 'literal' || typeof node.value !== 'string') fail(ruleId, `${name}() needs its pattern as a string literal`, node.column);
  const source = node.value;
  const refuse = (reason: string): never => fail(ruleId, reason, node.column);
  if (source.length > MAX_PATTERN_LENGTH) refuse(`pattern is longer than ${MAX_PATTERN_LENGTH} characters`);
  let re: RegExp;
  try {
    re = new RegExp(source, 'i');
  } catch (error) {
    return refuse(`invalid pattern: ${(error as Error).message}`);
  }
  const risk = backtrackingRisk(source);
  if (risk) refuse(`pattern risks catastrophic backtracking: ${risk}`);
  return re;
}

interface Group {
  start: number;
  /** Where the current alternative began. */
  branchStart: number;
  branches: string[];
  /** Something inside the group repeats (`+`, `*`, `{2,}`). */
  repeats: boolean;
}

/**
 * A heuristic for the shapes behind catastrophic backtracking: a repeated group that itself holds a
 * repeat (`(a+)+`, `(a*)*`, `((\w+\s)*)+`), or whose alternatives overlap by prefix (`(a|aa)+`).
 * Overlap between different classes (`(\w|\d)+`) is not detected; input size bounds what remains.
 */
function backtrackingRisk(pattern: string): string | undefined {
  const stack: Group[] = [{ start: 0, branchStart: 0, branches: [], repeats: false }];
  for (let i = 0; i < pattern.length; i += 1) {
    const ch = pattern[i]!;
    const top = stack.at(-1)!;
    if (ch === '\\') i += 1;
    else if (ch === '[') i = endOfClass(pattern, i);
    else if (ch === '(') {
      const branchStart = afterGroupPrefix(pattern, i);
      stack.push({ start: i, branchStart, branches: [], repeats: false });
      i = branchStart - 1;
    } else if (ch === '|') {
      top.branches.push(pattern.slice(top.branchStart, i));
      top.branchStart = i + 1;
    } else if (ch === ')' && stack.length > 1) {
      stack.pop();
      top.branches.push(pattern.slice(top.branchStart, i));
      if (repeatsAt(pattern, i + 1)) {
        const group = `'${pattern.slice(top.start, i + 2)}'`;
        if (top.repeats) return `${group} repeats a group that already repeats`;
        if (overlapping(top.branches)) return `${group} repeats alternatives that overlap`;
      }
      stack.at(-1)!.repeats ||= top.repeats;
    } else if (repeatsAt(pattern, i)) {
      top.repeats = true;
    }
  }
  return undefined;
}

const BRACES = /\{(\d+)(,(\d*))?\}/y;

function repeatsAt(pattern: string, i: number): boolean {
  if (pattern[i] === '+' || pattern[i] === '*') return true;
  BRACES.lastIndex = i;
  const m = BRACES.exec(pattern);
  if (!m) return false;
  const most = m[2] === undefined ? Number(m[1]) : m[3] === '' ? Infinity : Number(m[3]);
  return most > 1;
}

function endOfClass(pattern: string, open: number): number {
  let i = open + 1;
  while (i < pattern.length && pattern[i] !== ']') i += pattern[i] === '\\' ? 2 : 1;
  return i;
}

/** Skips `?:`, `?=`, `?!`, `?<=`, `?<!` and `?<name>` so they are not read as quantifiers or content. */
function afterGroupPrefix(pattern: string, open: number): number {
  const prefix = /\?(?::|=|!|<=|<!|<[A-Za-z_$][\w$]*>)/y;
  prefix.lastIndex = open + 1;
  return open + 1 + (prefix.exec(pattern)?.[0].length ?? 0);
}

function overlapping(branches: string[]): boolean {
  if (branches.length < 2) return false;
  const lower = branches.map((b) => b.toLowerCase());
  return lower.some((a, i) => lower.some((b, j) => i !== j && b.startsWith(a)));
}
