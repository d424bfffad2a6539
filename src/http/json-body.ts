import { TextDecoder } from 'node:util';
import express, { type RequestHandler } from 'express';
import { AppError } from '../errors.js';

/**
 * JSON bodies that mean one thing to every reader.
 *
 * `JSON.parse` keeps the last of two equal keys, so `{"wind_mph": 50, "wind_mph": 5}` reads as 5 to
 * the service and as 50 to a person or a log scanner that stops at the first: an agent could smuggle
 * a value past its reviewer. Deep nesting costs every recursive reader after the parser (schemas,
 * canonical JSON, PostgreSQL's jsonb, which refuses it), and a lone surrogate (`"\ud800"`) is a
 * string that PostgreSQL cannot store, so a request carrying one could never be audited. A number
 * beyond a double (`1e400`) reads as Infinity and is stored as null: the record would not say what was
 * sent. I-JSON (RFC 7493) forbids duplicates and unpaired surrogates and warns against such numbers.
 * A `__proto__` key is refused too: JSON.parse keeps it as a plain property, but any later assignment
 * or merge of it replaces a prototype, so it could pollute one wherever the body is copied.
 *
 * The check is one linear pass over the text before `JSON.parse` (which still builds the value and
 * reports syntax errors): keys are compared only within their own object, values are skipped with
 * the engine's native `indexOf`, and nothing here is a regular expression over request text.
 */

/** The deepest nesting a body may have: far beyond any domain's state, far below any recursion limit. */
export const MAX_JSON_DEPTH = 64;

export interface JsonBodyProblem {
  /** Where, as the validation errors name paths: `state.environmental_conditions.wind_mph`, `(body)` at the top. */
  path: string;
  message: string;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const DIGIT_0 = 0x30;
const DIGIT_9 = 0x39;
const MINUS = 0x2d;
const PLUS = 0x2b;
const DOT = 0x2e;
const LOWER_E = 0x65;
const UPPER_E = 0x45;

/** Objects with up to this many keys are checked against a short list of offsets; larger ones get a Set. */
const SMALL_OBJECT = 8;

/** Whether the quote at `at` is escaped: an odd run of backslashes stands right before it. */
function escaped(text: string, at: number, from: number): boolean {
  let run = 0;
  for (let j = at - 1; j >= from && text.charCodeAt(j) === BACKSLASH; j--) run++;
  return run % 2 === 1;
}

/** Index of the quote closing the string that opens at `open`, or -1. */
function closingQuote(text: string, open: number): number {
  let end = text.indexOf('"', open + 1);
  while (end !== -1 && escaped(text, end, open + 1)) end = text.indexOf('"', end + 1);
  return end;
}

function hasBackslash(text: string, start: number, end: number): boolean {
  for (let j = start; j < end; j++) if (text.charCodeAt(j) === BACKSLASH) return true;
  return false;
}

/** Whether text[a, a+len) and text[b, b+len) hold the same characters. */
function sameRange(text: string, a: number, b: number, len: number): boolean {
  for (let j = 0; j < len; j++) if (text.charCodeAt(a + j) !== text.charCodeAt(b + j)) return false;
  return true;
}

/** A key as JSON.parse reads it (the engine's own unescaping, so "\u0061" and "a" are one key); undefined if it is not valid. */
function keyText(text: string, start: number, end: number, escapes: boolean): string | undefined {
  if (!escapes) return text.slice(start, end);
  try {
    return JSON.parse(text.slice(start - 1, end + 1)) as string;
  } catch {
    return undefined;
  }
}

// JSON.parse makes `"__proto__"` an own property, but an assignment (`obj[key] = …`, a merge) makes
// it the prototype and schema parsers drop it: readers disagree on what it is, so no body may carry it.
const PROTO = '__proto__';
const PROTO_MESSAGE = 'a key named "__proto__" is refused: some readers take it for the prototype';

const shown = (key: string) => JSON.stringify(key.length > 40 ? `${key.slice(0, 40)}…` : key);

/**
 * The first duplicate key, `__proto__` key, number beyond a double or excess nesting in `text`, if
 * any. Text that is not JSON at all gets no complaint here (the caller's `JSON.parse` names that).
 *
 * Keys are kept as offsets into the text, on one stack shared by all open objects (an inner
 * object's keys sit above its parent's and are dropped when it closes), so a small object costs no
 * allocation. An object that grows past SMALL_OBJECT keys, or has a key with escapes, is checked
 * with a Set of its keys' decoded text instead.
 */
export function structureProblem(text: string, maxDepth = MAX_JSON_DEPTH): JsonBodyProblem | undefined {
  let keyStart = new Int32Array(64);
  let keyEnd = new Int32Array(64);
  let keys = 0;
  // Per open container, by depth: whether it is an array, its items so far or its first key on the
  // stack, its Set once it has one, and the offsets of the name it is under (for the path).
  const isArray = new Uint8Array(maxDepth);
  const counter = new Int32Array(maxDepth);
  const sets: (Set<string> | undefined)[] = new Array(maxDepth);
  const nameStart = new Int32Array(maxDepth);
  const nameEnd = new Int32Array(maxDepth);
  let depth = 0;
  let expectKey = false;

  const pathTo = (levels: number): string => {
    if (levels === 0) return '(body)';
    const parts: string[] = [];
    for (let d = 0; d < levels; d++) {
      const name = isArray[d] === 1 ? String(counter[d]) : (keyText(text, nameStart[d], nameEnd[d], hasBackslash(text, nameStart[d], nameEnd[d])) ?? '?');
      parts.push(name.length > 40 ? `${name.slice(0, 40)}…` : name);
    }
    return parts.join('.');
  };

  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c >= DIGIT_0 && c <= DIGIT_9) || c === MINUS) {
      // A number (strings are skipped whole, and literals hold no digits): read to its end, once.
      let end = i + 1;
      let exponent = false;
      for (; end < n; end++) {
        const d = text.charCodeAt(end);
        if (d === LOWER_E || d === UPPER_E) exponent = true;
        else if (!((d >= DIGIT_0 && d <= DIGIT_9) || d === DOT || d === PLUS || d === MINUS)) break;
      }
      // Only an exponent or some 300 digits can reach past a double; JSON.parse would make it Infinity.
      if ((exponent || end - i > 300) && Math.abs(Number(text.slice(i, end))) === Infinity) {
        return { path: pathTo(depth), message: `the number ${shown(text.slice(i, end))} is beyond the range of a number: it would be read as Infinity and stored as null` };
      }
      i = end - 1;
    } else if (c === QUOTE) {
      const end = closingQuote(text, i);
      if (end === -1) return undefined;
      if (expectKey) {
        const f = depth - 1;
        const start = i + 1;
        const len = end - start;
        const escapes = hasBackslash(text, start, end);
        nameStart[f] = start;
        nameEnd[f] = end;
        let set = sets[f];
        if (set === undefined && (escapes || keys - counter[f] >= SMALL_OBJECT)) {
          set = new Set();
          for (let k = counter[f]; k < keys; k++) set.add(text.slice(keyStart[k], keyEnd[k]));
          sets[f] = set;
        }
        if (set !== undefined) {
          const key = keyText(text, start, end, escapes);
          if (key === undefined) return undefined;
          if (key === PROTO) return { path: pathTo(depth), message: PROTO_MESSAGE };
          if (set.has(key)) return { path: pathTo(depth), message: `duplicate key ${shown(key)}: readers would disagree on its value` };
          set.add(key);
        } else {
          if (len === PROTO.length && text.startsWith(PROTO, start)) return { path: pathTo(depth), message: PROTO_MESSAGE };
          for (let k = counter[f]; k < keys; k++) {
            if (keyEnd[k] - keyStart[k] === len && sameRange(text, keyStart[k], start, len)) {
              return { path: pathTo(depth), message: `duplicate key ${shown(text.slice(start, end))}: readers would disagree on its value` };
            }
          }
          if (keys === keyStart.length) {
            const grownStart = new Int32Array(keys * 2);
            grownStart.set(keyStart);
            keyStart = grownStart;
            const grownEnd = new Int32Array(keys * 2);
            grownEnd.set(keyEnd);
            keyEnd = grownEnd;
          }
          keyStart[keys] = start;
          keyEnd[keys] = end;
          keys++;
        }
        expectKey = false;
      }
      i = end;
    } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      if (depth >= maxDepth) return { path: pathTo(depth), message: `nested deeper than ${maxDepth} levels` };
      const array = c === OPEN_ARRAY;
      isArray[depth] = array ? 1 : 0;
      counter[depth] = array ? 0 : keys;
      sets[depth] = undefined;
      depth++;
      expectKey = !array;
    } else if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      if (depth > 0) {
        depth--;
        if (isArray[depth] === 0) {
          keys = counter[depth];
          sets[depth] = undefined;
        }
      }
      expectKey = false;
    } else if (c === COMMA && depth > 0) {
      if (isArray[depth - 1] === 1) counter[depth - 1]++;
      else expectKey = true;
    }
  }
  return undefined;
}

/**
 * The first surrogate escape in `text` that is not half of a pair (`\ud800` alone), as a character
 * offset. Raw unpaired surrogates cannot reach here: UTF-8 decoding turns them into U+FFFD, and other
 * charsets are decoded strictly (`decode`).
 */
export function loneSurrogateAt(text: string): number | undefined {
  const hex = (at: number) => {
    let v = 0;
    for (let k = at; k < at + 4; k++) {
      const d = text.charCodeAt(k);
      const digit = d >= 0x30 && d <= 0x39 ? d - 0x30 : d >= 0x61 && d <= 0x66 ? d - 0x57 : d >= 0x41 && d <= 0x46 ? d - 0x37 : -1;
      if (digit < 0) return -1;
      v = v * 16 + digit;
    }
    return v;
  };
  let from = 0;
  for (let at = text.indexOf('\\u', from); at !== -1; at = text.indexOf('\\u', from)) {
    from = at + 2;
    // `\\u` is an escaped backslash followed by a letter: the escape is real only after an even run.
    if (escaped(text, at, 0)) continue;
    const unit = hex(at + 2);
    if (unit >= 0xdc00 && unit <= 0xdfff) return at;
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = text.charCodeAt(at + 6) === BACKSLASH && text.charCodeAt(at + 7) === 0x75 ? hex(at + 8) : -1;
      if (next < 0xdc00 || next > 0xdfff) return at;
      from = at + 12;
    }
  }
  return undefined;
}

/** The problem with a body's text that JSON.parse would let through, if any (first structure, then surrogates). */
export function jsonTextProblem(text: string, maxDepth = MAX_JSON_DEPTH): JsonBodyProblem | undefined {
  const structural = structureProblem(text, maxDepth);
  if (structural) return structural;
  const at = loneSurrogateAt(text);
  if (at !== undefined) return { path: '(body)', message: `a string holds an unpaired surrogate (\\u escape at character ${at}), which cannot be stored` };
  return undefined;
}

function decode(buf: Buffer, encoding: string): string {
  if (encoding === 'utf-8' || encoding === 'utf8') return buf.toString('utf8');
  let decoder: TextDecoder;
  try {
    decoder = new TextDecoder(encoding, { fatal: true });
  } catch {
    // A body it cannot read is a body it cannot check: refused, not waved through.
    throw new AppError('unsupported_media_type', `the charset ${shown(encoding)} is not supported; send UTF-8`);
  }
  try {
    // Strict, so a raw unpaired surrogate in UTF-16 is refused rather than decoded differently from the parser.
    return decoder.decode(buf);
  } catch {
    throw new AppError('invalid_json', `the body is not valid ${encoding}`, { errors: [{ path: '(body)', message: `not valid ${encoding}` }] });
  }
}

export interface JsonBodyOptions {
  /** The size limit, as express.json takes it ('256kb'). */
  limit: string;
  /** The media types parsed as JSON. */
  type: string[];
  maxDepth?: number;
}

/**
 * express.json (its limit, charsets, content encodings, `strict` top level, empty body as `{}`), with
 * the check above on the raw text before it is parsed (body-parser's documented `verify` hook, which
 * sees the decompressed bytes). A problem is a 400 `invalid_json` naming it and its path.
 */
export function jsonBody(options: JsonBodyOptions): RequestHandler {
  const maxDepth = options.maxDepth ?? MAX_JSON_DEPTH;
  return express.json({
    limit: options.limit,
    strict: true,
    type: options.type,
    verify: (_req, _res, buf, encoding) => {
      const problem = jsonTextProblem(decode(buf, encoding.toLowerCase()), maxDepth);
      if (problem) throw new AppError('invalid_json', `${problem.path}: ${problem.message}`, { errors: [problem] });
    },
  });
}
