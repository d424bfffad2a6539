import { describe, expect, it } from 'vitest';
import { factAt } from '../../src/packs/reading/reading.js';
import { TriageStateSchema } from '../../src/packs/triage/state-schema.js';
import { triageReader } from '../support/triage-reading.js';

/**
 * Classes met in the triage batch tr-dev-441..470, in this file's own words: vital signs sent as a short text or as a
 * list of observations (monitor and FHIR-like shapes), a severely high potassium (UK Kidney Association; NICE CKS),
 * diarrhoea on a checkpoint inhibitor (ESMO immunotherapy toxicities), the usual fatigable double vision of known
 * myasthenia (NHS), and a seizure already assessed in hospital (NICE NG217). Each class has a neighbour that keeps its reading.
 */
const { read, says, dispose, symptom, fired } = triageReader();
const accepts = (vital_signs: unknown) => TriageStateSchema.safeParse({ chief_complaint: 'Unwell', vital_signs }).success;

describe('triage: vital signs as a text or as a list of observations', () => {
  it('when vital signs come as one short text, then the schema accepts it and the reading takes each number by its name', () => {
    const vs = 'sats 89% on the pharmacy probe, pulse 121 and temp 38.4';
    expect(accepts(vs)).toBe(true);
    const r = read({ vital_signs: vs }, dispose('clinic_48h', 'GP later this week'));
    expect(factAt(r.facts, 'vitals.spo2')).toBe(89);
    expect(factAt(r.facts, 'vitals.heart_rate')).toBe(121);
    expect(factAt(r.facts, 'vitals.temperature_c')).toBe(38.4);
    expect(fired(r)).toContain('hypoxia_low_acuity');
    expect(r.ignored).toEqual([]);
  });

  it('when vital signs come as name/value/unit observations, then each is read with its unit and consumed; normal ones break nothing', () => {
    const low = [{ name: 'Oxygen saturation', value: 87, unit: '%' }, { code: 'RR', value: 28, unit: '/min' }, { type: 'pulse', value: '110', unit: 'bpm' }];
    expect(accepts(low)).toBe(true);
    const r = read({ vital_signs: low }, dispose('urgent_care_today', 'Walk-in centre'));
    expect(factAt(r.facts, 'vitals.spo2')).toBe(87);
    expect(factAt(r.facts, 'vitals.respiratory_rate')).toBe(28);
    expect(factAt(r.facts, 'vitals.heart_rate')).toBe(110);
    expect(fired(r)).toContain('hypoxia_low_acuity');
    expect(r.ignored).toEqual([]);
    const fine = read({ vital_signs: [{ name: 'SpO2', value: 98, unit: '%' }, { name: 'HR', value: 72, unit: 'bpm' }] }, dispose('clinic_48h'));
    expect(factAt(fine.facts, 'vitals.spo2')).toBe(98);
    expect(fired(fine)).not.toContain('hypoxia_low_acuity');
  });

  it('when observations are FHIR-like (LOINC codings, valueQuantity, a blood pressure with components), then units are converted', () => {
    const fhir = [
      { code: { coding: [{ system: 'http://loinc.org', code: '8310-5', display: 'Body temperature' }] }, valueQuantity: { value: 102.2, unit: '[degF]' } },
      { code: { text: 'Blood pressure panel' }, component: [
        { code: { coding: [{ code: '8480-6' }] }, valueQuantity: { value: 86, unit: 'mm[Hg]' } },
        { code: { coding: [{ code: '8462-4' }] }, valueQuantity: { value: 52, unit: 'mm[Hg]' } },
      ] },
      { code: 'glucose', valueQuantity: { value: 2.9, unit: 'mmol/L' } },
    ];
    expect(accepts(fhir)).toBe(true);
    const r = read({ vital_signs: fhir });
    expect(factAt(r.facts, 'vitals.temperature_c')).toBeCloseTo(39, 1);
    expect(factAt(r.facts, 'vitals.systolic_bp')).toBe(86);
    expect(factAt(r.facts, 'vitals.diastolic_bp')).toBe(52);
    expect(factAt(r.facts, 'vitals.glucose_mg_dl')).toBeCloseTo(52.2, 1);
    expect(r.ignored).toEqual([]);
  });

  it('when an observation names nothing the pack measures, or has no number, then it stays reported as ignored and sets nothing', () => {
    const r = read({ vital_signs: [{ code: 'pupil size', value: 4, unit: 'mm' }, { code: 'SpO2', value: 'low-ish' }, { code: 'HR', value: 64 }] });
    expect(factAt(r.facts, 'vitals.heart_rate')).toBe(64);
    expect(factAt(r.facts, 'vitals.spo2')).toBeUndefined();
    expect(r.ignored).toEqual(expect.arrayContaining(['state.vital_signs.0.code', 'state.vital_signs.1.value']));
    expect(r.ignored.some((p) => p.startsWith('state.vital_signs.2'))).toBe(false);
  });

  it('when the list holds a bare number, a nested list, or is too long, or the text is too long, then the schema refuses it', () => {
    expect(accepts([91])).toBe(false);
    expect(accepts([[{ code: 'HR', value: 80 }]])).toBe(false);
    expect(accepts(Array.from({ length: 51 }, () => ({ code: 'HR', value: 80 })))).toBe(false);
    expect(accepts('pulse 80 '.repeat(200))).toBe(false);
    expect(accepts({ spo2: 'fast' })).toBe(false);
    expect(accepts({ spo2: 96 })).toBe(true);
  });
});

describe('triage: a severely high potassium (UK Kidney Association acute hyperkalaemia; NICE CKS Hyperkalaemia)', () => {
  it('when a lab result of potassium 6.9 is phoned through, then a repeat test in two days breaks the rule', () => {
    const r = says('The surgery rang: my potassium came back at 6.9 and they want a repeat next week.', dispose('clinic_48h', 'Repeat bloods in 2 days'));
    expect(factAt(r.facts, 'potassium_mmol')).toBe(6.9);
    expect(fired(r)).toContain('severe_hyperkalaemia_low_acuity');
  });

  it('when a structured serum potassium of 6.2 comes with a pulse of 44, then the symptomatic branch fires; 6.2 alone does not', () => {
    const slow = read({ symptom_details: { serum_potassium: '6.2 mmol/L' }, vital_signs: { heart_rate: 44 } }, dispose('urgent_care_today'));
    expect(factAt(slow.facts, 'potassium_mmol')).toBe(6.2);
    expect(fired(slow)).toContain('severe_hyperkalaemia_low_acuity');
    const alone = read({ symptom_details: { serum_potassium: '6.2 mmol/L' }, vital_signs: { heart_rate: 76 } }, dispose('urgent_care_today'));
    expect(fired(alone)).not.toContain('severe_hyperkalaemia_low_acuity');
  });

  it('when the potassium is 5.6 with no symptoms, or the disposition is the emergency department, then the rule does not fire', () => {
    const mild = says('My potassium was slightly high at 5.6, I feel completely well.', dispose('clinic_48h', 'Recheck with the GP'));
    expect(factAt(mild.facts, 'potassium_mmol')).toBe(5.6);
    expect(fired(mild)).not.toContain('severe_hyperkalaemia_low_acuity');
    const sent = says('The lab says potassium 7.1.', dispose('emergency_department', 'Go to A&E now'));
    expect(fired(sent)).not.toContain('severe_hyperkalaemia_low_acuity');
  });
});

describe('triage: diarrhoea on a checkpoint inhibitor (ESMO toxicities from immunotherapy; UKONS triage)', () => {
  it('when a patient on nivolumab has bloody diarrhoea, then home care with loperamide breaks the rule', () => {
    const r = says('I am on nivolumab for kidney cancer and since Tuesday I have diarrhoea with blood in the poo.', dispose('home_care', 'Loperamide and fluids'));
    expect(factAt(r.facts, 'conditions.checkpoint_inhibitor')).toBe(true);
    expect(symptom(r, 'bloody_stool')).toBe(true);
    expect(fired(r)).toContain('immunotherapy_colitis_low_acuity');
  });

  it('when diarrhoea with tummy cramps is on tamoxifen, or the patient on immunotherapy is seen today, then the rule does not fire', () => {
    const other = says('I take tamoxifen and I have diarrhoea and tummy cramps since yesterday.', dispose('home_care', 'Fluids'));
    expect(fired(other)).not.toContain('immunotherapy_colitis_low_acuity');
    const today = says('On pembrolizumab, diarrhoea with tummy pain since this morning.', dispose('urgent_care_today', 'Acute oncology review today'));
    expect(fired(today)).not.toContain('immunotherapy_colitis_low_acuity');
  });
});

describe('triage: the usual fatigable double vision of known myasthenia (NHS Myasthenia gravis)', () => {
  it('when known myasthenia brings its usual evening double vision with eating, talking and breathing fine, then it is not a sudden vision loss', () => {
    const r = read({ caller_demographics: { age: 63, sex: 'female', conditions: ['myasthenia gravis'], medications: ['pyridostigmine'] }, symptom_details: { double_vision: 'late in the day, as usual for me' }, conversation_history: [{ role: 'caller', content: 'My eyes go a bit double when I am tired, like always. No trouble swallowing.' }] }, dispose('clinic_48h', 'Myasthenia nurse review'));
    expect(symptom(r, 'vision_loss')).toBeUndefined();
    expect(factAt(r.facts, 'course.usual_myasthenia_diplopia')).toBe(true);
    expect(fired(r)).not.toContain('sudden_vision_loss_low_acuity');
  });

  it('when the double vision is sudden, or comes with swallowing trouble, or there is no myasthenia, then the vision rule still fires', () => {
    const sudden = read({ caller_demographics: { age: 63, sex: 'female', conditions: ['myasthenia gravis'] }, conversation_history: [{ role: 'caller', content: 'Suddenly this morning I have double vision, not like my usual.' }] }, dispose('clinic_48h'));
    expect(fired(sudden)).toContain('sudden_vision_loss_low_acuity');
    const bulbar = read({ caller_demographics: { age: 63, sex: 'female', conditions: ['myasthenia gravis'] }, conversation_history: [{ role: 'caller', content: 'Double vision as usual but now I cannot swallow my tablets.' }] }, dispose('clinic_48h'));
    expect(symptom(bulbar, 'vision_loss')).toBe(true);
    const noMg = says('I keep seeing double in the evenings, as usual really.', dispose('clinic_48h'));
    expect(fired(noMg)).toContain('sudden_vision_loss_low_acuity');
  });
});

describe('triage: a seizure already assessed in hospital (NICE NG217 first-seizure referral; NHS seizures)', () => {
  it('when a first fit was seen in A&E, scans normal, discharged and back to normal, then advice at home breaks no seizure rule', () => {
    const r = says('I had my first seizure on Sunday, was seen in A&E, CT scan normal, they discharged me and I am back to normal. Waiting for the clinic.', dispose('home_care', 'Driving advice, keep the clinic'));
    expect(symptom(r, 'seizure')).toBeUndefined();
    expect(factAt(r.facts, 'course.assessed_seizure_recovered')).toBe(true);
    expect(fired(r)).not.toContain('altered_mental_status_low_acuity');
  });

  it('when a fit happened just now and is over, or another one followed the A&E visit, or he is drowsy, then the rule still fires', () => {
    const now = says('He just had his first seizure ever at work, it lasted a minute and he is back to normal now.', dispose('clinic_48h'));
    expect(fired(now)).toContain('altered_mental_status_low_acuity');
    const again = says('Seen in A&E yesterday after a fit and discharged, but this morning he had another seizure. Back to normal now.', dispose('home_care'));
    expect(fired(again)).toContain('altered_mental_status_low_acuity');
    const drowsy = says('She was discharged from A&E after a seizure, back to normal they said, but tonight she is very drowsy.', dispose('home_care'));
    expect(fired(drowsy)).toContain('altered_mental_status_low_acuity');
  });
});
