import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import { TrajectoryRowSchema } from '../../src/banks/trajectory.js';
import { PROJECT_ROOT } from '../../src/lib/project-root.js';
import { featureNames, featurize } from '../../src/packs/construction_safety/features.js';
import { BANK_SEED, BANK_SIZE, generateBank, trueOutcomeProbabilities } from '../../src/packs/construction_safety/generator.js';
import { constructionSafetyModule as pack } from '../../src/packs/construction_safety/index.js';
import { ACTION_KINDS } from '../../src/packs/construction_safety/state-schema.js';
import { OUTCOMES } from '../../src/packs/construction_safety/taxonomy.js';
import type { ActionInput } from '../../src/packs/types.js';
import { SCENARIOS } from '../support/scenarios.js';

/** The seed's crane lift under other wind, hours and paperwork. */
const craneLift = (wind: number, gust: number, hours: number, compliance: Record<string, unknown> = {}) => ({
  state: {
    ...SCENARIOS.calmCraneLift.body.state,
    environmental_conditions: { temperature_c: 18, wind_mph: wind, gust_mph: gust },
    crew_status: { size: 6, hours_on_site: hours },
    compliance_status: compliance,
  } as Record<string, unknown>,
  action: SCENARIOS.calmCraneLift.body.action as ActionInput,
});

/** The seed documents' scenarios: the three the service tests share, the brief's gusty lift and the morning pour. */
const scenario = (body: { state: Record<string, unknown>; action: Record<string, unknown> }) => ({ state: body.state, action: body.action as ActionInput });
const SEEDS = {
  gustyLift: craneLift(23, 31, 11),
  briefedGustyLift: scenario(SCENARIOS.gustyCraneLift.body),
  calmLift: scenario(SCENARIOS.calmCraneLift.body),
  hotPour: scenario(SCENARIOS.hotPourWithoutBriefing.body),
  morningPour: {
    state: {
      ...SCENARIOS.hotPourWithoutBriefing.body.state,
      timestamp: '2024-07-16T07:00:00',
      environmental_conditions: { temperature_c: 22, humidity_pct: 50, heat_index_c: 22, wind_mph: 4 },
      crew_status: { size: 8, hours_on_site: 2, heat_trained: true },
      active_hazards: ['heavy_equipment', 'wet_concrete'],
      recent_observations: ['water, rest and shade in place'],
      compliance_status: { pre_task_briefing: 'completed', heat_illness_controls: 'in_place' },
    } as Record<string, unknown>,
    action: { description: 'Proceed with the pour', kind: 'concrete_pour' } as ActionInput,
  },
};

/** Factors that on their own should stop the work; none of them may appear in a safe scenario. */
const SERIOUS_FACTORS = [
  'wind_above_limit',
  'heat_stress',
  'heat_symptoms',
  'heat_controls_missing',
  'fall_protection_missing',
  'trench_unprotected',
  'power_line_clearance',
  'lockout_missing',
  'safety_step_skipped',
  'briefing_not_done',
  'fatigue',
  'lightning',
];

const factorIds = (scenario: { state: Record<string, unknown>; action: ActionInput }) => featurize(scenario.state, scenario.action).factors.map((f) => f.id);
const incidentRisk = (scenario: { state: Record<string, unknown>; action: ActionInput }) =>
  trueOutcomeProbabilities(featurize(scenario.state, scenario.action).values)
    .map((p, k) => (OUTCOMES[k].incident ? p : 0))
    .reduce((a, b) => a + b, 0);

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
    expect(parsed.recent_observations).toEqual([]);
    expect(parsed.extra).toEqual({ anything: 1 });
  });

  it('when a field has the wrong type, then the state is rejected with the path of the field', () => {
    const bad = { ...SEEDS.gustyLift.state, environmental_conditions: { wind_mph: '23 mph' } };
    const result = pack.stateSchema.safeParse(bad);
    expect(result.success).toBe(false);
    expect(result.error!.issues[0].path).toEqual(['environmental_conditions', 'wind_mph']);
    expect(pack.stateSchema.safeParse({ ...SEEDS.gustyLift.state, equipment_in_use: 'mobile crane' }).success).toBe(false);
    expect(pack.stateSchema.safeParse({ ...SEEDS.gustyLift.state, task_description: undefined }).success).toBe(false);
  });

  it('when the action has no description or a non-numeric height, then it is rejected', () => {
    expect(pack.actionSchema.safeParse({ description: '   ', kind: 'crane_lift' }).success).toBe(false);
    expect(pack.actionSchema.safeParse({ description: 'Go', parameters: { height_ft: 'twenty' } }).success).toBe(false);
    expect(pack.actionSchema.safeParse({ description: 'Go', kind: 'made_up_kind', parameters: { note: 'x' } }).success).toBe(true);
  });
});

describe('construction_safety featuriser', () => {
  it('when the featuriser is defined, then it has between 15 and 45 uniquely named features', () => {
    expect(featureNames.length).toBeGreaterThanOrEqual(15);
    expect(featureNames.length).toBeLessThanOrEqual(45);
    expect(new Set(featureNames).size).toBe(featureNames.length);
  });

  it('when gusts exceed the crane limit after a long day, then wind and fatigue are named with their numbers', () => {
    const factors = featurize(SEEDS.gustyLift.state, SEEDS.gustyLift.action).factors;
    const wind = factors.find((f) => f.id === 'wind_above_limit')!;
    expect(wind.factor).toBe('wind above crane limit');
    expect(wind.detail).toContain('gusts 31 mph');
    expect(wind.detail).toContain('limit 20 mph');
    expect(wind.recommendation).toMatch(/postpone/i);
    expect(factors.find((f) => f.id === 'fatigue')!.detail).toContain('11 h on site');
    for (const f of factors) for (const name of f.features) expect(featureNames).toContain(name);
  });

  it('when the hot pour skips its briefing, then heat, symptoms, missing shade and the skipped step are all named', () => {
    const ids = factorIds(SEEDS.hotPour);
    for (const id of ['heat_stress', 'heat_symptoms', 'heat_controls_missing', 'briefing_not_done', 'safety_step_skipped', 'schedule_pressure']) expect(ids).toContain(id);
    const heat = featurize(SEEDS.hotPour.state, SEEDS.hotPour.action).factors.find((f) => f.id === 'heat_stress')!;
    expect(heat.detail).toContain('NWS danger');
  });

  it('when the seed scenarios are safe, then none of the serious factors is named', () => {
    for (const scenario of [SEEDS.calmLift, SEEDS.morningPour]) {
      const ids = factorIds(scenario);
      expect(ids.filter((id) => SERIOUS_FACTORS.includes(id))).toEqual([]);
    }
  });

  it('when the state gives the crane its own wind limit, then that limit is used instead of the default', () => {
    const s = craneLift(23, 31, 2);
    s.state.equipment_limits = { max_wind_mph: 35 };
    expect(factorIds(s)).not.toContain('wind_above_limit');
    s.state.equipment_limits = { max_wind_mph: 15 };
    expect(featurize(s.state, s.action).factors.find((f) => f.id === 'wind_above_limit')!.detail).toContain('limit 15 mph');
  });

  it('when an observation negates a symptom, then no symptom is named', () => {
    const state = { ...SEEDS.morningPour.state, recent_observations: ['no one reported dizziness'] };
    expect(factorIds({ state, action: SEEDS.morningPour.action })).not.toContain('heat_symptoms');
  });

  it('when the kind is missing, then it is inferred from the description; an unknown kind is read the same way', () => {
    const inferred = featurize(SEEDS.gustyLift.state, { description: 'Proceed with the crane lift' });
    const explicit = featurize(SEEDS.gustyLift.state, SEEDS.gustyLift.action);
    expect(inferred.values).toEqual(explicit.values);
    expect(featurize(SEEDS.gustyLift.state, { description: 'Proceed with the crane lift', kind: 'lift_operation' }).values).toEqual(explicit.values);
  });

  it('when neither the kind nor the description names the work, then the task decides, and otherwise it is general work', () => {
    const vague = { description: 'Proceed with the lift' };
    expect(factorIds({ state: SEEDS.gustyLift.state, action: vague })).toContain('wind_above_limit');
    expect(factorIds({ state: SEEDS.gustyLift.state, action: { ...vague, kind: 'lift_operation' } })).toContain('wind_above_limit');
    const cleanup = { ...SEEDS.gustyLift.state, task_description: 'Site cleanup' };
    expect(featurize(cleanup, { description: 'Proceed', kind: 'lift_operation' }).values).toEqual(featurize(cleanup, { description: 'Proceed', kind: 'general_work' }).values);
    expect(incidentRisk({ state: SEEDS.gustyLift.state, action: { description: 'Postpone until the wind drops' } })).toBeLessThan(0.05);
  });

  it('when the work is at height, in a trench, near lines or unlocked, then the matching factor is named', () => {
    const base = { site_id: 'S', task_description: 'Work', environmental_conditions: {}, crew_status: {} };
    expect(factorIds({ state: base, action: { description: 'Proceed', kind: 'roofing_work', parameters: { height_ft: 18, fall_protection: 'none' } } })).toContain('fall_protection_missing');
    expect(factorIds({ state: base, action: { description: 'Proceed', kind: 'roofing_work', parameters: { height_ft: 4, fall_protection: 'none' } } })).not.toContain('fall_protection_missing');
    expect(factorIds({ state: base, action: { description: 'Proceed', kind: 'trenching', parameters: { depth_ft: 8, protective_system: 'none' } } })).toContain('trench_unprotected');
    expect(factorIds({ state: base, action: { description: 'Proceed', kind: 'trenching', parameters: { depth_ft: 8, protective_system: 'trench_box' } } })).not.toContain('trench_unprotected');
    expect(factorIds({ state: base, action: { description: 'Proceed', kind: 'crane_lift', parameters: { power_line_distance_ft: 12 } } })).toContain('power_line_clearance');
    expect(factorIds({ state: base, action: { description: 'Proceed', kind: 'crane_lift', parameters: { power_line_distance_ft: 12, line_voltage_kv: 13.8 } } })).not.toContain('power_line_clearance');
    expect(factorIds({ state: base, action: { description: 'Clear the jam while it is still running', kind: 'equipment_maintenance' } })).toContain('lockout_missing');
    expect(factorIds({ state: { ...base, timestamp: '2025-01-01T23:00:00', crew_status: { new_workers: 3, size: 6 } }, action: { description: 'Proceed', kind: 'excavation' } })).toEqual(
      expect.arrayContaining(['night_work', 'untrained_crew']),
    );
  });

  it('when the action says it skips a control that the record shows in place, then the action is believed, and the other way round', () => {
    const base = { site_id: 'S', task_description: 'Work', environmental_conditions: {}, crew_status: {} };
    expect(factorIds({ state: base, action: { description: 'Work the panel live to avoid a shutdown', kind: 'electrical_work', parameters: { lockout_tagout: 'applied' } } })).toContain('lockout_missing');
    expect(factorIds({ state: base, action: { description: 'Proceed; the conveyor is not locked out yet', kind: 'equipment_maintenance' } })).toContain('lockout_missing');
    expect(factorIds({ state: base, action: { description: 'Send the crew in without a trench box to save time', kind: 'trenching', parameters: { depth_ft: 8, protective_system: 'trench_box' } } })).toContain('trench_unprotected');
    expect(factorIds({ state: base, action: { description: 'Set the trench box, then send the pipe crew in', kind: 'trenching', parameters: { depth_ft: 8, protective_system: 'none' } } })).not.toContain('trench_unprotected');
    expect(factorIds({ state: base, action: { description: 'Proceed with every worker tied off and guardrails installed', kind: 'roofing_work', parameters: { height_ft: 20, fall_protection: 'none' } } })).not.toContain('fall_protection_missing');
  });

  it('when any schema-valid state and action are featurised, then it never throws and every value is a finite number', () => {
    const text = fc.string({ maxLength: 40 });
    const num = fc.double({ min: -1e4, max: 1e4, noNaN: true });
    const state = fc.record(
      {
        site_id: fc.string({ minLength: 1, maxLength: 10 }),
        timestamp: fc.constantFrom('2024-07-15T14:30:00', '2025-01-01T23:59:00Z', '2024-07-15'),
        task_description: fc.string({ minLength: 1, maxLength: 60 }),
        environmental_conditions: fc.record(
          { temperature_c: fc.double({ min: -60, max: 65, noNaN: true }), humidity_pct: fc.double({ min: 0, max: 100, noNaN: true }), wind_mph: fc.double({ min: 0, max: 200, noNaN: true }), gust_mph: fc.double({ min: 0, max: 250, noNaN: true }), weather: text },
          { requiredKeys: [] },
        ),
        crew_status: fc.record({ size: fc.integer({ min: 0, max: 1000 }), hours_on_site: fc.double({ min: 0, max: 48, noNaN: true }), new_workers: fc.integer({ min: 0, max: 1000 }), shift: text, observations: fc.array(text) }, { requiredKeys: [] }),
        equipment_in_use: fc.array(text),
        active_hazards: fc.array(text),
        recent_observations: fc.array(text),
        compliance_status: fc.dictionary(text, fc.oneof(text, fc.boolean(), num, fc.constant(null))),
      },
      { requiredKeys: ['site_id', 'task_description', 'environmental_conditions', 'crew_status'] },
    );
    const action = fc.record(
      {
        description: fc.string({ minLength: 1, maxLength: 80 }).filter((s) => s.trim().length > 0),
        kind: fc.constantFrom(...ACTION_KINDS, 'something_else'),
        parameters: fc.record(
          { height_ft: fc.double({ min: 0, max: 2000, noNaN: true }), depth_ft: fc.double({ min: 0, max: 200, noNaN: true }), protective_system: text, fall_protection: fc.oneof(fc.boolean(), text), power_line_distance_ft: fc.double({ min: 0, max: 1e4, noNaN: true }), load_lbs: fc.double({ min: 0, max: 1e6, noNaN: true }), rated_capacity_lbs: fc.double({ min: 1, max: 1e6, noNaN: true }), lockout_tagout: fc.oneof(fc.boolean(), text) },
          { requiredKeys: [] },
        ),
      },
      { requiredKeys: ['description'] },
    );
    fc.assert(
      fc.property(state, action, (s, a) => {
        const parsedState = pack.stateSchema.safeParse(s);
        const parsedAction = pack.actionSchema.safeParse(a);
        fc.pre(parsedState.success && parsedAction.success);
        const f = featurize(parsedState.data!, parsedAction.data as ActionInput);
        expect(f.values).toHaveLength(featureNames.length);
        for (const v of f.values) expect(Number.isFinite(v)).toBe(true);
        expect(pack.summarize(parsedState.data!, parsedAction.data as ActionInput).length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });
});

describe('construction_safety true risk model', () => {
  it('when the seed scenarios are scored, then the dangerous ones are well above the 0.3 threshold and the safe ones well below', () => {
    expect(incidentRisk(SEEDS.gustyLift)).toBeGreaterThan(0.6);
    expect(incidentRisk(SEEDS.briefedGustyLift)).toBeGreaterThan(0.5);
    expect(incidentRisk(SEEDS.hotPour)).toBeGreaterThan(0.6);
    expect(incidentRisk(SEEDS.calmLift)).toBeLessThan(0.1);
    expect(incidentRisk(SEEDS.morningPour)).toBeLessThan(0.1);
  });

  it('when a safe scenario is scored, then a serious incident is rarer than 1 in 5,000 futures', () => {
    for (const s of [SEEDS.calmLift, SEEDS.morningPour]) {
      const p = trueOutcomeProbabilities(featurize(s.state, s.action).values);
      expect(p[OUTCOMES.findIndex((o) => o.name === 'serious_incident')]).toBeLessThan(2e-4);
    }
  });

  it('when one fatal-four hazard is left without its control, then it alone puts the incident risk above the 0.3 threshold', () => {
    const base = { site_id: 'S', timestamp: '2025-05-01T09:00:00', task_description: 'Work', environmental_conditions: { temperature_c: 18, humidity_pct: 50, wind_mph: 5 }, crew_status: { size: 5, hours_on_site: 3 }, compliance_status: { pre_task_briefing: 'completed' } };
    const cases: [ActionInput, ActionInput][] = [
      [{ description: 'Proceed with the lift', kind: 'crane_lift', parameters: { power_line_distance_ft: 12 } }, { description: 'Proceed with the lift', kind: 'crane_lift', parameters: { power_line_distance_ft: 30 } }],
      [{ description: 'Proceed with the repair', kind: 'equipment_maintenance', parameters: { lockout_tagout: 'not_applied' } }, { description: 'Proceed with the repair', kind: 'equipment_maintenance', parameters: { lockout_tagout: 'applied' } }],
      [{ description: 'Send the pipe crew in', kind: 'trenching', parameters: { depth_ft: 8, protective_system: 'none' } }, { description: 'Send the pipe crew in', kind: 'trenching', parameters: { depth_ft: 8, protective_system: 'trench_box' } }],
      [{ description: 'Continue the membrane', kind: 'roofing_work', parameters: { height_ft: 18, fall_protection: 'none' } }, { description: 'Continue the membrane', kind: 'roofing_work', parameters: { height_ft: 18, fall_protection: 'harness' } }],
    ];
    for (const [unprotected, protectedWork] of cases) {
      expect(incidentRisk({ state: base, action: unprotected }), unprotected.description).toBeGreaterThan(0.3);
      expect(incidentRisk({ state: base, action: protectedWork }), protectedWork.description).toBeLessThan(0.1);
    }
  });

  it('when the windy lift is postponed instead, then the incident risk falls below 5%', () => {
    const postponed = { state: SEEDS.gustyLift.state, action: { description: 'Postpone the lift until gusts drop below the limit', kind: 'stop_work' } };
    expect(incidentRisk(postponed)).toBeLessThan(0.05);
  });
});

describe('construction_safety generator', () => {
  const bank = generateBank(BANK_SEED, BANK_SIZE);

  it('when the same seed is used twice, then the rows are identical; another seed gives other rows', () => {
    expect(generateBank(7, 200)).toEqual(generateBank(7, 200));
    expect(generateBank(8, 200)).not.toEqual(generateBank(7, 200));
    expect(generateBank(BANK_SEED, 300)).toEqual(bank.slice(0, 300));
  });

  it('when the bank is generated, then every row is a valid trajectory of a valid state and action, in the taxonomy', () => {
    const names = new Set(OUTCOMES.map((o) => o.name));
    for (const row of bank) {
      expect(TrajectoryRowSchema.safeParse(row).success, row.id).toBe(true);
      expect(pack.stateSchema.safeParse(row.state).success, row.id).toBe(true);
      expect(pack.actionSchema.safeParse(row.action).success, row.id).toBe(true);
      expect(names.has(row.final_outcome), row.id).toBe(true);
      expect(row.steps.length).toBeGreaterThanOrEqual(3);
      expect(row.steps.length).toBeLessThanOrEqual(6);
      expect(row.steps.map((s) => s.t)).toEqual(row.steps.map((_, i) => i + 1));
      expect(row.steps.at(-1)!.outcome).toBe(row.final_outcome);
      expect(row.synthetic).toBe(true);
    }
    expect(new Set(bank.map((r) => r.id)).size).toBe(bank.length);
  });

  it('when outcomes are counted, then each appears at least 40 times and serious incidents at least 100 times', () => {
    const counts = new Map<string, number>();
    for (const row of bank) counts.set(row.final_outcome, (counts.get(row.final_outcome) ?? 0) + 1);
    for (const o of OUTCOMES) expect(counts.get(o.name) ?? 0, o.name).toBeGreaterThanOrEqual(40);
    expect(counts.get('serious_incident')).toBeGreaterThanOrEqual(100);
  });

  it('when the split is counted, then exactly a fifth of the rows is held out', () => {
    expect(bank.filter((r) => r.split === 'heldout').length).toBe(BANK_SIZE / 5);
  });

  it('when true_risk is recomputed from the true model and classify, then it matches the stored value', () => {
    for (const row of bank.slice(0, 500)) {
      const p = trueOutcomeProbabilities(featurize(row.state, row.action as ActionInput).values);
      let incident = 0;
      let adverse = 0;
      OUTCOMES.forEach((o, k) => {
        const c = pack.classify(o, row.action as ActionInput);
        if (c.incident) incident += p[k];
        if (c.adverse) adverse += p[k];
      });
      expect(row.true_risk!.incident).toBeCloseTo(incident, 4);
      expect(row.true_risk!.adverse).toBeCloseTo(adverse, 4);
    }
  });

  it('when the bank covers the range, then there are plenty of safe, borderline and dangerous scenarios', () => {
    const risk = bank.map((r) => r.true_risk!.incident);
    expect(risk.filter((x) => x < 0.1).length).toBeGreaterThan(1000);
    expect(risk.filter((x) => x >= 0.2 && x <= 0.45).length).toBeGreaterThan(600);
    expect(risk.filter((x) => x > 0.7).length).toBeGreaterThan(600);
  });

  it('when the shipped bank file is read, then it is byte-identical to the generator output for the default seed', () => {
    const file = fs.readFileSync(path.join(PROJECT_ROOT, 'domains/construction_safety/trajectories.jsonl'), 'utf8');
    expect(file === `${bank.map((r) => JSON.stringify(r)).join('\n')}\n`).toBe(true);
  });
});

describe('construction_safety pack data', () => {
  it('when pack.yaml is read, then its outcomes are the taxonomy the code uses, in severity order', () => {
    const packFile = YAML.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'domains/construction_safety/pack.yaml'), 'utf8'));
    expect(packFile.name).toBe(pack.name);
    expect(packFile.outcomes).toEqual(OUTCOMES);
    expect(OUTCOMES.map((o) => o.severity)).toEqual(OUTCOMES.map((_, i) => i));
  });

  it('when outcomes are classified, then near miss and worse are incidents and adverse, the rest neither', () => {
    const action = { description: 'Proceed' };
    expect(OUTCOMES.filter((o) => pack.classify(o, action).incident).map((o) => o.name)).toEqual(['near_miss', 'first_aid', 'recordable_incident', 'serious_incident']);
    expect(OUTCOMES.filter((o) => pack.classify(o, action).adverse).map((o) => o.name)).toEqual(['near_miss', 'first_aid', 'recordable_incident', 'serious_incident']);
  });

  it('when a case is summarised, then the line carries the task, the action, the gusts and the hours', () => {
    expect(pack.summarize(SEEDS.gustyLift.state, SEEDS.gustyLift.action)).toBe('Crane lift of roof truss; Proceed with crane lift; gusts 31 mph; crew of 6, 11 h on site');
  });
});
