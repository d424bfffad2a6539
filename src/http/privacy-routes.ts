import { Router, type RequestHandler } from 'express';
import { z } from 'zod';
import type { LoadedDomain } from '../packs/load-domains.js';
import { runWithPersonalScope } from '../privacy/log-scope.js';
import { matchPersonal, parsePersonalPath, type PersonalPath } from '../privacy/personal-paths.js';
import { erasureView, MAX_SUBJECT_ERASURES, type PersonalDataService } from '../privacy/personal-data-service.js';
import { callerKey } from './auth.js';
import type { RouteId } from './authorization.js';
import { parseBody } from './parse.js';

export interface PrivacyRouteDeps {
  personal: PersonalDataService;
  guard(route: RouteId): RequestHandler;
}

/**
 * Mounted right after the body parser: the personal values a request body carries (by the paths its
 * domain marks, or every domain's when the body names none) are struck from every log line the
 * request causes; values read from the database later join them (src/privacy/log-scope.ts).
 */
export function personalLogScope(domains: ReadonlyMap<string, LoadedDomain>): RequestHandler {
  // Per request, since a reload may change a pack's `personal:`.
  const all = (): PersonalPath[] => [...domains.values()].flatMap((d) => d.personal);
  return (req, _res, next) => {
    const body = req.body as unknown;
    let values: unknown[] = [];
    if (body !== null && typeof body === 'object' && !Array.isArray(body)) {
      const named = (body as { domain?: unknown }).domain;
      const paths = typeof named === 'string' && domains.has(named) ? domains.get(named)!.personal : all();
      values = matchPersonal(body as Record<string, unknown>, paths).map((m) => m.value);
    }
    runWithPersonalScope(values, () => next());
  };
}

const ReasonSchema = z.string().trim().min(1, 'a reason is required').max(2000);
export const EraseSchema = z.strictObject({ reason: ReasonSchema });
export const SubjectEraseSchema = z.strictObject({
  /** A personal field of the request, as the domain's pack names it (no *), e.g. state.caller_demographics.mrn. */
  path: z.string().min(1).max(300).refine((p) => {
    const parsed = parsePersonalPath(p);
    return parsed.ok && !parsed.path.includes('*');
  }, 'a field of the request such as state.caller_demographics.mrn (no *)'),
  value: z.union([z.string().min(1).max(4000), z.number()]),
  reason: ReasonSchema,
});

/** Erasure of personal data: of one evaluation, or of a data subject across evaluations. */
export function privacyRoutes(deps: PrivacyRouteDeps): Router {
  const router = Router();
  const requestIdOf = (locals: Record<string, unknown>) => (locals.requestId ? String(locals.requestId) : null);

  router.post('/v1/evaluations/:id/erase', deps.guard('POST /v1/evaluations/:id/erase'), async (req, res) => {
    const body = parseBody(EraseSchema, req);
    const erasure = await deps.personal.erase(String(req.params.id), callerKey(res), body.reason, requestIdOf(res.locals));
    res.status(200).json({ evaluation_id: erasure.evaluationId, erasure: erasureView(erasure) });
  });

  router.post('/v1/personal-data/erase', deps.guard('POST /v1/personal-data/erase'), async (req, res) => {
    const body = parseBody(SubjectEraseSchema, req);
    const { erased, more } = await deps.personal.eraseSubject(body.path, body.value, callerKey(res), body.reason, requestIdOf(res.locals));
    res.status(200).json({
      erased: erased.map((e) => ({ evaluation_id: e.evaluationId, erasure: erasureView(e) })),
      // At most MAX_SUBJECT_ERASURES evaluations per request: repeat it until `more` is false.
      more,
      limit: MAX_SUBJECT_ERASURES,
    });
  });

  return router;
}
