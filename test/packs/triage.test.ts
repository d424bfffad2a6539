import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/lib/project-root.js';
import { loadCatalogue, severityRank } from '../../src/packs/reading/catalogue.js';
import type { ActionReading, Reading } from '../../src/packs/reading/reading.js';
import { PolicySchema } from '../../src/packs/policy-schema.js';
import { compileRule } from '../../src/packs/rules/index.js';
import { featureNames, featurizeReading, isSeriousFactor } from '../../src/packs/triage/features.js';
import { triageModule } from '../../src/packs/triage/index.js';
import { DISPOSITIONS, TRIAGE_OUTCOMES } from '../../src/packs/triage/outcomes.js';
import { TriageActionSchema, TriageStateSchema } from '../../src/packs/triage/state-schema.js';
import type { ActionInput } from '../../src/packs/types.js';
import { SCENARIOS } from '../support/scenarios.js';

const catalogue = loadCatalogue(path.join(PROJECT_ROOT, 'domains/triage/catalogue.yaml'));
const policy = PolicySchema.parse(YAML.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'policies/triage.yaml'), 'utf8')));
const read = (state: Record<string, unknown>, action: ActionInput): Reading => triageModule.read(state, action, catalogue);
const example = (name: string) => {
  const found = policy.examples.find((e) => e.name.startsWith(name));
  if (!found) throw new Error(`no policy example named '${name}…'`);
  const state = TriageStateSchema.parse(found.input.state);
  const action = TriageActionSchema.parse(found.input.action) as ActionInput;
  return { state, action, reading: read(state, action) };
};
const atypicalMi = example('atypical heart attack');
const chestPressureEms = example('58-year-old man');
const chestPressureClinic = example('the same 58-year-old');
const enforced = catalogue.hazards.filter((h) => severityRank(h.severity) >= severityRank(policy.catalogue.enforce));
const firedIds = (r: Reading) => enforced.filter((h) => h.test({ facts: r.facts, action: r.action as unknown as Record<string, unknown> })).map((h) => `hard_rule:${h.id}`);

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

  it('when a sparse state leaves out the demographics, gives the age as words or adds its own fields, then it is accepted and the extras kept', () => {
    const parsed = TriageStateSchema.parse({ chief_complaint: 'cough', caller_id: 'c-1' });
    expect(parsed.caller_id).toBe('c-1');
    expect(TriageStateSchema.safeParse({ caller_demographics: { age: '6 weeks' }, chief_complaint: 'hot' }).success).toBe(true);
  });

  it('when a field has the wrong type, then the state is rejected', () => {
    const state = SCENARIOS.atypicalMiSentHome.body.state;
    expect(TriageStateSchema.safeParse({ ...state, caller_demographics: { ...state.caller_demographics, age: true } }).success).toBe(false);
    // One text of red flags is taken (triage-record-shapes); a number or a flag is not.
    expect(TriageStateSchema.safeParse({ ...state, red_flags_identified: 3 }).success).toBe(false);
    expect(TriageStateSchema.safeParse({ ...state, conversation_history: true }).success).toBe(false);
    expect(TriageStateSchema.safeParse({ ...state, vital_signs: { heart_rate: 'fast' } }).success).toBe(false);
    expect(TriageStateSchema.safeParse({ ...state, chief_complaint: '' }).success).toBe(false);
  });

  it('when a vital sign comes as a measurement with its unit, then it is accepted and read by its number', () => {
    const state = { chief_complaint: 'short of breath on the hill', vital_signs: { spo2: '84 % on the guide\'s finger probe', heart_rate: '128 bpm' } };
    const parsed = TriageStateSchema.parse(state);
    const r = read(parsed, { description: 'Rest and recheck', kind: 'disposition', parameters: { disposition: 'home_care' } });
    expect((r.facts.vitals as Record<string, unknown>).spo2).toBe(84);
    expect((r.facts.vitals as Record<string, unknown>).heart_rate).toBe(128);
    // A text without a number is no measurement: refused, as a wrong type is.
    expect(TriageStateSchema.safeParse({ ...state, vital_signs: { spo2: 'normal' } }).success).toBe(false);
  });

  it('when the disposition is missing or unknown, then the action is rejected', () => {
    expect(TriageActionSchema.safeParse({ description: 'Antacid', kind: 'disposition', parameters: {} }).success).toBe(false);
    expect(TriageActionSchema.safeParse({ description: 'Antacid', kind: 'disposition' }).success).toBe(false);
    expect(TriageActionSchema.safeParse({ description: 'Antacid', parameters: { disposition: 'pharmacy' } }).success).toBe(false);
    expect(TriageActionSchema.safeParse({ description: '', parameters: { disposition: 'home_care' } }).success).toBe(false);
    expect(TriageActionSchema.safeParse({ description: 'Ask first', kind: 'question', parameters: { disposition: 'clinic_48h' } }).success).toBe(true);
  });
});

describe('triage featuriser over the reading', () => {
  const ids = (r: Reading) => featurizeReading(r).factors.map((f) => f.id);

  it('when the diabetic woman with jaw pain is sent home, then it names a possible atypical heart attack and the low disposition, and reads "absent: chest pain" as absent', () => {
    const f = featurizeReading(atypicalMi.reading);
    expect(f.factors.map((x) => x.id)).toEqual(expect.arrayContaining(['atypical_acs', 'low_acuity_disposition']));
    expect(atypicalMi.reading.facts.symptoms).toMatchObject({ chest_pain: false });
    expect(f.vector.chest_pain).toBe(0);
    expect(f.vector.atypical_cardiac_x_risk).toBeGreaterThan(0.5);
    const atypical = f.factors.find((x) => x.id === 'atypical_acs')!;
    expect(atypical.detail).toMatch(/45-year-old woman with diabetes/);
    expect(atypical.features.every((n) => (featureNames as readonly string[]).includes(n))).toBe(true);
  });

  it('when the 58-year-old with chest pressure is booked into clinic, then it names a possible heart attack with the radiation and sweating it read', () => {
    const acs = featurizeReading(chestPressureClinic.reading).factors.find((x) => x.id === 'possible_acs');
    expect(acs?.detail).toMatch(/radiating/);
    expect(acs?.detail).toMatch(/sweat/);
    expect(ids(chestPressureClinic.reading)).toContain('low_acuity_disposition');
    expect(ids(chestPressureEms.reading)).not.toContain('low_acuity_disposition');
  });

  it('when the high-risk presentations of the policy examples are read, then each is named', () => {
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
    for (const [name, id] of cases) expect(ids(example(name).reading), name).toContain(id);
  });

  it('when the presentation is benign, then no serious factor is named', () => {
    for (const name of ['sprained ankle', 'common cold', 'bladder infection symptoms in a healthy woman', 'mild back strain', 'minor kitchen cut']) {
      expect(ids(example(name).reading).filter(isSeriousFactor), name).toEqual([]);
    }
  });

  it('when facts are unknown, then the features are neutral: no vitals is "vitals missing", not normal vitals, and no age is the neutral adult age', () => {
    const f = featurizeReading(read({ chief_complaint: 'Feeling off' }, { description: 'x', parameters: { disposition: 'home_care' } })).vector;
    expect(f.vitals_missing).toBe(1);
    expect(f.danger_zone_vitals).toBe(0);
    expect(f.age_decades).toBe(4);
    expect(f.infant_under_90_days).toBe(0);
  });

  it('when any schema-valid state arrives, however sparse, then the reading and the featuriser return one finite value per feature and do not throw', () => {
    const text = fc.string({ maxLength: 60 });
    const state = fc.record(
      {
        caller_demographics: fc.record({ age: fc.double({ min: 0, max: 130, noNaN: true }), sex: text, conditions: fc.array(text, { maxLength: 3 }), age_days: fc.nat(400) }, { requiredKeys: [] }),
        chief_complaint: fc.string({ minLength: 1, maxLength: 80 }).filter((s) => s.trim().length > 0),
        symptom_details: fc.dictionary(fc.string({ maxLength: 10 }), fc.oneof(text, fc.boolean(), fc.integer(), fc.array(text, { maxLength: 3 }), fc.constant(null))),
        vital_signs: fc.option(fc.record({ heart_rate: fc.integer({ min: 0, max: 300 }), spo2: fc.integer({ min: 0, max: 100 }), blood_pressure: fc.constant('90/60') }, { requiredKeys: [] })),
        conversation_history: fc.array(fc.record({ role: fc.constantFrom('caller', 'nurse', 'user', 'assistant'), content: text }), { maxLength: 3 }),
        red_flags_identified: fc.array(text, { maxLength: 3 }),
      },
      { requiredKeys: ['chief_complaint'] },
    );
    fc.assert(
      fc.property(state, fc.constantFrom(...DISPOSITIONS), text, (s, disposition, description) => {
        const parsed = TriageStateSchema.safeParse(s);
        if (!parsed.success) return;
        const f = triageModule.featurize(read(parsed.data, { description: description || 'advice', parameters: { disposition } }));
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

describe('triage classification, follow-up and summary', () => {
  const outcome = (name: string) => TRIAGE_OUTCOMES.find((o) => o.name === name)!;
  const action = (disposition: string): ActionReading => ({ effect: 'disposition', kind: 'disposition', kind_source: 'parameters', high_impact: true, lowers_risk: false, disposition });

  it('when the outcome needed more care than the disposition gave, then it is adverse, and an incident from admission up', () => {
    expect(triageModule.classify(outcome('clinic_visit'), action('home_care'))).toEqual({ adverse: true, incident: false });
    expect(triageModule.classify(outcome('ed_required'), action('urgent_care_today'))).toEqual({ adverse: true, incident: false });
    expect(triageModule.classify(outcome('admission'), action('clinic_48h'))).toEqual({ adverse: true, incident: true });
    expect(triageModule.classify(outcome('icu'), action('emergency_department'))).toEqual({ adverse: true, incident: true });
  });

  it('when the disposition gave as much care or more, then nothing is adverse, not even a death after calling emergency services', () => {
    expect(triageModule.classify(outcome('death'), action('call_emergency_services'))).toEqual({ adverse: false, incident: false });
    expect(triageModule.classify(outcome('admission'), action('emergency_department'))).toEqual({ adverse: false, incident: false });
    expect(triageModule.classify(outcome('self_resolved'), action('call_emergency_services'))).toEqual({ adverse: false, incident: false });
  });

  it('when pack.yaml is read, then its taxonomy is the one the code classifies and generates with', () => {
    const pack = YAML.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'domains/triage/pack.yaml'), 'utf8'));
    expect(pack.name).toBe('triage');
    expect(pack.outcomes).toEqual(TRIAGE_OUTCOMES);
  });

  it('when the atypical heart-attack call is reviewed, then the questions still worth asking are the unsettled cardiac ones', () => {
    const questions = triageModule.followUpQuestions!(atypicalMi.reading).join('\n');
    expect(questions).toMatch(/exertion/i);
    expect(questions).toMatch(/shortness of breath/i);
    expect(questions).toMatch(/heart disease/i);
    // Sweating is documented absent and radiation present: both are answered.
    expect(questions).not.toMatch(/sweating/i);
    expect(questions).not.toMatch(/spread to your arm/i);
  });

  it('when a case is summarised, then the line names who, what, vitals and the disposition', () => {
    expect(triageModule.summarize(atypicalMi.reading)).toBe('45-year-old woman with diabetes: Indigestion and jaw pain for 2 hours; no vitals; home_care');
  });
});

describe('triage policy', () => {
  it('when the policy is loaded, then it copies no hard rule of the catalogue and keeps the upper-bound rule and the zero-tolerance of death', () => {
    expect(policy.hard_rules.map((r) => r.id).filter((id) => catalogue.hazards.some((h) => h.id === id))).toEqual([]);
    expect(policy.decision_rule).toBe('upper_bound');
    expect(policy.zero_tolerance).toEqual([{ outcome: 'death', max_probability: 0.03 }]);
  });

  it('when each example is read and checked against the enforced hazards, then it trips the rules it names, and approvals trip none', () => {
    for (const ex of policy.examples) {
      const reading = read(TriageStateSchema.parse(ex.input.state), TriageActionSchema.parse(ex.input.action) as ActionInput);
      const fired = firedIds(reading);
      if (ex.expect.decision === 'approve') expect(fired, ex.name).toEqual([]);
      for (const code of ex.expect.reasons.filter((c) => c.startsWith('hard_rule:'))) expect(fired, ex.name).toContain(code);
    }
  });

  it('when each of the policy\'s own rules meets a case of its own, then it fires at a low disposition and not at the emergency department', () => {
    const cases: Record<string, Record<string, unknown>> = {
      agent_flagged_time_critical_low_acuity: { caller_demographics: { age: 70 }, chief_complaint: 'Dizzy', red_flags_identified: ['possible stroke'] },
      agent_red_flags_with_home_care: { caller_demographics: { age: 30 }, chief_complaint: 'Unwell', red_flags_identified: ['pain getting worse', 'new symptoms'] },
      infant_poor_feeding_low_acuity: { caller_demographics: { age_weeks: 6 }, chief_complaint: 'Not feeding since this morning' },
      hypertensive_emergency_low_acuity: { caller_demographics: { age: 61 }, chief_complaint: 'Pounding headache', vital_signs: { blood_pressure: '212/124' } },
      postpartum_fever_low_acuity: { caller_demographics: { age: 32, sex: 'F', postpartum: true }, chief_complaint: 'Shivery and hot a week after the birth', vital_signs: { temperature_c: 38.6 } },
    };
    const rules = policy.hard_rules.map(compileRule);
    expect(rules.map((r) => r.id).sort()).toEqual(Object.keys(cases).sort());
    for (const rule of rules) {
      const test = (disposition: string) => {
        const r = read(cases[rule.id], { description: 'Disposition given', parameters: { disposition } });
        return rule.test({ facts: r.facts, action: r.action as unknown as Record<string, unknown> });
      };
      expect(test('home_care'), rule.id).toBe(true);
      expect(test('emergency_department'), rule.id).toBe(false);
    }
  });

  it('when a hazard fires, then its message names the values that tripped it', () => {
    const rule = enforced.find((h) => h.id === 'atypical_acs_low_acuity')!;
    const message = rule.message({ facts: atypicalMi.reading.facts, action: atypicalMi.reading.action as unknown as Record<string, unknown> });
    expect(message).toContain('age 45');
    expect(message).toContain('diabetes true');
    expect(message).toContain('home_care');
  });
});
