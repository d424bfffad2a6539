import { Router } from 'express';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { WorldModel } from '../world-model/world-model.js';
import type { Authenticator } from './auth.js';

const BREAKER_LEVEL: Record<string, number> = { closed: 0, half_open: 1, open: 2 };

export interface Metrics {
  registry: Registry;
  recordEvaluation(e: { domain: string; decision: string; reasons: string[]; backend: string; rollouts: number; totalMs: number; simulationMs: number }): void;
  recordRefusal(code: string): void;
  /** A request refused by its key's rate limit. */
  recordRateLimited(route: string): void;
}

/** Prometheus metrics in a registry of this app's own (several apps may live in one test process). */
export function createMetrics(worldModels: () => WorldModel[]): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const evaluations = new Counter({ name: 'foresight_evaluations_total', help: 'Evaluations answered, by domain and decision', labelNames: ['domain', 'decision'], registers: [registry] });
  const reasons = new Counter({ name: 'foresight_evaluation_reasons_total', help: 'Reasons given for escalations', labelNames: ['domain', 'code'], registers: [registry] });
  const refusals = new Counter({ name: 'foresight_refusals_total', help: 'Requests refused without a decision, by problem code', labelNames: ['code'], registers: [registry] });
  const rateLimited = new Counter({ name: 'foresight_rate_limited_total', help: "Requests refused by their key's rate limit, by route", labelNames: ['route'], registers: [registry] });
  const duration = new Histogram({ name: 'foresight_evaluation_duration_seconds', help: 'Time to answer an evaluation', labelNames: ['domain'], buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10], registers: [registry] });
  const simulation = new Histogram({ name: 'foresight_simulation_duration_seconds', help: 'Time spent simulating futures', labelNames: ['domain', 'backend'], buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10], registers: [registry] });
  const rollouts = new Histogram({ name: 'foresight_rollouts', help: 'Futures simulated per evaluation', labelNames: ['domain'], buckets: [4, 8, 16, 32, 48, 64, 128, 256], registers: [registry] });
  new Gauge({
    name: 'foresight_world_model_ready',
    help: 'Whether each world model is ready (1) or not (0)',
    labelNames: ['backend', 'version'],
    registers: [registry],
    collect() {
      this.reset();
      for (const wm of worldModels()) this.set({ backend: wm.backend, version: wm.version }, wm.health().ready ? 1 : 0);
    },
  });
  new Gauge({
    name: 'foresight_world_model_breaker_state',
    help: 'Circuit breaker state per remote world model: 0 closed, 1 half-open, 2 open',
    labelNames: ['backend', 'version'],
    registers: [registry],
    collect() {
      this.reset();
      for (const wm of worldModels()) {
        const state = wm.health().detail?.breaker;
        if (typeof state === 'string' && state in BREAKER_LEVEL) this.set({ backend: wm.backend, version: wm.version }, BREAKER_LEVEL[state]);
      }
    },
  });
  return {
    registry,
    recordEvaluation(e) {
      evaluations.inc({ domain: e.domain, decision: e.decision });
      for (const code of e.reasons) reasons.inc({ domain: e.domain, code });
      duration.observe({ domain: e.domain }, e.totalMs / 1000);
      simulation.observe({ domain: e.domain, backend: e.backend }, e.simulationMs / 1000);
      rollouts.observe({ domain: e.domain }, e.rollouts);
    },
    recordRefusal(code) {
      refusals.inc({ code });
    },
    recordRateLimited(route) {
      rateLimited.inc({ route });
    },
  };
}

export function metricsRoutes(metrics: Metrics, auth: Authenticator): Router {
  const router = Router();
  // Decision counts by domain and reason say what the agents are trying: the operator's, not the public's.
  router.get('/metrics', auth.guard('GET /metrics'), async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  return router;
}
