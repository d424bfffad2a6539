import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCENARIOS } from '../support/scenarios.js';
import { ENGINES, startService, type TestService } from '../support/service.js';

describe.each(ENGINES)('POST /v1/evaluate on %s', (engine) => {
  let svc: TestService;
  beforeAll(async () => {
    svc = await startService(engine);
  });
  afterAll(async () => {
    await svc?.stop();
  });

  it.each(Object.entries(SCENARIOS))('when the seed scenario %s is evaluated, then the decision is the expected one', async (_name, scenario) => {
    const res = await request(svc.app).post('/v1/evaluate').set(svc.auth('agent')).send({ ...scenario.body, options: { seed: 11 } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.decision, res.body.explanation).toBe(scenario.expect);
    expect(res.body.risk.valid_rollouts).toBeGreaterThanOrEqual(16);
    expect(res.body.explanation).toMatch(/\d+ of \d+ simulated futures/);
    expect(res.body.futures).toHaveLength(res.body.risk.rollouts);
    if (scenario.expect === 'escalate') {
      expect(res.body.reasons.length).toBeGreaterThan(0);
      expect(res.body.override.allowed).toBe(true);
    } else {
      expect(res.body.reasons).toEqual([]);
    }
  });

  // A key of its own, so that no escalation an earlier test left pending answers for it.
  const freshAgent = async () => {
    const key = await svc.container.keys.create({ name: `agent-${Math.random().toString(36).slice(2)}`, role: 'agent', owner: 'evaluate tests' });
    return { Authorization: `Bearer ${key.token}` };
  };

  it('when the gusty crane lift escalates, then the answer names the wind, the counts and similar cases', async () => {
    const res = await request(svc.app).post('/v1/evaluate').set(await freshAgent()).send({ ...SCENARIOS.gustyCraneLift.body, options: { seed: 7 } });
    const codes = res.body.reasons.map((r: { code: string }) => r.code);
    expect(codes.some((c: string) => c.startsWith('hard_rule:'))).toBe(true);
    expect(res.body.risk.incident_rate).toBeGreaterThan(0.3);
    expect(res.body.risk.incident_rate_ci[0]).toBeLessThanOrEqual(res.body.risk.incident_rate);
    expect(res.body.risk.incident_rate_ci[1]).toBeGreaterThanOrEqual(res.body.risk.incident_rate);
    expect(res.body.risk_factors.length).toBeGreaterThan(0);
    expect(JSON.stringify(res.body.risk_factors).toLowerCase()).toMatch(/wind|gust/);
    expect(res.body.recommendations.length).toBeGreaterThan(0);
    expect(res.body.similar_cases).toHaveLength(3);
    expect(res.body.similar_cases[0]).toMatchObject({ case_id: expect.any(String), summary: expect.any(String), outcome: expect.any(String), similarity: expect.any(Number) });
    expect(res.body.policy.version).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(res.body.world_model).toMatchObject({ backend: 'embedded', seed: 7, degraded: false });
  });

  it('when the triage second opinion escalates, then it lists the questions still worth asking', async () => {
    const res = await request(svc.app).post('/v1/evaluate').set(svc.auth('agent')).send(SCENARIOS.atypicalMiSentHome.body);
    expect(res.body.decision).toBe('escalate');
    expect(res.body.risk.adverse_rate).toBeGreaterThan(0.2);
    expect(res.body.questions_to_ask.length).toBeGreaterThan(0);
  });

  it('when the same approved request is sent twice with the same seed, then the futures and the decision are the same', async () => {
    const body = { ...SCENARIOS.calmCraneLift.body, options: { seed: 424242 } };
    const a = await request(svc.app).post('/v1/evaluate').set(svc.auth('agent')).send(body);
    const b = await request(svc.app).post('/v1/evaluate').set(svc.auth('agent')).send(body);
    expect(a.body.evaluation_id).not.toBe(b.body.evaluation_id);
    expect(b.body.decision).toBe(a.body.decision);
    expect(b.body.futures).toEqual(a.body.futures);
    expect(b.body.risk).toEqual(a.body.risk);
    const c = await request(svc.app).post('/v1/evaluate').set(svc.auth('agent')).send({ ...body, options: { seed: 424243 } });
    expect(c.body.futures).not.toEqual(a.body.futures);
  });

  it('when an evaluation is read back, then it is whole: request, decision, futures, policy and model versions', async () => {
    const sent = await request(svc.app).post('/v1/evaluate').set(svc.auth('agent')).send({ ...SCENARIOS.calmCraneLift.body, context: { agent_id: 'safety-coach' } });
    expect(sent.status).toBe(200);
    expect(sent.headers.location).toBe(`/v1/evaluations/${sent.body.evaluation_id}`);
    const read = await request(svc.app).get(`/v1/evaluations/${sent.body.evaluation_id}`).set(svc.auth('auditor'));
    expect(read.status).toBe(200);
    const { timing_ms: _a, ...sentRest } = sent.body;
    const { timing_ms: _b, request: storedRequest, audit, outcome, outcomes, outcomes_reported, ...readRest } = read.body;
    expect(readRest).toEqual(sentRest);
    // Nothing has been reported about what happened yet.
    expect({ outcome, outcomes, outcomes_reported }).toEqual({ outcome: null, outcomes: [], outcomes_reported: 0 });
    expect(storedRequest.state).toEqual(SCENARIOS.calmCraneLift.body.state);
    expect(storedRequest.options.seed).toBe(sent.body.world_model.seed);
    expect(storedRequest.context.agent_id).toBe('safety-coach');
    expect(audit.hash).toMatch(/^[0-9a-f]{64}$/);
    const bySupervisor = await request(svc.app).get(`/v1/evaluations/${sent.body.evaluation_id}`).set(svc.auth('supervisor'));
    expect(bySupervisor.status).toBe(200);
  });

  it('when an agent asks for the domains, then each has its policy version and its state schema', async () => {
    const list = await request(svc.app).get('/v1/domains').set(svc.auth('agent'));
    expect(list.body.domains.map((d: { domain: string }) => d.domain).sort()).toEqual(['construction_safety', 'helpdesk', 'triage']);
    const one = await request(svc.app).get('/v1/domains/triage').set(svc.auth('agent'));
    expect(one.body.policy.thresholds.adverse_rate).toBe(0.2);
    expect(one.body.schema.state.type).toBe('object');
    expect(Object.keys(one.body.schema.state.properties)).toContain('chief_complaint');
  });

  it('when the service is up, then /healthz and /readyz answer without a key', async () => {
    expect((await request(svc.app).get('/healthz')).status).toBe(200);
    const ready = await request(svc.app).get('/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body.checks.database).toMatchObject({ ok: true, engine });
  });
});
