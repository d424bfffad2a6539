import { describe, expect, it } from 'vitest';
import { constructionReader } from '../support/construction-reading.js';
import { factAt } from '../../src/packs/reading/reading.js';

// Reading shapes met in the fourth batch of public-source cases (tunnels, record updates, empty aerial-lift
// baskets, member spacing, roof widths and safety monitors, traffic-control work, machine attachments set on
// the ground), in this file's own words. Each has a safe or a dangerous neighbour.
type Json = Record<string, unknown>;
const { read, gate, codes, asked } = constructionReader('LOT-22');

describe('construction batch D: underground work', () => {
  const tunnel = { task_description: 'Night shift rock bolting in the tunnel', environmental_conditions: { face_air: { o2_pct: 20.9, lel_pct: 0, h2s_ppm: 0 } } };
  it('when a tunnel crew starts on clean readings, then no confined-space attendant and no trench depth are asked for', () => {
    const missing = asked({ description: 'Start the shift', kind: 'excavation' }, tunnel);
    expect(missing).not.toContain('confined_space.attendant');
    expect(missing).not.toContain('trench.depth_ft');
    expect(factAt(read({ description: 'Start the shift' }, tunnel).facts, 'underground.present')).toBe(true);
  });

  it('when the same readings come from a manhole entry above ground, then the attendant is still asked for', () => {
    expect(asked({ description: 'Enter the manhole', kind: 'confined_space' }, { task_description: 'Sewer manhole entry', environmental_conditions: { o2_pct: 20.9, lel_pct: 0 } })).toContain('confined_space.attendant');
  });

  it('when the tunnel crew is sent in before the air is tested, then it escalates; tested, it does not', () => {
    expect(codes({ description: 'Ride the crew in', kind: 'resume_work', parameters: { air_test_before_entry: false } }, { task_description: 'TBM restart after the fan stopped' })).toContain('underground_atmosphere_not_tested');
    expect(codes({ description: 'Ride the crew in', kind: 'resume_work', parameters: { air_test_before_entry: true } }, { task_description: 'TBM restart after the fan stopped' })).not.toContain('underground_atmosphere_not_tested');
  });
});

describe('construction batch D: a record update takes no kind from the work it records', () => {
  const rigging = { task_description: 'Morning sling inspection before the crane picks', environmental_conditions: {} };
  it('when an inspection form is logged, then no crane wind question is asked', () => {
    const r = read({ description: 'file the form', kind: 'record_update', parameters: { result: 'pass' } }, rigging);
    expect(r.action.kind).toBe('general_work');
    expect(asked({ description: 'file the form', kind: 'record_update', parameters: { result: 'pass' } }, rigging)).not.toContain('wind.peak_mph');
  });

  it('when the kind names the lift itself, then the crane reading still applies', () => {
    expect(read({ description: 'make the pick', kind: 'crane_lift' }, rigging).action.kind).toBe('crane_lift');
    expect(asked({ description: 'make the pick', kind: 'crane_lift' }, rigging)).toContain('wind.peak_mph');
  });

  it('when a record update says what work it does in its description, then that kind is read', () => {
    expect(read({ description: 'log the pump repair', kind: 'log_entry' }).action.kind).toBe('equipment_maintenance');
  });
});

describe('construction batch D: an aerial lift with nobody in the basket', () => {
  it('when the boom is cradled and the basket empty, then nobody is at height', () => {
    const r = read({ description: 'drive to the next light pole', kind: 'aerial_lift', parameters: { occupant_in_basket: false } });
    expect(factAt(r.facts, 'fall.at_height')).toBeUndefined();
    expect(asked({ description: 'drive to the next light pole', kind: 'aerial_lift', parameters: { occupant_in_basket: false } })).not.toContain('fall.protected');
  });

  it('when someone is in the basket, then fall protection is still asked for', () => {
    expect(asked({ description: 'raise the basket', kind: 'aerial_lift', parameters: { occupant_in_basket: true } })).toContain('fall.protected');
  });
});

describe('construction batch D: numbers that are no height', () => {
  it('when props are set at 2.5 m centres, then no working height is read', () => {
    expect(factAt(read({ description: 'strip the wall from the top', kind: 'demolition' }, { recent_observations: ['Props at 2.5 m centres, signed off by the engineer'] }).facts, 'fall.height_ft')).toBeUndefined();
  });

  it('when the work is at 2.5 m, then the height is read', () => {
    expect(factAt(read({ description: 'strip the wall from the top', kind: 'demolition' }, { recent_observations: ['Crew on the deck at 2.5 m'] }).facts, 'fall.height_ft')).toBeCloseTo(8.2, 1);
  });

  it("when a roof's width is given, then it is no height", () => {
    expect(factAt(read({ description: 'start the tear-off', kind: 'roofing_work' }, { recent_observations: ['Roof width 45 ft, parapet on the south side'] }).facts, 'fall.height_ft')).toBeUndefined();
    expect(factAt(read({ description: 'start the tear-off', kind: 'roofing_work' }, { recent_observations: ['Roof 45 ft high at the eave'] }).facts, 'fall.height_ft')).toBe(45);
  });
});

describe('construction batch D: safety monitoring on low-slope roofs (1926.501(b)(10))', () => {
  const plan = (width: number, machines: boolean) => ({ description: 'start re-roofing', kind: 'roofing_work', parameters: { roof_width_ft: width, mechanical_equipment: machines, safety_monitor: 'competent person on the roof' } });
  it('when a competent monitor watches a 35 ft wide roof with no machines, then fall protection is in place', () => {
    expect(factAt(read(plan(35, false)).facts, 'fall.protected')).toBe(true);
    expect(asked(plan(35, false))).not.toContain('fall.protected');
  });

  it('when the roof is 80 ft wide, or machines run on it, then the monitor alone is not protection', () => {
    expect(factAt(read(plan(80, false)).facts, 'fall.protected')).toBeUndefined();
    expect(factAt(read(plan(35, true)).facts, 'fall.protected')).toBeUndefined();
  });
});

describe('construction batch D: traffic-control work and machine attachments', () => {
  it('when the kind is traffic control on a marker job, then no lockout is asked for', () => {
    const state = { task_description: 'Replacing raised pavement markers on the median line' };
    expect(read({ description: 'begin', kind: 'traffic_control' }, state).action.kind).toBe('general_work');
    expect(asked({ description: 'begin', kind: 'traffic_control' }, state)).not.toContain('loto.applied');
  });

  it('when a conveyor belt is replaced, then it is still maintenance that needs lockout', () => {
    expect(asked({ description: 'begin', kind: 'equipment_maintenance' }, { task_description: 'Replacing the drive belt on the conveyor' })).toContain('loto.applied');
  });

  it('when the bucket is grounded, then no power line is read as earthed; a line grounded by the utility still is', () => {
    expect(factAt(read({ description: 'check grade with the bucket grounded', kind: 'excavation' }).facts, 'power_line.deenergized')).toBeUndefined();
    expect(factAt(read({ description: 'dig under the 13 kV line, de-energized and grounded by the utility', kind: 'excavation' }).facts, 'power_line.deenergized')).toBe(true);
  });
});
