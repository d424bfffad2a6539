import { Router } from 'express';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { WorldModelObserver } from '../world-model/metered-world-model.js';
import type { WorldModel } from '../world-model/world-model.js';
import type { Authenticator } from './auth.js';
import { AppError } from '../errors.js';
import { clusterMetricsText, inCluster, shareWithCluster } from './cluster-metrics.js';

const BREAKER_LEVEL: Record<string, number> = { closed: 0, half_open: 1, open: 2 };

/** Also observes every world-model call (src/world-model/metered-world-model.ts). */
export interface Metrics extends WorldModelObserver {
  registry: Registry;
  /** `phases`: the answer's timing_ms (rules, simulation, cases, store), each into its own series. */
  recordEvaluation(e: { domain: string; decision: string; reasons: string[]; backend: string; rollouts: number; totalMs: number; simulationMs: number; phases?: Record<string, number> }): void;
  recordRefusal(code: string): void;
  /** A request refused by its key's rate limit. */
  recordRateLimited(route: string): void;
}

/** What the operator watches besides the evaluations: the connection pool, and how far sealing lags. */
export interface MetricSources {
  pool?: () => { totalCount: number; idleCount: number; waitingCount: number };
  /** When the newest audit block was sealed (null before the first). */
  lastSealedAt?: () => Promise<Date | null>;
}

/** Prometheus metrics in a registry of this app's own (several apps may live in one test process). */
export function createMetrics(worldModels: () => WorldModel[], sources: MetricSources = {}): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  shareWithCluster(registry);
  const evaluations = new Counter({ name: 'foresight_evaluations_total', help: 'Evaluations answered, by domain and decision', labelNames: ['domain', 'decision'], registers: [registry] });
  const reasons = new Counter({ name: 'foresight_evaluation_reasons_total', help: 'Reasons given for escalations', labelNames: ['domain', 'code'], registers: [registry] });
  const refusals = new Counter({ name: 'foresight_refusals_total', help: 'Requests refused without a decision, by problem code', labelNames: ['code'], registers: [registry] });
  const rateLimited = new Counter({ name: 'foresight_rate_limited_total', help: "Requests refused by their key's rate limit, by route", labelNames: ['route'], registers: [registry] });
  const duration = new Histogram({ name: 'foresight_evaluation_duration_seconds', help: 'Time to answer an evaluation', labelNames: ['domain'], buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10], registers: [registry] });
  const simulation = new Histogram({ name: 'foresight_simulation_duration_seconds', help: 'Time spent simulating futures', labelNames: ['domain', 'backend'], buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10], registers: [registry] });
  const phases = new Histogram({ name: 'foresight_evaluation_phase_seconds', help: 'Time per phase of an evaluation (rules, simulation, cases, store)', labelNames: ['domain', 'phase'], buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5], registers: [registry] });
  if (sources.pool) {
    const pool = sources.pool;
    new Gauge({
      name: 'foresight_db_pool_connections',
      help: 'Database pool connections by state (total, idle, and callers waiting for one)',
      labelNames: ['state'],
      registers: [registry],
      collect() {
        const p = pool();
        this.set({ state: 'total' }, p.totalCount);
        this.set({ state: 'idle' }, p.idleCount);
        this.set({ state: 'waiting' }, p.waitingCount);
      },
    });
  }
  if (sources.lastSealedAt) {
    const lastSealedAt = sources.lastSealedAt;
    new Gauge({
      name: 'foresight_audit_seconds_since_last_seal',
      help: 'Seconds since the newest audit block was sealed (absent before the first)',
      registers: [registry],
      async collect() {
        this.reset();
        const at = await lastSealedAt().catch(() => null);
        if (at) this.set((Date.now() - at.getTime()) / 1000);
      },
    });
  }
  const rollouts = new Histogram({ name: 'foresight_rollouts', help: 'Futures simulated per evaluation', labelNames: ['domain'], buckets: [4, 8, 16, 32, 48, 64, 128, 256], registers: [registry] });
  // Per call, not per evaluation: an adaptive evaluation on a sampled backend asks in several batches.
  const batchSize = new Histogram({ name: 'foresight_world_model_batch_size', help: 'Futures asked of a world model per call (the count is the calls made)', labelNames: ['backend'], buckets: [1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 1024], registers: [registry] });
  const invalidOutputs = new Counter({ name: 'foresight_world_model_invalid_outputs_total', help: 'Futures a world model returned that were unusable (malformed, cut off, or naming no outcome of the domain) and were dropped', labelNames: ['backend', 'domain'], registers: [registry] });
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
      for (const [phase, ms] of Object.entries(e.phases ?? {})) if (phase !== 'total' && Number.isFinite(ms)) phases.observe({ domain: e.domain, phase }, ms / 1000);
    },
    recordRefusal(code) {
      refusals.inc({ code });
    },
    recordRateLimited(route) {
      rateLimited.inc({ route });
    },
    batch(call) {
      batchSize.observe({ backend: call.backend }, call.rollouts);
    },
    // Incremented by 0 too, so that the series exists (and can be alerted on) before the first bad future.
    invalid(call) {
      invalidOutputs.inc({ backend: call.backend, domain: call.domain }, call.invalid);
    },
  };
}

export function metricsRoutes(metrics: Metrics, auth: Authenticator): Router {
  const router = Router();
  // Decision counts by domain and reason say what the agents are trying: the operator's, not the public's.
  router.get('/metrics', auth.guard('GET /metrics'), async (_req, res) => {
    // Under WORKERS > 1 the scrape counts every worker, not only the one it reached.
    const text = inCluster()
      ? await clusterMetricsText().catch((err: Error) => {
          throw new AppError('metrics_unavailable', err.message, undefined, { cause: err });
        })
      : await metrics.registry.metrics();
    res.type(metrics.registry.contentType).send(text);
  });
  return router;
}
