import type { Classified, OutcomeDef } from '../types.js';

/**
 * The outcome taxonomy, best first. `domains/construction_safety/pack.yaml` is the data the service
 * loads; this copy lets the generator label rows without reading files, and a test keeps the two equal.
 */
export const OUTCOMES: readonly OutcomeDef[] = [
  { name: 'risk_mitigated', description: 'A hazard was recognised and controlled before anyone was hurt; work went on safely.', severity: 0, incident: false, adverse: false, reward: 1 },
  { name: 'no_incident', description: 'The work was done with no injury and no close call.', severity: 1, incident: false, adverse: false, reward: 0.5 },
  { name: 'neutral', description: 'Nothing happened either way; work paused, postponed or left unfinished, no one hurt.', severity: 2, incident: false, adverse: false, reward: 0 },
  { name: 'near_miss', description: 'An unplanned event that could have injured someone but did not.', severity: 3, incident: true, adverse: true, reward: -0.5 },
  { name: 'first_aid', description: 'An injury or illness treated with first aid only on site.', severity: 4, incident: true, adverse: true, reward: -0.7 },
  { name: 'recordable_incident', description: 'An OSHA-recordable injury or illness: medical treatment beyond first aid, restricted work or days away.', severity: 5, incident: true, adverse: true, reward: -1 },
  { name: 'serious_incident', description: 'A severe injury or illness (hospitalisation, amputation, loss of an eye) or a fatality.', severity: 6, incident: true, adverse: true, reward: -2 },
];

/** Near misses and worse are incidents and adverse whatever the action was. */
export function classifyOutcome(outcome: OutcomeDef): Classified {
  return { incident: outcome.incident, adverse: outcome.adverse };
}
