import { describe, expect, it } from 'vitest';
import { gates } from '../../src/evaluation/gates.js';
import { constructionReader } from '../support/construction-reading.js';
import { factAt } from '../../src/packs/reading/reading.js';

// Reading shapes met in the third batch of public-source cases, in this file's own words: restraints and
// rollover structures sent as tool-call fields, indoor platform work, a switch-off of a machine as a
// stand-down, a tag's quoted legend, riding a hoist's carriage. Each has a safe neighbour.
type Json = Record<string, unknown>;
const { domain, read, codes } = constructionReader('YARD-9');

describe('construction batch C: restraints and rollover structures on earthmoving equipment', () => {
  it('when a compactor runs with its belt undone and the ROPS lowered, then the safeguard counts as removed', () => {
    const r = read({ description: 'Keep rolling the fill', kind: 'equipment_operation', parameters: { seatbelt: 'unbuckled', rops_up: false } });
    expect((factAt(r.facts, 'safeguards.removed') as string[]).length).toBe(2);
    expect(codes({ description: 'Keep rolling the fill', kind: 'equipment_operation', parameters: { seat_belt_latched: false } })).toContain('safeguard_removed');
  });

  it('when the belt is fastened and the ROPS is up, then nothing is removed', () => {
    const r = read({ description: 'Keep rolling the fill', kind: 'equipment_operation', parameters: { seat_belt: 'latched', rops_raised: true } });
    expect(factAt(r.facts, 'safeguards.removed')).toBeUndefined();
  });
});

describe('construction batch C: aerial work indoors', () => {
  it('when a scissor lift works inside a building with no wind given, then no wind question blocks it', () => {
    const g = gates(domain, read({ description: 'Raise the scissor and hang the conduit', kind: 'aerial_lift', parameters: { platform_height_m: 4 } }, { environmental_conditions: { location: 'indoors' } }));
    expect(g.missing.map((m) => m.fact)).not.toContain('wind.peak_mph');
  });

  it('when the same lift works outdoors with no wind given, then the wind is still asked for, and high wind indoors-unknown still fires', () => {
    const g = gates(domain, read({ description: 'Raise the scissor and hang the conduit', kind: 'aerial_lift', parameters: { platform_height_m: 4 } }));
    expect(g.missing.map((m) => m.fact)).toContain('wind.peak_mph');
    expect(codes({ description: 'Raise the boom lift', kind: 'aerial_lift' }, { environmental_conditions: { gust_mph: 40 } })).toContain('aerial_lift_wind_limit');
  });
});

describe('construction batch C: switching a machine off', () => {
  it('when the action turns off the engine and keeps people out until the air clears, then it stands down without contradiction', () => {
    const r = read({ description: 'Turn off the compressor engine, open the doors, no entry until the meter reads clean', kind: 'stop_work' });
    expect(r.action.effect).toBe('stands_down');
    expect(r.action.contradiction).toBeUndefined();
  });

  it('when the action switches off a safeguard, then it still removes it and proceeds', () => {
    const r = read({ description: 'Switch off the tilt alarm and keep working', kind: 'aerial_lift' });
    expect(r.action.effect).toBe('proceeds');
    expect((factAt(r.facts, 'safeguards.removed') as string[] | undefined)?.length ?? 0).toBeGreaterThan(0);
  });

  it('when a machine is switched off and the crew then goes back in, then the action proceeds', () => {
    expect(read({ description: 'Shut off the pump, then send the crew into the pit', kind: 'confined_space' }).action.effect).not.toBe('stands_down');
  });
});

describe('construction batch C: a quoted legend on a tag', () => {
  it('when a lock and a tag reading "do not start" are on the isolator, then lockout is read as applied', () => {
    const r = read({ description: 'Begin the belt change', kind: 'equipment_maintenance' }, { recent_observations: ['Padlock and a "DO NOT START" tag hung on the isolator, key with the fitter'] });
    expect(factAt(r.facts, 'loto.applied')).toBe(true);
  });

  it('when the text denies the lock outside any quotes, then lockout is still read as not applied', () => {
    const r = read({ description: 'Begin the belt change', kind: 'equipment_maintenance' }, { recent_observations: ['No "lockout" applied yet, the fitter will do it later'] });
    expect(factAt(r.facts, 'loto.applied')).toBe(false);
  });
});

describe('construction batch C: riding the car of a material hoist', () => {
  it('when workers ride the hoist carriage of a material hoist, then the riders rule fires', () => {
    expect(codes({ description: 'Add mast sections', kind: 'equipment_setup', parameters: { method: 'fitters ride on the hoist carriage' } }, { equipment_in_use: ['material hoist'] })).toContain('material_hoist_riders');
  });

  it('when only the load rides the carriage, then it does not', () => {
    expect(codes({ description: 'Add mast sections', kind: 'equipment_setup', parameters: { method: 'sections sent up on the carriage, fitters climb the mast ladder tied off' } }, { equipment_in_use: ['material hoist'] })).not.toContain('material_hoist_riders');
  });
});

describe('construction batch C: numbers that are no gas reading', () => {
  it('when a CO alarm is logged with a clock time, then the time is not read as ppm, while a real reading is', () => {
    expect(factAt(read({ description: 'Carry on', kind: 'general_work' }, { recent_observations: ['CO monitor alarmed at 14:05 near the saw'] }).facts, 'confined_space.co_ppm')).toBeUndefined();
    expect(factAt(read({ description: 'Carry on', kind: 'general_work' }, { recent_observations: ['CO 85 ppm near the saw'] }).facts, 'confined_space.co_ppm')).toBe(85);
  });

  it('when the level is what a wait holds out for, then it is no reading; a re-entry condition field neither', () => {
    expect(factAt(read({ description: 'Ventilate the garage, keep out until CO is below 20 ppm', kind: 'stop_work' }).facts, 'confined_space.co_ppm')).toBeUndefined();
    expect(factAt(read({ description: 'Ventilate the garage', kind: 'stop_work', parameters: { reentry_condition: 'CO below 20 ppm' } }).facts, 'confined_space.co_ppm')).toBeUndefined();
    expect(factAt(read({ description: 'Ventilate the garage', kind: 'stop_work', parameters: { co_reading: '140 ppm' } }).facts, 'confined_space.co_ppm')).toBe(140);
  });
});

describe('construction batch C: "no entry" as a stand-down', () => {
  it('when people are kept out until a level is reached, then the action stands down', () => {
    expect(read({ description: 'Ventilate the vault; no entry until the meter reads clean', kind: 'stop_work' }).action.effect).toBe('stands_down');
  });

  it('when "no entry permit" names a missing permit, then it is no stand-down', () => {
    const r = read({ description: 'No entry permit today. Enter the tank and scrape the scale', kind: 'confined_space' });
    expect(r.action.effect).not.toBe('stands_down');
    expect(read({ description: 'No entry permit on file', kind: 'confined_space' }).action.lowers_risk).toBe(false);
  });
});

describe('construction batch C: the height of a thing, not of the work', () => {
  it('when extension cords are said to hang at 2 m, then no working height is read', () => {
    expect(factAt(read({ description: 'Energize the box', kind: 'general_work' }, { recent_observations: ['Cords strung on hooks at 2.2 m along the corridor'] }).facts, 'fall.height_ft')).toBeUndefined();
  });

  it('when a worker is said to work at 4 m, then that is the working height', () => {
    const ft = factAt(read({ description: 'Hang the duct', kind: 'general_work' }, { recent_observations: ['Fitter works at 4 m on the mezzanine'] }).facts, 'fall.height_ft') as number;
    expect(Math.round(ft)).toBe(13);
  });
});
