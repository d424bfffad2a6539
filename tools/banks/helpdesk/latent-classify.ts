import type { ActionInput, Classified, OutcomeDef } from '../../../src/packs/types.js';
import { isHandover } from './latent-features.js';

/**
 * Incidents and adverse outcomes as the taxonomy flags them, with one exception: when the proposed
 * action is itself a handover to a person, ending "escalated" is the action working, not failing.
 */
export function classifyOutcome(outcome: OutcomeDef, action: ActionInput): Classified {
  const intended = outcome.name === 'escalated' && isHandover(action);
  return { incident: outcome.incident, adverse: outcome.adverse && !intended };
}
