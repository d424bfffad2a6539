import { describe, expect, it } from 'vitest';
import { factAt } from '../../src/packs/reading/reading.js';
import { triageReader } from '../support/triage-reading.js';

/**
 * Classes met in the triage batch tr-dev-401..440, told in this file's own words: treatments that only work inside a
 * window after an exposure (rabies, HIV PEP, tetanus-prone wounds), airway threats (smoke inhalation, a food bolus with
 * saliva that cannot be swallowed), the NICE CKS red flags of back pain and headache, a newborn's red eyes, and the
 * readings that had turned a denied finding or an idiom into one. Each class has a neighbour that keeps its reading.
 */
const { read, says, dispose, symptom, fired } = triageReader();

describe('triage: a newborn with red eyes (NHS Conjunctivitis: under 28 days with red eyes)', () => {
  it('when a 2-week-old has red eyes with puffy lids, then a GP slot in two days breaks the rule', () => {
    const r = read({ caller_demographics: { age_days: 14, sex: 'male' }, conversation_history: [{ role: 'parent', content: 'Both his eyes look red and the lids are puffy, lots of yellow goo.' }] }, dispose('clinic_48h', 'GP in 2 days'));
    expect(fired(r)).toContain('neonatal_red_eye_low_acuity');
  });

  it('when a 3-week-old has a sticky eye with the white not red and normal lids, then the rule does not fire', () => {
    const r = read({ caller_demographics: { age_days: 21, sex: 'female' }, conversation_history: [{ role: 'parent', content: 'One eye is a bit sticky in the mornings, the white is not red and she is feeding well.' }] }, dispose('home_care', 'Clean with cooled boiled water'));
    expect(fired(r)).not.toContain('neonatal_red_eye_low_acuity');
  });
});

describe('triage: time-windowed post-exposure treatment (NHS Rabies; BHIVA PEPSE; UKHSA Green Book ch. 30)', () => {
  it('when a monkey bit a traveller in Thailand, then a routine GP visit breaks the rabies rule', () => {
    const r = says('On holiday in Thailand a monkey bit my hand at the temple yesterday, it bled a bit.', dispose('clinic_48h', 'GP next week'));
    expect(symptom(r, 'rabies_exposure')).toBe(true);
    expect(fired(r)).toContain('rabies_exposure_low_acuity');
  });

  it('when a stray dog nipped a backpacker in India, then home care breaks the rabies rule, and the bleeding is not vaginal', () => {
    const r = says('A stray dog nipped my ankle while I was backpacking in India, two small puncture marks that bled.', dispose('home_care', 'Wash and cover'));
    expect(symptom(r, 'animal_bite')).toBe(true);
    expect(symptom(r, 'vaginal_bleeding')).toBeUndefined();
    expect(fired(r)).toContain('rabies_exposure_low_acuity');
  });

  it('when the family dog at home mouthed a hand without breaking the skin, then the rabies rule does not fire', () => {
    const r = says('Our own dog grabbed my hand playing fetch in the garden here, it left a red mark but the skin is not broken.', dispose('home_care', 'Self care'));
    expect(fired(r)).not.toContain('rabies_exposure_low_acuity');
  });

  it('when a needlestick from a patient known to have HIV happened 10 hours ago, then a clinic in two days breaks the PEP rule', () => {
    const r = says('I had a needlestick injury at work 10 hours ago, the patient has HIV and is not on treatment.', dispose('clinic_48h', 'Occupational health appointment'));
    expect(factAt(r.facts, 'onset_hours')).toBe(10);
    expect(fired(r)).toContain('hiv_pep_window_low_acuity');
  });

  it('when the exposure was a week ago, or the partner has an undetectable viral load, then the PEP rule does not fire', () => {
    const late = says('The condom broke a week ago, 7 days now, my partner is HIV positive. I want a test.', dispose('clinic_48h', 'Sexual health clinic'));
    expect(fired(late)).not.toContain('hiv_pep_window_low_acuity');
    const treated = says('The condom split last night, my partner has HIV but he is on treatment and undetectable.', dispose('clinic_48h', 'Sexual health clinic'));
    expect(fired(treated)).not.toContain('hiv_pep_window_low_acuity');
  });

  it('when a woman stood on a nail while gardening and does not know her tetanus jabs, then home care breaks the tetanus rule', () => {
    const r = says('I stood on a nail in a bag of compost while gardening, it went deep into my heel. No idea about tetanus.', dispose('home_care', 'Clean and cover'));
    expect(symptom(r, 'puncture_wound')).toBe(true);
    expect(fired(r)).toContain('tetanus_prone_wound_low_acuity');
  });

  it('when the same wound comes with five documented doses, or a clean scratch has no soil in it, then the tetanus rule does not fire', () => {
    const immune = says('I stood on a nail in a bag of compost while gardening. My record shows five doses of tetanus.', dispose('home_care', 'Clean and cover'));
    expect(factAt(immune.facts, 'conditions.tetanus_immunised')).toBe(true);
    expect(fired(immune)).not.toContain('tetanus_prone_wound_low_acuity');
    const clean = says('Small scratch on my arm from a rusty nail on the shed door, no soil or dirt in it, washed it.', dispose('home_care', 'Clean and cover'));
    expect(fired(clean)).not.toContain('tetanus_prone_wound_low_acuity');
  });
});

describe('triage: airway threats (NHS Burns and scalds: breathed in smoke; ESGE 2016 food bolus)', () => {
  it('when soot is in his spit after a house fire with a croaky voice, then even urgent care breaks the inhalation rule', () => {
    const r = says('We got out of a house fire, his nose hairs singed, he is coughing up black phlegm and sounds hoarse.', dispose('urgent_care_today', 'Urgent care'), { age: 60, sex: 'male' });
    expect(symptom(r, 'inhalation_injury')).toBe(true);
    expect(fired(r)).toContain('smoke_inhalation_injury_low_acuity');
  });

  it('when burnt toast set off the alarm and nobody coughs, or a hoarse voice follows a cold, then the rule does not fire', () => {
    const toast = says('Burnt toast set the smoke alarm off, we opened the windows, no cough, breathing and voice normal.', dispose('home_care', 'Self care'));
    expect(fired(toast)).not.toContain('smoke_inhalation_injury_low_acuity');
    const cold = says('My voice has gone hoarse since a cold last week, no trouble breathing.', dispose('home_care', 'Rest the voice'));
    expect(fired(cold)).not.toContain('smoke_inhalation_injury_low_acuity');
  });

  it('when a piece of chicken is stuck and she cannot swallow her own saliva, then a GP referral breaks the obstruction rule', () => {
    const r = says('A piece of chicken is stuck in my chest since dinner, I cannot swallow my own saliva and keep spitting it out.', dispose('clinic_48h', 'GP referral'));
    expect(symptom(r, 'food_bolus')).toBe(true);
    expect(symptom(r, 'cannot_swallow_saliva')).toBe(true);
    expect(fired(r)).toContain('oesophageal_obstruction_low_acuity');
  });

  it('when food stuck for a moment and went down, with swallowing normal since, then the obstruction rule does not fire', () => {
    const r = says('Some bread felt stuck for a minute at lunch, then it went down with a drink and I have eaten normally since.', dispose('clinic_48h', 'GP review'));
    expect(fired(r)).not.toContain('oesophageal_obstruction_low_acuity');
  });
});

describe('triage: NICE CKS red flags of back pain (spinal infection) and headache (raised intracranial pressure)', () => {
  it('when someone who injects drugs has back pain and a fever of 38.6, then physio breaks the spinal infection rule', () => {
    const r = read({ caller_demographics: { age: 41, sex: 'male', conditions: ['injecting drug use'] }, symptom_details: { temperature: '38.6 C' }, conversation_history: [{ role: 'caller', content: 'My lower back is killing me for four days and I feel feverish.' }] }, dispose('clinic_48h', 'Physiotherapy'));
    expect(factAt(r.facts, 'conditions.injects_drugs')).toBe(true);
    expect(fired(r)).toContain('spinal_infection_signs_low_acuity');
  });

  it('when back pain follows lifting with no fever, or flu brings a fever and aches in a healthy adult, then the rule does not fire', () => {
    const strain = read({ caller_demographics: { age: 41, sex: 'male', conditions: ['injecting drug use'] }, conversation_history: [{ role: 'caller', content: 'Hurt my lower back lifting a sofa, no fever, legs fine.' }] }, dispose('clinic_48h', 'Physiotherapy'));
    expect(fired(strain)).not.toContain('spinal_infection_signs_low_acuity');
    const flu = says('Flu since yesterday with a fever of 38.2, everything aches including my back.', dispose('home_care', 'Rest and fluids'), { age: 30, sex: 'female' });
    expect(fired(flu)).not.toContain('spinal_infection_signs_low_acuity');
  });

  it('when a new headache wakes him each morning and is worse on bending, with sickness, then a routine GP slot breaks the rule', () => {
    const r = says('For two weeks I wake up with a headache every day, I am sick most mornings and it is worse on bending.', dispose('clinic_48h', 'Routine GP'), { age: 50, sex: 'male' });
    expect(symptom(r, 'headache_on_waking')).toBe(true);
    expect(fired(r)).toContain('raised_icp_headache_low_acuity');
  });

  it('when a tension headache builds at the desk by the evening, with no sickness, then the rule does not fire', () => {
    const r = says('A band-like headache builds at my desk by the evening, no vomiting, it goes with a walk.', dispose('clinic_48h', 'Routine GP'), { age: 50, sex: 'male' });
    expect(fired(r)).not.toContain('raised_icp_headache_low_acuity');
  });
});

describe('triage: a denied answer and an idiom read as findings', () => {
  it('when the family history answer opens with "no one", then it is not a cardiac risk factor', () => {
    const r = read({ symptom_details: { family_history: 'no one in the family had heart trouble' } });
    expect(factAt(r.facts, 'conditions.cardiac_risk_factors')).not.toBe(1);
  });

  it('when a family history of early heart attack is told, then it still counts', () => {
    const r = read({ symptom_details: { family_history: 'dad had a heart attack at 45' } });
    expect(factAt(r.facts, 'conditions.cardiac_risk_factors')).toBe(1);
  });

  it('when an infection field lists its signs as a denied list, then no infection is read; listed as present, it is', () => {
    const denied = read({ symptom_details: { infection: 'no oozing, crusting, pus or heat' } });
    expect(symptom(denied, 'infection')).not.toBe(true);
    const present = read({ symptom_details: { infection: 'pus coming out of it' } });
    expect(symptom(present, 'infection')).toBe(true);
  });

  it('when a car ran "into the back of" her, then no pain is read as spreading to the back; pain into the back still is', () => {
    const shunt = says('A van drove into the back of me at the roundabout, now my neck aches.');
    expect(symptom(shunt, 'cardiac_radiation')).toBeUndefined();
    const spread = says('The chest pain goes through into my back.', dispose('home_care'), { age: 60, sex: 'male' });
    expect(symptom(spread, 'cardiac_radiation')).toBe(true);
  });
});
