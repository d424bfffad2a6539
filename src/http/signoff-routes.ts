import { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import type { EvaluationStore, StoredEvaluation } from '../audit/evaluation-store.js';
import { AppError } from '../errors.js';
import type { ApiKey } from '../keys/key-store.js';
import { SIGN_OFF_CHOICES } from '../signoff/review.js';
import type { SignOffService } from '../signoff/sign-off-service.js';
import { callerKey } from './auth.js';
import { mayAccess } from './authorization.js';
import { parseBody } from './parse.js';

/** The routes this file serves, as the authorisation table names them. */
export type SignOffRouteId = 'POST /v1/evaluations/:id/override' | 'POST /v1/evaluations/:id/revoke-approval' | 'POST /v1/evaluations/:id/check';

export interface SignOffRouteDeps {
  evaluations: EvaluationStore;
  signOffs: SignOffService;
  guard: (route: SignOffRouteId) => RequestHandler;
}

const Reason = z.string().max(4000).refine((r) => r.trim().length > 0, 'a reason is required');

export const OverrideSchema = z.strictObject({
  decision: z.enum(SIGN_OFF_CHOICES),
  reason: Reason,
  /** A duration such as 15m: shorter than the policy's approval_ttl, or it changes nothing. */
  expires_in: z.string().max(20).optional(),
});

export const RevokeSchema = z.strictObject({ reason: Reason });

export const CheckSchema = z.strictObject({
  state: z.record(z.string(), z.unknown()),
  action: z.record(z.string(), z.unknown()),
  context: z.record(z.string(), z.unknown()).optional(),
  options: z.record(z.string(), z.unknown()).optional(),
});

export function signOffRoutes(deps: SignOffRouteDeps): Router {
  const router = Router();

  /** The evaluation, if the key may act on it; outside its scope it reads as absent, as GET does. */
  const load = async (route: SignOffRouteId, id: string, key: ApiKey): Promise<StoredEvaluation> => {
    const stored = await deps.evaluations.get(id);
    if (!stored || !mayAccess(route, key, stored)) throw new AppError('not_found', `no evaluation ${id}`);
    return stored;
  };

  router.post('/v1/evaluations/:id/override', deps.guard('POST /v1/evaluations/:id/override'), async (req, res) => {
    const body = parseBody(OverrideSchema, req);
    const key = callerKey(res);
    const stored = await load('POST /v1/evaluations/:id/override', String(req.params.id), key);
    const done = await deps.signOffs.signOff(stored, key, body);
    res.status(200).json({ evaluation_id: stored.id, ...done, sign_offs_remaining: done.review.sign_offs_remaining });
  });

  router.post('/v1/evaluations/:id/revoke-approval', deps.guard('POST /v1/evaluations/:id/revoke-approval'), async (req, res) => {
    const body = parseBody(RevokeSchema, req);
    const key = callerKey(res);
    const stored = await load('POST /v1/evaluations/:id/revoke-approval', String(req.params.id), key);
    res.status(200).json({ evaluation_id: stored.id, ...(await deps.signOffs.revoke(stored, key, body.reason)) });
  });

  router.post('/v1/evaluations/:id/check', deps.guard('POST /v1/evaluations/:id/check'), async (req, res) => {
    const body = parseBody(CheckSchema, req);
    const stored = await load('POST /v1/evaluations/:id/check', String(req.params.id), callerKey(res));
    const presented = deps.signOffs.actionHashOf({ domain: stored.domain, state: body.state, action: body.action });
    const view = await deps.signOffs.view(stored);
    res.json({ evaluation_id: stored.id, effective_decision: view.effective_decision, approved_action_hash: view.action_hash, expires_at: view.review.expires_at, ...deps.signOffs.covers(view, presented) });
  });

  return router;
}
