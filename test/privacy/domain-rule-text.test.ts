import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES, startService, type TestService } from '../support/service.js';

describe.each(ENGINES)('what an agent may read of a policy, on %s', (engine) => {
  let svc: TestService;
  beforeAll(async () => {
    svc = await startService(engine);
  });
  afterAll(async () => {
    await svc?.stop();
  });

  it('when an agent key reads a domain, then no hard rule’s or enforced hazard’s condition appears anywhere in the answer; an auditor’s answer has the policy’s', async () => {
    for (const d of svc.container.domains.values()) {
      const conditions = [...d.rules, ...d.hazardRules].map((r) => r.source.trim()).filter((s) => s.length > 0);
      expect(conditions.length, d.name).toBeGreaterThan(0);
      const agent = await request(svc.app).get(`/v1/domains/${d.name}`).set(svc.auth('agent')).expect(200);
      const seen = JSON.stringify(agent.body);
      for (const c of conditions) expect(seen.includes(JSON.stringify(c).slice(1, -1)), `${d.name}: ${c}`).toBe(false);
      // What the agent needs to act is there: the bar to clear, the rule ids, the schema.
      expect(agent.body.policy.thresholds).toEqual(d.policy.thresholds);
      expect(agent.body.policy.hard_rules.map((r: { id: string }) => r.id)).toEqual(d.policy.hard_rules.map((r) => r.id));
      expect(agent.body.schema.state.type).toBe('object');

      const auditor = await request(svc.app).get(`/v1/domains/${d.name}`).set(svc.auth('auditor')).expect(200);
      const full = JSON.stringify(auditor.body);
      for (const r of d.rules) expect(full.includes(JSON.stringify(r.source).slice(1, -1)), `${d.name}: ${r.id}`).toBe(true);
    }
  });
});
