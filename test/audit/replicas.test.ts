import crypto from 'node:crypto';
import pg from 'pg';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkInclusionProof } from '../../src/audit/check-proof.js';
import { PgEvaluationStore } from '../../src/audit/pg-evaluation-store.js';
import { POSTGRES_URL, startService, type TestService } from '../support/service.js';
import { distinctCraneLift, sealedRowCount, sealUntilSettled } from './audit-helpers.js';

/** Two replicas on one PostgreSQL schema, each with its own pool and its own sealer on a short timer. */
describe('two service instances on one PostgreSQL database', () => {
  let a: TestService;
  let b: TestService;
  beforeAll(async () => {
    a = await startService('postgres', { env: { AUDIT_SEAL_INTERVAL_MS: '20' } });
    b = await startService('postgres', { env: { AUDIT_SEAL_INTERVAL_MS: '20' }, replicaOf: a });
  });
  afterAll(async () => {
    await b?.stop();
    await a?.stop();
  });

  const evaluateOn = async (svc: TestService, i: number) => {
    const res = await request(svc.app).post('/v1/evaluate').set(svc.auth('agent')).send(distinctCraneLift(i, `writer-${i}`));
    expect(res.status).toBe(200);
    return res.body.evaluation_id as string;
  };
  const settle = () => sealUntilSettled(a.container.audit.sealer, a.container.audit.ledger);
  const verify = async () => (await request(b.app).get('/v1/audit/verify').set(b.auth('auditor')).expect(200)).body;

  it('when both write concurrently while their sealers run, then verify is clean and every row is sealed exactly once', async () => {
    const before = await a.countEvaluations();
    const writers = Array.from({ length: 16 }, (_, w) => (async () => {
      const made: string[] = [];
      for (let i = 0; i < 5; i++) made.push(await evaluateOn(w % 2 ? b : a, w * 5 + i));
      return made;
    })());
    const ids = (await Promise.all(writers)).flat();
    expect(ids).toHaveLength(80);
    const { report } = await settle();
    const total = await a.countEvaluations();
    expect(total - before).toBe(80);
    // Every row of every sealed table: the evaluations and the escalations some of them opened.
    const sealed = await sealedRowCount(a.container.db);
    expect(sealed).toBeGreaterThan(total);
    expect(report).toMatchObject({ status: 'ok', rows_pending: 0, rows_sealed: sealed, first_problem: null });
    const { rows } = await a.container.db.query<{ n: number; heights: number }>('SELECT sum(row_count)::int AS n, count(*)::int AS heights FROM audit_blocks');
    expect(rows[0].n).toBe(sealed);
    expect(await verify()).toMatchObject({ status: 'ok', rows_sealed: sealed });
  });

  it('when a transaction that began before others commits after they were sealed around, then its row is not skipped: it lands in a later block', async () => {
    const late = new pg.Client({ connectionString: POSTGRES_URL, options: `-c search_path=${a.schema},public` });
    await late.connect();
    let lateId = '';
    let heightBefore = 0;
    let after: string[] = [];
    try {
      const template = (await a.container.evaluations.get(await evaluateOn(a, 100)))!;
      await settle();
      await late.query('BEGIN');
      lateId = crypto.randomUUID();
      await new PgEvaluationStore(late).append({ ...template, id: lateId, createdAt: new Date() });
      // Others write, commit and are answered while it is still open; seals run on both replicas.
      after = [await evaluateOn(a, 101), await evaluateOn(b, 102), await evaluateOn(a, 103)];
      await a.container.audit.sealer.seal();
      await b.container.audit.sealer.seal();
      const mid = await verify();
      expect(mid.status).toBe('pending');
      expect(mid.rows_pending).toBeGreaterThanOrEqual(3);
      for (const id of after) expect((await request(a.app).get(`/v1/evaluations/${id}/proof`).set(a.auth('auditor'))).body.status).toBe('pending');
      heightBefore = (await a.container.audit.ledger.latestBlock())!.height;
      await late.query('COMMIT');
    } finally {
      await late.end();
    }
    const { report } = await settle();
    expect(report).toMatchObject({ status: 'ok', rows_pending: 0 });
    const proof = (await request(a.app).get(`/v1/evaluations/${lateId}/proof`).set(a.auth('auditor')).expect(200)).body;
    expect(proof.status).toBe('sealed');
    expect(proof.block.height).toBeGreaterThan(heightBefore);
    expect(checkInclusionProof(proof).ok).toBe(true);
    for (const id of after) {
      const p = (await request(a.app).get(`/v1/evaluations/${id}/proof`).set(a.auth('auditor')).expect(200)).body;
      expect(p.block.height).toBeGreaterThanOrEqual(proof.block.height);
    }
  });
});
