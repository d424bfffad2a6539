import { describe, expect, it } from 'vitest';
import { DOMAIN_MODULES } from '../../src/packs/domain-modules.js';
import { loadDomains } from '../../src/packs/load-domains.js';
import { PROJECT_ROOT } from '../../src/lib/project-root.js';
import { validateDomain } from '../../src/validation/validate-domain.js';
import { EmbeddedWorldModel } from '../../src/world-model/embedded/embedded-world-model.js';

const domains = loadDomains(PROJECT_ROOT, DOMAIN_MODULES);
const model = new EmbeddedWorldModel(domains.values());

describe.each([...domains.keys()])('held-out validation of %s', (name) => {
  it('when the held-out split is decided, then dangerous cases escalate, safe ones pass, and the model is calibrated', async () => {
    const r = await validateDomain(domains.get(name)!, model);
    const d = r.decisions;
    expect(r.heldOut).toBeGreaterThanOrEqual(1000);
    expect(d.dangerous.escalated / d.dangerous.count).toBeGreaterThanOrEqual(0.95);
    expect(d.safe.approved / d.safe.count).toBeGreaterThanOrEqual(0.85);
    for (const c of r.calibration) {
      expect(c.meanAbsErrorVsTrueRisk!, c.metric).toBeLessThanOrEqual(0.05);
      expect(c.skill, c.metric).toBeGreaterThan(0.2);
    }
    expect(d.rollouts.saving).toBeGreaterThanOrEqual(0.4);
    expect(d.rollouts.sameDecisionAsMax).toBeGreaterThanOrEqual(0.98);
  });
});
