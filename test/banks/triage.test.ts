import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import { TrajectoryRowSchema, type TrajectoryRow } from '../../src/banks/trajectory.js';
import { PROJECT_ROOT } from '../../src/lib/project-root.js';
import { loadCatalogue } from '../../src/packs/reading/catalogue.js';
import { PolicySchema } from '../../src/packs/policy-schema.js';
import { triageModule } from '../../src/packs/triage/index.js';
import { classifyByDisposition, DISPOSITIONS, TRIAGE_OUTCOMES } from '../../src/packs/triage/outcomes.js';
import { TriageActionSchema, TriageStateSchema } from '../../src/packs/triage/state-schema.js';
import type { ActionInput } from '../../src/packs/types.js';
import { fitSoftmax, probabilitiesOf, standardise } from '../../src/world-model/embedded/softmax-regression.js';
import { bankRows, serialiseBank } from '../../tools/banks/generate.js';
import { BANK_SEED, BANK_SIZE, generateBank } from '../../tools/banks/triage/generator.js';
import { featurizeTriage, isSeriousFactor } from '../../tools/banks/triage/latent-features.js';
import { trueOutcomeProbabilities } from '../../tools/banks/triage/risk-model.js';

// The generator's own reading of the scenarios it writes (tools/banks/triage/latent-features.ts) is kept
// apart from the service's reading (src/packs/triage/normalise.ts); these tests hold the generator and the
// shipped bank together, and check that the service's reading of the bank still lets the model learn it.
const bankFile = path.join(PROJECT_ROOT, 'domains/triage/trajectories.jsonl');
const shipped: TrajectoryRow[] = fs.readFileSync(bankFile, 'utf8').trimEnd().split('\n').map((line) => TrajectoryRowSchema.parse(JSON.parse(line)));
const catalogue = loadCatalogue(path.join(PROJECT_ROOT, 'domains/triage/catalogue.yaml'));
const policy = PolicySchema.parse(YAML.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'policies/triage.yaml'), 'utf8')));
const example = (name: string) => {
  const found = policy.examples.find((e) => e.name.startsWith(name));
  if (!found) throw new Error(`no policy example named '${name}…'`);
  return { state: TriageStateSchema.parse(found.input.state), action: TriageActionSchema.parse(found.input.action) as ActionInput };
};
const disposition = (action: ActionInput) => action.parameters?.disposition;
const withDisposition = (action: ActionInput, d: string): ActionInput => ({ ...action, parameters: { ...action.parameters, disposition: d } });

/** The generator's true rates for a scenario: its latent features through its true model, classified by disposition. */
function trueRates(state: Record<string, unknown>, action: ActionInput) {
  const p = trueOutcomeProbabilities(featurizeTriage(state, action).vector);
  let adverse = 0;
  let incident = 0;
  let adverseDeath = 0;
  p.forEach((pk, k) => {
    const c = classifyByDisposition(TRIAGE_OUTCOMES[k], disposition(action));
    if (c.adverse) adverse += pk;
    if (c.incident) incident += pk;
    if (c.adverse && TRIAGE_OUTCOMES[k].name === 'death') adverseDeath += pk;
  });
  return { adverse, incident, adverseDeath };
}

describe('triage bank generator', () => {
  const counts = (rows: TrajectoryRow[]) => Object.fromEntries(TRIAGE_OUTCOMES.map((o) => [o.name, rows.filter((r) => r.final_outcome === o.name).length]));

  it('when the same seed is used twice, then the rows are identical, and another seed gives other rows', () => {
    expect(generateBank(7, 200)).toEqual(generateBank(7, 200));
    expect(JSON.stringify(generateBank(8, 200))).not.toBe(JSON.stringify(generateBank(7, 200)));
  });

  it('when domains/triage/trajectories.jsonl is read, then it is byte-identical to bankRows(triage): the generator’s rows less the seed scenarios (nobody edits the bank by hand)', () => {
    expect(fs.readFileSync(bankFile, 'utf8') === serialiseBank(bankRows('triage'))).toBe(true);
  });

  it('when the bank is validated, then every row is a synthetic trajectory ending in a taxonomy outcome, with narrative steps from t = 1', () => {
    const names = new Set(TRIAGE_OUTCOMES.map((o) => o.name));
    for (const row of shipped) {
      expect(names.has(row.final_outcome)).toBe(true);
      expect(row.synthetic).toBe(true);
      expect(row.steps.length).toBeGreaterThanOrEqual(3);
      expect(row.steps.length).toBeLessThanOrEqual(6);
      expect(row.steps.map((s) => s.t)).toEqual(row.steps.map((_, i) => i + 1));
      expect(row.steps.at(-1)!.outcome).toBe(row.final_outcome);
      expect(TriageStateSchema.safeParse(row.state).success).toBe(true);
      expect(TriageActionSchema.safeParse(row.action).success).toBe(true);
    }
  });

  it('when outcomes are counted, then every outcome appears at least 40 times and the worst ones at least 100', () => {
    const c = counts(shipped);
    for (const o of TRIAGE_OUTCOMES) expect(c[o.name], o.name).toBeGreaterThanOrEqual(40);
    expect(c.icu).toBeGreaterThanOrEqual(100);
    expect(c.death).toBeGreaterThanOrEqual(100);
  });

  it('when the generator splits its rows, then exactly a fifth is held out', () => {
    expect(generateBank(BANK_SEED, BANK_SIZE).filter((r) => r.split === 'heldout').length).toBe(BANK_SIZE / 5);
  });

  it('when a row records its true risk, then it matches the true probabilities classified by the disposition', () => {
    for (const row of shipped.slice(0, 1500)) {
      const r = trueRates(row.state, row.action as ActionInput);
      expect(row.true_risk!.adverse).toBeCloseTo(r.adverse, 4);
      expect(row.true_risk!.incident).toBeCloseTo(r.incident, 4);
    }
  });

  it('when presentations are clearly benign, then an under-triaged death stays below 0.2% whatever the disposition', () => {
    const benign = shipped.filter((r) => featurizeTriage(r.state, r.action as ActionInput).factors.every((f) => !isSeriousFactor(f.id)));
    expect(benign.length).toBeGreaterThan(1000);
    for (const row of benign) {
      for (const d of DISPOSITIONS) expect(trueRates(row.state, withDisposition(row.action as ActionInput, d)).adverseDeath).toBeLessThan(0.002);
    }
  });

  it('when similar presentations appear in the bank, then they come with correct, under- and over-triaged dispositions', () => {
    const atypical = shipped.filter((r) => (r.state.chief_complaint as string).startsWith('Indigestion and jaw pain'));
    // The rows that said it word for word are gone (seed-scenarios.ts); its variations stay (fewer since the bank also draws harmless calls from vulnerable groups).
    expect(atypical.length).toBeGreaterThan(30);
    expect(new Set(atypical.map((r) => disposition(r.action as ActionInput))).size).toBe(DISPOSITIONS.length);
  });
});

describe('the service reading of the triage bank', () => {
  const read = (state: Record<string, unknown>, action: ActionInput) => triageModule.read(state, action, catalogue);
  const classes = TRIAGE_OUTCOMES.map((o) => o.name);
  const train = shipped.filter((r) => r.split === 'train');
  const model = fitSoftmax(
    train.map((r) => triageModule.featurize(read(r.state, r.action as ActionInput)).values),
    train.map((r) => classes.indexOf(r.final_outcome)),
    classes,
  );
  const predictedAdverse = (state: Record<string, unknown>, action: ActionInput) => {
    const reading = read(state, action);
    const p = probabilitiesOf(model, standardise(model, triageModule.featurize(reading).values));
    return TRIAGE_OUTCOMES.reduce((s, o, k) => s + (triageModule.classify(o, reading.action).adverse ? p[k] : 0), 0);
  };

  it('when a softmax regression learns from the training rows read through the normaliser, then its held-out adverse rates track the true ones', () => {
    const heldout = shipped.filter((r) => r.split === 'heldout');
    const error = heldout.reduce((s, r) => s + Math.abs(predictedAdverse(r.state, r.action as ActionInput) - r.true_risk!.adverse), 0) / heldout.length;
    expect(error).toBeLessThan(0.05);
  });

  it('when the policy examples are scored by that model, then under-triage is likely and safe dispositions are not', () => {
    const atypical = example('atypical heart attack');
    const chestClinic = example('the same 58-year-old');
    const chestEms = example('58-year-old man');
    expect(predictedAdverse(atypical.state, atypical.action)).toBeGreaterThan(0.5);
    expect(predictedAdverse(chestClinic.state, chestClinic.action)).toBeGreaterThan(0.8);
    expect(predictedAdverse(chestEms.state, chestEms.action)).toBe(0);
    for (const name of ['sprained ankle', 'common cold', 'minor kitchen cut']) {
      const ex = example(name);
      expect(predictedAdverse(ex.state, ex.action), name).toBeLessThan(0.1);
    }
  });

  it('when the bank is read, then almost no row looks unfamiliar and every row reads fast', () => {
    const started = performance.now();
    const unfamiliar = shipped.filter((r) => {
      const u = read(r.state, r.action as ActionInput).unread;
      return u.words >= policy.unfamiliar.min_words && u.share > policy.unfamiliar.max_unread_share;
    });
    expect(unfamiliar.length / shipped.length).toBeLessThan(0.01);
    expect((performance.now() - started) / shipped.length).toBeLessThan(5);
  });
});
