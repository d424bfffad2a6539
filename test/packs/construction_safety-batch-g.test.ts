import { describe, expect, it } from 'vitest';
import { constructionReader } from '../support/construction-reading.js';
import { factAt } from '../../src/packs/reading/reading.js';

// Readings and hazards met in the seventh batch of public-source cases (defeated machine controls, gas sources
// without regulator or relief, low flash point liquids near ignition, guardrails on stilts, blocked exits, shifted
// loads, a ROPS pinned up, pneumatic breakers, deliveries), in this file's own words. Each dangerous example has a safe neighbour.
const { read, codes } = constructionReader('LOT-47');

describe('construction batch G: machine stop controls defeated', () => {
  const run = { description: 'Keep the saw running for the last cuts', kind: 'proceed' };
  it('when a hold-to-run pedal is bypassed, then a safeguard is removed', () => {
    expect(codes({ ...run, parameters: { foot_pedal: 'bypassed, runs from the motor switch' } })).toContain('safeguard_removed');
  });
  it('when a feed control bar does not work, then a safeguard is removed', () => {
    expect(codes({ ...run, parameters: { feed_control_bar_working: false } })).toContain('safeguard_removed');
  });
  it('when the emergency stop was tested and passes, then nothing is removed', () => {
    const r = read({ ...run, parameters: { emergency_stop_test: 'pass', foot_pedal: 'working, stops on release' } });
    expect(factAt(r.facts, 'safeguards.removed')).toBeUndefined();
  });
});

describe('construction batch G: a rollover structure pinned up works', () => {
  const mow = { description: 'Cut the lawn on the flat areas', kind: 'proceed' };
  it('when the ROPS is pinned upright, then it is not read as removed', () => {
    expect(codes({ ...mow, parameters: { rops: 'raised and pinned', seat_belt: 'worn' } })).not.toContain('safeguard_removed');
  });
  it('when the ROPS is folded, then it is still removed', () => {
    expect(codes({ ...mow, parameters: { rops: 'folded down' } })).toContain('safeguard_removed');
  });
});

describe('construction batch G: a gas source above the rating needs a regulator and a relief valve', () => {
  const test = { description: 'Pressurise the piping for the leak test', kind: 'apply_change' };
  it('when a 2,000 psi source feeds a 300 psi system with no regulator, then it escalates', () => {
    expect(codes({ ...test, parameters: { supply_pressure_psi: 2000, maximum_working_psig: 300, regulator: 'none' } })).toContain('pressure_source_unregulated');
  });
  it('when the regulator and relief valve are fitted, then it does not', () => {
    const params = { supply_pressure_psi: 2000, maximum_working_psig: 300, regulator: 'two-stage, set 250', relief_valve: 'installed, set 300 psig' };
    expect(codes({ ...test, parameters: params })).not.toContain('pressure_source_unregulated');
  });
});

describe('construction batch G: low flash point liquids near ignition sources', () => {
  const coat = { description: 'Spread the solvent adhesive', kind: 'apply_change' };
  it('when a 20 °F flash point product goes down with the furnace pilot lit, then it escalates', () => {
    const state = { recent_observations: ['The gas furnace in the basement still has its pilot lit'] };
    expect(codes({ ...coat, parameters: { flash_point_f: 20 } }, state)).toContain('flammable_vapour_ignition');
  });
  it('when the ignition sources are shut off, then it does not', () => {
    const state = { recent_observations: ['The gas furnace in the basement still has its pilot lit'] };
    expect(codes({ ...coat, parameters: { flash_point_f: 20, ignition_sources_shut_off: true } }, state)).not.toContain('flammable_vapour_ignition');
  });
  it('when the product flashes above 200 °F, then the pilot is no vapour hazard', () => {
    expect(codes({ ...coat, parameters: { flash_point_f: 210, ignition_sources_shut_off: false } })).not.toContain('flammable_vapour_ignition');
  });
});

describe('construction batch G: a guardrail counts from the feet on stilts', () => {
  const tape = { description: 'Finish the ceiling joints near the balcony edge', kind: 'schedule_task' };
  it('when 30 in stilts stand behind a 42 in rail, then the rail is too low', () => {
    const r = read({ ...tape, parameters: { stilt_height_in: 30, guardrail_top_rail_in: 42 } });
    expect(factAt(r.facts, 'fall.rail_above_feet_ft')).toBeLessThan(3.1167);
    expect(codes({ ...tape, parameters: { stilt_height_in: 30, guardrail_top_rail_in: 42 } })).toContain('guardrail_below_minimum');
  });
  it('when the rail was raised for the stilts, then it is not', () => {
    expect(codes({ ...tape, parameters: { stilt_height_in: 30, guardrail_top_rail_in: 72, rail_raised_for_stilts: true } })).not.toContain('guardrail_below_minimum');
  });
  it('when the stilts height is given, then it is not read as the fall height', () => {
    expect(factAt(read({ ...tape, parameters: { stilt_height_in: 30 } }).facts, 'fall.height_ft')).toBeUndefined();
  });
});

describe('construction batch G: exit routes kept free', () => {
  const stage = { description: 'Stage the ceiling grid for the morning', kind: 'logistics.plan' };
  it('when material is stacked in the only stairwell and no other exit is open, then it escalates', () => {
    const state = { recent_observations: ['Plan is to stack the grid boxes in the north stairwell overnight'] };
    expect(codes({ ...stage, parameters: { alternate_exit_available: false } }, state)).toContain('exit_route_blocked');
  });
  it('when the material goes to the laydown room and the stair stays clear, then it does not', () => {
    const state = { recent_observations: ['Grid boxes go to the laydown room; both stairs open'] };
    expect(codes({ ...stage, parameters: { exit_route_clear: true } }, state)).not.toContain('exit_route_blocked');
  });
});

describe('construction batch G: a shifted load is held before its straps come off', () => {
  const unload = { description: 'Take the bundles off the flatbed', kind: 'delivery.receive' };
  const state = { task_description: 'Receive a delivery of lumber', recent_observations: ['One bundle has shifted against the side stakes'] };
  it('when nothing holds the shifted load, then it escalates', () => {
    expect(codes({ ...unload, parameters: { load_restrained_by_machine: false } }, state)).toContain('shifted_load_unrestrained');
  });
  it('when the forks hold it first, then it does not, and a delivery is no steel erection', () => {
    expect(codes({ ...unload, parameters: { load_restrained_by_machine: true } }, state)).not.toContain('shifted_load_unrestrained');
    expect(read({ ...unload, parameters: { load_restrained_by_machine: true } }, { ...state, task_description: 'Receive a delivery of steel pipe' }).action.kind).not.toBe('steel_erection');
  });
});

describe('construction batch G: pneumatic breakers are no electrical work', () => {
  it('when concrete is broken with air breakers, then no lockout is asked', () => {
    const r = read({ description: 'Break out the slab edge', kind: 'schedule_task' }, { task_description: 'Remove curb concrete with pneumatic breakers' });
    expect(r.action.kind).not.toBe('electrical_work');
    expect(factAt(r.facts, 'loto.required')).toBeUndefined();
  });
  it('when a panel breaker is replaced, then it is still electrical work', () => {
    expect(read({ description: 'Replace the breakers in the panel', kind: 'schedule_task' }).action.kind).toBe('electrical_work');
  });
});
