import { Router } from 'express';
import { AppError } from '../errors.js';
import { evaluate, EvaluateRequestSchema, type EvaluateDeps } from '../evaluation/evaluate.js';
import type { EvaluationStore } from '../audit/evaluation-store.js';
import type { Authenticator } from './auth.js';
import type { Metrics } from './metrics.js';
import { parseBody } from './parse.js';

export interface EvaluateRouteDeps {
  evaluate: EvaluateDeps;
  evaluations: EvaluationStore;
  auth: Authenticator;
  maxConcurrent: number;
  metrics: Metrics;
}

export function evaluateRoutes(deps: EvaluateRouteDeps): Router {
  const router = Router();
  let inFlight = 0;

  router.post('/v1/evaluate', deps.auth.require('agent'), async (req, res) => {
    const request = parseBody(EvaluateRequestSchema, req);
    if (inFlight >= deps.maxConcurrent) throw new AppError('overloaded', `${inFlight} evaluations are in progress`, { decision: 'escalate' });
    inFlight++;
    try {
      const result = await evaluate(deps.evaluate, request, { apiKeyId: res.locals.apiKey.id }).catch((err) => {
        // Whatever went wrong, an agent that reads only the body must still see "escalate".
        throw err instanceof AppError ? err : new AppError('internal', undefined, { decision: 'escalate' }, { cause: err });
      });
      const body = result.body as { reasons: { code: string }[]; risk: { rollouts: number }; world_model: { backend: string }; timing_ms: { total: number; simulation: number } };
      deps.metrics.recordEvaluation({
        domain: request.domain,
        decision: result.decision,
        reasons: body.reasons.map((r) => r.code),
        backend: body.world_model.backend,
        rollouts: body.risk.rollouts,
        totalMs: body.timing_ms.total,
        simulationMs: body.timing_ms.simulation,
      });
      res.status(200).location(`/v1/evaluations/${result.id}`).json(result.body);
    } finally {
      inFlight--;
    }
  });

  router.get('/v1/evaluations/:id', deps.auth.require('auditor', 'supervisor'), async (req, res) => {
    const stored = await deps.evaluations.get(String(req.params.id));
    if (!stored) throw new AppError('not_found', `no evaluation ${req.params.id}`);
    res.json({
      ...stored.response,
      futures: stored.futures,
      request: stored.request,
      audit: { seq: stored.seq, hash: stored.hash, prev_hash: stored.prevHash, api_key_id: stored.apiKeyId ?? null, stored_timing_ms: stored.timing },
    });
  });

  return router;
}
