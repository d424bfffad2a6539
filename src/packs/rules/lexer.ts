import { RuleError } from './rule-error.js';

export interface Token {
  kind: 'number' | 'string' | 'name' | 'op' | 'end';
  /** The source text; for a string, its decoded value. */
  text: string;
  value?: number;
  /** 1-based, as error messages report it. */
  column: number;
}

type Read = { token: Token; end: number };

// Longest first, so `<=` is not read as `<` then `=`.
const OPERATORS = ['&&', '||', '==', '!=', '<=', '>=', '<', '>', '!', '(', ')', '[', ']', ',', '.', '-'];
const LOOKALIKES: Record<string, string> = { '=': '==', '&': '&&', '|': '||' };
const NUMBER = /\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const NAME = /[A-Za-z_][A-Za-z0-9_]*/y;
const SPACE = /\s/;

export function tokenize(source: string, ruleId?: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    if (SPACE.test(source[i]!)) {
      i += 1;
      continue;
    }
    const read = readString(source, i, ruleId) ?? readWord(source, i) ?? readOperator(source, i, ruleId);
    tokens.push(read.token);
    i = read.end;
  }
  tokens.push({ kind: 'end', text: '', column: source.length + 1 });
  return tokens;
}

function readWord(source: string, start: number): Read | undefined {
  for (const [kind, pattern] of [['number', NUMBER], ['name', NAME]] as const) {
    pattern.lastIndex = start;
    const text = pattern.exec(source)?.[0];
    if (text === undefined) continue;
    const token: Token = { kind, text, column: start + 1 };
    if (kind === 'number') token.value = Number(text);
    return { token, end: start + text.length };
  }
  return undefined;
}

function readOperator(source: string, start: number, ruleId: string | undefined): Read {
  const op = OPERATORS.find((o) => source.startsWith(o, start));
  if (op === undefined) {
    const ch = source[start]!;
    const hint = LOOKALIKES[ch] === undefined ? '' : ` (use '${LOOKALIKES[ch]}')`;
    throw new RuleError(`unexpected character '${ch}'${hint}`, { ruleId, column: start + 1 });
  }
  return { token: { kind: 'op', text: op, column: start + 1 }, end: start + op.length };
}

/**
 * Only `\\`, `\'` and `\"` are unescaped. Every other escape is kept as backslash + character, so a
 * regex written in a YAML single-quoted string ('"principal"\s*:\s*"\*"') reaches RegExp as written.
 */
function readString(source: string, start: number, ruleId: string | undefined): Read | undefined {
  const quote = source[start];
  if (quote !== '"' && quote !== "'") return undefined;
  let value = '';
  for (let i = start + 1; i < source.length; i += 1) {
    const ch = source[i]!;
    if (ch === quote) return { token: { kind: 'string', text: value, column: start + 1 }, end: i + 1 };
    if (ch === '\\' && i + 1 < source.length) {
      const next = source[i + 1]!;
      value += next === '\\' || next === "'" || next === '"' ? next : ch + next;
      i += 1;
    } else {
      value += ch;
    }
  }
  throw new RuleError('unterminated string', { ruleId, column: start + 1 });
}
