import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PgEvaluationStore } from '../../src/audit/pg-evaluation-store.js';
import { verifyAudit } from '../../src/audit/verify.js';
import { ENGINES } from '../support/engines.js';
import { openHarness, sampleRecord, sealUntilSettled, type Harness } from './audit-helpers.js';

// Group commit: evaluations stored at the same moment share one transaction (so one flush to disk),
// each is answered only once its commit has returned, and one row the database refuses fails alone.
describe.each(ENGINES)('group commit of evaluations on %s', (engine) => {
  let h: Harness;
  beforeAll(async () => {
    h = await openHarness(engine);
  });
  afterAll(async () => {
    await h?.close();
  });

  const commitsOf = async (ids: string[]) =>
    (await h.db.query<{ n: number }>('SELECT count(DISTINCT txid)::int AS n FROM evaluations WHERE id = ANY($1::uuid[])', [ids])).rows[0].n;

  it('when 40 evaluations are stored at once, then they share a few commits, and each append resolves only after its row is readable', async () => {
    const records = Array.from({ length: 40 }, (_, i) => sampleRecord(i));
    await Promise.all(
      records.map(async (rec) => {
        await h.store.append(rec);
        // Committed before the promise resolved: any other connection sees it now.
        expect(await h.store.get(rec.id)).toMatchObject({ id: rec.id, futures: rec.futures });
      }),
    );
    const commits = await commitsOf(records.map((r) => r.id));
    expect(commits).toBeGreaterThanOrEqual(1);
    expect(commits).toBeLessThanOrEqual(20);
  });

  it('when group commit is off, then each evaluation commits on its own', async () => {
    const alone = new PgEvaluationStore(h.db, { groupCommit: false });
    const records = Array.from({ length: 12 }, (_, i) => sampleRecord(100 + i));
    await Promise.all(records.map((rec) => alone.append(rec)));
    expect(await commitsOf(records.map((r) => r.id))).toBe(12);
  });

  it('when one evaluation of a shared commit cannot be stored, then only its append fails, the others are stored, and the trail verifies', async () => {
    const records = Array.from({ length: 16 }, (_, i) => sampleRecord(200 + i));
    // A lone surrogate: JSON carries it, PostgreSQL's jsonb refuses it.
    records[5] = { ...records[5], request: { ...records[5].request, note: 'broken \ud800 text' } };
    const results = await Promise.allSettled(records.map((rec) => h.store.append(rec)));
    expect(results.map((r) => r.status)).toEqual(records.map((_, i) => (i === 5 ? 'rejected' : 'fulfilled')));
    expect(await h.store.get(records[5].id)).toBeNull();
    for (const rec of records.filter((_, i) => i !== 5)) expect(await h.store.get(rec.id)).not.toBeNull();
    await sealUntilSettled(h.sealer, h.ledger);
    expect((await verifyAudit(h.ledger)).status).toBe('ok');
  });
});
