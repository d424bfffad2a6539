import { Router } from 'express';
import type { Database } from '../db/database.js';
import { databaseProblem } from '../db/database-problem.js';
import type { Logger } from '../logger.js';
import type { WorldModel } from '../world-model/world-model.js';
import { optionalCallerKey, type Authenticator } from './auth.js';
import { scopeOf } from './authorization.js';

export interface HealthDeps {
  db: Database;
  worldModels: () => WorldModel[];
  isStopping: () => boolean;
  auth: Authenticator;
  /** Where a database error's own text goes: never into the answer. */
  logger?: Logger;
}

export function healthRoutes(deps: HealthDeps): Router {
  const router = Router();
  router.get('/healthz', deps.auth.guard('GET /healthz'), (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', deps.auth.guard('GET /readyz'), async (_req, res) => {
    // Load balancers need only the status; a database error's text (host names, user names) and the
    // world models' versions and breaker counts are for the operator.
    const details = scopeOf('GET /readyz', optionalCallerKey(res)?.role) === 'details';
    const checks: Record<string, unknown> = {};
    let ready = !deps.isStopping();
    checks.accepting = ready;
    try {
      await deps.db.ping();
      checks.database = { ok: true, engine: deps.db.engine };
    } catch (err) {
      ready = false;
      // Even the operator gets a kind of failure, not the driver's text (host, user, path); the log has it.
      deps.logger?.warn({ err: (err as Error).message }, 'readiness: database check failed');
      checks.database = details ? { ok: false, engine: deps.db.engine, problem: databaseProblem(err) } : { ok: false, engine: deps.db.engine };
    }
    // A world model that is down does not make the replica unready: it still answers, by escalating
    // (fail closed). Taking every replica out of the load balancer would turn that into an outage.
    checks.world_models = deps.worldModels().map((wm) => {
      const h = wm.health();
      return details ? { backend: wm.backend, version: wm.version, ready: h.ready, ...h.detail } : { backend: wm.backend, ready: h.ready };
    });
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not_ready', checks });
  });
  return router;
}
