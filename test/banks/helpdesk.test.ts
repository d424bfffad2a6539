import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { TrajectoryRowSchema, type TrajectoryRow } from '../../src/banks/trajectory.js';
import { PROJECT_ROOT } from '../../src/lib/project-root.js';
import { HELPDESK_OUTCOMES } from '../../src/packs/helpdesk/outcomes.js';
import { HelpdeskActionSchema, HelpdeskStateSchema } from '../../src/packs/helpdesk/state-schema.js';
import { PolicySchema } from '../../src/packs/policy-schema.js';
import type { ActionInput } from '../../src/packs/types.js';
import { BANK_SEED, BANK_SIZE, generateBank, trueOutcomeProbabilities } from '../../tools/banks/helpdesk/generator.js';
import { classifyOutcome } from '../../tools/banks/helpdesk/latent-classify.js';
import { bankRows, serialiseBank } from '../../tools/banks/generate.js';

// The generator's own reading of the scenarios it writes (tools/banks/helpdesk/latent-features.ts) is
// kept apart from the service's reading; these tests hold the generator and the shipped bank together.
const bankText = fs.readFileSync(path.join(PROJECT_ROOT, 'domains/helpdesk/trajectories.jsonl'), 'utf8');
const bank: TrajectoryRow[] = bankText.trimEnd().split('\n').map((line) => TrajectoryRowSchema.parse(JSON.parse(line)));
const policy = PolicySchema.parse(YAML.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'policies/helpdesk.yaml'), 'utf8')));

describe('helpdesk bank generator', () => {
  const sample = generateBank(7, 300);

  it('when the same seed is used twice, then the rows are identical; another seed gives other rows', () => {
    expect(generateBank(7, 300)).toEqual(sample);
    expect(JSON.stringify(generateBank(8, 300))).not.toEqual(JSON.stringify(sample));
  });

  it('when rows are generated, then each passes the trajectory schema and the domain schemas and tells a coherent story', () => {
    const names = new Set(HELPDESK_OUTCOMES.map((o) => o.name));
    for (const row of sample) {
      expect(TrajectoryRowSchema.safeParse(row).success).toBe(true);
      expect(HelpdeskStateSchema.safeParse(row.state).success).toBe(true);
      expect(HelpdeskActionSchema.safeParse(row.action).success).toBe(true);
      expect(names.has(row.final_outcome)).toBe(true);
      expect(row.synthetic).toBe(true);
      expect(row.steps.length).toBeGreaterThanOrEqual(3);
      expect(row.steps.length).toBeLessThanOrEqual(6);
      expect(row.steps.map((s) => s.t)).toEqual(row.steps.map((_, i) => i + 1));
      expect(row.steps.at(-1)!.outcome).toBe(row.final_outcome);
    }
  });

  it('when the shipped bank is read, then it is byte-identical to bankRows(), the generator’s rows less the seed scenarios', () => {
    const regenerated = serialiseBank(bankRows('helpdesk'));
    expect(bankText === regenerated).toBe(true);
  });

  it('when the shipped bank is counted, then every outcome appears at least 40 times and every incident at least 100 times', () => {
    const counts = new Map<string, number>();
    for (const row of bank) counts.set(row.final_outcome, (counts.get(row.final_outcome) ?? 0) + 1);
    for (const o of HELPDESK_OUTCOMES) {
      expect(counts.get(o.name) ?? 0, o.name).toBeGreaterThanOrEqual(o.incident ? 100 : 40);
    }
  });

  it('when the shipped bank is split, then about 20% of rows are held out (a fifth of the generated rows, less the seed scenarios)', () => {
    expect(bank.length).toBeGreaterThan(BANK_SIZE * 0.95);
    const share = bank.filter((r) => r.split === 'heldout').length / bank.length;
    expect(share).toBeGreaterThan(0.19);
    expect(share).toBeLessThan(0.21);
  });

  it('when true_risk is recomputed from the true model and the latent classify, then it matches every row', () => {
    for (const row of bank) {
      const p = trueOutcomeProbabilities(row.state, row.action as ActionInput);
      let incident = 0;
      let adverse = 0;
      HELPDESK_OUTCOMES.forEach((o, i) => {
        const cls = classifyOutcome(o, row.action as ActionInput);
        if (cls.incident) incident += p[i]!;
        if (cls.adverse) adverse += p[i]!;
      });
      expect(row.true_risk!.incident).toBeCloseTo(incident, 4);
      expect(row.true_risk!.adverse).toBeCloseTo(adverse, 4);
    }
  });

  it('when a clearly safe policy example is scored by the true model, then data loss stays below 0.2%', () => {
    const safe = policy.examples.filter((e) => e.expect.decision === 'approve');
    expect(safe.length).toBeGreaterThanOrEqual(4);
    for (const ex of safe) {
      const p = trueOutcomeProbabilities(HelpdeskStateSchema.parse(ex.input.state), HelpdeskActionSchema.parse(ex.input.action) as ActionInput);
      expect(p[HELPDESK_OUTCOMES.findIndex((o) => o.name === 'data_loss')]!, ex.name).toBeLessThan(0.002);
    }
  });

  it('when pack.yaml is read, then its taxonomy is the one the generator labels rows with', () => {
    const pack = YAML.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'domains/helpdesk/pack.yaml'), 'utf8')) as { name: string; outcomes: unknown[] };
    expect(pack.name).toBe('helpdesk');
    expect(pack.outcomes).toEqual(HELPDESK_OUTCOMES);
  });
});
