import type { TrajectoryRow } from '../../../src/banks/trajectory.js';
import { mulberry32, sampleIndex, type Random } from '../../../src/lib/random.js';
import { featurizeTriage } from './latent-features.js';
import { narrate } from './narrative.js';
import { classifyByDisposition, DISPOSITIONS, TRIAGE_OUTCOMES } from '../../../src/packs/triage/outcomes.js';
import { trueOutcomeProbabilities } from './risk-model.js';
import { sampleScenario } from './scenarios.js';

/** The shipped bank: the bank tooling writes `domains/triage/trajectories.jsonl` with these. */
export { BANK_SEED, BANK_SIZE } from '../../../src/banks/bank-defaults.js';

/** Every fifth row is held out for validation, so the split does not depend on what was drawn. */
const HELDOUT_EVERY = 5;

/** A seeded stream with the few draws the scenario sampler needs. */
export class Rng {
  private readonly random: Random;
  constructor(seed: number) {
    this.random = mulberry32(seed);
  }
  next(): number {
    return this.random();
  }
  /** Integer in [lo, hi]. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.random() * (hi - lo + 1));
  }
  /** Number in [lo, hi), rounded to `digits`. */
  real(lo: number, hi: number, digits = 1): number {
    const f = 10 ** digits;
    return Math.round((lo + this.random() * (hi - lo)) * f) / f;
  }
  chance(p: number): boolean {
    return this.random() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)];
  }
  /** Each item kept with probability p, order preserved. */
  some<T>(items: readonly T[], p: number): T[] {
    return items.filter(() => this.random() < p);
  }
  weighted(weights: readonly number[]): number {
    return sampleIndex(weights, this.random);
  }
}

/** Seeded, deterministic synthetic bank: same seed and count, byte-identical rows. */
export function generateBank(seed: number, count: number): TrajectoryRow[] {
  const rng = new Rng(seed);
  const rows: TrajectoryRow[] = [];
  for (let i = 0; i < count; i++) {
    const scenario = sampleScenario(rng);
    const features = featurizeTriage(scenario.state, scenario.action);
    const probabilities = trueOutcomeProbabilities(features.vector);
    const drawn = TRIAGE_OUTCOMES[rng.weighted(probabilities)];
    let adverse = 0;
    let incident = 0;
    probabilities.forEach((p, k) => {
      const c = classifyByDisposition(TRIAGE_OUTCOMES[k], scenario.action.parameters.disposition);
      if (c.adverse) adverse += p;
      if (c.incident) incident += p;
    });
    const level = DISPOSITIONS.indexOf(scenario.action.parameters.disposition);
    rows.push({
      id: `triage-${String(i).padStart(5, '0')}`,
      split: i % HELDOUT_EVERY === HELDOUT_EVERY - 1 ? 'heldout' : 'train',
      state: scenario.state,
      action: scenario.action,
      steps: narrate(rng, scenario.story, drawn, level, classifyByDisposition(drawn, scenario.action.parameters.disposition).adverse),
      final_outcome: drawn.name,
      risk_factors: features.factors.map((f) => f.factor),
      true_risk: { incident: round4(incident), adverse: round4(adverse) },
      synthetic: true,
    });
  }
  return rows;
}

function round4(x: number): number {
  return Math.round(x * 10000) / 10000;
}
