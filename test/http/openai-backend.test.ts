import request from 'supertest';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { EmbeddedWorldModel } from '../../src/world-model/embedded/embedded-world-model.js';
import { embeddedGenerator } from '../support/embedded-generator.js';
import { startFakeOpenAIServer, type FakeOpenAIServer } from '../support/fake-openai-server.js';
import { SCENARIOS } from '../support/scenarios.js';
import { startService, type TestService } from '../support/service.js';

describe('the service on an OpenAI-compatible world model (fake server over loopback)', () => {
  let server: FakeOpenAIServer;
  let svc: TestService;
  let embedded: EmbeddedWorldModel;
  beforeAll(async () => {
    server = await startFakeOpenAIServer({ generate: embeddedGenerator(() => embedded) });
    svc = await startService('postgres', {
      env: { WORLD_MODEL_BACKEND: 'openai', WORLD_MODEL_URL: server.url, WORLD_MODEL_MAX_PER_REQUEST: '16', WORLD_MODEL_BREAKER_RESET_MS: '200' },
    });
    embedded = svc.container.embedded;
  });
  // Faults of one test may leave the breaker open; each test starts once the model answers again.
  beforeEach(async () => {
    server.setFaults({});
    server.setLatency({});
    for (let i = 0; i < 100; i++) {
      const res = await request(svc.app).post('/v1/evaluate').set(await freshAgent()).send(SCENARIOS.calmCraneLift.body);
      if (res.body.world_model?.backend === 'openai' && !res.body.reasons.some((r: { code: string }) => r.code === 'world_model_unavailable')) break;
      await new Promise((r) => setTimeout(r, 25));
    }
    server.stats.reset();
  });
  afterAll(async () => {
    await svc?.stop();
    await server?.close();
  });

  // A key per ask: on a sampled backend the calm lift sometimes escalates (one incident among 88 futures
  // already keeps the upper bound above the threshold), and a pending escalation under a shared key would
  // answer every later ask of the same lift, whatever the model does then.
  async function freshAgent() {
    const key = await svc.container.keys.create({ name: `agent-${Math.random().toString(36).slice(2)}`, role: 'agent', owner: 'openai backend tests' });
    return { Authorization: `Bearer ${key.token}` };
  }

  async function evaluate(body: object, options: Record<string, unknown> = {}) {
    const before = await svc.countEvaluations();
    const auth = await freshAgent();
    // Only the request is timed: the test's own key creation and counting queries are not the answer's time.
    const t0 = performance.now();
    const res = await request(svc.app).post('/v1/evaluate').set(auth).send({ ...body, options: { seed: 5, ...options } });
    const elapsed = performance.now() - t0;
    return { res, elapsed, stored: (await svc.countEvaluations()) - before, codes: (res.body.reasons ?? []).map((r: { code: string }) => r.code) };
  }

  it('when the model is healthy, then the seed decisions come out right through it, and a caller asking for 32 futures gets the 88 an approval needs, in one round of 6 parallel requests', async () => {
    const gusty = await evaluate(SCENARIOS.gustyCraneLift.body);
    expect(gusty.res.body.decision).toBe('escalate');
    expect(gusty.res.body.world_model).toMatchObject({ backend: 'openai', degraded: false });
    const calm = await evaluate(SCENARIOS.calmCraneLift.body);
    expect(calm.res.body.decision).toBe('approve');
    server.stats.reset();
    const fixed = await evaluate(SCENARIOS.calmCraneLift.body, { rollouts: 32 });
    const needed = svc.container.domains.get('construction_safety')!.rolloutsToApprove;
    expect(needed).toBe(88);
    expect(fixed.res.body.risk).toMatchObject({ valid_rollouts: needed, basis: 'sampled_futures', decision_rule: 'upper_bound' });
    expect(server.stats.requests).toBe(Math.ceil(needed / 16));
  });

  it('when the policy asks for step-wise rollouts, then futures are built step by step through /v1/completions and anchored on the bank', async () => {
    const wm = svc.container.domains.get('construction_safety')!.policy.world_model;
    wm.stepwise = true;
    try {
      // Another crew's lift: not the gusty lift an earlier test left pending under this key.
      const body = structuredClone(SCENARIOS.gustyCraneLift.body);
      body.state.crew_status = { size: 4, hours_on_site: 3 };
      const { res, stored } = await evaluate(body, { rollouts: 16, horizon: 6 });
      expect(res.status).toBe(200);
      expect(res.body.risk.valid_rollouts).toBe(16);
      expect(res.body.futures[0].steps.map((s: { t: number }) => s.t)).toEqual([1, 2, 3, 4, 5, 6]);
      expect(stored).toBe(1);
      const paths = server.stats.log.map((e) => e.path);
      expect(paths.every((p) => p.endsWith('/completions'))).toBe(true);
      expect(paths.some((p) => p.endsWith('/v1/completions'))).toBe(true);
      // 16 rollouts × 4 steps coalesced into far fewer requests.
      expect(server.stats.requests).toBeLessThan(16 * 4);
      const ready = await request(svc.app).get('/readyz').set(svc.auth('operator'));
      expect(ready.body.checks.world_models.find((w: { backend: string }) => w.backend === 'openai').anchored_total).toBeGreaterThan(0);
    } finally {
      wm.stepwise = false;
    }
  });

  it.each([
    ['a 500', { fault: { kind: 'status', status: 500 } }, 'world_model_unavailable'],
    ['a 429 whose Retry-After is past the deadline', { fault: { kind: 'rate_limit', retryAfterSeconds: 30 } }, 'world_model_unavailable'],
    ['connection resets', { fault: { kind: 'reset' } }, 'world_model_unavailable'],
    ['malformed bodies', { fault: { kind: 'malformed' } }, 'insufficient_valid_rollouts'],
    ['half of the choices invalid', { invalidShare: 0.5 }, 'insufficient_valid_rollouts'],
  ] as const)('when the model answers with %s, then a safe action escalates with %s and is stored', async (_what, faults, code) => {
    server.setFaults(faults as never);
    const { res, stored, codes } = await evaluate(SCENARIOS.calmCraneLift.body, { deadline_ms: 1500 });
    expect(res.status).toBe(200);
    expect(res.body.decision).toBe('escalate');
    expect(codes).toContain(code);
    expect(stored).toBe(1);
  });

  it('when the model hangs, then the answer is escalate with deadline_exceeded within deadline + 100 ms', async () => {
    server.setFaults({ fault: { kind: 'hang' } });
    const { res, elapsed, stored, codes } = await evaluate(SCENARIOS.calmCraneLift.body, { deadline_ms: 400 });
    expect(res.body.decision).toBe('escalate');
    expect(codes).toEqual(['deadline_exceeded']);
    expect(stored).toBe(1);
    // The bound is on the answer (the service's own clock), and on the request as the client sees it.
    expect(res.body.timing_ms.total).toBeLessThan(400 + 100);
    expect(elapsed).toBeLessThan(400 + 100 + 100);
  });

  it('when the model keeps failing, then the breaker opens, /readyz and /metrics show it, and it closes after recovery', async () => {
    server.setFaults({ fault: { kind: 'status', status: 503 } });
    // Successes earlier in the breaker's rolling window count too, so failures continue until it trips.
    const breakerState = async () => (await request(svc.app).get('/readyz').set(svc.auth('operator'))).body.checks.world_models.find((w: { backend: string }) => w.backend === 'openai').breaker;
    let failures = 0;
    while ((await breakerState()) !== 'open' && failures < 30) {
      const { res } = await evaluate(SCENARIOS.calmCraneLift.body, { deadline_ms: 1500 });
      expect(res.body.decision).toBe('escalate');
      failures++;
    }
    expect(await breakerState()).toBe('open');
    // Still ready: while the model is down the service answers, by escalating.
    expect((await request(svc.app).get('/readyz')).status).toBe(200);
    const metrics = await request(svc.app).get('/metrics').set(svc.auth('operator'));
    expect(metrics.text).toMatch(/foresight_world_model_breaker_state\{backend="openai"[^}]*\} 2/);
    server.stats.reset();
    const whileOpen = await evaluate(SCENARIOS.calmCraneLift.body);
    expect(whileOpen.codes).toEqual(['world_model_unavailable']);
    expect(whileOpen.elapsed).toBeLessThan(250);
    expect(server.stats.requests).toBe(0);
    server.setFaults({});
    let decision = 'escalate';
    for (let i = 0; i < 100 && decision !== 'approve'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      decision = (await evaluate(SCENARIOS.calmCraneLift.body)).res.body.decision;
    }
    expect(decision).toBe('approve');
    const after = await request(svc.app).get('/readyz').set(svc.auth('operator'));
    expect(after.body.checks.world_models.find((w: { backend: string }) => w.backend === 'openai').breaker).toBe('closed');
  });
});

describe('back-pressure on the OpenAI-compatible world model', () => {
  let server: FakeOpenAIServer;
  let svc: TestService;
  beforeAll(async () => {
    server = await startFakeOpenAIServer({ latencyMs: 300 });
    // One request carries all of an evaluation's futures, so the first evaluation holds the only slot.
    svc = await startService('pglite', {
      env: { WORLD_MODEL_BACKEND: 'openai', WORLD_MODEL_URL: server.url, WORLD_MODEL_MAX_IN_FLIGHT: '1', WORLD_MODEL_MAX_QUEUE: '0', WORLD_MODEL_MAX_PER_REQUEST: '128' },
    });
  });
  afterAll(async () => {
    await svc?.stop();
    await server?.close();
  });

  it('when every request slot and the queue are taken, then a new evaluation is refused at once with 503 overloaded and nothing is stored', async () => {
    const body = { ...SCENARIOS.calmCraneLift.body, options: { rollouts: 16 } };
    const first = request(svc.app).post('/v1/evaluate').set(svc.auth('agent')).send(body).then((r) => r);
    for (let i = 0; i < 1000 && server.stats.requests === 0; i++) await new Promise((r) => setTimeout(r, 2));
    expect(server.stats.requests).toBe(1);
    const before = await svc.countEvaluations();
    const t0 = performance.now();
    const refused = await request(svc.app).post('/v1/evaluate').set(svc.auth('agent')).send(body);
    expect(performance.now() - t0).toBeLessThan(150);
    expect(refused.status).toBe(503);
    expect(refused.body).toMatchObject({ code: 'overloaded', decision: 'escalate' });
    expect(await svc.countEvaluations()).toBe(before);
    expect((await first).status).toBe(200);
  });
});
