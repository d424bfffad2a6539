import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/lib/project-root.js';
import { loadCatalogue } from '../../src/packs/reading/catalogue.js';
import { factAt, type Reading } from '../../src/packs/reading/reading.js';
import { readTriage } from '../../src/packs/triage/normalise.js';
import type { ActionInput } from '../../src/packs/types.js';

/**
 * Classes of triage requests read wrong before (batch C of the public-source cases), each said in words of its own:
 * swallowed magnets and their count, a button battery in the nose or ear, a screening tool's answers sent as their own
 * object (C-SSRS), a passive wish to be dead with active thoughts denied, bleeding said of another part of the body, a
 * "risk of stroke" in the agent's advice, a service named "poison line", a midwife after the birth, and an everyday
 * food that is an allergen only with a known allergy or a reaction. Each has a safe neighbour.
 */

const catalogue = loadCatalogue(path.join(PROJECT_ROOT, 'domains/triage/catalogue.yaml'));
const dispose = (disposition: string, extra: Record<string, unknown> = {}): ActionInput => ({ description: 'Give the disposition', parameters: { disposition, ...extra } });
const read = (state: Record<string, unknown>, action: ActionInput = dispose('home_care')): Reading =>
  readTriage({ caller_demographics: { age: 40, sex: 'female' }, chief_complaint: 'Calling for advice', ...state }, action, catalogue);
const says = (text: string, demographics: Record<string, unknown> = { age: 40, sex: 'female' }, action?: ActionInput) =>
  read({ caller_demographics: demographics, conversation_history: [{ role: 'caller', content: text }] }, action);
const symptom = (r: Reading, name: string) => factAt(r.facts, `symptoms.${name}`);
const fired = (r: Reading) => catalogue.hazards.filter((h) => h.test({ facts: r.facts, action: r.action as unknown as Record<string, unknown> })).map((h) => h.id);
const toddler = { age: 2, sex: 'male' };

describe('triage: swallowed magnets and batteries placed in the nose or ear', () => {
  it('when a child swallowed more than one magnet, or magnets with no count, then the emergency department is needed', () => {
    const three = says('He ate three of the little magnetic beads off the fridge set.', toddler);
    expect(symptom(three, 'magnet_ingestion')).toBe(true);
    expect(factAt(three.facts, 'magnet_count')).toBe(3);
    expect(fired(three)).toContain('magnets_swallowed_low_acuity');
    const plural = read({ caller_demographics: toddler, chief_complaint: 'Think she swallowed magnets' });
    expect(factAt(plural.facts, 'magnet_count')).toBe(2);
    expect(fired(plural)).toContain('magnets_swallowed_low_acuity');
    const set = says('She swallowed a set of magnets from the desk toy.', toddler);
    expect(factAt(set.facts, 'magnet_count')).toBe(2);
    // The emergency department itself is what the hazard asks for.
    expect(fired(says('He ate two magnets.', toddler, dispose('emergency_department')))).not.toContain('magnets_swallowed_low_acuity');
  });

  it('when a single magnet is swallowed, or magnets are only played with, then the magnet hazard does not fire', () => {
    const one = says('She swallowed one magnet from a fridge letter.', toddler);
    expect(factAt(one.facts, 'magnet_count')).toBe(1);
    expect(fired(one)).not.toContain('magnets_swallowed_low_acuity');
    const played = says('He was playing with the fridge magnets and bumped his knee.', toddler);
    expect(symptom(played, 'magnet_ingestion')).toBeUndefined();
    expect(fired(played)).not.toContain('magnets_swallowed_low_acuity');
  });

  it('when a battery is pushed into a nostril or an ear, then emergency removal is needed', () => {
    const nose = says('My daughter stuck a watch battery up her nose at lunch.', toddler, dispose('clinic_48h'));
    expect(symptom(nose, 'battery_in_nose_or_ear')).toBe(true);
    expect(fired(nose)).toContain('button_battery_nose_or_ear_low_acuity');
    const ear = says('He put a coin battery in his ear.', toddler, dispose('urgent_care_today'));
    expect(fired(ear)).toContain('button_battery_nose_or_ear_low_acuity');
  });

  it('when a bead is in the nose, or no battery is in the ear, then the battery hazard does not fire', () => {
    expect(fired(says('She pushed a plastic bead up her nose.', toddler, dispose('clinic_48h')))).not.toContain('button_battery_nose_or_ear_low_acuity');
    const denied = says('The remote is missing a battery but there is no battery in his ear, I checked.', toddler, dispose('clinic_48h'));
    expect(symptom(denied, 'battery_in_nose_or_ear')).not.toBe(true);
  });
});

describe('triage: suicide screens sent as their own object', () => {
  it('when a screener object records preparatory behaviour, then it is read and escalates', () => {
    const r = read({
      caller_demographics: { age: 44, sex: 'male' },
      screening: { tool: 'Columbia screen', item_2_suicidal_thoughts: 'yes', item_6_behaviour: 'yes - stockpiled his tablets last month' },
    }, dispose('clinic_48h'));
    expect(symptom(r, 'suicidal')).toBe(true);
    expect(symptom(r, 'suicide_plan')).toBe(true);
    expect(fired(r)).toContain('suicide_risk_not_ems');
  });

  it('when only a wish to be dead is answered yes and active thoughts are denied, then it is not read as suicidal thinking', () => {
    const passive = read({
      caller_demographics: { age: 33, sex: 'female' },
      screener: { q1_wish_to_be_dead: 'yes, on bad nights', q2_suicidal_thoughts: 'no', q6_behaviour: false },
      symptom_details: { hopes: 'planning a holiday with her sister' },
    }, dispose('clinic_48h'));
    expect(symptom(passive, 'death_wish')).toBe(true);
    expect(symptom(passive, 'suicidal')).not.toBe(true);
    expect(fired(passive)).not.toContain('suicidal_ideation_low_acuity');
    // Nothing said about active thoughts: the wish counts as suicidal thinking.
    const unknown = read({ caller_demographics: { age: 33, sex: 'female' }, screener: { q1_wish_to_be_dead: 'yes' } }, dispose('clinic_48h'));
    expect(symptom(unknown, 'suicidal')).toBe(true);
    expect(fired(unknown)).toContain('suicidal_ideation_low_acuity');
  });
});

describe('triage: words that name a site, a risk or a service', () => {
  it('when bleeding is said of the gums or the nose, then it is not vaginal bleeding', () => {
    const gums = read({ caller_demographics: { age: 29, sex: 'female', pregnant: true }, chief_complaint: 'Gums bleeding when I floss' });
    expect(symptom(gums, 'vaginal_bleeding')).not.toBe(true);
    expect(fired(gums)).not.toContain('pregnancy_bleeding_low_acuity');
    const spotting = read({ caller_demographics: { age: 29, sex: 'female', pregnant: true }, chief_complaint: 'Some bleeding since this morning' });
    expect(symptom(spotting, 'vaginal_bleeding')).toBe(true);
    expect(fired(spotting)).toContain('pregnancy_bleeding_low_acuity');
    // Words she may say of vaginal bleeding itself (the toilet, her legs, being sick with it) do not move it elsewhere.
    for (const words of ['Bleeding when I went for a wee', 'Bleeding running down my leg', 'Bleeding and being sick all morning']) {
      expect(symptom(read({ caller_demographics: { age: 29, sex: 'female', pregnant: true }, chief_complaint: words }), 'vaginal_bleeding')).toBe(true);
    }
  });

  it("when the agent's advice mentions a risk of stroke, then no stroke is named; a stroke said of the patient still is", () => {
    const advice = read({ caller_demographics: { age: 72, sex: 'male', medications: ['rivaroxaban'] }, chief_complaint: 'Small bruise on my arm' },
      dispose('home_care', { advice: 'Carry on with the blood thinner, stopping it would raise the risk of stroke.' }));
    expect(symptom(advice, 'stroke_named')).toBeUndefined();
    expect(fired(advice)).not.toContain('stroke_signs_not_ems');
    expect(fired(read({ caller_demographics: { age: 72, sex: 'male' }, chief_complaint: 'Possible stroke this morning' }))).toContain('stroke_signs_not_ems');
  });

  it("when the agent's advice names the poison line to ring, then no poisoning is read; a poisoning the caller tells still is", () => {
    const advice = says('She licked some crayon, she is fine.', toddler, dispose('home_care', { advice: 'Ring the poisons information line if she is sick.' }));
    expect(symptom(advice, 'poisoning')).toBeUndefined();
    const told = says('He drank some bleach from under the sink.', toddler);
    expect(symptom(told, 'poisoning')).toBe(true);
  });

  it('when a midwife visits after the birth, then she is not read as pregnant; a midwife alone still says pregnant', () => {
    const after = read({ caller_demographics: { age: 31, sex: 'female', days_postpartum: 6 }, chief_complaint: 'Sore stitches', symptom_details: { contact: 'midwife coming on Friday' } });
    expect(factAt(after.facts, 'postpartum')).toBe(true);
    expect(factAt(after.facts, 'pregnant')).not.toBe(true);
    const before = read({ caller_demographics: { age: 31, sex: 'female' }, chief_complaint: 'Back ache', symptom_details: { contact: 'midwife coming on Friday' } });
    expect(factAt(before.facts, 'pregnant')).toBe(true);
  });

  it('when a common allergen food is eaten with no allergy and no reaction, then it is no allergen exposure', () => {
    expect(symptom(says('Had a cashew and almond flapjack after the gym, sugar back up now.'), 'allergen_exposure')).toBeUndefined();
    const known = read({ caller_demographics: { age: 9, sex: 'male', allergies: ['peanuts'] }, chief_complaint: 'Ate a satay skewer by mistake' });
    expect(symptom(known, 'allergen_exposure')).toBe(true);
    const reaction = says('Ate prawns at the buffet and now my lips are swelling up.');
    expect(symptom(reaction, 'allergen_exposure')).toBe(true);
    expect(fired(reaction)).toContain('anaphylaxis_not_ems');
  });

  it('when a details key that names a finding is answered "normal" or "as usual", then the finding is denied, not affirmed', () => {
    const normal = read({ caller_demographics: { age: 67, sex: 'male' }, symptom_details: { drowsiness: 'normal', confusion: 'as usual' } });
    expect(symptom(normal, 'drowsy')).toBe(false);
    expect(symptom(normal, 'confusion')).toBe(false);
    // A described finding is still read with its key.
    const drowsy = read({ caller_demographics: { age: 67, sex: 'male' }, symptom_details: { drowsiness: 'dozing off mid-sentence' } });
    expect(symptom(drowsy, 'drowsy')).toBe(true);
  });
});
