import type { SimulateRequest, SimulateResult, WorldModel } from './world-model.js';

/** What the operator sees of each call a world model answers (src/http/metrics.ts). */
export interface WorldModelObserver {
  /** A call asked for `rollouts` futures (whether or not it then succeeded). */
  batch(call: { backend: string; domain: string; rollouts: number }): void;
  /** The futures of an answered call that were unusable: dropped by the backend, or naming no outcome of the domain. */
  invalid(call: { backend: string; domain: string; invalid: number }): void;
}

/**
 * Wraps world models so that every simulate call is observed. One wrapper per model, so that two
 * lookups of the same model stay the same object (the core falls back only to a model it was not
 * already using).
 */
export function meteredWorldModels(observer: WorldModelObserver, isOutcome: (domain: string, outcome: string) => boolean): (model: WorldModel) => WorldModel {
  const wrapped = new WeakMap<WorldModel, WorldModel>();
  return (model) => {
    let m = wrapped.get(model);
    if (!m) wrapped.set(model, (m = metered(model, observer, isOutcome)));
    return m;
  };
}

function metered(inner: WorldModel, observer: WorldModelObserver, isOutcome: (domain: string, outcome: string) => boolean): WorldModel {
  return {
    get backend() {
      return inner.backend;
    },
    get version() {
      return inner.version;
    },
    get knowsProbabilities() {
      return inner.knowsProbabilities;
    },
    async simulate(req: SimulateRequest): Promise<SimulateResult> {
      observer.batch({ backend: inner.backend, domain: req.domain, rollouts: req.rollouts });
      const result = await inner.simulate(req);
      const unknown = result.futures.filter((f) => !isOutcome(req.domain, f.final_outcome)).length;
      observer.invalid({ backend: inner.backend, domain: req.domain, invalid: result.invalid + unknown });
      return result;
    },
    health: () => inner.health(),
    close: () => inner.close(),
  };
}
