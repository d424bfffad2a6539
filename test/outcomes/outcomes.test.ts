import crypto from 'node:crypto';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../src/audit/verify.js';
import { behindTheServicesBack, sealUntilSettled } from '../audit/audit-helpers.js';
import { evaluateAs, MINUTE, startSignOffService, type SignOffTestService } from '../signoff/sign-off-support.js';
import { ENGINES } from '../support/engines.js';
import { SCENARIOS } from '../support/scenarios.js';

type Who = Parameters<SignOffTestService['as']>[0];

describe.each(ENGINES)('reporting outcomes on %s', (engine) => {
  let svc: SignOffTestService;
  let craneId: string;
  let triageId: string;

  const report = (who: Who, id: string, body: object) => request(svc.app).post(`/v1/evaluations/${id}/outcome`).set(svc.as(who)).send(body);
  const now = () => svc.clock.now().toISOString();
  const countOutcomes = async () => (await svc.container.db.query<{ n: number }>('SELECT count(*)::int AS n FROM outcomes')).rows[0].n;

  beforeAll(async () => {
    svc = await startSignOffService(engine);
    const crane = await evaluateAs(svc, 'agent', SCENARIOS.calmCraneLift.body);
    expect(crane.status).toBe(200);
    craneId = crane.body.evaluation_id;
    const triage = await evaluateAs(svc, 'agent', SCENARIOS.sprainedAnkleHomeCare.body);
    expect(triage.status).toBe(200);
    triageId = triage.body.evaluation_id;
  });
  afterAll(async () => {
    await svc?.stop();
  });

  it('when the agent reports the outcome of its own evaluation, then it is recorded as the agent’s, with the key as the reporter', async () => {
    const occurred = now();
    const res = await report('agent', craneId, { outcome: 'near_miss', occurred_at: occurred, notes: 'Load swung near the edge crew' });
    expect(res.status).toBe(201);
    expect(res.headers.location).toBe(`/v1/evaluations/${craneId}`);
    expect(res.body.recorded).toMatchObject({
      outcome: 'near_miss',
      incident: true,
      adverse: true,
      occurred_at: occurred,
      notes: 'Load swung near the edge crew',
      reported_by: 'agent',
      confirmed: false,
      reporter: { owner: 'site-automation', name: 'site-bot', role: 'agent', key_id: svc.people.agent.id },
    });
    expect(res.body.outcome).toMatchObject({ outcome: 'near_miss', counted_as: 'agent_reported' });
    expect(res.body.outcomes_reported).toBe(1);
  });

  it('when a supervisor then reports another outcome, then the history keeps both and the confirmed one is what counts', async () => {
    const res = await report('bob', craneId, { outcome: 'no_incident', occurred_at: now() });
    expect(res.status).toBe(201);
    expect(res.body.recorded).toMatchObject({ reported_by: 'supervisor', confirmed: true, incident: false, notes: null, reporter: { owner: 'bob@example.org', role: 'supervisor' } });
    // The agent speaks again after the confirmation: it is recorded, and the confirmation still counts.
    expect((await report('agent', craneId, { outcome: 'serious_incident', occurred_at: now() })).status).toBe(201);
    const read = await request(svc.app).get(`/v1/evaluations/${craneId}`).set(svc.as('agent'));
    expect(read.status).toBe(200);
    expect(read.body.outcomes.map((o: { outcome: string; reported_by: string }) => `${o.reported_by}:${o.outcome}`)).toEqual(['agent:near_miss', 'supervisor:no_incident', 'agent:serious_incident']);
    expect(read.body.outcome).toMatchObject({ outcome: 'no_incident', counted_as: 'confirmed', reporter: { owner: 'bob@example.org' } });
    expect(read.body.outcomes_reported).toBe(3);
  });

  it('when the owner of the agent’s key reports with a supervisor key, then it counts as the agent’s, not as a confirmation', async () => {
    const res = await report('agentsOwnSupervisor', triageId, { outcome: 'self_resolved', occurred_at: now() });
    expect(res.status).toBe(201);
    expect(res.body.recorded).toMatchObject({ reported_by: 'supervisor', confirmed: false });
    expect(res.body.outcome.counted_as).toBe('agent_reported');
  });

  it('when an auditor reports a triage outcome, then it is a confirmation, and incident and adverse follow the taxonomy against the disposition evaluated', async () => {
    // Sent home (care level 0): an ED visit is under-triage (adverse) without harm at admission or worse; an ICU stay is both.
    const ed = await report('auditor', triageId, { outcome: 'ed_required', occurred_at: now() });
    expect(ed.status).toBe(201);
    expect(ed.body.recorded).toMatchObject({ outcome: 'ed_required', adverse: true, incident: false, reported_by: 'auditor', confirmed: true });
    const icu = await report('auditor', triageId, { outcome: 'icu', occurred_at: now() });
    expect(icu.body.recorded).toMatchObject({ adverse: true, incident: true });
    const fine = await report('auditor', triageId, { outcome: 'self_resolved', occurred_at: now() });
    expect(fine.body.recorded).toMatchObject({ adverse: false, incident: false });
  });

  it.each([
    ['a value outside the taxonomy', () => ({ outcome: 'went_fine', occurred_at: now() }), /not an outcome of construction_safety; one of: risk_mitigated, no_incident/],
    ['a value of another domain’s taxonomy', () => ({ outcome: 'icu', occurred_at: now() }), /not an outcome of construction_safety/],
    ['a time in the future', () => ({ outcome: 'no_incident', occurred_at: new Date(svc.clock.now().getTime() + 60 * MINUTE).toISOString() }), /in the future/],
    ['a time before the evaluation', () => ({ outcome: 'no_incident', occurred_at: '2020-01-01T00:00:00Z' }), /before the evaluation/],
    ['a time without a zone', () => ({ outcome: 'no_incident', occurred_at: '2026-07-15 14:30' }), /occurred_at/],
    ['no time at all', () => ({ outcome: 'no_incident' }), /occurred_at/],
    ['notes over 4000 characters', () => ({ outcome: 'no_incident', occurred_at: now(), notes: 'x'.repeat(4001) }), /notes/],
    ['a reporter named in the body', () => ({ outcome: 'no_incident', occurred_at: now(), reported_by: 'auditor' }), /reported_by/],
  ])('when the report has %s, then it is a 400 naming the problem and nothing is stored', async (_name, body, message) => {
    const before = await countOutcomes();
    const res = await report('agent', craneId, body());
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.code).toBe('validation_failed');
    expect(res.body.detail).toMatch(message);
    expect(await countOutcomes()).toBe(before);
  });

  it('when the value is outside the taxonomy, then the answer lists the values allowed', async () => {
    const res = await report('bob', craneId, { outcome: 'fine', occurred_at: now() });
    expect(res.body.allowed).toEqual(svc.container.domains.get('construction_safety')!.outcomes.map((o) => o.name));
  });

  it('when the evaluation does not exist, or is another agent’s, or outside a supervisor’s domains, then it is a 404 like GET gives, and nothing is stored', async () => {
    const before = await countOutcomes();
    const other = await svc.container.keys.create({ name: 'other-bot', role: 'agent', owner: 'other-team' });
    const body = { outcome: 'no_incident', occurred_at: now() };
    const unknown = await report('agent', crypto.randomUUID(), body);
    const malformed = await report('agent', 'not-an-id', body);
    const theirs = await request(svc.app).post(`/v1/evaluations/${craneId}/outcome`).set('Authorization', `Bearer ${other.token}`).send(body);
    const theirsGet = await request(svc.app).get(`/v1/evaluations/${craneId}`).set('Authorization', `Bearer ${other.token}`);
    const scoped = await report('triageOnly', craneId, body);
    for (const res of [unknown, malformed, theirs, scoped]) {
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('not_found');
    }
    // Another agent learns no more from reporting than from reading.
    expect(theirsGet.status).toBe(404);
    expect(Object.keys(theirs.body).sort()).toEqual(Object.keys(theirsGet.body).sort());
    expect(await countOutcomes()).toBe(before);
  });

  it('when an admin key reports, then it is refused and nothing is stored', async () => {
    const before = await countOutcomes();
    const res = await report('admin', craneId, { outcome: 'no_incident', occurred_at: now() });
    expect(res.status).toBe(403);
    expect(await countOutcomes()).toBe(before);
  });

  it('when the service itself tries to change or delete an outcome, then the database refuses', async () => {
    await expect(svc.container.db.query("UPDATE outcomes SET outcome = 'no_incident'")).rejects.toThrow(/append-only/);
    await expect(svc.container.db.query('DELETE FROM outcomes')).rejects.toThrow(/append-only/);
  });

  it('when outcomes are sealed, then verify covers them; when one is altered as superuser, then verify names that row', async () => {
    const { report: clean } = await sealUntilSettled(svc.container.audit.sealer, svc.container.audit.ledger);
    expect(clean.status).toBe('ok');
    const leaves = (await Promise.all((await svc.container.audit.ledger.blocks(0, 100)).map((b) => svc.container.audit.ledger.leavesOf(b)))).flat();
    const sealed = leaves.filter((l) => l.table === 'outcomes').map((l) => l.id);
    const { rows } = await svc.container.db.query<{ id: string }>('SELECT id FROM outcomes ORDER BY seq');
    expect(sealed).toEqual(rows.map((r) => r.id));
    const target = rows[1].id;
    await behindTheServicesBack(svc.container.db, (tx) => tx.query(`UPDATE outcomes SET outcome = 'serious_incident', incident = true WHERE id = $1`, [target]));
    const broken = await verifyAudit(svc.container.audit.ledger);
    expect(broken.status).toBe('broken');
    expect(broken.first_problem).toMatchObject({ kind: 'row', table: 'outcomes', id: target });
    const viaHttp = await request(svc.app).get('/v1/audit/verify').set(svc.as('auditor'));
    expect(viaHttp.body.first_problem).toMatchObject({ table: 'outcomes', id: target });
  });
});
