import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCENARIOS } from '../support/scenarios.js';
import { evaluateAs, MINUTE, signOff, startSignOffService, type SignOffTestService } from './sign-off-support.js';

// Two replicas on one PostgreSQL schema: the embedded engine has one process by construction.
describe('sign-off across two replicas on postgres', () => {
  let a: SignOffTestService;
  let b: SignOffTestService;
  let n = 0;
  const escalate = async () => {
    const made = await evaluateAs(a, 'agent', { ...SCENARIOS.gustyCraneLift.body, state: { ...SCENARIOS.gustyCraneLift.body.state, crew_status: { size: 20 + ++n, hours_on_site: 11 } } });
    expect(made.body.decision).toBe('escalate');
    return made.body as Record<string, any>;
  };

  beforeAll(async () => {
    a = await startSignOffService('postgres');
    b = await startSignOffService('postgres', { replicaOf: a });
  });
  afterAll(async () => {
    await b?.stop();
    await a?.stop();
  });

  it('when an agent long-polls one replica and a supervisor signs on the other, then the poll answers as soon as it lands', async () => {
    const esc = await escalate();
    const poll = request(b.app).get(`/v1/evaluations/${esc.evaluation_id}?wait=20s`).set(b.as('agent')).then((r) => ({ r, at: Date.now() }));
    await new Promise((r) => setTimeout(r, 200));
    const signedAt = Date.now();
    const signed = await signOff(a, 'alice', esc.evaluation_id, { decision: 'approve', reason: 'Approved from the other replica' });
    expect(signed.body.effective_decision).toBe('approved');
    const { r, at } = await poll;
    expect(r.body.effective_decision).toBe('approved');
    expect(at - signedAt).toBeLessThan(2_000);
  });

  it('when both replicas sweep at once, then one holds the lease and each timeout is recorded once', async () => {
    const esc = await escalate();
    a.clock.advance(31 * MINUTE);
    const [ra, rb] = await Promise.all([a.container.signOffs.sweeper.sweep(), b.container.signOffs.sweeper.sweep()]);
    expect([ra.leased, rb.leased].filter(Boolean)).toHaveLength(1);
    const { rows } = await a.container.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM sign_offs WHERE evaluation_id = $1 AND kind = 'timeout'`, [esc.evaluation_id]);
    expect(rows[0].n).toBe(1);
    const read = await request(b.app).get(`/v1/evaluations/${esc.evaluation_id}`).set(b.as('agent'));
    expect(read.body.effective_decision).toBe('denied_timed_out');
  });
});
