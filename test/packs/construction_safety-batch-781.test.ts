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

// Second round on the same batch: a list of results on record is read row by row (the worst row decides); a tower crane's
// anti-collision system put in bypass is a safeguard taken away; Table 1's handheld-saw respirator (indoors, or over 4 hours
// outdoors) and a particulate filter; a back-up line on its own anchor is rope access fall protection; a lifting attachment
// or sheet piling says the work, not the carrier or the steel; a vibration monitor over its stop level.
const gate = constructionReader('YARD-781B');
const fired = (action: Record<string, unknown>, state: Record<string, unknown> = {}) => gate.codes(action, state);

describe('batch 781: blood lead results on record (1926.62(k))', () => {
  const results = { active_hazards: ['lead'], task_description: 'Abrasive blast removal of lead paint on the girders', medical_surveillance: [{ test: 'periodic', blood_lead_ug_dl: 57 }, { test: 'follow-up', blood_lead_ug_dl: 54 }] };
  const keep = { description: 'Keep the blaster on the blast crew with a new respirator', kind: 'assign_worker' };
  it('when results sent as rows reach 50 ug/dL and he stays on the lead work, then it escalates on medical removal', () => {
    expect(fact(keep, 'lead.blood_ug_dl', results)).toBe(57);
    expect(fired(keep, results)).toContain('lead_medical_removal');
  });
  it('when the results are below 50 ug/dL, then no removal rule fires', () => {
    const low = { ...results, medical_surveillance: [{ test: 'periodic', blood_lead_ug_dl: 22 }] };
    expect(fired(keep, low)).not.toContain('lead_medical_removal');
  });
});

describe('batch 781: a tower crane anti-collision system in bypass', () => {
  const lift = { description: 'Resume picks through the shared zone', kind: 'crane_lift' };
  it('when the anti-collision mode is bypass, then the safeguard is read as taken away', () => {
    const action = { ...lift, parameters: { anti_collision_mode: 'bypass' } };
    expect(fact(action, 'safeguards.removed')).toEqual(['anti collision mode']);
    expect(fired(action)).toContain('safeguard_removed');
  });
  it('when the anti-collision system is active, then nothing is taken away', () => {
    expect(fact({ ...lift, parameters: { anti_collision_mode: 'active' } }, 'safeguards.removed')).toBeUndefined();
  });
});

describe('batch 781: Table 1 handheld saws and respirator filters (1926.1153, 1910.134(d)(3)(iv))', () => {
  const cut = { description: 'Run the saw operator on cuts for the full shift', kind: 'schedule_task' };
  const saw = (hours: number) => ({ task_description: 'Cutting concrete blocks for a retaining wall', environmental_conditions: { setting: 'outdoors' }, equipment_in_use: ['handheld cut-off saw with integrated water feed'], schedule: { planned_cutting_hours_per_shift: hours } });
  it('when a handheld saw cuts outdoors for more than 4 hours with no respirator, then it escalates', () => {
    const action = { ...cut, parameters: { respirator: 'none' } };
    expect(fact(action, 'silica.task_hours', saw(6.5))).toBe(6.5);
    expect(fact(action, 'crew.hours_on_site', saw(6.5))).toBeUndefined();
    expect(fired(action, saw(6.5))).toContain('silica_handheld_saw_without_respirator');
  });
  it('when the same saw cuts outdoors for 3 hours, then the Table 1 respirator rule does not fire', () => {
    expect(fired({ ...cut, parameters: { respirator: 'none' } }, saw(3))).not.toContain('silica_handheld_saw_without_respirator');
  });
  it('when the cartridges are organic vapour only, then no particulate filter is read; P100 is one', () => {
    const state = { task_description: 'Cutting CMU openings indoors', equipment_in_use: ['handheld cut-off saw with integrated water'] };
    const ov = { description: 'Start the cuts', kind: 'proceed', parameters: { respirator_cartridge: 'organic vapour only, no particulate pre-filter' } };
    expect(fact(ov, 'respirator.particulate_filter', state)).toBe(false);
    expect(fired(ov, state)).toContain('silica_respirator_without_particulate_filter');
    const p100 = { ...ov, parameters: { respirator_cartridge: 'P100 with organic vapour' } };
    expect(fact(p100, 'respirator.particulate_filter', state)).toBe(true);
    expect(fired(p100, state)).not.toContain('silica_respirator_without_particulate_filter');
  });
});

describe('batch 781: rope access, attachments, piling and vibration', () => {
  const drop = { description: 'Send the technician down drop 4', kind: 'rope_access' };
  const height = { task_description: 'Re-seal window joints, drop 4 of 9, 38 m', active_hazards: ['work at height'] };
  it('when a second line is rigged on its own anchor, then fall protection is read; with none, the drop is unprotected', () => {
    const rigged = { ...height, rigging: { working_line: 'D4 davit', second_line: 'D5 davit (independent)' } };
    expect(fact(drop, 'fall.protected', rigged)).toBe(true);
    expect(asked(drop, rigged)).not.toContain('fall.protected');
    const single = { ...height, rigging: { working_line: 'D4 davit', second_line: 'none' } };
    expect(fact(drop, 'fall.protected', single)).toBe(false);
    expect(fired(drop, single)).toContain('fall_protection_missing');
  });
  it('when no back-up line is said at all, then fall protection is still asked', () => {
    expect(asked(drop, { ...height, rigging: { working_line: 'D4 davit' } })).toContain('fall.protected');
  });
  it('when an excavator carries a vacuum kerb lifter, then the work is no excavation and no trench is asked', () => {
    const action = { description: 'Lay kerbs with the vacuum lifter', kind: 'proceed' };
    const state = { task_description: 'Kerb replacement', equipment_in_use: ['8 t excavator with vacuum kerb lifter'] };
    expect(fact(action, 'task.kind', state)).not.toBe('excavation');
    expect(asked(action, state)).not.toContain('trench.depth_ft');
  });
  it('when steel sheet piles are pressed in, then the work is no steel erection and no work height is asked', () => {
    const action = { description: 'Continue pressing the remaining pans', kind: 'continue_work' };
    const state = { task_description: 'Installing steel sheet piles for a retaining wall', equipment_in_use: ['hydraulic press-in piler'] };
    expect(fact(action, 'task.kind', state)).not.toBe('steel_erection');
    expect(asked(action, state)).not.toContain('fall.height_ft');
  });
  it('when the vibration readings pass the stop level, then it escalates; below it, not', () => {
    const action = { description: 'Continue vibro-driving the remaining pans', kind: 'continue_work' };
    const over = { vibration_monitoring: { amber_trigger_mm_s_ppv: 3, red_stop_mm_s_ppv: 5, last_events_mm_s_ppv: [6.2, 8.4, 7.1] } };
    expect(fact(action, 'vibration.ppv_mm_s', over)).toBe(8.4);
    expect(fact(action, 'vibration.ppv_stop_mm_s', over)).toBe(5);
    expect(fired(action, over)).toContain('piling_vibration_over_stop_level');
    const under = { vibration_monitoring: { ...over.vibration_monitoring, last_events_mm_s_ppv: [0.4, 1.1] } };
    expect(fired(action, under)).not.toContain('piling_vibration_over_stop_level');
  });
});

describe('batch 781: a loose load on pallet forks', () => {
  it('when the lift has no containment, then it escalates; with a cage, not', () => {
    const action = { description: 'Fly the block pallet to level 6 on the forks', kind: 'crane_lift', parameters: { load_t: 1.1, containment: 'none' } };
    expect(fired(action, { environmental_conditions: { wind_mph: 8 } })).toContain('loose_load_uncontained');
    expect(fired({ ...action, parameters: { load_t: 1.1, containment: 'brick cage, closed' } }, { environmental_conditions: { wind_mph: 8 } })).not.toContain('loose_load_uncontained');
  });
});
