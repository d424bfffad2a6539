import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { firedRules } from '../../src/evaluation/gates.js';
import { PROJECT_ROOT } from '../../src/lib/project-root.js';
import { featureNames } from '../../src/packs/construction_safety/features.js';
import { constructionSafetyModule as pack } from '../../src/packs/construction_safety/index.js';
import { loadCatalogue } from '../../src/packs/reading/catalogue.js';
import type { ActionInput } from '../../src/packs/types.js';

// CheckList (Ribeiro et al., ACL 2020) for the construction reader: invariance (the same meaning said
// another way keeps the reading) and direction (adding a danger never takes a hazard away).
const catalogue = loadCatalogue(path.join(PROJECT_ROOT, 'domains/construction_safety/catalogue.yaml'));
const enforced = catalogue.hazards.filter((h) => h.severity === 'high' || h.severity === 'critical');
const read = (state: Record<string, unknown>, action: Record<string, unknown>) => pack.read(pack.stateSchema.parse(state), pack.actionSchema.parse(action) as ActionInput, catalogue);
const hazards = (r: ReturnType<typeof read>) => firedRules(enforced, r).map((h) => h.id).sort();
const feature = (r: ReturnType<typeof read>, name: (typeof featureNames)[number]) => pack.featurize(r).values[featureNames.indexOf(name)];
const site = (env: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ site_id: 'S-4', task_description: 'Set the roof trusses', environmental_conditions: env, crew_status: { size: 5, hours_on_site: 3 }, ...extra });

describe('construction checklist: invariance', () => {
  it('when the same wind is written in mph, km/h, m/s, knots or words, then the hazards and wind features agree', () => {
    const action = { description: 'Proceed with the lift', kind: 'crane_lift' };
    const variants = [
      site({ wind_mph: 14, gust_mph: 27 }),
      site({ wind_kmh: 22.5, gust_kmh: 43.5 }),
      site({ wind_ms: 6.26, gust_ms: 12.07 }),
      site({ wind_kn: 12.2, gust_kn: 23.5 }),
      site({ wind: '14 mph, gusting 27 mph' }),
      site({}, { recent_observations: ['anemometer on the boom: 14 mph sustained, gusts to 27 mph'] }),
    ];
    const readings = variants.map((s) => read(s, action));
    for (const r of readings) {
      expect(hazards(r)).toEqual(hazards(readings[0]));
      expect(feature(r, 'wind_over_limit')).toBeCloseTo(feature(readings[0], 'wind_over_limit'), 1);
    }
    expect(hazards(readings[0])).toContain('crane_wind_limit');
  });

  it('when the same instruction is phrased another way, then the effect and the hazards agree', () => {
    const state = site({ wind_mph: 26 });
    const proceed = ['Proceed with the lift', 'Go ahead with the pick', 'Make the lift now', 'Continue hoisting the trusses', 'Start the pick'];
    const standDown = ['Postpone the lift', 'Stop the lift and lower the load', 'Do not lift until the wind drops', 'Hold off on the pick for today', 'Cancel the remaining picks'];
    for (const d of proceed) expect(read(state, { description: d, kind: 'crane_lift' }).action.effect, d).toBe('proceeds');
    for (const d of standDown) expect(read(state, { description: d, kind: 'crane_lift' }).action.effect, d).toBe('stands_down');
    for (const d of proceed) expect(hazards(read(state, { description: d, kind: 'crane_lift' })), d).toContain('crane_wind_limit');
  });

  it('when a trench is described by fields, by arguments or by words, then the trench hazard reads the same', () => {
    const state = site({ temperature_c: 15 }, { task_description: 'Sewer lateral' });
    const fields = read(state, { description: 'Send the crew in', kind: 'trenching', parameters: { depth_ft: 7, protective_system: 'none' } });
    const metric = read(state, { description: 'Send the crew in', kind: 'trenching', parameters: { excavation_depth_m: 2.13, shoring: false } });
    const words = read(state, { description: 'Send the crew into the 7 ft deep trench without a trench box or shoring', kind: 'trenching' });
    expect(hazards(fields)).toContain('trench_without_protective_system');
    expect(hazards(metric)).toContain('trench_without_protective_system');
    expect(hazards(words)).toContain('trench_without_protective_system');
  });
});

describe('construction checklist: direction', () => {
  const base = () => site({ temperature_c: 24, humidity_pct: 40, wind_mph: 6 }, { task_description: 'Re-roof the warehouse', compliance_status: { pre_task_briefing: 'completed' } });
  const roof = (extra: Record<string, unknown> = {}) => ({ description: 'Continue the membrane', kind: 'roofing_work', parameters: { height_ft: 22, fall_protection: 'guardrails and harnesses', ...extra } });

  it('when a danger is added to a safe request, then no hazard disappears and the new one appears', () => {
    const safe = hazards(read(base(), roof()));
    const additions: Array<[Record<string, unknown>, Record<string, unknown>, string]> = [
      [base(), roof({ fall_protection: 'none' }), 'fall_protection_missing'],
      [{ ...base(), environmental_conditions: { temperature_c: 38, humidity_pct: 55 } }, roof(), 'heat_danger_without_controls'],
      [{ ...base(), environmental_conditions: { wind_mph: 6, weather: 'thunderstorm with lightning 3 miles out' } }, roof(), 'lightning_exposed_work'],
      [{ ...base(), recent_observations: ['the roofer on the ridge has a headache and is vomiting'], environmental_conditions: { temperature_c: 33, humidity_pct: 50 } }, roof(), 'heat_illness_symptoms'],
    ];
    for (const [state, action, expected] of additions) {
      const worse = hazards(read(state, action));
      expect(worse, expected).toContain(expected);
      for (const h of safe) expect(worse, expected).toContain(h);
    }
  });

  it('when the action removes a control, then the skip feature and the hazards only grow', () => {
    const safe = read(base(), roof());
    const worse = read(base(), { ...roof(), description: 'Unclip the harnesses to move faster and continue the membrane' });
    expect(feature(worse, 'skips_safety_step')).toBeGreaterThan(feature(safe, 'skips_safety_step'));
    for (const h of hazards(safe)) expect(hazards(worse)).toContain(h);
  });

  it('when the same dangerous work is stood down, then it lowers the risk and the task features are zero', () => {
    const state = { ...base(), environmental_conditions: { wind_mph: 40 } };
    const r = read(state, { description: 'Stop the roofing and get the crew off the roof until the wind drops', kind: 'roofing_work' });
    expect(r.action.lowers_risk).toBe(true);
    expect(feature(r, 'kind_hazard_tier')).toBe(0);
  });
});
