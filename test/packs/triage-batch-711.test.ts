import { describe, expect, it } from 'vitest';
import { factAt } from '../../src/packs/reading/reading.js';
import { triageReader } from '../support/triage-reading.js';

/**
 * Classes met in the triage batch tr-dev-711..750, in this file's own words and values. Readers: vague change words told as
 * lasting weeks, a question asked "over and over", "cut back" and "worse after" an activity, a limb's muscles said to hurt, a
 * finger or thumb said to be off. Dangers: a NICE amber breathing feature in a febrile under-5, a part of the body cut off, a
 * gastrostomy out and not back in, a swelling still growing after an operation, dizziness on standing with little or dark
 * urine. Named low-risk readings: melatonin swallowed by a well child, the bony lump below the kneecap of a sporty child.
 * From dev leftovers: repeated shocks from an implanted defibrillator, measles contact in pregnancy, and the whoop of a
 * coughing fit told apart from stridor. Each has its neighbour on the other side.
 */
const { read, says, dispose, symptom, fired } = triageReader();
const child = (age: number) => ({ age, sex: 'male' });

describe('triage: change in a person told as long-standing', () => {
  it('given a parent says a 6-year-old has been "not himself for the last three weeks", when read, then no confusion is read', () => {
    const r = says('He has been not himself for the last three weeks, tired after school', undefined, child(6));
    expect(symptom(r, 'confusion')).toBeUndefined();
    expect(fired(r)).not.toContain('altered_mental_status_low_acuity');
  });

  it('given "not himself since lunchtime", when read, then it is still the new change of an altered mental state', () => {
    const r = says('Grandad is not himself since lunchtime and keeps dozing', undefined, { age: 84 });
    expect(symptom(r, 'confusion')).toBe(true);
  });
});

describe('triage: repeated questions and sudden memory loss', () => {
  it('given a wife says he asks the same question over and over, when read at a GP in two days, then new confusion fires', () => {
    const r = says('Out of nowhere he is asking the same question over and over, he knows who I am', dispose('clinic_48h'), { age: 66, sex: 'male' });
    expect(symptom(r, 'confusion')).toBe(true);
    expect(fired(r)).toContain('altered_mental_status_low_acuity');
  });

  it('given "sudden memory loss" as the complaint, when read, then it is confusion; "confused about which tablet to take" is not', () => {
    expect(symptom(read({ caller_demographics: { age: 70 }, chief_complaint: 'Sudden memory loss this afternoon' }), 'confusion')).toBe(true);
    expect(symptom(says('I am confused about which tablet to take first'), 'confusion')).toBeUndefined();
  });
});

describe('triage: words of doing less and of what brings pain on', () => {
  it('given advice to "cut back on running" and "cut down on coffee", when read, then no broken skin is read; "a cut on his back" is one', () => {
    const r = read({ chief_complaint: 'Shin ache' }, dispose('home_care', 'Rest, cut back on running and cut down on coffee'));
    expect(symptom(r, 'skin_broken')).toBeUndefined();
    expect(symptom(says('He has a cut on his back from the fence'), 'skin_broken')).toBe(true);
  });

  it('given `worse: after netball and on stairs`, when read, then no worsening course is read; "worse after two days" is one', () => {
    const r = read({ caller_demographics: child(13), chief_complaint: 'Sore ankle', symptom_details: { worse: 'after netball and on stairs' } });
    expect(factAt(r.facts, 'course.worsening')).toBeUndefined();
    const course = read({ caller_demographics: child(13), chief_complaint: 'Sore ankle', symptom_details: { trend: 'worse after two days of rest' } });
    expect(factAt(course.facts, 'course.worsening')).toBe(true);
  });
});

describe('triage: muscle pain with cola-coloured urine', () => {
  it('given "calves agonising" after a marathon and urine like cola, when read at home care, then the rhabdomyolysis hazard fires', () => {
    const r = says('Ran my first marathon yesterday, both calves are agonising and my wee is like cola');
    expect(symptom(r, 'muscle_pain_weakness')).toBe(true);
    expect(fired(r)).toContain('rhabdomyolysis_signs_low_acuity');
  });

  it('given sore thighs with pale urine, when read, then muscle pain is read and nothing fires', () => {
    const r = says('My thighs are sore after squats, wee is pale and normal');
    expect(symptom(r, 'muscle_pain_weakness')).toBe(true);
    expect(fired(r)).not.toContain('rhabdomyolysis_signs_low_acuity');
  });
});

describe('triage: NICE amber breathing features in a febrile child under 5', () => {
  const febrile = (extra: Record<string, unknown>, age = 2) => ({ caller_demographics: { age }, chief_complaint: 'Fever since yesterday', vital_signs: { temperature_c: 38.6, ...extra } });

  it('given a 2-year-old with 38.6 C and a home oximeter reading of 95, when home care is given, then the amber hazard fires; a GP visit clears it', () => {
    expect(fired(read(febrile({ spo2: 95 })))).toContain('febrile_child_amber_breathing_home_care');
    expect(fired(read(febrile({ spo2: 95 }), dispose('clinic_48h')))).not.toContain('febrile_child_amber_breathing_home_care');
  });

  it('given a parent says the nostrils go in and out with each breath, when read, then nasal flaring is read and the hazard fires', () => {
    const r = read({ ...febrile({}), conversation_history: [{ role: 'parent', content: 'Her nostrils are going in and out with each breath' }] });
    expect(symptom(r, 'nasal_flaring')).toBe(true);
    expect(fired(r)).toContain('febrile_child_amber_breathing_home_care');
  });

  it('given SpO2 97 and no flaring, or the same reading of 95 at age 7, when read, then the amber hazard does not fire', () => {
    expect(fired(read({ ...febrile({ spo2: 97 }), symptom_details: { breathing: 'no flaring or sucking in' } }))).not.toContain('febrile_child_amber_breathing_home_care');
    expect(fired(read(febrile({ spo2: 95 }, 7)))).not.toContain('febrile_child_amber_breathing_home_care');
  });
});

describe('triage: a part of the body cut off', () => {
  it('given "the end of his finger came off in the car door" or "severed the tip of my toe", when read at a clinic, then the amputation hazard fires', () => {
    expect(fired(says('The end of his finger came off in the car door', dispose('clinic_48h'), child(7)))).toContain('amputation_low_acuity');
    expect(fired(says('I severed the tip of my toe with the strimmer', dispose('urgent_care_today')))).toContain('amputation_low_acuity');
  });

  it('given a ring taken off a finger, a nail that came off a toe, or a small kitchen cut, when read, then no amputation is read', () => {
    expect(symptom(says('I took my ring off my finger because it is swollen'), 'amputation')).toBeUndefined();
    expect(symptom(says('My big toe nail came off after the marathon'), 'amputation')).toBeUndefined();
    expect(symptom(says('I cut my finger slicing bread, it stopped bleeding'), 'amputation')).toBeUndefined();
  });
});

describe('triage: a gastrostomy tube that has come out', () => {
  const tubeFed = { age: 15, conditions: ['gastrostomy button since 2019'] };

  it('given a gastrostomy button that fell out this morning with no spare, when read at urgent care, then the dislodged gastrostomy hazard fires', () => {
    const r = read({ caller_demographics: tubeFed, chief_complaint: 'Her button fell out this morning, we have no spare' }, dispose('urgent_care_today'));
    expect(symptom(r, 'gastrostomy_tube_out')).toBe(true);
    expect(fired(r)).toContain('dislodged_gastrostomy_low_acuity');
  });

  it('given the trained parent reinserted the spare, when read at home care, then nothing fires and the replacement is a fact', () => {
    const r = read({ caller_demographics: tubeFed, chief_complaint: 'Her button fell out, I reinserted the spare straight away and feeds are going in' });
    expect(factAt(r.facts, 'course.gastrostomy_replaced')).toBe(true);
    expect(fired(r)).not.toContain('dislodged_gastrostomy_low_acuity');
  });

  it('given a nasogastric tube that came out, or a tube with no gastrostomy named, when read, then the hazard does not fire', () => {
    expect(fired(read({ caller_demographics: { age: 80, conditions: ['nasogastric feeding'] }, chief_complaint: 'His feeding tube came out of his nose' }))).not.toContain('dislodged_gastrostomy_low_acuity');
    expect(fired(read({ caller_demographics: { age: 6 }, chief_complaint: 'His ear grommet tube came out' }))).not.toContain('dislodged_gastrostomy_low_acuity');
  });
});

describe('triage: a swelling still growing after an operation', () => {
  it('given the day after a hernia repair the groin is "still getting bigger" and tense, when read at home care or the GP in two days, then the haematoma hazard fires', () => {
    const state = { caller_demographics: { age: 58, sex: 'male' }, chief_complaint: 'Hernia repair yesterday', symptom_details: { groin: 'swollen, still getting bigger, tense' } };
    expect(fired(read(state))).toContain('post_procedure_expanding_swelling_low_acuity');
    expect(fired(read(state, dispose('clinic_48h')))).toContain('post_procedure_expanding_swelling_low_acuity');
    expect(fired(read(state, dispose('urgent_care_today')))).not.toContain('post_procedure_expanding_swelling_low_acuity');
  });

  it('given swelling "no bigger than yesterday" after the procedure, or a growing tense lump with no operation, when read, then it does not fire', () => {
    const settled = { caller_demographics: { age: 58, sex: 'male' }, chief_complaint: 'Sore after my vasectomy', symptom_details: { swelling: 'not getting bigger, soft', pain: '8/10' } };
    expect(fired(read(settled))).not.toContain('post_procedure_expanding_swelling_low_acuity');
    expect(fired(read({ caller_demographics: { age: 58 }, chief_complaint: 'A tense lump on my arm that keeps getting bigger' }))).not.toContain('post_procedure_expanding_swelling_low_acuity');
  });
});

describe('triage: dizziness on standing with little or dark urine', () => {
  it('given two days of vomiting, dizzy when she gets up and her wee is very dark, when read at home care, then the dehydration hazard fires', () => {
    const r = says('Two days of being sick, I go dizzy when I get up and my wee is very dark');
    expect(symptom(r, 'postural_dizziness')).toBe(true);
    expect(symptom(r, 'concentrated_urine')).toBe(true);
    expect(fired(r)).toContain('dehydration_signs_low_acuity');
  });

  it('given the same at an urgent care visit today, or dizziness on standing with pale urine, when read, then it does not fire', () => {
    expect(fired(says('Dizzy when I stand up and my urine is dark', dispose('urgent_care_today')))).not.toContain('dehydration_signs_low_acuity');
    expect(fired(says('A bit dizzy when I stand up quickly, wee is pale and plenty of it'))).not.toContain('dehydration_signs_low_acuity');
  });
});

describe('triage: melatonin swallowed by a child', () => {
  it('given a 2-year-old ate three melatonin gummies and is playing, when read at home care, then it is no poisoning and the overdose hazard does not fire', () => {
    const r = read({ caller_demographics: child(2), chief_complaint: 'She ate three melatonin gummies, the poison line said watch her at home, she is playing' });
    expect(symptom(r, 'poisoning')).toBeUndefined();
    expect(factAt(r.facts, 'ingestion.low_toxicity')).toBe(true);
    expect(fired(r)).not.toContain('overdose_low_acuity');
  });

  it('given the child is hard to wake, or ate the whole bottle, when read, then it stays a poisoning', () => {
    expect(fired(read({ caller_demographics: child(2), chief_complaint: 'She swallowed some melatonin gummies and is now floppy and hard to wake' }))).toContain('overdose_low_acuity');
    expect(symptom(read({ caller_demographics: child(2), chief_complaint: 'He ate the whole bottle of melatonin gummies, I rang poison control' }), 'poisoning')).toBe(true);
  });
});

describe('triage: a bony lump below the kneecap in a sporty child', () => {
  it('given an 11-year-old with a sore lump under the kneecap after rugby, when read at home care, then it is a self-care complaint, not one for a clinician', () => {
    const r = read({ caller_demographics: child(11), chief_complaint: 'Sore lump under his kneecap after rugby' });
    expect(symptom(r, 'clinic_complaint')).toBeUndefined();
    expect(factAt(r.facts, 'presentation.osgood_schlatter_pattern')).toBe(true);
  });

  it('given the same lump in a 45-year-old, or with a fever or night pain in the child, when read, then it stays a complaint for a clinician', () => {
    expect(symptom(read({ caller_demographics: { age: 45 }, chief_complaint: 'Sore lump under my kneecap' }), 'clinic_complaint')).toBe(true);
    expect(symptom(read({ caller_demographics: child(11), chief_complaint: 'Sore lump under his kneecap and a temperature of 38.5' }), 'clinic_complaint')).toBe(true);
    expect(symptom(read({ caller_demographics: child(11), chief_complaint: 'Lump under his kneecap that hurts at night' }), 'clinic_complaint')).toBe(true);
  });
});

describe('triage: shocks from an implanted defibrillator (dev leftover)', () => {
  const icd = { age: 64, sex: 'male', conditions: ['ICD since 2021'] };

  it('given the ICD "fired twice" in an hour, when the device clinic in two days is given, then the ICD shocks hazard fires', () => {
    const r = read({ caller_demographics: icd, chief_complaint: 'My ICD fired twice in the last hour, feel washed out' }, dispose('clinic_48h'));
    expect(symptom(r, 'icd_shocks_repeated')).toBe(true);
    expect(fired(r)).toContain('icd_shocks_low_acuity');
  });

  it('given one shock and feeling well, when read, then it does not fire; one shock with breathlessness does, at urgent care too', () => {
    expect(fired(read({ caller_demographics: icd, chief_complaint: 'The ICD went off once this morning, I feel fine now' }, dispose('clinic_48h')))).not.toContain('icd_shocks_low_acuity');
    expect(fired(read({ caller_demographics: icd, chief_complaint: 'The ICD went off and I am short of breath since' }, dispose('urgent_care_today')))).toContain('icd_shocks_low_acuity');
  });

  it('given "two shocks" from an electric fence with no ICD, when read, then the hazard does not fire', () => {
    expect(fired(read({ caller_demographics: { age: 30 }, chief_complaint: 'Got two shocks from the electric fence' }))).not.toContain('icd_shocks_low_acuity');
  });
});

describe('triage: measles contact in pregnancy (dev leftover)', () => {
  it('given a woman 14 weeks pregnant whose nephew has confirmed measles and her jabs are unknown, when home care is given, then the measles hazard fires', () => {
    const r = read({ caller_demographics: { age: 29, sex: 'F', gestation_weeks: 14 }, chief_complaint: 'My nephew has confirmed measles, he was here yesterday, I do not know about my jabs' });
    expect(symptom(r, 'measles_contact')).toBe(true);
    expect(fired(r)).toContain('measles_exposure_pregnancy_low_acuity');
  });

  it('given two MMR doses are recorded, or she is not pregnant, when read, then it does not fire', () => {
    expect(fired(read({ caller_demographics: { age: 29, sex: 'F', gestation_weeks: 14 }, chief_complaint: 'Contact with measles at work, I had two MMR as a child' }))).not.toContain('measles_exposure_pregnancy_low_acuity');
    expect(fired(read({ caller_demographics: { age: 29, sex: 'M' }, chief_complaint: 'Contact with measles at work' }))).not.toContain('measles_exposure_pregnancy_low_acuity');
  });
});

describe('triage: the whoop of a coughing fit (dev leftover)', () => {
  it('given coughing bouts that end in a whooping breath, when read, then no stridor is read; "whooping noise when he breathes in at rest" still is', () => {
    expect(symptom(says('Bouts of coughing then a whooping breath in, fine between them'), 'stridor')).toBeUndefined();
    expect(symptom(says('My colleague has whooping cough'), 'stridor')).toBeUndefined();
    expect(symptom(says('He is making a whooping noise when he breathes in, sitting still', undefined, child(2)), 'stridor')).toBe(true);
  });
});
