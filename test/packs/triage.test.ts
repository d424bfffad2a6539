import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import { TrajectoryRowSchema, type TrajectoryRow } from '../../src/banks/trajectory.js';
import { serialiseBank } from '../../src/cli/generate-banks.js';
import { PROJECT_ROOT } from '../../src/lib/project-root.js';
import { PolicySchema } from '../../src/packs/policy-schema.js';
import { compileRule } from '../../src/packs/rules/index.js';
import { featureNames, featurizeTriage, isSeriousFactor } from '../../src/packs/triage/features.js';
import { BANK_SEED, BANK_SIZE, generateBank } from '../../src/packs/triage/generator.js';
import { triageModule } from '../../src/packs/triage/index.js';
import { classifyTriage, DISPOSITIONS, TRIAGE_OUTCOMES } from '../../src/packs/triage/outcomes.js';
import { trueOutcomeProbabilities } from '../../src/packs/triage/risk-model.js';
import { TriageActionSchema, TriageStateSchema } from '../../src/packs/triage/state-schema.js';
import type { ActionInput } from '../../src/packs/types.js';
import { fitSoftmax, probabilitiesOf, standardise } from '../../src/world-model/embedded/softmax-regression.js';
import { SCENARIOS } from '../support/scenarios.js';

const policy = PolicySchema.parse(YAML.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'policies/triage.yaml'), 'utf8')));
const example = (name: string) => {
  const found = policy.examples.find((e) => e.name.startsWith(name));
  if (!found) throw new Error(`no policy example named '${name}…'`);
  return { state: TriageStateSchema.parse(found.input.state), action: TriageActionSchema.parse(found.input.action) };
};
const atypicalMi = example('atypical heart attack');
const ankle = example('sprained ankle');
const chestPressureEms = example('58-year-old man');
const chestPressureClinic = example('the same 58-year-old');

const withDisposition = (action: ActionInput, disposition: string): ActionInput => ({ ...action, parameters: { ...action.parameters, disposition } });

function trueRates(state: Record<string, unknown>, action: ActionInput) {
  const p = trueOutcomeProbabilities(featurizeTriage(state, action).vector);
  let adverse = 0;
  let incident = 0;
  let adverseDeath = 0;
  p.forEach((pk, k) => {
    const c = classifyTriage(TRIAGE_OUTCOMES[k], action);
    if (c.adverse) adverse += pk;
    if (c.incident) incident += pk;
    if (c.adverse && TRIAGE_OUTCOMES[k].name === 'death') adverseDeath += pk;
  });
  return { adverse, incident, adverseDeath };
}

const bankFile = path.join(PROJECT_ROOT, 'domains/triage/trajectories.jsonl');
const shipped = generateBank(BANK_SEED, BANK_SIZE);

describe('triage state and action schemas', () => {
  it('when the seed scenarios and every policy example are parsed, then they are accepted', () => {
    for (const body of [SCENARIOS.atypicalMiSentHome.body, SCENARIOS.sprainedAnkleHomeCare.body]) {
      expect(TriageStateSchema.safeParse(body.state).success).toBe(true);
      expect(TriageActionSchema.safeParse(body.action).success).toBe(true);
    }
    for (const ex of policy.examples) {
      expect(TriageStateSchema.safeParse(ex.input.state).success, ex.name).toBe(true);
      expect(TriageActionSchema.safeParse(ex.input.action).success, ex.name).toBe(true);
    }
  });

  it('when a sloppy but well-typed state leaves out optional fields and adds its own, then it is accepted and the extras kept', () => {
    const parsed = TriageStateSchema.parse({ caller_demographics: {}, chief_complaint: 'cough', caller_id: 'c-1' });
    expect(parsed.caller_id).toBe('c-1');
  });

  it('when a field has the wrong type, then the state is rejected', () => {
    const state = SCENARIOS.atypicalMiSentHome.body.state;
    expect(TriageStateSchema.safeParse({ ...state, caller_demographics: { ...state.caller_demographics, age: '45' } }).success).toBe(false);
    expect(TriageStateSchema.safeParse({ ...state, red_flags_identified: 'none' }).success).toBe(false);
    expect(TriageStateSchema.safeParse({ ...state, vital_signs: { heart_rate: 'fast' } }).success).toBe(false);
    expect(TriageStateSchema.safeParse({ ...state, chief_complaint: '' }).success).toBe(false);
  });

  it('when the disposition is missing or unknown, then the action is rejected', () => {
    expect(TriageActionSchema.safeParse({ description: 'Antacid', kind: 'disposition', parameters: {} }).success).toBe(false);
    expect(TriageActionSchema.safeParse({ description: 'Antacid', kind: 'disposition' }).success).toBe(false);
    expect(TriageActionSchema.safeParse({ description: 'Antacid', parameters: { disposition: 'pharmacy' } }).success).toBe(false);
    expect(TriageActionSchema.safeParse({ description: '', parameters: { disposition: 'home_care' } }).success).toBe(false);
    expect(TriageActionSchema.safeParse({ description: 'Ask first', kind: 'question', parameters: { disposition: 'clinic_48h' } }).success).toBe(true);
  });
});

describe('triage featuriser', () => {
  const ids = (state: Record<string, unknown>, action: ActionInput) => featurizeTriage(state, action).factors.map((f) => f.id);

  it('when the diabetic woman with jaw pain is sent home, then it names a possible atypical heart attack and the low disposition, and reads "absent: chest pain" as absent', () => {
    const f = featurizeTriage(atypicalMi.state, atypicalMi.action);
    expect(f.factors.map((x) => x.id)).toEqual(expect.arrayContaining(['atypical_acs', 'low_acuity_disposition']));
    expect(f.vector.chest_pain).toBe(0);
    expect(f.vector.diaphoresis).toBe(0);
    expect(f.vector.atypical_cardiac_x_risk).toBeGreaterThan(0.5);
    const atypical = f.factors.find((x) => x.id === 'atypical_acs')!;
    expect(atypical.detail).toMatch(/45-year-old woman with diabetes/);
    expect(atypical.detail).toMatch(/no chest pain/);
    expect(atypical.features.every((n) => (featureNames as readonly string[]).includes(n))).toBe(true);
  });

  it('when the 58-year-old with chest pressure is booked into clinic, then it names a possible heart attack with the radiation and sweating it saw', () => {
    const f = featurizeTriage(chestPressureClinic.state, chestPressureClinic.action);
    const acs = f.factors.find((x) => x.id === 'possible_acs');
    expect(acs?.detail).toMatch(/radiating/);
    expect(acs?.detail).toMatch(/sweating/);
    expect(f.factors.map((x) => x.id)).toContain('low_acuity_disposition');
    expect(ids(chestPressureEms.state, chestPressureEms.action)).not.toContain('low_acuity_disposition');
  });

  it('when the high-risk presentations of triage guidance are described, then each is named', () => {
    const cases: [string, string][] = [
      ['face drooping and slurred speech', 'stroke_signs'],
      ['six-week-old baby with a fever kept', 'infant_fever'],
      ['caller with a suicide plan', 'suicidal_ideation'],
      ['intentional paracetamol overdose', 'overdose'],
      ['thunderclap headache', 'thunderclap_headache'],
      ['bee sting with throat closing sent', 'anaphylaxis'],
      ['older man with fever, confusion', 'possible_sepsis'],
      ['older man with fever, confusion', 'altered_mental_status'],
      ['bleeding and one-sided pain', 'pregnancy_bleeding'],
      ['weak and dizzy with danger-zone vitals', 'danger_zone_vitals'],
      ['vomiting blood', 'severe_bleeding'],
      ['severe right-lower abdominal pain', 'acute_abdomen'],
    ];
    for (const [name, id] of cases) {
      const ex = example(name);
      expect(ids(ex.state, ex.action), name).toContain(id);
    }
  });

  it('when the presentation is benign, then no serious factor is named', () => {
    for (const name of ['sprained ankle', 'common cold', 'bladder infection symptoms in a healthy woman', 'mild back strain', 'minor kitchen cut']) {
      const ex = example(name);
      expect(ids(ex.state, ex.action).filter(isSeriousFactor), name).toEqual([]);
    }
  });

  it('when a symptom is denied in the conversation, then it is not counted, and a later finding in the same call still is', () => {
    const state = {
      caller_demographics: { age: 60, sex: 'M' },
      chief_complaint: 'Feeling unwell',
      conversation_history: [
        { role: 'nurse', content: 'Do you have chest pain or sweating?' },
        { role: 'caller', content: 'Denies chest pain, arm pain or sweating. No fever, but her lips are blue.' },
      ],
    };
    const v = featurizeTriage(state, { description: 'x', parameters: { disposition: 'home_care' } }).vector;
    expect(v.chest_pain).toBe(0);
    expect(v.diaphoresis).toBe(0);
    expect(v.fever).toBe(0);
    expect(v.severe_respiratory_distress).toBe(1);
  });

  it('when any schema-valid state arrives, however sparse, then the featuriser returns one finite value per feature and does not throw', () => {
    const text = fc.string({ maxLength: 60 });
    const state = fc.record(
      {
        caller_demographics: fc.record(
          { age: fc.double({ min: 0, max: 130, noNaN: true }), sex: text, conditions: fc.array(text, { maxLength: 3 }), age_days: fc.nat(400) },
          { requiredKeys: [] },
        ),
        chief_complaint: fc.string({ minLength: 1, maxLength: 80 }).filter((s) => s.trim().length > 0),
        symptom_details: fc.dictionary(fc.string({ maxLength: 10 }), fc.oneof(text, fc.boolean(), fc.integer(), fc.array(text, { maxLength: 3 }), fc.constant(null))),
        vital_signs: fc.option(fc.record({ heart_rate: fc.integer({ min: 0, max: 300 }), spo2: fc.integer({ min: 0, max: 100 }), blood_pressure: fc.constant('90/60') }, { requiredKeys: [] })),
        conversation_history: fc.array(fc.record({ role: fc.constantFrom('caller', 'nurse', 'user'), content: text }), { maxLength: 3 }),
        red_flags_identified: fc.array(text, { maxLength: 3 }),
      },
      { requiredKeys: ['caller_demographics', 'chief_complaint'] },
    );
    fc.assert(
      fc.property(state, fc.constantFrom(...DISPOSITIONS), (s, disposition) => {
        const parsed = TriageStateSchema.safeParse(s);
        if (!parsed.success) return;
        const f = triageModule.featurize(parsed.data, { description: 'advice', parameters: { disposition } });
        expect(f.values).toHaveLength(featureNames.length);
        expect(f.values.every(Number.isFinite)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('when the featuriser is configured, then it has between 15 and 45 uniquely named features', () => {
    expect(featureNames.length).toBeGreaterThanOrEqual(15);
    expect(featureNames.length).toBeLessThanOrEqual(45);
    expect(new Set(featureNames).size).toBe(featureNames.length);
  });
});

describe('triage classification and follow-up', () => {
  const outcome = (name: string) => TRIAGE_OUTCOMES.find((o) => o.name === name)!;
  const action = (disposition: string): ActionInput => ({ description: 'x', parameters: { disposition } });

  it('when the outcome needed more care than the disposition gave, then it is adverse, and an incident from admission up', () => {
    expect(classifyTriage(outcome('clinic_visit'), action('home_care'))).toEqual({ adverse: true, incident: false });
    expect(classifyTriage(outcome('ed_required'), action('urgent_care_today'))).toEqual({ adverse: true, incident: false });
    expect(classifyTriage(outcome('admission'), action('clinic_48h'))).toEqual({ adverse: true, incident: true });
    expect(classifyTriage(outcome('icu'), action('emergency_department'))).toEqual({ adverse: true, incident: true });
  });

  it('when the disposition gave as much care or more, then nothing is adverse, not even a death after calling emergency services', () => {
    expect(classifyTriage(outcome('death'), action('call_emergency_services'))).toEqual({ adverse: false, incident: false });
    expect(classifyTriage(outcome('admission'), action('emergency_department'))).toEqual({ adverse: false, incident: false });
    expect(classifyTriage(outcome('self_resolved'), action('call_emergency_services'))).toEqual({ adverse: false, incident: false });
  });

  it('when pack.yaml is read, then its taxonomy is the one the code classifies and generates with', () => {
    const pack = YAML.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'domains/triage/pack.yaml'), 'utf8'));
    expect(pack.name).toBe('triage');
    expect(pack.outcomes).toEqual(TRIAGE_OUTCOMES);
  });

  it('when the atypical heart-attack call is reviewed, then the questions still worth asking are the unasked cardiac ones', () => {
    const questions = triageModule.followUpQuestions!(atypicalMi.state, atypicalMi.action).join('\n');
    expect(questions).toMatch(/exertion/i);
    expect(questions).toMatch(/shortness of breath/i);
    expect(questions).toMatch(/heart disease/i);
    // Sweating and radiation are already documented (one absent, one present).
    expect(questions).not.toMatch(/sweating/i);
    expect(questions).not.toMatch(/spread to your arm/i);
  });

  it('when a case is summarised, then the line names who, what, vitals and the disposition', () => {
    expect(triageModule.summarize(atypicalMi.state, atypicalMi.action)).toBe('45-year-old F (diabetes): Indigestion and jaw pain for 2 hours; no vitals; home_care');
  });
});

describe('triage policy', () => {
  const rules = policy.hard_rules.map(compileRule);

  it('when each example is checked against the hard rules, then it trips the rules it names, and approvals trip none', () => {
    for (const ex of policy.examples) {
      const input = { state: TriageStateSchema.parse(ex.input.state), action: TriageActionSchema.parse(ex.input.action) };
      const fired = rules.filter((r) => r.test(input)).map((r) => `hard_rule:${r.id}`);
      if (ex.expect.decision === 'approve') expect(fired, ex.name).toEqual([]);
      for (const code of ex.expect.reasons.filter((c) => c.startsWith('hard_rule:'))) expect(fired, ex.name).toContain(code);
    }
  });

  it('when the examples are scored by the true risk model, then approvals are far below the thresholds and simulated escalations far above', () => {
    for (const ex of policy.examples) {
      const { state, action } = { state: TriageStateSchema.parse(ex.input.state), action: TriageActionSchema.parse(ex.input.action) };
      const r = trueRates(state, action);
      if (ex.expect.decision === 'approve') {
        expect(r.adverse, ex.name).toBeLessThan(0.08);
        expect(r.incident, ex.name).toBeLessThan(0.02);
        expect(r.adverseDeath, ex.name).toBeLessThan(0.002);
      } else if (ex.expect.reasons.includes('adverse_rate_above_threshold')) {
        expect(r.adverse, ex.name).toBeGreaterThan(0.5);
      }
    }
  });

  it('when a rule is tripped, then its message names the values that tripped it', () => {
    const rule = rules.find((r) => r.id === 'possible_cardiac_low_acuity')!;
    const message = rule.message(atypicalMi);
    expect(message).toContain("'Indigestion and jaw pain for 2 hours'");
    expect(message).toContain('45-year-old');
    expect(message).toContain('home_care');
  });
});

describe('triage bank generator', () => {
  const counts = (rows: TrajectoryRow[]) => Object.fromEntries(TRIAGE_OUTCOMES.map((o) => [o.name, rows.filter((r) => r.final_outcome === o.name).length]));

  it('when the same seed is used twice, then the rows are identical, and another seed gives other rows', () => {
    expect(generateBank(7, 200)).toEqual(generateBank(7, 200));
    expect(JSON.stringify(generateBank(8, 200))).not.toBe(JSON.stringify(generateBank(7, 200)));
  });

  it('when domains/triage/trajectories.jsonl is read, then it is byte-identical to the seeded generator (nobody edits the bank by hand)', () => {
    expect(fs.readFileSync(bankFile, 'utf8') === serialiseBank(shipped)).toBe(true);
  });

  it('when the bank is validated, then every row is a synthetic trajectory ending in a taxonomy outcome, with narrative steps from t = 1', () => {
    const names = new Set(TRIAGE_OUTCOMES.map((o) => o.name));
    for (const row of shipped) {
      const parsed = TrajectoryRowSchema.parse(row);
      expect(names.has(parsed.final_outcome)).toBe(true);
      expect(parsed.synthetic).toBe(true);
      expect(parsed.steps.length).toBeGreaterThanOrEqual(3);
      expect(parsed.steps.length).toBeLessThanOrEqual(6);
      expect(parsed.steps.map((s) => s.t)).toEqual(parsed.steps.map((_, i) => i + 1));
      expect(parsed.steps.at(-1)!.outcome).toBe(parsed.final_outcome);
      expect(TriageStateSchema.safeParse(parsed.state).success).toBe(true);
      expect(TriageActionSchema.safeParse(parsed.action).success).toBe(true);
    }
  });

  it('when outcomes are counted, then every outcome appears at least 40 times and the worst ones at least 100', () => {
    const c = counts(shipped);
    for (const o of TRIAGE_OUTCOMES) expect(c[o.name], o.name).toBeGreaterThanOrEqual(40);
    expect(c.icu).toBeGreaterThanOrEqual(100);
    expect(c.death).toBeGreaterThanOrEqual(100);
  });

  it('when the bank is split, then exactly a fifth is held out', () => {
    expect(shipped.filter((r) => r.split === 'heldout').length).toBe(BANK_SIZE / 5);
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
      for (const disposition of DISPOSITIONS) expect(trueRates(row.state, withDisposition(row.action as ActionInput, disposition)).adverseDeath).toBeLessThan(0.002);
    }
  });

  it('when similar presentations appear in the bank, then they come with correct, under- and over-triaged dispositions', () => {
    const atypical = shipped.filter((r) => (r.state.chief_complaint as string).startsWith('Indigestion and jaw pain'));
    const dispositions = new Set(atypical.map((r) => (r.action.parameters as { disposition: string }).disposition));
    expect(atypical.length).toBeGreaterThan(100);
    expect(dispositions.size).toBe(DISPOSITIONS.length);
  });

  it('when a softmax regression learns from the training split, then its adverse rates on held-out rows track the true ones', () => {
    const classes = TRIAGE_OUTCOMES.map((o) => o.name);
    const train = shipped.filter((r) => r.split === 'train');
    const model = fitSoftmax(
      train.map((r) => triageModule.featurize(r.state, r.action as ActionInput).values),
      train.map((r) => classes.indexOf(r.final_outcome)),
      classes,
    );
    const predictedAdverse = (state: Record<string, unknown>, action: ActionInput) => {
      const p = probabilitiesOf(model, standardise(model, triageModule.featurize(state, action).values));
      return TRIAGE_OUTCOMES.reduce((s, o, k) => s + (classifyTriage(o, action).adverse ? p[k] : 0), 0);
    };
    const heldout = shipped.filter((r) => r.split === 'heldout');
    const error = heldout.reduce((s, r) => s + Math.abs(predictedAdverse(r.state, r.action as ActionInput) - r.true_risk!.adverse), 0) / heldout.length;
    expect(error).toBeLessThan(0.04);
    expect(predictedAdverse(atypicalMi.state, atypicalMi.action)).toBeGreaterThan(0.5);
    expect(predictedAdverse(ankle.state, ankle.action)).toBeLessThan(0.1);
    expect(predictedAdverse(chestPressureEms.state, chestPressureEms.action)).toBe(0);
    expect(predictedAdverse(chestPressureClinic.state, chestPressureClinic.action)).toBeGreaterThan(0.8);
  });
});
