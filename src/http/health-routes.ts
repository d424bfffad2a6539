import { Router } from 'express';
import type { Database } from '../db/database.js';
import type { WorldModel } from '../world-model/world-model.js';

export interface HealthDeps {
  db: Database;
  worldModels: () => WorldModel[];
  isStopping: () => boolean;
}

export function healthRoutes(deps: HealthDeps): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    const checks: Record<string, unknown> = {};
    let ready = !deps.isStopping();
    checks.accepting = ready;
    try {
      await deps.db.ping();
      checks.database = { ok: true, engine: deps.db.engine };
    } catch (err) {
      ready = false;
      checks.database = { ok: false, error: (err as Error).message };
    }
    // A world model that is down does not make the replica unready: it still answers, by escalating
    // (fail closed). Taking every replica out of the load balancer would turn that into an outage.
    checks.world_models = deps.worldModels().map((wm) => {
      const h = wm.health();
      return { backend: wm.backend, version: wm.version, ready: h.ready, ...h.detail };
    });
    res.status(ready ? 200 : 503).json({ status: ready ? 'ready' : 'not_ready', checks });
  });
  return router;
}
