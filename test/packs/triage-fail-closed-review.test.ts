import { describe, expect, it } from 'vitest';
import { factAt } from '../../src/packs/reading/reading.js';
import { triageReader } from '../support/triage-reading.js';

/**
 * Fail closed: a reassurance needs its reassuring fact read, and a danger is kept when the facts are missing, unclear or
 * contradictory, or come from the agent's own words. Each mend has its given/when/then here, beside its safe neighbour.
 */
const { read, says, dispose, symptom, fired } = triageReader();
const adult = (age = 40, sex = 'female') => ({ age, sex });

describe('triage fail closed: the altitude a saturation is read against', () => {
  it('given "we were at 4,500 m, descended to 2,000 m" with SpO2 85%, when read, then the current height is 2,000 m and hypoxia stays', () => {
    const r = read({ caller_demographics: adult(45, 'male'), chief_complaint: 'Short of breath', conversation_history: [{ role: 'caller', content: 'We were at 4,500 m, descended to 2,000 m this morning, sats 85%' }], vital_signs: { spo2: 85 } });
    expect(r.facts.altitude_m).toBe(2000);
    expect(r.facts.spo2_expected_for_altitude).toBeUndefined();
    expect(fired(r)).toContain('hypoxia_low_acuity');
  });

  it('given a height only planned ("trekking to base camp at 5,300 m next week") with SpO2 86%, when read, then hypoxia stays', () => {
    const r = read({ caller_demographics: adult(35), chief_complaint: 'Breathless', conversation_history: [{ role: 'caller', content: 'I am trekking to base camp at 5,300 m next week and my sats are 86%' }], vital_signs: { spo2: 86 } });
    expect(r.facts.spo2_expected_for_altitude).toBeUndefined();
    expect(fired(r)).toContain('hypoxia_low_acuity');
  });

  it('given a location field with two heights that disagree (5,000 m and 4,200 m) and SpO2 82%, when read, then the altitude is unclear and hypoxia stays', () => {
    const r = read({ caller_demographics: { age: 50, sex: 'male', location: 'High camp 5,000 m or the lodge at 4,200 m' }, chief_complaint: 'Mild headache', vital_signs: { spo2: 82 } });
    expect(r.facts.spo2_expected_for_altitude).toBeUndefined();
    expect(fired(r)).toContain('hypoxia_low_acuity');
  });

  it('given the safe neighbour: SpO2 88% at a lodge at 3,400 m, when read, then the saturation is the one expected there', () => {
    const r = read({ caller_demographics: { age: 50, sex: 'male', location: 'Tea house lodge (3,400 m)' }, chief_complaint: 'Mild headache', vital_signs: { spo2: 88 } });
    expect(r.facts.spo2_expected_for_altitude).toBe(true);
    expect(fired(r)).not.toContain('hypoxia_low_acuity');
  });
});

describe('triage fail closed: what an examination found is not what it looked for', () => {
  it('given "I checked the purple spots on his legs", when read, then the purple spots are read as if said plainly', () => {
    const r = says('I checked the purple spots on his legs', undefined, adult(4, 'male'));
    const neighbour = says('There are purple spots on his legs', undefined, adult(4, 'male'));
    expect(symptom(r, 'non_blanching_rash')).toBe(symptom(neighbour, 'non_blanching_rash'));
    expect(fired(r)).toEqual(fired(neighbour));
    expect(fired(r).length).toBeGreaterThan(0);
  });

  it('given "the doctor examined her stiff neck", when read, then the neck stiffness stays', () => {
    const r = says('The doctor examined her stiff neck yesterday and she has a fever', undefined, adult(19));
    expect(symptom(r, 'neck_stiffness')).toBe(true);
  });

  it('given the safe neighbours "checked arm drift" and "tested for neck stiffness", when read, then neither is read as a finding', () => {
    expect(symptom(says('He checked arm drift on the video call and both stayed up'), 'stroke_arm')).not.toBe(true);
    expect(symptom(says('The GP tested for neck stiffness and it was fine'), 'neck_stiffness')).not.toBe(true);
  });
});

describe('triage fail closed: a product on the skin only', () => {
  const skin = (words: string) => read({ caller_demographics: adult(30), chief_complaint: words, conversation_history: [{ role: 'caller', content: 'I washed it straight off. Never near my mouth.' }] });

  it('given weedkiller spilt on the hand, washed off, mouth denied, when read, then it stays a poisoning', () => {
    expect(symptom(skin('Weedkiller spilt on my hand'), 'poisoning')).toBe(true);
  });

  it('given a fentanyl patch on his skin, when read, then it stays a poisoning', () => {
    const r = read({ caller_demographics: adult(3, 'male'), chief_complaint: 'Found a fentanyl patch stuck on his skin, poisoning worry', conversation_history: [{ role: 'parent', content: 'I took it off and washed the area. He never put it near his mouth.' }] });
    expect(symptom(r, 'poisoning')).not.toBeUndefined();
  });

  it('given a capsule on the hand, never near the mouth, but not said washed off, when read, then it stays a poisoning', () => {
    const r = read({ caller_demographics: adult(3), chief_complaint: 'Washing capsule burst on her hand', conversation_history: [{ role: 'parent', content: 'She never put it near her mouth.' }] });
    expect(symptom(r, 'poisoning')).toBe(true);
  });

  it('given a capsule on the hand, washed off, that splashed in her eyes, when read, then it stays a poisoning', () => {
    const r = read({ caller_demographics: adult(3), chief_complaint: 'Washing capsule burst on her hand', conversation_history: [{ role: 'parent', content: 'I washed it straight off, some went in her eyes. She never put it near her mouth.' }] });
    expect(symptom(r, 'poisoning')).toBe(true);
  });

  it('given the safe neighbour: a washing capsule on the hand, washed off, never near the mouth, when read, then no poisoning is read', () => {
    const r = read({ caller_demographics: adult(3), chief_complaint: 'Washing capsule burst on her hand', conversation_history: [{ role: 'parent', content: 'I washed it straight off. She never put it near her mouth.' }] });
    expect(symptom(r, 'poisoning')).toBeUndefined();
  });
});

describe('triage fail closed: bleeding after the abortion medicines', () => {
  const words = 'I took the misoprostol yesterday. Bleeding like a heavy period with some large clots, cramps easing with ibuprofen, no fever.';

  it('given the abortion pills with no gestation known and nothing said of a fever, when read, then the bleeding stays', () => {
    const r = says('I took the misoprostol yesterday. Bleeding like a heavy period with some large clots, cramps easing with ibuprofen.', undefined, adult(29));
    expect(symptom(r, 'vaginal_bleeding')).toBe(true);
  });

  it('given 8 weeks and "going through 3 pads per hour with big clots", when read, then the heavy loss stays', () => {
    const r = says('I took the misoprostol yesterday, going through 3 pads per hour with big clots', undefined, { ...adult(29), gestation_weeks: 8 });
    expect(fired(r).length).toBeGreaterThan(0);
    expect(factAt(r.facts, 'presentation.expected_bleeding_after_medical_abortion')).toBeUndefined();
  });

  it('given the safe neighbour at 8 weeks with bleeding like a heavy period and clots, when read at home care, then no pregnancy bleeding hazard fires', () => {
    const r = says(words, undefined, { ...adult(29), gestation_weeks: 8 });
    expect(symptom(r, 'vaginal_bleeding')).toBeUndefined();
    expect(fired(r)).toEqual([]);
  });
});

describe('triage fail closed: the agent\'s words never reassure, and a pain said outweighs a pain denied', () => {
  const base = { caller_demographics: { age: 27, sex: 'female', gestation_weeks: 5 }, chief_complaint: 'Light spotting on wiping' };

  it('given spotting at 5 weeks where only the agent says "pain-free", when read, then the pregnancy bleeding hazard fires', () => {
    const r = read(base, dispose('home_care', 'Painless spotting, pain-free, home care'));
    expect(fired(r)).toContain('pregnancy_bleeding_low_acuity');
  });

  it('given spotting at 5 weeks, "painless" and also "some cramping pain", when read, then the pregnancy bleeding hazard fires', () => {
    const r = read({ ...base, conversation_history: [{ role: 'caller', content: 'It is painless spotting. Well, I get some cramping pain now and then.' }] });
    expect(fired(r)).toContain('pregnancy_bleeding_low_acuity');
  });

  it('given a lump on the knee of an 11-year-old where only the agent says "below the kneecap", when read, then it stays a complaint for a clinician', () => {
    const r = read({ caller_demographics: { age: 11, sex: 'male' }, chief_complaint: 'Sore lump on his knee after rugby' }, dispose('home_care', 'Lump below the kneecap, Osgood-Schlatter, home care'));
    expect(factAt(r.facts, 'presentation.osgood_schlatter_pattern')).toBeUndefined();
  });

  it('given the safe neighbour: the caller says the lump is under his kneecap, when read, then it is the Osgood-Schlatter pattern', () => {
    const r = read({ caller_demographics: { age: 11, sex: 'male' }, chief_complaint: 'Sore lump under his kneecap after rugby' });
    expect(factAt(r.facts, 'presentation.osgood_schlatter_pattern')).toBe(true);
  });

  it('given the safe neighbour: 5 weeks, light spotting and no pain at all in the caller\'s words, when read, then the hazard does not fire', () => {
    const r = read({ ...base, conversation_history: [{ role: 'caller', content: 'A little pink spotting, no pain at all, I feel well.' }] });
    expect(fired(r)).not.toContain('pregnancy_bleeding_low_acuity');
  });
});

describe('triage fail closed: breathlessness at altitude and swelling under a cast', () => {
  const lodge = (breathing: string, vitals: Record<string, unknown> = {}) =>
    read({ caller_demographics: { age: 50, location: 'Lodge (3,400 m)' }, chief_complaint: 'Headache', symptom_details: { breathing }, vital_signs: { spo2: 88, ...vitals } });

  it('given breathless on the climb, not at rest, with a cough, at 3,400 m, when read, then the breathlessness stays', () => {
    expect(symptom(lodge('breathless on the climb, not at rest, and a wet cough since yesterday'), 'dyspnea')).toBe(true);
  });

  it('given breathless on the climb, not at rest, getting worse each day, at 3,400 m, when read, then the breathlessness stays', () => {
    expect(symptom(lodge('breathless on the climb, not at rest, getting worse each day'), 'dyspnea')).toBe(true);
  });

  it('given breathless on the climb, not at rest, with a breathing rate of 28, when read, then the breathlessness stays', () => {
    expect(symptom(lodge('breathless on the climb, not at rest', { respiratory_rate: 28 }), 'dyspnea')).toBe(true);
  });

  it('given the safe neighbour: breathless on the climb, not at rest, SpO2 as expected at 3,400 m, when read, then no breathlessness is read', () => {
    expect(symptom(lodge('breathless on the climb, not at rest'), 'dyspnea')).toBeUndefined();
  });

  it('given a broken wrist in a new cast with nothing said of the swelling settling, when read, then the injury stays', () => {
    const r = read({ caller_demographics: adult(8, 'male'), chief_complaint: 'Fingers puffy in his new cast', symptom_details: { injury: 'broken wrist, full cast applied at the hospital today', fingers: 'pink and warm', pain: '2/10' } });
    expect(symptom(r, 'injury_needs_care')).toBe(true);
  });

  it('given the safe neighbour: the same cast with puffiness better with the arm raised, when read, then no injury hazard fires', () => {
    const r = read({ caller_demographics: adult(8, 'male'), chief_complaint: 'Fingers puffy in his new cast', symptom_details: { injury: 'broken wrist, full cast applied at the hospital today', fingers: 'pink and warm, puffiness better with the arm raised', pain: '2/10' } });
    expect(symptom(r, 'injury_needs_care')).toBeUndefined();
    expect(fired(r)).toEqual([]);
  });
});
