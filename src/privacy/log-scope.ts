import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The personal values a request carries or reads, for the length of that request, so that the logger
 * can strike them from whatever is logged meanwhile: an error message quoting the input, a component
 * logging what it saw. Pino's redact paths censor fields by name; this catches the values wherever
 * they travel. Keyed by async context, so concurrent requests never see each other's values.
 */
const scope = new AsyncLocalStorage<Set<string>>();

const MIN_CHARS = 4;
const MAX_VALUES = 2_000;
const CENSOR = '[personal]';

function collect(value: unknown, into: Set<string>, depth = 0): void {
  if (into.size >= MAX_VALUES || depth > 32) return;
  if (typeof value === 'string' || typeof value === 'number') {
    const text = String(value).trim();
    if (text.length >= MIN_CHARS) into.add(text);
    return;
  }
  if (value === null || typeof value !== 'object') return;
  for (const v of Object.values(value)) collect(v, into, depth + 1);
}

/** Runs `fn` (a request's handling) with `values` struck from every log line it causes. */
export function runWithPersonalScope<T>(values: unknown[], fn: () => T): T {
  const set = new Set<string>();
  for (const v of values) collect(v, set);
  return scope.run(set, fn);
}

/** Adds values read during the current request (from the database) to what its log lines must not show. */
export function notePersonalValues(values: unknown[]): void {
  const set = scope.getStore();
  if (set) for (const v of values) collect(v, set);
}

function scrubText(s: string, values: readonly string[]): string {
  let out = s;
  for (const v of values) if (out.includes(v)) out = out.split(v).join(CENSOR);
  return out;
}

function scrubValue(value: unknown, values: readonly string[], depth: number): unknown {
  if (typeof value === 'string') return scrubText(value, values);
  if (value === null || typeof value !== 'object' || depth > 10) return value;
  if (value instanceof Error) {
    const text = `${value.message}\n${value.stack ?? ''}`;
    const cause = (value as { cause?: unknown }).cause;
    if (!values.some((v) => text.includes(v)) && cause === undefined) return value;
    // Serialised here (as pino's err serialiser would) so the scrubbed copy keeps type, message and stack.
    return {
      type: value.name,
      message: scrubText(value.message, values),
      stack: value.stack ? scrubText(value.stack, values) : undefined,
      ...(scrubValue({ ...value }, values, depth + 1) as object),
      ...(cause !== undefined ? { cause: scrubValue(cause, values, depth + 1) } : {}),
    };
  }
  if (Array.isArray(value)) return value.slice(0, 1_000).map((v) => scrubValue(v, values, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = scrubValue(v, values, depth + 1);
  return out;
}

/** The arguments of a log call with the current request's personal values struck out (the logger's hook). */
export function scrubLogArguments(args: unknown[]): unknown[] {
  const set = scope.getStore();
  if (!set || set.size === 0) return args;
  // Longest first, so a value that contains another is struck whole.
  const values = [...set].sort((a, b) => b.length - a.length);
  return args.map((a) => scrubValue(a, values, 0));
}
