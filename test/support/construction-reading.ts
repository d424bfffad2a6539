import { gates } from '../../src/evaluation/gates.js';
import { PROJECT_ROOT } from '../../src/lib/project-root.js';
import { DOMAIN_MODULES } from '../../src/packs/domain-modules.js';
import { loadDomains } from '../../src/packs/load-domains.js';

type Json = Record<string, unknown>;

/**
 * Helpers for reading-layer tests of construction_safety: a request on the given site (state fields
 * overridable) read by the pack, its gate, the codes and hard rules it breaks, and the facts it asks for.
 */
export function constructionReader(siteId: string) {
  const domain = loadDomains(PROJECT_ROOT, DOMAIN_MODULES).get('construction_safety')!;
  const read = (action: Json, state: Json = {}) =>
    domain.read(
      domain.module.stateSchema.parse({ site_id: siteId, task_description: 'Work today', environmental_conditions: {}, crew_status: {}, ...state }),
      domain.module.actionSchema.parse(action),
    );
  const gate = (action: Json, state: Json = {}) => gates(domain, read(action, state));
  const codes = (action: Json, state: Json = {}) => {
    const g = gate(action, state);
    return [...g.codes, ...g.fired.map((f) => f.id)];
  };
  const asked = (action: Json, state: Json = {}) => gate(action, state).missing.map((m) => m.fact);
  return { domain, read, gate, codes, asked };
}
