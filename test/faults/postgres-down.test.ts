import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../src/audit/verify.js';
import type { LocalDecisionSignal } from '../../src/signoff/decision-signal.js';
import { POSTGRES_URL } from '../support/engines.js';
import { SCENARIOS } from '../support/scenarios.js';
import { startTcpProxy, type ExistingConnections, type TcpProxy } from '../support/tcp-proxy.js';
import { eventually, evaluateAs, MINUTE, signOff, startSignOffService, type SignOffTestService } from '../signoff/sign-off-support.js';

/**
 * The shared PostgreSQL server stays up (other tests use it): replica `a` reaches it through a TCP
 * proxy that the test takes down and brings back; replica `b`, on the same schema, reaches it
 * directly, so it can sign off and check what was stored while `a` cannot.
 */
describe('when PostgreSQL goes away in the middle of a run', () => {
  let proxy: TcpProxy;
  let a: SignOffTestService;
  let b: SignOffTestService;
  let n = 0;
  const calm = () => ({ ...SCENARIOS.calmCraneLift.body, options: { seed: ++n } });
  const gusty = () => {
    const body = SCENARIOS.gustyCraneLift.body;
    return { ...body, state: { ...body.state, crew_status: { size: 20 + ++n, hours_on_site: 11 } } };
  };
  const evaluateOnA = (body: object) => evaluateAs(a, 'agent', body).timeout(30_000);
  /** Long polls waiting on `a` (the service keeps its signal to itself; the test only synchronises on it). */
  const waitingOnA = () => (a.container.signOffs.service as unknown as { deps: { signal: LocalDecisionSignal } }).deps.signal.waiting;
  const ready = async () => (await request(a.app).get('/readyz').timeout(10_000)).status === 200;

  beforeAll(async () => {
    const target = new URL(POSTGRES_URL);
    proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 5432) });
    a = await startSignOffService('postgres', {
      env: { DATABASE_URL: proxy.urlFor(POSTGRES_URL), AUDIT_SEAL_INTERVAL_MS: '200', SIGN_OFF_SWEEP_INTERVAL_MS: '200' },
    });
    b = await startSignOffService('postgres', { replicaOf: a });
  });
  afterAll(async () => {
    proxy?.up();
    await b?.stop();
    await a?.stop();
    await proxy?.close();
  });

  /** What the driver would say: its error codes, the server's address and port, its messages. */
  const DRIVER_TEXT = /ECONN|127\.0\.0\.1|:5432\b|terminated|timeout exceeded/i;
  /** The body without its random request id, which can hold any digits (a UUID once held "5432"). */
  const driverText = (body: Record<string, unknown>) => JSON.stringify({ ...body, request_id: undefined });

  /** A 503 as the contract has it: problem+json, escalate, and nothing of the driver's text. */
  const expectEscalating503 = (res: request.Response) => {
    expect(res.status).toBe(503);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.decision).toBe('escalate');
    expect(res.body.code).toBe('audit_unavailable');
    expect(res.headers['retry-after']).toBeDefined();
    expect(driverText(res.body)).not.toMatch(DRIVER_TEXT);
    expect(driverText(res.body)).not.toMatch(/postgres/i);
  };

  it('then evaluate answers 503 escalate and /readyz is not ready; when it is back the service resumes, and every 200 is stored', async () => {
    type Phase = 'before' | 'down' | 'recovering' | 'after';
    /** When it was asked and when it was answered: one asked while down may finish after (its store is the last step). */
    type Answer = { phase: Phase; answered: Phase; res: request.Response };
    const answers: Answer[] = [];
    let phase: Phase = 'before';
    let running = true;
    const count = (p: Phase, status?: number) => answers.filter((x) => x.phase === p && (status === undefined || x.res.status === status)).length;
    // Four agents asking without pause, across the outage.
    const agents = Array.from({ length: 4 }, async (_, i) => {
      while (running) {
        const started = phase;
        const res = await evaluateOnA(i % 2 ? gusty() : calm());
        answers.push({ phase: started, answered: phase, res });
      }
    });
    try {
      await eventually(async () => count('before', 200) >= 8, 30_000);

      proxy.down('refuse');
      const downAt = Date.now();
      phase = 'down';
      // Long enough for the cached keys to expire and the sealer and sweeper to fail a few times.
      await eventually(async () => Date.now() - downAt > 2_000 && answers.filter((x) => x.phase === 'down' && x.answered === 'down').length >= 8, 30_000);
      const readyz = await request(a.app).get('/readyz');
      expect(readyz.status).toBe(503);
      expect(readyz.body.status).toBe('not_ready');
      expect(readyz.body.checks.database.ok).toBe(false);
      expect(driverText(readyz.body)).not.toMatch(DRIVER_TEXT);

      proxy.up();
      phase = 'recovering';
      // Nobody restarts anything: the pool reconnects on its own.
      await eventually(ready, 20_000);
      phase = 'after';
      await eventually(async () => count('after', 200) >= 8, 30_000);
    } finally {
      running = false;
      await Promise.all(agents);
    }

    // Nothing but answers and escalating 503s; while it was down, only the latter.
    for (const { res } of answers) {
      expect([200, 503]).toContain(res.status);
      if (res.status === 503) expectEscalating503(res);
    }
    expect(answers.filter((x) => x.phase === 'down' && x.answered === 'down' && x.res.status === 200).map((x) => x.res.body)).toEqual([]);
    expect(answers.filter((x) => x.phase === 'down' && x.answered === 'down').length).toBeGreaterThanOrEqual(8);
    expect(count('after', 200)).toBeGreaterThanOrEqual(8);

    // Every acknowledged evaluation is stored, with the decision it was answered with.
    const acknowledged = answers.filter((x) => x.res.status === 200).map((x) => x.res.body as { evaluation_id: string; decision: string });
    const { rows } = await b.container.db.query<{ id: string; decision: string }>('SELECT id, decision FROM evaluations WHERE id = ANY($1::uuid[])', [acknowledged.map((x) => x.evaluation_id)]);
    const stored = new Map(rows.map((r) => [r.id, r.decision]));
    for (const x of acknowledged) expect(stored.get(x.evaluation_id)).toBe(x.decision);

    // The sealer of `a` came back by itself: everything stored is sealed into blocks that verify.
    const report = await eventually(async () => {
      const r = await verifyAudit(b.container.audit.ledger);
      return r.status === 'ok' && r.rows_pending === 0 ? r : undefined;
    }, 20_000);
    expect(report.rows_sealed).toBeGreaterThanOrEqual(stored.size);
  });

  /** While the proxy is down as `existing` says, /readyz answers 503 within 4 s and evaluate within `evaluateWithinMs`; then `a` recovers. */
  const expectBoundedWhileBlackholed = async (existing: ExistingConnections, evaluateWithinMs: number) => {
    expect(await ready()).toBe(true);
    proxy.down('blackhole', existing);
    try {
      let t = Date.now();
      const readyz = await request(a.app).get('/readyz').timeout(20_000);
      expect(readyz.status).toBe(503);
      expect(Date.now() - t).toBeLessThan(4_000);
      t = Date.now();
      expectEscalating503(await evaluateOnA(calm()));
      expect(Date.now() - t).toBeLessThan(evaluateWithinMs);
    } finally {
      proxy.up();
    }
    await eventually(ready, 20_000);
    expect((await evaluateOnA(calm())).status).toBe(200);
  };

  it('when the server stops answering without closing (a blackhole), then evaluate and /readyz still answer within seconds', async () => {
    // No connection is left to the server: the pool must open one, which never completes.
    await expectBoundedWhileBlackholed('destroy', 10_000);
  });

  it('when the network goes silent (open connections get no answer, new ones none either), then evaluate and /readyz answer 503 within their bounds', async () => {
    // The pooled connections look alive; only the client's own query timeout ends the wait.
    await expectBoundedWhileBlackholed('stall', 15_000);
  });

  it('when a supervisor decides while a replica cannot reach the database, then that replica\'s long poll answers once it is back', async () => {
    const esc = await evaluateOnA(gusty());
    expect(esc.body.decision).toBe('escalate');
    const id = esc.body.evaluation_id as string;
    // Waiting on `a`, which hears of decisions only through its LISTEN connection.
    const poll = request(a.app).get(`/v1/evaluations/${id}?wait=30s`).set(a.as('agent')).timeout(40_000).then((r) => ({ r, at: Date.now() }));
    // The poll has read the evaluation and waits (the database must be there for that read).
    await eventually(async () => waitingOnA() === 1, 10_000);
    proxy.down('refuse');
    let backAt = 0;
    try {
      const signed = await signOff(b, 'alice', id, { decision: 'approve', reason: 'Gusts are forecast to drop; approved while replica a was cut off' });
      expect(signed.body.effective_decision).toBe('approved');
    } finally {
      proxy.up();
      backAt = Date.now();
    }
    const { r, at } = await poll;
    expect(r.status).toBe(200);
    expect(r.body.effective_decision).toBe('approved');
    // Well before the poll's own 30 s: the listener reconnected and woke its waiters.
    expect(at - backAt).toBeLessThan(10_000);

    // And notifications flow again: a decision on `b` now reaches a poll on `a` as it lands.
    const next = await evaluateOnA(gusty());
    const poll2 = request(a.app).get(`/v1/evaluations/${next.body.evaluation_id}?wait=30s`).set(a.as('agent')).timeout(40_000).then((res) => ({ res, at: Date.now() }));
    await eventually(async () => waitingOnA() === 1, 10_000);
    const signedAt = Date.now();
    expect((await signOff(b, 'alice', next.body.evaluation_id, { decision: 'deny', reason: 'Not in this wind' })).body.effective_decision).toBe('denied');
    const second = await poll2;
    expect(second.res.body.effective_decision).toBe('denied');
    expect(second.at - signedAt).toBeLessThan(3_000);
  });

  it('when the database comes back, then the timeout sweeper that failed meanwhile records due timeouts on its own timer', async () => {
    const esc = await evaluateOnA(gusty());
    expect(esc.body.decision).toBe('escalate');
    proxy.down('refuse');
    try {
      await expect(a.container.signOffs.sweeper.sweep()).rejects.toThrow();
    } finally {
      proxy.up();
    }
    // Moves the clock of both replicas past the review deadline; only `a` sweeps on a timer.
    a.clock.advance(31 * MINUTE);
    await eventually(async () => {
      const { rows } = await b.container.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM sign_offs WHERE evaluation_id = $1 AND kind = 'timeout'`, [esc.body.evaluation_id]);
      return rows[0].n === 1;
    }, 20_000);
  });
});
