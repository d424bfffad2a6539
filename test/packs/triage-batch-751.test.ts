import { describe, expect, it } from 'vitest';
import { factAt } from '../../src/packs/reading/reading.js';
import { triageReader } from '../support/triage-reading.js';

/**
 * Classes met in the triage batch tr-dev-751..790, in this file's own words and values. Readers: what an examination looked
 * for ("checked arm drift") is not its result; "floppy" said of the lips is no drowsy person; a side word before a part of
 * the face is a face sign; a height where the patient is now (metres or feet) and the saturation expected there. Named
 * readings: a face droop that takes in the forehead with strong limbs (a facial nerve palsy), swelling under a fresh cast,
 * bleeding after the abortion medicines, a household product on the skin only, breathlessness on exertion at altitude,
 * numbness of a limb just injured, painless spotting under 6 weeks. New dangers: a cast with signs of compartment syndrome,
 * both legs weak with tingling (Guillain-Barre), fever with a sunburn-like rash and a tampon (toxic shock), pressure on the
 * neck by another person, unsteadiness or confusion at altitude. Each has its neighbour on the other side.
 */
const { read, says, dispose, symptom, fired } = triageReader();
const adult = (age = 40, sex = 'female') => ({ age, sex });

describe('triage: a face droop that takes in the forehead', () => {
  const palsy = (extra: Record<string, unknown> = {}, age = 38) =>
    read({ caller_demographics: adult(age), chief_complaint: 'The right side of my face is drooping', symptom_details: { forehead: 'cannot wrinkle it on the right', limbs: 'normal strength in both arms and legs', ...extra } });

  it('given a droop with the forehead unable to wrinkle and limbs said to be strong, when read at home care, then it is a facial palsy, not a stroke sign', () => {
    const r = palsy();
    expect(symptom(r, 'stroke_face')).toBeUndefined();
    expect(symptom(r, 'facial_palsy')).toBe(true);
    expect(fired(r)).not.toContain('stroke_signs_not_ems');
    expect(fired(r)).toContain('facial_palsy_steroid_window_low_acuity');
  });

  it('given the same palsy sent to same-day urgent care, when read, then no hazard fires', () => {
    const r = read({ caller_demographics: adult(38), chief_complaint: 'The right side of my face is drooping', symptom_details: { forehead: 'cannot wrinkle it on the right', limbs: 'normal strength in both arms and legs' } }, dispose('urgent_care_today'));
    expect(fired(r)).toEqual([]);
  });

  it('given a droop whose forehead still moves, when read, then the stroke sign stays', () => {
    const r = palsy({ forehead: 'she can still raise her eyebrows' });
    expect(symptom(r, 'stroke_face')).toBe(true);
    expect(fired(r)).toContain('stroke_signs_not_ems');
  });

  it('given a forehead that cannot wrinkle but nothing said of the limbs, or slurred speech, when read, then the stroke sign stays', () => {
    const unknownLimbs = read({ caller_demographics: adult(55), chief_complaint: 'Face drooping on the left and the forehead will not wrinkle, cannot wrinkle it' });
    expect(symptom(unknownLimbs, 'stroke_face')).toBe(true);
    expect(symptom(palsy({ speech: 'slurred since lunch' }), 'stroke_face')).toBe(true);
  });

  it('given a 12-year-old with the same words, when read, then the stroke sign stays (the adult reading starts at 16)', () => {
    expect(symptom(palsy({}, 12), 'stroke_face')).toBe(true);
  });
});

describe('triage: words around face and arm signs', () => {
  it('given "checked arm drift on the video, both stayed up", when read, then no arm weakness is read from the test named', () => {
    const r = says('He checked arm drift on the video call and both stayed up');
    expect(symptom(r, 'stroke_arm')).not.toBe(true);
  });

  it('given "his left arm is weak and keeps dropping", when read, then arm weakness is read', () => {
    expect(symptom(says('His left arm is weak and keeps dropping'), 'stroke_arm')).toBe(true);
  });

  it('given "can\'t raise the left eyebrow", when read, then it is a face sign and not an arm sign', () => {
    const r = says("She can't raise the left eyebrow since this morning");
    expect(symptom(r, 'stroke_arm')).not.toBe(true);
    expect(symptom(r, 'stroke_face')).toBe(true);
  });

  it('given "my lips feel floppy", when read, then no drowsiness is read; "the baby is floppy" still is', () => {
    expect(symptom(says('My lips feel floppy on one side'), 'drowsy')).not.toBe(true);
    expect(symptom(says('The baby is floppy and hard to wake', undefined, { age: 0.5 }), 'drowsy')).toBe(true);
  });
});

describe('triage: a fracture already in a cast', () => {
  it('given a set fracture in a cast with puffy fingers that settle when raised, pink and warm, pain 2/10, when read at home care, then no injury hazard fires', () => {
    const r = read({ caller_demographics: adult(8, 'male'), chief_complaint: 'Fingers puffy in his new cast', symptom_details: { injury: 'broken wrist, full cast applied at the hospital today', fingers: 'pink and warm, puffiness better with the arm raised', pain: '2/10' } });
    expect(symptom(r, 'injury_needs_care')).toBeUndefined();
    expect(fired(r)).toEqual([]);
  });

  it('given fingers numb and pale under the cast, when read at home care, then the cast compromise hazard fires', () => {
    const r = read({ caller_demographics: adult(8, 'male'), chief_complaint: 'Broken wrist in a cast', symptom_details: { fingers: 'numb and pale compared with the other hand' } });
    expect(fired(r)).toContain('cast_compromise_low_acuity');
  });

  it('given a cast said to feel too tight, or a pain of 8/10, when read at urgent care, then the cast compromise hazard fires; at the emergency department it does not', () => {
    const tight = read({ caller_demographics: adult(30), chief_complaint: 'Fractured ankle and the cast feels too tight' }, dispose('urgent_care_today'));
    expect(fired(tight)).toContain('cast_compromise_low_acuity');
    const pain = read({ caller_demographics: adult(30), chief_complaint: 'Fractured ankle in plaster', symptom_details: { pain: '8/10' } }, dispose('emergency_department'));
    expect(symptom(pain, 'cast_compromise')).toBe(true);
    expect(fired(pain)).not.toContain('cast_compromise_low_acuity');
  });
});

describe('triage: bleeding after the abortion medicines', () => {
  it('given bleeding like a heavy period with clots the day after misoprostol, no fever and cramps easing, when read at home care, then no pregnancy bleeding hazard fires', () => {
    const r = says('I took the misoprostol yesterday. Bleeding like a heavy period with some large clots, cramps easing with ibuprofen, no fever.', undefined, adult(29));
    expect(symptom(r, 'vaginal_bleeding')).toBeUndefined();
    expect(fired(r)).toEqual([]);
  });

  it('given the abortion pills and a pad soaked every hour, when read at home care, then a bleeding hazard fires', () => {
    const r = says('Took the abortion pills yesterday and I am soaking through a pad every hour', undefined, adult(29));
    expect(fired(r).length).toBeGreaterThan(0);
  });

  it('given the abortion pills with bleeding and a sharp pain low on one side, when read, then she is read as pregnant and the ectopic hazard fires', () => {
    const r = says('Abortion pill two days ago, bleeding, and a sharp pain low on the left side', undefined, adult(29));
    expect(r.facts.pregnant).toBe(true);
    expect(fired(r)).toContain('ectopic_pregnancy_low_acuity');
  });

  it('given the abortion pills with bleeding and a temperature of 38.3, when read, then the bleeding stays', () => {
    const r = read({ caller_demographics: adult(29), chief_complaint: 'Bleeding after the abortion pills', vital_signs: { temperature_c: 38.3 } });
    expect(symptom(r, 'vaginal_bleeding')).toBe(true);
  });
});

describe('triage: painless bleeding in a pregnancy under 6 weeks', () => {
  it('given 5 weeks with light spotting and no pain at all, when read at home care, then no pregnancy bleeding hazard fires', () => {
    const r = read({ caller_demographics: { age: 27, sex: 'female', gestation_weeks: 5 }, chief_complaint: 'Light spotting on wiping', conversation_history: [{ role: 'caller', content: 'A little pink spotting, no pain at all, I feel well.' }] });
    expect(fired(r)).not.toContain('pregnancy_bleeding_low_acuity');
  });

  it('given the same with cramping pain, a previous ectopic, or at 7 weeks, when read, then the hazard fires', () => {
    const base = (extra: Record<string, unknown>, weeks = 5) => read({ caller_demographics: { age: 27, sex: 'female', gestation_weeks: weeks }, chief_complaint: 'Light spotting', ...extra });
    expect(fired(base({ conversation_history: [{ role: 'caller', content: 'Spotting and some cramping pain' }] }))).toContain('pregnancy_bleeding_low_acuity');
    expect(fired(base({ conversation_history: [{ role: 'caller', content: 'Spotting, no pain at all. I had an ectopic before.' }] }))).toContain('pregnancy_bleeding_low_acuity');
    expect(fired(base({ conversation_history: [{ role: 'caller', content: 'Spotting, no pain at all' }] }, 7))).toContain('pregnancy_bleeding_low_acuity');
  });
});

describe('triage: a household product on the skin only', () => {
  it('given a washing capsule that burst on a toddler\'s hand, washed off, and never near the mouth, when read at home care, then no poisoning is read', () => {
    const r = read({ caller_demographics: adult(3), chief_complaint: 'Washing capsule burst on her hand', conversation_history: [{ role: 'parent', content: 'I washed it straight off. She never put it near her mouth.' }] });
    expect(symptom(r, 'poisoning')).toBeUndefined();
    expect(fired(r)).toEqual([]);
  });

  it('given the capsule on the hand with nothing said of the mouth, or bitten into, when read, then it stays a poisoning', () => {
    expect(symptom(read({ caller_demographics: adult(3), chief_complaint: 'Washing capsule burst on his hand, washed it off' }), 'poisoning')).toBe(true);
    expect(fired(read({ caller_demographics: adult(2), chief_complaint: 'A laundry pod burst in his mouth' }))).toContain('overdose_low_acuity');
  });
});

describe('triage: both legs weak with tingling', () => {
  it('given tingling feet and legs giving way on the stairs over three days, when read at a GP in two days, then the ascending weakness hazard fires', () => {
    const r = says('My feet have been tingling since Sunday and now my legs keep giving way, I cannot climb the stairs', dispose('clinic_48h'), adult(45, 'male'));
    expect(fired(r)).toContain('ascending_weakness_low_acuity');
  });

  it('given legs weak after a marathon with no tingling, or tingling and weak legs for two years, when read, then it does not fire', () => {
    expect(fired(says('My legs feel weak after the marathon yesterday', undefined, adult(30)))).not.toContain('ascending_weakness_low_acuity');
    const chronic = read({ caller_demographics: adult(66), chief_complaint: 'Tingling feet and weak legs', symptom_details: { duration: '2 years' } });
    expect(fired(chronic)).not.toContain('ascending_weakness_low_acuity');
  });
});

describe('triage: fever with a tampon in', () => {
  it('given a tampon, 39.6 C and a red rash all over like sunburn, when read at home care, then the toxic shock hazard fires', () => {
    const r = read({ caller_demographics: adult(19), chief_complaint: 'High temperature and a rash', symptom_details: { rash: 'red all over like sunburn', period: 'tampon in since this morning' }, vital_signs: { temperature_c: 39.6 } });
    expect(fired(r)).toContain('toxic_shock_low_acuity');
  });

  it('given a tampon with vomiting and a fever but no rash and no dizziness, when read, then it does not fire; with a near-faint it does', () => {
    const plain = says('On my period with a tampon, temperature 38.5 and being sick, otherwise fine', undefined, adult(20));
    expect(fired(plain)).not.toContain('toxic_shock_low_acuity');
    const faint = says('On my period with a tampon, temperature 38.5, being sick and I nearly fainted', undefined, adult(20));
    expect(fired(faint)).toContain('toxic_shock_low_acuity');
  });
});

describe('triage: pressure on the neck by another person', () => {
  it('given a caller whose partner squeezed her neck last night, when read at a GP in two days, then the strangulation hazard fires', () => {
    expect(fired(says('My partner squeezed my neck last night and now my voice is croaky', dispose('clinic_48h'), adult(33)))).toContain('non_fatal_strangulation_low_acuity');
  });

  it('given a child who choked on a grape and coughed it up, or a relative\'s history, when read, then no strangulation is read', () => {
    expect(symptom(says('He choked on a grape and coughed it straight up, fine now', undefined, adult(4, 'male')), 'strangulation')).not.toBe(true);
    expect(symptom(says('Sore throat. My dad strangled my mum years ago and I still get anxious', undefined, adult(30)), 'strangulation')).not.toBe(true);
  });
});

describe('triage: oxygen saturation at altitude', () => {
  it('given SpO2 88% at a lodge at 3,400 m, when read, then the altitude is read and the low saturation is the one expected there', () => {
    const r = read({ caller_demographics: { age: 50, sex: 'male', location: 'Tea house lodge (3,400 m)' }, chief_complaint: 'Mild headache', vital_signs: { spo2: 88 } });
    expect(r.facts.altitude_m).toBe(3400);
    expect(r.facts.spo2_expected_for_altitude).toBe(true);
    expect(fired(r)).not.toContain('hypoxia_low_acuity');
  });

  it('given SpO2 80% at 3,500 m, or 88% with no altitude, when read, then the hypoxia hazard fires', () => {
    expect(fired(read({ caller_demographics: { age: 50, location: 'Camp at 3,500 m' }, chief_complaint: 'Cough', vital_signs: { spo2: 80 } }))).toContain('hypoxia_low_acuity');
    expect(fired(read({ chief_complaint: 'Cough', vital_signs: { spo2: 88 } }))).toContain('hypoxia_low_acuity');
  });

  it('given a height in feet said as where they are, when read, then it is converted to metres; a distance walked is no altitude', () => {
    expect(says('We are skiing at 10,000 ft and I have a mild headache').facts.altitude_m).toBe(3048);
    expect(says('Walked 3000 m along the canal today').facts.altitude_m).toBeUndefined();
    expect(says('Came up from the village (2,600 m) and now at 3,900 m').facts.altitude_m).toBe(3900);
  });

  it('given unsteadiness and muddle at 4,300 m, when read at home care, then the altitude illness hazard fires; the same at sea level does not fire it', () => {
    const high = read({ caller_demographics: { age: 40, location: 'Dingboche, about 4,300 m' }, chief_complaint: 'Staggering and muddled since this morning' });
    expect(fired(high)).toContain('high_altitude_illness_low_acuity');
    expect(fired(read({ caller_demographics: { age: 40 }, chief_complaint: 'Staggering and muddled since this morning' }))).not.toContain('high_altitude_illness_low_acuity');
  });

  it('given breathless on the climb but not at rest, SpO2 as expected at 3,400 m, when read, then no breathlessness is read; breathless at rest there still is', () => {
    const exertion = read({ caller_demographics: { age: 50, location: 'Lodge (3,400 m)' }, chief_complaint: 'Headache', symptom_details: { breathing: 'breathless on the climb, not at rest' }, vital_signs: { spo2: 88 } });
    expect(symptom(exertion, 'dyspnea')).toBeUndefined();
    const rest = read({ caller_demographics: { age: 50, location: 'Lodge (3,400 m)' }, chief_complaint: 'Headache', symptom_details: { breathing: 'breathless even at rest' }, vital_signs: { spo2: 88 } });
    expect(symptom(rest, 'dyspnea')).toBe(true);
    expect(fired(rest)).toContain('high_altitude_illness_low_acuity');
  });
});

describe('triage: numbness of a limb just injured', () => {
  it('given tingling over the upper arm after a shoulder dislocation, when read at the emergency department, then no stroke sign is read', () => {
    const r = read({ caller_demographics: adult(24, 'male'), chief_complaint: 'Dislocated shoulder at rugby', symptom_details: { numbness: 'tingly over the outer upper arm' } }, dispose('emergency_department'));
    expect(symptom(r, 'stroke_arm')).toBeUndefined();
    expect(factAt(r.facts, 'presentation.numbness_of_injured_limb')).toBe(true);
    expect(fired(r)).toEqual([]);
  });

  it('given a fall with a sore wrist and one side of the body numb, when read, then the stroke sign stays', () => {
    expect(symptom(says('Fell and hurt my wrist, and my left side is numb', undefined, adult(70)), 'stroke_arm')).toBe(true);
  });
});
