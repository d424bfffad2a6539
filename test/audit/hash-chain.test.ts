import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluationDigest } from '../../src/audit/pg-evaluation-store.js';
import { SCENARIOS } from '../support/scenarios.js';
import { ENGINES, startService, type TestService } from '../support/service.js';

describe.each(ENGINES)('the evaluation log on %s', (engine) => {
  let svc: TestService;
  beforeAll(async () => {
    svc = await startService(engine);
  });
  afterAll(async () => {
    await svc?.stop();
  });

  it('when evaluations are stored, then each row links to the previous one and its hash recomputes from what was stored', async () => {
    const ids: string[] = [];
    for (const s of [SCENARIOS.gustyCraneLift, SCENARIOS.atypicalMiSentHome, SCENARIOS.selfServicePasswordReset]) {
      const res = await request(svc.app).post('/v1/evaluate').set(svc.auth('agent')).send(s.body);
      ids.push(res.body.evaluation_id);
    }
    const stored = await Promise.all(ids.map((id) => svc.container.evaluations.get(id)));
    for (let i = 0; i < stored.length; i++) {
      const e = stored[i]!;
      expect(evaluationDigest(e, e.prevHash)).toBe(e.hash);
      if (i > 0) expect(e.prevHash).toBe(stored[i - 1]!.hash);
    }
  });

  it('when a stored decision is altered afterwards, then its hash no longer matches', async () => {
    const res = await request(svc.app).post('/v1/evaluate').set(svc.auth('agent')).send(SCENARIOS.publicBucketPolicy.body);
    await svc.container.db.query("UPDATE evaluations SET decision = 'approve' WHERE id = $1", [res.body.evaluation_id]);
    const e = (await svc.container.evaluations.get(res.body.evaluation_id))!;
    expect(e.decision).toBe('approve');
    expect(evaluationDigest(e, e.prevHash)).not.toBe(e.hash);
  });
});
