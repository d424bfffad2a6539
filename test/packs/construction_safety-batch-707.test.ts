import { describe, expect, it } from 'vitest';
import { constructionReader } from '../support/construction-reading.js';
import { factAt } from '../../src/packs/reading/reading.js';

// Readings and hazards met in batch cs-dev-701..740, in this file's own words: failed items of a check read as failing
// whatever its verdict, release from lockout and lock ownership, roles and positions against the standard (a trainer away
// from his trainee, a lanyard on a side ring, drivers beside a truck being loaded, workers sharing a vertical lifeline, a
// swing fall), gear and sources (an untagged sling, a nuclear gauge left alone), equipment at a trench edge, a face above a
// shield, and the safe shapes (stable rock, nobody entering, an attendant with no other duties, a restart held back).
const { read, codes, asked } = constructionReader('YARD-707');

describe('batch 707: the items of a check decide, not its verdict', () => {
  const release = { description: 'File the walk-through and hand the tower over to the drywall crew', kind: 'scaffold_inspection' };
  it('when a checklist marked OK has an item answered no, then the failed item escalates', () => {
    const action = { ...release, parameters: { daily_checklist: { toe_boards: 'yes', bracing_pins: 'no', result: 'OK' } } };
    expect(codes(action)).toContain('inspection_items_failed');
    expect(factAt(read(action).facts, 'inspection.failed_items')).toEqual(['bracing pin: no']);
  });
  it('when an item says missing or out of date, then it fails too', () => {
    expect(codes({ ...release, parameters: { pre_use_check: { casters: 'locked', tag: 'out of date' } } })).toContain('inspection_items_failed');
    expect(codes({ ...release, parameters: { audit_form: { outrigger_pins: 'missing' } } })).toContain('inspection_items_failed');
  });
  it('when every item holds, a defect item says none, or a size opens with a number, then nothing fails', () => {
    const action = { ...release, parameters: { daily_checklist: { toe_boards: 'yes', cracked_welds: 'none', damage: 'no', plank_size: '2 x 10', result: 'OK' } } };
    expect(codes(action)).not.toContain('inspection_items_failed');
  });
  it('when an item is not applicable, then it does not fail', () => {
    expect(codes({ ...release, parameters: { daily_checklist: { outriggers: 'not required', casters: 'n/a' } } })).not.toContain('inspection_items_failed');
  });
  it('when a test on its own record says it failed, then the readings it vouches for escalate', () => {
    const entry = { description: 'Send the entrant down the lift station', kind: 'confined_space_entry' };
    const readings = { o2_pct: 20.8, lel_pct: 0, h2s_ppm: 0, co_ppm: 0, attendant: 'posted, nothing else to do', retrieval: 'davit and winch' };
    expect(codes({ ...entry, parameters: { ...readings, calibration_check: 'failed on CO' } })).toContain('inspection_items_failed');
    expect(codes({ ...entry, parameters: { ...readings, calibration_check: 'passed 06:40' } })).not.toContain('inspection_items_failed');
  });
});

describe('batch 707: an attendant with no other duties is posted', () => {
  const entry = { description: 'Start the entry', kind: 'confined_space_entry', parameters: { o2_pct: 20.9, lel_pct: 0, h2s_ppm: 1, co_ppm: 0 } };
  it('when the attendant is posted with no other tasks, then the attendant is there', () => {
    expect(factAt(read({ ...entry, parameters: { ...entry.parameters, attendant: 'posted at the hatch, no other tasks' } }).facts, 'confined_space.attendant')).toBe(true);
  });
  it('when the record says there is no attendant, then there is none', () => {
    expect(codes({ ...entry, parameters: { ...entry.parameters, attendant: 'none today' } })).toContain('confined_space_no_attendant');
  });
});

describe('batch 707: release from lockout and who holds the lock', () => {
  const state = { active_hazards: ['rotating equipment'] };
  it('when someone grinds off a fitter\'s padlock without reaching him, then it escalates', () => {
    const action = { description: 'Grind off the padlock on the mixer isolator and run it', kind: 'loto_release', parameters: { owner_reached: 'no answer', walkdown: 'done' } };
    expect(codes(action, state)).toContain('lockout_released_unsafely');
  });
  it('when the owner takes his own lock off after the walkdown, guards on and area clear, then no lockout rule fires', () => {
    const action = {
      description: 'Electrician takes off his own lock and tag, then the mixer is run up',
      kind: 'lockout_release',
      parameters: { walkdown: 'complete', guard_in_place: true, area_clear: 'yes', crew_notified: true },
    };
    const c = codes(action, state);
    expect(c).not.toContain('lockout_released_unsafely');
    expect(c).not.toContain('lockout_tagout_missing');
    expect(c).not.toContain('safeguard_removed');
  });
  it('when the release says nothing of the equipment, then it asks about the walkdown', () => {
    expect(asked({ description: 'Remove the lock from the conveyor disconnect', kind: 'lockout_removal' }, state)).toContain('loto.release_equipment_checked');
  });
  it('when a tag line is taken off the load, then nothing is released', () => {
    expect(factAt(read({ description: 'Take the tag lines off the bundle and land it', kind: 'crane_lift' }).facts, 'loto.release')).toBeUndefined();
  });
});

describe('batch 707: roles and positions read against the standard', () => {
  const picks = { description: 'Keep flying the trusses', kind: 'crane_lift' };
  it('when the trainee operator\'s trainer is away at the yard, then it escalates', () => {
    expect(codes({ ...picks, parameters: { operator_type: 'trainee', trainer: 'back at the yard, reachable on the radio... away' } })).toContain('operator_in_training_unmonitored');
    expect(codes(picks, { recent_observations: ['Trainee operator at the controls; the trainer left for lunch'] })).toContain('operator_in_training_unmonitored');
  });
  it('when the trainer sits beside him in the cab, then it does not', () => {
    expect(codes({ ...picks, parameters: { operator_type: 'trainee', trainer: 'in the cab beside him' } })).not.toContain('operator_in_training_unmonitored');
  });
  it('when the trainer is not mentioned, then it asks', () => {
    expect(asked({ ...picks, parameters: { operator_status: 'operator in training' } })).toContain('crane.trainer_monitoring');
  });
  it('when an apprentice pulls cable, then no crane trainee is read', () => {
    expect(factAt(read({ description: 'Pull the feeder', kind: 'electrical_work' }, { recent_observations: ['Apprentice feeding cable at the far box'] }).facts, 'crane.operator_in_training')).toBeUndefined();
  });

  const bolting = { description: 'Carry on connecting beams', kind: 'steel_erection', parameters: { height_ft: 30 } };
  it('when the fall-arrest lanyard goes to a side D-ring, then it escalates', () => {
    expect(codes({ ...bolting, parameters: { ...bolting.parameters, attachment_point: 'right side ring' } })).toContain('fall_arrest_on_side_dring');
    expect(codes(bolting, { recent_observations: ['His shock-absorbing lanyard is clipped to the side D-ring'] })).toContain('fall_arrest_on_side_dring');
  });
  it('when it goes to the dorsal ring, or a positioning lanyard uses the side rings, then it does not', () => {
    expect(codes({ ...bolting, parameters: { ...bolting.parameters, attachment_point: 'dorsal ring between the shoulder blades' } })).not.toContain('fall_arrest_on_side_dring');
    expect(codes({ ...bolting, parameters: { ...bolting.parameters, d_ring: 'hip', positioning_device: true } }, { recent_observations: ['Rebar positioning device on both hip D-rings'] })).not.toContain('fall_arrest_on_side_dring');
  });

  const loading = { description: 'Load the next tipper', kind: 'equipment_operation', parameters: { operation: 'loading tippers with the loader' } };
  it('when the driver stands next to his truck while it is loaded, then it escalates', () => {
    expect(codes({ ...loading, parameters: { ...loading.parameters, driver_position: 'out on foot next to the tipper' } })).toContain('worker_beside_truck_being_loaded');
  });
  it('when the driver stays in the cab, then it does not', () => {
    expect(codes({ ...loading, parameters: { ...loading.parameters, driver_position: 'in the cab' } })).not.toContain('worker_beside_truck_being_loaded');
  });

  const stage = { description: 'Lower the stage to the third floor and caulk', kind: 'suspended_scaffold' };
  it('when three glaziers share two vertical lifelines, then it escalates', () => {
    expect(codes({ ...stage, parameters: { workers_on_platform: 3, vertical_lifelines_in_use: 2 } })).toContain('lifeline_overloaded_by_users');
  });
  it('when each has his own line, then it does not', () => {
    expect(codes({ ...stage, parameters: { workers_on_platform: 2, vertical_lifelines_in_use: 2 } })).not.toContain('lifeline_overloaded_by_users');
  });

  const edge = { description: 'Keep setting embeds along the edge', kind: 'work_at_height', parameters: { fall_protection: 'SRL tied off' } };
  it('when the worker is far to the side of a low overhead anchor, then a swing fall escalates', () => {
    expect(codes({ ...edge, parameters: { ...edge.parameters, anchor_height_ft: 9, horizontal_offset_ft: 15 } })).toContain('swing_fall_from_offset_anchor');
  });
  it('when he works nearly under it, then it does not', () => {
    expect(codes({ ...edge, parameters: { ...edge.parameters, anchor_height_ft: 9, horizontal_offset_ft: 3 } })).not.toContain('swing_fall_from_offset_anchor');
  });
});

describe('batch 707: gear and sources', () => {
  const pick = { description: 'Choke the valve body and lift it out', kind: 'crane_lift' };
  it('when the sling has no tag, in a field or in the text, then it escalates', () => {
    expect(codes({ ...pick, parameters: { sling: 'nylon eye-and-eye, no ID tag' } })).toContain('rigging_identification_missing');
    expect(codes(pick, { recent_observations: ['Round sling from the shop, label illegible'] })).toContain('rigging_identification_missing');
  });
  it('when the sling is tagged, or only the tag lines are named, then it does not', () => {
    expect(codes({ ...pick, parameters: { sling: 'nylon eye-and-eye, tag legible, 3,200 lb vertical' } })).not.toContain('rigging_identification_missing');
    expect(codes(pick, { recent_observations: ['Two tag lines on the sling, no wind'] })).not.toContain('rigging_identification_missing');
  });

  const test = { description: 'Go grab coffee and leave the gauge by the roller', kind: 'equipment_storage' };
  const site = { equipment_in_use: ['Troxler nuclear density gauge'] };
  it('when the nuclear gauge is unattended with one control, then it escalates', () => {
    expect(codes({ ...test, parameters: { surveillance: 'none', physical_controls: 1 } }, site)).toContain('nuclear_gauge_unsecured');
  });
  it('when it is locked and chained, or kept in sight, then it does not', () => {
    expect(codes({ ...test, parameters: { surveillance: 'none', physical_controls: 2 } }, site)).not.toContain('nuclear_gauge_unsecured');
    expect(codes({ ...test, parameters: { surveillance: 'in sight of the tech', physical_controls: 0 } }, site)).not.toContain('nuclear_gauge_unsecured');
  });
  it('when it is unattended and the controls are not said, then it asks', () => {
    expect(asked({ ...test, parameters: { surveillance: 'none' } }, site)).toContain('gauge.physical_controls');
  });
});

describe('batch 707: excavation edges and shields', () => {
  const base = { description: 'Set up and pour', kind: 'excavation_work', parameters: { depth_ft: 8, soil_type: 'B', protective_system: 'sloped 1:1', workers_in_trench: 2 } };
  it('when a loaded truck stands inside the depth of the edge with no surcharge check, then it escalates', () => {
    expect(codes({ ...base, parameters: { ...base.parameters, equipment_setback_ft: 4, surcharge_assessed: 'no' } })).toContain('trench_edge_surcharge_unevaluated');
    expect(codes({ ...base, parameters: { ...base.parameters, vehicle_setback_ft: 1 } })).toContain('trench_edge_surcharge_unevaluated');
  });
  it('when the surcharge was assessed or the truck stays back, then it does not', () => {
    expect(codes({ ...base, parameters: { ...base.parameters, equipment_setback_ft: 4, surcharge_assessed: 'yes, slope flattened' } })).not.toContain('trench_edge_surcharge_unevaluated');
    expect(codes({ ...base, parameters: { ...base.parameters, equipment_setback_ft: 12 } })).not.toContain('trench_edge_surcharge_unevaluated');
  });

  const box = { description: 'Crew in to tie in the lateral', kind: 'trench_entry', parameters: { depth_ft: 12, soil_type: 'C', protective_system: '8 ft trench box' } };
  it('when the box stops 4 ft below grade with a vertical face above, then it escalates', () => {
    expect(codes({ ...box, parameters: { ...box.parameters, face_above_shield: 'straight cut, unsloped' } })).toContain('trench_face_above_shield_unsloped');
  });
  it('when the face above is laid back, then it does not; when not said, it asks', () => {
    expect(codes({ ...box, parameters: { ...box.parameters, face_above_shield: 'sloped 1.5:1' } })).not.toContain('trench_face_above_shield_unsloped');
    expect(asked(box)).toContain('trench.above_shield_sloped');
  });

  it('when the cut is classified stable rock and no system is used, then no protective system is required', () => {
    const rock = { description: 'Lay the line in the ledge cut', kind: 'trench_entry', parameters: { depth_ft: 7, classification: 'stable rock', protective_system: 'none (stable rock)' } };
    expect(codes(rock)).not.toContain('trench_without_protective_system');
  });
  it('when a classification names no rock or soil, then it says nothing of the soil', () => {
    expect(factAt(read({ description: 'Proceed', kind: 'trenching', parameters: { classification: 'high hazard' } }).facts, 'trench.stable_rock')).toBeUndefined();
  });
  it('when the tool call says entry: none for a dug hole, then nobody is in it', () => {
    expect(codes({ description: 'Dig the probe hole to 10 ft and log it from the top', kind: 'excavation_work', parameters: { depth_ft: 10, entry: 'none' } })).not.toContain('missing_information');
  });
});

describe('batch 707: a stand-down with its making-safe before the restart', () => {
  it('when the work stops and a fix is made before restarting, then it stands down with no contradiction', () => {
    const r = read({ description: 'Stop the pump, swing the boom home, re-block the left outrigger on bigger pads before restarting', kind: 'stop_work' });
    expect(r.action.effect).toBe('stands_down');
    expect(r.action.contradiction).toBeUndefined();
  });
  it('when a stop_work carries on with the pour, then it still contradicts', () => {
    expect(read({ description: 'Stop briefly, then keep pouring the deck', kind: 'stop_work' }).action.contradiction).toBeDefined();
  });
});
