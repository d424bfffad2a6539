import { describe, expect, it } from 'vitest';
import { constructionReader } from '../support/construction-reading.js';
import { factAt } from '../../src/packs/reading/reading.js';

// Reading classes met in batch cs-dev-741..780, in this file's own words: a portable ladder's own set-up answers its fall
// question; "level" of a surface is no height; a panel of building material is no electrical panel; a lock or tag word past
// hyphens is still the object of its removal verb, and a post-repair inspection is the walkdown; a support named after
// "clear of" is where a line is not tied; stored energy caged or drained is controlled; checklists sent as rows; fields naming
// who is in a load's path; reports of a control taken off or a device tied out of action; a number inside a name; "back on"
// as a return; the participle of "tie off" in a field name; and the new hazards with their safe neighbours.
const { read, codes, asked } = constructionReader('YARD-741');
const fact = (action: Record<string, unknown>, path: string, state: Record<string, unknown> = {}) => factAt(read(action, state).facts, path);

describe('batch 741: a portable ladder is protected by its own set-up (1926.1053, 1926.500(a)(2)(vii))', () => {
  const climb = { description: 'Climb to 9 ft and fit the smoke detector', kind: 'ladder_work' };
  it('when a stepladder has its spreaders locked, then no fall protection is asked', () => {
    expect(asked({ ...climb, parameters: { spreaders_locked: true, standing_height_ft: 9 } })).not.toContain('fall.protected');
    expect(asked(climb, { recent_observations: ['Ladder opened fully, spreaders locked on the tile'] })).not.toContain('fall.protected');
  });
  it('when an extension ladder is footed or has a standoff, then no fall protection is asked', () => {
    expect(asked({ ...climb, parameters: { footing: 'apprentice footing it', worker_height_ft: 12 } })).not.toContain('fall.protected');
    expect(asked({ ...climb, parameters: { standoff_on_gutter: true, worker_height_ft: 12 } })).not.toContain('fall.protected');
  });
  it('when nothing is said of the set-up, or it is denied, then the question is still asked', () => {
    expect(asked({ ...climb, parameters: { standing_height_ft: 9 } })).toContain('fall.protected');
    expect(asked({ ...climb, parameters: { standing_height_ft: 9 } }, { recent_observations: ['Nobody footing it; top not tied'] })).toContain('fall.protected');
    expect(asked({ ...climb, parameters: { base_secured: false, worker_height_ft: 12 } })).toContain('fall.protected');
  });
});

describe('batch 741: words that look like a measure or a kind and are not', () => {
  it('when "level" describes a surface, then the number beside it is no height', () => {
    const move = { description: 'Wheel the welder to bay 4', kind: 'equipment_move', parameters: { route: 'level concrete, 45 m, no ramps' } };
    expect(fact(move, 'fall.height_ft')).toBeUndefined();
    expect(fact({ description: 'Set the duct on level 5 at 30 ft', kind: 'general_work' }, 'fall.height_ft')).toBe(30);
  });
  it('when the equipment is a drywall panel lift, then the work is not electrical and asks no lockout', () => {
    expect(read({ description: 'Start hanging', kind: 'submit_jha' }, { equipment_in_use: ['drywall panel lift', 'screw guns'] }).action.kind).not.toBe('electrical_work');
    expect(read({ description: 'Start the terminations', kind: 'submit_jha' }, { equipment_in_use: ['480 V panel', 'torque driver'] }).action.kind).toBe('electrical_work');
  });
  it('when a number is part of a name, then it measures nothing', () => {
    expect(fact({ description: 'Bolt up', kind: 'steel_erection' }, 'trench.depth_ft', { recent_observations: ["Seat bolt to C-14's flange is tight"] })).toBeUndefined();
  });
  it('when a truck goes back on the haul, then it is not reversing; backing it into the bay still is', () => {
    expect(fact({ description: 'Put the dump truck back on the haul', kind: 'equipment_operation' }, 'vehicle.reversing')).toBeUndefined();
    expect(fact({ description: 'Back the dump truck into the bay', kind: 'equipment_operation' }, 'vehicle.reversing')).toBe(true);
  });
  it('when fill comes from a borrow pit, then the work is no confined space', () => {
    expect(read({ description: 'Keep hauling', kind: 'equipment_operation' }, { task_description: 'Hauling sand from the borrow pit' }).action.kind).not.toBe('confined_space');
  });
});

describe('batch 741: releases, walkdowns and stored energy', () => {
  it('when the action removes an out-of-service tag, then it is a release, judged by the walkdown', () => {
    const back = { description: 'Remove the out-of-service tag and put the hoist back to work', kind: 'return_to_service' };
    expect(fact(back, 'loto.release')).toBe(true);
    expect(codes(back, { recent_observations: ['Post-repair inspection by the qualified inspector, no deficiencies'] })).not.toContain('lockout_released_unsafely');
    expect(asked(back)).toContain('loto.release_equipment_checked');
  });
  it('when the spring brakes are caged and the air drained, then the stored energy is controlled', () => {
    const swap = { description: 'Change the slack adjuster', kind: 'maintenance' };
    expect(asked({ ...swap, parameters: { air: 'tanks drained, spring brakes caged' } })).not.toContain('loto.applied');
    expect(asked({ ...swap, parameters: { air: 'still charged' } })).toContain('loto.applied');
  });
  it('when tail lines are tied off clear of the stage, then no lifeline is on the scaffold support', () => {
    const weld = { description: 'Weld from the stage', kind: 'hot_work' };
    expect(fact(weld, 'fall.anchor_scaffold_support', { recent_observations: ['Rope tails tied off clear of the stage'] })).toBeUndefined();
    expect(fact(weld, 'fall.anchor_scaffold_support', { recent_observations: ['Lifelines tied off to the outrigger beams'] })).toBe(true);
  });
});

describe('batch 741: records in shapes of their own', () => {
  it('when a checklist is sent as rows and one row fails, then the check fails', () => {
    const submit = { description: 'Submit the pre-start for the skid steer', kind: 'equipment_checklist' };
    expect(codes({ ...submit, parameters: { rows: [{ item: 'seat bar interlock', result: 'pass' }, { item: 'park brake', result: 'fail' }] } })).toContain('inspection_items_failed');
    expect(codes({ ...submit, parameters: { rows: [{ item: 'seat bar interlock', result: 'pass' }, { item: 'mirror', result: 'note' }] } })).not.toContain('inspection_items_failed');
  });
  it('when a field names people in the swing path, then they are under the load; "none" says nobody is', () => {
    const pick = { description: 'Fly the rebar bundles', kind: 'crane_lift' };
    expect(codes({ ...pick, parameters: { workers_in_swing_path: 'two ironworkers tying mats' } })).toContain('workers_under_suspended_load');
    expect(codes({ ...pick, parameters: { workers_in_swing_path: 'none' } })).not.toContain('workers_under_suspended_load');
  });
  it('when a field says the connectors are tied off, then fall protection is in place', () => {
    expect(fact({ description: 'Set the girts', kind: 'steel_erection', parameters: { ironworkers_tied_off: true } }, 'fall.protected')).toBe(true);
  });
});

describe('batch 741: reports of a control taken away', () => {
  it('when a report says someone pulled the guardrail, then it is gone whatever is promised later', () => {
    const state = { recent_observations: ['Roofer pulled the guardrail section at the hoist landing (~30 ft), will reset tomorrow'] };
    expect(fact({ description: 'Masons use the landing', kind: 'scaffold_work' }, 'fall.protected', state)).toBe(false);
  });
  it('when something else was removed from beside the rail, then the rail stays', () => {
    const state = { recent_observations: ['Labourer removed debris from the guardrail at the landing'] };
    expect(fact({ description: 'Masons use the landing', kind: 'scaffold_work' }, 'fall.protected', state)).toBe(true);
  });
  it('when the rail was removed and replaced, then it is back', () => {
    const state = { recent_observations: ['Removed and reinstalled the guardrail at the landing'] };
    expect(fact({ description: 'Masons use the landing', kind: 'scaffold_work' }, 'fall.protected', state)).not.toBe(false);
  });
  it('when a report says the safety switch is held with tape, then the device is defeated; "tape removed" is not', () => {
    const go = { description: 'Finish the bay', kind: 'general_work' };
    expect(codes(go, { recent_observations: ['Deadman switch on the plate compactor held down with tape'] })).toContain('safety_device_defeated_in_use');
    expect(codes(go, { recent_observations: ['Deadman switch tape removed, tested, stops the engine'] })).not.toContain('safety_device_defeated_in_use');
  });
  it('when a panel cover is reported off, then the open enclosure escalates unless the panel is locked out', () => {
    const route = { description: 'Tapers work the corridor tomorrow', kind: 'general_work' };
    expect(codes(route, { recent_observations: ['Temp panel cover removed, two knockouts open'] })).toContain('electrical_enclosure_open');
    expect(codes(route, { recent_observations: ['Temp panel cover back on, knockouts sealed'] })).not.toContain('electrical_enclosure_open');
  });
});

describe('batch 741: new hazards and their neighbours', () => {
  it('crane operator on the phone while operating (1926.1417(d))', () => {
    expect(codes({ description: 'Continue the set', kind: 'crane_lift', parameters: { operator_on_phone: 'yes' } })).toContain('crane_operator_distracted');
    expect(codes({ description: 'Continue the set', kind: 'crane_lift', parameters: { operator_on_phone: 'no' } })).not.toContain('crane_operator_distracted');
  });
  it('crane repair without a manufacturer procedure (1926.1434)', () => {
    expect(codes({ description: 'Weld a doubler on the jib', kind: 'maintenance_work_order', parameters: { repair_procedure: 'none' } })).toContain('crane_repair_without_manufacturer_procedure');
    expect(codes({ description: 'Weld a doubler on the jib', kind: 'maintenance_work_order', parameters: { repair_procedure: 'OEM letter 22-7 followed' } })).not.toContain('crane_repair_without_manufacturer_procedure');
  });
  it('first aid far from care (1926.50(c)-(d))', () => {
    const go = { description: 'Start brushing', kind: 'submit_jha' };
    expect(codes({ ...go, parameters: { emergency: { first_aid_person: 'none', nearest_hospital: '70 min' } } })).toContain('first_aid_not_available');
    expect(codes({ ...go, parameters: { emergency: { first_aid_person: 'none', nearest_hospital: '2 min' } } })).not.toContain('first_aid_not_available');
    expect(codes({ ...go, parameters: { emergency: { first_aid_kit: 'back at the office' } } })).toContain('first_aid_not_available');
  });
  it('demolition stairwell with no cover below the work (1926.851(b))', () => {
    const route = { description: 'Crew uses the west stair', kind: 'demolition' };
    expect(codes(route, { recent_observations: ['No catch deck in the west stair shaft'] })).toContain('demolition_stairwell_uncovered');
    expect(codes(route, { recent_observations: ['Catch deck in the west stair shaft two floors down'] })).not.toContain('demolition_stairwell_uncovered');
  });
  it('vehicle defect not corrected, split rim inflated without a cage, double connection with nothing holding the first member', () => {
    expect(codes({ description: 'Keep hauling', kind: 'equipment_operation', parameters: { defect_corrected: false } })).toContain('vehicle_defect_not_corrected');
    expect(codes({ description: 'Keep hauling', kind: 'equipment_operation', parameters: { defect_corrected: true } })).not.toContain('vehicle_defect_not_corrected');
    expect(codes({ description: 'Inflate the split-rim tire', kind: 'equipment_maintenance', parameters: { restraining_device: 'none' } })).toContain('multi_piece_rim_inflated_unrestrained');
    expect(codes({ description: 'Inflate the split-rim tire', kind: 'equipment_maintenance', parameters: { restraining_device: 'cage' } })).not.toContain('multi_piece_rim_inflated_unrestrained');
    expect(codes({ description: 'Connect the second beam', kind: 'steel_erection', parameters: { bolts_left_on_first_member: 0, seat_supplied: false } })).toContain('double_connection_unsupported');
    expect(codes({ description: 'Connect the second beam', kind: 'steel_erection', parameters: { bolts_left_on_first_member: 0, seat_supplied: true } })).not.toContain('double_connection_unsupported');
  });
  it('passengers on a machine with no passenger seat ride unseated (1926.601(b)(8))', () => {
    expect(codes({ description: 'Approve the ride', kind: 'plant_request', parameters: { passengers: 2, passenger_seat: 'none' } })).toContain('employees_riding_without_seats');
    expect(codes({ description: 'Approve the ride', kind: 'plant_request', parameters: { passengers: 1, passenger_seat: 'yes, belted' } })).not.toContain('employees_riding_without_seats');
  });
});
