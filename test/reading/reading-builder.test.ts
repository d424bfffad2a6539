import { describe, expect, it } from 'vitest';
import { factAt, READING_CAP_CHARS, ReadingBuilder, type ActionReading } from '../../src/packs/reading/reading.js';
import { Lexicon } from '../../src/packs/reading/text.js';
import { heatIndexC, toCelsius, toFeet, toMph, toPounds, toYears } from '../../src/packs/reading/units.js';

const proceeds: ActionReading = { effect: 'proceeds', kind: 'crane_lift', kind_source: 'kind', high_impact: true, lowers_risk: false };

describe('units', () => {
  it('when speeds, temperatures, lengths, weights and ages come in other units, then they convert to the canonical ones', () => {
    expect(toMph(50, 'kmh')).toBeCloseTo(31.07, 2);
    expect(toMph(12.5, 'ms')).toBeCloseTo(27.96, 2);
    expect(toMph(20, 'kn')).toBeCloseTo(23.02, 2);
    expect(toMph(5, 'degC')).toBeUndefined();
    expect(toCelsius(103, 'degF')).toBeCloseTo(39.44, 2);
    expect(toFeet(3, 'm')).toBeCloseTo(9.84, 2);
    expect(toPounds(2, 'tonne')).toBeCloseTo(4409.2, 1);
    expect(toYears(6, 'week')).toBeCloseTo(0.115, 3);
    expect(toYears(18, 'month')).toBe(1.5);
  });

  it('when the heat index is computed, then it matches the NWS table (96 °F at 65% reads about 121 °F)', () => {
    const hiF = (heatIndexC(toCelsius(96, 'degF')!, 65) * 9) / 5 + 32;
    expect(hiF).toBeGreaterThan(119);
    expect(hiF).toBeLessThan(123);
    expect(heatIndexC(20, 50)).toBeCloseTo(19.6, 0);
  });
});

describe('ReadingBuilder', () => {
  it('when a fact is set twice, then the first source wins unless the second is stronger, and provenance follows', () => {
    const b = new ReadingBuilder({ state: {}, action: {} });
    b.set('wind.gust_mph', 31, 'state.gust_mph');
    b.set('wind.gust_mph', 10, 'description');
    expect(factAt(b.facts, 'wind.gust_mph')).toBe(31);
    b.set('wind.gust_mph', 40, 'action.parameters.gust_mph', true);
    expect(factAt(b.facts, 'wind.gust_mph')).toBe(40);
    expect(b.provenance['wind.gust_mph']).toBe('action.parameters.gust_mph');
  });

  it('when fields are read or left alone, then the reading lists exactly the fields it never read', () => {
    const b = new ReadingBuilder({
      state: { environmental_conditions: { wind_mph: 12, favourite_colour: 'blue' }, crew_status: { size: 4 } },
      action: { description: 'Proceed', parameters: { radius_ft: 40 } },
    });
    b.get('state.environmental_conditions.wind_mph');
    b.get('state.crew_status');
    b.get('action.description');
    const reading = b.build(proceeds);
    expect(reading.ignored).toEqual(['state.environmental_conditions.favourite_colour', 'action.parameters.radius_ft']);
  });

  it('when a text field is over the reading cap, then it is marked truncated and only the cap is read', () => {
    const b = new ReadingBuilder({ state: {}, action: {} });
    const read = b.text('state.task_description', 'x '.repeat(READING_CAP_CHARS));
    expect(b.build(proceeds).truncated).toEqual(['state.task_description']);
    expect(read!.tokens.length).toBeLessThanOrEqual(READING_CAP_CHARS / 2 + 1);
  });

  it('when free text is read against a vocabulary, then the share of unknown content words is reported', () => {
    const vocabulary = new Lexicon([{ phrase: 'crane lift', concept: 'kind.crane_lift' }, { phrase: 'truss', concept: 'general' }]);
    const b = new ReadingBuilder({ state: {}, action: {} });
    b.text('action.description', 'Proceed with the crane lift of the truss using the flux capacitor', vocabulary);
    const { unread } = b.build(proceeds);
    expect(unread.words).toBe(7); // proceed, crane, lift, truss, using, flux, capacitor
    expect(unread.unknown).toEqual(['proceed', 'using', 'flux', 'capacitor']);
    expect(unread.share).toBeCloseTo(4 / 7, 3);
  });
});
