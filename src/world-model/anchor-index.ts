import type { FutureStep } from '../banks/trajectory.js';
import type { ActionInput } from '../packs/types.js';

/** A real state from the domain's trajectory bank and what really followed it. */
export interface Anchor {
  state: Record<string, unknown>;
  steps: FutureStep[];
}

/**
 * Grounds step-wise rollouts: the most similar real state in a domain's bank, or null when nothing
 * is similar enough to be worth pulling the simulation towards.
 */
export interface AnchorIndex {
  nearest(domain: string, state: Record<string, unknown>, action: ActionInput): Anchor | null;
}
