import { DOMAIN_MODULES } from '../src/packs/domain-modules.js';
import { loadDomains } from '../src/packs/load-domains.js';
import { PROJECT_ROOT } from '../src/lib/project-root.js';
import { validateDomain } from '../src/validation/validate-domain.js';
import { EmbeddedWorldModel } from '../src/world-model/embedded/embedded-world-model.js';
import { fmt } from './support.js';

/** Rollouts used by adaptive sampling against always running the maximum, on the mixed held-out workload. */
export async function benchAdaptive(): Promise<string[]> {
  const domains = loadDomains(PROJECT_ROOT, DOMAIN_MODULES);
  const model = new EmbeddedWorldModel(domains.values());
  let used = 0;
  let max = 0;
  let same = 0;
  let n = 0;
  const lines: string[] = [];
  for (const d of domains.values()) {
    const r = await validateDomain(d, model);
    used += r.decisions.rollouts.adaptiveMean * r.heldOut;
    max += r.decisions.rollouts.max * r.heldOut;
    same += r.decisions.rollouts.sameDecisionAsMax * r.heldOut;
    n += r.heldOut;
    lines.push(`  ${d.name}: ${fmt(r.decisions.rollouts.adaptiveMean, 1)} of ${r.decisions.rollouts.max} rollouts on average; same decision as at the maximum on ${fmt(r.decisions.rollouts.sameDecisionAsMax * 100, 1)}%`);
  }
  return [
    `adaptive sampling on the mixed held-out workload (${n} cases, 3 domains):`,
    ...lines,
    `  overall: ${fmt((1 - used / max) * 100, 1)}% fewer rollouts than always running the maximum; same decision on ${fmt((same / n) * 100, 1)}%`,
  ];
}
