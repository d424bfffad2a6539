import { describe, expect, it } from 'vitest';
import { factAt } from '../../src/packs/reading/reading.js';
import { triageReader } from '../support/triage-reading.js';

/**
 * Classes met in the triage batch tr-dev-361..400, told in this file's own words: time-critical surgical and
 * injury presentations, medicine-specific red flags, preterm labour, and swallowed products of low toxicity,
 * each with a neighbour that keeps its reading.
 */
const { read, says, dispose, symptom, fired } = triageReader();
const pregnantCaller = (weeks: string, text: string, action = dispose('clinic_48h', 'Midwife appointment next week')) =>
  read({ caller_demographics: { age: 29, sex: 'female', conditions: [`pregnant ${weeks} weeks`] }, conversation_history: [{ role: 'caller', content: text }] }, action);

describe('triage: signs of labour before 37 weeks (NHS Premature labour and birth; NICE NG25)', () => {
  it('when tightenings come every few minutes at 31+4 weeks, then the gestation is 31 and a midwife next week breaks the rule', () => {
    const r = pregnantCaller('31+4', 'My bump keeps going hard, the tightenings are coming every 4 minutes since lunch.');
    expect(factAt(r.facts, 'gestation_weeks')).toBe(31);
    expect(symptom(r, 'regular_contractions')).toBe(true);
    expect(fired(r)).toContain('preterm_labour_low_acuity');
  });

  it('when her waters go at 34 weeks, then the rule fires even with no tightenings', () => {
    expect(fired(pregnantCaller('34', 'I think my waters broke, there was a gush of water in the kitchen.'))).toContain('preterm_labour_low_acuity');
  });

  it('when an odd painless tightening comes now and then and settles with rest, then the rule does not fire', () => {
    const r = pregnantCaller('31', 'Now and then my bump tightens for a few seconds, no pain, it settles when I lie down, no fluid or bleeding.');
    expect(symptom(r, 'regular_contractions')).toBeUndefined();
    expect(fired(r)).not.toContain('preterm_labour_low_acuity');
  });
});

describe('triage: medicines whose label makes a sore throat or fever urgent (BNF clozapine, MHRA carbimazole; NHS Lithium)', () => {
  it('when someone on carbimazole has a sore throat, then home care breaks the blood-count rule', () => {
    const r = read({ caller_demographics: { age: 45, sex: 'female', medications: ['carbimazole 20 mg'] }, conversation_history: [{ role: 'caller', content: 'Really sore throat since yesterday, I feel rotten.' }] });
    expect(factAt(r.facts, 'conditions.agranulocytosis_risk_drug')).toBe(true);
    expect(fired(r)).toContain('agranulocytosis_drug_infection_low_acuity');
  });

  it('when the same patient calls about a sprained wrist, then the rule does not fire', () => {
    const r = read({ caller_demographics: { age: 45, sex: 'female', medications: ['carbimazole 20 mg'] }, conversation_history: [{ role: 'caller', content: 'I twisted my wrist lifting a box, it aches but I can move it.' }] });
    expect(fired(r)).not.toContain('agranulocytosis_drug_infection_low_acuity');
  });

  it('when someone on lithium is vomiting with a coarse tremor, then home care breaks the lithium rule', () => {
    const r = read({ caller_demographics: { age: 50, sex: 'male', medications: ['Priadel'] }, conversation_history: [{ role: 'caller', content: 'Been vomiting since last night and I have a coarse tremor in both hands.' }] });
    expect(fired(r)).toContain('lithium_toxicity_low_acuity');
  });

  it('when someone on lithium has only the fine shake they always have, then the rule does not fire', () => {
    const r = read({ caller_demographics: { age: 50, sex: 'male', medications: ['Priadel'] }, symptom_details: { tremor: 'same slight shake as always' }, conversation_history: [{ role: 'caller', content: 'Can I take hay fever tablets with my lithium?' }] });
    expect(fired(r)).not.toContain('lithium_toxicity_low_acuity');
  });
});

describe('triage: a hernia that will not go back (NHS Inguinal hernia)', () => {
  it('when a belly-button hernia cannot be pushed back and he is being sick, then a GP slot breaks the rule', () => {
    const r = says('My umbilical hernia has gone hard, I cannot push it back and I have been sick.', dispose('clinic_48h', 'GP review'), { age: 60, sex: 'male' });
    expect(factAt(r.facts, 'conditions.hernia')).toBe(true);
    expect(fired(r)).toContain('complicated_hernia_low_acuity');
  });

  it('when a groin hernia goes back in lying down and nothing else is wrong, then the rule does not fire', () => {
    const r = says('Groin hernia aches after work, it goes back in when I lie down, eating and going to the toilet fine.', dispose('clinic_48h', 'GP review'), { age: 60, sex: 'male' });
    expect(fired(r)).not.toContain('complicated_hernia_low_acuity');
  });

  it('when a hiatus hernia comes with some vomiting, then it is not read as a hernia that can strangulate', () => {
    const r = says('I have a hiatus hernia and was sick once after a big dinner, reflux is bad tonight.', dispose('clinic_48h', 'GP review'), { age: 60, sex: 'male' });
    expect(factAt(r.facts, 'conditions.hernia')).toBeUndefined();
    expect(fired(r)).not.toContain('complicated_hernia_low_acuity');
  });
});

describe('triage: an eye struck at high speed (NHS Eye injuries)', () => {
  it('when a chip flew into his eye while hammering metal, then home care breaks the rule', () => {
    const r = says('I was hammering metal in the shed and something flew into my eye, it is watering.', dispose('home_care', 'Rinse and drops'), { age: 30, sex: 'male' });
    expect(symptom(r, 'high_velocity_eye_injury')).toBe(true);
    expect(fired(r)).toContain('high_velocity_eye_injury_low_acuity');
  });

  it('when an eyelash was rinsed out and the vision is clear, then the rule does not fire', () => {
    const r = says('An eyelash got under my lid, I rinsed it out with water, it is a bit itchy but I can see perfectly.', dispose('home_care', 'Rinse and drops'), { age: 30, sex: 'male' });
    expect(fired(r)).not.toContain('high_velocity_eye_injury_low_acuity');
  });
});

describe('triage: a snap at injury, a ruptured tendon, a fractured penis (NHS Sprains and strains, Achilles tendon rupture; StatPearls)', () => {
  it('when a squash player felt a pop at the heel and cannot stand on tiptoe, then home care breaks the injury rule', () => {
    const r = says('Playing squash I felt a pop at the back of my heel and now I cannot stand on tiptoe on that side.', dispose('home_care', 'Ice and rest'), { age: 45, sex: 'male' });
    expect(symptom(r, 'injury_needs_care')).toBe(true);
    expect(fired(r)).toContain('injury_cannot_bear_weight_low_acuity');
  });

  it('when a rolled ankle is walked on with a little swelling, then the injury rule does not fire', () => {
    const r = says('Rolled my ankle on the kerb, a little swollen, I can walk on it fine.', dispose('home_care', 'Ice and rest'), { age: 45, sex: 'male' });
    expect(fired(r)).not.toContain('injury_cannot_bear_weight_low_acuity');
  });

  it('when his penis was bent during sex and he lost the erection at once, then even urgent care breaks the rule', () => {
    const r = says('During sex my penis bent awkwardly, I lost my erection straight away and it is swelling up.', dispose('urgent_care_today', 'Urgent care'), { age: 30, sex: 'male' });
    expect(symptom(r, 'penile_injury')).toBe(true);
    expect(fired(r)).toContain('penile_fracture_low_acuity');
  });

  it('when the penis is just a little sore after sex with no snap and a normal erection, then the rule does not fire', () => {
    const r = says('My penis is a bit sore after sex last night, erections are normal and there is no bruising.', dispose('home_care', 'Self care'), { age: 30, sex: 'male' });
    expect(fired(r)).not.toContain('penile_fracture_low_acuity');
  });
});

describe('triage: a hair or thread tourniquet (KidsHealth; J Fam Pract 2012)', () => {
  it('when a baby has a swollen purple finger with a hair wound round it, then home care breaks the rule', () => {
    const r = says('His little finger is swollen and purple and there is a hair round it I cannot unwind.', dispose('home_care', 'Warm bath'), { age: 0.5, sex: 'male' });
    expect(symptom(r, 'digit_tourniquet')).toBe(true);
    expect(fired(r)).toContain('digit_tourniquet_low_acuity');
  });

  it('when a toe is swollen after being stubbed, with nothing wrapped round it, then the rule does not fire', () => {
    const r = says('She stubbed her toe on the door and it is a bit swollen, walking about normally.', dispose('home_care', 'Ice'), { age: 6, sex: 'female' });
    expect(fired(r)).not.toContain('digit_tourniquet_low_acuity');
  });
});

describe('triage: swallowed products of low toxicity are not an overdose (NPIS / TOXBASE; poison.org)', () => {
  const toddler = { age: 2, sex: 'male' };
  it('when a toddler sucked a little toothpaste from the tube and is well, then no poisoning is read and home care breaks no rule', () => {
    const r = says('He got hold of the toothpaste and swallowed a small blob of it, he is totally fine.', dispose('home_care', 'Low-toxicity advice'), toddler);
    expect(symptom(r, 'poisoning')).toBeUndefined();
    expect(factAt(r.facts, 'ingestion.low_toxicity')).toBe(true);
    expect(fired(r)).not.toContain('overdose_low_acuity');
  });

  it('when a toddler swallowed a mini pill from the packet, then it is a low-toxicity ingestion', () => {
    const r = says('He swallowed one of my mini pill tablets from the packet, he seems normal.', dispose('home_care', 'Low-toxicity advice'), toddler);
    expect(fired(r)).not.toContain('overdose_low_acuity');
  });

  it('when a toddler swallowed a blood pressure tablet, then it is still a poisoning with the one-pill rule', () => {
    const r = says('He swallowed one of grandma\'s amlodipine tablets, he seems normal.', dispose('home_care', 'Advice'), toddler);
    expect(symptom(r, 'poisoning')).toBe(true);
    expect(fired(r)).toContain('child_one_pill_ingestion');
  });

  it('when a toddler ate a whole tube of toothpaste, then it stays a poisoning', () => {
    const r = says('She ate a whole tube of toothpaste from the bathroom.', dispose('home_care', 'Advice'), toddler);
    expect(fired(r)).toContain('overdose_low_acuity');
  });

  it('when a toddler swallowed some toothpaste and is now drowsy, then it stays a poisoning', () => {
    const r = says('He swallowed some toothpaste and now he is very drowsy.', dispose('home_care', 'Advice'), toddler);
    expect(symptom(r, 'poisoning')).toBe(true);
    expect(fired(r)).toContain('overdose_low_acuity');
  });
});

describe('triage: a repeat febrile seizure, short and recovered (NHS Febrile seizures)', () => {
  const child = (text: string, action = dispose('urgent_care_today', 'Same-day GP review')) =>
    read({ caller_demographics: { age: 3, sex: 'female', conditions: ['previous febrile seizures'] }, conversation_history: [{ role: 'caller', content: text }] }, action);

  it('when it was like the others and she is back to herself with a fever, then same-day review breaks no rule', () => {
    const r = child('She had a fit with a fever of 38.8, like the others, under a minute, and she is back to herself now.');
    expect(fired(r)).not.toContain('altered_mental_status_low_acuity');
    expect(fired(r)).not.toContain('febrile_child_red_features_low_acuity');
  });

  it('when the same child is sent home with no review, then the repeat-seizure rule fires', () => {
    expect(fired(child('She had a fit with a fever of 38.8, like the others, under a minute, and she is back to herself now.', dispose('home_care', 'Calpol')))).toContain('repeat_febrile_seizure_home_care');
  });

  it('when it lasted more than 5 minutes, then the seizure is kept', () => {
    const r = child('She had a fit with a fever of 38.8, like the others, but it went on more than 5 minutes; back to herself now.');
    expect(symptom(r, 'seizure')).toBe(true);
  });
});

describe('triage: where one-sided tummy pain is', () => {
  it('when the pain is under the right ribs, then it is not the low one-sided pain of an ectopic pregnancy', () => {
    expect(symptom(says('Sharp pain under my right ribs after a greasy meal, gone now.'), 'one_sided_pain')).toBeUndefined();
  });

  it('when the pain is low down on the left side of the tummy, then it is one-sided pain', () => {
    expect(symptom(says('Pain low down on the left side of my tummy since this morning.'), 'one_sided_pain')).toBe(true);
  });
});

describe('triage: hand, foot and mouth disease is self-care (NHS)', () => {
  it('when a toddler has hand foot and mouth and is drinking, then it is a self-care complaint, not one for a clinician', () => {
    const r = says('Nursery says it is hand foot and mouth, she has spots on her hands and is drinking well.', undefined, { age: 2, sex: 'female' });
    expect(symptom(r, 'self_care_complaint')).toBe(true);
    expect(symptom(r, 'clinic_complaint')).toBeUndefined();
  });
});
