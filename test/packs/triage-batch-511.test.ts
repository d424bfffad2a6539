import { describe, expect, it } from 'vitest';
import { factAt } from '../../src/packs/reading/reading.js';
import { triageReader } from '../support/triage-reading.js';

/**
 * Classes met in the triage batch tr-dev-511..550, in this file's own words. The NICE NG12 suspected-cancer red flags
 * (a changing skin lesion, a mouth ulcer past 3 weeks, bleeding after the menopause) are a home-care miss each; a deep
 * burn, one swollen leg, fewer fetal movements and a head knock in haemophilia are same-day. Then the reader fixes:
 * a spell that has passed, a side that is not the patient's, a named benign thing whose words are not findings, and a
 * pain score that has come down. Each class has a safe neighbour that keeps its approval.
 */
const { read, says, dispose, symptom, fired } = triageReader();

describe('triage: NG12 suspected-cancer red flags are not home care', () => {
  it('when a mole has grown, gone several colours and bleeds, then the 7-point checklist hazard fires; an itchy mole alone does not', () => {
    const r = read({ caller_demographics: { age: 60, sex: 'male' }, chief_complaint: 'Mole on my shoulder', symptom_details: { change: 'has got bigger since the summer', colour: 'different browns and almost black in one bit', bleeding: 'bleeds when the strap rubs it' } });
    expect(symptom(r, 'suspicious_skin_lesion')).toBe(true);
    expect(fired(r)).toContain('suspected_cancer_skin_lesion_home_care');
    // A GP appointment is what the referral needs: the hazard is about home care only.
    expect(fired(read({ caller_demographics: { age: 60, sex: 'male' }, chief_complaint: 'Mole on my shoulder has got bigger and bleeds, and has a ragged edge' }, dispose('clinic_48h')))).not.toContain('suspected_cancer_skin_lesion_home_care');
    const itchy = read({ caller_demographics: { age: 35 }, chief_complaint: 'An itchy mole on my back, same size and colour as ever' });
    expect(fired(itchy)).not.toContain('suspected_cancer_skin_lesion_home_care');
    const verruca = read({ caller_demographics: { age: 9 }, chief_complaint: 'Verruca on his heel', symptom_details: { bleeding_or_change: 'none' } });
    expect(fired(verruca)).toEqual([]);
  });

  it('when a tongue ulcer has lasted longer than 3 weeks (said as a duration field), then the oral-ulcer hazard fires; a 4-day mouth ulcer does not', () => {
    const r = read({ caller_demographics: { age: 64, sex: 'male' }, chief_complaint: 'An ulcer on the side of my tongue', symptom_details: { duration: '6 weeks, not healing' } });
    expect(factAt(r.facts, 'onset_hours')).toBe(6 * 168);
    expect(fired(r)).toContain('suspected_cancer_oral_ulcer_home_care');
    const fresh = read({ caller_demographics: { age: 30 }, chief_complaint: 'A mouth ulcer inside my cheek', symptom_details: { duration: '4 days' } });
    expect(fired(fresh)).not.toContain('suspected_cancer_oral_ulcer_home_care');
    // An ulcer on the leg is not in the mouth.
    const leg = read({ caller_demographics: { age: 70 }, chief_complaint: 'Ulcer on my shin', symptom_details: { duration: '5 weeks' } });
    expect(fired(leg)).not.toContain('suspected_cancer_oral_ulcer_home_care');
  });

  it('when a woman past the menopause has vaginal spotting, then the post-menopausal bleeding hazard fires; a 48-year-old with her usual periods does not, nor bleeding gums at 70', () => {
    const r = read({ caller_demographics: { age: 58, sex: 'female' }, chief_complaint: 'Spotting again', symptom_details: { periods: 'stopped at 51' } });
    expect(symptom(r, 'pv_bleeding')).toBe(true);
    expect(fired(r)).toContain('suspected_cancer_postmenopausal_bleeding_home_care');
    const younger = read({ caller_demographics: { age: 52, sex: 'female' }, chief_complaint: 'Some spotting', symptom_details: { history: 'post-menopausal for two years' } });
    expect(fired(younger)).toContain('suspected_cancer_postmenopausal_bleeding_home_care');
    const periods = read({ caller_demographics: { age: 48, sex: 'female' }, chief_complaint: 'Heavy period this month, cramps as usual' });
    expect(fired(periods)).not.toContain('suspected_cancer_postmenopausal_bleeding_home_care');
    const gums = read({ caller_demographics: { age: 70, sex: 'female' }, chief_complaint: 'My gums bleed a little when I brush' });
    expect(fired(gums)).not.toContain('suspected_cancer_postmenopausal_bleeding_home_care');
  });
});

describe('triage: same-day classes', () => {
  it('when a scald has left skin white and waxy, then it is a deep burn; a red scald that stings is not', () => {
    const r = read({ chief_complaint: 'Scalded my hand with the kettle', symptom_details: { look: 'the middle has gone white and waxy and does not hurt' } });
    expect(symptom(r, 'burn_deep')).toBe(true);
    expect(fired(r)).toContain('burn_needs_assessment_low_acuity');
    const shallow = read({ chief_complaint: 'Small scald on my finger from the kettle', symptom_details: { look: 'red and stings, no blisters' } });
    expect(fired(shallow)).not.toContain('burn_needs_assessment_low_acuity');
  });

  it('when one calf is swollen, then the DVT hazard fires at home care and at the 48-hour clinic; tight night cramps with both calves the same do not', () => {
    const r = says('My left calf is swollen and it aches when I walk');
    expect(symptom(r, 'unilateral_leg_swelling')).toBe(true);
    expect(fired(r)).toContain('suspected_dvt_low_acuity');
    expect(fired(read({ conversation_history: [{ role: 'caller', content: 'My left calf is swollen and it aches when I walk' }] }, dispose('clinic_48h')))).toContain('suspected_dvt_low_acuity');
    const cramp = read({ chief_complaint: 'Cramp in my calves at night', symptom_details: { pattern: 'a sudden tight calf, either side, gone in a minute', swelling: 'both legs the same' } });
    expect(fired(cramp)).not.toContain('suspected_dvt_low_acuity');
    const both = says('Both legs are swollen at the ankles by the evening');
    expect(fired(both)).not.toContain('suspected_dvt_low_acuity');
  });

  it('when a pregnant woman feels the baby moving less, then the reduced-movements hazard fires; normal movements do not', () => {
    const r = read({ caller_demographics: { age: 30, sex: 'female', gestation_weeks: 35 }, chief_complaint: 'Baby moving less than usual since last night' });
    expect(fired(r)).toContain('reduced_fetal_movements_low_acuity');
    const fine = read({ caller_demographics: { age: 30, sex: 'female', gestation_weeks: 35 }, chief_complaint: 'Heartburn at night', symptom_details: { baby_movements: 'normal' } });
    expect(fired(fine)).not.toContain('reduced_fetal_movements_low_acuity');
  });

  it('when a child with haemophilia knocks his head, then the head-injury hazard fires with no other criterion; the same knock without a bleeding disorder does not', () => {
    const r = read({ caller_demographics: { age: 7, conditions: ['severe haemophilia A'] }, chief_complaint: 'Bumped his head on the table, acting normally' });
    expect(factAt(r.facts, 'conditions.bleeding_disorder')).toBe(true);
    expect(fired(r)).toContain('head_injury_red_flags_low_acuity');
    const plain = read({ caller_demographics: { age: 7, conditions: [] }, chief_complaint: 'Bumped his head on the table, acting normally' });
    expect(fired(plain)).not.toContain('head_injury_red_flags_low_acuity');
  });
});

describe('triage: what has passed, and words that belong to something else', () => {
  it('when a toddler went blue and limp for seconds in a big cry and is back to normal, then no breathing or consciousness finding stays; a spell over a minute keeps them', () => {
    const spell = read({ caller_demographics: { age_months: 20 }, chief_complaint: 'Went blue while crying', symptom_details: { event: 'lips blue and floppy for a few seconds in the middle of a big cry', now: 'totally normal, playing' } }, dispose('clinic_48h'));
    expect(factAt(spell.facts, 'course.breath_holding_recovered')).toBe(true);
    expect(symptom(spell, 'severe_breathing')).not.toBe(true);
    expect(fired(spell)).toEqual([]);
    const long = read({ caller_demographics: { age_months: 20 }, chief_complaint: 'Went blue while crying', symptom_details: { event: 'lips blue and floppy for more than a minute after a big cry', now: 'totally normal, playing' } }, dispose('clinic_48h'));
    expect(fired(long)).not.toEqual([]);
    // A baby under 6 months who went blue is not read as a breath-holding spell.
    const baby = read({ caller_demographics: { age_months: 2 }, chief_complaint: 'Went blue while crying', symptom_details: { event: 'lips blue for a few seconds in a big cry', now: 'back to normal' } }, dispose('clinic_48h'));
    expect(fired(baby)).not.toEqual([]);
  });

  it('when a field names amnesia and its answer says the child remembers, then no amnesia is read; "can\'t remember" still is', () => {
    const r = read({ caller_demographics: { age: 10 }, chief_complaint: 'Bumped heads at football', symptom_details: { amnesia: 'remembers the whole match' } });
    expect(symptom(r, 'amnesia')).not.toBe(true);
    const lost = read({ caller_demographics: { age: 10 }, chief_complaint: 'Bumped heads at football', symptom_details: { amnesia: "can't remember the tackle" } });
    expect(symptom(lost, 'amnesia')).toBe(true);
  });

  it('when a side is the side of a nail, a breast or a fall, then no belly pain is read; pain in her right side still is', () => {
    expect(symptom(says("His toenail is digging in, it's red and sore at the side"), 'abdominal_pain')).not.toBe(true);
    expect(symptom(read({ chief_complaint: 'Sore breast' }, dispose('home_care', 'Self-care', { advice: 'feed from both sides, start on the sore side' })), 'abdominal_pain')).not.toBe(true);
    const fall = read({ chief_complaint: 'Rib pain after a fall', symptom_details: { mechanism: 'landed on her right side' } });
    expect(symptom(fall, 'one_sided_pain')).not.toBe(true);
    expect(symptom(says('I have a sharp pain in my right side'), 'abdominal_pain')).toBe(true);
  });

  it('when "glue ear" or "night sweats" are named, then neither a wound needing glue nor cardiac sweating is read', () => {
    const ear = read({ caller_demographics: { age: 4 }, chief_complaint: 'Hearing dulled after a cold' }, dispose('clinic_48h', 'Routine GP review for suspected glue ear'));
    expect(symptom(ear, 'injury_needs_care')).not.toBe(true);
    const cut = says('The cut is gaping and probably needs glue');
    expect(symptom(cut, 'injury_needs_care')).toBe(true);
    expect(symptom(says('Hot flushes and night sweats for months'), 'sweating')).not.toBe(true);
    expect(symptom(says('Crushing chest pain and I am sweating'), 'sweating')).toBe(true);
  });

  it('when a toddler chewed a peace lily leaf with no swelling or drooling now, then it is a low-toxicity ingestion; with lip swelling it stays a poisoning', () => {
    const r = read({ caller_demographics: { age_months: 18 }, chief_complaint: 'Chewed a leaf of the peace lily', symptom_details: { now: 'no swelling, eating normally' } }, dispose('home_care', 'Poisons advice'));
    expect(factAt(r.facts, 'ingestion.low_toxicity')).toBe(true);
    expect(fired(r)).not.toContain('overdose_low_acuity');
    const swollen = read({ caller_demographics: { age_months: 18 }, chief_complaint: 'Chewed a leaf of the peace lily', symptom_details: { now: 'lips swelling up' } }, dispose('home_care', 'Poisons advice'));
    expect(fired(swollen)).toContain('overdose_low_acuity');
  });

  it('when a pain was 9/10 and is now 2/10, then the pain now is read; "I feel horrendous" is not a severity of pain', () => {
    const r = read({ chief_complaint: 'Stung on the foot', symptom_details: { pain: 'was 9/10, now 2/10' } });
    expect(factAt(r.facts, 'pain_score')).toBe(2);
    expect(factAt(read({ chief_complaint: 'Stung on the foot', symptom_details: { pain: '8/10' } }).facts, 'pain_score')).toBe(8);
    expect(says('I feel horrendous after last night').facts.severity).not.toBe('severe');
    expect(says('The headache is horrendous').facts.severity).toBe('severe');
  });
});

describe('triage: one-sided pain in early pregnancy still reads', () => {
  it('when a woman 6 weeks pregnant has pain in her right side or on the left side, then the ectopic hazard fires; landing on her side in a fall with no pain named does not read a one-sided pain', () => {
    for (const text of ['Six weeks pregnant with a sharp pain in her right side', 'Six weeks pregnant, pain on the left side since this morning']) {
      const r = read({ caller_demographics: { age: 27, sex: 'female' }, chief_complaint: text });
      expect(symptom(r, 'one_sided_pain'), text).toBe(true);
      expect(fired(r), text).toContain('ectopic_pregnancy_low_acuity');
    }
    const fall = read({ caller_demographics: { age: 27, sex: 'female' }, chief_complaint: 'Fell off her bike', symptom_details: { mechanism: 'landed on her right side' } });
    expect(symptom(fall, 'one_sided_pain')).not.toBe(true);
  });
});
