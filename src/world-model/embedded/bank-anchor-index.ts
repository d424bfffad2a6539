import type { ActionInput } from '../../packs/types.js';
import type { Anchor, AnchorIndex } from '../anchor-index.js';
import type { EmbeddedWorldModel } from './embedded-world-model.js';

/**
 * Anchors step-wise rollouts on the nearest real state of the domain's bank, found with the same
 * featuriser and scaling the embedded model learned. Too far away (on average more than
 * `maxDistance` standard deviations per feature), nothing is real enough to anchor on.
 */
export class BankAnchorIndex implements AnchorIndex {
  constructor(
    /** The embedded model, or anything that finds the one in force (the packs may be reloaded). */
    private readonly embedded: Pick<EmbeddedWorldModel, 'model'>,
    private readonly maxDistance = 1.0,
  ) {}

  nearest(domain: string, state: Record<string, unknown>, action: ActionInput): Anchor | null {
    const model = this.embedded.model(domain);
    const hit = model.nearestRow(model.domain.module.featurize(model.domain.read(state, action)));
    if (!hit || hit.distance > this.maxDistance) return null;
    return { state: hit.row.state, steps: hit.row.steps };
  }
}
