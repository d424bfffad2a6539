import path from 'node:path';
import { PROJECT_ROOT } from '../../src/lib/project-root.js';
import { loadCatalogue } from '../../src/packs/reading/catalogue.js';
import { factAt, type Reading } from '../../src/packs/reading/reading.js';
import { readTriage } from '../../src/packs/triage/normalise.js';
import type { ActionInput } from '../../src/packs/types.js';

/** The triage pack's shipped catalogue, read once per test process. */
export const triageCatalogue = loadCatalogue(path.join(PROJECT_ROOT, 'domains/triage/catalogue.yaml'));

/**
 * Helpers for reading-layer tests of triage: a disposition as an agent sends it, a call read with a
 * default adult caller, the caller's own words, a symptom fact, and the catalogue hazards a reading breaks.
 */
export function triageReader(defaultDisposition = 'home_care') {
  const catalogue = triageCatalogue;
  const dispose = (disposition: string, description = 'Disposition given', extra: Record<string, unknown> = {}): ActionInput => ({ description, parameters: { disposition, ...extra } });
  const read = (state: Record<string, unknown>, action: ActionInput = dispose(defaultDisposition)): Reading =>
    readTriage({ caller_demographics: { age: 40, sex: 'female' }, chief_complaint: 'Calling for advice', ...state }, action, catalogue);
  const says = (text: string, action?: ActionInput, demographics: Record<string, unknown> = { age: 40, sex: 'female' }) =>
    read({ caller_demographics: demographics, conversation_history: [{ role: 'caller', content: text }] }, action);
  const symptom = (r: Reading, name: string) => factAt(r.facts, `symptoms.${name}`);
  const fired = (r: Reading) => catalogue.hazards.filter((h) => h.test({ facts: r.facts, action: r.action as unknown as Record<string, unknown> })).map((h) => h.id);
  return { catalogue, dispose, read, says, symptom, fired };
}
