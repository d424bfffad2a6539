import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TrajectoryRowSchema } from '../../src/banks/trajectory.js';
import { PROJECT_ROOT } from '../../src/lib/project-root.js';
import { ConstructionActionSchema, ConstructionStateSchema } from '../../src/packs/construction_safety/state-schema.js';
import { classifyOutcome, OUTCOMES } from '../../src/packs/construction_safety/taxonomy.js';
import type { ActionInput } from '../../src/packs/types.js';
import { BANK_SEED, BANK_SIZE, generateBank, trueOutcomeProbabilities } from '../../tools/banks/construction_safety/generator.js';
import { featurize } from '../../tools/banks/construction_safety/latent-features.js';
import { SCENARIOS } from '../support/scenarios.js';
import { bankRows, serialiseBank } from '../../tools/banks/generate.js';

type Scenario = { state: Record<string, unknown>; action: ActionInput };

/** The seed's crane lift under other wind and hours. */
const craneLift = (wind: number, gust: number, hours: number): Scenario => ({
  state: {
    ...SCENARIOS.calmCraneLift.body.state,
    environmental_conditions: { temperature_c: 18, wind_mph: wind, gust_mph: gust },
    crew_status: { size: 6, hours_on_site: hours },
    compliance_status: {},
  } as Record<string, unknown>,
  action: SCENARIOS.calmCraneLift.body.action as ActionInput,
});
const scenario = (body: { state: Record<string, unknown>; action: Record<string, unknown> }): Scenario => ({ state: body.state, action: body.action as ActionInput });
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

/** The generator's own (latent) reading of a scenario under its true model: the chance of an incident. */
const incidentRisk = (s: Scenario) =>
  trueOutcomeProbabilities(featurize(s.state, s.action).values)
    .map((p, k) => (OUTCOMES[k].incident ? p : 0))
    .reduce((a, b) => a + b, 0);

describe('construction_safety true risk model (bank tooling)', () => {
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
    expect(incidentRisk({ state: SEEDS.gustyLift.state, action: { description: 'Postpone the lift until gusts drop below the limit', kind: 'stop_work' } })).toBeLessThan(0.05);
  });
});

describe('construction_safety bank generator', () => {
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
      expect(ConstructionStateSchema.safeParse(row.state).success, row.id).toBe(true);
      expect(ConstructionActionSchema.safeParse(row.action).success, row.id).toBe(true);
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

  it('when true_risk is recomputed from the true model and the taxonomy, then it matches the stored value', () => {
    for (const row of bank.slice(0, 500)) {
      const p = trueOutcomeProbabilities(featurize(row.state, row.action as ActionInput).values);
      let incident = 0;
      let adverse = 0;
      OUTCOMES.forEach((o, k) => {
        const c = classifyOutcome(o);
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

  it('when the shipped bank file is read, then it is byte-identical to bankRows(), the generator’s rows for the default seed less the seed scenarios', () => {
    const file = fs.readFileSync(path.join(PROJECT_ROOT, 'domains/construction_safety/trajectories.jsonl'), 'utf8');
    expect(file === serialiseBank(bankRows('construction_safety'))).toBe(true);
  });
});
