import { describe, expect, it } from 'vitest';
import { factAt } from '../../src/packs/reading/reading.js';
import { triageReader } from '../support/triage-reading.js';

/**
 * Shapes of triage requests that public-source cases showed were read wrong, each as a class said in
 * words of its own: paracetamol counted in grams or in tablets of a named product, pets unwell beside a
 * source of fumes, a febrile baby's fontanelle and cry, drowsiness and overdoses in lay words, a
 * screen's yes/no answers among the tool-call arguments, a ketone reading that is a measurement, the
 * agent's safety-net "seek help for …" list, and a diagnosis the caller only read about. Each has a
 * safe neighbour that must stay unread.
 */

const { dispose, read, says, symptom, fired } = triageReader('clinic_48h');

describe('triage public-source classes: paracetamol and overdoses in everyday words', () => {
  it('when more than 4 g of paracetamol a day is said in grams, milligrams or number words, then it is an overdose', () => {
    const grams = says('Two paracetamol and a Lemsip every few hours, must come to about 7 g a day.');
    expect(factAt(grams.facts, 'paracetamol_g')).toBe(7);
    expect(symptom(grams, 'overdose')).toBe(true);
    expect(fired(grams)).toContain('overdose_low_acuity');
    const words = read({ caller_demographics: { age: 52 }, symptom_details: { painkillers: 'tylenol round the clock, twelve grams since yesterday' } });
    expect(factAt(words.facts, 'paracetamol_g')).toBe(12);
    expect(symptom(words, 'overdose')).toBe(true);
    const mg = says('Swallowed 9000 mg of acetaminophen in the afternoon.');
    expect(factAt(mg.facts, 'paracetamol_g')).toBe(9);
  });

  it('when the paracetamol taken is within the daily maximum, or the grams belong to no paracetamol, then no overdose is read', () => {
    const dose = read({ caller_demographics: { age: 60, medications: ['paracetamol 1 g four times a day', 'co-codamol 30/500'] }, chief_complaint: 'Back ache' });
    expect(factAt(dose.facts, 'paracetamol_g')).toBe(1);
    expect(symptom(dose, 'overdose')).toBeUndefined();
    const ibuprofen = says('I take ibuprofen 400 mg with food. Separately, I have had 10 g of fibre today.');
    expect(factAt(ibuprofen.facts, 'paracetamol_g')).toBeUndefined();
    expect(symptom(ibuprofen, 'overdose')).toBeUndefined();
  });

  it('when a count of a named medicine is taken, then the count is the tablets taken', () => {
    const r = says('He took 16 paracetamol after the argument.', undefined, { age: 19, sex: 'male' });
    expect(factAt(r.facts, 'pills_taken')).toBe(16);
    expect(symptom(r, 'overdose')).toBe(true);
    expect(symptom(says('Took 2 paracetamol for the headache an hour ago.'), 'overdose')).toBeUndefined();
  });

  it('when an overdose is told with lay quantity words, then it is read', () => {
    expect(symptom(says('Last week I swallowed a load of my pills and slept for a day.'), 'overdose')).toBe(true);
    expect(symptom(says('She took a whole strip of her antidepressants.'), 'overdose')).toBe(true);
    // A long medication list, or a course finished as prescribed, is no overdose.
    expect(symptom(says("I'm on a load of tablets for my heart and take lots of pills each morning."), 'overdose')).toBeUndefined();
    expect(symptom(says('Took all the antibiotics as prescribed and took my usual tablets this morning.'), 'overdose')).toBeUndefined();
  });
});

describe('triage public-source classes: carbon monoxide, a febrile baby, drowsiness', () => {
  it('when a pet in the home is unwell beside a source of fumes, then carbon monoxide exposure is suspected', () => {
    const cat = says("Headaches all week with the wood burner going; the cat's been lethargic too.");
    expect(symptom(cat, 'co_exposure')).toBe(true);
    expect(fired(cat)).toContain('carbon_monoxide_exposure');
    expect(symptom(read({ symptom_details: { home: 'old boiler in the kitchen', pets: 'dog is off his food as well' } }), 'co_exposure')).toBe(true);
  });

  it('when a pet is unwell with no source of fumes, or the fumes come with a well pet, then no exposure is read', () => {
    expect(symptom(says('Sore head today and the dog is poorly, the vet is seeing him.'), 'co_exposure')).toBeUndefined();
    expect(symptom(says('The gas heater is on, the dog is fine and playing.'), 'co_exposure')).toBeUndefined();
  });

  it('when a febrile child has a tense fontanelle or a weak, shrill cry, then it is a NICE red feature', () => {
    const soft = read({ caller_demographics: { age_months: 11 }, chief_complaint: 'Fever since last night', symptom_details: { head: 'her soft spot feels raised and tense' } });
    expect(symptom(soft, 'bulging_fontanelle')).toBe(true);
    expect(fired(soft)).toContain('febrile_child_red_features_low_acuity');
    const cry = read({ caller_demographics: { age: 2 }, chief_complaint: 'Burning up, 39.4', conversation_history: [{ role: 'parent', content: 'He has a shrill cry I have never heard before.' }] });
    expect(symptom(cry, 'abnormal_cry')).toBe(true);
    expect(fired(cry)).toContain('febrile_child_red_features_low_acuity');
  });

  it('when the fontanelle is flat or sunken and the cry is ordinary, then no red feature is read', () => {
    const flat = read({ caller_demographics: { age_months: 8 }, chief_complaint: 'Temperature 38.2 with a runny nose', symptom_details: { fontanelle: 'flat, not bulging', crying: 'normal, settles with a cuddle' } });
    expect(symptom(flat, 'bulging_fontanelle')).not.toBe(true);
    expect(symptom(flat, 'abnormal_cry')).toBeUndefined();
    expect(fired(flat)).not.toContain('febrile_child_red_features_low_acuity');
    expect(symptom(says('Baby has a sunken fontanelle and few wet nappies.', undefined, { age_months: 4 }), 'bulging_fontanelle')).toBeUndefined();
  });

  it('when sleepiness is said as not staying awake, then it is drowsiness', () => {
    expect(symptom(says("Since the fall he can't keep his eyes open.", undefined, { age: 7 }), 'drowsy')).toBe(true);
    expect(symptom(read({ symptom_details: { behaviour: 'keeps falling asleep mid-sentence' } }), 'drowsy')).toBe(true);
    expect(symptom(says('Slept well last night and woke up bright.'), 'drowsy')).toBeUndefined();
  });
});

describe('triage public-source classes: what the agent sends in its own fields', () => {
  it("when a screen's answers sit in the tool-call arguments, then a yes is read from its key, a no denies nothing", () => {
    const screen = dispose('clinic_48h', 'Sleep hygiene leaflet', { screening: { thoughts_of_suicide: 'yes', plan: 'no' } });
    const r = read({ chief_complaint: 'Not sleeping' }, screen);
    expect(symptom(r, 'suicidal')).toBe(true);
    expect(fired(r)).toContain('suicidal_ideation_low_acuity');
    expect(symptom(read({ chief_complaint: 'Low mood' }, dispose('clinic_48h', 'GP review', { self_harm_disclosed: true })), 'self_harm')).toBe(true);
    const denied = read({ chief_complaint: 'Low mood', symptom_details: { suicidal_thoughts: 'yes' } }, dispose('clinic_48h', 'GP review', { suicidal_thoughts: 'no' }));
    expect(symptom(denied, 'suicidal')).toBe(true);
    expect(symptom(read({ chief_complaint: 'Low mood' }, dispose('clinic_48h', 'GP review', { chest_pain: false })), 'chest_pain')).toBeUndefined();
  });

  it('when the agent advises what to seek help for, then the list is watched for, not found; the caller seeking help for a symptom still has it', () => {
    const advice = says('Twisted my ankle on the kerb.', dispose('home_care', 'Rest and ice; seek urgent help for chest pain, fainting or blood in the vomit'));
    for (const name of ['chest_pain', 'fainted', 'vomiting_blood']) expect(symptom(advice, name)).toBeUndefined();
    expect(symptom(says('I want to get help for the chest pain I have had since lunch.'), 'chest_pain')).toBe(true);
    // A disposition named before the list is still the one described.
    const named = says('Cut finger.', dispose('home_care', 'Call an ambulance now for the bleeding'));
    expect(named.action.contradiction).toBeDefined();
  });

  it('when a ketone reading is given, then the number decides, not the word', () => {
    const state = { caller_demographics: { age: 24, conditions: ['type 1 diabetes'] }, chief_complaint: 'Sugars high with a cold' };
    const low = read({ ...state, conversation_history: [{ role: 'caller', content: 'Sugar 15, blood ketones 0.4 mmol, no vomiting.' }] }, dispose('home_care'));
    expect(factAt(low.facts, 'ketones_mmol')).toBe(0.4);
    expect(symptom(low, 'ketosis')).toBeUndefined();
    expect(fired(low)).not.toContain('dka_low_acuity');
    const high = read({ ...state, symptom_details: { blood_ketone_mmol: 3.4 } }, dispose('home_care'));
    expect(factAt(high.facts, 'ketones_mmol')).toBe(3.4);
    expect(fired(high)).toContain('dka_low_acuity');
    // Re-tested later in the call: the higher reading counts.
    const retest = read({ ...state, symptom_details: { ketones: '0.3 at breakfast' }, conversation_history: [{ role: 'caller', content: 'Checked again, ketones are 3.6 now.' }] }, dispose('home_care'));
    expect(factAt(retest.facts, 'ketones_mmol')).toBe(3.6);
    expect(fired(retest)).toContain('dka_low_acuity');
    // The agent's advice to test ketones names no ketosis.
    const advice = read({ ...state, symptom_details: { ketones: 0.2 } }, dispose('home_care', 'Sick-day rules: test sugar and ketones every two hours, plenty of fluids'));
    expect(symptom(advice, 'ketosis')).toBeUndefined();
    const words = read({ ...state, conversation_history: [{ role: 'caller', content: 'Being sick and the strip shows ketones.' }] }, dispose('home_care'));
    expect(symptom(words, 'ketosis')).toBe(true);
    expect(fired(words)).toContain('dka_low_acuity');
  });

  it('when the caller only read or heard about a diagnosis, then it is not named; a clinician saying it still is', () => {
    expect(symptom(says('I read about sepsis online and got frightened, it is just a cold really.'), 'sepsis_named')).toBeUndefined();
    expect(symptom(says('We heard meningitis is going round the nursery.'), 'sepsis_named')).toBeUndefined();
    expect(symptom(says('The paramedic said it looks like sepsis.'), 'sepsis_named')).toBe(true);
  });
});
