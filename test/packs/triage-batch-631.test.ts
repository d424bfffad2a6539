import { describe, expect, it } from 'vitest';
import { factAt } from '../../src/packs/reading/reading.js';
import { triageReader } from '../support/triage-reading.js';

/**
 * Classes met in the triage batch tr-dev-631..670, in this file's own words and values. Readers: "at once for …" in the
 * agent's advice, a tool-call argument named for the safety net, a checklist of criteria answered yes or no (its
 * thresholds no measurement), a temperature key naming where it was taken, what a web search said, "worse with …" as a
 * trigger, a blister pack, lay words for drowsiness and confusion. Named presentations: a pressure ulcer, stools coloured
 * by iron, a closure due out, pelvic girdle pain, a harmless extra statin. Dangers: camphor, an urge to push, a fever in
 * pregnancy, a pulseless hand below an injury, vomiting with a swollen tummy, a blood lead level, paracetamol dosing over
 * the maximum, bleeding that will not stop with shock. Each has its neighbour on the other side.
 */
const { read, dispose, symptom, fired } = triageReader();

describe('triage: the agent\'s safety net said with "at once for" or in an argument named for it', () => {
  it('when the advice says "call the unit at once for bleeding, waters breaking or fewer movements", then none of them is found', () => {
    const r = read({ caller_demographics: { age: 31, sex: 'F', gestation_weeks: 38 }, chief_complaint: 'Backache in late pregnancy' },
      dispose('home_care', 'Warm bath and rest; ring the maternity unit at once for bleeding, waters breaking or fewer movements'));
    for (const s of ['vaginal_bleeding', 'waters_broken', 'reduced_fetal_movements']) expect(symptom(r, s), s).toBeUndefined();
  });

  it('when "once" says how often ("once a day for pain or fever"), then nothing changes, and a caller\'s own bleeding still counts', () => {
    const r = read({ caller_demographics: { age: 31, sex: 'F', gestation_weeks: 38 }, chief_complaint: 'Some fresh bleeding this evening' },
      dispose('home_care', 'Rest; ring the unit at once for heavier bleeding or pain'));
    expect(symptom(r, 'vaginal_bleeding')).toBe(true);
  });

  it('when a `return_if` argument lists fever and severe pain, then neither is found; the same words in `reason` are', () => {
    const net = read({ chief_complaint: 'Flare of my usual bowel condition' }, dispose('clinic_48h', 'Specialist nurse in two days', { return_if: 'fever, a racing pulse or severe pain: same day' }));
    expect(symptom(net, 'fever')).toBeUndefined();
    expect(net.facts.severity).not.toBe('severe');
    const said = read({ chief_complaint: 'Flare of my usual bowel condition' }, dispose('clinic_48h', 'Specialist nurse in two days', { reason: 'fever and severe pain' }));
    expect(symptom(said, 'fever')).toBe(true);
  });
});

describe('triage: a checklist of criteria answered yes or no', () => {
  const checklist = (rows: Record<string, unknown>[]) => read({ caller_demographics: { age: 84, sex: 'male' }, chief_complaint: 'Cloudy urine', symptom_details: { checks: rows } });

  it('when every row is answered false, then each finding is denied and the threshold in a row is no temperature', () => {
    const r = checklist([{ item: 'new confusion', result: false }, { item: 'shaking chills (rigors)', result: false }, { item: 'temperature over 38.3 C', result: 'no' }]);
    expect(symptom(r, 'confusion')).toBe(false);
    expect(symptom(r, 'rigors')).toBe(false);
    expect(factAt(r.facts, 'vitals.temperature_c')).toBeUndefined();
  });

  it('when a row is answered yes, then it is found, and an unanswered row is read as said', () => {
    const r = checklist([{ question: 'new confusion', answer: 'yes' }, { item: 'rigors', result: 'not checked' }]);
    expect(symptom(r, 'confusion')).toBe(true);
    expect(symptom(r, 'rigors')).toBe(true);
  });

  it('when a temperature key names where it was taken (TEMP_TYMP_C, temp_rectal_c), then it is read in its unit', () => {
    expect(factAt(read({ vital_signs: { TEMP_TYMP_C: 38.9 } }).facts, 'vitals.temperature_c')).toBe(38.9);
    expect(factAt(read({ vital_signs: { temp_rectal_c: 36.4 } }).facts, 'vitals.temperature_c')).toBe(36.4);
  });
});

describe('triage: words that look like a finding and are not', () => {
  it('when the caller says what a search said ("I looked online and it said a bleed"), then it is no finding; her own words still are', () => {
    const r = read({ conversation_history: [{ role: 'caller', content: 'I searched my symptoms online and it said internal bleeding could do this' }] });
    expect(symptom(r, 'vaginal_bleeding')).toBeUndefined();
    const own = read({ conversation_history: [{ role: 'caller', content: 'I have some bleeding today, the website said to ring you' }] });
    expect(symptom(own, 'vaginal_bleeding')).toBe(true);
    // After a comma the caller speaks again: "…it said bleeding, and now she is bleeding" keeps the second.
    const after = read({ conversation_history: [{ role: 'caller', content: 'I googled it and it said bleeding can happen, and now I am bleeding quite a lot' }] });
    expect(symptom(after, 'vaginal_bleeding')).toBe(true);
  });

  it('when pain is "worse with walking", then it is no worsening course; "getting worse since Monday" is', () => {
    expect(factAt(read({ chief_complaint: 'Hip ache, worse with walking' }).facts, 'course.worsening')).toBeUndefined();
    expect(factAt(read({ chief_complaint: 'Hip ache getting worse since Monday' }).facts, 'course.worsening')).toBe(true);
    expect(factAt(read({ chief_complaint: 'Hip ache, worse with each day' }).facts, 'course.worsening')).toBe(true);
  });

  it('when the pain is on "the right side of the neck", then it is no one-sided belly pain; "the left side of my tummy" still is', () => {
    const neck = read({ caller_demographics: { age: 44, sex: 'M' }, chief_complaint: 'Stiff neck', symptom_details: { onset: 'woke with pain on the right side of the neck' } });
    expect(symptom(neck, 'one_sided_pain')).toBeUndefined();
    expect(symptom(neck, 'abdominal_pain')).toBeUndefined();
    expect(symptom(read({ caller_demographics: { age: 44, sex: 'M' }, chief_complaint: 'Sharp pain on the left side of my tummy' }), 'one_sided_pain')).toBe(true);
  });

  it('when a tablet came "out of the blister", then no skin blister is read; a blister on the heel still is', () => {
    expect(symptom(read({ chief_complaint: 'Popped a second tablet out of the blister by mistake' }), 'blistering')).toBeUndefined();
    expect(symptom(read({ chief_complaint: 'A blister on my heel from new shoes' }), 'blistering')).toBe(true);
  });

  it('when a relative says he is "sleepier" and "asked what year it was", then drowsiness and confusion are read; "sleepy after lunch" is not', () => {
    const r = read({ caller_demographics: { age: 72 }, chief_complaint: 'Sleepier than usual and asked what year it was twice' });
    expect(symptom(r, 'drowsy')).toBe(true);
    expect(symptom(r, 'confusion')).toBe(true);
    expect(symptom(read({ chief_complaint: 'A bit sleepy after lunch' }), 'drowsy')).toBeUndefined();
  });
});

describe('triage: named low-risk presentations read with their reassuring findings', () => {
  it('when a non-blanching red area over the heel of a bed-bound woman has intact skin and no fever, then it is a pressure ulcer, not a meningitis rash', () => {
    const r = read({ caller_demographics: { age: 79, sex: 'F' }, chief_complaint: 'Red area over her heel that does not fade when pressed, skin intact, no fever' }, dispose('clinic_48h'));
    expect(factAt(r.facts, 'presentation.pressure_ulcer_intact_skin')).toBe(true);
    expect(symptom(r, 'non_blanching_rash')).toBeUndefined();
    expect(fired(r)).not.toContain('meningitis_rash_not_ems');
  });

  it.each([
    ['purple spots', 'Purple spots over her heel that do not fade'],
    ['a fever', 'Red area over the sacrum that does not fade, temperature 38.4'],
  ])('when the non-blanching area comes with %s, then the rash stays', (_, text) => {
    const r = read({ caller_demographics: { age: 79, sex: 'F' }, chief_complaint: text }, dispose('clinic_48h'));
    expect(symptom(r, 'non_blanching_rash')).toBe(true);
  });

  it('when a child has a non-blanching mark over the buttock, then the rash stays (the pressure reading is for adults)', () => {
    expect(symptom(read({ caller_demographics: { age: 3 }, chief_complaint: 'Red mark on his buttock that does not fade' }), 'non_blanching_rash')).toBe(true);
  });

  it('when stools turn black on ferrous sulfate, formed and not tarry, no dizziness, then no GI bleed; tarry or faint keeps it', () => {
    const iron = { caller_demographics: { age: 45, sex: 'F', medications: ['ferrous sulfate 200 mg'] } };
    const ok = read({ ...iron, chief_complaint: 'Black stools since starting ferrous sulfate, formed, not sticky, no dizziness' });
    expect(factAt(ok.facts, 'presentation.medicine_coloured_stool')).toBe(true);
    expect(fired(ok)).not.toContain('gi_bleeding_low_acuity');
    expect(fired(read({ ...iron, chief_complaint: 'Black tarry sticky stools on ferrous sulfate' }))).toContain('gi_bleeding_low_acuity');
    expect(fired(read({ ...iron, chief_complaint: 'Black stools on ferrous sulfate and I fainted this morning' }))).toContain('gi_bleeding_low_acuity');
    expect(fired(read({ caller_demographics: { age: 45 }, chief_complaint: 'Black stools since yesterday, formed' }))).toContain('gi_bleeding_low_acuity');
  });

  it('when stitches are due out ten days after the A&E visit and the wound has healed, then it is a follow-up; pus keeps it a wound', () => {
    const r = read({ chief_complaint: 'Cut on my forearm, stitches out please, seen in A&E 10 days ago, healed well' }, dispose('clinic_48h'));
    expect(factAt(r.facts, 'presentation.wound_closure_follow_up')).toBe(true);
    expect(symptom(r, 'injury_needs_care')).toBeUndefined();
    const infected = read({ chief_complaint: 'Cut on my forearm, stitches out please, 10 days ago, healed but some pus today' }, dispose('clinic_48h'));
    expect(factAt(infected.facts, 'presentation.wound_closure_follow_up')).toBeUndefined();
  });

  it('when pain over the pubic bone in pregnancy comes on stairs, with no bleeding, then it is pelvic girdle pain; unknown bleeding or tightenings keep the pain', () => {
    const preg = { caller_demographics: { age: 29, sex: 'F', gestation_weeks: 31 } };
    const pgp = read({ ...preg, chief_complaint: 'Pelvic pain over the pubic bone, worse with stairs, no bleeding' }, dispose('clinic_48h'));
    expect(factAt(pgp.facts, 'presentation.pelvic_girdle_pain')).toBe(true);
    expect(symptom(pgp, 'abdominal_pain')).toBeUndefined();
    const unknown = read({ ...preg, chief_complaint: 'Pelvic pain over the pubic bone, worse with stairs' }, dispose('clinic_48h'));
    expect(symptom(unknown, 'abdominal_pain')).toBe(true);
    const tight = read({ ...preg, chief_complaint: 'Pelvic pain over the pubic bone on stairs, no bleeding, but tightenings every ten minutes' }, dispose('clinic_48h'));
    expect(symptom(tight, 'abdominal_pain')).toBe(true);
  });

  it('when an adult took a second simvastatin by mistake and feels well, then no overdose; three tablets, a child or a one-pill drug keep it', () => {
    const extra = read({ caller_demographics: { age: 58 }, chief_complaint: 'Took a double dose of my simvastatin by mistake, 2 tablets, feel fine' });
    expect(factAt(extra.facts, 'ingestion.extra_dose_low_harm')).toBe(true);
    expect(fired(extra)).not.toContain('overdose_low_acuity');
    expect(symptom(read({ caller_demographics: { age: 58 }, chief_complaint: 'Took too many simvastatin by mistake, 5 tablets' }), 'overdose')).toBe(true);
    expect(symptom(read({ caller_demographics: { age: 58 }, chief_complaint: 'Took a double dose of simvastatin and amlodipine by mistake, 2 tablets' }), 'overdose')).toBe(true);
  });
});

describe('triage: dangers said in parts', () => {
  it('when a toddler ate some vapour rub, then it is a poisoning with a one-swallow agent (camphor); a lick of lip balm is not', () => {
    const r = read({ caller_demographics: { age: 2 }, chief_complaint: 'He ate some of the vapour rub, about a spoonful' });
    expect(symptom(r, 'poisoning')).toBe(true);
    expect(fired(r)).toContain('overdose_low_acuity');
    expect(symptom(read({ caller_demographics: { age: 2 }, chief_complaint: 'She ate a little lip balm, a lick of it' }), 'poisoning')).toBeUndefined();
  });

  it('when a woman at 40 weeks says she needs to push, then the imminent birth hazard fires; "push" of a pram does not', () => {
    const r = read({ caller_demographics: { age: 28, sex: 'F', gestation_weeks: 40 }, chief_complaint: 'Contractions every three minutes and she feels like pushing now, says she needs to push' });
    expect(fired(r)).toContain('imminent_birth_low_acuity');
    expect(fired(read({ caller_demographics: { age: 28, sex: 'M' }, chief_complaint: 'Sore wrist when I push the pram' }))).not.toContain('imminent_birth_low_acuity');
  });

  it('when a pregnant woman has a temperature of 38.2 and home care, then the fever hazard fires; 37.4 or a same-day appointment does not', () => {
    const preg = { caller_demographics: { age: 33, sex: 'F', gestation_weeks: 18 } };
    expect(fired(read({ ...preg, chief_complaint: 'Sore throat', vital_signs: { temperature_c: 38.2 } }))).toContain('fever_in_pregnancy_low_acuity');
    expect(fired(read({ ...preg, chief_complaint: 'Sore throat, no fever', vital_signs: { temperature_c: 37.4 } }))).not.toContain('fever_in_pregnancy_low_acuity');
    expect(fired(read({ ...preg, chief_complaint: 'Sore throat', vital_signs: { temperature_c: 38.2 } }, dispose('urgent_care_today')))).not.toContain('fever_in_pregnancy_low_acuity');
  });

  it('when a wrist is out of shape after a fall and the hand is white and cold, or no pulse can be felt, then limb ischaemia fires below the ED', () => {
    const r = read({ caller_demographics: { age: 11 }, chief_complaint: 'Fell off his bike, wrist at an odd angle, fingers white and cold' }, dispose('urgent_care_today'));
    expect(symptom(r, 'limb_ischaemia')).toBe(true);
    expect(fired(r)).toContain('limb_ischaemia_after_injury_low_acuity');
    const pulse = read({ caller_demographics: { age: 70 }, chief_complaint: 'She fell on her arm', symptom_details: { wrist_pulse: 'I can\'t feel it' } }, dispose('urgent_care_today'));
    expect(symptom(pulse, 'limb_ischaemia')).toBe(true);
    expect(fired(read({ caller_demographics: { age: 11 }, chief_complaint: 'Fell off his bike, wrist at an odd angle' }, dispose('urgent_care_today')))).not.toContain('limb_ischaemia_after_injury_low_acuity');
    // Cold white fingers with no injury (a winter walk) are none.
    expect(symptom(read({ caller_demographics: { age: 35 }, chief_complaint: 'Fingers go white and cold in winter' }), 'limb_ischaemia')).toBeUndefined();
  });

  it('when a baby keeps vomiting and the tummy "looks swollen", then the distension hazard fires; an adult or vomiting alone does not', () => {
    expect(fired(read({ caller_demographics: { age_months: 14 }, chief_complaint: 'Vomiting', symptom_details: { vomiting: 'four times', tummy: 'looks swollen and hard' } }))).toContain('child_vomiting_with_distension_low_acuity');
    expect(fired(read({ caller_demographics: { age_months: 14 }, chief_complaint: 'Vomited twice, tummy soft' }))).not.toContain('child_vomiting_with_distension_low_acuity');
    expect(fired(read({ caller_demographics: { age: 30 }, chief_complaint: 'Vomiting and my tummy is swollen' }))).not.toContain('child_vomiting_with_distension_low_acuity');
  });

  it('when a result record gives a blood lead of 61 ug/dL with vomiting, then the lead hazard fires at clinic; 12 ug/dL does not; umol/L is converted', () => {
    const lab = (value: number, unit: string, extra = '') => read({ caller_demographics: { age: 2 }, chief_complaint: `Lab result callback${extra}`, symptom_details: { result: { analyte: 'Lead, blood', value, unit } } }, dispose('clinic_48h'));
    const high = lab(61, 'ug/dL', ', he has been vomiting');
    expect(factAt(high.facts, 'lab.blood_lead_ug_dl')).toBe(61);
    expect(fired(high)).toContain('blood_lead_urgent_low_acuity');
    expect(fired(lab(12, 'ug/dL', ', he has been vomiting'))).not.toContain('blood_lead_urgent_low_acuity');
    expect(factAt(lab(3.6, 'umol/L').facts, 'lab.blood_lead_ug_dl')).toBeCloseTo(74.5, 0);
    // "Leading to", "the lead on the dog" measure nothing.
    expect(factAt(read({ chief_complaint: 'Tripped over the dog lead 2 days ago' }).facts, 'lab.blood_lead_ug_dl')).toBeUndefined();
  });

  it('when the advice doses paracetamol 7.5 ml of 120 mg/5 ml for a 9-month-old, or 5 times a day, then the dosing hazard fires; 5 ml four times a day does not', () => {
    const baby = { caller_demographics: { age_months: 9 }, chief_complaint: 'Teething and a bit warm' };
    const advise = (advice: unknown) => read(baby, dispose('home_care', 'Home care with dosing advice', { advice }));
    expect(fired(advise({ medicine: 'paracetamol 120 mg/5 ml', dose: '7.5 ml', frequency: 'every 4-6 hours, max 4 doses in 24 hours' }))).toContain('paracetamol_dosing_over_max_low_acuity');
    expect(fired(advise('Calpol infant 5 ml, up to 5 times a day'))).toContain('paracetamol_dosing_over_max_low_acuity');
    expect(fired(advise({ medicine: 'paracetamol 120 mg/5 ml', dose: '5 ml', frequency: 'every 4-6 hours, no more than 4 doses in 24 hours' }))).not.toContain('paracetamol_dosing_over_max_low_acuity');
    // A total for the day is no single dose: "2 g today" to an adult is within the maximum.
    const adult = read({ caller_demographics: { age: 50 } }, dispose('home_care', 'Accidental extra paracetamol: 2 g in total today, no more until tomorrow'));
    expect(factAt(adult.facts, 'paracetamol_dosing_over_max')).toBeUndefined();
  });

  it('when bleeding soaks through two towels and the patient is sweaty, then an ambulance is needed even for a drive to A&E; without shock the ED is enough', () => {
    const shock = read({ caller_demographics: { age: 66 }, chief_complaint: 'Cut on the leg, blood soaked through two towels, he is sweaty and grey' }, dispose('emergency_department'));
    expect(fired(shock)).toContain('uncontrolled_bleeding_shock_not_ems');
    const calm = read({ caller_demographics: { age: 66 }, chief_complaint: 'Cut on the leg, blood soaked through two towels, he feels fine' }, dispose('emergency_department'));
    expect(fired(calm)).not.toContain('uncontrolled_bleeding_shock_not_ems');
    // Nappies or pads soaked are no bleeding that will not stop.
    expect(symptom(read({ caller_demographics: { age_months: 8 }, chief_complaint: 'He has soaked two nappies since lunch' }), 'uncontrolled_bleeding')).toBeUndefined();
  });
});
