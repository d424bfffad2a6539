import { tokenize, type Token } from './lexer.js';
import { RuleError } from './rule-error.js';

export type CompareOp = '==' | '!=' | '<' | '<=' | '>' | '>=' | 'in';
/** Rules read the normalised facts and the classified action, never the raw request. */
export type Root = 'facts' | 'action';

export type Node = { column: number } & (
  | { kind: 'literal'; value: null | boolean | number | string }
  | { kind: 'list'; items: Node[] }
  | { kind: 'path'; root: Root; keys: Array<string | number> }
  | { kind: 'not' | 'negate'; operand: Node }
  | { kind: 'and' | 'or'; left: Node; right: Node }
  | { kind: 'compare'; op: CompareOp; left: Node; right: Node }
  | { kind: 'call'; name: string; args: Node[] }
);

const COMPARE_OPS = new Set<string>(['==', '!=', '<', '<=', '>', '>=']);
const KEYWORDS = new Map<string, null | boolean>([['true', true], ['false', false], ['null', null]]);
// Reading these could reach Object.prototype; input objects are only ever read through own keys anyway.
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
// Keeps recursion far from the stack limit whatever the source, so bad input is a RuleError, not a RangeError.
const MAX_DEPTH = 64;

/** Grammar, loosest first: `||`, `&&`, `!`, comparison (`== != < <= > >= in`), operand (`!x`, `-x`, primary). */
export function parse(source: string, ruleId?: string): Node {
  const parser = new Parser(tokenize(source, ruleId), ruleId);
  const node = parser.expression();
  const rest = parser.peek();
  if (rest.kind !== 'end') parser.fail(`unexpected ${describe(rest)}`, rest.column);
  return node;
}

class Parser {
  private pos = 0;
  private depth = 0;

  constructor(
    private readonly tokens: Token[],
    private readonly ruleId: string | undefined,
  ) {}

  fail(reason: string, column: number): never {
    throw new RuleError(reason, { ruleId: this.ruleId, column });
  }

  peek(): Token {
    return this.tokens[this.pos]!;
  }

  expression(): Node {
    return this.nested(() => this.or());
  }

  private or(): Node {
    let left = this.and();
    for (let op = this.accept('||'); op; op = this.accept('||')) left = { kind: 'or', left, right: this.and(), column: op.column };
    return left;
  }

  private and(): Node {
    let left = this.not();
    for (let op = this.accept('&&'); op; op = this.accept('&&')) left = { kind: 'and', left, right: this.not(), column: op.column };
    return left;
  }

  private not(): Node {
    const bang = this.accept('!');
    return bang ? { kind: 'not', operand: this.nested(() => this.not()), column: bang.column } : this.comparison();
  }

  private comparison(): Node {
    const left = this.operand();
    const op = this.compareOp();
    if (!op) return left;
    this.pos += 1;
    const right = this.operand();
    const again = this.compareOp();
    if (again) this.fail(`comparisons do not chain; join them with '&&'`, again.column);
    return { kind: 'compare', op: op.text as CompareOp, left, right, column: op.column };
  }

  private compareOp(): Token | undefined {
    const t = this.peek();
    return (t.kind === 'op' && COMPARE_OPS.has(t.text)) || (t.kind === 'name' && t.text === 'in') ? t : undefined;
  }

  private operand(): Node {
    const t = this.peek();
    if (this.accept('!')) return { kind: 'not', operand: this.nested(() => this.operand()), column: t.column };
    if (!this.accept('-')) return this.primary();
    const n = this.peek();
    if (n.kind === 'number') {
      this.pos += 1;
      return { kind: 'literal', value: -n.value!, column: t.column };
    }
    return { kind: 'negate', operand: this.nested(() => this.operand()), column: t.column };
  }

  private primary(): Node {
    const t = this.next();
    const { column } = t;
    if (t.kind === 'number') return { kind: 'literal', value: t.value!, column };
    if (t.kind === 'string') return { kind: 'literal', value: t.text, column };
    if (t.kind === 'op' && t.text === '(') {
      const inner = this.expression();
      this.expect(')');
      return inner;
    }
    if (t.kind === 'op' && t.text === '[') return { kind: 'list', items: this.sequence(']'), column };
    if (t.kind !== 'name') this.fail(`expected a value but found ${describe(t)}`, column);
    if (KEYWORDS.has(t.text)) return { kind: 'literal', value: KEYWORDS.get(t.text)!, column };
    if (this.accept('(')) return { kind: 'call', name: t.text, args: this.sequence(')'), column };
    return this.path(t);
  }

  private sequence(close: string): Node[] {
    const items: Node[] = [];
    if (this.accept(close)) return items;
    do items.push(this.expression());
    while (this.accept(','));
    this.expect(close);
    return items;
  }

  private path(root: Token): Node {
    if (root.text !== 'facts' && root.text !== 'action') {
      this.fail(`unknown name '${root.text}'; paths start with 'facts' or 'action'`, root.column);
    }
    const keys: Array<string | number> = [];
    for (;;) {
      if (this.accept('.')) {
        const t = this.next();
        if (t.kind !== 'name') this.fail(`expected a name after '.' but found ${describe(t)}`, t.column);
        keys.push(this.key(t));
      } else if (this.accept('[')) {
        const t = this.next();
        if (t.kind === 'number' && Number.isInteger(t.value)) keys.push(t.value!);
        else if (t.kind === 'string') keys.push(this.key(t));
        else this.fail(`expected an index or a quoted key but found ${describe(t)}`, t.column);
        this.expect(']');
      } else {
        return { kind: 'path', root: root.text, keys, column: root.column };
      }
    }
  }

  private key(t: Token): string {
    if (FORBIDDEN_KEYS.has(t.text)) this.fail(`'${t.text}' is not allowed in a path`, t.column);
    return t.text;
  }

  private nested(parse: () => Node): Node {
    this.depth += 1;
    if (this.depth > MAX_DEPTH) this.fail(`expression nested more than ${MAX_DEPTH} deep`, this.peek().column);
    const node = parse();
    this.depth -= 1;
    return node;
  }

  private next(): Token {
    const t = this.peek();
    if (t.kind !== 'end') this.pos += 1;
    return t;
  }

  private accept(op: string): Token | undefined {
    const t = this.peek();
    if (t.kind !== 'op' || t.text !== op) return undefined;
    this.pos += 1;
    return t;
  }

  private expect(op: string): void {
    const t = this.peek();
    if (!this.accept(op)) this.fail(`expected '${op}' but found ${describe(t)}`, t.column);
  }
}

function describe(t: Token): string {
  if (t.kind === 'end') return 'the end of the expression';
  return t.kind === 'string' ? `string '${t.text}'` : `'${t.text}'`;
}
