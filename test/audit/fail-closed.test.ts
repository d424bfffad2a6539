import request from 'supertest';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { WorldModel } from '../../src/world-model/world-model.js';
import { faultyWorldModel } from '../support/fake-world-models.js';
import { SCENARIOS } from '../support/scenarios.js';
import { ENGINES, startService, type TestService } from '../support/service.js';

const safe = SCENARIOS.calmCraneLift.body;

describe.each(ENGINES)('failing closed on %s', (engine) => {
  let svc: TestService;
  let current: WorldModel | undefined;
  beforeAll(async () => {
    svc = await startService(engine, { worldModelFor: (_d, embedded) => current ?? embedded });
  });
  afterEach(() => {
    current = undefined;
    svc.container.domains.get('construction_safety')!.policy.world_model.fallback = 'none';
  });
  afterAll(async () => {
    await svc?.stop();
  });

  async function evaluateSafe(options: Record<string, unknown> = {}) {
    const before = await svc.countEvaluations();
    const started = performance.now();
    const res = await request(svc.app).post('/v1/evaluate').set(svc.auth('agent')).send({ ...safe, options });
    const elapsed = performance.now() - started;
    return { res, elapsed, stored: (await svc.countEvaluations()) - before };
  }

  it('when the world model is down, then a safe action escalates with world_model_unavailable and the evaluation is stored', async () => {
    current = faultyWorldModel('down');
    const { res, stored } = await evaluateSafe();
    expect(res.status).toBe(200);
    expect(res.body.decision).toBe('escalate');
    expect(res.body.reasons.map((r: { code: string }) => r.code)).toEqual(['world_model_unavailable']);
    expect(stored).toBe(1);
    const read = await request(svc.app).get(`/v1/evaluations/${res.body.evaluation_id}`).set(svc.auth('auditor'));
    expect(read.body.decision).toBe('escalate');
  });

  it('when the world model hangs, then the answer is escalate with deadline_exceeded, within the deadline plus the durable write', async () => {
    current = faultyWorldModel('hang');
    // Only the request is timed: the test's own counting queries are not the service's answer time.
    const { res, elapsed, stored } = await evaluateSafe({ deadline_ms: 300 });
    expect(res.body.decision).toBe('escalate');
    expect(res.body.reasons.map((r: { code: string }) => r.code)).toEqual(['deadline_exceeded']);
    expect(elapsed).toBeLessThan(300 + 200); // the deadline, then one durable commit of the record (generous: CI runs files in parallel)
    expect(stored).toBe(1);
  });

  it('when the world model returns futures outside the taxonomy, then it escalates with insufficient_valid_rollouts', async () => {
    current = faultyWorldModel('garbage');
    const { res, stored } = await evaluateSafe();
    expect(res.body.decision).toBe('escalate');
    expect(res.body.reasons.map((r: { code: string }) => r.code)).toEqual(['insufficient_valid_rollouts']);
    expect(res.body.risk.valid_rollouts).toBe(0);
    expect(stored).toBe(1);
  });

  it('when the policy names the embedded model as fallback, then a failure answers from it with degraded: true', async () => {
    current = faultyWorldModel('down');
    svc.container.domains.get('construction_safety')!.policy.world_model.fallback = 'embedded';
    const { res } = await evaluateSafe({ seed: 3 });
    expect(res.body.decision).toBe('approve');
    expect(res.body.world_model).toMatchObject({ backend: 'embedded', degraded: true });
  });

  it('when a caller asks for fewer rollouts than an approval needs, then the count the rule needs is run anyway', async () => {
    current = faultyWorldModel('approve-all');
    const { res } = await evaluateSafe({ rollouts: 1 });
    const domain = svc.container.domains.get('construction_safety')!;
    expect(domain.rolloutsToApprove).toBeGreaterThan(domain.policy.rollouts.min);
    expect(res.body.risk.rollouts).toBe(domain.rolloutsToApprove);
    expect(res.body.risk).toMatchObject({ basis: 'sampled_futures', decision_rule: 'upper_bound' });
    expect(res.body.decision).toBe('approve');
  });

  it('when the audit store cannot write, then the answer is 503 with decision escalate, never an approval', async () => {
    const before = await svc.countEvaluations();
    await svc.container.db.query('ALTER TABLE evaluations RENAME TO evaluations_away');
    try {
      const res = await request(svc.app).post('/v1/evaluate').set(svc.auth('agent')).send({ ...safe, options: { seed: 3 } });
      expect(res.status).toBe(503);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({ code: 'audit_unavailable', decision: 'escalate' });
    } finally {
      await svc.container.db.query('ALTER TABLE evaluations_away RENAME TO evaluations');
    }
    // Nothing of it was stored.
    expect(await svc.countEvaluations()).toBe(before);
  });
});

describe('an unexpected fault inside an evaluation', () => {
  it('when the world model returns something malformed, then the evaluation escalates as world_model_unavailable', async () => {
    const svc = await startService('pglite', {
      worldModelFor: () => ({ backend: 'broken', version: '0', simulate: async () => ({ futures: null as never, invalid: 0 }), health: () => ({ ready: true }), close: async () => {} }),
    });
    try {
      const res = await request(svc.app).post('/v1/evaluate').set(svc.auth('agent')).send(safe);
      expect(res.status).toBe(200);
      expect(res.body.decision).toBe('escalate');
      expect(res.body.reasons.map((r: { code: string }) => r.code)).toEqual(['world_model_unavailable']);
    } finally {
      await svc.stop();
    }
  });

  it('when a bug throws after simulation, then the 500 problem still carries decision escalate', async () => {
    const svc = await startService('pglite', { worldModelFor: () => faultyWorldModel('approve-all') });
    const module = svc.container.domains.get('construction_safety')!.module;
    const featurize = module.featurize;
    module.featurize = () => {
      throw new Error('bug');
    };
    try {
      const res = await request(svc.app).post('/v1/evaluate').set(svc.auth('agent')).send(safe);
      expect(res.status).toBe(500);
      expect(res.body).toMatchObject({ code: 'internal', decision: 'escalate' });
      expect(res.body.detail).toBeUndefined();
    } finally {
      module.featurize = featurize;
      await svc.stop();
    }
  });
});
