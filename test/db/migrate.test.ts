import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../../src/db/database.js';
import { migrate, readMigrations, type Migration } from '../../src/db/migrate.js';
import { PROJECT_ROOT } from '../../src/lib/project-root.js';
import { ENGINES, POSTGRES_URL, type Engine } from '../support/engines.js';

const shipped = readMigrations(path.join(PROJECT_ROOT, 'migrations'));
const opened: { db: Database; schema?: string }[] = [];

async function open(engine: Engine, schema = `mig_${crypto.randomBytes(5).toString('hex')}`): Promise<Database> {
  const db = await openDatabase(engine === 'postgres' ? { url: POSTGRES_URL, schema, poolSize: 4 } : { pgliteDir: 'memory://' });
  opened.push({ db, schema: engine === 'postgres' ? schema : undefined });
  return db;
}

afterEach(async () => {
  for (const { db, schema } of opened.splice(0)) {
    if (schema) await db.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await db.close();
  }
});

describe.each(ENGINES)('migrations on %s', (engine) => {
  it('when the shipped migrations run twice, then they apply once and the tables exist', async () => {
    const db = await open(engine);
    expect(await migrate(db, shipped)).toEqual(shipped.map((m) => `${m.version}_${m.name}`));
    expect(await migrate(db, shipped)).toEqual([]);
    const { rows } = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM evaluations');
    expect(rows[0].n).toBe(0);
  });

  it('when a migration fails, then nothing of it remains and it is not recorded', async () => {
    const db = await open(engine);
    const broken: Migration = { version: '9001', name: 'broken', sql: 'CREATE TABLE half_done (id int); SELECT no_such_function();', checksum: 'x' };
    await expect(migrate(db, [...shipped, broken])).rejects.toThrow(/9001_broken failed/);
    const { rows } = await db.query<{ t: string | null }>("SELECT to_regclass('half_done')::text AS t");
    expect(rows[0].t).toBeNull();
    const recorded = await db.query('SELECT 1 FROM schema_migrations WHERE version = $1', ['9001']);
    expect(recorded.rows).toHaveLength(0);
  });

  it('when an applied migration file is later edited, then start-up refuses', async () => {
    const db = await open(engine);
    await migrate(db, shipped);
    const edited = shipped.map((m, i) => (i === 0 ? { ...m, checksum: 'edited' } : m));
    await expect(migrate(db, edited)).rejects.toThrow(/was changed after it was applied/);
  });
});

describe('migrations on two replicas at once (postgres)', () => {
  it('when two pools migrate the same database concurrently, then each migration is applied exactly once', async () => {
    const schema = `mig_${crypto.randomBytes(5).toString('hex')}`;
    const a = await open('postgres', schema);
    const b = await open('postgres', schema);
    const slow: Migration = { version: '9002', name: 'slow', sql: 'SELECT pg_sleep(0.2); CREATE TABLE slow_marker (id int);', checksum: 'slow' };
    const [ra, rb] = await Promise.all([migrate(a, [...shipped, slow]), migrate(b, [...shipped, slow])]);
    expect([...ra, ...rb].sort()).toEqual([...shipped.map((m) => `${m.version}_${m.name}`), '9002_slow'].sort());
    const { rows } = await a.query<{ n: number }>('SELECT count(*)::int AS n FROM schema_migrations');
    expect(rows[0].n).toBe(shipped.length + 1);
  });
});

describe('embedded database on disk', () => {
  it('when the service data directory is reopened, then what was written is still there', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'foresight-pglite-'));
    try {
      const first = await openDatabase({ pgliteDir: path.join(dir, 'pglite') });
      await migrate(first, shipped);
      await first.query("INSERT INTO api_keys (id, name, role, owner, secret_hash) VALUES ('k1', 'n', 'agent', 'o', 'h')");
      await first.close();
      const second = await openDatabase({ pgliteDir: path.join(dir, 'pglite') });
      const { rows } = await second.query<{ id: string }>('SELECT id FROM api_keys');
      await second.close();
      expect(rows.map((r) => r.id)).toEqual(['k1']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
