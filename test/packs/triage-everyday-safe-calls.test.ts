import { describe, expect, it } from 'vitest';
import { factAt } from '../../src/packs/reading/reading.js';
import { triageReader } from '../support/triage-reading.js';
import { TriageActionSchema } from '../../src/packs/triage/state-schema.js';

/**
 * Everyday calls that were over-read as red flags (third public-source batch), each as a general class with a
 * neighbour that must keep its reading: a disposition sent beside `kind`; clock times and pill-pack counts; the
 * agent's "straight away for … or …" and "… or …, call 111" safety nets; the side of a calf; a comparison; an
 * answer that opens with "no,"; a negated list whose last item is long; heartburn; a pregnancy object; attribute
 * keys; a treated complaint that is improving; an accidental extra paracetamol; felt warmth against a normal
 * thermometer; and the new hazards (acute retention, chemical eye, angle closure, orbital signs, chickenpox contact
 * in pregnancy) with their safe neighbours.
 */

const { dispose, read, says, symptom, fired } = triageReader();

describe('triage: where the disposition is sent', () => {
  it('when the disposition sits beside kind instead of inside parameters, then the action is accepted and read', () => {
    const beside = { description: 'Arrange a routine appointment', kind: 'disposition', disposition: 'clinic_48h', parameters: { note: 'bring your readings' } };
    expect(TriageActionSchema.safeParse(beside).success).toBe(true);
    expect(TriageActionSchema.safeParse({ description: 'Ring for help', disposition: 'call_emergency_services' }).success).toBe(true);
    const r = read({ chief_complaint: 'Wants a routine check of her blood pressure' }, beside);
    expect(r.action.disposition).toBe('clinic_48h');
    expect(r.action.contradiction).toBeUndefined();
  });

  it('when no disposition is sent anywhere, or an unknown one, then it is refused; when the two places disagree, that is a contradiction', () => {
    expect(TriageActionSchema.safeParse({ description: 'Some advice', kind: 'disposition' }).success).toBe(false);
    expect(TriageActionSchema.safeParse({ description: 'Some advice', disposition: 'chemist' }).success).toBe(false);
    const both = { description: 'Advice', disposition: 'home_care', parameters: { disposition: 'emergency_department' } };
    expect(TriageActionSchema.safeParse(both).success).toBe(true);
    const r = read({ chief_complaint: 'Sprained wrist' }, both);
    expect(r.action.disposition).toBe('emergency_department');
    expect(r.action.contradiction).toBeDefined();
    expect(r.action.lowers_risk).toBe(false);
  });
});

describe('triage: counts that are not tablets swallowed', () => {
  it('when a clock time or a pill pack is described, then no tablets are counted as taken', () => {
    const clock = says('I had my ibuprofen at 10:45 tablets with breakfast and my back still aches.');
    expect(factAt(clock.facts, 'pills_taken')).toBeUndefined();
    const pack = read({ symptom_details: { pill_details: 'progestogen-only, 28 tablets to a pack then straight on to the next pack' } });
    expect(factAt(pack.facts, 'pills_taken')).toBeUndefined();
    expect(symptom(pack, 'overdose')).toBeUndefined();
  });

  it('when tablets are said to be taken, even beside a schedule word, then they are counted', () => {
    const took = says('She took 20 tablets then went to bed.');
    expect(factAt(took.facts, 'pills_taken')).toBe(20);
    expect(symptom(took, 'overdose')).toBe(true);
  });
});

describe("triage: the agent's safety net without an if", () => {
  it('when the advice says to go straight away or immediately "for" a list of alternatives, then the list is watched for', () => {
    const r = says('Indigestion after tea.', dispose('home_care', 'Small meals. Phone the out-of-hours line straight away for crushing pain, sweating or breathlessness.'));
    for (const name of ['sweating', 'dyspnea']) expect(symptom(r, name)).toBeUndefined();
    const ae = says('Stiff lower back after gardening.', dispose('home_care', 'Keep moving. Emergency department immediately for numb buttocks, wetting yourself or weakness in both legs.'));
    expect(symptom(ae, 'saddle_numbness')).toBeUndefined();
    expect(ae.action.contradiction).toBeUndefined();
  });

  it('when a list is followed by an instruction to call, then it is the condition of that call; a plain statement still asserts', () => {
    const r = says('Teething baby.', dispose('home_care', 'Cold teething ring. Floppiness, dry nappies or a rash are not teething - ring 111.'), { age: 1 });
    for (const name of ['reduced_urine', 'drowsy']) expect(symptom(r, name)).toBeUndefined();
    const plain = says('Teething baby.', dispose('clinic_48h', 'He has dry nappies today; GP in two days.'), { age: 1 });
    expect(symptom(plain, 'reduced_urine')).toBe(true);
  });

  it('when the care is urged for one finding without alternatives, then the disposition still counts', () => {
    const r = says('Tight chest.', dispose('home_care', 'Go to A&E straight away for the chest pain.'));
    expect(r.action.contradiction).toBeDefined();
  });
});

describe('triage: a side, a comparison, an answer that opens with no, a long last item', () => {
  it('when tingling is in the outer side of one calf, then it is not one-sided numbness of the body; numbness down one side still is', () => {
    const calf = read({ symptom_details: { tingling: 'pins and needles down the right shin' } });
    expect(symptom(calf, 'stroke_arm')).toBeUndefined();
    expect(symptom(says('Her right side went numb all of a sudden'), 'stroke_arm')).toBe(true);
  });

  it('when a pain is compared to an everyday complaint, then that complaint is not read; the complaint said plainly is', () => {
    expect(symptom(says('My hip throbs like toothache when I sit'), 'clinic_complaint')).toBeUndefined();
    expect(symptom(says('I have had toothache since Tuesday'), 'clinic_complaint')).toBe(true);
  });

  it('when an answer opens with "no," or "none", then its key is denied; "no better" is not a no', () => {
    const no = read({ symptom_details: { short_of_breath: 'no, walked the dog this morning', temperature_high: 'none since the weekend' } });
    expect(symptom(no, 'dyspnea')).toBe(false);
    const worse = read({ symptom_details: { short_of_breath: 'no better than yesterday' } });
    expect(symptom(worse, 'dyspnea')).toBe(true);
  });

  it('when a negated list ends with a longer item after its "or", then the whole list is negated; a new statement is not', () => {
    const r = read({ symptom_details: { at_home: 'no toddlers, pregnant women or anybody having chemo in the flat' } });
    expect(factAt(r.facts, 'conditions.immunocompromised')).not.toBe(true);
    expect(factAt(r.facts, 'pregnant')).not.toBe(true);
    const statement = says('No fever. She is on chemo for leukaemia.');
    expect(factAt(statement.facts, 'conditions.immunocompromised')).toBe(true);
  });
});

describe('triage: heartburn, pregnancy objects, attribute keys', () => {
  it('when a burning behind the breastbone comes with reflux named and nothing cardiac, then it is heartburn, not chest pain', () => {
    const r = read({ caller_demographics: { age: 29, sex: 'male' }, chief_complaint: 'acid reflux', symptom_details: { symptom: 'burning behind the breastbone after spicy food' } });
    expect(symptom(r, 'chest_pain')).toBeUndefined();
    expect(symptom(r, 'epigastric_pain')).toBe(true);
    expect(fired(r)).toEqual([]);
  });

  it('when the burning comes on exertion, with sweating, or without reflux named, then it is chest pain', () => {
    const exertion = read({ caller_demographics: { age: 29, sex: 'male' }, chief_complaint: 'heartburn', symptom_details: { symptom: 'burning in the chest when walking uphill' } });
    expect(symptom(exertion, 'chest_pain')).toBe(true);
    const bare = read({ caller_demographics: { age: 29, sex: 'male' }, chief_complaint: 'burning chest for an hour' });
    expect(symptom(bare, 'chest_pain')).toBe(true);
    expect(fired(bare)).toContain('chest_pain_low_acuity');
  });

  it('when pregnancy is sent as an object with its weeks, then she is read as pregnant at that gestation', () => {
    const r = read({ caller_demographics: { age: 33, sex: 'female', pregnancy: { gestation_weeks: 30, first_baby: true } } });
    expect(factAt(r.facts, 'pregnant')).toBe(true);
    expect(factAt(r.facts, 'gestation_weeks')).toBe(30);
  });

  it('when a key names an attribute (how often, where), then the key itself is no finding; answered yes it is a question', () => {
    const often = read({ symptom_details: { frequency: 'twice this year' } });
    expect(symptom(often, 'clinic_complaint')).toBeUndefined();
    const asked = read({ symptom_details: { frequency: 'yes' } });
    expect(symptom(asked, 'clinic_complaint')).toBe(true);
  });
});

describe('triage: a course already treated, an extra dose, warmth felt', () => {
  it('when a treated complaint is told as getting better, then its clinic need is met; spreading keeps it', () => {
    const better = read({ chief_complaint: 'cellulitis on my forearm', symptom_details: { treatment: 'on antibiotics from the GP since Monday', now: 'much better, less red' } });
    expect(symptom(better, 'clinic_complaint')).toBeUndefined();
    expect(factAt(better.facts, 'course.improving_on_treatment')).toBe(true);
    const spreading = read({ chief_complaint: 'cellulitis on my forearm', symptom_details: { treatment: 'on antibiotics from the GP since Monday', now: 'less sore but spreading up the arm' } });
    expect(symptom(spreading, 'clinic_complaint')).toBe(true);
    const untreated = read({ chief_complaint: 'cellulitis on my forearm', symptom_details: { now: 'a bit better today' } });
    expect(symptom(untreated, 'clinic_complaint')).toBe(true);
  });

  it('when one extra paracetamol dose is taken by mistake within 8 tablets a day, then it is not an overdose; more or uncounted is', () => {
    const within = read({ chief_complaint: 'extra dose of paracetamol by mistake', symptom_details: { today: 'paracetamol 500 mg, 6 tablets in all' } });
    expect(symptom(within, 'overdose')).toBeUndefined();
    const over = read({ chief_complaint: 'extra dose of paracetamol by mistake', symptom_details: { today: 'paracetamol 500 mg, 12 tablets in all' } });
    expect(symptom(over, 'overdose')).toBe(true);
    const uncounted = read({ chief_complaint: 'double dose of paracetamol by mistake' });
    expect(symptom(uncounted, 'overdose')).toBe(true);
  });

  it('when warmth was only felt and the thermometer is normal now from age 5, then there is no fever; under 5 or unmeasured there is', () => {
    const adult = read({ symptom_details: { fever: 'felt warm on Sunday' }, vital_signs: { temperature_c: 37.2 } });
    expect(symptom(adult, 'fever')).toBeUndefined();
    const toddler = read({ caller_demographics: { age: 2 }, symptom_details: { fever: 'felt warm on Sunday' }, vital_signs: { temperature_c: 37.2 } });
    expect(symptom(toddler, 'fever')).toBe(true);
    const unmeasured = read({ symptom_details: { fever: 'felt warm on Sunday' } });
    expect(symptom(unmeasured, 'fever')).toBe(true);
  });
});

describe('triage: new hazards and their safe neighbours', () => {
  it('when a man has a slow stream but passes urine, then acute retention does not fire; unable to pass urine, it does', () => {
    const slow = read({ caller_demographics: { age: 70, sex: 'male' }, chief_complaint: 'slow stream for months, can pass urine fine' }, dispose('clinic_48h'));
    expect(fired(slow)).not.toContain('acute_urinary_retention_low_acuity');
    const stuck = read({ caller_demographics: { age: 70, sex: 'male' }, chief_complaint: 'unable to pass water all afternoon' }, dispose('clinic_48h'));
    expect(fired(stuck)).toContain('acute_urinary_retention_low_acuity');
  });

  it('when a pregnant woman near chickenpox has had it herself, then the exposure hazard does not fire', () => {
    const immune = read({ caller_demographics: { age: 30, sex: 'female', gestation_weeks: 12 }, chief_complaint: 'exposed to chickenpox at work, I had chickenpox as a child' });
    expect(fired(immune)).not.toContain('chickenpox_exposure_pregnancy_low_acuity');
  });

  it('when an eye is sore without any change in vision, then the angle-closure hazard does not fire', () => {
    const sore = read({ caller_demographics: { age: 66 }, chief_complaint: 'gritty sore eye, sticky in the morning, sees normally' });
    expect(fired(sore)).not.toContain('angle_closure_signs_low_acuity');
    expect(fired(sore)).not.toContain('orbital_signs_low_acuity');
  });

  it('when a shampoo stings an eye, then the chemical eye hazard does not fire; bleach in the eye does', () => {
    expect(fired(read({ chief_complaint: 'shampoo stinging my eye in the bath' }))).not.toContain('chemical_eye_injury_low_acuity');
    expect(fired(read({ chief_complaint: 'bleach in my eye from the spray bottle' }))).toContain('chemical_eye_injury_low_acuity');
  });
});

describe('triage: the guards of those readings', () => {
  it('when "no," is qualified ("no, only on the stairs"), then the key is still read as a finding', () => {
    const r = read({ symptom_details: { short_of_breath: 'no, only on the stairs' } });
    expect(symptom(r, 'dyspnea')).toBe(true);
  });

  it('when a schedule word sits beside a count that was swallowed, then the count still counts', () => {
    const r = says('He is swallowing 12 co-codamol then more at night.');
    expect(factAt(r.facts, 'pills_taken')).toBe(12);
  });

  it('when a complaint started yesterday and is a little better but no treatment is named, then its clinic need stays', () => {
    const r = read({ chief_complaint: 'toothache', symptom_details: { onset: 'started yesterday', now: 'a bit better' } });
    expect(symptom(r, 'clinic_complaint')).toBe(true);
  });
});
