import { describe, expect, it } from 'vitest';
import { factAt } from '../../src/packs/reading/reading.js';
import { triageReader } from '../support/triage-reading.js';

/**
 * Reading fixes and cited red flags added for sickle cell, eye, water, electricity, bites, seizures and
 * postnatal calls: each told in our own words, each with a safe neighbour that must not fire.
 */
const { read, says, dispose, symptom, fired } = triageReader();

describe('triage reading: near faints, rest, stitches, answers and measurement keys', () => {
  it('when a caller nearly passes out, then no faint is read; a real faint still is', () => {
    expect(symptom(says('I almost passed out in the queue but sat down and felt fine.'), 'fainted')).toBeUndefined();
    expect(symptom(says('She passed out in the queue for a few seconds.'), 'fainted')).toBe(true);
  });

  it('when breathlessness is fine at rest, then it is not read as at rest; breathless at rest still is', () => {
    expect(symptom(read({ symptom_details: { breathing: 'puffed on hills, okay at rest' } }), 'at_rest')).toBeUndefined();
    expect(symptom(says('I get breathless at rest now, even sitting in the chair.'), 'at_rest')).toBe(true);
  });

  it('when stitches already in place are sore, then no wound needing closure is read; a cut that needs stitches still is', () => {
    const sore = read({ chief_complaint: 'My caesarean stitches feel tender when I cough' });
    expect(symptom(sore, 'injury_needs_care')).toBeUndefined();
    expect(fired(sore)).not.toContain('injury_cannot_bear_weight_low_acuity');
    expect(symptom(says('Sliced my palm on a tin, I think it needs stitches.'), 'injury_needs_care')).toBe(true);
  });

  it('when an answer reports a no ("says no"), then the finding its key names is denied', () => {
    const r = read({ symptom_details: { knocked_out: 'she says no' } });
    expect(symptom(r, 'loss_of_consciousness')).toBe(false);
  });

  it('when a vital sign key names who or how it was measured, then it is read; a usual or baseline value is not', () => {
    const r = read({ caller_demographics: { age_months: 8 }, vital_signs: { rr_counted_by_mum: 58, spo2_finger_probe: 95, baseline_spo2: 99 } });
    expect(factAt(r.facts, 'vitals.respiratory_rate')).toBe(58);
    expect(factAt(r.facts, 'vitals.spo2')).toBe(95);
    const usual = read({ vital_signs: { usual_spo2: 97 } });
    expect(factAt(usual.facts, 'vitals.spo2')).toBeUndefined();
  });

  it('when a zigzag describes a snake, then it is no visual disturbance; zigzag lines in the vision still are', () => {
    expect(symptom(says('It was brown with a zigzag along it.'), 'visual_disturbance')).toBeUndefined();
    expect(symptom(says('I have zigzag lines in my vision and a headache coming.'), 'visual_disturbance')).toBe(true);
  });
});

describe('triage reading: sea creature stings', () => {
  it('when a jellyfish stung a child, then no allergen exposure is read; a wasp sting, or a sea sting with a swollen tongue, still is', () => {
    expect(symptom(says('A jellyfish got her on the arm, she got stung paddling, red lines only.', undefined, { age: 7 }), 'allergen_exposure')).toBeUndefined();
    expect(symptom(says('She got stung by a wasp on the arm.', undefined, { age: 7 }), 'allergen_exposure')).toBe(true);
    expect(symptom(says('A jellyfish got her and she was stung, now her tongue is swelling.', undefined, { age: 7 }), 'allergen_exposure')).toBe(true);
  });
});

describe('triage reading: a usual seizure in known epilepsy that has ended', () => {
  const epileptic = { age: 35, sex: 'female', conditions: ['epilepsy'], medications: ['lamotrigine'] };

  it('when the usual seizure has ended and she is back to normal, then no seizure is read and no hard rule fires', () => {
    const r = read({ caller_demographics: epileptic, chief_complaint: 'Had a seizure', conversation_history: [{ role: 'caller', content: 'It was one of her seizures, the usual kind, and she is back to her normal self now.' }] });
    expect(symptom(r, 'seizure')).toBeUndefined();
    expect(factAt(r.facts, 'course.usual_seizure_recovered')).toBe(true);
    expect(fired(r)).not.toContain('altered_mental_status_low_acuity');
  });

  it('when it lasted over five minutes, was a first seizure, or there is no known epilepsy, then the seizure still counts', () => {
    const long = read({ caller_demographics: epileptic, chief_complaint: 'Had a seizure', conversation_history: [{ role: 'caller', content: 'One of her seizures but it went on for over 5 minutes. She is back to her normal self now.' }] });
    expect(symptom(long, 'seizure')).toBe(true);
    const unknown = read({ caller_demographics: { age: 35 }, chief_complaint: 'Had a seizure', conversation_history: [{ role: 'caller', content: 'Same as usual, back to normal now.' }] });
    expect(symptom(unknown, 'seizure')).toBe(true);
    expect(fired(unknown)).toContain('altered_mental_status_low_acuity');
  });
});

describe('triage action: safety nets after a colon or for "any" sign', () => {
  it('when the advice says "if X: call 999", then it is no contradiction of home care; a plain instruction still is', () => {
    const net = read({ chief_complaint: 'Mild cold' }, dispose('home_care', 'Advice', { worsening: 'if she gets drowsy or floppy: call 999 at once' }));
    expect(net.action.contradiction).toBeUndefined();
    const plain = read({ chief_complaint: 'Mild cold' }, dispose('home_care', 'Advice', { note: 'Plan: call 999 now' }));
    expect(plain.action.contradiction).toBeDefined();
  });

  it('when the advice says "A&E straight away for any …", then it is a safety net; "for the bleeding" still asks for A&E', () => {
    const net = read({ chief_complaint: 'Grazed knee' }, dispose('home_care', 'Advice', { advice: 'go to A&E immediately for any sign of spreading redness' }));
    expect(net.action.contradiction).toBeUndefined();
    const now = read({ chief_complaint: 'Grazed knee' }, dispose('home_care', 'Advice', { advice: 'go to A&E immediately for the bleeding' }));
    expect(now.action.contradiction).toBeDefined();
  });
});

describe('triage catalogue: cited red flags and their safe neighbours', () => {
  it('priapism (NHS Priapism): a lasting painful erection fires; an erection question about a medicine does not', () => {
    expect(fired(says('Erection that will not go down for three hours and it hurts.', undefined, { age: 40, sex: 'male' }))).toContain('priapism_low_acuity');
    expect(fired(says('Is it safe to take sildenafil with my blood pressure tablets?', undefined, { age: 60, sex: 'male' }))).not.toContain('priapism_low_acuity');
  });

  it('snake bite (NHS Snake bites): a bite fires; a snake seen in the garden with no bite is not a bite', () => {
    expect(fired(says('He was bitten by a snake on the path an hour ago.'))).toContain('snake_bite_low_acuity');
    expect(symptom(says('Saw a grass snake in the garden pond, nobody touched it.'), 'snake_bite')).toBeUndefined();
  });

  it('retinal detachment signs (NHS): flashes with floaters fire; one old unchanged floater does not', () => {
    expect(fired(read({ symptom_details: { eye: 'flashing lights and floaters since this morning' } }, dispose('clinic_48h')))).toContain('retinal_detachment_signs_low_acuity');
    const old = read({ chief_complaint: 'A floater I have had for a year', symptom_details: { flashes: 'none', change: 'no change' } }, dispose('clinic_48h'));
    expect(fired(old)).not.toContain('retinal_detachment_signs_low_acuity');
  });

  it('febrile child who will not bear weight (NICE CKS limp): fires; a well afebrile child still walking does not', () => {
    const febrile = read({ caller_demographics: { age: 6 }, chief_complaint: 'Refuses to walk on his right leg', vital_signs: { temperature_c: 38.9 } }, dispose('clinic_48h'));
    expect(fired(febrile)).toContain('febrile_child_not_weight_bearing_low_acuity');
    const well = read({ caller_demographics: { age: 6 }, chief_complaint: 'Slight limping after football, running about', vital_signs: { temperature_c: 36.7 } }, dispose('clinic_48h'));
    expect(fired(well)).not.toContain('febrile_child_not_weight_bearing_low_acuity');
  });

  it('electric injury (NHS Burns): a mains shock with a burn fires; a static zap with nothing to show does not', () => {
    expect(fired(says('Got an electric shock off the mains socket, now a small burn on my thumb.'))).toContain('electrical_injury_low_acuity');
    expect(fired(says('Got a static zap from the car door, no mark at all, feel fine.'))).not.toContain('electrical_injury_low_acuity');
  });

  it('drowning with ongoing symptoms (Resuscitation Council UK): fires; a child who went under and is now well does not', () => {
    expect(fired(says('She went under the water at the beach and is still coughing now, an hour later.', undefined, { age: 8 }))).toContain('drowning_ongoing_symptoms_low_acuity');
    expect(fired(says('She went under the water for a second, came up laughing, no cough, playing normally.', undefined, { age: 8 }))).not.toContain('drowning_ongoing_symptoms_low_acuity');
  });

  it('heavy bleeding after birth (CDC POST-BIRTH): a pad an hour fires; lochia getting lighter does not', () => {
    const heavy = read({ caller_demographics: { age: 30, sex: 'F', postpartum: true }, chief_complaint: 'Soaking a pad every hour since lunch' });
    expect(fired(heavy)).toContain('postpartum_heavy_bleeding_low_acuity');
    const light = read({ caller_demographics: { age: 30, sex: 'F', postpartum: true }, chief_complaint: 'Bleeding like a light period, getting less each day' });
    expect(fired(light)).not.toContain('postpartum_heavy_bleeding_low_acuity');
  });

  it('eye after surgery (NHS Cataract recovery): a painful eye fires; a slightly blurry eye improving each day does not', () => {
    const sore = read({ caller_demographics: { age: 70, conditions: ['cataract operation on Friday'] }, chief_complaint: 'Eye pain getting worse since this morning' }, dispose('clinic_48h'));
    expect(fired(sore)).toContain('eye_after_surgery_low_acuity');
    const mending = read({ caller_demographics: { age: 70, conditions: ['cataract operation on Friday'] }, chief_complaint: 'Vision a little blurry but getting better, no pain' }, dispose('clinic_48h'));
    expect(fired(mending)).not.toContain('eye_after_surgery_low_acuity');
  });
});
