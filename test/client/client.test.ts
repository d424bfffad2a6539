import { execFile } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import net from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ForesightClient } from '../../src/client/index.js';
import { PROJECT_ROOT } from '../../src/lib/project-root.js';
import { SCENARIOS } from '../support/scenarios.js';
import { signOff, startSignOffService, type SignOffTestService } from '../signoff/sign-off-support.js';

const run = promisify(execFile);

/** A loopback server that answers every request with `handler`, for the failures a real service never shows. */
async function fakeServer(handler: http.RequestListener): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer(handler);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => { server.closeAllConnections(); server.close(() => r()); }) };
}

describe('the typed client, against the real service', () => {
  let svc: SignOffTestService;
  let server: http.Server;
  let baseUrl: string;
  let client: ForesightClient;

  beforeAll(async () => {
    svc = await startSignOffService('pglite');
    server = http.createServer(svc.app);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    client = new ForesightClient({ baseUrl, apiKey: svc.people.agent.token });
  });
  afterAll(async () => {
    server?.closeAllConnections();
    await new Promise((r) => server?.close(r));
    await svc?.stop();
  });

  it('when the calm crane lift is evaluated, then the agent may proceed, with the answer typed', async () => {
    const v = await client.evaluate(SCENARIOS.calmCraneLift.body);
    expect(v.proceed).toBe(true);
    if (!v.proceed) throw new Error(v.reason);
    expect(v.answer.risk.basis).toBe('model_probability');
    expect((await client.check(v.evaluationId, SCENARIOS.calmCraneLift.body)).covered).toBe(true);
  });

  it('when the gusty lift escalates and a supervisor approves while the agent waits, then the long poll returns the approval, bound to that action only', async () => {
    const body = SCENARIOS.gustyCraneLift.body;
    const v = await client.evaluate(body);
    expect(v).toMatchObject({ proceed: false, decision: 'escalate', effectiveDecision: 'pending' });
    const id = v.evaluationId!;
    const started = Date.now();
    const waiting = client.waitForDecision(id, { maxWaitMs: 20_000, pollMs: 10_000 });
    let signed: { status: number; body: unknown } | undefined;
    setTimeout(() => void signOff(svc, 'alice', id, { decision: 'approve', reason: 'Gusts measured at 12 mph on the roof now' }).then((r) => (signed = r)), 300);
    const decided = await waiting;
    expect(signed?.status, JSON.stringify(signed?.body)).toBe(200);
    expect(decided.proceed).toBe(true);
    expect(Date.now() - started).toBeLessThan(8_000);
    const changed = { state: body.state, action: { ...body.action, parameters: { load_t: 40 } } };
    expect(await client.check(id, changed)).toMatchObject({ covered: false });
  });

  it('when a supervisor denies, then the agent stands down with the supervisor’s reason', async () => {
    const body = { ...SCENARIOS.gustyCraneLift.body, state: { ...SCENARIOS.gustyCraneLift.body.state, site_id: 'SITE_DENY' } };
    const v = await client.evaluate(body);
    await signOff(svc, 'bob', v.evaluationId!, { decision: 'deny', reason: 'Wait for the afternoon wind to drop' });
    const after = await client.status(v.evaluationId!);
    expect(after).toMatchObject({ proceed: false, effectiveDecision: 'denied', reason: 'Wait for the afternoon wind to drop' });
  });

  it('when the key is wrong, then the refusal reads as escalate with the problem, not as an exception', async () => {
    const bad = new ForesightClient({ baseUrl, apiKey: 'fs_agent_nope' });
    const v = await bad.evaluate(SCENARIOS.calmCraneLift.body);
    expect(v).toMatchObject({ proceed: false, decision: 'escalate', effectiveDecision: 'unreachable', problem: { status: 401 } });
  });

  it('when the example agent runs as a process, then it proceeds on the calm lift and waits then stands down on the gusty one', async () => {
    const env = { ...process.env, FORESIGHT_URL: baseUrl, FORESIGHT_KEY: svc.people.agent.token, FORESIGHT_WAIT_MS: '1500' };
    const example = path.join(PROJECT_ROOT, 'examples', 'guarded-tool-call.ts');
    const tsx = path.join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx');
    const calm = await run(tsx, [example, 'calm'], { env, timeout: 60_000 });
    expect(calm.stdout).toMatch(/approved: crane lift started/);
    const gusty = await run(tsx, [example, 'gusty'], { env: { ...env }, timeout: 60_000 });
    expect(gusty.stdout).toMatch(/escalated .* waiting for a supervisor/);
    expect(gusty.stdout).toMatch(/stood down \(pending\)/);
  }, 120_000);
});

describe('the typed client fails closed', () => {
  const body = SCENARIOS.calmCraneLift.body;

  it('when nothing listens on the port, then escalate: unreachable', async () => {
    const probe = net.createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    const { port } = probe.address() as AddressInfo;
    await new Promise((r) => probe.close(r));
    const v = await new ForesightClient({ baseUrl: `http://127.0.0.1:${port}`, apiKey: 'k' }).evaluate(body);
    expect(v).toMatchObject({ proceed: false, decision: 'escalate', effectiveDecision: 'unreachable' });
  });

  it('when the service never answers, then escalate within the timeout', async () => {
    const silent = await fakeServer(() => {});
    const started = Date.now();
    const v = await new ForesightClient({ baseUrl: silent.url, apiKey: 'k', timeoutMs: 300 }).evaluate(body);
    expect(v).toMatchObject({ proceed: false, effectiveDecision: 'unreachable' });
    if (!v.proceed) expect(v.reason).toMatch(/did not answer within 300 ms/);
    expect(Date.now() - started).toBeLessThan(3_000);
    await silent.close();
  });

  it.each([
    ['a body that is not JSON', 'approve'],
    ['an approval missing the effective decision', JSON.stringify({ decision: 'approve', evaluation_id: 'x' })],
    ['an approval whose effective decision is not approved', JSON.stringify({ decision: 'approve', effective_decision: 'revoked' })],
  ])('when a 200 carries %s, then escalate', async (_label, text) => {
    const liar = await fakeServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(text));
    const v = await new ForesightClient({ baseUrl: liar.url, apiKey: 'k' }).evaluate(body);
    expect(v.proceed).toBe(false);
    await liar.close();
  });
});
