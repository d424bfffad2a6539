import type { TrajectoryRow, FutureStep } from '../../banks/trajectory.js';
import { bankDigest, bankKey, type LoadedDomain } from '../../packs/load-domains.js';
import type { ActionReading } from '../../packs/reading/reading.js';
import type { ActiveFactor, Features } from '../../packs/types.js';
import { mixSeed, mulberry32, sampleIndex, type Random } from '../../lib/random.js';
import type { Future } from '../world-model.js';
import { NeighbourIndex } from '../../lib/neighbour-index.js';
import { fitSoftmax, probabilitiesOf, standardise, type SoftmaxModel } from './softmax-regression.js';

const NEIGHBOURS_PER_OUTCOME = 8;
/** A fitted model on disk: its typed arrays as plain arrays (JSON keeps every bit of a double). */
const SOFTMAX_CODEC = {
  encode: (m: SoftmaxModel) => ({ classes: m.classes, dims: m.dims, mean: [...m.mean], scale: [...m.scale], weights: [...m.weights] }),
  decode: (j: unknown): SoftmaxModel => {
    const m = j as { classes: string[]; dims: number; mean: number[]; scale: number[]; weights: number[] };
    return { classes: m.classes, dims: m.dims, mean: Float64Array.from(m.mean), scale: Float64Array.from(m.scale), weights: Float64Array.from(m.weights) };
  },
};
const fittedModels = new Map<string, SoftmaxModel>();
// A neighbour whose story agrees with the request on whether the outcome was bad is preferred this much.
const SAME_VERDICT_WEIGHT = 20;
// …and one where the same kind of action was taken (the same disposition, in triage).
const SAME_ACTION_WEIGHT = 5;

const actionSignature = (a: ActionReading) => `${a.effect}|${a.kind}|${a.disposition ?? ''}`;

/** What the model makes of one state+action, computed once per evaluation and shared by its futures. */
export interface Prediction {
  /** Probability of each outcome, in taxonomy order. */
  probabilities: Float64Array;
  /** The same, by outcome name. */
  byOutcome: Record<string, number>;
  incidentProbability: number;
  adverseProbability: number;
  /** Active factors with their pull toward bad outcomes (log-odds), strongest first. */
  factors: { factor: ActiveFactor; pull: number }[];
  neighbours: { row: number; distance: number }[][];
  bad: boolean[];
  action: string;
}

/**
 * One domain's embedded world model: a softmax regression over the featuriser's values, learned
 * from the bank's training split, plus the nearest real trajectories for the narrative of each future.
 */
export class DomainModel {
  private readonly model: SoftmaxModel;
  private readonly index: NeighbourIndex;
  private readonly train: TrajectoryRow[];
  /** Whether each training row's own outcome was bad for its own action (under-triage depends on the disposition). */
  private readonly trainBad: boolean[];
  private readonly trainAction: string[];
  private readonly featureIndex: ReadonlyMap<string, number>;
  readonly trainingMs: number;

  constructor(readonly domain: LoadedDomain) {
    const started = performance.now();
    this.featureIndex = new Map(domain.module.featureNames.map((n, j) => [n, j]));
    const classes = domain.outcomes.map((o) => o.name);
    const classOf = new Map(classes.map((c, i) => [c, i]));
    const { features: all, actions } = bankDigest(domain);
    const trainIdx = domain.bank.rows.flatMap((r, i) => (r.split === 'train' ? [i] : []));
    this.train = trainIdx.map((i) => domain.bank.rows[i]);
    const vectors = trainIdx.map((i) => all[i]);
    const labels = this.train.map((r) => classOf.get(r.final_outcome)!);
    this.trainAction = trainIdx.map((i) => actionSignature(actions[i]));
    this.trainBad = trainIdx.map((i) => {
      const cls = domain.module.classify(domain.outcomeByName.get(domain.bank.rows[i].final_outcome)!, actions[i]);
      return cls.incident || cls.adverse;
    });
    // The fit is deterministic in the bank and its reading, so one process fits each once.
    const fitKey = bankKey(domain);
    let model = fittedModels.get(fitKey);
    if (!model) fittedModels.set(fitKey, (model = domain.cache.get(`model-${domain.name}`, fitKey, () => fitSoftmax(vectors, labels, classes), SOFTMAX_CODEC)));
    this.model = model;
    this.index = new NeighbourIndex(
      vectors.map((v) => standardise(this.model, v)),
      this.model.dims,
      (row) => labels[row],
      classes.length,
    );
    this.trainingMs = performance.now() - started;
  }

  /** The model's view of one request, from the features of its reading. */
  predict(features: Features, action: ActionReading): Prediction {
    const { module, outcomes } = this.domain;
    const z = standardise(this.model, features.values);
    const probabilities = probabilitiesOf(this.model, z);
    let incidentProbability = 0;
    let adverseProbability = 0;
    const bad = outcomes.map((o, c) => {
      const cls = module.classify(o, action);
      if (cls.incident) incidentProbability += probabilities[c];
      if (cls.adverse) adverseProbability += probabilities[c];
      return cls.incident || cls.adverse;
    });
    const pullOf = this.badPull(z, probabilities, bad);
    const factors = features.factors
      .map((factor) => ({
        factor,
        pull: factor.features.reduce((s, name) => {
          const j = this.featureIndex.get(name);
          return j === undefined ? s : s + pullOf[j];
        }, 0),
      }))
      .sort((a, b) => b.pull - a.pull);
    return {
      probabilities,
      byOutcome: Object.fromEntries(outcomes.map((o, c) => [o.name, probabilities[c]])),
      incidentProbability,
      adverseProbability,
      factors,
      neighbours: this.index.nearestPerGroup(z, NEIGHBOURS_PER_OUTCOME),
      bad,
      action: actionSignature(action),
    };
  }

  /**
   * Each feature's contribution to the log-odds of a bad outcome at this input: the gradient of
   * log P(bad)/P(good) with respect to the feature, times its standardised value.
   */
  private badPull(z: Float64Array, p: Float64Array, bad: boolean[]): Float64Array {
    const { dims, weights } = this.model;
    const stride = dims + 1;
    let pBad = 0;
    for (let c = 0; c < p.length; c++) if (bad[c]) pBad += p[c];
    const pGood = 1 - pBad;
    const pull = new Float64Array(dims);
    for (let j = 0; j < dims; j++) {
      let wBad = 0;
      let wGood = 0;
      for (let c = 0; c < p.length; c++) {
        const w = weights[c * stride + j] * p[c];
        if (bad[c]) wBad += w;
        else wGood += w;
      }
      const slope = (pBad > 1e-12 ? wBad / pBad : 0) - (pGood > 1e-12 ? wGood / pGood : 0);
      pull[j] = slope * z[j];
    }
    return pull;
  }

  /** Future `index` of a seeded run: its own random stream, so batches append deterministically. */
  sampleFuture(prediction: Prediction, seed: number, index: number, horizon: number, temperature: number): Future {
    const rng = mulberry32(mixSeed(seed, index));
    // Outcome probabilities are sampled as predicted (never sharpened), so rates stay calibrated;
    // temperature only varies which real trajectory tells the story.
    const c = sampleIndex(prediction.probabilities, rng);
    const outcome = this.domain.outcomes[c].name;
    const steps = this.narrative(prediction, c, outcome, horizon, temperature, rng);
    const risk_factors = prediction.bad[c] ? this.attribute(prediction.factors, rng) : [];
    return { steps, final_outcome: outcome, risk_factors };
  }

  /**
   * The story of a future, told by a real trajectory near this input with the same outcome,
   * preferably one where that outcome was bad (or not) for the same reason as here.
   */
  private narrative(prediction: Prediction, c: number, outcome: string, horizon: number, temperature: number, rng: Random): FutureStep[] {
    const neighbours = prediction.neighbours[c];
    if (neighbours.length === 0) {
      return [{ t: 1, event: `The action goes ahead; the situation ends as ${outcome.replaceAll('_', ' ')}.`, outcome, reward: 0 }];
    }
    const t = Math.max(temperature, 0.05);
    const weights = neighbours.map(
      (n) =>
        Math.exp(-n.distance / t) *
        (this.trainBad[n.row] === prediction.bad[c] ? SAME_VERDICT_WEIGHT : 1) *
        (this.trainAction[n.row] === prediction.action ? SAME_ACTION_WEIGHT : 1),
    );
    const source = this.train[neighbours[sampleIndex(weights, rng)].row].steps;
    const kept = source.length <= horizon ? source : [...source.slice(0, horizon - 1), source[source.length - 1]];
    return kept.map((s, i) => ({ ...s, t: i + 1, ...(i === kept.length - 1 ? { outcome } : {}) }));
  }

  /** Names the factors behind a bad future: one cause drawn by pull, others by their relative pull. */
  private attribute(factors: Prediction['factors'], rng: Random): string[] {
    const pushing = factors.filter((f) => f.pull > 0);
    if (pushing.length === 0) return [];
    const primary = sampleIndex(pushing.map((f) => f.pull), rng);
    const strongest = pushing[0].pull;
    return pushing.filter((f, i) => i === primary || rng() < f.pull / strongest).map((f) => f.factor.factor);
  }

  /**
   * The nearest real trajectory to a state, for anchoring step-wise rollouts, with its distance in
   * standardised units per feature (1 ≈ one standard deviation on every feature).
   */
  nearestRow(features: Features): { row: TrajectoryRow; distance: number } | undefined {
    const z = standardise(this.model, features.values);
    const hit = this.index.nearest(z);
    return hit ? { row: this.train[hit.row], distance: hit.distance / Math.sqrt(Math.max(1, this.model.dims)) } : undefined;
  }
}
