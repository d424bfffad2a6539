import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCENARIOS } from '../support/scenarios.js';
import { startService, type TestService } from '../support/service.js';

// An agent that asks again with another seed must get the same answer: on the embedded model the
// outcome probabilities decide, and the seed only picks which futures illustrate them.
const craneLift = (gust: number, hours: number) => ({
  domain: 'construction_safety',
  state: {
    site_id: 'SITE_0001',
    timestamp: '2026-07-15T14:30:00Z',
    task_description: 'Crane lift of roof truss',
    environmental_conditions: { temperature_c: 18, wind_mph: Math.round(gust * 0.7), gust_mph: gust },
    crew_status: { size: 6, hours_on_site: hours },
    equipment_in_use: ['mobile crane'],
    active_hazards: ['suspended_load'],
    recent_observations: [],
    compliance_status: { pre_task_briefing: 'completed' },
  },
  action: { description: 'Proceed with crane lift', kind: 'crane_lift', parameters: {} },
});

const requests = [
  ['a borderline crane lift (gusts 20 mph, 11 h on site)', craneLift(20, 11)],
  ['a crane lift in gusts of 18 mph after 9 h', craneLift(18, 9)],
  ...Object.entries(SCENARIOS).map(([name, s]) => [name, s.body] as const),
] as const;

describe('the seed cannot buy an approval', () => {
  let svc: TestService;
  beforeAll(async () => {
    svc = await startService('pglite');
  });
  afterAll(async () => {
    await svc?.stop();
  });

  it.each(requests)('when %s is asked with 30 different seeds, then every answer is the same decision for the same reasons', async (_name, body) => {
    const answers: string[] = [];
    for (let seed = 1; seed <= 30; seed++) {
      // A key per ask, so that it is the decision rule, not the pending escalation, that holds the answer.
      const key = await svc.container.keys.create({ name: `seed-${seed}-${Math.random()}`, role: 'agent', owner: 'seed shopper' });
      const res = await request(svc.app).post('/v1/evaluate').set({ Authorization: `Bearer ${key.token}` }).send({ ...body, options: { seed: seed * 7919 } });
      expect(res.status).toBe(200);
      answers.push(`${res.body.decision} ${res.body.reasons.map((r: { code: string }) => r.code).join(',')} ${res.body.risk.incident_rate}`);
    }
    expect(new Set(answers).size, answers.join('\n')).toBe(1);
  });

  it('when a caller asks for a single rollout, then the policy minimum is simulated and the rule is unchanged', async () => {
    const res = await request(svc.app).post('/v1/evaluate').set(svc.auth('agent')).send({ ...SCENARIOS.gustyCraneLift.body, options: { rollouts: 1, seed: 3 } });
    expect(res.status).toBe(200);
    expect(res.body.decision).toBe('escalate');
    expect(res.body.risk.rollouts).toBeGreaterThanOrEqual(16);
    expect(res.body.risk.decision_rule).toBe('upper_bound');
    expect(res.body.risk.basis).toBe('model_probability');
  });
});
