import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/lib/project-root.js';
import { constructionSafetyModule as pack } from '../../src/packs/construction_safety/index.js';
import { loadCatalogue } from '../../src/packs/reading/catalogue.js';
import { READING_CAP_CHARS } from '../../src/packs/reading/reading.js';
import type { ActionInput } from '../../src/packs/types.js';

// Bounded cost: one reading of a field as long as the reading cap takes a few milliseconds whatever
// the text repeats (numbers with units, "a/b" pairs, negation triggers, one-letter words, bare numbers),
// because nothing in the reading scans the whole text once per number, per phrase or per clause.
const catalogue = loadCatalogue(path.join(PROJECT_ROOT, 'domains/construction_safety/catalogue.yaml'));
const PATTERNS = ['gusting to 50 km/h, ', 'BP 88/', 'no not without ', 'a b c d e f g h i j ', '9 ', 'remove it, install the guardrail and wait, then '];
type Body = { state: Record<string, unknown>; action: Record<string, unknown> };
const base = (): Body => ({
  state: { site_id: 'YARD-2', task_description: 'Set the precast panels', environmental_conditions: { wind_mph: 8 }, crew_status: { size: 4 }, recent_observations: [] },
  action: { description: 'Lift the panel', kind: 'crane_lift' },
});
const FIELDS: Record<string, (b: Body, text: string) => void> = {
  task_description: (b, t) => (b.state.task_description = t),
  'an observation': (b, t) => (b.state.recent_observations = [t]),
  'the weather text': (b, t) => ((b.state.environmental_conditions as Record<string, unknown>).weather = t),
  'action.description': (b, t) => (b.action.description = t),
};

/**
 * The fastest of a few readings, in CPU time (user and system), so that a machine shared with other
 * test workers does not make a linear reading look slow: waiting for a core is not the reading's cost.
 */
function fastestMs(body: Body): number {
  const state = pack.stateSchema.parse(body.state);
  const action = pack.actionSchema.parse(body.action) as ActionInput;
  pack.read(state, action, catalogue);
  let best = Infinity;
  for (let k = 0; k < 9; k++) {
    const started = process.cpuUsage();
    pack.read(state, action, catalogue);
    const used = process.cpuUsage(started);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return best;
}

describe('construction reading: cost of long text', () => {
  for (const [field, put] of Object.entries(FIELDS)) {
    it.each(PATTERNS)(`when ${field} holds 20,000 characters of "%s", then one reading takes well under 100 ms`, (pattern) => {
      const body = base();
      put(body, pattern.repeat(Math.ceil(READING_CAP_CHARS / pattern.length)).slice(0, READING_CAP_CHARS));
      // About 15 ms on a quiet machine; the bound is there to catch backtracking (seconds), not to
      // time the reading, so it leaves room for a suite running two workers on two cores.
      expect(fastestMs(body)).toBeLessThan(100);
    });
  }

  it('when a field is four times as long, then the reading costs about four times as much, not sixteen', () => {
    const at = (chars: number) => {
      const body = base();
      body.action.description = 'gusting to 50 km/h, remove it, then wait; '.repeat(Math.ceil(chars / 42)).slice(0, chars);
      return fastestMs(body);
    };
    const short = at(READING_CAP_CHARS / 4);
    const long = at(READING_CAP_CHARS);
    expect(long).toBeLessThan(short * 8 + 5);
  });
});
