import { describe, expect, it } from 'vitest';
import { constructionReader } from '../support/construction-reading.js';
import { factAt } from '../../src/packs/reading/reading.js';

// Reading classes met in batch cs-dev-861..900, in this file's own words: underground air is judged as the competent person
// tested it; "electric" names what drives a machine; repairs to a structure service no machine; a task done inside a trench box
// is protected; a jack stand and a truck's tandem axles are no person under a load and no second crane; "steel" in the
// equipment list is a material; a shoring design on record is the drawings; the words of an eye-protection record are read;
// people "below" a demolition are under the floor; the gerund of an air test is a test; chocks and a chained ramp are read from
// text; a purlin being bolted is the work, a purlin clamped to is the anchorage; a question about a symptom reports none.
const { read, codes, asked } = constructionReader('SITE-861');
const fact = (action: Record<string, unknown>, path: string, state: Record<string, unknown> = {}) => factAt(read(action, state).facts, path);

describe('batch 861: underground air as the competent person tested it (1926.800(j)(1); 1926.1201(b)(2))', () => {
  const heading = { task_description: 'Mucking at the tunnel heading, 900 m from the portal' };
  it('given a heading gas check without hydrogen sulfide, when work goes on, then no H2S reading is asked for', () => {
    const state = { ...heading, recent_observations: ['Face gas check: O2 20.8%, CO 3 ppm, CH4 0% LEL'] };
    expect(asked({ description: 'Keep mucking the round', kind: 'general_work' }, state)).not.toContain('confined_space.h2s_ppm');
  });
  it('given an H2S reading over the limit underground, when work goes on, then the atmosphere rule still fires', () => {
    const state = { ...heading, recent_observations: ['Face gas check: O2 20.8%, H2S 14 ppm, CH4 0% LEL'] };
    expect(fact({ description: 'Keep mucking', kind: 'general_work' }, 'underground.h2s_ppm', state)).toBe(14);
    expect(codes({ description: 'Keep mucking', kind: 'general_work' }, state)).toContain('confined_space_hazardous_atmosphere');
  });
  it('given a manhole entry (not underground construction) without H2S, when the entrant goes in, then H2S is still asked', () => {
    const state = { task_description: 'Enter the sewer manhole to set a flow meter', recent_observations: ['Meter reads O2 20.9%, LEL 0%'] };
    expect(asked({ description: 'Enter the manhole', kind: 'confined_space' }, state)).toContain('confined_space.h2s_ppm');
  });
});

describe('batch 861: "electric" names a machine\'s power, not electrical work', () => {
  it('given an electric pump run at the face, when it is read, then the work is not electrical and no lockout is asked', () => {
    const action = { description: 'Run the electric submersible pump overnight', kind: 'equipment_operation' };
    expect(fact(action, 'task.kind')).not.toBe('electrical_work');
    expect(asked(action)).not.toContain('loto.applied');
  });
  it('given an electrician wiring a panel, when it is read, then it is still electrical work', () => {
    expect(fact({ description: 'Electrician to terminate the feeders in the new panel', kind: 'work_order' }, 'task.kind')).toBe('electrical_work');
  });
});

describe('batch 861: repairs to a structure service no machine (1910.147 is about machines and equipment)', () => {
  it('given a pile repair from a barge, when the crew starts, then no lockout is asked', () => {
    const action = { description: 'Board the crew and start the pile repair', kind: 'crew_assignment' };
    expect(fact(action, 'task.kind')).not.toBe('equipment_maintenance');
    expect(asked(action)).not.toContain('loto.applied');
  });
  it('given a pump repair, when it is read, then it is still equipment maintenance', () => {
    expect(fact({ description: 'Repair the jammed pump impeller', kind: 'work_order' }, 'task.kind')).toBe('equipment_maintenance');
  });
});

describe('batch 861: a task done inside a trench box (1926.652(a)(1))', () => {
  it('given a task laid "in a 1.5 m trench box", when it is read, then the excavation is protected', () => {
    expect(fact({ description: 'Continue laying pipe', kind: 'crew_assignment' }, 'trench.protected', { task_description: 'Lay the water main in a 1.5 m trench box' })).toBe(true);
  });
  it('given a task that only names the box on the truck, when it is read, then protection stays unknown', () => {
    expect(fact({ description: 'Continue laying pipe', kind: 'trenching' }, 'trench.protected', { task_description: 'Lay the water main; trench box still on the truck' })).not.toBe(true);
  });
});

describe('batch 861: supports and axles are not loads and cranes', () => {
  it('given a jack stand under a trailer nose, when it is read, then nobody is under a suspended load', () => {
    const state = { recent_observations: ['Jack stand under the trailer nose on a steel plate'] };
    expect(codes({ description: 'Start unloading with the forklift', kind: 'equipment_operation' }, state)).not.toContain('workers_under_suspended_load');
  });
  it('given a rigger who will stand under the load, when it is read, then the rule fires', () => {
    expect(codes({ description: 'Rigger to stand under the load and guide it', kind: 'crane_lift' })).toContain('workers_under_suspended_load');
  });
  it('given chocks on the rear tandem, when it is read, then no multi-crane lift is read', () => {
    expect(fact({ description: 'Unload the trailer', kind: 'general_work' }, 'crane.multiple', { recent_observations: ['Chocks both sides of the rear tandem'] })).toBeUndefined();
  });
});

describe('batch 861: "steel" in the equipment list is a material', () => {
  it('given a steel yard ramp and a forklift, when the kind is read from the state, then it is not steel erection and no fall question is asked', () => {
    const state = { task_description: 'Unload pallets over the ramp', equipment_in_use: ['portable steel yard ramp', 'forklift'] };
    const action = { description: 'Start unloading', kind: 'equipment_operation' };
    expect(fact(action, 'task.kind', state)).not.toBe('steel_erection');
    expect(asked(action, state)).not.toContain('fall.protected');
  });
  it('given structural steel in the equipment list, when the kind is read, then it is still steel erection', () => {
    expect(fact({ description: 'Start', kind: 'equipment_operation' }, 'task.kind', { task_description: 'Today on site', equipment_in_use: ['structural steel'] })).toBe('steel_erection');
  });
});

describe('batch 861: a shoring design on record (1926.703(a)(2))', () => {
  it('given no shoring design for the area poured, when the pour goes ahead, then the shoring rule fires', () => {
    expect(codes({ description: 'Pour the canopy', kind: 'concrete_pour' }, { compliance_status: { shoring_design: 'none for the canopy' } })).toContain('shoring_unverified_before_pour');
  });
  it('given a stamped layout on site, when the pour goes ahead, then it stays quiet', () => {
    expect(codes({ description: 'Pour the canopy', kind: 'concrete_pour' }, { compliance_status: { shoring_design: 'stamped tower layout, on site' } })).not.toContain('shoring_unverified_before_pour');
  });
});

describe('batch 861: the words of an eye-protection record (1926.102)', () => {
  it('given "clear safety glasses" at a stick-welding arc, when it is read, then the lens filters nothing', () => {
    const action = { description: 'Keep tacking the clips', kind: 'hot_work', parameters: { process: 'SMAW', helper_eye_protection: 'clear safety glasses' } };
    expect(fact(action, 'eye.protected')).toBe(true);
    expect(fact(action, 'eye.arc_filter')).toBe(false);
  });
});

describe('batch 861: people below a demolition, and the air test said as a gerund', () => {
  it('given "workers_below" on a floor demolition, when it is read, then people are under the floor, not in a trench', () => {
    const action = { description: 'Break out the arches', kind: 'demolition', parameters: { workers_below: 2 } };
    expect(fact(action, 'demolition.below_occupied')).toBe(true);
    expect(codes(action)).toContain('floor_demolition_unprotected');
  });
  it('given "air_testing: none" in an excavation, when it is read, then the air is untested', () => {
    expect(fact({ description: 'Keep laying pipe', kind: 'trenching', parameters: { depth_ft: 9, air_testing: 'none' } }, 'trench.air_tested')).toBe(false);
  });
});

describe('batch 861: chocks and a chained ramp said in free text (1910.178(k), (m))', () => {
  const action = { description: 'Forklift drives into the trailer', kind: 'equipment_operation' };
  it('given "no wheel chocks", when a forklift drives in, then the trailer rule fires', () => {
    expect(codes(action, { recent_observations: ['No wheel chocks under the trailer'] })).toContain('trailer_not_secured_for_forklift');
  });
  it('given chocks set and the ramp chained, when a forklift drives in, then it stays quiet', () => {
    expect(codes(action, { recent_observations: ['Chocks under both rear wheels; ramp chained to the trailer'] })).not.toContain('trailer_not_secured_for_forklift');
  });
});

describe('batch 861: a purlin as the work or as the anchorage (1926.758(g))', () => {
  it('given purlins being bolted with the crew tied to a lifeline, when it is read, then the purlin is no anchorage', () => {
    expect(fact({ description: 'Continue purlin bolting tied to the HLL at 26 ft', kind: 'steel_erection' }, 'fall.anchor_on_purlin')).toBeUndefined();
  });
  it('given lanyards tied off to the girts, when it is read, then the girts are the anchorage', () => {
    expect(fact({ description: 'Hang the wall panels with lanyards tied off to the girts at 20 ft', kind: 'general_work' }, 'fall.anchor_on_purlin')).toBe(true);
  });
});

describe('batch 861: pile cut-off distances in free text (1926.603(c)(3))', () => {
  it('given cut-offs "about 15 m away" and the longest pile 24 m, when it is read, then the distance and twice the longest pile are read in feet', () => {
    const state = { task_description: 'Drive H-piles', recent_observations: ['Cutting off row B pile tops about 15 m away from the rig', 'Longest pile on the job 24 m'] };
    const action = { description: 'Carry on with the cut-offs while the rig keeps driving', kind: 'cutting' };
    expect(Math.round(fact(action, 'pile.cutoff_distance_ft', state) as number)).toBe(49);
    expect(Math.round(fact(action, 'pile.cutoff_required_ft', state) as number)).toBe(157);
    expect(codes(action, state)).toContain('pile_cutoff_too_close_to_driving');
  });
});

describe('batch 861: a symptom asked about is not a symptom seen (OSHA cold stress)', () => {
  const cold = { environmental_conditions: { temperature_c: 1 } };
  it('given the foreman asking about numb feet with none reported, when work goes on, then no cold injury is read', () => {
    expect(fact({ description: 'Keep laying pipe', kind: 'crew_assignment' }, 'cold.injury_signs', { ...cold, recent_observations: ['Foreman asks each man about numb feet at every break; none reported'] })).toBeUndefined();
  });
  it('given feet reported numb and swollen, when work goes on, then the cold-injury rule fires', () => {
    expect(codes({ description: 'Keep laying pipe', kind: 'crew_assignment' }, { ...cold, recent_observations: ['His feet are numb and swollen'] })).toContain('cold_injury_signs_work_continues');
  });
});
