import type { SimulateRequest, SimulateResult, WorldModel } from '../../src/world-model/world-model.js';
import { SCENARIOS } from '../support/scenarios.js';

/** The incident probability the fake model gives a crane lift, by the crew's hours on site (which also keeps the readings apart). */
export const P_BY_HOURS: Record<number, number> = { 1: 0.1, 2: 0.1, 3: 0.4, 4: 0.4, 5: 0.8, 6: 0.8, 7: 0.2, 8: 0.6 };

/** A world model that knows its probabilities, as the embedded one does, and states them exactly: a known prediction per evaluation. */
export function calibratedWorldModel(): WorldModel {
  return {
    backend: 'fake-calibrated',
    version: 'fake-calibrated-1',
    knowsProbabilities: true,
    async simulate(req: SimulateRequest): Promise<SimulateResult> {
      const hours = (req.state.crew_status as { hours_on_site: number }).hours_on_site;
      const p = P_BY_HOURS[hours];
      const futures = Array.from({ length: req.rollouts }, (_, i) => {
        const outcome = i < Math.round(p * req.rollouts) ? 'near_miss' : 'no_incident';
        return { steps: [{ t: 1, event: 'the lift goes ahead', outcome, reward: 0 }], final_outcome: outcome, risk_factors: [] };
      });
      return { futures, invalid: 0, probabilities: { near_miss: p, no_incident: 1 - p } };
    },
    health: () => ({ ready: true }),
    async close() {},
  };
}

/** A calm crane lift whose crew has been on site `hours`: the fake model's key, and distinct readings, so no ask repeats a pending one. */
export const lift = (hours: number) => ({
  ...SCENARIOS.calmCraneLift.body,
  state: { ...SCENARIOS.calmCraneLift.body.state, crew_status: { size: 6, hours_on_site: hours } },
});
