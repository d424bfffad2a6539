import { describe, expect, it } from 'vitest';
import { factAt } from '../../src/packs/reading/reading.js';
import { featurizeReading } from '../../src/packs/triage/features.js';
import { triageReader } from '../support/triage-reading.js';

/**
 * Classes met in the triage batch tr-dev-551..590, in this file's own words. Two dangers the pack did not know: a
 * button or coin battery that cannot be found near a small child (a suspected swallow, read as the poisoning it is), and
 * a suspected hip fracture after a fall, which needs an ambulance, not a lift to urgent care. Then the readers: the usual
 * exertional angina of a known patient eased by GTN or rest (with every sign of an unstable picture still keeping the
 * chest pain), a "no, only when…" answer that keeps its condition, a safety-net list the agent hands to "999" after a
 * colon, a chesty cough that is no breathlessness, the fast-breathing cut-off of a baby from 3 to 12 months, how callers
 * say they look, a key that names how often, loose stools, breathing said to be fine, and the stomach upset of a medicine
 * just started. Each class has its neighbour on the other side.
 */
const { read, says, dispose, symptom, fired } = triageReader();

const ACS = ['suspected_acs_not_ems', 'chest_pain_low_acuity'];
const angina = { caller_demographics: { age: 67, sex: 'male', conditions: ['angina', 'high blood pressure'], medications: ['GTN spray', 'bisoprolol'] } };
const anginaCall = (text: string) => read({ ...angina, chief_complaint: text }, dispose('clinic_48h', 'Routine review with the practice nurse'));

describe('triage: the usual exertional angina of a known patient, relieved, is not new chest pain', () => {
  it('when a man with known angina has his usual tightness on the stairs and one GTN spray eases it, then no ACS hazard fires and the model sees no chest pain', () => {
    const r = anginaCall('Chest tightness climbing the stairs, my usual angina, one spray of GTN eased it in a couple of minutes');
    expect(factAt(r.facts, 'course.usual_angina_relieved')).toBe(true);
    expect(symptom(r, 'chest_pain')).toBeUndefined();
    expect(fired(r).filter((h) => ACS.includes(h))).toEqual([]);
    expect(featurizeReading(r).vector.chest_pain).toBe(0);
    // Rest does it as well as GTN (NICE CG95: relieved by rest or GTN within about 5 minutes).
    const rest = anginaCall('My angina came on walking up the hill as always, stood still for a minute and it went');
    expect(factAt(rest.facts, 'course.usual_angina_relieved')).toBe(true);
  });

  it.each([
    ['pain at rest', 'My usual angina but it came on at rest in front of the telly, the GTN eased it'],
    ['a second dose needed and still there', 'Usual angina going up the stairs, needed a second spray and it is still there'],
    ['more often', 'Chest tightness on the stairs as usual and the GTN sorted it, but it is coming more often this week'],
    ['sweating and sickness', 'My usual chest pain on exertion, the spray eased it, but I was sweaty and sick with it'],
    ['GTN did not help', 'Usual angina on the hill, GTN did not help at all'],
    ['it felt different', 'Angina on the hill, eased with rest, same as usual, but this time it felt different'],
    ['it woke him', 'Usual angina, woke me at 3am, the spray sorted it'],
    ['it spread to the arm', 'Usual angina going up the stairs, into my left arm, the spray sorted it'],
  ])('when the usual angina comes with %s, then the ACS hazards still fire', (_, text) => {
    const r = anginaCall(text);
    expect(factAt(r.facts, 'course.usual_angina_relieved')).toBeUndefined();
    expect(fired(r)).toEqual(expect.arrayContaining(ACS));
  });

  it('when the angina is not known, the pattern is not said to be the usual, or only the agent says the GTN worked, then the chest pain stays', () => {
    const undiagnosed = read({ caller_demographics: { age: 67, sex: 'male' }, chief_complaint: 'Chest tightness on the stairs, same as always, resting eased it' }, dispose('clinic_48h'));
    expect(fired(undiagnosed)).toEqual(expect.arrayContaining(ACS));
    expect(fired(anginaCall('Chest tightness on the stairs, GTN eased it'))).toEqual(expect.arrayContaining(ACS));
    const agentOnly = read({ ...angina, chief_complaint: 'Chest tightness on the stairs, my usual angina', conversation_history: [{ role: 'assistant', content: 'Good, so the spray has eased it.' }] }, dispose('clinic_48h'));
    expect(fired(agentOnly)).toEqual(expect.arrayContaining(ACS));
  });
});

describe('triage: a swallowed button or coin battery is a poisoning that needs the emergency department', () => {
  it('when the small round battery of a remote cannot be found near a toddler, then it is a suspected battery ingestion and the poisoning hazard fires at home care', () => {
    const r = read({ caller_demographics: { age: 1 }, chief_complaint: 'The back of the TV remote is off and the little round battery is missing' });
    expect(symptom(r, 'battery_ingestion')).toBe(true);
    expect(symptom(r, 'poisoning')).toBe(true);
    expect(fired(r)).toContain('overdose_low_acuity');
    expect(fired(read({ caller_demographics: { age: 1 }, chief_complaint: 'The back of the TV remote is off and the little round battery is missing' }, dispose('urgent_care_today')))).toContain('overdose_low_acuity');
    expect(fired(read({ caller_demographics: { age: 1 }, chief_complaint: 'The back of the TV remote is off and the little round battery is missing' }, dispose('emergency_department')))).toEqual([]);
    // A coin cell told with a word of mouthing, in another sentence.
    const mouthed = says('He was playing with my car key. The coin cell has come out of it. He had something in his mouth', undefined, { age: 2 });
    expect(symptom(mouthed, 'battery_ingestion')).toBe(true);
  });

  it('when the batteries are all accounted for, or "swallow" is only how a sore throat hurts, then nothing fires', () => {
    expect(fired(read({ caller_demographics: { age: 2 }, chief_complaint: 'She was mouthing a toy earlier. I checked the TV remote and the batteries are all still in it.' }))).toEqual([]);
    // The same mouthing with the battery gone is a suspected swallow.
    expect(fired(read({ caller_demographics: { age: 2 }, chief_complaint: 'She was mouthing a toy earlier. I checked the TV remote and one battery is missing.' }))).toContain('overdose_low_acuity');
    expect(fired(read({ caller_demographics: { age: 2 }, chief_complaint: 'Swallowed a grape whole, fine now', symptom_details: { batteries: 'none missing, checked every toy' } }))).toEqual([]);
    expect(symptom(read({ caller_demographics: { age: 6 }, chief_complaint: 'Sore throat, it hurts to swallow', symptom_details: { toys: 'new batteries in his robot yesterday' } }), 'battery_ingestion')).toBeUndefined();
  });
});

describe('triage: a suspected hip fracture needs an ambulance', () => {
  it('when an older woman slips and her leg is shorter and turned outwards, then the injury hazard fires at urgent care and at the emergency department by car, not once an ambulance is called', () => {
    const state = { caller_demographics: { age: 83, sex: 'female' }, chief_complaint: 'Slipped on the kitchen floor, her left leg is turned outwards and looks shorter' };
    expect(symptom(read(state), 'hip_fracture_signs')).toBe(true);
    expect(fired(read(state, dispose('urgent_care_today')))).toContain('injury_cannot_bear_weight_low_acuity');
    expect(fired(read(state, dispose('emergency_department', 'Son to drive her to A&E')))).toContain('injury_cannot_bear_weight_low_acuity');
    expect(fired(read(state, dispose('call_emergency_services')))).toEqual([]);
  });

  it('when a man of 79 falls with pain in the hip and cannot get up off the floor, then it is a suspected hip fracture; one walking on a bruised hip, or a young footballer with a groin strain, is not', () => {
    const r = read({ caller_demographics: { age: 79, sex: 'male' }, chief_complaint: 'Had a fall in the garden, pain in his hip and he cannot get up off the floor' }, dispose('urgent_care_today'));
    expect(symptom(r, 'hip_fracture_signs')).toBe(true);
    expect(fired(r)).toContain('injury_cannot_bear_weight_low_acuity');
    const walking = read({ caller_demographics: { age: 79, sex: 'male' }, chief_complaint: 'Had a fall, bruised hip, walking on it fine' }, dispose('clinic_48h'));
    expect(symptom(walking, 'hip_fracture_signs')).toBeUndefined();
    expect(fired(walking)).toEqual([]);
    const strain = read({ caller_demographics: { age: 24, sex: 'male' }, chief_complaint: 'Pulled my groin at football and fell over, unable to weight bear' }, dispose('urgent_care_today'));
    expect(symptom(strain, 'hip_fracture_signs')).toBeUndefined();
    expect(fired(strain)).toEqual([]);
  });
});

describe('triage: readers', () => {
  it('when a croupy child\'s noisy breathing is answered "no, only when upset", then it is no stridor at rest; a yes even when settled still is', () => {
    const upset = read({ caller_demographics: { age: 3 }, chief_complaint: 'Croupy cough', symptom_details: { stridor_at_rest: 'no, only when he is upset' } });
    expect(symptom(upset, 'stridor')).toBeUndefined();
    expect(fired(upset)).toEqual([]);
    expect(symptom(read({ caller_demographics: { age: 3 }, chief_complaint: 'Croupy cough', symptom_details: { noisy_breathing_at_rest: 'no' } }), 'stridor')).toBe(false);
    const settled = read({ caller_demographics: { age: 3 }, chief_complaint: 'Croupy cough', symptom_details: { noisy_breathing_when_calm: 'yes, even sitting quietly' } });
    expect(fired(settled)).toContain('stridor_low_acuity');
    // A qualified no keeps its finding: "no, only on the stairs" is breathlessness on the stairs.
    expect(symptom(read({ caller_demographics: { age: 60 }, chief_complaint: 'Cough', symptom_details: { breathless: 'no, only on the stairs' } }), 'dyspnea')).toBe(true);
  });

  it('when the agent lists what to watch for and hands the list to "999" after a colon, then the list asserts nothing and 999 is no contradiction; the same list called in now still counts', () => {
    const net = read({ caller_demographics: { age: 1 }, chief_complaint: 'Snuffly cold' }, dispose('home_care', 'Home care with advice (no wet nappy for 12 hours, pauses in breathing, blue lips: call 999)'));
    expect(fired(net)).toEqual([]);
    expect(net.action.contradiction).toBeUndefined();
    const now = read({ caller_demographics: { age: 1 }, chief_complaint: 'Snuffly cold' }, dispose('home_care', 'Blue lips, pauses in breathing, floppy: call 999 now'));
    expect(fired(now)).toContain('airway_or_breathing_distress_not_ems');
    expect(now.action.contradiction).toBeDefined();
    expect(read({ chief_complaint: 'Cold' }, dispose('home_care', 'Assessment: 999 ambulance needed')).action.contradiction).toBeDefined();
  });

  it('when a cough is chesty, then that is no breathlessness; short of breath with it still is', () => {
    expect(symptom(read({ caller_demographics: { age: 30 }, chief_complaint: 'Chesty cough for four days' }), 'dyspnea')).toBeUndefined();
    expect(symptom(read({ caller_demographics: { age: 30 }, chief_complaint: 'Chesty cough, now short of breath' }), 'dyspnea')).toBe(true);
  });

  it('when a baby of 3 to 12 months breathes 44 a minute, then it is under the fast-breathing cut-off of 50; 52 at 6 months, 44 at 18 months and 55 at 2 months are in the danger zone', () => {
    const baby = (age: Record<string, number>, rr: number) => read({ caller_demographics: age, chief_complaint: 'Cold and a cough', vital_signs: { respiratory_rate: rr } });
    expect(fired(baby({ age_months: 6 }, 44))).not.toContain('danger_zone_vitals_child_low_acuity');
    expect(fired(baby({ age_months: 6 }, 52))).toContain('danger_zone_vitals_child_low_acuity');
    expect(fired(baby({ age_months: 18 }, 44))).toContain('danger_zone_vitals_child_low_acuity');
    expect(fired(baby({ age_weeks: 8 }, 55))).toContain('danger_zone_vitals_child_low_acuity');
    // The heart rate keeps the ESI band for 3 months to 3 years.
    expect(fired(read({ caller_demographics: { age_months: 6 }, chief_complaint: 'Grizzly', vital_signs: { heart_rate: 170 } }))).toContain('danger_zone_vitals_child_low_acuity');
  });

  it('when callers say they look awful, then no pain is graded; an awful pain is, and a child who looks awful to her parent keeps the word', () => {
    expect(says('I look awful with this rash, all lumpy').facts.severity).toBeUndefined();
    expect(says('The pain is awful').facts.severity).toBe('severe');
    expect(says('She looks awful, really not herself', undefined, { age: 4 }).facts.severity).toBe('severe');
  });

  it('when a key names how often something happens ("recent_frequency"), then it is no urinary frequency; "urine_frequency" still is', () => {
    expect(symptom(read({ chief_complaint: 'Migraine', symptom_details: { recent_frequency: 'about once a month' } }), 'clinic_complaint')).toBeUndefined();
    expect(symptom(read({ chief_complaint: 'Burning', symptom_details: { urine_frequency: 'every half hour' } }), 'clinic_complaint')).toBe(true);
  });

  it('when stools are said to be loose, then that is diarrhoea; blood with it is bloody stool', () => {
    expect(symptom(read({ chief_complaint: 'Upset tummy', symptom_details: { stools: 'loose, three times today' } }), 'diarrhoea')).toBe(true);
    expect(symptom(read({ chief_complaint: 'Diarrhoea with blood in it since yesterday' }), 'bloody_stool')).toBe(true);
  });

  it('when breathing is said to be fine, then breathlessness is denied; breathless on the stairs elsewhere still wins', () => {
    expect(symptom(says('Itchy and blotchy but my breathing is fine'), 'dyspnea')).toBe(false);
    expect(symptom(says('Breathing fine sitting here, but breathless on the stairs'), 'dyspnea')).toBe(true);
  });
});

describe('triage: the stomach upset of a medicine just started is its expected side effect', () => {
  it('when nausea and a stomach ache start in the first week of sertraline, then they are a self-care complaint and no clinic complaint in the model', () => {
    const r = read({ caller_demographics: { age: 34, medications: ['sertraline 50 mg'] }, chief_complaint: 'Feeling sick and a stomach ache since starting my new tablets last week' });
    expect(factAt(r.facts, 'course.medicine_side_effect')).toBe(true);
    expect(symptom(r, 'self_care_complaint')).toBe(true);
    expect(featurizeReading(r).vector.clinic_complaint).toBe(0);
  });

  it.each([
    ['vomiting', 'Started metformin five days ago, vomiting and a stomach ache'],
    ['blood', 'Day 3 of amoxicillin, stomach ache and diarrhoea with blood in it'],
    ['breathlessness and drowsiness', 'Started metformin last week, stomach ache and now breathless and drowsy'],
    ['no recent start', 'Stomach ache and feeling sick for two days'],
  ])('when the upset comes with %s, then it is not read as the side effect', (_, text) => {
    const r = read({ caller_demographics: { age: 56, medications: ['metformin', 'amoxicillin'] }, chief_complaint: text });
    expect(factAt(r.facts, 'course.medicine_side_effect')).toBeUndefined();
  });
});
