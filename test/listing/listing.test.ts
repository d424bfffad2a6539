import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EFFECTIVE_DECISIONS } from '../../src/signoff/review.js';
import type { CreatedKey } from '../../src/keys/key-store.js';
import { ENGINES } from '../support/engines.js';
import { SCENARIOS } from '../support/scenarios.js';
import { evaluateAs, MINUTE, signOff, startSignOffService, type SignOffTestService } from '../signoff/sign-off-support.js';
import { calmLift, gustyLift } from './listing-support.js';

type Item = Record<string, any>;

describe.each(ENGINES)('finding evaluations on %s', (engine) => {
  let svc: SignOffTestService;
  let otherAgent: CreatedKey;
  /** The evaluation ids by the effective decision each was brought to. */
  const byState = {} as Record<(typeof EFFECTIVE_DECISIONS)[number], string[]>;
  const ids: Record<string, string> = {};
  let startedAt: Date;

  const list = async (query: string, who: Parameters<SignOffTestService['as']>[0] = 'auditor') => {
    const res = await request(svc.app).get(`/v1/evaluations${query ? `?${query}` : ''}`).set(svc.as(who));
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as { items: Item[]; next_cursor: string | null };
  };
  /** Every page, following the cursors. */
  const listAll = async (query: string, who: Parameters<SignOffTestService['as']>[0] = 'auditor', limit = 3) => {
    const items: Item[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await list(`${query}${query ? '&' : ''}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, who);
      items.push(...page.items);
      cursor = page.next_cursor;
      pages++;
    } while (cursor && pages < 200);
    return items;
  };
  const evaluate = async (body: object, who: Parameters<SignOffTestService['as']>[0] = 'agent', token?: string) => {
    const res = token ? await request(svc.app).post('/v1/evaluate').set('Authorization', `Bearer ${token}`).send(body) : await evaluateAs(svc, who, body);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as Item;
  };

  beforeAll(async () => {
    svc = await startSignOffService(engine);
    otherAgent = await svc.container.keys.create({ name: 'other-bot', role: 'agent', owner: 'other-team' });
    for (const s of EFFECTIVE_DECISIONS) byState[s] = [];
    startedAt = svc.clock.now();

    // Timed out: escalated, then the clock passes its review deadline (30 minutes) with nobody deciding.
    const timedOut = await evaluate(gustyLift(1, 'coach-a'));
    expect(timedOut.decision).toBe('escalate');
    byState.denied_timed_out.push(timedOut.evaluation_id);
    svc.clock.advance(31 * MINUTE);

    const approved = await evaluate(calmLift(1, 'coach-a'));
    expect(approved.decision).toBe('approve');
    byState.approved.push(approved.evaluation_id);
    ids.modelApproved = approved.evaluation_id;

    const signed = await evaluate(gustyLift(2, 'coach-b'));
    expect((await signOff(svc, 'alice', signed.evaluation_id, { decision: 'approve', reason: 'gusts have dropped' })).status).toBe(200);
    byState.approved.push(signed.evaluation_id);
    ids.signedApproved = signed.evaluation_id;

    const denied = await evaluate(gustyLift(3, 'coach-b'));
    expect((await signOff(svc, 'bob', denied.evaluation_id, { decision: 'deny', reason: 'too windy' })).status).toBe(200);
    byState.denied.push(denied.evaluation_id);

    const changes = await evaluate(gustyLift(4, 'coach-b'));
    expect((await signOff(svc, 'carol', changes.evaluation_id, { decision: 'request_changes', reason: 'add tag lines' })).status).toBe(200);
    byState.changes_requested.push(changes.evaluation_id);

    const revoked = await evaluate(calmLift(2, 'coach-a'));
    expect((await request(svc.app).post(`/v1/evaluations/${revoked.evaluation_id}/revoke-approval`).set(svc.as('auditor')).send({ reason: 'wrong site' })).status).toBe(200);
    byState.revoked.push(revoked.evaluation_id);

    const expiring = await evaluate(gustyLift(5, 'coach-a'));
    expect((await signOff(svc, 'alice', expiring.evaluation_id, { decision: 'approve', reason: 'for one minute', expires_in: '1m' })).status).toBe(200);
    byState.expired.push(expiring.evaluation_id);

    const pending = await evaluate(gustyLift(6, 'coach-a'));
    byState.pending.push(pending.evaluation_id);
    const triage = await evaluate(SCENARIOS.atypicalMiSentHome.body);
    expect(triage.decision).toBe('escalate');
    byState.pending.push(triage.evaluation_id);
    ids.triage = triage.evaluation_id;

    const theirs = await evaluate(calmLift(3, 'coach-c'), 'agent', otherAgent.token);
    byState.approved.push(theirs.evaluation_id);
    ids.otherAgents = theirs.evaluation_id;

    // What really happened, for `has_outcome`.
    const reported = await request(svc.app)
      .post(`/v1/evaluations/${ids.modelApproved}/outcome`)
      .set(svc.as('agent'))
      .send({ outcome: 'no_incident', occurred_at: svc.clock.now().toISOString() });
    expect(reported.status, JSON.stringify(reported.body)).toBeLessThan(300);
    // The one-minute approval runs out; the pending ones are still within their 30 minutes.
    svc.clock.advance(2 * MINUTE);
  });
  afterAll(async () => {
    await svc?.stop();
  });

  it('when filtered by each effective decision, then exactly the evaluations in that state are listed, as GET /v1/evaluations/:id reads them', async () => {
    for (const state of EFFECTIVE_DECISIONS) {
      const items = await listAll(`effective_decision=${state}`);
      expect(items.map((i) => i.id).sort(), state).toEqual([...byState[state]].sort());
      for (const item of items) {
        expect(item.effective_decision).toBe(state);
        const one = await request(svc.app).get(`/v1/evaluations/${item.id}`).set(svc.as('auditor'));
        expect(one.body.effective_decision, `${state}: ${item.id}`).toBe(state);
      }
    }
  });

  it('when no filter is given, then every evaluation is listed once, newest first, as a summary rather than the whole input', async () => {
    const all = await listAll('');
    const expected = Object.values(byState).flat();
    expect(all.map((i) => i.id).sort()).toEqual([...expected].sort());
    const times = all.map((i) => Date.parse(i.created_at));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    const calm = all.find((i) => i.id === ids.modelApproved)!;
    expect(calm).toMatchObject({
      domain: 'construction_safety',
      decision: 'approve',
      review_state: 'not_required',
      agent_id: 'coach-a',
      api_key_id: svc.people.agent.id,
      policy_version: svc.container.domains.get('construction_safety')!.policyVersion,
      headline: 'Crane lift of roof truss',
      action: 'crane_lift: Proceed with crane lift',
      has_sign_off: false,
      has_outcome: true,
      href: `/v1/evaluations/${ids.modelApproved}`,
    });
    expect(typeof calm.incident_rate).toBe('number');
    expect(Object.keys(calm)).not.toContain('request');
    expect(Object.keys(calm)).not.toContain('futures');
  });

  it('when filtered by domain, decision, review state, agent, key, policy version, sign-off, outcome or time, then only what matches is listed', async () => {
    const idsOf = async (q: string) => (await listAll(q)).map((i) => i.id).sort();
    const all = Object.values(byState).flat();
    expect(await idsOf('domain=triage')).toEqual([ids.triage]);
    expect(await idsOf('decision=approve')).toEqual([...byState.approved.filter((id) => id !== ids.signedApproved), ...byState.revoked].sort());
    expect(await idsOf('review_state=not_required')).toEqual(await idsOf('decision=approve'));
    expect(await idsOf('review_state=open')).toEqual([...byState.pending].sort());
    expect(await idsOf('review_state=closed')).toEqual(
      [...byState.denied_timed_out, ids.signedApproved, ...byState.denied, ...byState.changes_requested, ...byState.expired].sort(),
    );
    expect(await idsOf('agent=coach-b')).toHaveLength(3);
    expect(await idsOf(`api_key_id=${otherAgent.id}`)).toEqual([ids.otherAgents]);
    const triagePolicy = svc.container.domains.get('triage')!.policyVersion;
    expect(await idsOf(`policy_version=${encodeURIComponent(triagePolicy)}`)).toEqual([ids.triage]);
    expect(await idsOf('has_sign_off=true')).toEqual([ids.signedApproved, ...byState.denied, ...byState.changes_requested, ...byState.expired].sort());
    expect((await idsOf('has_sign_off=false')).length).toBe(all.length - 4);
    expect(await idsOf('has_outcome=true')).toEqual([ids.modelApproved]);
    // The first evaluation was made before the clock moved 31 minutes; the rest after.
    const cut = new Date(startedAt.getTime() + 15 * MINUTE).toISOString();
    expect(await idsOf(`until=${encodeURIComponent(cut)}`)).toEqual(byState.denied_timed_out);
    expect((await idsOf(`since=${encodeURIComponent(cut)}`)).length).toBe(all.length - 1);
    expect(await idsOf(`since=${encodeURIComponent(cut)}&decision=escalate&agent=coach-a`)).toEqual([...byState.expired, byState.pending[0]].sort());
  });

  it('when paged with a small limit, then the pages put together are the whole list, without duplicates, and the last page has no cursor', async () => {
    const whole = (await list('limit=500')).items.map((i) => i.id);
    const paged = (await listAll('', 'auditor', 2)).map((i) => i.id);
    expect(paged).toEqual(whole);
    expect(new Set(paged).size).toBe(paged.length);
    const first = await list('limit=2');
    expect(first.items).toHaveLength(2);
    expect(first.next_cursor).toEqual(expect.any(String));
    expect((await list(`limit=${whole.length}`)).next_cursor).toBeNull();
  });

  it('when a cursor is used with other filters, or the query is malformed, then the answer is a 400 problem naming the parameter', async () => {
    const { next_cursor } = await list('limit=1');
    const bad = async (q: string, path: string) => {
      const res = await request(svc.app).get(`/v1/evaluations?${q}`).set(svc.as('auditor'));
      expect(res.status, q).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body.code).toBe('validation_failed');
      expect(res.body.errors.map((e: { path: string }) => e.path), q).toContain(path);
    };
    await bad(`limit=1&domain=triage&cursor=${encodeURIComponent(next_cursor!)}`, 'cursor');
    await bad('cursor=not-a-cursor', 'cursor');
    await bad('limit=0', 'limit');
    await bad('limit=501', 'limit');
    await bad('limit=ten', 'limit');
    await bad('decision=maybe', 'decision');
    await bad('effective_decision=none', 'effective_decision');
    await bad('review_state=half', 'review_state');
    await bad('since=yesterday', 'since');
    await bad('since=2026-02-01&until=2026-01-01', 'since');
    await bad('has_outcome=yes', 'has_outcome');
    await bad('domain=a&domain=b', 'domain');
    await bad('colour=red', '(query)');
  });

  it('when an agent lists, then it sees only the evaluations of its own key, whatever it asks for', async () => {
    const mine = await listAll('', 'agent');
    expect(mine.length).toBe(Object.values(byState).flat().length - 1);
    expect(mine.every((i) => i.api_key_id === svc.people.agent.id)).toBe(true);
    expect(await listAll(`api_key_id=${otherAgent.id}`, 'agent')).toEqual([]);
    const theirs = (await request(svc.app).get('/v1/evaluations?limit=50').set('Authorization', `Bearer ${otherAgent.token}`)).body.items as Item[];
    expect(theirs.map((i) => i.id)).toEqual([ids.otherAgents]);
  });

  it('when a supervisor scoped to a domain lists, then only that domain is listed, and its personal headline is masked; the auditor sees it', async () => {
    const scoped = await listAll('', 'triageOnly');
    expect(scoped.map((i) => i.id)).toEqual([ids.triage]);
    expect(scoped[0].headline).toBe('[personal]');
    expect(await listAll('domain=construction_safety', 'triageOnly')).toEqual([]);
    const unscoped = await listAll('', 'alice');
    expect(unscoped.length).toBe(Object.values(byState).flat().length);
    const [audited] = await listAll('domain=triage', 'auditor');
    expect(audited.headline).toBe(SCENARIOS.atypicalMiSentHome.body.state.chief_complaint);
  });
});
