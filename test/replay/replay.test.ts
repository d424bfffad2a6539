import crypto from 'node:crypto';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Container } from '../../src/container.js';
import type { Role } from '../../src/keys/key-store.js';
import { SCENARIOS } from '../support/scenarios.js';
import { ENGINES } from '../support/engines.js';
import { behindTheServicesBack, sealUntilSettled } from '../audit/audit-helpers.js';
import { LOWERED_SITE_THRESHOLD, newPlace, openService, packsWithPolicyText, removePlace, replaceOnce, tokensOf, type Place } from './replay-support.js';

/** Rows of every table a real evaluate could write to: a replay must add to none of them. */
const SIDE_EFFECT_TABLES = ['evaluations', 'escalations', 'sign_offs', 'idempotency_keys', 'webhook_deliveries'];

async function counts(c: Container, tables: string[]): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of tables) out[t] = (await c.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${t}`)).rows[0].n;
  return out;
}

describe.each(ENGINES)('replay on %s', (engine) => {
  let place: Place;
  let svc: Container;
  let tokens: Record<Role, string>;
  const ids: Record<'calm' | 'pour' | 'reset', string> = { calm: '', pour: '', reset: '' };
  const as = (role: Role) => ({ Authorization: `Bearer ${tokens[role]}` });
  const replay = (id: string, role: Role = 'auditor') => request(svc.app).post(`/v1/evaluations/${id}/replay`).set(as(role));

  beforeAll(async () => {
    place = newPlace(engine);
    svc = await openService(place);
    tokens = tokensOf(svc);
    const ask = async (body: object) => {
      const r = await request(svc.app).post('/v1/evaluate').set(as('agent')).send({ ...body, options: { seed: 11 } });
      expect(r.status).toBe(200);
      return r.body as { evaluation_id: string; decision: string };
    };
    const calm = await ask(SCENARIOS.calmCraneLift.body);
    const pour = await ask(SCENARIOS.hotPourWithoutBriefing.body);
    const reset = await ask(SCENARIOS.selfServicePasswordReset.body);
    expect([calm.decision, pour.decision, reset.decision]).toEqual(['approve', 'escalate', 'approve']);
    Object.assign(ids, { calm: calm.evaluation_id, pour: pour.evaluation_id, reset: reset.evaluation_id });
  });
  afterAll(async () => {
    await svc?.stop();
    await removePlace(place);
  });

  it('when an unchanged evaluation is replayed, then the decision, rates, reasons and futures are the same, and only the replay is recorded', async () => {
    const before = await counts(svc, SIDE_EFFECT_TABLES);
    for (const id of [ids.calm, ids.pour]) {
      const res = await replay(id);
      expect(res.status).toBe(200);
      const d = res.body;
      expect(d.evaluation_id).toBe(id);
      expect(d.changed).toBe(false);
      expect(d.decision.changed).toBe(false);
      for (const rate of ['incident_rate', 'adverse_rate'] as const) {
        expect(d.rates[rate].delta).toBe(0);
        expect(d.rates[rate].then).toBe(d.rates[rate].now);
        expect(d.rates[`${rate}_ci`].delta).toEqual([0, 0]);
      }
      expect(d.reasons.fired_now_not_then).toEqual([]);
      expect(d.reasons.fired_then_not_now).toEqual([]);
      expect(d.futures).toMatchObject({ diverged: false, first_divergence: null });
      expect(d.futures.now).toBe(d.futures.then);
      expect(d.policy).toMatchObject({ changed: false, text_diff: null, text_then_stored: true });
      expect(d.world_model.changed).toBe(false);
      expect(d.options.seed).toBe(11);
      expect(d.replayed_by).toMatchObject({ role: 'auditor', owner: 'bootstrap' });
    }
    // The escalation keeps its reasons on replay, and it is still one pending review: nothing was re-opened.
    const pour = (await replay(ids.pour)).body;
    expect(pour.reasons.unchanged.length).toBeGreaterThan(0);
    expect(await counts(svc, SIDE_EFFECT_TABLES)).toEqual(before);
    const review = await request(svc.app).get(`/v1/evaluations/${ids.pour}`).set(as('auditor'));
    expect(review.body.effective_decision).toBe('pending');
    const history = await svc.replays.history(ids.pour);
    expect(history).toHaveLength(2);
    expect(history[0]).toMatchObject({ evaluationId: ids.pour, actor: { role: 'auditor', owner: 'bootstrap' }, decisionThen: 'escalate', decisionNow: 'escalate', summary: { changed: false } });
  });

  it('when the audit trail is sealed after replays, then it verifies, replays and policy texts included', async () => {
    // On a shared server one seal may stop short (another test's transaction in flight): seal until settled.
    await sealUntilSettled(svc.audit.sealer, svc.audit.ledger);
    const verified = await request(svc.app).get('/v1/audit/verify').set(as('auditor'));
    expect(verified.status).toBe(200);
    expect(verified.body.status).toBe('ok');
    const { rows } = await svc.db.query<{ name: string }>('SELECT name FROM audit_sealed_tables ORDER BY name');
    expect(rows.map((r) => r.name)).toContain('replays');
    const texts = await svc.db.query<{ domain: string; version: string; text: string }>('SELECT domain, version, text FROM policy_versions');
    expect(texts.rows.map((r) => r.domain).sort()).toEqual([...svc.domains.keys()].sort());
    for (const r of texts.rows) expect(`sha256:${crypto.createHash('sha256').update(r.text).digest('hex')}`).toBe(r.version);
    // Who replayed is part of the record: changing it behind the service's back breaks verify, naming the row.
    const [first] = await svc.replays.history(ids.calm);
    await behindTheServicesBack(svc.db, (tx) => tx.query("UPDATE replays SET replayed_by_owner = 'someone-else' WHERE id = $1", [first.id]));
    const broken = (await request(svc.app).get('/v1/audit/verify').set(as('auditor'))).body;
    expect(broken.status).toBe('broken');
    expect(broken.first_problem.message).toContain(`replays row ${first.id}`);
    await behindTheServicesBack(svc.db, (tx) => tx.query("UPDATE replays SET replayed_by_owner = 'bootstrap' WHERE id = $1", [first.id]));
    expect((await request(svc.app).get('/v1/audit/verify').set(as('auditor'))).body.status).toBe('ok');
  });

  it('when a replay is asked twice, then each is a row of its own: replays are appended, and the database refuses to change them', async () => {
    const before = (await svc.replays.history(ids.reset)).length;
    await replay(ids.reset).expect(200);
    await replay(ids.reset).expect(200);
    const after = await svc.replays.history(ids.reset);
    expect(after).toHaveLength(before + 2);
    await expect(svc.db.query("UPDATE replays SET replayed_by_owner = 'someone-else' WHERE id = $1", [after[0].id])).rejects.toThrow();
    await expect(svc.db.query('DELETE FROM policy_versions')).rejects.toThrow();
    expect((await svc.replays.history(ids.reset))[0].actor.owner).toBe('bootstrap');
    expect((await svc.db.query<{ n: number }>('SELECT count(*)::int AS n FROM policy_versions')).rows[0].n).toBe(svc.domains.size);
  });

  it.each(['agent', 'supervisor', 'operator', 'admin'] as const)('when a %s key asks for a replay, then it is refused and nothing is recorded', async (role) => {
    const before = await counts(svc, ['replays']);
    const res = await replay(ids.calm, role);
    expect(res.status).toBe(403);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.code).toBe('forbidden');
    expect(await counts(svc, ['replays'])).toEqual(before);
  });

  it('when no key is sent, then the replay is 401', async () => {
    const res = await request(svc.app).post(`/v1/evaluations/${ids.calm}/replay`);
    expect(res.status).toBe(401);
  });

  it('when the evaluation does not exist, then the replay is 404 and nothing is recorded', async () => {
    const before = await counts(svc, ['replays']);
    for (const id of [crypto.randomUUID(), 'not-an-id']) {
      const res = await replay(id);
      expect(res.status).toBe(404);
      expect(res.body.code).toBe('not_found');
    }
    expect(await counts(svc, ['replays'])).toEqual(before);
  });

  it("when the evaluation's personal data was erased, then it cannot be replayed (409): the input it was judged on is gone", async () => {
    const asked = await request(svc.app).post('/v1/evaluate').set(as('agent')).send({ ...SCENARIOS.sprainedAnkleHomeCare.body, options: { seed: 3 } });
    expect(asked.status).toBe(200);
    const id = asked.body.evaluation_id as string;
    expect((await replay(id)).body.changed).toBe(false);
    const erased = await request(svc.app).post(`/v1/evaluations/${id}/erase`).set(as('auditor')).send({ reason: 'data subject request' });
    expect(erased.status).toBe(200);
    const before = await counts(svc, ['replays']);
    const res = await replay(id);
    expect(res.status).toBe(409);
    expect(res.body.detail).toMatch(/personal data of its input was erased/);
    expect(await counts(svc, ['replays'])).toEqual(before);
  });

  it('when the body asks for anything, then it is a 400: a replay has nothing to choose', async () => {
    const res = await request(svc.app).post(`/v1/evaluations/${ids.calm}/replay`).set(as('auditor')).send({ policy: 'other' });
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('validation_failed');
    expect((await request(svc.app).post(`/v1/evaluations/${ids.calm}/replay`).set(as('auditor')).send({})).status).toBe(200);
  });

  describe('after the policies change', () => {
    let packs: ReturnType<typeof packsWithPolicyText>;
    beforeAll(async () => {
      // The same database, restarted with the site threshold lowered and a shorter helpdesk horizon.
      const first = svc;
      svc = undefined as unknown as Container;
      await first.stop();
      packs = packsWithPolicyText((domain, text) => {
        if (domain === 'construction_safety') return replaceOnce(text, LOWERED_SITE_THRESHOLD.from, LOWERED_SITE_THRESHOLD.to);
        if (domain === 'helpdesk') return replaceOnce(text, '\nhorizon: 5\n', '\nhorizon: 3\n');
        return text;
      });
      svc = await openService(place, packs.dir);
    });
    afterAll(() => packs?.remove());

    it('when the threshold an approval passed is lowered, then the replay shows approve → escalate, the new reason, the thresholds and the policy diff', async () => {
      const before = await counts(svc, SIDE_EFFECT_TABLES);
      const res = await replay(ids.calm);
      expect(res.status).toBe(200);
      const d = res.body;
      expect(d.changed).toBe(true);
      expect(d.decision).toEqual({ then: 'approve', now: 'escalate', changed: true });
      expect(d.reasons.fired_now_not_then).toEqual([expect.objectContaining({ code: 'incident_rate_above_threshold', kind: 'rate' })]);
      expect(d.reasons.fired_then_not_now).toEqual([]);
      expect(d.thresholds).toEqual({ then: { incident_rate: 0.3 }, now: { incident_rate: 0.05 }, changed: true });
      // The same seed, input and model: the rates and the futures are what they were; only the bar moved.
      expect(d.rates.incident_rate.delta).toBe(0);
      expect(d.rates.incident_rate.now).toBeGreaterThan(0.05);
      expect(d.futures.diverged).toBe(false);
      expect(d.world_model.changed).toBe(false);
      expect(d.policy.changed).toBe(true);
      expect(d.policy.then).not.toBe(d.policy.now);
      expect(d.policy.text_diff).toMatchObject({ removed: 1, added: 1, truncated: false });
      expect(d.policy.text_diff.lines).toEqual(expect.arrayContaining(['-   incident_rate: 0.3', '+   incident_rate: 0.05']));
      expect(await counts(svc, SIDE_EFFECT_TABLES)).toEqual(before);
      const latest = (await svc.replays.history(ids.calm)).at(-1);
      expect(latest).toMatchObject({ decisionThen: 'approve', decisionNow: 'escalate', policyVersionThen: d.policy.then, policyVersionNow: d.policy.now, summary: { decision_changed: true } });
    });

    it('when the horizon is shortened, then the replay names the first future and step where the futures diverge', async () => {
      const d = (await replay(ids.reset)).body;
      expect(d.options.horizon).toBe(3);
      expect(d.futures.diverged).toBe(true);
      const first = d.futures.first_divergence;
      expect(first.future).toBe(0);
      expect(first.step).toBeLessThan(3);
      expect(['step', 'step_missing_now']).toContain(first.what);
      expect(d.policy.text_diff.lines).toEqual(expect.arrayContaining(['- horizon: 5', '+ horizon: 3']));
    });

    it('when a stored policy text was changed behind the service’s back, then it is not shown as that version: the diff has no text', async () => {
      const { policy } = (await replay(ids.calm)).body;
      await behindTheServicesBack(svc.db, (tx) => tx.query("UPDATE policy_versions SET text = text || '# edited' WHERE version = $1", [policy.then]));
      const d = (await replay(ids.calm)).body;
      expect(d.policy).toMatchObject({ then: policy.then, changed: true, text_then_stored: false, text_diff: null });
      expect(d.decision.changed).toBe(true);
    });

    it('when a domain whose policy did not change is replayed on the restarted service, then nothing differs', async () => {
      const ask = await request(svc.app).post('/v1/evaluate').set(as('agent')).send({ ...SCENARIOS.sprainedAnkleHomeCare.body, options: { seed: 5 } });
      const d = (await replay(ask.body.evaluation_id)).body;
      expect(d.changed).toBe(false);
      expect(d.policy.changed).toBe(false);
    });
  });
});
