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
import { createMetrics, metricsRoutes } from './http/metrics.js';
import { notFound, problemHandler } from './http/problem.js';
import { requestContext } from './http/request-context.js';
import { signOffRoutes } from './http/signoff-routes.js';
import type { IdempotencyStore } from './signoff/idempotency-store.js';
import type { SignOffService } from './signoff/sign-off-service.js';
import type { Logger } from './logger.js';
import type { WorldModel } from './world-model/world-model.js';

export interface AppDeps {
  logger: Logger;
  db: Database;
  auth: Authenticator;
  evaluate: EvaluateDeps;
  evaluations: EvaluationStore;
  audit: AuditLedger;
  signOffs: SignOffService;
  idempotency: IdempotencyStore;
  worldModels: () => WorldModel[];
  bodyLimit: string;
  maxConcurrentEvaluations: number;
  isStopping: () => boolean;
}

/** The HTTP surface, assembled from its parts. It never listens: main.ts (or a test) does. */
export function buildApp(deps: AppDeps): Express {
  const app = express();
  const metrics = createMetrics(deps.worldModels);
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  app.use(requestContext(deps.logger.child({ module: 'http' })));
  app.use(healthRoutes({ db: deps.db, worldModels: deps.worldModels, isStopping: deps.isStopping, auth: deps.auth }));
  app.use(metricsRoutes(metrics, deps.auth));
  app.use(express.json({ limit: deps.bodyLimit, strict: true, type: ['application/json', 'application/*+json'] }));
  app.use(evaluateRoutes({ evaluate: deps.evaluate, evaluations: deps.evaluations, auth: deps.auth, maxConcurrent: deps.maxConcurrentEvaluations, metrics, signOffs: deps.signOffs, idempotency: deps.idempotency }));
  app.use(signOffRoutes({ evaluations: deps.evaluations, signOffs: deps.signOffs, guard: (route) => deps.auth.guard(route) }));
  app.use(domainRoutes(deps.evaluate.domains, deps.auth));
  app.use(auditRoutes({ ledger: deps.audit, guard: (route) => deps.auth.guard(route) }));
  app.use(notFound);
  app.use(problemHandler(deps.logger.child({ module: 'http' }), (code) => metrics.recordRefusal(code)));
  return app;
}
