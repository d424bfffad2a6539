import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/lib/project-root.js';
import { loadCatalogue } from '../../src/packs/reading/catalogue.js';
import { READING_CAP_CHARS } from '../../src/packs/reading/reading.js';
import { readTriage } from '../../src/packs/triage/normalise.js';
import type { ActionInput } from '../../src/packs/types.js';

/**
 * Reading a free-text field of the whole reading cap costs a few milliseconds whatever it holds:
 * numbers by the thousand, blood-pressure fragments, stacked negations, one-letter words. The
 * budget is the least CPU time of a few runs after a warm-up, so a busy machine does not make it flaky.
 */

const catalogue = loadCatalogue(path.join(PROJECT_ROOT, 'domains/triage/catalogue.yaml'));
const action: ActionInput = { description: 'Self-care advice', parameters: { disposition: 'home_care' } };
const BUDGET_MS = 30;
const PATTERNS = ['gusting to 50 km/h, ', 'BP 88/', 'no not without ', 'a b c d e f g h i j ', '9 '];
const SHAPES = {
  'a conversation turn': (text: string) => ({ chief_complaint: 'Calling for advice', conversation_history: [{ role: 'caller', content: text }] }),
  'symptom_details text': (text: string) => ({ chief_complaint: 'Calling for advice', symptom_details: { notes: text } }),
};
/** A details value is read after its key's words ("notes …"), so a value of the whole cap is cut by those few characters. */
const CUT: Record<keyof typeof SHAPES, string[]> = { 'a conversation turn': [], 'symptom_details text': ['state.symptom_details.notes'] };

/** The least CPU time (ms) of a few runs after a warm-up: what reading costs, not how long a busy machine made it wait. */
function fastest(run: () => void, times = 5): number {
  run();
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < times; i++) {
    const started = process.cpuUsage();
    run();
    const used = process.cpuUsage(started);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return best;
}

describe('triage reading: a field of the whole reading cap reads in well under 30 ms', () => {
  for (const [shape, state] of Object.entries(SHAPES) as [keyof typeof SHAPES, (text: string) => Record<string, unknown>][]) {
    it.each(PATTERNS)(`when ${shape} is "%s" repeated to the cap, then it is read within the budget`, (pattern) => {
      const text = pattern.repeat(Math.ceil(READING_CAP_CHARS / pattern.length)).slice(0, READING_CAP_CHARS);
      const request = state(text);
      const ms = fastest(() => readTriage(request, action, catalogue));
      expect(ms, `${shape} of "${pattern}": ${ms.toFixed(1)} ms`).toBeLessThan(BUDGET_MS);
      // And the reading says honestly what it could not read.
      expect(readTriage(request, action, catalogue).truncated).toEqual(CUT[shape]);
    });
  }

  it('when bare numbers fill a conversation turn, then none of them becomes a fact', () => {
    const reading = readTriage(SHAPES['a conversation turn']('9 '.repeat(READING_CAP_CHARS / 2)), action, catalogue);
    expect(reading.facts.vitals).toBeUndefined();
    expect(reading.facts.pain_score).toBeUndefined();
  });

  it('when a blood pressure repeats to the cap, then the first reading is kept with its quote', () => {
    const reading = readTriage(SHAPES['a conversation turn']('BP 88/50 '.repeat(2000).slice(0, READING_CAP_CHARS)), action, catalogue);
    expect(reading.facts.vitals).toMatchObject({ systolic_bp: 88, diastolic_bp: 50 });
    expect(reading.provenance['vitals.systolic_bp']).toContain('BP 88/50');
  });
});
