import crypto from 'node:crypto';
import pg from 'pg';
import { loadConfig, type Config } from '../../src/config.js';
import { createContainer, type Container, type ContainerOptions } from '../../src/container.js';
import type { Role } from '../../src/keys/key-store.js';
import { createLogger } from '../../src/logger.js';

import { POSTGRES_URL, type Engine } from './engines.js';

export { ENGINES, POSTGRES_URL, type Engine } from './engines.js';

export interface TestService {
  container: Container;
  app: Container['app'];
  keys: Record<Role, string>;
  auth(role: Role): { Authorization: string };
  /** Evaluations stored so far (to prove that refused requests store nothing). */
  countEvaluations(): Promise<number>;
  stop(): Promise<void>;
}

export function testConfig(engine: Engine, env: Record<string, string> = {}): Config {
  return loadConfig({ LOG_LEVEL: 'silent', ...(engine === 'postgres' ? { DATABASE_URL: POSTGRES_URL } : {}), ...env });
}

/**
 * The whole service on a real database: PostgreSQL in a schema of its own (dropped afterwards),
 * or PGlite in memory. Goes through the composition root, like production.
 */
export async function startService(engine: Engine, options: ContainerOptions & { env?: Record<string, string> } = {}): Promise<TestService> {
  const schema = `test_${crypto.randomBytes(6).toString('hex')}`;
  const config = testConfig(engine, options.env);
  const container = await createContainer(config, {
    logger: options.logger ?? createLogger('silent'),
    database: engine === 'postgres' ? { schema } : { pgliteDir: 'memory://' },
    worldModelFor: options.worldModelFor,
  });
  const keys = Object.fromEntries(container.bootstrapKeys.map((k) => [k.role, k.token])) as Record<Role, string>;
  return {
    container,
    app: container.app,
    keys,
    auth: (role) => ({ Authorization: `Bearer ${keys[role]}` }),
    async countEvaluations() {
      const { rows } = await container.db.query<{ n: number }>('SELECT count(*)::int AS n FROM evaluations');
      return rows[0].n;
    },
    async stop() {
      await container.stop();
      if (engine === 'postgres') {
        const client = new pg.Client({ connectionString: POSTGRES_URL });
        await client.connect();
        await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        await client.end();
      }
    },
  };
}
