import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { firedRules } from '../../src/evaluation/gates.js';
import { PROJECT_ROOT } from '../../src/lib/project-root.js';
import { constructionSafetyModule as pack } from '../../src/packs/construction_safety/index.js';
import { loadCatalogue } from '../../src/packs/reading/catalogue.js';
import { factAt } from '../../src/packs/reading/reading.js';
import type { ActionInput } from '../../src/packs/types.js';

// Requests that were misread in shapes of their own: limits written beside readings, counts where a yes/no was
// expected, stand-downs said as procedures, test loads and ratings that are not the lift, planned entries whose
// air is tested first. The wording is this file's own.
const catalogue = loadCatalogue(path.join(PROJECT_ROOT, 'domains/construction_safety/catalogue.yaml'));
type Json = Record<string, unknown>;
const site = (extra: Json = {}): Json => ({ site_id: 'JOB-88', task_description: 'Work today', environmental_conditions: {}, crew_status: {}, ...extra });
const read = (state: Json, action: Json) => pack.read(pack.stateSchema.parse(site(state)), pack.actionSchema.parse(action) as ActionInput, catalogue);
const fact = (r: ReturnType<typeof read>, name: string) => factAt(r.facts, name);
const firing = (state: Json, action: Json): string[] => {
  return firedRules(catalogue.hazards, read(state, action)).map((h) => h.id);
};

describe('construction reading: controls given as counts', () => {
  it('when a control is sent as a count, then the request is read, not refused, and zero means none', () => {
    for (const [value, expected] of [[3, true], [0, false]] as const) {
      const action = { description: 'Fly the precast panel', kind: 'crane_lift', parameters: { tag_lines: value, spotter: value } };
      expect(pack.actionSchema.safeParse(action).success, String(value)).toBe(true);
      const r = read({}, action);
      expect(fact(r, 'crane.tag_lines'), String(value)).toBe(expected);
      expect(fact(r, 'site.spotter'), String(value)).toBe(expected);
    }
  });

  it('when a count field holds a percentage, then it is no count', () => {
    const r = read({}, { description: 'Issue the plan', kind: 'general_work', parameters: { new_hires_schedule: 'heat ramp-up, day 2 (40%)' } });
    expect(fact(r, 'crew.new_workers')).toBeUndefined();
  });
});

describe('construction reading: wind limits', () => {
  it('when a crane limit and a stricter lift-plan limit for the load are both given, then the stricter one governs', () => {
    const r = read(
      { environmental_conditions: { gust_ms: 12 }, equipment_limits: { crane_in_service_wind_limit_ms: 20, lift_plan_max_gust_ms_for_this_load: 8 } },
      { description: 'Proceed with the panel pick', kind: 'crane_lift' },
    );
    expect(fact(r, 'wind.limit_mph')).toBeCloseTo(17.9, 1);
    expect(firing({ environmental_conditions: { gust_ms: 12 }, equipment_limits: { crane_in_service_wind_limit_ms: 20, lift_plan_max_gust_ms_for_this_load: 8 } }, { description: 'Proceed with the panel pick', kind: 'crane_lift' })).toContain('crane_wind_limit');
  });

  it('when a gust limit is given in km/h as a field, then it is a limit, not a gust', () => {
    const r = read({ environmental_conditions: { gust_kmh: 20 } }, { description: 'Lift the louvre', kind: 'crane_lift', parameters: { gust_limit_km_h: 40 } });
    expect(fact(r, 'wind.limit_mph')).toBeCloseTo(24.9, 1);
    expect(fact(r, 'wind.gust_mph')).toBeCloseTo(12.4, 1);
  });

  it('when "in" sits inside a field name, then it is no unit of inches', () => {
    const r = read({ equipment_limits: { max_wind_in_service_mph: 30 } }, { description: 'Make the pick', kind: 'crane_lift' });
    expect(fact(r, 'wind.limit_mph')).toBe(30);
  });

  it('when a stop rule names a wind speed, then it is a limit, not the wind now', () => {
    for (const value of ['competent person watches it, stop work at 30 mph gusts', 'crew halts at 25 mph']) {
      const r = read({ environmental_conditions: { wind_mph: 6 } }, { description: 'Raise the wall', kind: 'general_work', parameters: { wind_watch: value } });
      expect(fact(r, 'wind.peak_mph'), value).toBe(6);
    }
    const r = read({ recent_observations: ['forecast 9 mph gusting 14 mph, limit is 25'] }, { description: 'Set the units', kind: 'crane_lift' });
    expect(fact(r, 'wind.limit_mph')).toBeUndefined();
    expect(fact(r, 'wind.gust_mph')).toBe(14);
  });

  it('when a load cell reads in kN, then it is no wind in knots; "15 kn" beside a wind word still is', () => {
    const cell = read({ recent_observations: ['load cell LC-4 up 7 kN since noon'] }, { description: 'Continue', kind: 'general_work' });
    expect(fact(cell, 'wind.speed_mph')).toBeUndefined();
    const wind = read({ recent_observations: ['wind 15 kn from the west'] }, { description: 'Continue', kind: 'general_work' });
    expect(fact(wind, 'wind.speed_mph')).toBeCloseTo(17.3, 1);
  });
});

describe('construction reading: stand-downs said as procedures', () => {
  it('when the action carries out an out-of-service or shutdown procedure, then it stands down', () => {
    for (const description of ['Execute the out-of-service procedure on the luffer', 'Perform the shutdown procedure on tower crane 3', 'Carry out the out of service configuration: jib free to weathervane']) {
      const r = read({ environmental_conditions: { gust_mph: 50 } }, { description, kind: 'equipment_shutdown', parameters: { hook_load_lb: 0 } });
      expect(r.action.effect, description).toBe('stands_down');
    }
  });

  it('when work is named after the stand-down word, then the work proceeds', () => {
    const r = read({ environmental_conditions: { gust_mph: 38 } }, { description: 'Proceed with the postponed lift of the chiller', kind: 'crane_lift' });
    expect(r.action.effect).toBe('proceeds');
    expect(firing({ environmental_conditions: { gust_mph: 38 } }, { description: 'Proceed with the postponed lift of the chiller', kind: 'crane_lift' })).toContain('crane_wind_limit');
  });
});

describe('construction reading: numbers that are not the lift', () => {
  it('when a personnel platform proof test is recorded, then its 125% test load is not the lift against the chart', () => {
    const state = {
      equipment_in_use: ['80 t crawler crane', 'work platform WP-1 (rated 1,400 lb)'],
      recent_observations: ['test weights 1,750 lb (125% of rating) on the deck, held 5 min, lowered under power'],
    };
    const action = { description: 'Record the proof test and go on to the unoccupied trial lift', kind: 'personnel_hoisting', parameters: { test_load_lb: 1750, test_load_pct: 125, platform_rating_lb: 1400 } };
    const r = read(state, action);
    expect(fact(r, 'crane.load_pct')).toBeUndefined();
    expect(fact(r, 'crane.capacity_lbs')).toBeUndefined();
    expect(fact(r, 'loto.live_work')).toBeUndefined();
    expect(firing(state, action)).toEqual([]);
  });

  it('when a lift gives its own load and chart capacity, then they are still read', () => {
    const r = read({}, { description: 'Hoist the basket with two painters', kind: 'personnel_hoisting', parameters: { platform_loaded_lb: 1200, chart_capacity_lb: 2000 } });
    expect(fact(r, 'crane.load_pct')).toBe(60);
  });

  it('when a wall or a column height is given, then it is not the height anyone works at', () => {
    const r = read({}, { description: 'Lay up the wall', kind: 'general_work', parameters: { wall_height_ft: 14, limited_access_zone_ft: 18 } });
    expect(fact(r, 'fall.height_ft')).toBeUndefined();
    const deck = read({}, { description: 'Lay up the wall', kind: 'general_work', parameters: { work_platform_height_ft: 14 } });
    expect(fact(deck, 'fall.height_ft')).toBe(14);
  });
});

describe('construction reading: a planned entry whose air is tested first', () => {
  it('when the entry waits on pre-entry testing and no reading is given, then the atmosphere is not asked for', () => {
    const r = read({ recent_observations: ['Thursday: permit space entry into the valve vault, pre-entry and continuous monitoring, attendant posted, tripod rigged'] }, { description: 'Issue the plan for Thursday', kind: 'crew_assignment' });
    expect(fact(r, 'confined_space.present')).toBe(true);
    expect(fact(r, 'confined_space.readings_pending')).toBe(true);
  });

  it('when a reading is given with the same plan, then it is judged as it stands', () => {
    const state = { recent_observations: ['vault entry under permit, pre-entry tests done, attendant posted'] };
    const action = { description: 'Enter the vault', kind: 'confined_space', parameters: { o2_pct: 18.4 } };
    expect(fact(read(state, action), 'confined_space.readings_pending')).toBeUndefined();
    expect(firing(state, action)).toContain('confined_space_hazardous_atmosphere');
  });

  it('when nothing says the air will be tested first, then the readings stay deciding unknowns', () => {
    const r = read({}, { description: 'Enter the lift station wet well', kind: 'confined_space', parameters: { attendant: 'posted' } });
    expect(fact(r, 'confined_space.readings_pending')).toBeUndefined();
  });
});
