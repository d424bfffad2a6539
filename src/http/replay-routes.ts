import { Router, type Request, type RequestHandler } from 'express';
import { z } from 'zod';
import type { EvaluationStore } from '../audit/evaluation-store.js';
import { AppError } from '../errors.js';
import type { ReplayService } from '../replay/replay-service.js';
import { callerKey } from './auth.js';
import { mayAccess } from './authorization.js';
import { parseBody } from './parse.js';

export type ReplayRouteId = 'POST /v1/evaluations/:id/replay';

export interface ReplayRouteDeps {
  evaluations: EvaluationStore;
  replays: ReplayService;
  guard: (route: ReplayRouteId) => RequestHandler;
  /** Replays simulate like evaluations: past this many at once on a replica, a fast 503. */
  maxConcurrent?: number;
}

/** Nothing to choose yet: a replay runs under today's policy and model. The body may be absent or `{}`. */
const ReplayBodySchema = z.strictObject({});

const hasBody = (req: Request) => req.headers['transfer-encoding'] !== undefined || (req.headers['content-length'] !== undefined && req.headers['content-length'] !== '0');

export function replayRoutes(deps: ReplayRouteDeps): Router {
  const router = Router();
  const max = deps.maxConcurrent ?? 8;
  let inFlight = 0;

  router.post('/v1/evaluations/:id/replay', deps.guard('POST /v1/evaluations/:id/replay'), async (req, res) => {
    if (hasBody(req)) parseBody(ReplayBodySchema, req);
    const key = callerKey(res);
    const id = String(req.params.id);
    const stored = await deps.evaluations.get(id);
    if (!stored || !mayAccess('POST /v1/evaluations/:id/replay', key, stored)) throw new AppError('not_found', `no evaluation ${id}`);
    if (inFlight >= max) throw new AppError('overloaded', `${inFlight} replays are in progress`);
    inFlight++;
    try {
      res.status(200).json(await deps.replays.replay(stored, key));
    } finally {
      inFlight--;
    }
  });

  return router;
}
