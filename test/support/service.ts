import crypto from 'node:crypto';
import pg from 'pg';
import { generateSigningKeyPem } from '../../src/audit/signing-key.js';
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
  /** The PostgreSQL schema it works in (absent on PGlite). */
  schema?: string;
  stop(): Promise<void>;
}

/** One audit signing key per test process: a PostgreSQL server requires one to be configured. */
export const TEST_AUDIT_SIGNING_KEY = generateSigningKeyPem();

export function testConfig(engine: Engine, env: Record<string, string> = {}): Config {
  return loadConfig({ LOG_LEVEL: 'silent', ...(engine === 'postgres' ? { DATABASE_URL: POSTGRES_URL, AUDIT_SIGNING_KEY: TEST_AUDIT_SIGNING_KEY } : {}), ...env });
}

/**
 * The whole service on a real database: PostgreSQL in a schema of its own (dropped afterwards),
 * or PGlite in memory. Goes through the composition root, like production.
 */
export async function startService(
  engine: Engine,
  options: ContainerOptions & {
    env?: Record<string, string>;
    /** A second replica: the same PostgreSQL schema as this service, its keys, and the schema left for it to drop. */
    replicaOf?: TestService;
  } = {},
): Promise<TestService> {
  if (options.replicaOf && engine !== 'postgres') throw new Error('replicas share a PostgreSQL schema; PGlite in memory has one connection');
  const joined = options.replicaOf?.schema;
  const schema = joined ?? `test_${crypto.randomBytes(6).toString('hex')}`;
  const config = testConfig(engine, options.env);
  const container = await createContainer(config, {
    logger: options.logger ?? createLogger('silent'),
    database: engine === 'postgres' ? { schema } : { pgliteDir: 'memory://' },
    worldModelFor: options.worldModelFor,
  });
  const keys = options.replicaOf ? options.replicaOf.keys : (Object.fromEntries(container.bootstrapKeys.map((k) => [k.role, k.token])) as Record<Role, string>);
  return {
    container,
    app: container.app,
    keys,
    auth: (role) => ({ Authorization: `Bearer ${keys[role]}` }),
    async countEvaluations() {
      const { rows } = await container.db.query<{ n: number }>('SELECT count(*)::int AS n FROM evaluations');
      return rows[0].n;
    },
    schema: engine === 'postgres' ? schema : undefined,
    async stop() {
      await container.stop();
      if (engine === 'postgres' && !joined) {
        const client = new pg.Client({ connectionString: POSTGRES_URL });
        await client.connect();
        await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        await client.end();
      }
    },
  };
}
