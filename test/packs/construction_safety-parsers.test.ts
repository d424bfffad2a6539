import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/lib/project-root.js';
import { kindOfField, readInstructions } from '../../src/packs/construction_safety/classify-action.js';
import { ruleFor, splitFieldName } from '../../src/packs/construction_safety/field-names.js';
import { statusOf } from '../../src/packs/construction_safety/status.js';
import { viewOf } from '../../src/packs/construction_safety/text-view.js';
import { loadCatalogue } from '../../src/packs/reading/catalogue.js';
import { ReadingBuilder } from '../../src/packs/reading/reading.js';
import { tokenize } from '../../src/packs/reading/text.js';

const catalogue = loadCatalogue(path.join(PROJECT_ROOT, 'domains/construction_safety/catalogue.yaml'));
const vocabulary = catalogue.vocabulary;
const instructionsOf = (text: string) => {
  const b = new ReadingBuilder({ state: {}, action: { description: text } });
  return readInstructions(viewOf(b.text('action.description', text, vocabulary)!, 'action', vocabulary));
};

describe('construction field names', () => {
  it('when a name carries a unit suffix or camel case, then the words and the unit are split apart', () => {
    expect(splitFieldName('wind_speed_kmh')).toEqual({ words: ['wind', 'speed'], unit: 'kmh' });
    expect(splitFieldName('gustsKmh')).toEqual({ words: ['gust'], unit: 'kmh' });
    expect(splitFieldName('H2S_ppm')).toEqual({ words: ['h2s'], unit: 'ppm' });
    expect(splitFieldName('co_ppm').words).toEqual(['co']);
  });

  it('when several rules match a name, then the one with the most matching words decides', () => {
    expect(ruleFor(splitFieldName('rated_capacity_lbs_at_radius'), 'parameters')?.fact).toBe('crane.capacity_lbs');
    expect(ruleFor(splitFieldName('radius_ft'), 'parameters')?.fact).toBe('crane.radius_ft');
    expect(ruleFor(splitFieldName('load_pct_capacity'), 'parameters')?.fact).toBe('crane.load_pct');
    expect(ruleFor(splitFieldName('machine_wind_rating_ms'), 'parameters')?.fact).toBe('wind.limit_mph');
    expect(ruleFor(splitFieldName('distance_to_line_m'), 'parameters')?.fact).toBe('power_line.distance_ft');
  });

  it('when a name is scoped ("size" outside crew_status), then it is not read as the crew size', () => {
    expect(ruleFor(splitFieldName('size'), 'crew')?.fact).toBe('crew.size');
    expect(ruleFor(splitFieldName('size'), 'parameters')).toBeUndefined();
  });
});

describe('construction status words', () => {
  it('when a record says done in words, booleans or counts, then it reads as in place', () => {
    for (const v of [true, 'completed', 'in_place', 'Issued', 'guardrail + PFAS', 'trench_box', '10 min every hour', 2]) expect(statusOf(v, vocabulary), String(v)).toBe(true);
  });

  it('when a record says not done anywhere in the phrase, then the negative wins', () => {
    for (const v of [false, 'pending', 'not_applied', 'none required per competent person', 'skipped - same as yesterday', 'removed for access', 'overdue', 0]) expect(statusOf(v, vocabulary), String(v)).toBe(false);
  });

  it('when a record does not say, then the status stays unknown', () => {
    for (const v of ['unknown', 'TBD', 'ask the foreman', '', 'x'.repeat(200)]) expect(statusOf(v, vocabulary), v.slice(0, 20)).toBeUndefined();
  });
});

describe('construction phrases written with joiners', () => {
  it('when words are joined by hyphens, slashes or underscores, then the vocabulary still reads them as its phrases', () => {
    const phrases = (text: string) => {
      const tokens = tokenize(text);
      return vocabulary.match(tokens, new Array<boolean>(tokens.length).fill(false)).map((m) => `${m.concept}:${m.phrase}`);
    };
    expect(phrases('100% tie-off')).toContain('control.fall:tie off');
    expect(phrases('on the oxy-acetylene cart')).toContain('kind.hot_work:oxy acetylene');
    expect(phrases('lockout/tagout applied')).toEqual(expect.arrayContaining(['control.loto:lockout', 'control.loto:tagout']));
    expect(phrases('suspended_load')).toContain('hazard.suspended_load:suspended load');
  });
});

describe('construction action instructions', () => {
  it('when the instruction waits and then proceeds, then the effect is proceeds', () => {
    expect(instructionsOf('Wait for the flagger, then pick the load').effect).toBe('proceeds');
    expect(instructionsOf('Hold until the rigger signals, then hoist').effect).toBe('proceeds');
  });

  it('when every instruction stands down or waits, then the effect is stands_down', () => {
    for (const t of ['Postpone the pour to tomorrow', 'Do not enter the trench', 'Keep everyone out until the engineer signs off', 'Evacuate the deck and take shelter']) {
      expect(instructionsOf(t).effect, t).toBe('stands_down');
    }
  });

  it('when a control is put in place before the work, then the effect is mitigates_first and names the control', () => {
    const r = instructionsOf('Install the guardrails, then start the membrane');
    expect(r.effect).toBe('mitigates_first');
    expect(r.instructions[0].controls.map((c) => c.concept)).toContain('control.fall');
  });

  it('when a verb takes a safeguard away, then the instruction is a removal even through a pronoun', () => {
    expect(instructionsOf('The tilt alarm keeps going off; bypass it and finish').instructions.some((i) => i.head === 'remove' && i.controls[0].phrase.includes('alarm'))).toBe(true);
    expect(instructionsOf('Remove the debris and continue').instructions.some((i) => i.head === 'remove')).toBe(false);
  });

  it('when a kind is not canonical, then it is read by its words', () => {
    expect(kindOfField('lift_plan_submission', vocabulary)).toBe('crane_lift');
    expect(kindOfField('trench_entry', vocabulary)).toBe('trenching');
    expect(kindOfField('crane_lift', vocabulary)).toBe('crane_lift');
    expect(kindOfField('misc', vocabulary)).toBeUndefined();
  });
});
