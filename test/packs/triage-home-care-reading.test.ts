import { describe, expect, it } from 'vitest';
import { factAt } from '../../src/packs/reading/reading.js';
import { triageReader } from '../support/triage-reading.js';

/**
 * Everyday home-care calls that were over-read, and the red-flag presentations that were not read at all
 * (second public-source batch), each as a class in words of its own with a neighbour that must keep its
 * reading: the agent's "call 999 for …" / "urgently for …" / "paracetamol for …" safety nets; a story about
 * a friend; "non-drowsy"; "none noticed"; a glass test that blanches; "worst on windy days"; noise only when
 * a croupy child cries; a lay opinion of a diagnosis; an ability answered false; mastoid swelling, large or
 * blistering burns, eczema herpeticum, a red eye with pain, light sensitivity or contact lenses.
 */

const { dispose, read, says, symptom, fired } = triageReader();

describe('triage: the agent safety net after a disposition, an urgency word or a remedy', () => {
  it('when the advice lists signs after "dial 999 for", "A&E for", "urgently for" or a remedy "for", then they are watched for and the disposition is not asserted', () => {
    const ems = says('Sore throat since Sunday.', dispose('home_care', 'Gargle salt water. Dial 999 for drooling, a muffled voice or struggling to breathe.'));
    for (const name of ['cannot_swallow', 'severe_breathing']) expect(symptom(ems, name)).toBeUndefined();
    expect(ems.action.contradiction).toBeUndefined();
    const ed = says('Itchy rash on my arms.', dispose('home_care', 'Antihistamine; A&E for swelling of the tongue or lips, or wheezing.'));
    expect(symptom(ed, 'throat_swelling')).toBeUndefined();
    expect(ed.action.contradiction).toBeUndefined();
    const urgently = says('Blocked ears after a flight.', dispose('home_care', 'Yawn and swallow; see a GP in a week, or urgently for severe pain, confusion or a stiff neck.'));
    for (const name of ['confusion', 'neck_stiffness', 'severe']) expect(symptom(urgently, name)).toBeUndefined();
    const remedy = says('Grumpy toddler with a cold.', dispose('home_care', 'Calpol for a fever, fluids, rest.'), { age: 2 });
    expect(symptom(remedy, 'fever')).toBeUndefined();
  });

  it('when the care is asked for now, or for a finding already there, then the disposition and the finding still count', () => {
    const now = says('Cut finger.', dispose('home_care', 'Send an ambulance immediately for the bleeding'));
    expect(now.action.contradiction).toBeDefined();
    const present = says('Fell off a bike.', dispose('home_care', 'Call 999 for him, he is not breathing properly'));
    expect(present.action.contradiction).toBeDefined();
    // The caller's own words are not the agent's advice.
    expect(symptom(says('I went to A&E for chest pain and they sent me home, and it is back'), 'chest_pain')).toBe(true);
  });

  it('when a sentence of advice goes on with a list after its condition, then every alternative is a condition', () => {
    const long = says('Nappy rash.', dispose('home_care', 'See the health visitor if it is not settling within four or five days, spreads over the tummy, or she becomes feverish and floppy.'), { age: 1 });
    for (const name of ['fever', 'drowsy']) expect(symptom(long, name)).toBeUndefined();
    const cut = says('Earache.', dispose('home_care', 'See GP if no better after two days, pus from the ear, swelling or redness behind the ear.'), { age: 6 });
    expect(symptom(cut, 'mastoid_swelling')).toBeUndefined();
    // A sentence without a condition asserts what it says.
    const plain = says('Earache.', dispose('clinic_48h', 'Ear pus and redness behind the ear, GP in two days'), { age: 6 });
    expect(symptom(plain, 'mastoid_swelling')).toBe(true);
  });
});

describe('triage: what the caller tells that is not a finding of the patient', () => {
  it('when a friend or someone else had something in the past, then it is not the patient’s, but a friend told as the patient still is', () => {
    expect(symptom(says('My neighbour had a stroke years ago, so I panic about any headache.'), 'stroke_named')).toBeUndefined();
    expect(factAt(says('A colleague ended up in intensive care with asthma last winter.').facts, 'conditions.asthma')).toBeUndefined();
    expect(symptom(says('My friend has crushing chest pain right now and is sweating.', undefined, { age: 55, sex: 'male' }), 'chest_pain')).toBe(true);
  });

  it('when a relative "had" something told as the reason for the caller’s own worry, then it is not the patient’s; the relative as the patient keeps it', () => {
    expect(factAt(says('My grandad had leukaemia so I get scared about any bruise.').facts, 'conditions.immunocompromised')).toBeUndefined();
    const patient = says('My mum had a heart attack in 2019 and now she has chest pain', undefined, { age: 70, sex: 'female' });
    expect(factAt(patient.facts, 'conditions.heart_disease')).toBe(true);
  });

  it('when a lump is the swelling of an insect bite or sting, then it is no clinic complaint; a lump with no such cause is', () => {
    expect(symptom(read({ chief_complaint: 'Wasp sting on my wrist', symptom_details: { swelling: 'hot itchy lump the size of a coin' } }), 'clinic_complaint')).toBeUndefined();
    expect(symptom(says('Found a lump in my armpit last month, not going away'), 'clinic_complaint')).toBe(true);
  });

  it('when a lay person gives an opinion or a thought jumps to a diagnosis, then it is not named; a clinician saying it still is', () => {
    expect(symptom(says('My husband reckons it could be sepsis because the cut is pink.'), 'sepsis_named')).toBeUndefined();
    expect(symptom(says('My mind went straight to meningitis when I saw a spot.'), 'sepsis_named')).toBeUndefined();
    expect(symptom(says('The out-of-hours doctor said it is sepsis and to come back if worse.'), 'sepsis_named')).toBe(true);
  });

  it('when a word is prefixed "non-", then it is denied; "non-blanching" is still a finding', () => {
    expect(symptom(says('Took a non-drowsy hay fever tablet.'), 'drowsy')).toBeUndefined();
    expect(symptom(says('She has a non-blanching rash on her legs.', undefined, { age: 3 }), 'non_blanching_rash')).toBe(true);
  });

  it('when an answer is a no said with how it was noticed, then the key is denied', () => {
    const r = read({ caller_demographics: { age_months: 5 }, symptom_details: { pauses_in_breathing: 'not noticed', seizure: 'none seen' } });
    expect(symptom(r, 'severe_breathing')).toBe(false);
    expect(symptom(r, 'seizure')).toBe(false);
  });

  it('when a glass test is told with a result that fades, then no non-blanching rash is read; a rash that stays is', () => {
    const faded = read({ caller_demographics: { age: 2 }, symptom_details: { glass_test: 'rolled a tumbler over them and they went white' } });
    expect(symptom(faded, 'non_blanching_rash')).toBeUndefined();
    const stays = read({ caller_demographics: { age: 2 }, symptom_details: { glass_test: 'the spots did not fade under the glass' } });
    expect(symptom(stays, 'non_blanching_rash')).toBe(true);
    const bare = says('Did the glass test, still purple spots', undefined, { age: 2 });
    expect(symptom(bare, 'non_blanching_rash')).toBe(true);
  });

  it('when "worst" says when, not how bad, then it is no severity; "worst headache" still is', () => {
    expect(symptom(says('Itchy eyes, worst in the mornings.'), 'severe')).toBeUndefined();
    expect(symptom(says('The worst pain I have had, in my tummy.'), 'severe')).toBe(true);
  });

  it('when a croupy child is noisy only when upset, then it is not stridor; noisy breathing at rest is', () => {
    expect(symptom(says('Barking cough, noisy breathing only when she screams, quiet asleep.', undefined, { age: 2 }), 'stridor')).toBeUndefined();
    expect(symptom(says('Barking cough and noisy breathing even sitting quietly.', undefined, { age: 2 }), 'stridor')).toBe(true);
  });

  it('when an ability is answered false, then the key is an inability; a symptom answered false is denied', () => {
    const r = read({ chief_complaint: 'Twisted knee', symptom_details: { able_to_weight_bear: false, can_walk_on_it: false } });
    expect(symptom(r, 'injury_needs_care')).toBe(true);
    expect(fired(r)).toContain('injury_cannot_bear_weight_low_acuity');
    const ok = read({ chief_complaint: 'Twisted knee', symptom_details: { able_to_weight_bear: true, chest_pain: false } });
    expect(symptom(ok, 'injury_needs_care')).toBeUndefined();
    expect(symptom(ok, 'chest_pain')).toBe(false);
  });

  it('when advice says how long things take, then no onset is read from it', () => {
    expect(factAt(says('Cough since this morning.', dispose('home_care', 'It usually clears in about 3 weeks')).facts, 'onset_hours')).toBeUndefined();
    expect(factAt(says('Coughing for about 3 days now.').facts, 'onset_hours')).toBe(72);
  });
});

describe('triage: red-flag presentations of the second batch', () => {
  it('when swelling or redness sits behind the ear, or the ear is pushed out, then mastoiditis fires below the emergency department', () => {
    const a = read({ caller_demographics: { age: 7 }, chief_complaint: 'Ear infection', symptom_details: { behind_left_ear: 'tender, swollen lump' } }, dispose('clinic_48h'));
    expect(fired(a)).toContain('mastoiditis_low_acuity');
    expect(fired(says('Her ear is sticking out and hot', dispose('urgent_care_today'), { age: 3 }))).toContain('mastoiditis_low_acuity');
    expect(fired(read({ caller_demographics: { age: 7 }, chief_complaint: 'Earache', symptom_details: { behind_the_ear: 'no swelling, not red' } }))).not.toContain('mastoiditis_low_acuity');
  });

  it('when a burn is bigger than a hand, deep, or blisters in an under-5, then it needs hospital care the same day; a coin-sized adult burn does not', () => {
    expect(fired(says('Hot oil splashed on my leg, the burn is larger than my palm'))).toContain('burn_needs_assessment_low_acuity');
    expect(fired(read({ caller_demographics: { age: 2 }, chief_complaint: 'Scald from the kettle on her foot' }, dispose('clinic_48h', 'Dressing', { blistering: true })))).toContain('burn_needs_assessment_low_acuity');
    expect(fired(says('Parts of the burn look charred'))).toContain('burn_needs_assessment_low_acuity');
    expect(fired(says('Burnt my finger on the iron, a small red mark about the size of a coin, no blisters'))).toEqual([]);
  });

  it('when eczema turns into clustered blisters or punched-out sores, then eczema herpeticum fires; blisters without eczema do not', () => {
    expect(fired(read({ caller_demographics: { age: 1, conditions: ['atopic eczema'] }, chief_complaint: 'Raw sores that look punched out on her cheek' }, dispose('clinic_48h')))).toContain('eczema_herpeticum_low_acuity');
    expect(fired(says('Clusters of blisters on my lip, cold sore again'))).not.toContain('eczema_herpeticum_low_acuity');
  });

  it('when a red eye comes with pain, light sensitivity, blurred vision or contact lenses, then it needs the eye service today; a gritty sticky eye does not', () => {
    expect(fired(read({ caller_demographics: { age: 27, conditions: ['wears daily disposables'] }, chief_complaint: 'Red eye since yesterday' }))).toContain('red_eye_sight_threat_low_acuity');
    expect(fired(says('My eye is red and my vision is misty'))).toContain('red_eye_sight_threat_low_acuity');
    expect(fired(says('Red eye and it is sensitive to light'))).toContain('red_eye_sight_threat_low_acuity');
    expect(fired(says('Both eyes red and sticky, no pain, vision fine, light does not bother me'))).toEqual([]);
  });
});
