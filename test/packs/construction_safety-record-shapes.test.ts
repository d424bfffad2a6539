import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { firedRules } from '../../src/evaluation/gates.js';
import { PROJECT_ROOT } from '../../src/lib/project-root.js';
import { constructionSafetyModule as pack } from '../../src/packs/construction_safety/index.js';
import { loadCatalogue } from '../../src/packs/reading/catalogue.js';
import { factAt } from '../../src/packs/reading/reading.js';
import type { ActionInput } from '../../src/packs/types.js';

// Shapes of tool calls and site notes the reading missed: speeds spelled as two parts of a field name,
// compliance records that are records of their own, lanyards worn but not connected, heat-stroke signs in
// plain words, hoisting routes over people, exhaust monitoring that is no confined space, formwork anchors
// that are no tie-off, and boom teardown that is governed by blocking rather than a lock.
const catalogue = loadCatalogue(path.join(PROJECT_ROOT, 'domains/construction_safety/catalogue.yaml'));
type Json = Record<string, unknown>;
const site = (extra: Json = {}): Json => ({ site_id: 'YARD-9', task_description: 'Work today', environmental_conditions: {}, crew_status: {}, ...extra });
const read = (state: Json, action: Json) => pack.read(pack.stateSchema.parse(site(state)), pack.actionSchema.parse(action) as ActionInput, catalogue);
const fact = (state: Json, action: Json, name: string) => factAt(read(state, action).facts, name);
const fires = (state: Json, action: Json): string[] => {
  return firedRules(catalogue.hazards, read(state, action)).map((h) => h.id);
};

describe('construction reading: speeds written as two parts of a field name', () => {
  it('when wind comes as wind_m_s or gust_km_h, then it is read in mph', () => {
    expect(fact({ environmental_conditions: { wind_m_s: 10 } }, { description: 'Proceed' }, 'wind.speed_mph')).toBeCloseTo(22.37, 1);
    expect(fact({}, { description: 'Proceed', parameters: { gust_km_h: 50 } }, 'wind.gust_mph')).toBeCloseTo(31.07, 1);
    expect(fact({}, { description: 'Proceed', parameters: { anemometer_reading: { wind_speed_m_s: 4 } } }, 'wind.speed_mph')).toBeCloseTo(8.95, 1);
  });

  it('when a MEWP rated 12.5 m/s meets wind in m/s, then only wind over the rating fires', () => {
    const lift = (wind: number) => ({ description: 'Raise the platform', kind: 'aerial_lift', parameters: { rated_wind_m_s: 12.5, platform_wind: { gust_m_s: wind } } });
    expect(fires({}, lift(15))).toContain('aerial_lift_wind_limit');
    expect(fires({}, lift(6))).not.toContain('aerial_lift_wind_limit');
  });
});

describe('construction reading: compliance records that hold records', () => {
  it('when a compliance item is a record (a pre-task review), then the request is accepted and its items are read', () => {
    const state = site({ compliance_status: { morning_review: { guardrails: 'none on the east side', competent_person_inspection: 'no' } } });
    expect(pack.stateSchema.safeParse(state).success).toBe(true);
    expect(fact(state, { description: 'Start', kind: 'roofing_work' }, 'fall.protected')).toBe(false);
  });
});

describe('construction reading: a harness worn is not a worker tied off', () => {
  it('when lanyards dangle or are not clipped in, then fall protection is not in place', () => {
    expect(fact({ recent_observations: ['both painters in harnesses, lanyards dangling'] }, { description: 'Go up', kind: 'aerial_lift' }, 'fall.protected')).toBe(false);
    expect(fact({ recent_observations: ['his lanyard is not clipped in'] }, { description: 'Go up', kind: 'aerial_lift' }, 'fall.protected')).toBe(false);
    expect(fires({ recent_observations: ['harness on, lanyard unhooked'] }, { description: 'Boom up to the soffit at 25 ft', kind: 'aerial_lift' })).toContain('fall_protection_missing');
  });

  it('when the lanyard is clipped to the basket anchor, then fall protection stays in place', () => {
    expect(fact({ recent_observations: ['lanyards clipped to the basket anchor'] }, { description: 'Go up', kind: 'aerial_lift' }, 'fall.protected')).toBe(true);
  });
});

describe('construction reading: heat-stroke signs in plain words', () => {
  const hot = { environmental_conditions: { heat_index_c: 38 } };
  it('when a worker is woozy, makes no sense or no longer sweats, then heat illness is read', () => {
    for (const note of ['the helper is woozy and no longer sweating', 'laborer making no sense since lunch', 'finisher babbling, skin hot']) {
      expect(fact({ ...hot, recent_observations: [note] }, { description: 'Keep going', kind: 'general_work' }, 'heat.symptoms'), note).toBe(true);
    }
  });

  it('when the sign is denied, then no heat illness is read', () => {
    expect(fact({ ...hot, recent_observations: ['checked on him: not woozy, talking normally'] }, { description: 'Keep going', kind: 'general_work' }, 'heat.symptoms')).not.toBe(true);
  });
});

describe('construction reading: a hoisting route over people', () => {
  it('when the tool call says the route crosses workers who were not cleared, then workers are under the load', () => {
    expect(fires({}, { description: 'Fly the bundle to the roof', kind: 'crane_lift', parameters: { path_over_crew: true } })).toContain('workers_under_suspended_load');
    expect(fires({}, { description: 'Fly the bundle to the roof', kind: 'crane_lift', parameters: { crew_cleared_from_swing_path: false } })).toContain('workers_under_suspended_load');
    expect(fires({ recent_observations: ['signal wants to swing the rebar bundle over the workers tying mat'] }, { description: 'Make the pick', kind: 'crane_lift' })).toContain('workers_under_suspended_load');
  });

  it('when the route was cleared or goes around the crew, then nobody is under the load', () => {
    expect(fires({}, { description: 'Fly the bundle to the roof', kind: 'crane_lift', parameters: { workers_cleared_from_route: true } })).not.toContain('workers_under_suspended_load');
    expect(fires({ recent_observations: ['route goes around the core, never over the crew'] }, { description: 'Make the pick', kind: 'crane_lift' })).not.toContain('workers_under_suspended_load');
  });
});

describe('construction reading: exhaust monitoring is not a confined space', () => {
  it('when only carbon monoxide is read, then no confined-space entry is assumed', () => {
    expect(fact({ recent_observations: ['garage CO readings 5 and 8 ppm'] }, { description: 'Keep washing', kind: 'general_work' }, 'confined_space.present')).toBeUndefined();
  });

  it('when oxygen is read too, or the work is a space entry, then it is a confined space', () => {
    expect(fact({ recent_observations: ['O2 20.8%, CO 3 ppm'] }, { description: 'Continue', kind: 'general_work' }, 'confined_space.present')).toBe(true);
    expect(fact({}, { description: 'Enter the vault', kind: 'confined_space', parameters: { co_ppm: 3 } }, 'confined_space.present')).toBe(true);
  });
});

describe('construction reading: formwork anchors are not a tie-off', () => {
  it('when a form record lists wedge anchors or coil rods, then no fall protection is read from them', () => {
    expect(fact({ compliance_status: { form_check: { anchors_installed: '12 wedge anchors' } } }, { description: 'Pour', kind: 'concrete_pour' }, 'fall.protected')).toBeUndefined();
    expect(fact({ recent_observations: ['coil rod anchors torqued on the buttress form'] }, { description: 'Pour', kind: 'concrete_pour' }, 'fall.protected')).toBeUndefined();
  });

  it('when a worker anchors a lanyard, then it is still fall protection', () => {
    expect(fact({ recent_observations: ['worker on the form platform tied off to the anchor'] }, { description: 'Pour', kind: 'concrete_pour' }, 'fall.protected')).toBe(true);
  });
});

describe('construction reading: boom teardown is held by blocking, not by a lock', () => {
  it('when the work takes a crane boom apart, then lockout is not asked for and the A/D facts decide', () => {
    const teardown = { description: 'Drive the pins on the insert', kind: 'equipment_maintenance', parameters: { ad_director: 'present', boom_sections_blocked: true, pendants_in_tension: false } };
    expect(fact({}, teardown, 'crane.assembly')).toBe(true);
    expect(fact({}, teardown, 'loto.required')).toBeUndefined();
  });

  it('when ordinary equipment is serviced, then lockout is still required', () => {
    expect(fact({}, { description: 'Service the mixer drive belt', kind: 'equipment_maintenance' }, 'loto.required')).toBe(true);
  });
});
