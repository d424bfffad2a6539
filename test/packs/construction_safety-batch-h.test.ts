import { describe, expect, it } from 'vitest';
import { constructionReader } from '../support/construction-reading.js';
import { factAt } from '../../src/packs/reading/reading.js';

// Readings and hazards met in the eighth batch of public-source cases (tool retainers and saw guards, rigging made on
// site, riders in truck beds, cement burns, workers behind reversing machines, lane-closure tapers, cofferdams in
// distress, SCUBA limits, stacked pipe, parked trucks, fouling a live track, harness and lifeline records), in this
// file's own words. Each dangerous example has a safe neighbour.
const { read, codes, asked } = constructionReader('YARD-8');

describe('construction batch H: a retainer or a lower guard is a safeguard', () => {
  const use = { description: 'Carry on with the tool', kind: 'tool_use' };
  it('when a rivet buster runs with no bit retainer, then a safeguard is removed', () => {
    expect(codes({ ...use, parameters: { bit_retainer: 'missing' } })).toContain('safeguard_removed');
  });
  it('when the safety clip is fitted, then nothing is removed', () => {
    expect(factAt(read({ ...use, parameters: { safety_clip: 'installed' } }).facts, 'safeguards.removed')).toBeUndefined();
  });
  it('when a saw guard is tied back, then a safeguard is removed', () => {
    expect(codes({ ...use, parameters: { saw_guard: 'tied back with wire' } })).toContain('safeguard_removed');
  });
  it('when the lower guard snaps back freely, then nothing is removed', () => {
    expect(codes({ ...use, parameters: { lower_guard: 'returns freely', retainer_installed: true } })).not.toContain('safeguard_removed');
  });
});

describe('construction batch H: rigging hardware made on site', () => {
  const pick = { description: 'Fly the bundle up', kind: 'crane_lift' };
  it('when a shackle was improvised from a bolt, then it escalates', () => {
    const state = { recent_observations: ['The hand used a bolt as a shackle on the choker'] };
    expect(codes(pick, state)).toContain('makeshift_rigging_hardware');
  });
  it('when the record says the hardware is not rated, then it escalates', () => {
    expect(codes({ ...pick, parameters: { rated_rigging: false } })).toContain('makeshift_rigging_hardware');
  });
  it('when the hooks are rated, or the words are about bar detailing, then it does not', () => {
    expect(codes({ ...pick, parameters: { rated_hardware: true } })).not.toContain('makeshift_rigging_hardware');
    expect(codes({ description: 'Tie the footing mat with rebar hooks at the corners', kind: 'concrete_pour' })).not.toContain('makeshift_rigging_hardware');
  });
});

describe('construction batch H: people carried without a seat', () => {
  const move = { description: 'Drive the crew over', kind: 'transport' };
  it('when three hands ride in the truck bed, then it escalates', () => {
    expect(codes({ ...move, parameters: { workers_in_bed: 3 } })).toContain('employees_riding_without_seats');
  });
  it('when the text says they will ride on the tailgate, then it escalates', () => {
    expect(codes(move, { recent_observations: ['Two laborers will ride on the tailgate to the gate'] })).toContain('employees_riding_without_seats');
  });
  it('when nobody rides in the bed, then it does not', () => {
    expect(codes({ ...move, parameters: { riders_in_bed: 0, belted_seats: 5 } })).not.toContain('employees_riding_without_seats');
  });
});

describe('construction batch H: wet cement burning the skin', () => {
  const keep = { description: 'Keep placing the topping', kind: 'concrete_pour' };
  it('when a placer reports burning skin after hours in the concrete, then it escalates', () => {
    expect(codes(keep, { recent_observations: ['Concrete got inside his boots an hour ago and his skin is burning'] })).toContain('wet_cement_burn_signs');
  });
  it('when the crew wear boots and pads and nobody reports a burn, then it does not', () => {
    expect(codes({ ...keep, parameters: { waterproof_knee_pads: true } }, { recent_observations: ['Rubber boots and knee pads on all placers'] })).not.toContain('wet_cement_burn_signs');
  });
});

describe('construction batch H: a worker on foot behind a reversing machine', () => {
  const go = { description: 'Keep compacting', kind: 'continue_task' };
  it('when the rear camera is dead and a labourer works behind it, then it escalates', () => {
    expect(codes({ ...go, parameters: { rear_camera: 'dead', people_behind_machine: true } })).toContain('worker_on_foot_behind_unseen_reversing_machine');
  });
  it('when an observer is posted, or nobody is behind, then it does not', () => {
    expect(codes({ ...go, parameters: { rear_camera: 'dead', people_behind_machine: true, spotter: 'posted' } })).not.toContain('worker_on_foot_behind_unseen_reversing_machine');
    expect(codes({ ...go, parameters: { rear_camera: false, people_behind_machine: false } })).not.toContain('worker_on_foot_behind_unseen_reversing_machine');
  });
});

describe('construction batch H: lane closure taper against the MUTCD formula', () => {
  const layout = { description: 'Submit the closure layout', kind: 'traffic_control_setup' };
  it('when a 45 mph road gets a 200 ft taper for an 11 ft lane (needs 495 ft), then it escalates', () => {
    expect(codes({ ...layout, parameters: { speed_limit_mph: 45, lane_width_ft: 11, merge_taper_ft: 200 } })).toContain('merging_taper_too_short');
  });
  it('when a 35 mph road gets 250 ft for a 12 ft lane (needs W S^2/60 = 245 ft), then it does not', () => {
    expect(codes({ ...layout, parameters: { speed_limit_mph: 35, lane_width_ft: 12, merge_taper_ft: 250 } })).not.toContain('merging_taper_too_short');
  });
  it('when the lane width is in the record, it is not read as a trench', () => {
    expect(factAt(read({ ...layout, parameters: { lane_width_ft: 12 } }).facts, 'trench.width_ft')).toBeUndefined();
  });
});

describe('construction batch H: a cofferdam showing signs of failure', () => {
  const work = { description: 'Keep forming the pile cap', kind: 'continue_task' };
  it('when there is piping at the toe and the crew stays in, then it escalates', () => {
    const state = { task_description: 'Pile cap forms inside the cofferdam', recent_observations: ['Piping at the toe on the east side'] };
    expect(codes(work, state)).toContain('cofferdam_failure_signs_occupied');
  });
  it('when the cofferdam is dry and sound, then it does not', () => {
    const state = { task_description: 'Pile cap forms inside the cofferdam', recent_observations: ['Sheets dry, pumps holding, no sand boil seen'] };
    expect(codes(work, state)).not.toContain('cofferdam_failure_signs_occupied');
  });
});

describe('construction batch H: SCUBA limits', () => {
  const dive = { description: 'Put the diver in', kind: 'dive_operation' };
  it('when a scuba diver goes into a 2 knot current untended, then it escalates', () => {
    expect(codes({ ...dive, parameters: { mode: 'scuba', current_kt: 2, line_tended: false, standby_diver: true } })).toContain('scuba_outside_limits');
  });
  it('when there is no standby diver, then it escalates', () => {
    expect(codes({ ...dive, parameters: { mode: 'scuba', line_tended: true, standby_diver: 'none' } })).toContain('scuba_outside_limits');
  });
  it('when tended with a standby in slack water, then it does not, and the depth in fsw is no trench', () => {
    const r = read({ ...dive, parameters: { mode: 'scuba', depth_fsw: 30, current_kt: 0.3, line_tended: true, standby_diver: 'dressed' } });
    expect(factAt(r.facts, 'trench.depth_ft')).toBeUndefined();
    expect(codes({ ...dive, parameters: { mode: 'scuba', depth_fsw: 30, current_kt: 0.3, line_tended: true, standby_diver: 'dressed' } })).not.toContain('scuba_outside_limits');
  });
});

describe('construction batch H: material stored in tiers', () => {
  const pull = { description: 'Take the next joint', kind: 'material_handling' };
  it('when the stack is three tiers and not chocked, then it escalates', () => {
    expect(codes({ ...pull, parameters: { stack_tiers: 3, chocked: false } })).toContain('tiered_material_unsecured');
  });
  it('when it is chocked, then it does not', () => {
    expect(codes({ ...pull, parameters: { stack_tiers: 3, chocked: 'both sides' } })).not.toContain('tiered_material_unsecured');
  });
});

describe('construction batch H: a parked vehicle left unsecured', () => {
  const note = { description: 'Log the truck status at the hydrant', kind: 'equipment_status' };
  it('when the driver leaves the cab with the parking brake off, then it escalates', () => {
    expect(codes({ ...note, parameters: { parking_brake: 'off', driver_in_cab: false } })).toContain('parked_vehicle_unsecured');
  });
  it('when the brake is set, then it does not', () => {
    expect(codes({ ...note, parameters: { parking_brake: 'set', driver_in_cab: false, wheel_chocks: true } })).not.toContain('parked_vehicle_unsecured');
  });
  it('a number in the equipment list is read as text, not refused', () => {
    expect(() => read(note, { equipment_in_use: [4, '000 gal tanker'] })).not.toThrow();
  });
});

describe('construction batch H: working in the foul zone of a live track', () => {
  const form = { description: 'Keep setting the forms', kind: 'continue_task' };
  it('when the crew is 2 ft from the rail with no authority or watchman, then it escalates', () => {
    expect(codes({ ...form, parameters: { distance_to_rail_ft: 2, track_authority: 'none' } })).toContain('fouling_track_without_protection');
  });
  it('when the employee in charge holds track and time, then it does not', () => {
    expect(codes({ ...form, parameters: { distance_to_rail_ft: 2, track_authority: 'track and time' } })).not.toContain('fouling_track_without_protection');
  });
  it('form panels are formwork, not an electrical panel', () => {
    expect(asked(form, { equipment_in_use: ['form panels'] })).not.toContain('loto.applied');
  });
});

describe('construction batch H: harness and lifeline records that describe the gear', () => {
  const climb = { description: 'Go up and free the jam', kind: 'work_at_height' };
  it('when the harness is described by its kind, then fall protection is in place', () => {
    const r = read({ ...climb, parameters: { harness: 'class A full body', lifeline: 'tended from the tripod' } });
    expect(factAt(r.facts, 'fall.protected')).toBe(true);
  });
  it('when the lifeline is not known or is absent, then it is not', () => {
    expect(factAt(read({ ...climb, parameters: { lifeline: 'TBD' } }).facts, 'fall.protected')).toBeUndefined();
    expect(factAt(read({ ...climb, parameters: { lifeline: false } }).facts, 'fall.protected')).toBe(false);
  });
});
