import { describe, expect, it } from 'vitest';
import { constructionReader } from '../support/construction-reading.js';
import { factAt } from '../../src/packs/reading/reading.js';
import { kindNamesEmergency } from '../../src/packs/construction_safety/classify-action.js';

// Reading classes met in batch cs-dev-821..860, in this file's own words: a shield's tabulated depth is a limit, not the depth
// of the cut, and a maker's approval on record belongs to what the request is about (the shield, or a crane repair); a tornado
// warning stops outdoor work and a trailer, container or vehicle is no shelter; harness leg straps, electrode holders, sprinkler
// impairments, a pump restarted with people on the end hose, bird droppings, unmarked lifting beams, plain eyebolts at an angle
// and side pulls; an emergency response cutting the power services no circuit; work the action puts on the floor is not at the
// height of the task the state plans.
const { read, codes, asked } = constructionReader('SITE-821');
const fact = (action: Record<string, unknown>, path: string, state: Record<string, unknown> = {}) => factAt(read(action, state).facts, path);

describe('batch 821: a trench shield against its tabulated data (1926.652(c)(3))', () => {
  it('given a 17 ft cut and a box whose data stops at 12 ft, when the crew goes in, then the shield rule fires', () => {
    expect(codes({ description: 'Lay the main inside the box', kind: 'trenching', parameters: { depth_ft: 17, box_max_depth_ft: 12 } })).toContain('trench_shield_beyond_tabulated_depth');
  });
  it('given the tabulated depth only in an observation, when it is read, then it is the rating, not the depth of the cut', () => {
    const state = { recent_observations: ['Shield tab data on the dash: max depth 10 ft in Type B'] };
    const action = { description: 'Set the tee', kind: 'excavation', parameters: { depth_ft: 8 } };
    expect(fact(action, 'trench.shield_rated_depth_ft', state)).toBe(10);
    expect(fact(action, 'trench.depth_ft', state)).toBe(8);
    expect(codes(action, state)).not.toContain('trench_shield_beyond_tabulated_depth');
  });
  it('given a cut deeper than the rating, when the maker approved the deeper use in writing, then nothing fires', () => {
    const action = { description: 'Stack the extension panels and work the bottom', kind: 'trenching', parameters: { depth_ft: 18, shield_rated_depth_ft: 14, manufacturer_written_approval: 'letter from the maker on file' } };
    expect(fact(action, 'trench.shield_deviation_approved')).toBe(true);
    expect(codes(action)).not.toContain('trench_shield_beyond_tabulated_depth');
  });
});

describe('batch 821: whose approval a bare "manufacturer approval" field is', () => {
  it('given an excavation, when the record says the maker has not approved, then it is the shield maker and no crane repair is read', () => {
    const action = { description: 'Put the layers in', kind: 'trenching', parameters: { depth_ft: 16, shield_rated_depth_ft: 12, manufacturer_approval: 'no' } };
    expect(fact(action, 'trench.shield_deviation_approved')).toBe(false);
    expect(fact(action, 'equipment.repair_procedure')).toBeUndefined();
    expect(codes(action)).toContain('trench_shield_beyond_tabulated_depth');
    expect(codes(action)).not.toContain('crane_repair_without_manufacturer_procedure');
  });
  it('given a crane repair, when the record says the maker has not approved, then the repair rule fires and no shield is read', () => {
    const action = { description: 'Weld a doubler plate onto the boom chord', kind: 'equipment_maintenance', parameters: { oem_written_approval: 'none' } };
    expect(fact(action, 'equipment.repair_procedure')).toBe(false);
    expect(fact(action, 'trench.shield_deviation_approved')).toBeUndefined();
    expect(codes(action)).toContain('crane_repair_without_manufacturer_procedure');
  });
  it('given a crane repair with the maker\'s approval on file, when it is read, then the repair rule stays quiet', () => {
    expect(codes({ description: 'Replace the bent lacing', kind: 'equipment_maintenance', parameters: { manufacturer_approval: 'yes, OEM letter 22-114' } })).not.toContain('crane_repair_without_manufacturer_procedure');
  });
});

describe('batch 821: tornado warnings (NWS tornado safety)', () => {
  const warning = { environmental_conditions: { weather: 'Tornado warning issued for this county' } };
  it('given a warning, when the deck crew keeps working, then the warning rule fires', () => {
    expect(codes({ description: 'Keep forming the deck', kind: 'concrete_pour' }, warning)).toContain('tornado_warning_work_continues');
  });
  it('given only a watch, when work goes on, then nothing about tornadoes fires', () => {
    const c = codes({ description: 'Keep forming the deck', kind: 'concrete_pour' }, { environmental_conditions: { weather: 'Tornado watch until 19:00' } });
    expect(c).not.toContain('tornado_warning_work_continues');
    expect(c).not.toContain('tornado_shelter_in_mobile_structure');
  });
  it('given a warning, when the stand-down sends the crew into a container, then the shelter rule still fires', () => {
    expect(codes({ description: 'Stop work and wait in the sea can until the all clear', kind: 'stop_work' }, warning)).toContain('tornado_shelter_in_mobile_structure');
  });
  it('given a warning, when the shelter place comes as a field, then its words are read', () => {
    const c = codes({ description: 'Stop work until the warning expires', kind: 'stop_work', parameters: { shelter_location: 'the foreman\'s pickups' } }, warning);
    expect(c).toContain('tornado_shelter_in_mobile_structure');
    const basement = codes({ description: 'Stop work until the warning expires', kind: 'stop_work', parameters: { shelter_location: 'basement corridor of building B' } }, warning);
    expect(basement).not.toContain('tornado_shelter_in_mobile_structure');
  });
  it('given a warning, when people are moved out of the trailers, then the trailers are not their shelter', () => {
    expect(codes({ description: 'Clear everyone out of the office trailers and into the stair core until the warning is lifted', kind: 'stop_work' }, warning)).not.toContain('tornado_shelter_in_mobile_structure');
  });
});

describe('batch 821: a harness worn with its leg straps open (1926.502(d))', () => {
  it('when the observation says the leg loops are unclipped, then the rule fires', () => {
    expect(codes({ description: 'Hang the curtain wall panel', kind: 'steel_erection' }, { recent_observations: ['glazier at the edge, leg loops unclipped'] })).toContain('harness_leg_straps_unfastened');
  });
  it('when a field says the leg straps are unbuckled, or not buckled, then the rule fires either way round', () => {
    expect(codes({ description: 'Carry on', kind: 'roofing_work', parameters: { leg_straps_unbuckled: true } })).toContain('harness_leg_straps_unfastened');
    expect(codes({ description: 'Carry on', kind: 'roofing_work', parameters: { leg_straps_fastened: 'no' } })).toContain('harness_leg_straps_unfastened');
    expect(codes({ description: 'Carry on', kind: 'roofing_work', parameters: { leg_straps_fastened: 'yes' } })).not.toContain('harness_leg_straps_unfastened');
  });
});

describe('batch 821: hot work hazards of the batch', () => {
  it('when the welder quenches the stinger in a pail of water, then the holder rule fires; cooling it in air does not', () => {
    expect(codes({ description: 'Weld the stair pan supports', kind: 'hot_work' }, { recent_observations: ['he quenches the stinger in water between rods'] })).toContain('electrode_holder_dipped_in_water');
    expect(codes({ description: 'Weld the stair pan supports', kind: 'hot_work' }, { recent_observations: ['stinger hung up to cool in air'] })).not.toContain('electrode_holder_dipped_in_water');
  });
  it('given the sprinklers impaired, when welding goes on, then the rule fires; when only painting goes on, then it does not', () => {
    const state = { compliance_status: { sprinkler_protection: 'impaired, riser drained' } };
    expect(codes({ description: 'Weld the new lintels', kind: 'hot_work' }, state)).toContain('hot_work_sprinklers_impaired');
    expect(codes({ description: 'Prime the new lintels', kind: 'general_work' }, state)).not.toContain('hot_work_sprinklers_impaired');
  });
});

describe('batch 821: rigging and crane hazards of the batch', () => {
  it('when a fabricated spreader beam is unmarked, then the custom accessory rule fires; a stencilled one does not', () => {
    expect(codes({ description: 'Pick the tank on the fabricated spreader beam, it is unmarked', kind: 'crane_lift' })).toContain('custom_lifting_accessory_unrated');
    expect(codes({ description: 'Pick the tank on the spreader beam stencilled 8 t WLL', kind: 'crane_lift' })).not.toContain('custom_lifting_accessory_unrated');
  });
  it('given plain eyebolts, when the legs pull at an angle, then the eyebolt rule fires; a vertical pull does not', () => {
    const action = (angle: number) => ({ description: 'Lift the compressor by its plain eyebolts', kind: 'crane_lift', parameters: { sling_angle_deg: angle } });
    expect(codes(action(55))).toContain('plain_eyebolt_angular_load');
    expect(codes(action(90))).not.toContain('plain_eyebolt_angular_load');
  });
  it('when the crane pulls the load sideways, then the side-pull rule fires; the same words on a winch do not', () => {
    expect(codes({ description: 'Pulling the load sideways off the truck bed with the crane', kind: 'crane_lift' })).toContain('crane_side_pull');
    expect(codes({ description: 'Pulling the load sideways off the truck bed with the winch', kind: 'general_work' })).not.toContain('crane_side_pull');
  });
  it('given a blockage just cleared, when the pump restarts with a man hugging the end hose, then the hose-whip rule fires', () => {
    const state = { recent_observations: ['blockage cleared at the elbow'] };
    expect(codes({ description: 'Restart pumping, Joe hugging the end hose', kind: 'concrete_pour' }, state)).toContain('concrete_pump_restart_end_hose_held');
    expect(codes({ description: 'Restart pumping with the end hose over the washout and everyone back', kind: 'concrete_pour' }, state)).not.toContain('concrete_pump_restart_end_hose_held');
  });
});

describe('batch 821: bird droppings (NIOSH 2005-109)', () => {
  it('given droppings named in the hazard list, when the loft is cleared without respirators, then the rule fires', () => {
    expect(codes({ description: 'Clear the loft', kind: 'demolition' }, { active_hazards: ['pigeon guano'] })).toContain('bird_droppings_disturbed_without_respirator');
  });
  it('given droppings, when the tool call names the respirator worn, then the rule does not fire', () => {
    expect(codes({ description: 'Clear the loft', kind: 'demolition', parameters: { respirator: 'half mask, P100 filters' } }, { active_hazards: ['pigeon guano'] })).not.toContain('bird_droppings_disturbed_without_respirator');
  });
});

describe('batch 821: an emergency response that cuts the power', () => {
  it('when the kind names an emergency, a rescue or first aid, then it is read as one', () => {
    expect(kindNamesEmergency('emergency_response')).toBe(true);
    expect(kindNamesEmergency('first_aid')).toBe(true);
    expect(kindNamesEmergency('rescue')).toBe(true);
    expect(kindNamesEmergency('medical_removal')).toBe(false);
    expect(kindNamesEmergency('electrical_work')).toBe(false);
  });
  it('given a shock casualty, when the response kills the breaker before touching him, then no lockout is asked', () => {
    const action = { description: 'Open the breaker feeding the cord, then check his breathing and start CPR', kind: 'emergency_response' };
    expect(fact(action, 'loto.required')).toBeUndefined();
    expect(asked(action)).not.toContain('loto.applied');
  });
  it('given a shock casualty, when the tool call says the power is not isolated, then the lockout rule still fires', () => {
    expect(codes({ description: 'Pull him off the cord by his belt', kind: 'emergency_response', parameters: { power_isolated: false } })).toContain('lockout_tagout_missing');
  });
  it('given the same breaker work as ordinary electrical work, when it is read, then lockout is still asked', () => {
    expect(asked({ description: 'Open the breaker feeding the cord and replace the receptacle', kind: 'electrical_work' })).toContain('loto.applied');
  });
});

describe('batch 821: work the action puts on the floor', () => {
  const state = { task_description: 'Duct hangers at 28 ft', active_hazards: ['work at height'] };
  it('given the height only in the state, when the action keeps the crew on the floor, then nothing is read at height', () => {
    const action = { description: 'Park the scissor lift with a tag on it and have the crew cut hanger rod on the floor until the new one comes', kind: 'general_work' };
    expect(fact(action, 'fall.at_height', state)).toBeUndefined();
    expect(asked(action, state)).not.toContain('fall.protected');
  });
  it('given the same state, when the action sends the crew up, then the height counts and fall protection is asked', () => {
    expect(asked({ description: 'Hang the ducts', kind: 'general_work' }, state)).toContain('fall.protected');
  });
  it('given the floor of an upper level, when the action names it, then it is not the ground', () => {
    const action = { description: 'Stage the ducts on the floor of level 4 next to the opening', kind: 'general_work' };
    expect(fact(action, 'fall.ground_level', state)).toBeUndefined();
  });
});
