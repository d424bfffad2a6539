import crypto from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { codeVersion } from '../../packs/bank-cache.js';
import type { LoadedDomain } from '../../packs/load-domains.js';
import { WorldModelError, type SimulateRequest, type SimulateResult, type WorldModel, type WorldModelHealth } from '../world-model.js';
import { DomainModel, type Prediction } from './domain-model.js';

const EMBEDDED_MODEL_NAME = 'embedded-softmax-v1';
/** Distinct situations whose prediction is kept (each a few kilobytes). */
const PREDICTIONS_KEPT = 2_000;

/** The default world model: learned in-process from each domain's shipped bank. No GPU, no network. */
export class EmbeddedWorldModel implements WorldModel {
  readonly backend = 'embedded';
  readonly knowsProbabilities = true;
  readonly version: string;
  private readonly models: Map<string, DomainModel>;
  /**
   * The batches of one adaptive evaluation share its state and action objects, so the prediction
   * (featurise + neighbour scan) is made once per evaluation and forgotten with it.
   */
  private readonly predictions = new WeakMap<object, { action: object; domain: string; prediction: Prediction }>();
  /**
   * Predictions by what they are computed from (the domain, the feature values, the active factors
   * and the action's reading), across evaluations: a prediction is a pure function of them, and
   * agents ask about the same situation again and again. Bounded; a hit is the same object, never changed.
   */
  private readonly recent = new LRUCache<string, Prediction>({ max: PREDICTIONS_KEPT });

  constructor(domains: Iterable<LoadedDomain>) {
    this.models = new Map([...domains].map((d) => [d.name, new DomainModel(d)]));
    // What the model learned from, per domain: the bank, the catalogue it was read with, and the
    // code that read and fitted it. Any of them changing changes the probabilities, so the version.
    const learned = [...this.models.values()].map((m) => {
      const digest = crypto.createHash('sha256').update(`${m.domain.bank.hash}\0${m.domain.catalogue.hash}\0${codeVersion()}`).digest('hex');
      return `${m.domain.name}:${digest.slice(0, 12)}`;
    });
    this.version = `${EMBEDDED_MODEL_NAME}+${learned.join(',')}`;
  }

  model(domain: string): DomainModel {
    const m = this.models.get(domain);
    if (!m) throw new WorldModelError('world_model_unavailable', `no embedded model for domain '${domain}'`);
    return m;
  }

  trainingMs(): Record<string, number> {
    return Object.fromEntries([...this.models].map(([name, m]) => [name, Math.round(m.trainingMs)]));
  }

  async simulate(req: SimulateRequest): Promise<SimulateResult> {
    if (req.signal.aborted || Date.now() > req.deadline) {
      throw new WorldModelError('deadline_exceeded', 'the deadline passed before simulation started');
    }
    const model = this.model(req.domain);
    let cached = this.predictions.get(req.state);
    if (!cached || cached.action !== req.action || cached.domain !== req.domain) {
      const { features, reading } = this.readingOf(model, req);
      const key = `${req.domain}\0${features.values.join(',')}\0${JSON.stringify(features.factors)}\0${JSON.stringify(reading.action)}`;
      let prediction = this.recent.get(key);
      if (!prediction) this.recent.set(key, (prediction = model.predict(features, reading.action)));
      cached = { action: req.action, domain: req.domain, prediction };
      this.predictions.set(req.state, cached);
    }
    const { prediction } = cached;
    const futures = [];
    for (let i = 0; i < req.rollouts; i++) {
      futures.push(model.sampleFuture(prediction, req.seed, req.firstIndex + i, req.horizon, req.temperature));
    }
    return { futures, invalid: 0, probabilities: prediction.byOutcome };
  }

  /** The core passes the reading it made; a caller that did not (the anchor index, tools) gets one made here. */
  private readingOf(model: DomainModel, req: SimulateRequest) {
    if (req.reading && req.features) return { reading: req.reading, features: req.features };
    const reading = model.domain.read(req.state, req.action);
    return { reading, features: model.domain.module.featurize(reading) };
  }

  health(): WorldModelHealth {
    return { ready: true, detail: { domains: [...this.models.keys()] } };
  }

  async close(): Promise<void> {}
}
