import type { ContainerOptions } from '../src/container.js';
import { startService, type Engine } from '../test/support/service.js';

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export const fmt = (x: number, digits = 2) => x.toFixed(digits);

/**
 * The bench's own rate limit: none. A load generator on one key would otherwise measure the
 * per-key limit (RATE_LIMIT_PER_KEY, 50/s by default), not the service. run.ts prints this.
 */
export const BENCH_RATE_LIMIT = 'off';

/** The whole service on PostgreSQL (a throwaway schema) or PGlite in memory, built as the tests build it. */
export async function benchService(engine: Engine, options: ContainerOptions & { env?: Record<string, string> } = {}) {
  const svc = await startService(engine, { ...options, env: { RATE_LIMIT_PER_KEY: BENCH_RATE_LIMIT, ...options.env } });
  return { container: svc.container, agentKey: svc.keys.agent, stop: () => svc.stop() };
}
