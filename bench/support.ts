import crypto from 'node:crypto';
import pg from 'pg';
import { loadConfig } from '../src/config.js';
import { createContainer, type Container, type ContainerOptions } from '../src/container.js';
import { createLogger } from '../src/logger.js';

export const POSTGRES_URL = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export const fmt = (x: number, digits = 2) => x.toFixed(digits);

/** The whole service on PostgreSQL (a throwaway schema) or PGlite in memory, as the tests build it. */
export async function benchService(engine: 'postgres' | 'pglite', options: ContainerOptions & { env?: Record<string, string> } = {}): Promise<{ container: Container; agentKey: string; stop(): Promise<void> }> {
  const schema = `bench_${crypto.randomBytes(5).toString('hex')}`;
  const config = loadConfig({ LOG_LEVEL: 'silent', ...(engine === 'postgres' ? { DATABASE_URL: POSTGRES_URL } : {}), ...options.env });
  const container = await createContainer(config, {
    ...options,
    logger: createLogger('silent'),
    database: engine === 'postgres' ? { schema } : { pgliteDir: 'memory://' },
  });
  const agentKey = container.bootstrapKeys.find((k) => k.role === 'agent')!.token;
  return {
    container,
    agentKey,
    async stop() {
      await container.stop();
      if (engine === 'postgres') {
        const c = new pg.Client({ connectionString: POSTGRES_URL });
        await c.connect();
        await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        await c.end();
      }
    },
  };
}
