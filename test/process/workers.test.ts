import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createKey,
  evaluateLoad,
  exitWithin,
  killAll,
  processData,
  startServiceProcess,
  until,
  type ProcessData,
  type ServiceProcess,
} from '../support/process.js';
import { SCENARIOS } from '../support/scenarios.js';

const BODIES = Object.values(SCENARIOS).map((s) => s.body);
const GRACE_MS = 5_000;
// Fast sealing, so the audit trail settles within a test's bounds.
const SERVICE_ENV = { AUDIT_SEAL_INTERVAL_MS: '200', AUDIT_SEAL_LEASE_MS: '1000', SHUTDOWN_GRACE_MS: String(GRACE_MS), BOOTSTRAP_KEYS: 'false' };

// What start-up derives from the banks comes from the suite's warm cache (see childEnv in test/support/process.ts).
afterAll(() => killAll());

/** One evaluation on a connection of its own: a kept-alive socket to a worker just killed would fail it. */
function evaluateOnce(url: string, key: string, body: unknown): Promise<{ status: number; json: { decision?: string; evaluation_id?: string } }> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${url}/v1/evaluate`, { method: 'POST', agent: false, headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` }, timeout: 20_000 }, (res) => {
      let text = '';
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(text) }));
    });
    req.on('error', reject);
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.end(JSON.stringify(body));
  });
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('the service with WORKERS=2 on PostgreSQL', () => {
  let data: ProcessData;
  let agentKey = '';
  let auditorKey = '';
  let operatorKey = '';
  let svc: ServiceProcess;
  const logged = (msg: string) => svc.stdout().split('\n').filter((l) => l.includes(`"msg":"${msg}"`)).map((l) => JSON.parse(l) as Record<string, unknown>);
  const workerPids = () => logged('worker listening').map((l) => l.pid as number);

  beforeAll(async () => {
    data = await processData('postgres');
    agentKey = await createKey(data, 'agent');
    auditorKey = await createKey(data, 'auditor');
    operatorKey = await createKey(data, 'operator');
    svc = await startServiceProcess({ ...data.env, ...SERVICE_ENV, WORKERS: '2' });
    await until('both workers listen', () => logged('all workers listening').length === 1, 90_000);
  }, 120_000);
  afterAll(async () => {
    await killAll();
    await data?.remove();
  });

  it('when started, then two worker processes serve one port and evaluations are answered', async () => {
    const pids = workerPids();
    expect(pids).toHaveLength(2);
    expect(new Set(pids).size).toBe(2);
    expect(pids).not.toContain(svc.child.pid);
    const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => evaluateOnce(svc.url, agentKey, BODIES[i % BODIES.length])));
    for (const a of answers) expect(a.status).toBe(200);
  });

  it('when /metrics is scraped, then it counts the evaluations of both workers, whichever one the scrape reaches', async () => {
    // Each scrape on a connection of its own, so that node:cluster may hand it to either worker.
    const scrape = async () => {
      const res = await fetch(`${svc.url}/metrics`, { headers: { authorization: `Bearer ${operatorKey}`, connection: 'close' } });
      const text = await res.text();
      expect(res.status, text).toBe(200);
      return text.split('\n').filter((l) => l.startsWith('foresight_evaluations_total{')).reduce((sum, l) => sum + Number(l.slice(l.lastIndexOf(' ') + 1)), 0);
    };
    const before = await scrape();
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => evaluateOnce(svc.url, agentKey, BODIES[i % BODIES.length])));
    for (const a of answers) expect(a.status).toBe(200);
    for (let i = 0; i < 4; i++) expect(await scrape()).toBe(before + 12);
  });

  it('when the primary gets SIGHUP, then every worker reloads the packs and policies', async () => {
    const before = logged('reload: the packs and policies on disk are those in force; nothing changed').length;
    svc.child.kill('SIGHUP');
    await until('both workers reload', () => logged('reload: the packs and policies on disk are those in force; nothing changed').length === before + 2, 90_000);
    expect((await evaluateOnce(svc.url, agentKey, SCENARIOS.calmCraneLift.body)).status).toBe(200);
  }, 100_000);

  it('when a worker is killed with SIGKILL, then the service still answers and a new worker takes its place', async () => {
    const [victim, survivor] = workerPids();
    process.kill(victim, 'SIGKILL');
    await until('the primary notices', () => logged('a worker died; starting another').length === 1, 10_000);
    // While the replacement builds its container (seconds), the other worker answers alone.
    for (let i = 0; i < 4; i++) expect((await evaluateOnce(svc.url, agentKey, SCENARIOS.calmCraneLift.body)).status).toBe(200);
    await until('a replacement worker listens', () => logged('worker listening').length === 3, 60_000);
    const replacement = workerPids()[2];
    expect(alive(victim)).toBe(false);
    expect(alive(survivor)).toBe(true);
    expect(alive(replacement)).toBe(true);
    const load = evaluateLoad(svc.url, agentKey, BODIES, { concurrency: 8, maxMs: 2_000 });
    await load.done;
    expect(load.unanswered()).toBe(0);
    expect([...load.answered.values()].every((s) => s === 200)).toBe(true);
    expect(load.acknowledged.length).toBeGreaterThan(8);
  });

  it('when both workers have written, then the audit trail verifies as one chain', async () => {
    const verify = async () => (await (await fetch(`${svc.url}/v1/audit/verify`, { headers: { authorization: `Bearer ${auditorKey}` } })).json()) as { status: string; rows_pending: number; rows_sealed: number; first_problem: unknown };
    await until('every row is sealed', async () => (await verify()).rows_pending === 0, 20_000, 200);
    const report = await verify();
    expect(report).toMatchObject({ status: 'ok', rows_pending: 0, first_problem: null });
    expect(report.rows_sealed).toBeGreaterThan(12);
  });

  it('when the primary gets SIGTERM, then every worker stops and the process exits cleanly', async () => {
    const pids = workerPids();
    svc.child.kill('SIGTERM');
    expect(await exitWithin(svc, GRACE_MS + 20_000)).toEqual({ code: 0, signal: null });
    for (const pid of pids) expect(alive(pid)).toBe(false);
  });
});

describe('WORKERS on PGlite', () => {
  it('when WORKERS=2 is asked for without a PostgreSQL server, then the start is refused with a clear error', async () => {
    const data = await processData('pglite');
    try {
      await expect(startServiceProcess({ ...data.env, WORKERS: '2' }, 30_000)).rejects.toThrow(/exited \(2\) before listening: foresight: invalid configuration: WORKERS=2 needs a PostgreSQL server \(DATABASE_URL\)/);
    } finally {
      await data.remove();
    }
  });
});
