import { describe, expect, it } from 'vitest';
import { constructionReader } from '../support/construction-reading.js';
import { factAt } from '../../src/packs/reading/reading.js';
import { quantities, tokenize } from '../../src/packs/reading/text.js';
import { splitFieldName } from '../../src/packs/construction_safety/field-names.js';

// Reading classes met in batch cs-dev-781..820, in this file's own words: a unit divided by time (m/s², mm/s) is a rate or an
// acceleration, not a speed or a length; a voltage measured on the circuit worked on is a test result, not a line's voltage;
// "breaker" qualified as a hand or mounted tool is a demolition tool, not a circuit breaker.
const { read, asked } = constructionReader('YARD-781');
const fact = (action: Record<string, unknown>, path: string, state: Record<string, unknown> = {}) => factAt(read(action, state).facts, path);

describe('batch 781: derived units are kept from the speed and length readers', () => {
  it('when text says m/s² or mm/s, then the number is no speed and no length', () => {
    expect(quantities(tokenize('chisel rated 6 m/s² in use'))[0].unit).toBe('ms2');
    expect(quantities(tokenize('peak 2.5 mm/s at the wall'))[0].unit).toBe('mms');
    expect(quantities(tokenize('gusting 9 m/s'))[0].unit).toBe('ms');
    expect(quantities(tokenize('cover 40 mm of concrete'))[0].unit).toBe('mm');
  });
  it('when a field name ends in m_s2 or carries mm_s, then its unit is the derived one', () => {
    expect(splitFieldName('grinder_emission_m_s2')).toEqual({ words: ['grinder', 'emission'], unit: 'ms2' });
    expect(splitFieldName('stop_mm_s_ppv').unit).toBe('mms');
    expect(splitFieldName('wind_m_s').unit).toBe('ms');
  });
  it('when a tool vibration magnitude is given, then no wind is read from it', () => {
    const action = { description: 'Chip the pile heads, 1 h trigger time', kind: 'schedule_task', parameters: { vibration_m_s2: 6 } };
    expect(fact(action, 'wind.speed_mph', { equipment_in_use: ['chipping hammer (6 m/s² declared)'] })).toBeUndefined();
  });
});

describe('batch 781: a measured circuit voltage is an absence test (1910.333(b)(2)(iv))', () => {
  const work = { description: 'Swap the contactor in the pump starter', kind: 'electrical_work' };
  it('when the measured voltage is zero, then zero energy is verified and no line is read', () => {
    const state = { isolation_record: { disconnect: 'open, locked and tagged', bus_voltage_measured_v: 0 } };
    expect(fact(work, 'loto.verified', state)).toBe(true);
    expect(fact(work, 'power_line.present', state)).toBeUndefined();
  });
  it('when the measured voltage is above zero, or was not measured, then it is not verified', () => {
    expect(fact(work, 'loto.verified', { isolation_record: { disconnect: 'open, locked', measured_voltage_v: 320 } })).toBe(false);
    expect(fact(work, 'loto.verified', { isolation_record: { disconnect: 'open, locked', bus_voltage_measured: 'not measured yet' } })).toBe(false);
  });
});

describe('batch 781: a breaker named as a hand or mounted tool is demolition', () => {
  it('when a hand breaker is run, then no lockout is asked', () => {
    const action = { description: 'Run the hand breaker on the footing, two operators rotating', kind: 'schedule_task' };
    expect(fact(action, 'task.kind')).toBe('demolition');
    expect(asked(action)).not.toContain('loto.applied');
  });
  it('when a circuit breaker is worked on, then lockout is still asked', () => {
    const action = { description: 'Replace the breaker in panel LP-2', kind: 'schedule_task' };
    expect(fact(action, 'task.kind')).toBe('electrical_work');
    expect(asked(action)).toContain('loto.applied');
  });
});
