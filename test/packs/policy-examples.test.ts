import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOMAIN_MODULES } from '../../src/packs/domain-modules.js';
import { loadDomains } from '../../src/packs/load-domains.js';
import { PROJECT_ROOT } from '../../src/lib/project-root.js';
import { startService, type TestService } from '../support/service.js';

// Every policy file carries its own examples (input → expected); this suite runs them all through the service.
const domains = loadDomains(PROJECT_ROOT, DOMAIN_MODULES);
const examples = [...domains.values()].flatMap((d) => d.policy.examples.map((ex) => [d.name, ex.name, ex] as const));

describe('policy examples', () => {
  let svc: TestService;
  beforeAll(async () => {
    svc = await startService('pglite');
  });
  afterAll(async () => {
    await svc?.stop();
  });

  it('when the policies are loaded, then each domain has at least eight examples, both decisions among them', () => {
    for (const d of domains.values()) {
      expect(d.policy.examples.length, d.name).toBeGreaterThanOrEqual(8);
      expect(new Set(d.policy.examples.map((e) => e.expect.decision)), d.name).toEqual(new Set(['approve', 'escalate']));
    }
  });

  it.each(examples)('%s: when "%s" is evaluated, then the policy’s expectation holds', async (domain, _name, ex) => {
    for (const seed of [1, 2, 3]) {
      const res = await request(svc.app).post('/v1/evaluate').set(svc.auth('agent')).send({ domain, ...ex.input, options: { seed } });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      const codes: string[] = res.body.reasons.map((r: { code: string }) => r.code);
      expect(res.body.decision, `seed ${seed}: ${res.body.explanation}`).toBe(ex.expect.decision);
      for (const code of ex.expect.reasons) expect(codes).toContain(code);
      if (ex.expect.decision === 'approve') expect(codes).toEqual([]);
    }
  });
});
