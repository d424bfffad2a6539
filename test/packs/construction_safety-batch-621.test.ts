import { describe, expect, it } from 'vitest';
import { firedRules, gates } from '../../src/evaluation/gates.js';
import { PROJECT_ROOT } from '../../src/lib/project-root.js';
import { DOMAIN_MODULES } from '../../src/packs/domain-modules.js';
import { loadDomains } from '../../src/packs/load-domains.js';

// Batch cs-dev-621..660: a stand-down word used as a noun, roles filled by a named person, a daily inspection dated
// yesterday, a Subpart V clearance read as a distance, and the new hazards (crane radio channels, water in an excavation,
// riding mobile scaffolds, suspended-scaffold lifelines, fall protection plans, masonry walls). Each dangerous shape has
// a safe neighbour that must stay quiet. Wording is this file's own.
const domain = loadDomains(PROJECT_ROOT, DOMAIN_MODULES).get('construction_safety')!;
type Json = Record<string, unknown>;
const site = (extra: Json = {}): Json => ({ site_id: 'JOB-660', task_description: 'Work today', ...extra });
const read = (action: Json, state: Json = {}) => domain.read(domain.module.stateSchema.parse(site(state)), domain.module.actionSchema.parse(action));
const firing = (action: Json, state: Json = {}) => firedRules(domain.catalogue.hazards, read(action, state)).map((h) => h.id);
/** The facts missing_information would ask for. */
const asked = (action: Json, state: Json = {}) => gates(domain, read(action, state)).missing.map((m) => m.fact);
const codes = (action: Json, state: Json = {}) => gates(domain, read(action, state)).codes;
const fact = (r: ReturnType<typeof read>, dotted: string) => dotted.split('.').reduce<unknown>((o, k) => (o as Json | undefined)?.[k], r.facts);

describe('a stand-down word that names a thing', () => {
  it('when the description makes up "the curb stop", then the entry proceeds and the trench rules apply', () => {
    const action = { description: 'Fitter jumps in to tighten the curb stop, back out in five', kind: 'trench_entry', parameters: { depth_ft: 8, protective_system: 'none' } };
    expect(read(action).action.effect).toBe('proceeds');
    expect(firing(action)).toContain('trench_without_protective_system');
  });
  it('when "stop" is the instruction, or the crews stop, then it still stands down', () => {
    expect(read({ description: 'Stop work and get out of the trench', kind: 'trench_entry', parameters: {} }).action.effect).toBe('stands_down');
    expect(read({ description: 'The crews stop digging until the box arrives', kind: 'excavation', parameters: {} }).action.effect).toBe('stands_down');
  });
});

describe('a role filled by a named person', () => {
  const entry = (attendant: string) => ({ description: 'Enter the vault per permit', kind: 'confined_space_entry', parameters: { o2_pct: 20.9, lel_pct: 0, h2s_ppm: 0, co_ppm: 1, attendant } });
  it('when the attendant field names someone, then the attendant is posted and not asked for', () => {
    expect(fact(read(entry('K. Osei')), 'confined_space.attendant')).toBe(true);
    expect(asked(entry('Maria Lopez (radio ch 4)'))).not.toContain('confined_space.attendant');
  });
  it('when it says nobody, or nobody knows yet, then it is not a name', () => {
    expect(firing(entry('none'))).toContain('confined_space_no_attendant');
    expect(asked(entry('TBD'))).toContain('confined_space.attendant');
    expect(asked(entry('To Be Determined'))).toContain('confined_space.attendant');
  });
});

describe('words read in the wrong sense', () => {
  it('when a storm sewer structure is named, then it is no rain; a storm coming still is', () => {
    expect(fact(read({ description: 'Grout the storm inlet', kind: 'work_order', parameters: {} }), 'weather.rain')).toBeUndefined();
    expect(fact(read({ description: 'Grout the inlet', kind: 'work_order', parameters: {} }, { recent_observations: ['Storm rolling in from the west'] }), 'weather.rain')).toBe(true);
  });
  it('when the weather or a pipe is "dry", then nothing is cut dry; dry cutting block still is', () => {
    expect(fact(read({ description: 'Set the pump', kind: 'work_order', parameters: {} }, { environmental_conditions: { weather: 'dry and mild' }, recent_observations: ['Outlet pipe dry'] }), 'silica.dry')).toBeUndefined();
    expect(fact(read({ description: 'Cut the block dry, the water kit is broken', kind: 'work_order', parameters: {} }), 'silica.dry')).toBe(true);
  });
  it('when a worker is inside a zone or a tape line, then the work is not read as indoors; inside the building it is', () => {
    expect(fact(read({ description: 'Work the line', kind: 'work_order', parameters: {} }, { recent_observations: ['Lineman stays inside the equipotential zone'] }), 'weather.indoors')).toBeUndefined();
    expect(fact(read({ description: 'Work the panel', kind: 'work_order', parameters: {} }, { recent_observations: ['Crew working inside on level 2'] }), 'weather.indoors')).toBe(true);
  });
  it('when rain fell overnight, then it is not night work; work overnight still is dark', () => {
    expect(fact(read({ description: 'Dig', kind: 'excavation', parameters: {} }, { environmental_conditions: { weather: 'heavy rain overnight, sunny now' } }), 'site.low_light')).toBeUndefined();
    expect(fact(read({ description: 'Pour overnight under lights', kind: 'concrete_pour', parameters: {} }), 'site.low_light')).toBe(true);
  });
  it('when casters are locked, then nothing is locked out; locking out the mixer still is', () => {
    const r = read({ description: 'Roll the tower to bay 2 and lock the casters', kind: 'scaffold_move', parameters: { caster_lock: true } });
    expect(fact(r, 'loto.applied')).toBeUndefined();
    expect(fact(r, 'loto.required')).toBeUndefined();
    expect(fact(read({ description: 'Lock out the mixer, then clean the drum', kind: 'maintenance', parameters: {} }), 'loto.applied')).toBe(true);
  });
  it('when a floor box is named, then it is no trench box', () => {
    expect(fact(read({ description: 'Dig', kind: 'excavation', parameters: {} }, { recent_observations: ['Floor box by the column'] }), 'trench.protected')).toBeUndefined();
  });
  it('when "Wall at 12 ft" is observed, then it is the wall\'s height, not the work\'s; "working at 12 ft" is', () => {
    const r = read({ description: 'Keep laying block', kind: 'proceed_task', parameters: {} }, { task_description: 'CMU wall', recent_observations: ['Wall at 12 ft, braces at 8 ft'] });
    expect(fact(r, 'fall.height_ft')).toBeUndefined();
    expect(fact(r, 'structure.wall_height_ft')).toBe(12);
    expect(fact(read({ description: 'Keep going', kind: 'proceed_task', parameters: {} }, { recent_observations: ['Crew working at 12 ft'] }), 'fall.height_ft')).toBe(12);
  });
  it('when a rest area is "ground-level staging", then it is no scaffold', () => {
    expect(fact(read({ description: 'Breaks on the ground-level staging by the truck', kind: 'crew_assignment', parameters: {} }), 'task.kind')).not.toBe('scaffold_work');
    expect(fact(read({ description: 'Plank the staging at lift 3', kind: 'work_order', parameters: {} }), 'task.kind')).toBe('scaffold_work');
  });
});

describe('a line taken out under a switching clearance', () => {
  const state = { recent_observations: ['Tested dead with a proven detector; grounds on at the work pole'], equipment_in_use: ['bucket truck'] };
  it('when the clearance number is on record with the test and grounds, then no lockout is asked and no distance is read', () => {
    const action = { description: 'Change the crossarm', kind: 'line_work', parameters: { clearance_no: 'SW-2231', voltage_test: true, protective_grounds: true, line_voltage_kv: 7.2 } };
    const r = read(action, state);
    expect(fact(r, 'power_line.distance_ft')).toBeUndefined();
    expect(fact(r, 'loto.applied')).toBe(true);
    expect(asked(action, state)).not.toContain('loto.applied');
  });
  it('when the clearance is there but the test was skipped, then lockout still fires', () => {
    expect(firing({ description: 'Change the crossarm', kind: 'line_work', parameters: { clearance_no: 'SW-2231', voltage_test: false, line_voltage_kv: 7.2 } })).toContain('lockout_tagout_missing');
  });
});

describe('excavations: yesterday\'s inspection and standing water', () => {
  const box = { equipment_in_use: ['trench box'] };
  it('when the competent person\'s last inspection is dated the day before, then it is not today\'s and the cave-in rule fires', () => {
    const state = { ...box, timestamp: '2025-03-11T07:00:00-05:00', compliance_status: { competent_person_inspection: '2025-03-10' } };
    expect(firing({ description: 'Send the crew in', kind: 'trench_entry', parameters: { depth_ft: 7, protective_system: 'trench box' } }, state)).toContain('trench_cave_in_signs');
  });
  it('when it is dated today, then it stands', () => {
    const state = { ...box, timestamp: '2025-03-11T07:00:00-05:00', compliance_status: { competent_person_inspection: '2025-03-11 06:30' } };
    expect(firing({ description: 'Send the crew in', kind: 'trench_entry', parameters: { depth_ft: 7, protective_system: 'trench box' } }, state)).not.toContain('trench_cave_in_signs');
  });
  it('when water stands in the trench and dewatering has not started, then it fires; with the pump running it does not', () => {
    const inspected = { ...box, recent_observations: ['Competent person inspected 06:40, walls sound'] };
    expect(firing({ description: 'Crew in to set the tee', kind: 'trench_entry', parameters: { depth_ft: 6, protective_system: 'trench box', water_depth_in: 6, dewatering: 'not started' } }, inspected)).toContain('trench_water_uncontrolled');
    expect(firing({ description: 'Crew in to set the tee', kind: 'trench_entry', parameters: { depth_ft: 6, protective_system: 'trench box', water_depth_in: 2, dewatering: 'trash pump running, watched' } }, inspected)).not.toContain('trench_water_uncontrolled');
  });
  it('when water is mentioned in the trench, then it is no drinking water', () => {
    expect(fact(read({ description: 'Lay pipe', kind: 'trenching', parameters: {} }, { recent_observations: ['Some water in the bottom of the trench'] }), 'heat.water')).toBeUndefined();
  });
});

describe('crane radio signals', () => {
  const lift = (channel: string) => ({ description: 'Make the blind picks on radio signals', kind: 'crane_lift', parameters: { radio_channel: channel } });
  it('when the channel is the site\'s general one, or shared with the gate, then it fires', () => {
    expect(firing(lift('ch 1, site general'))).toContain('crane_radio_signals_not_dedicated');
    expect(firing(lift('shared with the gate and the pump operator'))).toContain('crane_radio_signals_not_dedicated');
  });
  it('when it is dedicated, or shared only by the two cranes of a tandem pick, then it does not', () => {
    expect(firing(lift('ch 7 dedicated to the lift'))).not.toContain('crane_radio_signals_not_dedicated');
    expect(firing(lift('shared by crane 1 and crane 2 signal persons'))).not.toContain('crane_radio_signals_not_dedicated');
  });
  it('when the text says the signals go over the site channel, then it fires', () => {
    expect(firing({ description: 'Signals over the site channel, start picking', kind: 'crane_lift', parameters: {} })).toContain('crane_radio_signals_not_dedicated');
  });
});

describe('mobile scaffolds', () => {
  it('when someone rides a tower whose height is over twice its base, then it fires; at 2:1 it does not', () => {
    expect(firing({ description: 'Roll it to the next room', kind: 'scaffold_move', parameters: { platform_height_ft: 14, base_width_ft: 4.5, occupied_during_move: true } })).toContain('mobile_scaffold_ridden_unsafely');
    expect(firing({ description: 'Roll it to the next room', kind: 'scaffold_move', parameters: { platform_height_ft: 9, base_width_ft: 4.5, occupied_during_move: true } })).not.toContain('mobile_scaffold_ridden_unsafely');
  });
  it('when the text keeps a worker on the platform while it is pushed, then the ratio is asked if unknown', () => {
    const action = { description: 'Push the tower down the hall with the painter staying on the platform', kind: 'scaffold_move', parameters: {} };
    expect(fact(read(action), 'scaffold.ridden')).toBe(true);
    expect(asked(action)).toContain('scaffold.height_base_ratio');
  });
  it('when an aerial lift is driven with its platform occupied, then no scaffold riding limit is asked', () => {
    expect(asked({ description: 'Drive the scissor lift to the next bay', kind: 'aerial_lift', parameters: { occupied_during_move: true } })).not.toContain('scaffold.height_base_ratio');
  });
  it('when the tower is moved with nobody on it, then nobody is at height for the move and no fall question is asked', () => {
    const action = { description: 'Move the empty tower to the next bay and lock the wheels', kind: 'scaffold_move', parameters: { occupied_during_move: false } };
    expect(fact(read(action, { active_hazards: ['work at height'] }), 'fall.at_height')).toBeUndefined();
    expect(asked(action, { active_hazards: ['work at height'] })).not.toContain('fall.protected');
    // Work on the same tower still asks.
    expect(asked({ description: 'Tape the soffit from the tower', kind: 'scaffold_work', parameters: {} })).toContain('fall.protected');
  });
});

describe('suspended scaffold lifelines', () => {
  const stage = { equipment_in_use: ['two-point suspended stage'] };
  it('when the lifelines are tied to the outrigger beams or counterweights, then it fires', () => {
    expect(firing({ description: 'Go over the edge', kind: 'scaffold_use', parameters: { lifeline_anchorage: 'counterweights on the outriggers' } }, stage)).toContain('suspended_scaffold_lifeline_not_independent');
    expect(firing({ description: 'Go over the edge', kind: 'scaffold_use', parameters: {} }, { ...stage, recent_observations: ['Rigger tied the lifelines off to the outrigger beams'] })).toContain('suspended_scaffold_lifeline_not_independent');
  });
  it('when they go to independent roof anchors, then it does not', () => {
    expect(firing({ description: 'Go over the edge', kind: 'scaffold_use', parameters: { lifeline_anchorage: 'independent roof anchors, one per worker' } }, stage)).not.toContain('suspended_scaffold_lifeline_not_independent');
  });
});

describe('fall protection plans', () => {
  const edge = { task_description: 'Leading edge work, precast deck', recent_observations: ['Erectors at the edge about 20 ft up'] };
  it('when a controlled access zone is used while conventional protection is available, then it fires', () => {
    expect(firing({ description: 'Keep setting planks inside the CAZ with a safety monitor', kind: 'proceed_task', parameters: { height_ft: 20, conventional_systems_available: true } }, edge)).toContain('fall_protection_plan_not_justified');
  });
  it('when conventional protection is infeasible under a site-specific plan, then it does not, and the plan is the protection', () => {
    const action = { description: 'Keep setting planks inside the CAZ with a safety monitor', kind: 'proceed_task', parameters: { height_ft: 20, conventional_systems_available: false } };
    const state = { ...edge, compliance_status: { fall_protection_plan: 'site-specific, signed by qualified person' } };
    expect(firing(action, state)).not.toContain('fall_protection_plan_not_justified');
    expect(fact(read(action, state), 'fall.protected')).toBe(true);
  });
  it('when workers are said not to be tied off, then fall protection is not in place', () => {
    expect(fact(read({ description: 'Continue', kind: 'steel_erection', parameters: {} }, { recent_observations: ['Connectors at 30 ft, not tied off'] }), 'fall.protected')).toBe(false);
  });
});

describe('masonry walls', () => {
  const wall = (height: number, extra: Json = {}) => ({ description: 'Lay the next courses', kind: 'masonry_work', parameters: { wall_height_ft: height, ...extra } });
  const scaffold = { task_description: 'CMU wall, east side', equipment_in_use: ['frame scaffold'] };
  it('when a 10 ft wall is built from its scaffold, then the platform is under 10 ft and no fall question is asked; a 16 ft wall asks', () => {
    expect(asked(wall(10), scaffold)).not.toContain('fall.protected');
    expect(asked(wall(16), scaffold)).toContain('fall.protected');
  });
  it('when the limited access zone is narrower than the wall plus 4 ft, then it fires; at height plus 4 it does not', () => {
    expect(firing(wall(12, { laz_width_ft: 12 }), scaffold)).toContain('masonry_laz_too_narrow');
    expect(firing(wall(12, { laz_width_ft: 16 }), scaffold)).not.toContain('masonry_laz_too_narrow');
  });
  it('when other trades are let into the LAZ, then it fires; the masons themselves do not', () => {
    expect(firing({ description: 'Let the plumbers run their sleeves inside the LAZ', kind: 'access_authorization', parameters: {} }, scaffold)).toContain('masonry_laz_entered_by_other_trades');
    expect(firing({ description: 'Masons work inside the LAZ', kind: 'masonry_work', parameters: {} }, scaffold)).not.toContain('masonry_laz_entered_by_other_trades');
  });
  it('when gusts pass 35 mph at a wall under construction, then it fires; with the zone cleared, or in light wind, it does not', () => {
    const windy = { ...scaffold, environmental_conditions: { wind_mph: 22, gust_mph: 39 } };
    expect(firing(wall(16), windy)).toContain('masonry_wall_wind_zone_occupied');
    expect(firing(wall(16, { restricted_zone_cleared: true }), windy)).not.toContain('masonry_wall_wind_zone_occupied');
    expect(firing(wall(16), { ...scaffold, environmental_conditions: { wind_mph: 10, gust_mph: 18 } })).not.toContain('masonry_wall_wind_zone_occupied');
  });
});

describe('an entry made in two words', () => {
  it('when someone "hops in" to an unprotected trench, then the action proceeds and escalates', () => {
    expect(codes({ description: 'Laborer hops in for a minute', kind: 'trench_entry', parameters: { depth_ft: 6, protective_system: 'none' } })).toContain('hard_rule:trench_without_protective_system');
  });
});
