import crypto from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../errors.js';
import { canonicalJson } from '../lib/canonical-json.js';
import { EFFECTIVE_DECISIONS } from '../signoff/review.js';
import { REVIEW_STATES, type EvaluationFilters } from './listing-store.js';

export const DEFAULT_LIMIT = 50;
export const MAX_LIMIT = 500;

const boolParam = z.enum(['true', 'false']).transform((v) => v === 'true');
const instant = z
  .union([z.iso.datetime({ offset: true }), z.iso.date()])
  .transform((s) => new Date(s))
  .refine((d) => !Number.isNaN(d.getTime()), 'an ISO 8601 date or date-time');

const FilterShape = {
  domain: z.string().min(1).max(100).optional(),
  decision: z.enum(['approve', 'escalate']).optional(),
  effective_decision: z.enum(EFFECTIVE_DECISIONS).optional(),
  review_state: z.enum(REVIEW_STATES).optional(),
  agent: z.string().min(1).max(200).optional(),
  api_key_id: z.string().min(1).max(100).optional(),
  policy_version: z.string().min(1).max(200).optional(),
  since: instant.optional(),
  until: instant.optional(),
  has_sign_off: boolParam.optional(),
  has_outcome: boolParam.optional(),
};

const sinceBeforeUntil = (q: { since?: Date; until?: Date }) => !q.since || !q.until || q.since < q.until;
const RANGE_PROBLEM = { message: 'since must be before until', path: ['since'] };

/** `GET /v1/evaluations`: the filters, a page size and the cursor of the page before. */
export const ListQuerySchema = z
  .strictObject({
    ...FilterShape,
    limit: z
      .string()
      .regex(/^\d{1,4}$/, 'a whole number')
      .transform(Number)
      .pipe(z.number().int().min(1).max(MAX_LIMIT))
      .optional(),
    cursor: z.string().min(1).max(200).optional(),
  })
  .refine(sinceBeforeUntil, RANGE_PROBLEM);

/** `GET /v1/evaluations/export`: the same filters and a format; everything that matches, streamed. */
export const ExportQuerySchema = z
  .strictObject({ ...FilterShape, format: z.enum(['jsonl', 'csv']).default('jsonl') })
  .refine(sinceBeforeUntil, RANGE_PROBLEM);

type ParsedFilters = { [K in keyof typeof FilterShape]?: z.infer<(typeof FilterShape)[K]> };

export function filtersOf(q: ParsedFilters): EvaluationFilters {
  return {
    domain: q.domain,
    decision: q.decision,
    effectiveDecision: q.effective_decision,
    reviewState: q.review_state,
    agentId: q.agent,
    apiKeyId: q.api_key_id,
    policyVersion: q.policy_version,
    since: q.since,
    until: q.until,
    hasSignOff: q.has_sign_off,
    hasOutcome: q.has_outcome,
  };
}

/** Step one of a GET handler: the query string against its schema, or a 400 naming each problem. */
export function parseQuery<S extends z.ZodType>(schema: S, query: unknown): z.infer<S> {
  const parsed = schema.safeParse(query);
  if (!parsed.success) {
    const errors = parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.') || '(query)', message: i.message }));
    throw new AppError('validation_failed', errors.map((e) => `${e.path}: ${e.message}`).join('; '), { errors });
  }
  return parsed.data;
}

// A cursor names the position (the last seq shown) and the filters it was made for, so a cursor used
// with other filters is refused rather than silently skipping or repeating rows.
const fingerprint = (filters: EvaluationFilters) => crypto.createHash('sha256').update(canonicalJson(filters)).digest('base64url').slice(0, 16);

export function encodeCursor(seq: number, filters: EvaluationFilters): string {
  return Buffer.from(JSON.stringify({ v: 1, s: seq, f: fingerprint(filters) })).toString('base64url');
}

const CursorSchema = z.strictObject({ v: z.literal(1), s: z.number().int().min(1), f: z.string() });

export function decodeCursor(cursor: string, filters: EvaluationFilters): number {
  const bad = (message: string) => new AppError('validation_failed', `cursor: ${message}`, { errors: [{ path: 'cursor', message }] });
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw bad('not a cursor this service gave out');
  }
  const parsed = CursorSchema.safeParse(raw);
  if (!parsed.success) throw bad('not a cursor this service gave out');
  if (parsed.data.f !== fingerprint(filters)) throw bad('made for other filters: keep the filters of the first page while paging');
  return parsed.data.s;
}
