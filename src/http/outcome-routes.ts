import { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import type { EvaluationStore } from '../audit/evaluation-store.js';
import { AppError } from '../errors.js';
import { parseQuery as parseSchemaQuery } from '../listing/list-query.js';
import type { LoadedDomain } from '../packs/load-domains.js';
import { calibrationReport } from '../outcomes/calibration-report.js';
import type { OutcomeService } from '../outcomes/outcome-service.js';
import type { CalibrationQuery, CalibrationSource } from '../outcomes/outcome-store.js';
import { callerKey } from './auth.js';
import { mayAccess } from './authorization.js';
import { parseBody } from './parse.js';

/** The routes this file serves, as the authorisation table names them. */
export type OutcomeRouteId = 'POST /v1/evaluations/:id/outcome' | 'GET /v1/domains/:domain/calibration';

export interface OutcomeRouteDeps {
  evaluations: EvaluationStore;
  outcomes: OutcomeService;
  calibration: CalibrationSource;
  domains: ReadonlyMap<string, LoadedDomain>;
  guard: (route: OutcomeRouteId) => RequestHandler;
}

/** PostgreSQL text cannot hold U+0000; such notes could never be stored. */
const noNul = (s: string) => !s.includes('\u0000');

export const OutcomeSchema = z.strictObject({
  outcome: z.string().min(1).max(100),
  occurred_at: z.iso.datetime({ offset: true }),
  notes: z.string().max(4000).refine(noNul, 'may not contain the NUL character (U+0000)').optional(),
});

const Instant = z.union([z.iso.datetime({ offset: true }), z.iso.date()]);

export const CalibrationQuerySchema = z.strictObject({
  since: Instant.optional(),
  until: Instant.optional(),
  policy_version: z.string().min(1).max(200).optional(),
});

function parseQuery(query: unknown): Omit<CalibrationQuery, 'domain'> {
  const q = parseSchemaQuery(CalibrationQuerySchema, query);
  const since = q.since === undefined ? undefined : new Date(q.since);
  const until = q.until === undefined ? undefined : new Date(q.until);
  if (since && until && since >= until) throw new AppError('validation_failed', 'since: must be before until', { errors: [{ path: 'since', message: 'must be before until' }] });
  return { since, until, policyVersion: q.policy_version };
}

export function outcomeRoutes(deps: OutcomeRouteDeps): Router {
  const router = Router();

  router.post('/v1/evaluations/:id/outcome', deps.guard('POST /v1/evaluations/:id/outcome'), async (req, res) => {
    const body = parseBody(OutcomeSchema, req);
    const key = callerKey(res);
    const stored = await deps.evaluations.get(String(req.params.id));
    // Outside the key's scope reads as absent, as GET /v1/evaluations/:id does: another agent's ids are not confirmed.
    if (!stored || !mayAccess('POST /v1/evaluations/:id/outcome', key, stored)) throw new AppError('not_found', `no evaluation ${req.params.id}`);
    const done = await deps.outcomes.report(stored, key, body);
    res.status(201).location(`/v1/evaluations/${stored.id}`).json({ evaluation_id: stored.id, ...done });
  });

  router.get('/v1/domains/:domain/calibration', deps.guard('GET /v1/domains/:domain/calibration'), async (req, res) => {
    const domain = String(req.params.domain);
    if (!deps.domains.has(domain)) throw new AppError('unknown_domain', `unknown domain '${domain}'`);
    const query = parseQuery(req.query);
    // Domains are public (GET /v1/domains lists them), so a supervisor of other domains is told so rather than shown a 404.
    if (!mayAccess('GET /v1/domains/:domain/calibration', callerKey(res), { domain })) {
      throw new AppError('forbidden', `the key is scoped to ${callerKey(res).domains?.join(', ')}; ${domain} is not one of them`);
    }
    res.json(await calibrationReport(deps.calibration, { domain, ...query }));
  });

  return router;
}
