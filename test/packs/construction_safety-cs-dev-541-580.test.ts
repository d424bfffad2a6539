import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { firedRules } from '../../src/evaluation/gates.js';
import { PROJECT_ROOT } from '../../src/lib/project-root.js';
import { constructionSafetyModule as pack } from '../../src/packs/construction_safety/index.js';
import { loadCatalogue } from '../../src/packs/reading/catalogue.js';
import type { ActionInput } from '../../src/packs/types.js';

// Batch cs-dev-541..580: fall-arrest components and their limits, fumes and respirators, rigging hardware,
// lasers, felling zones, ladder ratings, dump bodies, and units a parent record gives its fields. Wording is this file's own.
const catalogue = loadCatalogue(path.join(PROJECT_ROOT, 'domains/construction_safety/catalogue.yaml'));
type Json = Record<string, unknown>;
const site = (extra: Json = {}): Json => ({ site_id: 'JOB-88', task_description: 'Work today', environmental_conditions: {}, crew_status: {}, ...extra });
const read = (action: Json, state: Json = {}) => pack.read(pack.stateSchema.parse(site(state)), pack.actionSchema.parse(action) as ActionInput, catalogue);
const firing = (action: Json, state: Json = {}) => firedRules(catalogue.hazards, read(action, state)).map((h) => h.id);

describe('when a record names its unit, then its fields are read in it', () => {
  it('when oxygen sits under a psig regulator record, then it is a pressure and no oxygen reading', () => {
    const r = read({ description: 'Keep cutting', kind: 'hot_work', parameters: { regulator_psig: { acetylene: 10, oxygen: 45 } } });
    expect(r.facts.confined_space).toBeUndefined();
    expect((r.facts.hot_work as Json).acetylene_psig).toBe(10);
    expect(firing({ description: 'Keep cutting', kind: 'hot_work', parameters: { regulator_psig: { acetylene: 10, oxygen: 45 } } })).not.toContain('confined_space_hazardous_atmosphere');
  });
  it('when acetylene is set over 15 psig, then the hazard fires', () => {
    expect(firing({ description: 'Keep cutting', kind: 'hot_work', parameters: { acetylene_pressure_psig: 19 } })).toContain('acetylene_over_15_psig');
    expect(firing({ description: 'Keep cutting', kind: 'hot_work', parameters: { acetylene_pressure_psig: 7 } })).not.toContain('acetylene_over_15_psig');
  });
});

describe('fall-arrest components', () => {
  it('when two climbers share one lifeline, then it fires; one each does not', () => {
    expect(firing({ description: 'Climb the mast', kind: 'work_at_height', parameters: { climbers_on_line: 2 } })).toContain('lifeline_overloaded_by_users');
    expect(firing({ description: 'Climb the mast', kind: 'work_at_height', parameters: { workers_per_lifeline: 1 } })).not.toContain('lifeline_overloaded_by_users');
  });
  it('when a horizontal lifeline rated for two carries two, then it does not fire', () => {
    expect(firing({ description: 'Bolt along the HLL', kind: 'steel_erection', parameters: { workers_per_line: 2, users_rated: 2 } })).not.toContain('lifeline_overloaded_by_users');
  });
  it('when a horizontal lifeline has no qualified design, then it fires; with one it does not', () => {
    expect(firing({ description: 'Work off the rope line', kind: 'steel_erection', parameters: { height_ft: 24, hll_design: 'none' } })).toContain('horizontal_lifeline_not_designed');
    expect(firing({ description: 'Work off the HLL', kind: 'steel_erection', parameters: { height_ft: 24, hll_design: 'by the project engineer, stamped' } })).not.toContain('horizontal_lifeline_not_designed');
  });
  it('when a body belt is the fall arrest, then it fires; a full-body harness does not', () => {
    expect(firing({ description: 'Go out on the beam', kind: 'work_at_height', parameters: { height_ft: 30 } }, { recent_observations: ['He only has a safety belt and a rope lanyard'] })).toContain('body_belt_for_fall_arrest');
    expect(firing({ description: 'Go out on the beam', kind: 'work_at_height', parameters: { height_ft: 30, harness: 'full body' } })).not.toContain('body_belt_for_fall_arrest');
  });
  it('when a positioning device holds the worker, then fall protection is in place', () => {
    const r = read({ description: 'Tie the bars', kind: 'work_at_height', parameters: { system: 'positioning', potential_free_fall_ft: 1 } });
    expect((r.facts.fall as Json).protected).toBe(true);
  });
});

describe('the size of a thing is not a work height', () => {
  it('when a tree height is given, then it sets the felling zone, not a fall height', () => {
    const r = read({ description: 'Fell the pine', kind: 'general_work', parameters: { tree_height_ft: 60, nearest_worker_ft: 200 } });
    expect((r.facts.fall as Json | undefined)?.height_ft).toBeUndefined();
    expect(firing({ description: 'Fell the pine', kind: 'general_work', parameters: { tree_height_ft: 60, nearest_worker_ft: 200 } })).not.toContain('felling_zone_occupied');
    expect(firing({ description: 'Fell the pine', kind: 'general_work', parameters: { tree_height_ft: 60, nearest_worker_ft: 70 } })).toContain('felling_zone_occupied');
  });
  it('when a climber weighs more than the ladder rating with his tools, then it fires', () => {
    expect(firing({ description: 'Climb', kind: 'ladder_work', parameters: { ladder_rating_lb: 250, worker_weight_lb: 230, carried_load_lb: 40 } })).toContain('ladder_overloaded');
    const ok = read({ description: 'Climb', kind: 'ladder_work', parameters: { ladder_rating_lb: 300, worker_weight_lb: 230, carried_load_lb: 40 } });
    expect(ok.facts.crane).toBeUndefined();
    expect(firing({ description: 'Climb', kind: 'ladder_work', parameters: { ladder_rating_lb: 300, worker_weight_lb: 230, carried_load_lb: 40 } })).not.toContain('ladder_overloaded');
  });
});

describe('fumes, dust and respirators', () => {
  it('when galvanized steel is welded in a closed room without exhaust, then it fires; with an extractor it does not', () => {
    const state = { recent_observations: ['Small plant room in the basement, no fan running'] };
    expect(firing({ description: 'Weld the galvanized brackets', kind: 'hot_work', parameters: { ventilation: 'none' } }, state)).toContain('zinc_fume_enclosed_unventilated');
    expect(firing({ description: 'Weld the galvanized brackets', kind: 'hot_work', parameters: { ventilation: 'fume extractor at the arc' } }, state)).not.toContain('zinc_fume_enclosed_unventilated');
  });
  it('when a slab is jackhammered indoors without respirators, then it fires; with half masks it does not', () => {
    const state = { recent_observations: ['Inside the building, water sprayed at the point'] };
    expect(firing({ description: 'Break the slab with a jackhammer', kind: 'demolition', parameters: { respirator: 'none' } }, state)).toContain('silica_indoor_chipping_without_respirator');
    expect(firing({ description: 'Break the slab with a jackhammer', kind: 'demolition', parameters: { respirator: 'half-face P100' } }, state)).not.toContain('silica_indoor_chipping_without_respirator');
  });
});

describe('lasers, rigging and dump bodies', () => {
  it('when a laser has no placard, then it fires; trained and posted it does not', () => {
    expect(firing({ description: 'Shoot grades with the rotating laser', kind: 'general_work', parameters: { placard_posted: false } })).toContain('laser_uncontrolled');
    expect(firing({ description: 'Shoot grades with the rotating laser', kind: 'general_work', parameters: { placard_posted: true, operator_trained: true } })).not.toContain('laser_uncontrolled');
  });
  it('when a 1 in rope eye has three clips, then it fires; five do not', () => {
    expect(firing({ description: 'Lift the skid', kind: 'crane_lift', parameters: { rope_diameter_in: 1, clip_count: 3 } })).toContain('wire_rope_clips_wrong');
    expect(firing({ description: 'Lift the skid', kind: 'crane_lift', parameters: { rope_diameter_in: 1, clip_count: 5 } })).not.toContain('wire_rope_clips_wrong');
  });
  it('when a bolt stands in for the shackle pin, then makeshift rigging fires; the maker\'s pin does not', () => {
    expect(firing({ description: 'Pick the beam', kind: 'crane_lift', parameters: { shackle_pin: '3/4 in carriage bolt' } })).toContain('makeshift_rigging_hardware');
    expect(firing({ description: 'Pick the beam', kind: 'crane_lift', parameters: { shackle_pin: "manufacturer's screw pin, moused" } })).not.toContain('makeshift_rigging_hardware');
  });
  it('when a dump trailer raises its bed with the load hung up, then it fires; level and free-flowing does not', () => {
    expect(firing({ description: 'Raise the bed on the dump trailer', kind: 'vehicle_operation', parameters: { side_slope_deg: 1 } }, { recent_observations: ['Wet load hung up on the right side'] })).toContain('dump_body_raised_unstable');
    expect(firing({ description: 'Raise the bed on the dump trailer', kind: 'vehicle_operation', parameters: { side_slope_deg: 0.5, load_imbalance_pct: 3 } })).not.toContain('dump_body_raised_unstable');
  });
});
