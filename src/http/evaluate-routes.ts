import crypto from 'node:crypto';
import { Router, type ErrorRequestHandler, type Request, type Response } from 'express';
import { AppError } from '../errors.js';
import { evaluate, EvaluateRequestSchema, type EvaluateDeps, type Evaluation } from '../evaluation/evaluate.js';
import type { EvaluationStore, StoredEvaluation } from '../audit/evaluation-store.js';
import { isDatabaseUnavailable } from '../db/database.js';
import { parseDuration } from '../keys/duration.js';
import { CanonicalText, canonicalJson } from '../lib/canonical-json.js';
import type { OutcomeService } from '../outcomes/outcome-service.js';
import type { PersonalDataService, Presented } from '../privacy/personal-data-service.js';
import { actionHash } from '../signoff/action-hash.js';
import type { IdempotencyStore } from '../signoff/idempotency-store.js';
import { MAX_WAIT_MS, type ReviewView, type SignOffService } from '../signoff/sign-off-service.js';
import { callerKey, type Authenticator } from './auth.js';
import { mayAccess } from './authorization.js';
import type { Metrics } from './metrics.js';
import { parseBody } from './parse.js';

export interface EvaluateRouteDeps {
  evaluate: EvaluateDeps;
  evaluations: EvaluationStore;
  auth: Authenticator;
  maxConcurrent: number;
  metrics: Metrics;
  /** The review of every answer (effective decision, action hash, history) and the long poll. */
  signOffs?: SignOffService;
  /** Remembers Idempotency-Keys, so a retried evaluate gets its first answer. */
  idempotency?: IdempotencyStore;
  /** The outcomes reported about an evaluation, shown by GET. */
  outcomes?: OutcomeService;
  /** Who sees the personal values of a stored evaluation (masked otherwise), and the record of each read. */
  personal?: PersonalDataService;
}

/**
 * Whatever stops an evaluation, an agent that reads only the body must still see "escalate". A
 * database that is unavailable (down, unreachable, full) is a 503 to retry, not a bug.
 */
function asEscalation(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (isDatabaseUnavailable(err)) {
    return new AppError('audit_unavailable', 'the database is unavailable, so nothing can be stored or approved', { decision: 'escalate', reasons: [{ code: 'audit_unavailable', message: 'The audit store is unavailable.' }] }, { cause: err });
  }
  return new AppError('internal', undefined, { decision: 'escalate' }, { cause: err });
}

/**
 * Maps an unavailable database, wherever on the way to an evaluation it showed (the key check, an
 * Idempotency-Key, the evaluation), to the escalating 503; a 503 says when to try again. Any other
 * error goes on as it was (a body that is not JSON stays a 400).
 */
const escalateOnError: ErrorRequestHandler = (err, _req, res, next) => {
  const mapped = err instanceof AppError || isDatabaseUnavailable(err) ? asEscalation(err) : err;
  if (mapped instanceof AppError && mapped.status === 503 && !res.headersSent) res.set('Retry-After', '1');
  next(mapped);
};

const reviewFields = (v: ReviewView) => ({ action_hash: v.action_hash, effective_decision: v.effective_decision, review: v.review });

/** `?wait=30s` (or a number of seconds): how long a GET may wait for the effective decision to change. */
function waitOf(req: Request): number {
  const raw = req.query.wait;
  if (raw === undefined) return 0;
  let ms: number;
  try {
    ms = /^\d+$/.test(String(raw)) ? Number(raw) * 1000 : parseDuration(String(raw));
  } catch {
    throw new AppError('validation_failed', `wait: '${String(raw)}' is not a duration such as 30s`, { errors: [{ path: 'wait', message: 'a duration such as 30s' }] });
  }
  if (ms > MAX_WAIT_MS) throw new AppError('validation_failed', `wait: at most ${MAX_WAIT_MS / 1000}s`, { errors: [{ path: 'wait', message: `at most ${MAX_WAIT_MS / 1000}s` }] });
  return ms;
}

/** Aborts when the client goes away, so an abandoned long poll stops waiting. */
function abortOnClose(req: Request, res: Response): AbortSignal {
  const ctl = new AbortController();
  res.on('close', () => ctl.abort());
  req.on('close', () => {
    if (!res.writableEnded) ctl.abort();
  });
  return ctl.signal;
}

/**
 * The answer as JSON, its futures (the bulk of it) as the text already written for the record when
 * there is one, rather than serialised a second time. Sent without an ETag: no one revalidates a POST.
 */
function sendAnswer(res: Response, answer: Record<string, unknown>, futuresText: CanonicalText | undefined): void {
  let text: string;
  if (futuresText) {
    const { futures: _written, ...rest } = answer;
    const head = JSON.stringify(rest);
    text = head.length > 2 ? `${head.slice(0, -1)},"futures":${futuresText.text}}` : `{"futures":${futuresText.text}}`;
  } else text = JSON.stringify(answer);
  res.type('application/json');
  res.end(text);
}

export function evaluateRoutes(deps: EvaluateRouteDeps): Router {
  const router = Router();
  let inFlight = 0;

  /** The stored answer of an earlier evaluation, as evaluate gave it. */
  const storedAnswer = async (id: string): Promise<{ stored: StoredEvaluation; body: Record<string, unknown> }> => {
    const stored = await deps.evaluations.get(id);
    if (!stored) throw new AppError('internal', `evaluation ${id} is missing`, { decision: 'escalate' });
    return { stored, body: { ...stored.response, futures: stored.futures } };
  };

  const withReview = async (result: Evaluation, request: { domain: string; state: unknown; action: unknown }): Promise<Record<string, unknown>> => {
    if (!deps.signOffs) return result.body;
    if (result.repeated) {
      const { stored } = await storedAnswer(result.id);
      return { ...result.body, repeated: true, ...reviewFields(await deps.signOffs.view(stored)) };
    }
    const b = result.body as { created_at: string; override?: { allowed?: boolean } };
    const view = deps.signOffs.freshView({
      id: result.id,
      domain: request.domain,
      createdAt: new Date(b.created_at),
      decision: result.decision,
      overrideAllowed: b.override?.allowed ?? false,
      // The state and action evaluate validated: validating them again would give the same values.
      actionHash: result.validated ? actionHash({ domain: request.domain, ...result.validated }) : deps.signOffs.actionHashOf(request),
    });
    return { ...result.body, ...reviewFields(view) };
  };

  /** A retried Idempotency-Key: the first answer, with its review as it stands now. */
  const sendFirstAnswer = async (res: Response, id: string) => {
    const { stored, body } = await storedAnswer(id);
    const review = deps.signOffs ? reviewFields(await deps.signOffs.view(stored)) : {};
    res.status(200).location(`/v1/evaluations/${stored.id}`).set('Idempotent-Replayed', 'true').json({ ...body, ...review });
  };

  // Retries of one Idempotency-Key arriving while the first is still running share its answer.
  const inFlightKeys = new Map<string, Promise<Evaluation>>();

  router.post('/v1/evaluate', deps.auth.guard('POST /v1/evaluate'), async (req, res) => {
    const request = parseBody(EvaluateRequestSchema, req);
    const key = callerKey(res);
    const idempotencyKey = req.get('idempotency-key');
    let bodyHash = '';
    if (idempotencyKey !== undefined && deps.idempotency) {
      if (!/^[\x21-\x7e]{1,200}$/.test(idempotencyKey)) throw new AppError('validation_failed', 'Idempotency-Key: 1 to 200 visible ASCII characters', { errors: [{ path: 'Idempotency-Key', message: '1 to 200 visible ASCII characters' }] });
      bodyHash = crypto.createHash('sha256').update(canonicalJson(req.body)).digest('hex');
      const first = await deps.idempotency.find(key.id, idempotencyKey);
      if (first) {
        if (first.bodyHash !== bodyHash) throw new AppError('idempotency_key_reused', `Idempotency-Key '${idempotencyKey}' was first used with another body; use a new key for a new request`);
        await sendFirstAnswer(res, first.evaluationId);
        return;
      }
    }
    if (inFlight >= deps.maxConcurrent) throw new AppError('overloaded', `${inFlight} evaluations are in progress`, { decision: 'escalate' });
    inFlight++;
    try {
      // The key's owner is the actor; `Caller` carries only the key id for now, which names it (api_keys.owner).
      // A copy per evaluation reads the deps' getters (the fallback model of the packs in force) in the
      // same tick as evaluate looks its domain up: a reload cannot hand it one generation's policy and
      // another's model.
      const run = () =>
        evaluate({ ...deps.evaluate }, request, { apiKeyId: key.id }).catch((err) => {
          throw asEscalation(err);
        });
      let result: Evaluation;
      if (idempotencyKey !== undefined && deps.idempotency) {
        const slot = `${key.id}\u0000${idempotencyKey}\u0000${bodyHash}`;
        const running = inFlightKeys.get(slot);
        if (running) result = await running;
        else {
          const p = run();
          inFlightKeys.set(slot, p);
          try {
            result = await p;
          } finally {
            inFlightKeys.delete(slot);
          }
          const kept = await deps.idempotency.remember(key.id, idempotencyKey, { bodyHash, evaluationId: result.id });
          // Another replica answered the same key first: its answer is the one to give.
          if (kept.evaluationId !== result.id) {
            await sendFirstAnswer(res, kept.evaluationId);
            return;
          }
        }
      } else result = await run();
      const body = result.body as { reasons: { code: string }[]; risk: { rollouts: number }; world_model: { backend: string }; timing_ms: { total: number; simulation: number } & Record<string, number> };
      deps.metrics.recordEvaluation({
        domain: request.domain,
        decision: result.decision,
        reasons: body.reasons.map((r) => r.code),
        backend: body.world_model.backend,
        rollouts: body.risk.rollouts,
        totalMs: body.timing_ms.total,
        simulationMs: body.timing_ms.simulation,
        phases: body.timing_ms,
      });
      const answer = await withReview(result, request);
      res.status(200).location(`/v1/evaluations/${result.id}`);
      sendAnswer(res, answer, result.body.futures === answer.futures ? result.futuresText : undefined);
    } finally {
      inFlight--;
    }
  });
  router.use('/v1/evaluate', escalateOnError);

  router.get('/v1/evaluations/:id', deps.auth.guard('GET /v1/evaluations/:id'), async (req, res) => {
    const stored = await deps.evaluations.get(String(req.params.id));
    // Outside the key's scope reads as absent, so ids of other agents' evaluations are not confirmed.
    if (!stored || !mayAccess('GET /v1/evaluations/:id', callerKey(res), stored)) throw new AppError('not_found', `no evaluation ${req.params.id}`);
    const waitMs = waitOf(req);
    const presented = req.query.action_hash === undefined ? undefined : String(req.query.action_hash);
    let review: Record<string, unknown> = {};
    let view: ReviewView | undefined;
    if (deps.signOffs) {
      view = waitMs > 0 ? await deps.signOffs.waitForChange(stored, waitMs, abortOnClose(req, res)) : await deps.signOffs.view(stored);
      review = { ...reviewFields(view), ...(presented !== undefined ? { action_check: deps.signOffs.covers(view, presented) } : {}) };
    }
    const outcomes = deps.outcomes ? await deps.outcomes.of(stored.id) : {};
    if (res.writableEnded || res.destroyed) return;
    // Personal values whole only for who may see them (the read recorded first); `[personal]` for the others.
    const shown: Presented = deps.personal ? await deps.personal.present(stored, callerKey(res), view, res.locals.requestId ? String(res.locals.requestId) : null) : stored;
    res.json({
      ...shown.response,
      ...review,
      ...outcomes,
      futures: shown.futures,
      request: shown.request,
      ...(shown.personal_data ? { personal_data: shown.personal_data } : {}),
      audit: { seq: stored.seq, hash: stored.hash, prev_hash: stored.prevHash, api_key_id: stored.apiKeyId ?? null, stored_timing_ms: stored.timing },
    });
  });

  return router;
}
