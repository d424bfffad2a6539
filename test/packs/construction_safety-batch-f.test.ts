import { describe, expect, it } from 'vitest';
import { constructionReader } from '../support/construction-reading.js';
import { factAt } from '../../src/packs/reading/reading.js';

// Readings and hazards met in the sixth batch of public-source cases (a tag's legend in a lockout record,
// a voltage test whose value is its result, a fall clearance that is no power-line distance, crossings over
// trenches, corrosives, and hazards from 1926.351, .502(d)(19)-(20), .551, .703, .859, .902, 10 CFR 34 and
// EPA's spray-foam guidance), in this file's own words. Each dangerous example has a safe neighbour.
const { read, codes, asked } = constructionReader('LOT-46');

describe('construction batch F: a tag legend in a lockout record is no negation', () => {
  const service = { description: 'Unjam the mixer paddles', kind: 'equipment_maintenance' };
  it('when the lockout record names a DO NOT START tag, then lockout is read as applied', () => {
    const r = read({ ...service, parameters: { lockout: 'main isolator padlocked by the fitter, DO NOT START tag hung' } });
    expect(factAt(r.facts, 'loto.applied')).toBe(true);
  });
  it('when the lockout record says none, then it is still missing', () => {
    const r = read({ ...service, parameters: { lockout: 'none, just hit the stop button' } });
    expect(factAt(r.facts, 'loto.applied')).toBe(false);
    expect(codes({ ...service, parameters: { lockout: 'none, just hit the stop button' } })).toContain('lockout_tagout_missing');
  });
  it('when a lock is said not applied next to a tag legend, then the negation still counts', () => {
    expect(factAt(read({ ...service, parameters: { lockout: 'not applied yet; do not operate tag only' } }).facts, 'loto.applied')).toBe(false);
  });
});

describe('construction batch F: a voltage test whose value is its result', () => {
  const line = { description: 'Start the insulator change', kind: 'line_work' };
  it('when the test reads voltage absent and grounds are installed, then the line is worked as dead', () => {
    const params = { circuit: '25 kV lateral', voltage_test: 'absent, phases A B C', protective_grounds: 'installed both sides of the work', work_method: 'deenergized' };
    const r = read({ ...line, parameters: params });
    expect(factAt(r.facts, 'loto.verified')).toBe(true);
    expect(factAt(r.facts, 'power_line.deenergized')).toBe(true);
    expect(codes({ ...line, parameters: params })).not.toContain('lockout_tagout_missing');
    expect(asked({ ...line, parameters: params })).not.toContain('power_line.distance_ft');
  });
  it('when grounds are on but the line was never tested, then it is not worked as dead', () => {
    const params = { circuit: '25 kV lateral', voltage_test: 'skipped', protective_grounds: 'installed', distance_to_line_ft: 4 };
    expect(factAt(read({ ...line, parameters: params }).facts, 'power_line.deenergized')).toBeUndefined();
    expect(codes({ ...line, parameters: params })).toContain('power_line_clearance');
  });
  it('when the test was not done and no grounds are on, then the line stays live', () => {
    const params = { circuit: '25 kV lateral', voltage_test: 'not done', protective_grounds: 'none', work_method: 'deenergized' };
    expect(factAt(read({ ...line, parameters: params }).facts, 'loto.verified')).toBe(false);
    expect(codes({ ...line, parameters: params })).toContain('lockout_tagout_missing');
  });
});

describe('construction batch F: a fall-arrest clearance requirement is no power-line distance', () => {
  it('when an SRL check gives the required and available clearance, then no power-line distance is read', () => {
    const r = read({ description: 'Tie-off check at the slab edge', parameters: { required_clearance_ft: 16, available_clearance_ft: 30 } });
    expect(factAt(r.facts, 'power_line.distance_ft')).toBeUndefined();
    expect(factAt(r.facts, 'fall.arrest_drop_ft')).toBe(16);
  });
  it('when the required clearance is more than there is, then the fall reaches the lower level', () => {
    expect(codes({ description: 'Tie-off check at the slab edge', parameters: { required_clearance_ft: 18, available_clearance_ft: 12 } })).toContain('fall_arrest_free_fall_or_clearance');
  });
  it('when a plain clearance to a line is given, then it is still the line distance', () => {
    expect(factAt(read({ description: 'make the pick', kind: 'crane_lift', parameters: { clearance_ft: 12 } }).facts, 'power_line.distance_ft')).toBe(12);
  });
});

describe('construction batch F: self-retracting device class and anchorage height', () => {
  const check = (device: string, anchor: string) => ({ description: 'Tie-off check for the erector', parameters: { device, anchor, height_above_lower_level_ft: 24 } });
  it('when an overhead-only Class 1 SRL is anchored at deck level, then it escalates', () => {
    expect(codes(check('self-retracting lifeline, Class 1', 'deck anchor at foot level'))).toContain('srl_class1_below_dring');
  });
  it('when a Class 2 leading-edge SRL is anchored at deck level, or a Class 1 overhead, then it does not', () => {
    expect(codes(check('self-retracting lifeline, Class 2 leading edge', 'deck anchor at foot level'))).not.toContain('srl_class1_below_dring');
    expect(codes(check('SRL Class 1', 'beam clamp overhead'))).not.toContain('srl_class1_below_dring');
  });
});

describe('construction batch F: fall arrest after a fall', () => {
  it('when a lanyard that caught a fall is reissued uninspected, then it escalates', () => {
    expect(codes({ description: 'Reissue the lanyard', parameters: { impact_loaded: true, post_fall_inspection: 'none' } })).toContain('fall_arrest_gear_impact_loaded');
  });
  it('when the gear was never impact-loaded, then it does not', () => {
    expect(codes({ description: 'Reissue the lanyard', parameters: { impact_loaded: false } })).not.toContain('fall_arrest_gear_impact_loaded');
  });
  it('when a hanging worker is left for an outside team half an hour away, then it escalates even though the crew stands back', () => {
    expect(codes({ description: 'Keep everyone back and wait for the fire brigade', parameters: { rescue_time_min: 30 } })).toContain('suspended_worker_rescue_delayed');
  });
  it('when the on-site rescue reaches him in five minutes, then it does not', () => {
    expect(codes({ description: 'Run the scissor-lift rescue now', parameters: { rescue_time_min: 5 } })).not.toContain('suspended_worker_rescue_delayed');
  });
});

describe('construction batch F: demolition balling (1926.859)', () => {
  const balling = (ball: number, rated: number, people: number) => ({
    description: 'Start balling the gable', kind: 'demolition', parameters: { ball_weight_lb: ball, rated_load_lb: rated, workers_in_fall_zone: people },
  });
  it('when the ball is over half the rated load or people are in the fall zone, then it escalates', () => {
    expect(codes(balling(5000, 8000, 0))).toContain('demolition_ball_overweight');
    expect(codes(balling(3000, 8000, 3))).toContain('workers_in_balling_area');
  });
  it('when the ball is light for the crane but over a quarter of the line strength, then it escalates', () => {
    expect(codes({ description: 'Start balling', kind: 'demolition', parameters: { ball_weight_lb: 3000, rated_load_lb: 9000, line_breaking_strength_lb: 10000 } })).toContain('demolition_ball_overweight');
    expect(codes({ description: 'Start balling', kind: 'demolition', parameters: { ball_weight_lb: 3000, rated_load_lb: 9000, line_breaking_strength_lb: 40000 } })).not.toContain('demolition_ball_overweight');
  });
  it('when the ball is under half the rated load and the zone is empty, then neither fires', () => {
    const c = codes(balling(3000, 8000, 0));
    expect(c).not.toContain('demolition_ball_overweight');
    expect(c).not.toContain('workers_in_balling_area');
  });
});

describe('construction batch F: industrial radiography (10 CFR 34)', () => {
  const shot = (present: number, surveyed: boolean, posted: string) => ({
    description: 'Make the exposure', parameters: { qualified_individuals_present: present, boundary_surveyed: surveyed, posted_approaches: posted, area_cleared: true },
  });
  it('when one radiographer works alone or the boundary is unsurveyed or part-posted, then it escalates', () => {
    expect(codes(shot(1, true, '3 of 3'))).toContain('radiography_unsafe_exposure');
    expect(codes(shot(2, false, '3 of 3'))).toContain('radiography_unsafe_exposure');
    expect(codes(shot(2, true, '2 of 3'))).toContain('radiography_unsafe_exposure');
  });
  it('when the radiographers have no alarming ratemeter, then it escalates; with one, then not', () => {
    expect(codes({ description: 'Make the exposure', parameters: { qualified_individuals_present: 2, boundary_surveyed: true, alarming_ratemeter: 'none' } })).toContain('radiography_unsafe_exposure');
    expect(codes({ description: 'Make the exposure', parameters: { qualified_individuals_present: 2, boundary_surveyed: true, alarming_ratemeter: 'worn, tested' } })).not.toContain('radiography_unsafe_exposure');
  });
  it('when two are present and the boundary is surveyed and posted on every approach, then it does not', () => {
    expect(codes(shot(2, true, '3 of 3'))).not.toContain('radiography_unsafe_exposure');
  });
});

describe('construction batch F: spray foam, explosives, welding return, shoring, helicopters', () => {
  it('when other trades stay in the spray zone, then it escalates; when none do and re-entry is held, then it does not', () => {
    expect(codes({ description: 'Spray the rim joists', parameters: { workers_in_spray_zone: 3 } })).toContain('spf_other_trades_in_zone');
    expect(codes({ description: 'Spray the rim joists', parameters: { workers_in_spray_zone: 0, reentry_restriction: 'posted, 24 h' } })).not.toContain('spf_other_trades_in_zone');
  });
  it('when blasting caps ride without a separate container, then it escalates; in an IME-22 box, then not', () => {
    expect(codes({ description: 'Drive the shot materials up', parameters: { blasting_caps: '25 nonel', ime22_container: 'no' } })).toContain('detonators_with_explosives');
    expect(codes({ description: 'Drive the shot materials up', parameters: { blasting_caps: '25 nonel', ime22_container: 'yes, locked' } })).not.toContain('detonators_with_explosives');
  });
  it('when the welding ground is clamped to a sprinkler main, then it escalates; on the workpiece, then not', () => {
    expect(codes({ description: 'Strike up', kind: 'hot_work', parameters: { ground_clamp: 'on the 4 in. sprinkler main by the riser' } })).toContain('welding_return_on_pipeline');
    expect(codes({ description: 'Strike up', kind: 'hot_work', parameters: { ground_clamp: 'on the base plate next to the weld' } })).not.toContain('welding_return_on_pipeline');
  });
  it('when shores stand on blocking over frozen ground, then the pour escalates; on mudsills over compacted gravel, then not', () => {
    const pour = (bearing: string) => ({ description: 'Place the deck concrete', kind: 'concrete_pour', parameters: { shore_base: bearing } });
    expect(codes(pour('scrap blocks on frozen ground'))).toContain('shoring_unverified_before_pour');
    expect(codes(pour('continuous mudsills on compacted gravel'))).not.toContain('shoring_unverified_before_pour');
  });
  it('when the helicopter hook is to be grabbed with no static discharge, then it escalates; with a grounding wand, then not', () => {
    expect(codes({ description: 'Hook the first bundle', parameters: { static_discharge: 'none' } })).toContain('helicopter_load_unprepared');
    expect(codes({ description: 'Hook the first bundle', parameters: { static_discharge: 'wand applied before contact', loose_material_secured: true } })).not.toContain('helicopter_load_unprepared');
  });
});

describe('construction batch F: corrosives, and crossings over a trench', () => {
  it('when caustic cleaner is used with no eyewash, then it escalates; with a 15-minute unit at the work, then not', () => {
    const state = { task_description: 'Stripping sealer with a caustic cleaner' };
    expect(codes({ description: 'Carry on', parameters: { eyewash: 'none on site' } }, state)).toContain('corrosive_without_eyewash');
    expect(codes({ description: 'Carry on', parameters: { eyewash: 'portable 15 min unit beside the work' } }, state)).not.toContain('corrosive_without_eyewash');
  });
  it('when a face shield is worn, then it is no trench shield', () => {
    expect(factAt(read({ description: 'Carry on', parameters: { eye_protection: 'goggles and face shield' } }).facts, 'trench.protected')).toBeUndefined();
  });
  it('when the crew crosses a deep trench on a railed bridge, then no protective system is asked', () => {
    const act = { description: 'Send the crew across the trench bridge', kind: 'excavation', parameters: { trench_depth_ft: 9, guardrails: 'top rail and midrail both sides' } };
    expect(asked(act)).not.toContain('trench.protected');
    expect(codes(act)).not.toContain('trench_walkway_unguarded');
  });
  it('when the crossing is a bare plank with no rails, then it escalates', () => {
    const act = { description: 'Keep the plank crossing', kind: 'excavation', parameters: { trench_depth_ft: 9, walkway: 'one 2x12 plank', guardrails: 'none' } };
    expect(codes(act)).toContain('trench_walkway_unguarded');
  });
  it('when the crew crosses the bridge and then goes down into the trench, then the protective system is still asked', () => {
    expect(asked({ description: 'Cross the trench bridge, then climb down into the trench to set the pipe', kind: 'excavation', parameters: { trench_depth_ft: 9 } })).toContain('trench.protected');
  });
  it('when the action crosses the bridge and then lays pipe, then the protective system is still asked', () => {
    expect(asked({ description: 'Cross the trench bridge and lay the pipe', kind: 'excavation', parameters: { trench_depth_ft: 9 } })).toContain('trench.protected');
  });
  it('when a scaffold walkway is recorded on a trench job, then the trench is still a trench', () => {
    expect(asked({ description: 'Lay the pipe', kind: 'trenching', parameters: { trench_depth_ft: 9, walkway: 'planked and clear' } })).toContain('trench.protected');
  });
  it('when the crew works inside the trench, then the protective system is still asked', () => {
    expect(asked({ description: 'Lay the pipe in the trench', kind: 'trenching', parameters: { trench_depth_ft: 9 } })).toContain('trench.protected');
  });
});
