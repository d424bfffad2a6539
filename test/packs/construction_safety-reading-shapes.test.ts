import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/lib/project-root.js';
import { constructionSafetyModule as pack } from '../../src/packs/construction_safety/index.js';
import { loadCatalogue } from '../../src/packs/reading/catalogue.js';
import { factAt } from '../../src/packs/reading/reading.js';
import type { ActionInput } from '../../src/packs/types.js';

// Shapes of requests the reading layer must read as agents send them: several readings of one fact in
// one record, a record that says it does not know, a guess in free text, records as control values,
// contrasts after a comma, signs of illness named as a training topic, a qualifier of a denied activity.
const catalogue = loadCatalogue(path.join(PROJECT_ROOT, 'domains/construction_safety/catalogue.yaml'));
type Json = Record<string, unknown>;
const site = (extra: Json = {}): Json => ({ site_id: 'YARD-9', task_description: 'Work today', environmental_conditions: {}, crew_status: {}, ...extra });
const read = (action: Json, state: Json = {}) => pack.read(pack.stateSchema.parse(site(state)), pack.actionSchema.parse(action) as ActionInput, catalogue);
const fact = (r: ReturnType<typeof read>, name: string) => factAt(r.facts, name);
const fires = (action: Json, state: Json = {}) => {
  const r = read(action, state);
  return catalogue.hazards.filter((h) => h.test({ facts: r.facts, action: r.action as unknown as Json })).map((h) => h.id);
};

describe('construction reading: the worst of several readings governs', () => {
  it('when a lift plan gives the chart at two radii, then the smaller capacity decides the share of the chart', () => {
    const plan = { load_kg: 5200, rigging_kg: 150, stages: { first: { radius_m: 10, chart_capacity_kg: 14000 }, landing: { radius_m: 22, chart_capacity_kg: 5100 } } };
    expect(fires({ description: 'Submit the lift plan', kind: 'crane_lift', parameters: plan })).toContain('crane_over_capacity');
    // The same plan with room at the far radius stays under the chart.
    const roomy = { ...plan, stages: { first: { radius_m: 10, chart_capacity_kg: 14000 }, landing: { radius_m: 22, chart_capacity_kg: 9000 } } };
    expect(fires({ description: 'Submit the lift plan', kind: 'crane_lift', parameters: roomy })).not.toContain('crane_over_capacity');
  });

  it('when the hook block is listed apart, then it counts in the load read against the chart', () => {
    const r = read({ description: 'Make the pick', kind: 'crane_lift', parameters: { load_lbs: 9500, hook_block_lbs: 600, rated_capacity_lbs: 10000 } });
    expect(fact(r, 'crane.load_pct')).toBeGreaterThanOrEqual(100);
  });

  it('when one isolation point of a record is open and another is not, then the lockout is not in place', () => {
    const record = { main_breaker_open: true, lock_applied: true, backup_source_isolated: false };
    expect(fires({ description: 'Start task', kind: 'equipment_maintenance', parameters: { isolation: record } })).toContain('lockout_tagout_missing');
    expect(fires({ description: 'Start task', kind: 'equipment_maintenance', parameters: { isolation: { ...record, backup_source_isolated: true } } })).not.toContain('lockout_tagout_missing');
  });
});

describe('construction reading: what nobody knows stays unknown', () => {
  it('when the record says the voltage is unknown, then a guess in the notes does not stand in for it', () => {
    const state = { recent_observations: ['operator reckons it is maybe 7 kV, the utility has not said'] };
    const r = read({ description: 'Swing the load in', kind: 'crane_lift', parameters: { voltage_of_line: 'not confirmed', closest_approach_ft: 15 } }, state);
    expect(fact(r, 'power_line.voltage_kv')).toBeUndefined();
    expect(fact(r, 'power_line.present')).toBe(true);
    expect(fires({ description: 'Swing the load in', kind: 'crane_lift', parameters: { voltage_of_line: 'TBD', closest_approach_ft: 15 } })).toContain('power_line_clearance');
  });

  it('when a voltage is only a guess in free text, then it is not read, and a stated one is', () => {
    expect(fact(read({ description: 'Set the boom near the line, probably 12 kV or so', kind: 'crane_lift' }), 'power_line.voltage_kv')).toBeUndefined();
    expect(fact(read({ description: 'Set the boom near the 12 kV line', kind: 'crane_lift' }), 'power_line.voltage_kv')).toBe(12);
  });

  it('when "min" sits inside a field name, then it is a minimum, not minutes', () => {
    expect(fact(read({ description: 'Proceed', kind: 'crane_lift', parameters: { min_line_clearance_m: 4 } }), 'power_line.distance_ft')).toBeCloseTo(13.1, 1);
  });

  it('when a field names a hazard and says "none", then there is nothing to block, and "not blocked" still counts', () => {
    const none = read({ description: 'Start task', kind: 'equipment_maintenance', parameters: { lockout: 'applied', stored_energy: 'none, no springs or capacitors' } });
    expect(fact(none, 'loto.verified')).not.toBe(false);
    expect(fires({ description: 'Start task', kind: 'equipment_maintenance', parameters: { lockout: 'applied', stored_energy: 'not blocked' } })).toContain('lockout_tagout_missing');
  });
});

describe('construction reading: shapes agents send', () => {
  it('when a control is sent as a record of its own, then the request is accepted and its checks are read', () => {
    const action = { description: 'Issue the permit', kind: 'hot_work', parameters: { fire_watch: { assigned: 'none' }, hot_work_permit: { combustibles_within_35ft: 'pallets at about 10 ft' } } };
    expect(pack.actionSchema.safeParse(action).success).toBe(true);
    expect(fires(action)).toContain('hot_work_fire_precautions');
  });

  it('when a bare count sits in a phrase with a measured distance, then the distance is the one read', () => {
    const r = read({ description: 'Issue the permit', kind: 'hot_work', parameters: { combustible_distance: '2 rolls of tar paper at 20 ft' } });
    expect(fact(r, 'hot_work.combustibles_cleared_ft')).toBe(20);
  });

  it('when a control is followed by ", not" and another thing, then the control is still in place', () => {
    const r = read({ description: 'Keep coring the block wall', kind: 'general_work' }, { recent_observations: ['slurry collected with the wet vac, not a broom'] });
    expect(fact(r, 'silica.controls')).toBe(true);
    const missing = read({ description: 'Keep coring the block wall', kind: 'general_work' }, { recent_observations: ['dust collector not running'] });
    expect(fact(missing, 'silica.controls')).toBe(false);
  });

  it('when heat illness is named as a training topic, then no worker is read as ill, and a worker showing it still is', () => {
    expect(fact(read({ description: 'Start the shift', kind: 'general_work' }, { recent_observations: ['crew trained on heat stroke, water at the truck'] }), 'heat.symptoms')).toBeUndefined();
    expect(fact(read({ description: 'Start the shift', kind: 'general_work' }, { recent_observations: ['heat exhaustion symptoms reviewed at the tailgate talk'] }), 'heat.symptoms')).toBeUndefined();
    expect(fact(read({ description: 'Start the shift', kind: 'general_work' }, { recent_observations: ['one labourer shows heat exhaustion, pale and clammy'] }), 'heat.symptoms')).toBe(true);
  });

  it('when the activity that would be live is denied, then no live work is read, and an affirmed one is', () => {
    expect(fact(read({ description: 'Check the amps at the breaker, no work while energized', kind: 'electrical_work' }), 'loto.live_work')).not.toBe(true);
    expect(fact(read({ description: 'Swap the breaker while energized', kind: 'electrical_work' }), 'loto.live_work')).toBe(true);
  });

  it('when a feeder breaker is named inside electrical gear, then no overhead line is read, and an overhead feeder is', () => {
    expect(fact(read({ description: 'Replace the starter on the feeder breaker', kind: 'equipment_maintenance', parameters: { lockout: 'applied' } }), 'power_line.present')).toBeUndefined();
    expect(fires({ description: 'Boom up next to the overhead feeder, about 8 ft from it', kind: 'crane_lift' })).toContain('power_line_clearance');
  });
});
