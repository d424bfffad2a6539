import { describe, expect, it } from 'vitest';
import { firedRules } from '../../src/evaluation/gates.js';
import { PROJECT_ROOT } from '../../src/lib/project-root.js';
import { DOMAIN_MODULES } from '../../src/packs/domain-modules.js';
import { loadDomains } from '../../src/packs/load-domains.js';

// A crane taking a strain on a load that something still holds (a form bonded to the concrete, a load frozen or
// bolted down): the pull is unknown and the load lets go at once (ASME B30.5, BS 7121-1). Said in a record, read off
// the load indicator, or said on the radio; a load that was freed first, and a reading that matches the load, stay quiet.
const domain = loadDomains(PROJECT_ROOT, DOMAIN_MODULES).get('construction_safety')!;
type Json = Record<string, unknown>;
const site = (extra: Json = {}): Json => ({ site_id: 'JOB-HELD', task_description: 'Strip and fly the deck forms', environmental_conditions: { wind_mph: 8 }, ...extra });
const firing = (action: Json, state: Json = {}) =>
  firedRules(domain.catalogue.hazards, domain.read(domain.module.stateSchema.parse(site(state)), domain.module.actionSchema.parse(action))).map((h) => h.id);
const lift = (parameters: Json) => ({ description: 'Hoist the panel', kind: 'crane_lift', parameters });

describe('a crane pulling on a load that is still held', () => {
  it('when the load indicator reads far more than the load and its rigging weigh, then the load is held', () => {
    expect(firing(lift({ panel_weight_kg: 1800, rigging_kg: 120, lmi_reading_kg: 3050, rated_capacity_kg: 6000 }))).toContain('crane_pulling_held_load');
    expect(firing(lift({ load_lbs: 4000, hook_load_lbs: 4300, capacity_lbs: 12000 }))).not.toContain('crane_pulling_held_load');
  });

  it('when a record says the load is not free, then it is held; freed first, it is not', () => {
    expect(firing(lift({ load_lbs: 5000, capacity_lbs: 15000, load_free: false }))).toContain('crane_pulling_held_load');
    expect(firing(lift({ load_lbs: 5000, capacity_lbs: 15000, load_free: true }))).not.toContain('crane_pulling_held_load');
  });

  it('when the crew on the radio means to pull it off the wall, then it is held, whatever the description says', () => {
    const told = { recent_observations: ["Rigger: the north form won't come off, take a strain and give it more until it lets go"] };
    expect(firing({ description: 'proceed', kind: 'crane_lift', parameters: { load_lbs: 6000, capacity_lbs: 14000 } }, told)).toContain('crane_pulling_held_load');
    const freed = { recent_observations: ['Carpenters stripped the ties and wedged the form off the wall; it hangs free on the sling'] };
    expect(firing({ description: 'proceed', kind: 'crane_lift', parameters: { load_lbs: 6000, capacity_lbs: 14000 } }, freed)).not.toContain('crane_pulling_held_load');
  });

  it('when the indicator reading is higher than the chart allows, then the chart figure uses the reading', () => {
    expect(firing(lift({ load_lbs: 8000, hook_load_lbs: 12500, capacity_lbs: 12000 }))).toContain('crane_over_capacity');
  });
});
