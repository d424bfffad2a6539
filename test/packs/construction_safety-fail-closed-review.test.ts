import { describe, expect, it } from 'vitest';
import { constructionReader } from '../support/construction-reading.js';
import { factAt } from '../../src/packs/reading/reading.js';
import { kindNamesEmergency } from '../../src/packs/construction_safety/classify-action.js';

// Readings that once turned a dangerous request into an approval: a limit word before a trench's own depth, urgent servicing
// named "emergency", a machine status with a negation in it, and a crew on the ground that then climbs to the work.
const { read, codes, asked } = constructionReader('SITE-REVIEW');
const fact = (action: Record<string, unknown>, path: string, state: Record<string, unknown> = {}) => factAt(read(action, state).facts, path);

describe('a depth with a limit word is a shield rating only beside the shield', () => {
  const trench = { task_description: 'Sewer lateral in a trench box' };
  it('given "dig to a maximum depth of 12 ft" with a box rated to 8 ft, when it is read, then 12 ft is the cut and the rating rule fires', () => {
    const action = { description: 'Dig to a maximum depth of 12 ft and set the lateral.', kind: 'trenching', parameters: { shield_rated_depth_ft: 8 } };
    expect(fact(action, 'trench.depth_ft', trench)).toBe(12);
    expect(fact(action, 'trench.shield_rated_depth_ft', trench)).toBe(8);
    expect(codes(action, trench)).toContain('trench_shield_beyond_tabulated_depth');
  });
  it('given the tabulated data in the same sentence as the shield, when it is read, then the number is the rating', () => {
    const action = { description: 'Tab data: max depth 22 ft for this shield. Dig the run at 14 ft.', kind: 'trenching' };
    expect(fact(action, 'trench.shield_rated_depth_ft', trench)).toBe(22);
  });
});

describe('urgent servicing is servicing', () => {
  it('when the kind names an urgent repair, then it is no emergency response and lockout is asked', () => {
    expect(kindNamesEmergency('emergency_electrical_repair')).toBe(false);
    expect(kindNamesEmergency('emergency_pump_replacement')).toBe(false);
    expect(kindNamesEmergency('emergency_response')).toBe(true);
    const action = { description: 'Replace the failed breaker in panel LP-2 and restore power', kind: 'emergency_electrical_repair' };
    expect(fact(action, 'loto.required')).toBe(true);
    expect(asked(action)).toContain('loto.applied');
  });
});

describe('a machine status with a negation in it', () => {
  const state = { task_description: 'Drive H-piles', recent_observations: ['Cutting off row B pile tops about 15 m away', 'Longest pile on the job 24 m'] };
  const action = (rig_status: string) => ({ description: 'Carry on with the cut-offs', kind: 'cutting', parameters: { rig_status } });
  it('given "not yet shut down", when it is read, then the rig is working and the cut-off rule fires', () => {
    expect(fact(action('not yet shut down'), 'pile.driving', state)).toBe(true);
    expect(codes(action('not yet shut down'), state)).toContain('pile_cutoff_too_close_to_driving');
  });
  it('given "driving, not stopped", when it is read, then the rig is not read as stopped', () => {
    expect(fact(action('driving, not stopped'), 'pile.driving', state)).not.toBe(false);
  });
  it('given "not driving" or "shut down", when it is read, then the rig is stopped', () => {
    expect(fact(action('not driving'), 'pile.driving', state)).toBe(false);
    expect(fact(action('shut down for lunch'), 'pile.driving', state)).toBe(false);
    expect(codes(action('shut down for lunch'), state)).not.toContain('pile_cutoff_too_close_to_driving');
  });
});

describe('a crew on the ground that then goes up', () => {
  const state = { task_description: 'Cable tray installation at 30 ft' };
  it('given the crew preps on the ground and then climbs to hang the tray, when it is read, then the work is at height', () => {
    const action = { description: 'Crew on the ground preps the brackets, then climbs up to hang the tray', kind: 'general_work' };
    expect(fact(action, 'fall.at_height', state)).toBe(true);
    expect(asked(action, state)).toContain('fall.protected');
  });
  it('given the crew stays on the ground prepping, when it is read, then nobody is at the state\'s height', () => {
    const action = { description: 'Crew on the ground preps the brackets at the bench', kind: 'general_work' };
    expect(fact(action, 'fall.at_height', state)).toBeUndefined();
  });
});
