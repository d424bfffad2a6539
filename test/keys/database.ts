import crypto from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/db/database.js';
import { migrate, readMigrations } from '../../src/db/migrate.js';
import { PROJECT_ROOT } from '../../src/lib/project-root.js';
import { POSTGRES_URL, type Engine } from '../support/engines.js';

export interface TestDatabase {
  db: Database;
  stop(): Promise<void>;
}

/** A migrated database of its own: a fresh schema on the PostgreSQL server, or PGlite in memory. */
export async function openTestDatabase(engine: Engine, options: { upTo?: string } = {}): Promise<TestDatabase> {
  const schema = `test_keys_${crypto.randomBytes(6).toString('hex')}`;
  const db = await openDatabase(engine === 'postgres' ? { url: POSTGRES_URL, poolSize: 4, schema } : { pgliteDir: 'memory://' });
  const all = readMigrations(path.join(PROJECT_ROOT, 'migrations'));
  await migrate(db, options.upTo ? all.filter((m) => m.version <= options.upTo!) : all);
  return {
    db,
    async stop() {
      await db.close();
      if (engine === 'postgres') {
        const client = new pg.Client({ connectionString: POSTGRES_URL });
        await client.connect();
        await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        await client.end();
      }
    },
  };
}

/** A clock the test moves by hand. */
export function manualClock(start = new Date('2026-03-01T09:00:00Z')) {
  let t = start.getTime();
  return {
    now: () => new Date(t),
    advance(ms: number) {
      t += ms;
    },
  };
}
