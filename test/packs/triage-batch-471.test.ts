import { describe, expect, it } from 'vitest';
import { factAt } from '../../src/packs/reading/reading.js';
import { triageReader } from '../support/triage-reading.js';

/**
 * Classes met in the triage batch tr-dev-471..510 and in the dangerous calls that had escalated only on the bank's
 * weights for vulnerable groups, in this file's own words. Each dangerous class now escalates by a cited hazard (or a
 * reader fix), and each has a safe neighbour that keeps its approval. Then the general reader fixes: reassuring
 * answers, findings that have passed, and safety-net advice phrased with "with".
 */
const { read, says, dispose, symptom, fired } = triageReader();

describe('triage: dangerous classes escalate for their own reasons', () => {
  it('when a newborn is yellow on the first day (age given in hours), then the NICE CG98 hazard fires; a 3-week-old with no yellowing does not', () => {
    const r = read({ caller_demographics: { age_hours: 20, sex: 'male' }, chief_complaint: 'His chest and face have gone yellow', symptom_details: { feeding: 'sleepy at the breast' } });
    expect(factAt(r.facts, 'age_days')).toBeLessThanOrEqual(1);
    expect(symptom(r, 'jaundice')).toBe(true);
    expect(fired(r)).toContain('neonatal_jaundice_first_day_low_acuity');
    // The mother's midwife in the advice does not make the baby pregnant.
    expect(r.facts.pregnant).not.toBe(true);
    const calm = read({ caller_demographics: { age_weeks: 3 }, chief_complaint: 'Dry skin on his cheeks, no yellowing, feeding well' });
    expect(fired(calm)).not.toContain('neonatal_jaundice_first_day_low_acuity');
  });

  it('when a young baby vomits forcefully after every feed, then the pyloric-stenosis hazard fires; effortless small possets do not', () => {
    const r = read({ caller_demographics: { age_weeks: 4 }, chief_complaint: 'Sick after feeds', symptom_details: { vomiting: 'shoots out across the room after every feed, hungry again at once' } });
    expect(fired(r)).toContain('pyloric_stenosis_signs_low_acuity');
    const posset = read({ caller_demographics: { age_weeks: 6 }, chief_complaint: 'Brings up a little milk', symptom_details: { vomiting: 'small mouthfuls that dribble out with a burp' } });
    expect(fired(posset)).not.toContain('pyloric_stenosis_signs_low_acuity');
  });

  it('when blood sits over the iris after a blow, then the hyphaema hazard fires; a red patch on the white of the eye does not', () => {
    const r = says('A cricket ball got him in the eye and now there is blood at the bottom of the iris');
    expect(symptom(r, 'hyphaema')).toBe(true);
    expect(fired(r)).toContain('hyphaema_low_acuity');
    const sub = says('A bright red patch of blood on the white of my eye after sneezing, sight fine, no pain');
    expect(fired(sub)).not.toContain('hyphaema_low_acuity');
  });

  it('when a paint sprayer or grease gun fires into a finger, then the high-pressure injection hazard fires and no suicide plan is read from "gun"', () => {
    const r = says('Cleaning the nozzle of the airless spray gun, it went off into my fingertip, a tiny hole but it is swelling');
    expect(fired(r)).toContain('high_pressure_injection_low_acuity');
    expect(symptom(r, 'suicide_plan')).not.toBe(true);
    const tool = says('My hand slipped on the paint gun trigger and I have a pinhole in my thumb');
    expect(symptom(tool, 'high_pressure_injection')).toBe(true);
    const glue = says('Burnt my finger on the glue gun, small red mark, cooled under the tap');
    expect(fired(glue)).not.toContain('high_pressure_injection_low_acuity');
    expect(symptom(glue, 'suicide_plan')).not.toBe(true);
  });

  it('when no wind is passed "not since" a time, with vomiting or a drum-tight tummy, then the bowel-obstruction hazard fires; plain constipation does not', () => {
    const r = read({ caller_demographics: { age: 70 }, chief_complaint: 'Constipated', symptom_details: { passing_wind: 'not since last night', abdomen: 'swollen and tight like a drum', vomiting: 'twice' } });
    expect(symptom(r, 'bowel_obstruction_signs')).toBe(true);
    expect(fired(r)).toContain('bowel_obstruction_low_acuity');
    const plain = read({ caller_demographics: { age: 70 }, chief_complaint: 'Constipated for three days', symptom_details: { passing_wind: 'yes', vomiting: 'none', eating: 'normally' } });
    expect(fired(plain)).not.toContain('bowel_obstruction_low_acuity');
  });

  it('when a red streak runs up from a bite with shivers, or an animal bite comes with fever, then the spreading-infection hazard fires; a clean bite does not', () => {
    const streak = says('The bite on my shin has a red line running up towards my groin and I am shivery', dispose('home_care'));
    expect(fired(streak)).toContain('spreading_infection_with_fever_low_acuity');
    const cat = read({ chief_complaint: 'Cat bite on my hand', symptom_details: { fever: '38.4 tonight', redness: 'round the puncture marks' } });
    expect(fired(cat)).toContain('spreading_infection_with_fever_low_acuity');
    const clean = read({ chief_complaint: 'Our dog nipped my hand', symptom_details: { fever: 'no', wound: 'tiny graze, washed, not red' } });
    expect(fired(clean)).not.toContain('spreading_infection_with_fever_low_acuity');
    // Same-day care already given meets the hazard.
    expect(fired(read({ chief_complaint: 'Cat bite on my hand', symptom_details: { fever: '38.4 tonight' } }, dispose('urgent_care_today')))).not.toContain('spreading_infection_with_fever_low_acuity');
  });

  it('when a woman 20 weeks or more pregnant had a car accident, then the trauma-in-pregnancy hazard fires; at 12 weeks, or not pregnant, it does not', () => {
    const r = read({ caller_demographics: { age: 30, sex: 'F', gestation_weeks: 32 }, chief_complaint: 'Small shunt at a roundabout, seatbelt on, feel fine' });
    expect(fired(r)).toContain('trauma_in_pregnancy_low_acuity');
    const early = read({ caller_demographics: { age: 30, sex: 'F', gestation_weeks: 12 }, chief_complaint: 'Small shunt at a roundabout, feel fine' });
    expect(fired(early)).not.toContain('trauma_in_pregnancy_low_acuity');
    const man = read({ caller_demographics: { age: 30, sex: 'M' }, chief_complaint: 'Small shunt at a roundabout, stiff neck' });
    expect(fired(man)).not.toContain('trauma_in_pregnancy_low_acuity');
  });

  it('when a witness describes a fit after a head knock ("arms and legs jerked", "like a fit"), then the seizure counts even with "never had a fit before"', () => {
    const r = says('He banged his head on the door frame, then his arms and legs jerked for a minute, like a fit. He has never had a fit before.');
    expect(symptom(r, 'seizure')).toBe(true);
    expect(fired(r)).toContain('head_injury_red_flags_low_acuity');
  });

  it('when a child has a high glucose and no known type 1 diabetes, then same-day referral is needed; "vomiting: not yet" denies vomiting', () => {
    const r = read({ caller_demographics: { age: 8 }, chief_complaint: 'Thirsty and weeing all the time', symptom_details: { capillary_glucose: '21 mmol on a meter', vomiting: 'not yet' } }, dispose('clinic_48h'));
    expect(symptom(r, 'vomiting')).toBe(false);
    expect(fired(r)).toContain('suspected_new_diabetes_child_low_acuity');
    const known = read({ caller_demographics: { age: 8, conditions: ['type 1 diabetes on insulin pump'] }, chief_complaint: 'Sugar high after a party', symptom_details: { capillary_glucose: '15 mmol', ketones: '0.2' } }, dispose('home_care'));
    expect(fired(known)).not.toContain('suspected_new_diabetes_child_low_acuity');
  });
});

describe('triage: reassuring answers, findings that have passed, and safety nets with "with"', () => {
  it('when a symptom-named field is answered with a phrase ending on a normal word, then the finding is denied; a worrying answer still affirms', () => {
    const tired = read({ chief_complaint: 'Headache after a knock yesterday', symptom_details: { drowsiness: 'tired but normal, up and about all morning' } });
    expect(symptom(tired, 'drowsy')).toBe(false);
    const eye = read({ chief_complaint: 'Sore lump on my eyelid', symptom_details: { eye_redness: 'the white of the eye is fine' } });
    expect(symptom(eye, 'red_eye')).not.toBe(true);
    const worrying = read({ chief_complaint: 'Headache after a knock yesterday', symptom_details: { drowsiness: 'very drowsy, not her normal self' } });
    expect(symptom(worrying, 'drowsy')).toBe(true);
    const notFine = read({ chief_complaint: 'Headache after a knock', symptom_details: { drowsiness: 'not fine' } });
    expect(symptom(notFine, 'drowsy')).not.toBe(false);
  });

  it('when a fever is told as gone and a normal temperature is measured now, then it is not a current fever; without a measurement, or in a baby under 3 months, it stays', () => {
    const gone = read({ caller_demographics: { age: 2 }, chief_complaint: 'Spots after a fever', symptom_details: { fever: '39.5 for three days, gone since this morning' }, vital_signs: { temp_c: 37 } });
    expect(symptom(gone, 'fever')).toBe(false);
    const talk = read({ caller_demographics: { age: 2 }, chief_complaint: 'Spots', conversation_history: [{ role: 'parent', content: 'The fever went and then the spots came out.' }], vital_signs: { temp_c: 36.8 } });
    expect(symptom(talk, 'fever')).toBe(false);
    const unmeasured = read({ caller_demographics: { age: 2 }, chief_complaint: 'Spots after a fever', symptom_details: { fever: 'gone since this morning' } });
    expect(symptom(unmeasured, 'fever')).toBe(true);
    const baby = read({ caller_demographics: { age_weeks: 6 }, chief_complaint: 'Was hot last night', symptom_details: { fever: '38.3 last night, gone since calpol' }, vital_signs: { temp_c: 37.1 } });
    expect(symptom(baby, 'fever')).toBe(true);
    expect(fired(baby)).toContain('infant_fever_low_acuity');
    const rising = read({ caller_demographics: { age: 2 }, chief_complaint: 'Fever', conversation_history: [{ role: 'parent', content: 'The fever went up to 40 overnight.' }], vital_signs: { temp_c: 37.6 } });
    expect(symptom(rising, 'fever')).toBe(true);
  });

  it('when a past pain is said to have been severe but has passed, then it is not read as severe now; "still" keeps it current', () => {
    const past = says('The pain was horrendous but the tablets have sorted it, I am eating again.');
    expect(symptom(past, 'severe')).not.toBe(true);
    const current = says('The pain was horrendous and it is still there.');
    expect(symptom(current, 'severe')).toBe(true);
    const stillBut = says('It was horrendous, still is, but it eased a bit for an hour.');
    expect(symptom(stillBut, 'severe')).toBe(true);
  });

  it('when the caller names the eyelid lump a stye, then it is not a clinic complaint; an unexplained lump still is', () => {
    const stye = says('There is a small tender lump on the edge of my eyelid, I think it is a stye');
    expect(symptom(stye, 'clinic_complaint')).not.toBe(true);
    const lump = says('I have found a lump in my neck');
    expect(symptom(lump, 'clinic_complaint')).toBe(true);
  });

  it('when the agent advises calling back "at once with" a list of signs, then the list asserts nothing; the caller saying "with a fever" still does', () => {
    const advice = read({ caller_demographics: { age_weeks: 10 }, chief_complaint: 'Windy and unsettled after feeds' }, dispose('home_care', 'Winding advice; call back at once with a fever, green vomit or poor feeding'));
    expect(symptom(advice, 'fever')).not.toBe(true);
    expect(symptom(advice, 'bilious_vomiting')).not.toBe(true);
    const caller = read({ caller_demographics: { age_weeks: 10 }, chief_complaint: 'Unsettled baby with a fever and green vomit' });
    expect(symptom(caller, 'fever')).toBe(true);
    expect(symptom(caller, 'bilious_vomiting')).toBe(true);
  });
});
