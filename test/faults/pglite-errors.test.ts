import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isDatabaseUnavailable, openDatabase, type Database } from '../../src/db/database.js';

// PGlite's node-postgres adapter shares one connection object among every client of the pool: a
// client destroyed after an error (what `pool.query` does) left its replacement reading the late
// messages of the one before, and every query after it failed.
describe('when a statement fails on the embedded engine', () => {
  let db: Database;
  beforeAll(async () => {
    db = await openDatabase({ pgliteDir: 'memory://' });
    await db.query('CREATE TABLE t (id int PRIMARY KEY)');
    await db.query('INSERT INTO t VALUES ($1)', [1]);
  });
  afterAll(async () => {
    await db?.close();
  });

  it('then the error is the statement\'s own (SQLSTATE kept, not "unavailable"), and the queries after it work, parameterised or not', async () => {
    for (let round = 0; round < 3; round++) {
      const dup = await db.query('INSERT INTO t VALUES ($1)', [1]).catch((e: unknown) => e);
      expect((dup as { code?: string }).code).toBe('23505');
      expect(isDatabaseUnavailable(dup)).toBe(false);
      expect((await db.query<{ n: number }>('SELECT count(*)::int AS n FROM t')).rows[0].n).toBe(1);
      expect((await db.query<{ v: number }>('SELECT $1::int AS v', [round])).rows[0].v).toBe(round);
      await expect(db.query('SELECT 1 / 0')).rejects.toMatchObject({ code: '22012' });
      // Concurrent: one fails, the other is answered.
      const [bad, good] = await Promise.allSettled([db.query('SELECT $1::int / 0', [1]), db.query<{ v: number }>('SELECT $1::int AS v', [7])]);
      expect(bad.status).toBe('rejected');
      expect(good.status === 'fulfilled' && good.value.rows[0].v).toBe(7);
    }
  });

  it('then a transaction that fails rolls back and the next one commits', async () => {
    await expect(
      db.transaction(async (tx) => {
        await tx.query('INSERT INTO t VALUES ($1)', [2]);
        await tx.query('INSERT INTO t VALUES ($1)', [1]);
      }),
    ).rejects.toMatchObject({ code: '23505' });
    await db.transaction(async (tx) => {
      await tx.query('INSERT INTO t VALUES ($1)', [3]);
    });
    expect((await db.query<{ id: number }>('SELECT id FROM t ORDER BY id')).rows.map((r) => r.id)).toEqual([1, 3]);
  });
});
