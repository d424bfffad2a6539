import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/lib/project-root.js';
import { featureNames } from '../../src/packs/construction_safety/features.js';
import { constructionSafetyModule as pack } from '../../src/packs/construction_safety/index.js';
import { ACTION_KINDS } from '../../src/packs/construction_safety/state-schema.js';
import { OUTCOMES } from '../../src/packs/construction_safety/taxonomy.js';
import { loadCatalogue } from '../../src/packs/reading/catalogue.js';
import type { ActionInput } from '../../src/packs/types.js';
import { SCENARIOS } from '../support/scenarios.js';

const catalogue = loadCatalogue(path.join(PROJECT_ROOT, 'domains/construction_safety/catalogue.yaml'));
type Scenario = { state: Record<string, unknown>; action: ActionInput };
const read = (s: Scenario) => pack.read(s.state, s.action, catalogue);
const features = (s: Scenario) => pack.featurize(read(s));
const factorIds = (s: Scenario) => features(s).factors.map((f) => f.id);
const value = (s: Scenario, name: (typeof featureNames)[number]) => features(s).values[featureNames.indexOf(name)];

/** The seed's crane lift under other wind and hours. */
const craneLift = (wind: number, gust: number, hours: number): Scenario => ({
  state: { ...SCENARIOS.calmCraneLift.body.state, environmental_conditions: { temperature_c: 18, wind_mph: wind, gust_mph: gust }, crew_status: { size: 6, hours_on_site: hours } },
  action: SCENARIOS.calmCraneLift.body.action as ActionInput,
});
const SEEDS = {
  gustyLift: craneLift(23, 31, 11),
  calmLift: { state: SCENARIOS.calmCraneLift.body.state, action: SCENARIOS.calmCraneLift.body.action as ActionInput },
  hotPour: { state: SCENARIOS.hotPourWithoutBriefing.body.state, action: SCENARIOS.hotPourWithoutBriefing.body.action as ActionInput },
};

describe('construction_safety state and action schemas', () => {
  it('when the seed scenarios are validated, then all of them are accepted', () => {
    for (const [name, s] of Object.entries(SEEDS)) {
      expect(pack.stateSchema.safeParse(s.state).success, name).toBe(true);
      expect(pack.actionSchema.safeParse(s.action).success, name).toBe(true);
    }
  });

  it('when an agent leaves out optional sub-fields and lists, then the state is still accepted with empty lists', () => {
    const parsed = pack.stateSchema.parse({ site_id: 'S1', task_description: 'Layout', environmental_conditions: {}, crew_status: {}, extra: { anything: 1 } });
    expect(parsed.equipment_in_use).toEqual([]);
    expect(parsed.extra).toEqual({ anything: 1 });
  });

  it('when a field has the wrong type, then the state is rejected with the path of the field', () => {
    // A number with its unit ("23 mph") is a measurement and is taken (construction_safety-sent-shapes); words are not.
    const result = pack.stateSchema.safeParse({ ...SEEDS.gustyLift.state, environmental_conditions: { wind_mph: 'gusty' } });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0].path).toEqual(['environmental_conditions', 'wind_mph']);
  });

  it('when the action has no description, then it is rejected; an unknown kind is accepted', () => {
    expect(pack.actionSchema.safeParse({ description: '   ', kind: 'crane_lift' }).success).toBe(false);
    expect(pack.actionSchema.safeParse({ description: 'Go', kind: 'made_up_kind', parameters: { note: 'x' } }).success).toBe(true);
  });
});

describe('construction_safety featuriser over the reading', () => {
  it('when the featuriser is defined, then it keeps between 15 and 45 uniquely named features', () => {
    expect(featureNames.length).toBeGreaterThanOrEqual(15);
    expect(featureNames.length).toBeLessThanOrEqual(45);
    expect(new Set(featureNames).size).toBe(featureNames.length);
  });

  it('when gusts exceed the crane limit after a long day, then wind and fatigue are named with their numbers', () => {
    const factors = features(SEEDS.gustyLift).factors;
    const wind = factors.find((f) => f.id === 'wind_above_limit')!;
    expect(wind.factor).toBe('wind above crane limit');
    expect(wind.detail).toContain('gusts 31 mph');
    expect(wind.detail).toContain('limit 20 mph');
    expect(factors.find((f) => f.id === 'fatigue')!.detail).toContain('11 h on site');
    for (const f of factors) for (const name of f.features) expect(featureNames).toContain(name);
  });

  it('when the hot pour skips its briefing, then heat, symptoms, missing shade and the skipped step are named', () => {
    const ids = factorIds(SEEDS.hotPour);
    for (const id of ['heat_stress', 'heat_symptoms', 'heat_controls_missing', 'briefing_not_done', 'safety_step_skipped', 'schedule_pressure']) expect(ids).toContain(id);
  });

  it('when the wind is not given, then the wind features stay neutral rather than reading calm as measured', () => {
    const noWind: Scenario = { state: { ...SEEDS.calmLift.state, environmental_conditions: {} }, action: SEEDS.calmLift.action };
    expect(value(noWind, 'wind_limit_ratio')).toBe(0);
    expect(read(noWind).facts.wind).toBeUndefined();
  });

  it('when the state gives the crane its own wind limit, then that limit is used instead of the default', () => {
    const s = craneLift(23, 31, 2);
    s.state.equipment_limits = { max_wind_mph: 35 };
    expect(factorIds(s)).not.toContain('wind_above_limit');
    s.state.equipment_limits = { max_wind_mph: 15 };
    expect(features(s).factors.find((f) => f.id === 'wind_above_limit')!.detail).toContain('limit 15 mph');
  });

  it('when the windy lift is postponed, then the task features are zero and postponing is on', () => {
    const postponed = { state: SEEDS.gustyLift.state, action: { description: 'Postpone the lift until the gusts ease', kind: 'crane_lift' } };
    expect(value(postponed, 'postpones_work')).toBe(1);
    expect(value(postponed, 'wind_over_limit')).toBe(0);
    expect(value(SEEDS.gustyLift, 'wind_over_limit')).toBeGreaterThan(0);
  });

  it('when any schema-valid state and action are read and featurised, then it never throws and every value is finite', () => {
    const text = fc.string({ maxLength: 40 });
    const state = fc.record(
      {
        site_id: fc.string({ minLength: 1, maxLength: 10 }),
        task_description: fc.string({ minLength: 1, maxLength: 60 }),
        environmental_conditions: fc.record({ temperature_c: fc.double({ min: -60, max: 65, noNaN: true }), humidity_pct: fc.double({ min: 0, max: 100, noNaN: true }), wind_mph: fc.double({ min: 0, max: 200, noNaN: true }), weather: text }, { requiredKeys: [] }),
        crew_status: fc.record({ size: fc.integer({ min: 0, max: 1000 }), hours_on_site: fc.double({ min: 0, max: 48, noNaN: true }), shift: text, observations: fc.array(text) }, { requiredKeys: [] }),
        recent_observations: fc.array(text),
        compliance_status: fc.dictionary(text, fc.oneof(text, fc.boolean(), fc.double({ noNaN: true }), fc.constant(null))),
      },
      { requiredKeys: ['site_id', 'task_description', 'environmental_conditions', 'crew_status'] },
    );
    const action = fc.record(
      {
        description: fc.string({ minLength: 1, maxLength: 80 }).filter((s) => s.trim().length > 0),
        kind: fc.constantFrom(...ACTION_KINDS, 'something_else'),
        parameters: fc.dictionary(text, fc.oneof(text, fc.boolean(), fc.double({ noNaN: true }), fc.dictionary(text, fc.oneof(text, fc.double({ noNaN: true }))))),
      },
      { requiredKeys: ['description'] },
    );
    fc.assert(
      fc.property(state, action, (s, a) => {
        const parsedState = pack.stateSchema.safeParse(s);
        const parsedAction = pack.actionSchema.safeParse(a);
        fc.pre(parsedState.success && parsedAction.success);
        const reading = pack.read(parsedState.data!, parsedAction.data as ActionInput, catalogue);
        const f = pack.featurize(reading);
        expect(f.values).toHaveLength(featureNames.length);
        for (const v of f.values) expect(Number.isFinite(v)).toBe(true);
        expect(pack.summarize(reading).length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });
});

describe('construction_safety pack data', () => {
  it('when pack.yaml is read, then its outcomes are the taxonomy the code uses, in severity order', () => {
    const packFile = YAML.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'domains/construction_safety/pack.yaml'), 'utf8'));
    expect(packFile.name).toBe(pack.name);
    expect(packFile.outcomes).toEqual(OUTCOMES);
  });

  it('when outcomes are classified, then near miss and worse are incidents whatever the action', () => {
    const proceeds = read(SEEDS.calmLift).action;
    const stands = read({ state: SEEDS.calmLift.state, action: { description: 'Stop work and stand the crew down', kind: 'stop_work' } }).action;
    for (const action of [proceeds, stands]) {
      expect(OUTCOMES.filter((o) => pack.classify(o, action).incident).map((o) => o.name)).toEqual(['near_miss', 'first_aid', 'recordable_incident', 'serious_incident']);
    }
  });

  it('when a case is summarised, then the line carries the task, the action, the gusts and the hours', () => {
    expect(pack.summarize(read(SEEDS.gustyLift))).toBe('Crane lift of roof truss; Proceed with crane lift; gusts 31 mph; crew of 6, 11 h on site');
  });

  it('when the catalogue is loaded, then every hazard cites its source and every fact a hazard reads is defined', () => {
    expect(catalogue.hazards.length).toBeGreaterThanOrEqual(20);
    for (const h of catalogue.hazards) {
      expect(h.citation.length, h.id).toBeGreaterThan(10);
      expect(h.url, h.id).toBeDefined();
    }
  });
});
