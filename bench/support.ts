import type { ContainerOptions } from '../src/container.js';
import { startService, type Engine } from '../test/support/service.js';

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export const fmt = (x: number, digits = 2) => x.toFixed(digits);

/** The whole service on PostgreSQL (a throwaway schema) or PGlite in memory, built as the tests build it. */
export async function benchService(engine: Engine, options: ContainerOptions & { env?: Record<string, string> } = {}) {
  const svc = await startService(engine, options);
  return { container: svc.container, agentKey: svc.keys.agent, stop: () => svc.stop() };
}
