import { WorldModelError, type SimulateRequest, type SimulateResult, type WorldModel } from '../../src/world-model/world-model.js';

/** A world model that fails, hangs or talks nonsense, to prove the service fails closed. */
export function faultyWorldModel(mode: 'down' | 'hang' | 'garbage' | 'approve-all'): WorldModel & { calls: number } {
  const wm = {
    backend: `fake-${mode}`,
    version: 'fake-1',
    calls: 0,
    async simulate(req: SimulateRequest): Promise<SimulateResult> {
      wm.calls++;
      if (mode === 'down') throw new WorldModelError('world_model_unavailable', 'connection refused');
      if (mode === 'hang') return new Promise(() => {});
      const outcome = mode === 'garbage' ? 'not_an_outcome' : 'no_incident';
      const futures = Array.from({ length: req.rollouts }, () => ({ steps: [{ t: 1, event: 'nothing happens', outcome, reward: 0 }], final_outcome: outcome, risk_factors: [] }));
      return { futures, invalid: 0 };
    },
    health: () => ({ ready: mode !== 'down' }),
    async close() {},
  };
  return wm;
}
