import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCENARIOS } from '../support/scenarios.js';
import { ENGINES } from '../support/engines.js';
import { evaluateAs, MINUTE, signOff, startSignOffService, type SignOffTestService } from './sign-off-support.js';

const gusty = SCENARIOS.gustyCraneLift.body;
/** The same gusty lift at another site, so each test has an escalation of its own (a pending one would be returned again). */
const gustyAt = (site: string) => ({ ...gusty, state: { ...gusty.state, site_id: site, crew_status: { size: 6, hours_on_site: 11 } } });

describe.each(ENGINES)('sign-off on %s', (engine) => {
  let svc: SignOffTestService;
  let site = 0;
  /** A fresh escalation, asked by the agent. */
  const escalate = async () => {
    const made = await evaluateAs(svc, 'agent', { ...gusty, state: { ...gusty.state, crew_status: { size: 6 + ++site, hours_on_site: 11 } } });
    expect(made.status).toBe(200);
    expect(made.body.decision).toBe('escalate');
    return made.body as Record<string, any>;
  };

  beforeAll(async () => {
    svc = await startSignOffService(engine);
  });
  afterAll(async () => {
    await svc?.stop();
  });

  it('when an evaluation escalates, then its answer says pending, how many sign-offs it needs, until when, and the action hash', async () => {
    const esc = await escalate();
    expect(esc.effective_decision).toBe('pending');
    expect(esc.action_hash).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(esc.review).toMatchObject({ sign_offs_required: 1, sign_offs_received: 0, sign_offs_remaining: 1, expires_at: null, history: [] });
    expect(Date.parse(esc.review.review_deadline) - Date.parse(esc.created_at)).toBe(30 * MINUTE);
    expect(esc.override.href).toBe(`/v1/evaluations/${esc.evaluation_id}/override`);
  });

  it('when the model approves, then the effective decision is approved with no sign-off needed', async () => {
    const made = await evaluateAs(svc, 'agent', SCENARIOS.calmCraneLift.body);
    expect(made.body.decision).toBe('approve');
    expect(made.body.effective_decision).toBe('approved');
    expect(made.body.review).toMatchObject({ sign_offs_required: 0, sign_offs_remaining: 0, expires_at: null });
    const sign = await signOff(svc, 'alice', made.body.evaluation_id, { decision: 'approve', reason: 'looks fine' });
    expect(sign.status).toBe(409);
    expect(sign.body.code).toBe('not_reviewable');
  });

  it('when a supervisor approves an escalation with a reason, then the effective decision is approved, with signer, reason and expiry, everywhere', async () => {
    const esc = await escalate();
    const before = svc.clock.now().getTime();
    const signed = await signOff(svc, 'alice', esc.evaluation_id, { decision: 'approve', reason: 'Wind dropped to 12 mph; lift supervisor on site' });
    expect(signed.status).toBe(200);
    expect(signed.body.effective_decision).toBe('approved');
    expect(signed.body.sign_offs_remaining).toBe(0);
    expect(signed.body.sign_off).toMatchObject({ choice: 'approve', reason: 'Wind dropped to 12 mph; lift supervisor on site', signer: { owner: 'alice@example.org', name: 'alice-day', role: 'supervisor', key_id: svc.people.alice.id } });
    // The policy's approval_ttl (1h by default).
    expect(Date.parse(signed.body.review.expires_at) - before).toBeGreaterThanOrEqual(60 * MINUTE - 1_000);
    expect(Date.parse(signed.body.review.expires_at) - before).toBeLessThanOrEqual(60 * MINUTE + 1_000);

    const read = await request(svc.app).get(`/v1/evaluations/${esc.evaluation_id}`).set(svc.as('agent'));
    expect(read.status).toBe(200);
    expect(read.body.decision).toBe('escalate');
    expect(read.body.effective_decision).toBe('approved');
    expect(read.body.action_hash).toBe(esc.action_hash);
    expect(read.body.review.feedback).toEqual(['Wind dropped to 12 mph; lift supervisor on site']);
    expect(read.body.review.history).toEqual([
      expect.objectContaining({ type: 'sign_off', choice: 'approve', reason: 'Wind dropped to 12 mph; lift supervisor on site', signer: expect.objectContaining({ owner: 'alice@example.org' }), expires_at: signed.body.review.expires_at }),
    ]);
  });

  it('when a decided escalation is signed again, then it is refused: only a recorded revocation changes it', async () => {
    const esc = await escalate();
    expect((await signOff(svc, 'alice', esc.evaluation_id, { decision: 'deny', reason: 'Gusts above the chart' })).body.effective_decision).toBe('denied');
    const again = await signOff(svc, 'bob', esc.evaluation_id, { decision: 'approve', reason: 'I disagree' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('already_decided');
    expect(again.body.effective_decision).toBe('denied');
    const read = await request(svc.app).get(`/v1/evaluations/${esc.evaluation_id}`).set(svc.as('agent'));
    expect(read.body.effective_decision).toBe('denied');
    expect(read.body.review.feedback).toEqual(['Gusts above the chart']);
  });

  it('when a supervisor asks for changes, then the request is terminal and the agent re-asking gets a fresh evaluation', async () => {
    const body = gustyAt('SITE_CHANGES');
    const first = await evaluateAs(svc, 'agent', body);
    const asked = await signOff(svc, 'bob', first.body.evaluation_id, { decision: 'request_changes', reason: 'Use the smaller crane and a tag line' });
    expect(asked.body.effective_decision).toBe('changes_requested');
    const again = await evaluateAs(svc, 'agent', body);
    expect(again.body.evaluation_id).not.toBe(first.body.evaluation_id);
    expect(again.body.effective_decision).toBe('pending');
  });

  it('when an approval is revoked with a reason, then it reads as revoked, the revocation is in the history, and it cannot be revoked twice', async () => {
    const esc = await escalate();
    await signOff(svc, 'alice', esc.evaluation_id, { decision: 'approve', reason: 'ok' });
    const noReason = await request(svc.app).post(`/v1/evaluations/${esc.evaluation_id}/revoke-approval`).set(svc.as('auditor')).send({ reason: '  ' });
    expect(noReason.status).toBe(400);
    const revoked = await request(svc.app).post(`/v1/evaluations/${esc.evaluation_id}/revoke-approval`).set(svc.as('auditor')).send({ reason: 'Approved on a stale forecast' });
    expect(revoked.status).toBe(200);
    expect(revoked.body.effective_decision).toBe('revoked');
    expect(revoked.body.revocation.signer.owner).toBe('erin@example.org');
    const read = await request(svc.app).get(`/v1/evaluations/${esc.evaluation_id}`).set(svc.as('agent'));
    expect(read.body.review.history.map((h: any) => h.type)).toEqual(['sign_off', 'revocation']);
    const twice = await request(svc.app).post(`/v1/evaluations/${esc.evaluation_id}/revoke-approval`).set(svc.as('bob')).send({ reason: 'again' });
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('not_revocable');
  });

  it('when the admin key tries to sign off, then it is forbidden and nothing is recorded', async () => {
    const esc = await escalate();
    const res = await signOff(svc, 'admin', esc.evaluation_id, { decision: 'approve', reason: 'I run this place' });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('forbidden');
    const agentTries = await signOff(svc, 'agent', esc.evaluation_id, { decision: 'approve', reason: 'trust me' });
    expect(agentTries.status).toBe(403);
    const read = await request(svc.app).get(`/v1/evaluations/${esc.evaluation_id}`).set(svc.as('agent'));
    expect(read.body.effective_decision).toBe('pending');
    expect(read.body.review.history).toEqual([]);
  });

  it('when the owner of the asking key holds a supervisor key, then it cannot sign off on its own request', async () => {
    const esc = await escalate();
    const res = await signOff(svc, 'agentsOwnSupervisor', esc.evaluation_id, { decision: 'approve', reason: 'my own bot, my call' });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('self_approval');
  });

  it('when a supervisor is scoped to another domain, then the escalation is not found for it', async () => {
    const esc = await escalate();
    const res = await signOff(svc, 'triageOnly', esc.evaluation_id, { decision: 'approve', reason: 'out of my lane' });
    expect(res.status).toBe(404);
  });

  it('when a sign-off has no reason or an unknown choice, then it is a 400 naming the field', async () => {
    const esc = await escalate();
    const blank = await signOff(svc, 'alice', esc.evaluation_id, { decision: 'approve', reason: '   ' });
    expect(blank.status).toBe(400);
    expect(blank.body.errors[0].path).toBe('reason');
    const odd = await signOff(svc, 'alice', esc.evaluation_id, { decision: 'maybe', reason: 'hmm' });
    expect(odd.status).toBe(400);
    expect(odd.body.errors[0].path).toBe('decision');
  });

  it('when the agent re-asks a pending escalation reworded, with another seed and agent_id, then it gets the same escalation back, not a fresh roll', async () => {
    const body = gustyAt('SITE_STICKY');
    const first = await evaluateAs(svc, 'agent', { ...body, options: { seed: 1 }, context: { agent_id: 'coach-1' } });
    expect(first.body.decision).toBe('escalate');
    const count = async () => (await svc.container.db.query<{ n: number }>('SELECT count(*)::int AS n FROM evaluations')).rows[0].n;
    const stored = await count();
    const reworded = {
      ...body,
      action: { ...body.action, description: 'Go ahead and proceed with the crane lift now' },
      options: { seed: 99, rollouts: 64 },
      context: { agent_id: 'coach-2' },
    };
    const again = await evaluateAs(svc, 'agent', reworded);
    expect(again.status).toBe(200);
    expect(again.body.evaluation_id).toBe(first.body.evaluation_id);
    expect(again.body.repeated).toBe(true);
    expect(again.body.decision).toBe('escalate');
    expect(again.body.effective_decision).toBe('pending');
    expect(await count()).toBe(stored);
    // Once decided, the next ask is evaluated afresh.
    await signOff(svc, 'bob', first.body.evaluation_id, { decision: 'deny', reason: 'no' });
    const after = await evaluateAs(svc, 'agent', reworded);
    expect(after.body.evaluation_id).not.toBe(first.body.evaluation_id);
  });

  it('when an escalation is overdue, then reads show a timed-out deny at once, the sweeper records it, and it cannot be signed any more', async () => {
    const esc = await escalate();
    svc.clock.advance(31 * MINUTE);
    const read = await request(svc.app).get(`/v1/evaluations/${esc.evaluation_id}`).set(svc.as('agent'));
    expect(read.body.effective_decision).toBe('denied_timed_out');
    expect(read.body.review.overdue_unrecorded).toBe(true);
    expect(read.body.review.decided_at).toBe(esc.review.review_deadline);
    const swept = await svc.container.signOffs.sweeper.sweep();
    expect(swept.leased).toBe(true);
    expect(swept.recorded).toBeGreaterThanOrEqual(1);
    const recorded = await request(svc.app).get(`/v1/evaluations/${esc.evaluation_id}`).set(svc.as('agent'));
    expect(recorded.body.effective_decision).toBe('denied_timed_out');
    expect(recorded.body.review.overdue_unrecorded).toBeUndefined();
    expect(recorded.body.review.history).toEqual([expect.objectContaining({ type: 'timeout', deadline: esc.review.review_deadline })]);
    const late = await signOff(svc, 'alice', esc.evaluation_id, { decision: 'approve', reason: 'sorry, late' });
    expect(late.status).toBe(409);
    expect(late.body.effective_decision).toBe('denied_timed_out');
    // A second sweep finds nothing left to record.
    expect((await svc.container.signOffs.sweeper.sweep()).recorded).toBe(0);
  });

  it('when an approval outlives its expiry, then it is reported as expired and no longer covers the action', async () => {
    const esc = await escalate();
    const signed = await signOff(svc, 'alice', esc.evaluation_id, { decision: 'approve', reason: 'window of calm', expires_in: '10m' });
    expect(Date.parse(signed.body.review.expires_at) - Date.parse(signed.body.sign_off.at)).toBe(10 * MINUTE);
    svc.clock.advance(11 * MINUTE);
    const read = await request(svc.app).get(`/v1/evaluations/${esc.evaluation_id}?action_hash=${encodeURIComponent(esc.action_hash)}`).set(svc.as('agent'));
    expect(read.body.effective_decision).toBe('expired');
    expect(read.body.action_check).toMatchObject({ covered: false });
  });

  it('when an approval is given without expires_in, then it expires after the policy approval_ttl', async () => {
    const esc = await escalate();
    await signOff(svc, 'alice', esc.evaluation_id, { decision: 'approve', reason: 'fine', expires_in: '3h' });
    svc.clock.advance(59 * MINUTE);
    expect((await request(svc.app).get(`/v1/evaluations/${esc.evaluation_id}`).set(svc.as('agent'))).body.effective_decision).toBe('approved');
    svc.clock.advance(2 * MINUTE);
    expect((await request(svc.app).get(`/v1/evaluations/${esc.evaluation_id}`).set(svc.as('agent'))).body.effective_decision).toBe('expired');
  });

  it('when the agent presents a changed action, then the old approval does not cover it; the approved action is covered', async () => {
    const esc = await escalate();
    await signOff(svc, 'alice', esc.evaluation_id, { decision: 'approve', reason: 'ok for this lift' });
    const stored = await request(svc.app).get(`/v1/evaluations/${esc.evaluation_id}`).set(svc.as('agent'));
    const same = await request(svc.app).post(`/v1/evaluations/${esc.evaluation_id}/check`).set(svc.as('agent'))
      .send({ state: { ...stored.body.request.state, timestamp: '2026-07-15T15:00:00Z' }, action: stored.body.request.action, context: { agent_id: 'another' } });
    expect(same.status).toBe(200);
    expect(same.body).toMatchObject({ covered: true, effective_decision: 'approved', action_hash: esc.action_hash });
    const changed = await request(svc.app).post(`/v1/evaluations/${esc.evaluation_id}/check`).set(svc.as('agent'))
      .send({ state: stored.body.request.state, action: { ...stored.body.request.action, parameters: { load_tonnes: 12 } } });
    expect(changed.body.covered).toBe(false);
    expect(changed.body.action_hash).not.toBe(esc.action_hash);
    expect(changed.body.reason).toMatch(/evaluate this action anew/);
    const byQuery = await request(svc.app).get(`/v1/evaluations/${esc.evaluation_id}?action_hash=${encodeURIComponent(changed.body.action_hash)}`).set(svc.as('agent'));
    expect(byQuery.body.action_check.covered).toBe(false);
    const exact = await request(svc.app).get(`/v1/evaluations/${esc.evaluation_id}?action_hash=${encodeURIComponent(esc.action_hash)}`).set(svc.as('agent'));
    expect(exact.body.action_check.covered).toBe(true);
  });

  it('when the agent long-polls a pending escalation, then the answer comes as soon as the decision lands', async () => {
    const esc = await escalate();
    const started = Date.now();
    const poll = request(svc.app).get(`/v1/evaluations/${esc.evaluation_id}?wait=20s`).set(svc.as('agent')).then((r) => ({ r, at: Date.now() }));
    // The poll is waiting: without a decision it would take 20 s.
    await new Promise((r) => setTimeout(r, 150));
    const signedAt = Date.now();
    await signOff(svc, 'bob', esc.evaluation_id, { decision: 'deny', reason: 'not in this wind' });
    const { r, at } = await poll;
    expect(r.status).toBe(200);
    expect(r.body.effective_decision).toBe('denied');
    expect(r.body.review.feedback).toEqual(['not in this wind']);
    expect(at - signedAt).toBeLessThan(2_000);
    expect(at - started).toBeLessThan(10_000);
  });

  it('when a long poll asks for more than 60 s, then it is refused; on a decided evaluation it answers at once', async () => {
    const esc = await escalate();
    const tooLong = await request(svc.app).get(`/v1/evaluations/${esc.evaluation_id}?wait=5m`).set(svc.as('agent'));
    expect(tooLong.status).toBe(400);
    await signOff(svc, 'bob', esc.evaluation_id, { decision: 'deny', reason: 'no' });
    const started = Date.now();
    const decided = await request(svc.app).get(`/v1/evaluations/${esc.evaluation_id}?wait=30s`).set(svc.as('agent'));
    expect(decided.body.effective_decision).toBe('denied');
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('when an evaluate is retried with the same Idempotency-Key, then the first answer comes back; another body with that key is a 409', async () => {
    const body = { ...SCENARIOS.calmCraneLift.body, state: { ...SCENARIOS.calmCraneLift.body.state, site_id: 'SITE_IDEMPOTENT' } };
    const first = await evaluateAs(svc, 'agent', body, { 'Idempotency-Key': 'retry-123' });
    expect(first.status).toBe(200);
    const count = async () => (await svc.container.db.query<{ n: number }>('SELECT count(*)::int AS n FROM evaluations')).rows[0].n;
    const stored = await count();
    const retried = await evaluateAs(svc, 'agent', body, { 'Idempotency-Key': 'retry-123' });
    expect(retried.status).toBe(200);
    expect(retried.headers['idempotent-replayed']).toBe('true');
    expect(retried.body.evaluation_id).toBe(first.body.evaluation_id);
    expect(retried.body.futures).toEqual(first.body.futures);
    expect(retried.body.effective_decision).toBe(first.body.effective_decision);
    expect(await count()).toBe(stored);
    const other = await evaluateAs(svc, 'agent', { ...body, options: { seed: 5 } }, { 'Idempotency-Key': 'retry-123' });
    expect(other.status).toBe(409);
    expect(other.body.code).toBe('idempotency_key_reused');
    expect(await count()).toBe(stored);
  });

  it('when a sign-off is recorded, then the database refuses to change or delete it', async () => {
    const esc = await escalate();
    await signOff(svc, 'alice', esc.evaluation_id, { decision: 'deny', reason: 'no' });
    // Unparameterised: the embedded engine's pg adapter loses its connection on an error in an extended-protocol query.
    const id = String(esc.evaluation_id).replace(/[^0-9a-f-]/g, '');
    await expect(svc.container.db.query(`UPDATE sign_offs SET kind = 'approve' WHERE evaluation_id = '${id}'`)).rejects.toThrow(/UPDATE on sign_offs is refused/);
    await expect(svc.container.db.query(`DELETE FROM sign_offs WHERE evaluation_id = '${id}'`)).rejects.toThrow(/DELETE on sign_offs is refused/);
    await expect(svc.container.db.query('TRUNCATE sign_offs')).rejects.toThrow(/TRUNCATE on sign_offs is refused/);
    await expect(svc.container.db.query(`UPDATE escalations SET sign_offs_required = 0 WHERE evaluation_id = '${id}'`)).rejects.toThrow(/UPDATE on escalations is refused/);
    await expect(svc.container.db.query(`DELETE FROM escalations WHERE evaluation_id = '${id}'`)).rejects.toThrow(/DELETE on escalations is refused/);
    const read = await request(svc.app).get(`/v1/evaluations/${id}`).set(svc.as('agent'));
    expect(read.body.effective_decision).toBe('denied');
  });
});

describe('sign-off when the world model fails', () => {
  let svc: SignOffTestService;
  let down = true;
  beforeAll(async () => {
    const { faultyWorldModel } = await import('../support/fake-world-models.js');
    const broken = faultyWorldModel('down');
    svc = await startSignOffService('pglite', { worldModelFor: (_d, embedded) => (down ? broken : embedded) });
  });
  afterAll(async () => {
    await svc?.stop();
  });

  it('when an escalation was caused only by a fault, then asking again after recovery is evaluated afresh, not answered with it', async () => {
    const body = SCENARIOS.calmCraneLift.body;
    const failed = await evaluateAs(svc, 'agent', body);
    expect(failed.body.decision).toBe('escalate');
    expect(failed.body.reasons.map((r: { code: string }) => r.code)).toEqual(['world_model_unavailable']);
    expect(failed.body.effective_decision).toBe('pending');
    down = false;
    const retried = await evaluateAs(svc, 'agent', body);
    expect(retried.body.evaluation_id).not.toBe(failed.body.evaluation_id);
    expect(retried.body.decision).toBe('approve');
    // The failed one can still be reviewed.
    const denied = await signOff(svc, 'alice', failed.body.evaluation_id, { decision: 'deny', reason: 'model was down' });
    expect(denied.body.effective_decision).toBe('denied');
  });
});
