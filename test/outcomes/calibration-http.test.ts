import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateAs, signOff, startSignOffService, type SignOffTestService } from '../signoff/sign-off-support.js';
import { ENGINES } from '../support/engines.js';
import { calibratedWorldModel, lift, P_BY_HOURS } from './calibration-support.js';

type Who = Parameters<SignOffTestService['as']>[0];

/**
 * The known set. Per evaluation (hours → prediction): the reports in order; the one calibration counts.
 *   h1 p 0.1: agent near_miss, then bob no_incident            → confirmed 0 (agent superseded, contradicted)
 *   h2 p 0.1: agent no_incident, then erin (auditor) neutral   → confirmed 0 (agent superseded, agrees)
 *   h3 p 0.4: bob near_miss                                    → confirmed 1   (escalated; bob approves: an override)
 *   h4 p 0.4: erin no_incident                                 → confirmed 0   (escalated; alice denies)
 *   h5 p 0.8: bob first_aid                                    → confirmed 1   (escalated)
 *   h6 p 0.8: agent no_incident, erin recordable_incident, then agent no_incident again → confirmed 1 (superseded, contradicted)
 *   h7 p 0.2: agent near_miss                                  → agent-reported 1
 *   h8 p 0.6: the agent's owner with a supervisor key: no_incident → agent-reported 0 (escalated)
 *
 * Confirmed, incident (= adverse on a site): the six points of the unit test's first set:
 *   bins 1 (n 2, p̄ 0.1, ō 0), 4 (n 2, p̄ 0.4, ō 0.5), 8 (n 2, p̄ 0.8, ō 1);
 *   Brier 0.62/6 = 0.103333, reliability 0.02, resolution 1/6, uncertainty 0.25, ECE 0.8/6 = 0.133333.
 * Agent-reported: (0.2, 1) and (0.6, 0): Brier (0.64 + 0.36)/2 = 0.5; bins 2 (ō 1) and 6 (ō 0);
 *   reliability (0.8² + 0.6²)/2 = 0.5, resolution 0.25, uncertainty 0.25, ECE (0.8 + 0.6)/2 = 0.7.
 * Escalated: p ≥ 0.3 (the 30% threshold) → h3, h4, h5, h6, h8: 5 of 8 = 0.625; overridden 1 of 5 = 0.2; denied 1.
 */
const PLAN: { hours: number; reports: [Who, string][] }[] = [
  { hours: 1, reports: [['agent', 'near_miss'], ['bob', 'no_incident']] },
  { hours: 2, reports: [['agent', 'no_incident'], ['auditor', 'neutral']] },
  { hours: 3, reports: [['bob', 'near_miss']] },
  { hours: 4, reports: [['auditor', 'no_incident']] },
  { hours: 5, reports: [['bob', 'first_aid']] },
  { hours: 6, reports: [['agent', 'no_incident'], ['auditor', 'recordable_incident'], ['agent', 'no_incident']] },
  { hours: 7, reports: [['agent', 'near_miss']] },
  { hours: 8, reports: [['agentsOwnSupervisor', 'no_incident']] },
];

describe.each(ENGINES)('calibration on %s', (engine) => {
  let svc: SignOffTestService;
  const ids: Record<number, string> = {};
  let policyVersion: string;

  const calibration = (who: Who, query = '') => request(svc.app).get(`/v1/domains/construction_safety/calibration${query}`).set(svc.as(who));

  beforeAll(async () => {
    const fake = calibratedWorldModel();
    svc = await startSignOffService(engine, { worldModelFor: (d, embedded) => (d.name === 'construction_safety' ? fake : embedded) });
    for (const { hours, reports } of PLAN) {
      const made = await evaluateAs(svc, 'agent', lift(hours));
      expect(made.status).toBe(200);
      // The set is only known if the service predicted exactly what the fake model said.
      expect(made.body.risk.incident_rate).toBe(P_BY_HOURS[hours]);
      expect(made.body.decision).toBe(P_BY_HOURS[hours] >= 0.3 ? 'escalate' : 'approve');
      ids[hours] = made.body.evaluation_id;
      policyVersion = made.body.policy.version;
      for (const [who, outcome] of reports) {
        const res = await request(svc.app).post(`/v1/evaluations/${ids[hours]}/outcome`).set(svc.as(who)).send({ outcome, occurred_at: svc.clock.now().toISOString() });
        expect(res.status).toBe(201);
      }
    }
    expect((await signOff(svc, 'bob', ids[3], { decision: 'approve', reason: 'Lift plan reviewed on site' })).status).toBe(200);
    expect((await signOff(svc, 'alice', ids[4], { decision: 'deny', reason: 'Crew too tired' })).status).toBe(200);
  });
  afterAll(async () => {
    await svc?.stop();
  });

  it('when an auditor asks for calibration, then the confirmed outcomes give the Brier score, its decomposition, ECE and bins computed by hand', async () => {
    const res = await calibration('auditor');
    expect(res.status).toBe(200);
    expect(res.body.headline).toBe('confirmed');
    expect(res.body.note).toMatch(/only outcomes reported or confirmed by a supervisor or an auditor/);
    expect(res.body.groups).toHaveLength(1);
    const g = res.body.groups[0];
    expect(g).toMatchObject({ policy_version: policyVersion, world_model_version: 'fake-calibrated-1', evaluations: 8, without_prediction: 0 });
    const inc = g.confirmed.incident;
    expect(inc.n).toBe(6);
    expect(inc.brier).toBeCloseTo(0.62 / 6, 6);
    expect(inc.reliability).toBeCloseTo(0.02, 6);
    expect(inc.resolution).toBeCloseTo(1 / 6, 6);
    expect(inc.uncertainty).toBeCloseTo(0.25, 6);
    expect(inc.ece).toBeCloseTo(0.8 / 6, 6);
    expect(inc.observed_rate).toBe(0.5);
    const filled = inc.bins.filter((b: { count: number }) => b.count > 0).map((b: Record<string, number>) => [b.bin, b.count, b.predicted_mean, b.observed_frequency]);
    expect(filled).toEqual([
      [1, 2, 0.1, 0],
      [4, 2, 0.4, 0.5],
      [8, 2, 0.8, 1],
    ]);
    expect(inc.bins).toHaveLength(10);
    // On a construction site a near miss or worse is both an incident and adverse.
    expect(g.confirmed.adverse).toEqual(inc);
  });

  it('when the agent reported outcomes nobody confirmed, then they are shown apart and do not move the headline', async () => {
    const g = (await calibration('auditor')).body.groups[0];
    const agent = g.agent_reported.incident;
    expect(agent.n).toBe(2);
    expect(agent.brier).toBeCloseTo(0.5, 6);
    expect(agent.reliability).toBeCloseTo(0.5, 6);
    expect(agent.resolution).toBeCloseTo(0.25, 6);
    expect(agent.ece).toBeCloseTo(0.7, 6);
    expect(agent.bins.filter((b: { count: number }) => b.count > 0).map((b: Record<string, number>) => [b.bin, b.observed_frequency])).toEqual([
      [2, 1],
      [6, 0],
    ]);
    expect(g.outcomes).toEqual({ confirmed: 6, agent_reported: 2, agent_superseded: 3, agent_contradicted: 2 });
  });

  it('when escalations were reviewed, then the report gives the escalation rate and how often supervisors overrode', async () => {
    const g = (await calibration('auditor')).body.groups[0];
    expect(g.escalations).toEqual({ escalated: 5, escalation_rate: 0.625, overridden: 1, override_rate: 0.2, denied: 1, changes_requested: 0, timed_out: 0 });
  });

  it('when the window or the policy version excludes every evaluation, then there are no groups; a window that holds them gives the same figures', async () => {
    const future = new Date(svc.clock.now().getTime() + 86_400_000).toISOString();
    expect((await calibration('auditor', `?since=${encodeURIComponent(future)}`)).body.groups).toEqual([]);
    expect((await calibration('auditor', '?until=2020-01-01')).body.groups).toEqual([]);
    expect((await calibration('auditor', '?policy_version=sha256:not-a-version')).body.groups).toEqual([]);
    const held = await calibration('auditor', `?since=2020-01-01&until=${encodeURIComponent(future)}&policy_version=${encodeURIComponent(policyVersion)}`);
    expect(held.body.window).toMatchObject({ since: '2020-01-01T00:00:00.000Z', policy_version: policyVersion });
    expect(held.body.groups[0].confirmed.incident.brier).toBeCloseTo(0.62 / 6, 6);
  });

  it.each([
    ['a since that is not a time', '?since=yesterday'],
    ['since after until', '?since=2026-02-01&until=2026-01-01'],
    ['an unknown parameter', '?polciy_version=x'],
    ['a repeated parameter', '?since=2026-01-01&since=2026-02-01'],
  ])('when the query has %s, then it is a 400', async (_name, query) => {
    const res = await calibration('auditor', query);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('validation_failed');
  });

  it('when the domain is unknown, then it is a 404', async () => {
    const res = await request(svc.app).get('/v1/domains/gardening/calibration').set(svc.as('auditor'));
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('unknown_domain');
  });

  it('when a supervisor asks, then it sees the calibration of its domains only; an agent or an admin is refused', async () => {
    expect((await calibration('bob')).status).toBe(200);
    const scoped = await calibration('triageOnly');
    expect(scoped.status).toBe(403);
    expect((await request(svc.app).get('/v1/domains/triage/calibration').set(svc.as('triageOnly'))).status).toBe(200);
    expect((await calibration('agent')).status).toBe(403);
    expect((await calibration('admin')).status).toBe(403);
  });

  it('when an evaluation is read, then it shows the outcome calibration counts and every report', async () => {
    const read = await request(svc.app).get(`/v1/evaluations/${ids[6]}`).set(svc.as('auditor'));
    expect(read.body.outcome).toMatchObject({ outcome: 'recordable_incident', counted_as: 'confirmed', reported_by: 'auditor' });
    expect(read.body.outcomes).toHaveLength(3);
  });
});
