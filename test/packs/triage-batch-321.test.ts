import { describe, expect, it } from 'vitest';
import { triageReader } from '../support/triage-reading.js';

/**
 * Reading fixes met in the triage batch tr-dev-321..360, told in this file's own words, each with a
 * neighbour that keeps its reading.
 */
const { read, says, dispose, symptom, fired } = triageReader();

describe('triage: an answer that denies what its key names', () => {
  it('when a screening field names self-harm and its answer denies it in its own words, then self-harm is denied', () => {
    const r = read({ symptom_details: { self_harm_screen: 'low in mood some days, denies any self-harm' } });
    expect(symptom(r, 'self_harm')).toBe(false);
    expect(fired(r)).not.toContain('suicidal_ideation_low_acuity');
  });

  it('when the same field reports self-harm, then it is still read as self-harm', () => {
    expect(symptom(read({ symptom_details: { self_harm_screen: 'scratched her forearms with a compass last week' } }), 'self_harm')).toBe(true);
  });
});

describe('triage: signs of a basal skull fracture after a head injury (NICE NG232 1.4)', () => {
  it('when a knock to the head is followed by blood from an ear, then home care breaks the head-injury rule', () => {
    const r = says('My son banged his head on the climbing frame an hour ago and now there is blood from his ear.');
    expect(symptom(r, 'basal_skull_signs')).toBe(true);
    expect(fired(r)).toContain('head_injury_red_flags_low_acuity');
  });

  it('when a knock to the head has none of the signs, then the rule does not fire on it', () => {
    const r = says('My son banged his head on the climbing frame an hour ago, small lump, playing normally, no sickness.');
    expect(symptom(r, 'basal_skull_signs')).toBeUndefined();
    expect(fired(r)).not.toContain('head_injury_red_flags_low_acuity');
  });
});

describe('triage: a dental infection spreading to the eye or neck (NHS Dental abscess)', () => {
  it('when the swelling from a bad tooth reaches the eye, then a dental callback in two days breaks the rule', () => {
    const r = says('Abscessed tooth on the top, my cheek has blown up and my eye is closing up now.', dispose('clinic_48h', 'Dentist'));
    expect(symptom(r, 'swelling_to_eye_or_neck')).toBe(true);
    expect(fired(r)).toContain('dental_swelling_spreading_low_acuity');
  });

  it('when a toothache has no swelling beyond the gum, then the rule does not fire', () => {
    const r = says('Throbbing toothache since Sunday, a bit of gum swelling, no fever.', dispose('clinic_48h', 'Dentist'));
    expect(fired(r)).not.toContain('dental_swelling_spreading_low_acuity');
  });
});

describe('triage: deep frostbite after rewarming (NHS Frostbite)', () => {
  it('when fingers out in sub-zero wind stay waxy and numb after warming, then home care breaks the rule', () => {
    expect(fired(says('Out at minus 15 all afternoon, two fingers went waxy and are still numb an hour after warming them.'))).toContain('deep_frostbite_low_acuity');
  });

  it('when cold fingers get their colour and feeling back indoors, then the rule does not fire', () => {
    expect(fired(says('Fingers went red and tingly on the cold walk, colour and feeling came back within half an hour indoors.'))).not.toContain('deep_frostbite_low_acuity');
  });
});
