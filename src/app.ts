import type { TrustProxy } from './config.js';
import express, { type Express } from 'express';
import type { EvaluationStore } from './audit/evaluation-store.js';
import type { AuditLedger } from './audit/ledger.js';
import { auditRoutes } from './http/audit-routes.js';
import type { Database } from './db/database.js';
import type { EvaluateDeps } from './evaluation/evaluate.js';
import type { Authenticator } from './http/auth.js';
import { domainRoutes } from './http/domain-routes.js';
import { evaluateRoutes } from './http/evaluate-routes.js';
import { healthRoutes } from './http/health-routes.js';
import { openApiRoutes } from './http/openapi-routes.js';
import { jsonBody } from './http/json-body.js';
import { listingRoutes } from './http/listing-routes.js';
import { personalLogScope, privacyRoutes } from './http/privacy-routes.js';
import type { ListingService } from './listing/listing-service.js';
import type { PersonalDataService } from './privacy/personal-data-service.js';
import { metricsRoutes, type Metrics } from './http/metrics.js';
import { adminRoutes } from './http/admin-routes.js';
import type { ReloadReport } from './reload/pack-reloader.js';
import { notFound, problemHandler } from './http/problem.js';
import { createRateLimiter, withRateLimit, type RateLimiterOptions } from './http/rate-limit.js';
import { requestDeadline } from './http/request-deadline.js';
import { securityHeaders } from './http/security-headers.js';
import { AppError } from './errors.js';
import { requestContext } from './http/request-context.js';
import { signOffRoutes } from './http/signoff-routes.js';
import { replayRoutes } from './http/replay-routes.js';
import type { ReplayService } from './replay/replay-service.js';
import { outcomeRoutes } from './http/outcome-routes.js';
import type { OutcomeService } from './outcomes/outcome-service.js';
import type { CalibrationSource } from './outcomes/outcome-store.js';
import type { IdempotencyStore } from './signoff/idempotency-store.js';
import type { SignOffService } from './signoff/sign-off-service.js';
import type { Logger } from './logger.js';
import type { WorldModel } from './world-model/world-model.js';
import { consoleRoutes, DEFAULT_REVIEW_MARK_MS, DEFAULT_SESSION_TTL_MS } from './console/console-routes.js';
import type { ConsoleStore } from './console/console-store.js';
import type { KeyStore } from './keys/key-store.js';

export interface AppDeps {
  logger: Logger;
  db: Database;
  auth: Authenticator;
  evaluate: EvaluateDeps;
  evaluations: EvaluationStore;
  audit: AuditLedger;
  signOffs: SignOffService;
  /** Reported outcomes, and calibration's aggregates over them. */
  outcomes: OutcomeService;
  calibration: CalibrationSource;
  idempotency: IdempotencyStore;
  /** Replays of stored evaluations under today's policy and model. */
  replays: ReplayService;
  /** Finding evaluations: filtered pages and streamed exports. */
  listing: ListingService;
  /** Who sees personal values, the record of each read, and erasure. */
  personal: PersonalDataService;
  worldModels: () => WorldModel[];
  /** Prometheus metrics: made by the composition root, which also feeds them the world models' calls. */
  metrics: Metrics;
  /** Loads the packs and policies again (POST /v1/admin/reload). */
  reload(): Promise<ReloadReport>;
  bodyLimit: string;
  /** Proxies whose X-Forwarded-Proto / -For are believed (absent: none). */
  trustProxy?: TrustProxy;
  maxConcurrentEvaluations: number;
  isStopping: () => boolean;
  /** Per-key token buckets (absent: no key is limited unless it has a limit of its own). */
  rateLimit?: RateLimiterOptions;
  /** Past this, an evaluate is answered 503 with decision escalate (absent: 15 s). */
  evaluateTimeoutMs?: number;
  /** The review console at /ui/: its sessions and review marks, the clock tests move. */
  console: { store: ConsoleStore; clock?: () => Date; sessionTtlMs?: number; reviewMarkMs?: number };
}

/** The HTTP surface, assembled from its parts. It never listens: main.ts (or a test) does. */
export function buildApp(deps: AppDeps): Express {
  const app = express();
  const { metrics } = deps;
  app.disable('x-powered-by');
  app.set('trust proxy', deps.trustProxy ?? false);
  app.use(securityHeaders());
  app.use(requestContext(deps.logger.child({ module: 'http' })));
  // Every guarded route counts the key's requests against its token bucket (rate-limit.ts).
  deps = { ...deps, auth: withRateLimit(deps.auth, createRateLimiter(deps.rateLimit ?? { perKey: null }), (route) => metrics.recordRateLimited(route)) };
  const evaluateTimeoutMs = deps.evaluateTimeoutMs ?? 15_000;
  app.post(
    '/v1/evaluate',
    requestDeadline(evaluateTimeoutMs, () => new AppError('deadline_exceeded', `no answer within ${evaluateTimeoutMs} ms`, { decision: 'escalate', reasons: [{ code: 'deadline_exceeded', message: 'The evaluation did not finish within the deadline.' }] })),
  );
  app.use(healthRoutes({ db: deps.db, worldModels: deps.worldModels, isStopping: deps.isStopping, auth: deps.auth, logger: deps.logger.child({ module: 'health' }) }));
  app.use(metricsRoutes(metrics, deps.auth));
  app.use(openApiRoutes(deps.auth));
  // express.json plus refusing duplicate keys, nesting past 64 levels and unpaired surrogates (json-body.ts).
  app.use(jsonBody({ limit: deps.bodyLimit, type: ['application/json', 'application/*+json'] }));
  // From here on, the personal values a request carries or reads are struck from its log lines.
  app.use(personalLogScope(deps.evaluate.domains));
  // Before evaluateRoutes: `GET /v1/evaluations/export` must not be taken for `GET /v1/evaluations/:id`.
  app.use(listingRoutes({ listing: deps.listing, guard: (route) => deps.auth.guard(route) }));
  app.use(evaluateRoutes({ evaluate: deps.evaluate, evaluations: deps.evaluations, auth: deps.auth, maxConcurrent: deps.maxConcurrentEvaluations, metrics, signOffs: deps.signOffs, idempotency: deps.idempotency, outcomes: deps.outcomes, personal: deps.personal }));
  app.use(signOffRoutes({ evaluations: deps.evaluations, signOffs: deps.signOffs, guard: (route) => deps.auth.guard(route) }));
  app.use(outcomeRoutes({ evaluations: deps.evaluations, outcomes: deps.outcomes, calibration: deps.calibration, domains: deps.evaluate.domains, guard: (route) => deps.auth.guard(route) }));
  app.use(replayRoutes({ evaluations: deps.evaluations, replays: deps.replays, guard: (route) => deps.auth.guard(route) }));
  app.use(privacyRoutes({ personal: deps.personal, guard: (route) => deps.auth.guard(route) }));
  app.use(domainRoutes(deps.evaluate.domains, deps.auth));
  app.use(auditRoutes({ ledger: deps.audit, guard: (route) => deps.auth.guard(route) }));
  app.use(adminRoutes({ reload: () => deps.reload(), guard: (route) => deps.auth.guard(route) }));
  app.use(
    consoleRoutes({
      auth: deps.auth,
      evaluations: deps.evaluations,
      signOffs: deps.signOffs,
      personal: deps.personal,
      outcomes: deps.outcomes,
      replays: deps.replays,
      listing: deps.listing,
      ledger: deps.audit,
      calibration: deps.calibration,
      domains: deps.evaluate.domains,
      store: deps.console.store,
      now: deps.console.clock ?? (() => new Date()),
      sessionTtlMs: deps.console.sessionTtlMs ?? DEFAULT_SESSION_TTL_MS,
      reviewMarkMs: deps.console.reviewMarkMs ?? DEFAULT_REVIEW_MARK_MS,
      logger: deps.logger.child({ module: 'console' }),
    }),
  );
  app.use(notFound);
  app.use(problemHandler(deps.logger.child({ module: 'http' }), (code) => metrics.recordRefusal(code)));
  return app;
}
