import crypto from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import { bankCases, caseEmbedders } from '../../src/cases/bank-cases.js';
import { PgCaseStore } from '../../src/cases/pg-case-store.js';
import { openDatabase } from '../../src/db/database.js';
import { migrate, readMigrations } from '../../src/db/migrate.js';
import { PROJECT_ROOT } from '../../src/lib/project-root.js';
import { DOMAIN_MODULES } from '../../src/packs/domain-modules.js';
import { loadDomains } from '../../src/packs/load-domains.js';
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

let template: Promise<Blob> | undefined;

/**
 * An in-memory PGlite as every service starts with it (migrated, the shipped banks imported as
 * cases), made once per test process and copied for each service: a fresh PGlite spends most of its
 * start-up there. A service that differs (other banks, another catalogue) re-imports or re-embeds
 * as it would on a real database.
 */
export function pgliteTemplate(): Promise<Blob> {
  template ??= (async () => {
    const db = await openDatabase({ pgliteDir: 'memory://' });
    try {
      await migrate(db, readMigrations(path.join(PROJECT_ROOT, 'migrations')));
      const domains = loadDomains(PROJECT_ROOT, DOMAIN_MODULES, { cacheDir: path.join(loadConfig({}).dataDir, 'cache') });
      const cases = new PgCaseStore(db, caseEmbedders(domains.values()));
      for (const d of domains.values()) await cases.importBank(d.name, d.bank.hash, () => bankCases(d));
      return await db.dumpEmbedded!();
    } finally {
      await db.close();
    }
  })();
  return template;
}

/** One audit signing key per test process: a PostgreSQL server requires one to be configured. */
export const TEST_AUDIT_SIGNING_KEY = generateSigningKeyPem();

export function testConfig(engine: Engine, env: Record<string, string> = {}): Config {
  // Tests drive one key far harder than any agent would; the limiter's own tests set a limit (test/http/hostile-callers.test.ts).
  return loadConfig({ LOG_LEVEL: 'silent', RATE_LIMIT_PER_KEY: 'off', ...(engine === 'postgres' ? { DATABASE_URL: POSTGRES_URL, AUDIT_SIGNING_KEY: TEST_AUDIT_SIGNING_KEY } : {}), ...env });
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
    database: engine === 'postgres' ? { schema } : { pgliteDir: 'memory://', pgliteFrom: await pgliteTemplate() },
    worldModelFor: options.worldModelFor,
    clock: options.clock,
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
