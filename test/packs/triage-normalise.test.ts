import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/lib/project-root.js';
import { loadCatalogue } from '../../src/packs/reading/catalogue.js';
import { factAt, READING_CAP_CHARS, type Reading } from '../../src/packs/reading/reading.js';
import { readTriage } from '../../src/packs/triage/normalise.js';
import type { ActionInput } from '../../src/packs/types.js';

const catalogue = loadCatalogue(path.join(PROJECT_ROOT, 'domains/triage/catalogue.yaml'));
const home: ActionInput = { description: 'Self-care advice', parameters: { disposition: 'home_care' } };
const read = (state: Record<string, unknown>, action: ActionInput = home): Reading => readTriage(state, action, catalogue);
const fact = (r: Reading, name: string) => factAt(r.facts, name);
const symptom = (r: Reading, name: string) => factAt(r.facts, `symptoms.${name}`);
const says = (text: string, role = 'caller') => read({ chief_complaint: 'Calling about my partner', conversation_history: [{ role, content: text }] });

describe('triage normaliser: measurements under other names and units', () => {
  it('when vitals come under EHR-style names, then each is read into its canonical fact with where it came from', () => {
    const r = read({ chief_complaint: 'Unwell', vitals: { pulse: 128, o2sat: 90, bp_systolic: 86, RR: 26, temp_f: 102.2, gcs: 14 } });
    expect(fact(r, 'vitals.heart_rate')).toBe(128);
    expect(fact(r, 'vitals.spo2')).toBe(90);
    expect(fact(r, 'vitals.systolic_bp')).toBe(86);
    expect(fact(r, 'vitals.respiratory_rate')).toBe(26);
    expect(fact(r, 'vitals.temperature_c')).toBe(39);
    expect(fact(r, 'vitals.gcs')).toBe(14);
    expect(r.provenance['vitals.heart_rate']).toBe('state.vitals.pulse = 128');
    expect(r.ignored).toEqual([]);
  });

  it('when blood pressure, temperature and saturation are strings with their units, then they are parsed without a pattern', () => {
    const r = read({ chief_complaint: 'Dizzy', vital_signs: { BP: '88/50', Temp: '103F', SpO2: '89%', HR: '120 bpm' } });
    expect(fact(r, 'vitals.systolic_bp')).toBe(88);
    expect(fact(r, 'vitals.diastolic_bp')).toBe(50);
    expect(fact(r, 'vitals.temperature_c')).toBe(39.4444);
    expect(fact(r, 'vitals.spo2')).toBe(89);
    expect(fact(r, 'vitals.heart_rate')).toBe(120);
  });

  it('when a temperature has no unit, then a value above 45 is read as Fahrenheit and one below as Celsius', () => {
    expect(fact(read({ chief_complaint: 'Hot', vital_signs: { temperature: 101.3 } }), 'vitals.temperature_c')).toBe(38.5);
    expect(fact(read({ chief_complaint: 'Hot', vital_signs: { temperature: 38.5 } }), 'vitals.temperature_c')).toBe(38.5);
  });

  it('when a glucose is small enough to be mmol/L, then it is converted to mg/dL', () => {
    expect(fact(read({ chief_complaint: 'Shaky', vitals: { blood_sugar: 2.5 } }), 'vitals.glucose_mg_dl')).toBe(45);
    expect(fact(read({ chief_complaint: 'Shaky', vitals: { glucose_mg_dl: 45 } }), 'vitals.glucose_mg_dl')).toBe(45);
  });

  it('when measurements are given only in the free text, then the numbers are read with what they measure', () => {
    const r = read({ chief_complaint: 'Carer says BP 84/52, sats 88% on air, pulse 134, temp 39.8 and GCS 13' });
    expect(fact(r, 'vitals.systolic_bp')).toBe(84);
    expect(fact(r, 'vitals.spo2')).toBe(88);
    expect(fact(r, 'vitals.heart_rate')).toBe(134);
    expect(fact(r, 'vitals.temperature_c')).toBe(39.8);
    expect(fact(r, 'vitals.gcs')).toBe(13);
    expect(r.provenance['vitals.spo2']).toContain('sats 88%');
  });

  it('when a structured value and a free-text one disagree, then the structured one is kept', () => {
    const r = read({ chief_complaint: 'Pulse was 150 earlier', vital_signs: { heart_rate: 96 } });
    expect(fact(r, 'vitals.heart_rate')).toBe(96);
  });

  it('when no measurement is given, then no vital sign fact exists (unknown is not normal)', () => {
    const r = read({ chief_complaint: 'Feeling rough', vital_signs: null });
    expect(fact(r, 'vitals')).toBeUndefined();
    expect(r.ignored).toEqual([]);
  });
});

describe('triage normaliser: who the patient is', () => {
  it('when the age comes in days, weeks, months or as a string, then it is read in years and in days', () => {
    expect(fact(read({ caller_demographics: { age_days: 21 }, chief_complaint: 'Hot' }), 'age_days')).toBe(21);
    expect(fact(read({ caller_demographics: { age_weeks: 5 }, chief_complaint: 'Hot' }), 'age_days')).toBe(35);
    expect(fact(read({ caller_demographics: { age_months: 4 }, chief_complaint: 'Hot' }), 'age_years')).toBe(0.3333);
    expect(fact(read({ caller_demographics: { age: '7 weeks' }, chief_complaint: 'Hot' }), 'age_days')).toBe(49);
  });

  it('when the demographics are empty and the caller says how old the baby is, then the age comes from the words', () => {
    expect(fact(read({ caller_demographics: {}, chief_complaint: 'My 3-week-old is very hot' }), 'age_days')).toBe(21);
    expect(fact(says('Our son is nine days old and will not settle'), 'age_days')).toBe(9);
  });

  it('when no age is given anywhere, then the age is unknown, not a default adult', () => {
    const r = read({ caller_demographics: {}, chief_complaint: 'Feels hot' });
    expect(fact(r, 'age_years')).toBeUndefined();
    expect(fact(r, 'age_days')).toBeUndefined();
  });

  it('when the patient is male, then pregnancy is excluded; when a woman says she missed a period, then it is possible', () => {
    expect(fact(read({ caller_demographics: { sex: 'M', age: 30 }, chief_complaint: 'Belly ache' }), 'pregnancy_possible')).toBe(false);
    const r = read({ caller_demographics: { sex: 'female', age: 27 }, chief_complaint: 'Cramping pain low on the left, I missed my period' });
    expect(fact(r, 'pregnancy_possible')).toBe(true);
    expect(symptom(r, 'one_sided_pain')).toBe(true);
  });

  it('when a pregnancy is written as "34+2" or in the conditions, then the weeks are read', () => {
    expect(fact(read({ caller_demographics: { pregnant: true, gestation: '34+2' }, chief_complaint: 'Headache' }), 'gestation_weeks')).toBe(34);
    expect(fact(read({ caller_demographics: { conditions: ['Pregnant, 9 weeks'] }, chief_complaint: 'Spotting' }), 'gestation_weeks')).toBe(9);
  });

  it('when medications are listed without a blood thinner, then anticoagulation is known absent; when none are listed, then it is unknown', () => {
    expect(fact(read({ caller_demographics: { medications: ['metformin'] }, chief_complaint: 'Fell' }), 'conditions.anticoagulated')).toBe(false);
    expect(fact(read({ caller_demographics: { medications: ['Eliquis 5 mg twice daily'] }, chief_complaint: 'Fell' }), 'conditions.anticoagulated')).toBe(true);
    expect(fact(read({ caller_demographics: {}, chief_complaint: 'Fell' }), 'conditions.anticoagulated')).toBeUndefined();
  });
});

describe('triage normaliser: negation scoped to its clause', () => {
  it('when a negation is followed by "but", then what comes after the "but" is affirmed', () => {
    const r = says('No temperature or anything, but this is the worst headache of my life and it came on in seconds');
    expect(symptom(r, 'thunderclap_headache')).toBe(true);
    expect(symptom(r, 'fever')).not.toBe(true);
  });

  it('when "not sure" opens the sentence, then it negates nothing', () => {
    expect(symptom(says("Not sure why, there's a tight band across my chest since dinner"), 'chest_pain')).toBe(true);
  });

  it('when a finding is denied, then it is recorded as absent rather than present', () => {
    const r = says('He denies any chest discomfort.');
    expect(symptom(r, 'chest_pain')).toBe(false);
  });

  it('when a negated list runs past its commas, then every item of the list is negated, and a later clause is not', () => {
    const r = says('She has no nausea, sweating or breathlessness. Her lips look blue though.');
    expect(symptom(r, 'nausea')).toBe(false);
    expect(symptom(r, 'sweating')).toBe(false);
    expect(symptom(r, 'dyspnea')).toBe(false);
    expect(symptom(r, 'severe_breathing')).toBe(true);
  });

  it('when a phrase itself starts with a negation ("can\'t lift", "rash doesn\'t fade"), then it is a finding, not a denial', () => {
    expect(symptom(says("Since lunch he can't lift his left arm"), 'stroke_arm')).toBe(true);
    expect(symptom(says("There are little purple dots and they don't fade when I press a glass on them"), 'non_blanching_rash')).toBe(true);
  });

  it('when a symptom is denied in one turn and described in another, then the description wins', () => {
    const r = read({
      chief_complaint: 'Cough',
      conversation_history: [
        { role: 'patient', content: 'No fever.' },
        { role: 'patient', content: 'Actually I just measured, the thermometer says 38.9 and I feel feverish.' },
      ],
    });
    expect(symptom(r, 'fever')).toBe(true);
    expect(fact(r, 'vitals.temperature_c')).toBe(38.9);
  });

  it('when the agent asks about a symptom or gives a hypothetical, then nothing is affirmed; a relative or nurse relaying it counts', () => {
    const r = read({
      chief_complaint: 'Sore throat',
      conversation_history: [
        { role: 'assistant', content: 'If you develop chest pain or a stiff neck, call 911.' },
        { role: 'caller', content: 'Is it normal to feel breathless with this?' },
      ],
    });
    expect(symptom(r, 'chest_pain')).toBeUndefined();
    expect(symptom(r, 'neck_stiffness')).toBeUndefined();
    expect(symptom(r, 'dyspnea')).toBeUndefined();
    expect(symptom(says('Her speech is slurred and her face has dropped on the right', 'daughter'), 'stroke_speech')).toBe(true);
    expect(symptom(says('Watch for any neck stiffness overnight.', 'assistant'), 'neck_stiffness')).toBeUndefined();
    expect(symptom(says('Summary: caller reports a crushing chest pain for an hour.', 'assistant'), 'chest_pain')).toBe(true);
    expect(symptom(says('It does not sound like chest pain to me.', 'assistant'), 'chest_pain')).toBeUndefined();
    expect(symptom(says('Practice nurse here: he is very drowsy and hard to rouse', 'nurse'), 'drowsy')).toBe(true);
  });
});

describe('triage normaliser: structured details, flags and ordinary words', () => {
  it('when details answer their keys with true, false, yes or no, then the key is affirmed or denied', () => {
    const r = read({ chief_complaint: 'Tummy ache', symptom_details: { vomiting: true, fever: 'no', blood_in_stool: false, rigors: 'yes' } });
    expect(symptom(r, 'vomiting')).toBe(true);
    expect(symptom(r, 'fever')).toBe(false);
    expect(symptom(r, 'rigors')).toBe(true);
  });

  it('when a details value says what a key is about ("neck: stiff", "radiation: into the jaw"), then the pair is read together', () => {
    const r = read({ chief_complaint: 'Pain', symptom_details: { neck: 'stiff and sore', radiation: 'into the jaw' } });
    expect(symptom(r, 'neck_stiffness')).toBe(true);
    expect(symptom(r, 'cardiac_radiation')).toBe(true);
  });

  it('when pertinent negatives are listed under "absent" or "denies", then none of them is present', () => {
    const r = read({ chief_complaint: 'Cough', symptom_details: { denies: ['coughing up blood', 'chest pain'], absent: 'breathlessness' } });
    expect(symptom(r, 'chest_pain')).toBe(false);
    expect(symptom(r, 'dyspnea')).toBe(false);
  });

  it('when red flags are empty, "none" or words, then only words count, and they are read as findings', () => {
    expect(fact(read({ chief_complaint: 'x', red_flags_identified: ['none'] }), 'red_flags_raised')).toBe(0);
    const r = read({ chief_complaint: 'x', red_flags_identified: ['possible anaphylaxis', 'wheeze'] });
    expect(fact(r, 'red_flags_raised')).toBe(2);
    expect(symptom(r, 'anaphylaxis_named')).toBe(true);
  });

  it('when an overdose is told with a count of tablets, then the count and the overdose are read', () => {
    const r = says('She swallowed 30 tablets of her nan\'s paracetamol about 2 hours ago');
    expect(fact(r, 'pills_taken')).toBe(30);
    expect(symptom(r, 'overdose')).toBe(true);
    expect(fact(r, 'onset_hours')).toBe(2);
  });

  it('when the onset is "40 minutes ago" or "an hour ago", then the onset is read in hours', () => {
    expect(fact(says('It started 40 minutes ago'), 'onset_hours')).toBe(0.6667);
    expect(fact(says('Came on about an hour ago'), 'onset_hours')).toBe(1);
  });

  it('when an unknown field is sent, then it is reported as ignored; when everything is read, then nothing is', () => {
    const r = read({ chief_complaint: 'Cough', favourite_colour: 'green', vital_signs: { heart_rate: 80, pupil_size: 'normal' } });
    expect(r.ignored).toEqual(expect.arrayContaining(['state.favourite_colour', 'state.vital_signs.pupil_size']));
    expect(r.ignored).not.toContain('state.chief_complaint');
  });

  it('when an everyday request is read, then few of its words are unfamiliar; when it is in another vocabulary, then most are', () => {
    const ordinary = read({ chief_complaint: 'Runny nose and a scratchy throat for two days', conversation_history: [{ role: 'caller', content: 'Just a bit bunged up, drinking fine and sleeping okay.' }] });
    expect(ordinary.unread.share).toBeLessThan(0.3);
    const foreign = read({ chief_complaint: 'Quarterly ledger reconciliation variance exceeds tolerance thresholds for subsidiary accounts' });
    expect(foreign.unread.share).toBeGreaterThan(0.5);
  });
});

describe('triage normaliser: bounded cost', () => {
  it('when a text field holds 200,000 characters, then the reading finishes fast and marks the field truncated', () => {
    const long = 'the pain in my chest is worse and I feel sick, '.repeat(4500);
    const started = performance.now();
    const r = read({ chief_complaint: 'Pain', notes: long });
    expect(performance.now() - started).toBeLessThan(1500);
    expect(long.length).toBeGreaterThan(200_000);
    expect(r.truncated).toEqual(['state.notes']);
    expect(symptom(r, 'chest_pain')).toBe(true);
    expect(READING_CAP_CHARS).toBeLessThan(long.length);
  });

  it('when a text is built to make a backtracking pattern explode, then it is read in linear time', () => {
    const evil = `${'no '.repeat(5000)}${'chest, '.repeat(2000)}pain`;
    const started = performance.now();
    read({ chief_complaint: 'x', notes: evil });
    expect(performance.now() - started).toBeLessThan(1500);
  });
});
