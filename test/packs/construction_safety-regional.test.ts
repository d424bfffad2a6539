import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { firedRules } from '../../src/evaluation/gates.js';
import { PROJECT_ROOT } from '../../src/lib/project-root.js';
import { constructionSafetyModule as pack } from '../../src/packs/construction_safety/index.js';
import { loadCatalogue } from '../../src/packs/reading/catalogue.js';
import { factAt } from '../../src/packs/reading/reading.js';
import type { ActionInput } from '../../src/packs/types.js';

// UK, Australian and metric ways of saying what the US-worded rules read, and the reading slips they
// exposed. Each fix has a safe neighbour that must still read safe. Wording is this file's own.
const catalogue = loadCatalogue(path.join(PROJECT_ROOT, 'domains/construction_safety/catalogue.yaml'));
type Json = Record<string, unknown>;
const read = (action: Json, state: Json = {}) =>
  pack.read(pack.stateSchema.parse({ site_id: 'S-1', task_description: 'Work today', environmental_conditions: {}, crew_status: {}, ...state }), pack.actionSchema.parse(action) as ActionInput, catalogue);
const fact = (r: ReturnType<typeof read>, f: string) => factAt(r.facts, f);
const fires = (r: ReturnType<typeof read>) => firedRules(catalogue.hazards, r).map((h) => h.id);

describe('construction regional: millimetres are a length', () => {
  it('when a field is in mm, then it is converted to feet, not read as feet', () => {
    const r = read({ description: 'Begin excavation', kind: 'excavation', parameters: { depth_mm: 900 } });
    expect(fact(r, 'trench.depth_ft')).toBeCloseTo(2.95, 2);
  });
  it('when a guardrail top rail is 780 mm, then the guardrail rule fires; at 1,000 mm it does not', () => {
    expect(fires(read({ description: 'Hand over the slab edge', kind: 'general_work', parameters: { top_rail_height_mm: 780, fall_height_m: 6 } }))).toContain('guardrail_below_minimum');
    const ok = read({ description: 'Hand over the slab edge', kind: 'general_work', parameters: { top_rail_height_mm: 1000, fall_height_m: 6 } });
    expect(fires(ok)).not.toContain('guardrail_below_minimum');
    // The rail's own height is not the height of the work.
    expect(fact(ok, 'fall.height_ft')).toBeCloseTo(19.69, 1);
  });
  it('when free text gives "250 mm", then no height or depth is read from it', () => {
    const r = read({ description: 'Cut the slab 250 mm deep', kind: 'general_work' });
    expect(fact(r, 'trench.depth_ft')).toBeUndefined();
  });
});

describe('construction regional: words of other countries', () => {
  it('when the confined space has a standby person (AU), then an attendant is read; without one it is not', () => {
    expect(fact(read({ description: 'Enter the pit', kind: 'confined_space', parameters: { standby_person: 'named, at the hatch' } }), 'confined_space.attendant')).toBe(true);
    expect(fact(read({ description: 'Enter the pit with the standby person at the opening', kind: 'confined_space' }), 'confined_space.attendant')).toBe(true);
    expect(fact(read({ description: 'Enter the pit', kind: 'confined_space', parameters: { o2_pct: 20.9 } }), 'confined_space.attendant')).toBeUndefined();
  });
  it('when a SWMS is signed, then the crew briefing is read', () => {
    expect(fact(read({ description: 'Proceed', kind: 'general_work' }, { compliance_status: { swms: 'signed today' } }), 'crew.briefed')).toBe(true);
  });
  it('when a panel mass is given in tonnes, then it is the load', () => {
    expect(fact(read({ description: 'Lift the panel', kind: 'crane_lift', parameters: { panel_mass_t: 10 } }), 'crane.load_lbs')).toBeCloseTo(22046, 0);
  });
  it('when nobody is in the fall zone, then no one is under the load; when two are, they are', () => {
    expect(fact(read({ description: 'Lift the panel', kind: 'crane_lift', parameters: { persons_in_fall_zone: 0 } }), 'crane.workers_under_load')).toBe(false);
    expect(fires(read({ description: 'Lift the panel', kind: 'crane_lift', parameters: { persons_in_fall_zone: 2 } }))).toContain('workers_under_suspended_load');
  });
});

describe('construction regional: what a number measures', () => {
  it('when the depth belongs to a chamber entered as a confined space, then it is no trench depth', () => {
    const r = read({ description: 'Sign the entry permit', kind: 'confined_space' }, { task_description: 'Coat the walls of the valve chamber (2.8 m deep)' });
    expect(fact(r, 'trench.depth_ft')).toBeUndefined();
    expect(fact(r, 'trench.present')).toBeUndefined();
  });
  it('when the pit itself is being excavated, then its depth is the excavation depth', () => {
    const r = read({ description: 'Carry on digging', kind: 'excavation' }, { task_description: 'Pump station pit 4 m deep' });
    expect(fact(r, 'trench.depth_ft')).toBeCloseTo(13.12, 1);
  });
  it('when a zone is "the panel height plus 3 m", then the 3 m is no working height; "working at 3 m" is', () => {
    expect(fact(read({ description: 'Tape the zone at the panel height plus 3 m', kind: 'general_work' }), 'fall.height_ft')).toBeUndefined();
    expect(fact(read({ description: 'Fix the soffit working at 3 m', kind: 'general_work' }), 'fall.height_ft')).toBeCloseTo(9.84, 1);
  });
  it('when a roof pitch is given, then it is no trench slope', () => {
    expect(fact(read({ description: 'Re-slate the roof', kind: 'roofing_work', parameters: { roof_pitch: '9:12' } }), 'trench.slope_h_per_v')).toBeUndefined();
    expect(fact(read({ description: 'Cut back the walls', kind: 'excavation', parameters: { slope: '1.5:1' } }), 'trench.slope_h_per_v')).toBe(1.5);
  });
  it('when the height is the building being demolished, then it is no working height', () => {
    expect(fact(read({ description: 'Start demolition', kind: 'demolition', parameters: { building_height_ft: 30 } }), 'fall.height_ft')).toBeUndefined();
    expect(fact(read({ description: 'Start demolition', kind: 'demolition', parameters: { work_height_ft: 30 } }), 'fall.height_ft')).toBe(30);
  });
  it('when a count of truckloads is planned, then it is no load weight', () => {
    expect(fact(read({ description: 'Haul the spoil', kind: 'general_work', parameters: { loads_planned: 40 } }), 'crane.load_lbs')).toBeUndefined();
    expect(fact(read({ description: 'Lift the beam', kind: 'crane_lift', parameters: { load_lbs: 4000 } }), 'crane.load_lbs')).toBe(4000);
  });
});

describe('construction regional: what the words say is in place', () => {
  it('when the action approves a fall protection plan, then no fall protection is read as in place; "harnesses tied off" is', () => {
    expect(fact(read({ description: 'Approve the fall protection plan', kind: 'roofing_work' }), 'fall.protected')).toBeUndefined();
    expect(fact(read({ description: 'Lay the sheets with harnesses tied off', kind: 'roofing_work' }), 'fall.protected')).toBe(true);
  });
  it('when fall prevention under the sheeting is none, then the fall rule fires even with a perimeter rail recorded', () => {
    const r = read({ description: 'Start the sheeting', kind: 'roofing_work', parameters: { height_m: 7, fall_prevention_under_sheeting: 'none' } }, { compliance_status: { perimeter_guardrail: 'installed' } });
    expect(fires(r)).toContain('fall_protection_missing');
    const safe = read({ description: 'Start the sheeting', kind: 'roofing_work', parameters: { height_m: 7, safety_mesh: 'installed' } });
    expect(fires(safe)).not.toContain('fall_protection_missing');
  });
  it('when ground barriers guard an overhead line, then the line is not read as de-energised', () => {
    const r = read({ description: 'Run the tippers under the line', kind: 'general_work' }, { recent_observations: ['Ground barriers along the 11 kV overhead line are intact'] });
    expect(fact(r, 'power_line.deenergized')).toBeUndefined();
    expect(fact(r, 'power_line.encroachment_controls')).toBe(true);
    expect(fact(read({ description: 'Lift', kind: 'crane_lift' }, { recent_observations: ['The 11 kV line is de-energized and grounded'] }), 'power_line.deenergized')).toBe(true);
  });
  it('when unloading is named without a crane, then the work is no crane lift; with a crane it is', () => {
    expect(read({ description: 'Confirm the delivery slots', kind: 'vehicle_movement' }, { task_description: 'Unloading bay deliveries by hand' }).action.kind).not.toBe('crane_lift');
    expect(read({ description: 'Confirm the delivery slots', kind: 'vehicle_movement' }, { task_description: 'Unloading steel with the mobile crane' }).action.kind).toBe('crane_lift');
  });
});

describe('construction regional: first aid and emergency calls are no work going ahead', () => {
  it('when a stop-work raises the alarm or changes wet clothing, then it stands down without contradiction', () => {
    for (const description of ['Stop work and raise the alarm', 'Stop his work, swap his wet clothing for dry clothes and stay with him']) {
      const r = read({ description, kind: 'stop_work' });
      expect(r.action.lowers_risk, description).toBe(true);
      expect(r.action.contradiction, description).toBeUndefined();
    }
  });
  it('when a stop-work then raises the boom, then the contradiction is still reported', () => {
    const r = read({ description: 'Stop work, then raise the boom and continue the pick', kind: 'stop_work' });
    expect(r.action.lowers_risk).toBe(false);
    expect(r.action.contradiction).toBeDefined();
  });
});

describe('construction regional: devices bypassed in a tool call record', () => {
  it('when a load indicator is bypassed or the seat belt left unfastened, then a safeguard is removed', () => {
    expect(fires(read({ description: 'Drive to the drop zone', kind: 'general_work', parameters: { lmi_bypass: true } }))).toContain('safeguard_removed');
    expect(fires(read({ description: 'Drive to the drop zone', kind: 'general_work', parameters: { seat_belt_fastened: false } }))).toContain('safeguard_removed');
  });
  it('when the device is not bypassed, the belt is on, or the bypass is sewer bypass pumping, then nothing is removed', () => {
    expect(fires(read({ description: 'Drive to the drop zone', kind: 'general_work', parameters: { lmi_bypass: false, seat_belt_fastened: true } }))).not.toContain('safeguard_removed');
    expect(fires(read({ description: 'Tie in the new manhole', kind: 'general_work', parameters: { bypass_pumping: 'running' } }))).not.toContain('safeguard_removed');
  });
});
