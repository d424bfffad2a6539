import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCENARIOS } from '../support/scenarios.js';
import { ENGINES } from '../support/engines.js';
import { evaluateAs, packsWith, signOff, startSignOffService, type SignOffTestService } from './sign-off-support.js';

const gusty = SCENARIOS.gustyCraneLift.body;

describe.each(ENGINES)('a two-person policy on %s', (engine) => {
  let svc: SignOffTestService;
  let packs: ReturnType<typeof packsWith>;
  let n = 0;
  const escalate = async () => {
    const made = await evaluateAs(svc, 'agent', { ...gusty, state: { ...gusty.state, crew_status: { size: 3 + ++n, hours_on_site: 11 } } });
    expect(made.body.decision).toBe('escalate');
    return made.body as Record<string, any>;
  };

  beforeAll(async () => {
    packs = packsWith((domain, policy) => {
      if (domain === 'construction_safety') policy.override = { ...policy.override, sign_offs: 2, approval_ttl: '2h' };
    });
    svc = await startSignOffService(engine, { env: { PACKS_DIR: packs.dir } });
  });
  afterAll(async () => {
    await svc?.stop();
    packs?.remove();
  });

  it('when one supervisor approves, then it is still pending and the answer says one sign-off remains', async () => {
    const esc = await escalate();
    expect(esc.review.sign_offs_required).toBe(2);
    const first = await signOff(svc, 'alice', esc.evaluation_id, { decision: 'approve', reason: 'Wind within limits now', expires_in: '30m' });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ effective_decision: 'pending', sign_offs_remaining: 1, review: { sign_offs_received: 1, sign_offs_remaining: 1 } });
    expect(first.body.sign_off.signer.owner).toBe('alice@example.org');
  });

  it('when the same owner signs again with another key, then it is refused; a second person completes the approval', async () => {
    const esc = await escalate();
    const first = await signOff(svc, 'alice', esc.evaluation_id, { decision: 'approve', reason: 'Wind within limits now', expires_in: '30m' });
    const again = await signOff(svc, 'aliceNight', esc.evaluation_id, { decision: 'approve', reason: 'Still me, other key' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('duplicate_sign_off');
    expect(again.body.sign_offs_remaining).toBe(1);
    const second = await signOff(svc, 'bob', esc.evaluation_id, { decision: 'approve', reason: 'Agreed; tag lines fitted' });
    expect(second.body).toMatchObject({ effective_decision: 'approved', sign_offs_remaining: 0, review: { sign_offs_received: 2 } });
    // The shortest expiry wins: alice's 30 minutes, not the policy's 2 hours from bob's sign-off.
    expect(second.body.review.expires_at).toBe(first.body.sign_off.expires_at);
    const read = await request(svc.app).get(`/v1/evaluations/${esc.evaluation_id}`).set(svc.as('agent'));
    expect(read.body.effective_decision).toBe('approved');
    expect(read.body.review.history.map((h: any) => h.signer.owner)).toEqual(['alice@example.org', 'bob@example.org']);
    expect(read.body.review.feedback).toEqual(['Wind within limits now', 'Agreed; tag lines fitted']);
  });

  it('when one supervisor approves and another denies, then the deny ends it and nobody can approve after', async () => {
    const esc = await escalate();
    await signOff(svc, 'alice', esc.evaluation_id, { decision: 'approve', reason: 'fine by me' });
    const denied = await signOff(svc, 'bob', esc.evaluation_id, { decision: 'deny', reason: 'Gust chart says no' });
    expect(denied.body).toMatchObject({ effective_decision: 'denied', sign_offs_remaining: 0 });
    const late = await signOff(svc, 'carol', esc.evaluation_id, { decision: 'approve', reason: 'outvote' });
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('already_decided');
  });
});
