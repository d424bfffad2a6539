import type { ActionReading } from '../reading/reading.js';
import type { Classified, OutcomeDef } from '../types.js';

/**
 * Incidents and adverse outcomes as the taxonomy flags them, with one exception: when the action is
 * itself a handover to a person, ending "escalated" is the action working, not failing.
 */
export function classifyOutcome(outcome: OutcomeDef, action: ActionReading): Classified {
  const handover = action.effect === 'stands_down' || action.kind === 'escalate_to_human';
  const intended = outcome.name === 'escalated' && handover;
  return { incident: outcome.incident, adverse: outcome.adverse && !intended };
}
