import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCENARIOS } from '../support/scenarios.js';
import { startService, type TestService } from '../support/service.js';

// Real records often carry no weather block (indoor work) or send it as null: such a request is read,
// its missing facts stay unknown, and an action that rests on one asks for it instead of assuming calm.
describe('construction requests without environmental_conditions or crew_status', () => {
  let svc: TestService;
  beforeAll(async () => {
    svc = await startService('pglite');
  });
  afterAll(async () => {
    await svc?.stop();
  });

  const lift = SCENARIOS.calmCraneLift.body;
  const without = (value: undefined | null) => {
    const { environmental_conditions: _e, crew_status: _c, ...rest } = lift.state as Record<string, unknown>;
    return value === undefined ? rest : { ...rest, environmental_conditions: null, crew_status: null };
  };

  it.each([
    ['left out', undefined],
    ['sent as null', null],
  ] as const)('when they are %s on a crane lift, then the request is read and escalates asking for the wind', async (_how, value) => {
    const res = await request(svc.app).post('/v1/evaluate').set(svc.auth('agent')).send({ ...lift, state: without(value) });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.decision).toBe('escalate');
    expect(res.body.reasons.map((r: { code: string }) => r.code)).toContain('missing_information');
    expect(res.body.questions_to_ask.join(' ')).toMatch(/wind/i);
    expect(res.body.reading.facts.wind).toBeUndefined();
    expect(res.body.reading.unknown.map((u: { fact: string }) => u.fact)).toContain('wind.peak_mph');
  });

  it('when environmental_conditions is a text instead of a record, then it is still refused by name', async () => {
    const res = await request(svc.app).post('/v1/evaluate').set(svc.auth('agent')).send({ ...lift, state: { ...lift.state, environmental_conditions: 'windy' } });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body.errors)).toMatch(/environmental_conditions/);
  });
});
