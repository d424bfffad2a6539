import { describe, expect, it } from 'vitest';
import { DOMAIN_MODULES } from '../../src/packs/domain-modules.js';
import { loadDomains } from '../../src/packs/load-domains.js';
import { PROJECT_ROOT } from '../../src/lib/project-root.js';
import type { ActionInput } from '../../src/packs/types.js';
import { EmbeddedWorldModel } from '../../src/world-model/embedded/embedded-world-model.js';

const domains = loadDomains(PROJECT_ROOT, DOMAIN_MODULES);
const construction = domains.get('construction_safety')!;

const lift = (gust: number, hours: number) => ({
  state: {
    site_id: 'YARD-3',
    task_description: 'Set the precast stair unit with the mobile crane',
    environmental_conditions: { temperature_c: 16, wind_mph: Math.max(1, gust - 4), gust_mph: gust },
    crew_status: { size: 5, hours_on_site: hours },
    equipment_in_use: ['mobile crane'],
    active_hazards: ['suspended_load'],
  },
  action: { description: 'Lift the stair unit into place', kind: 'crane_lift', parameters: {} } as ActionInput,
});

async function simulate(model: EmbeddedWorldModel, ask: ReturnType<typeof lift>, seed: number) {
  const reading = construction.read(ask.state, ask.action);
  const features = construction.module.featurize(reading);
  // Fresh objects each time, as each evaluation parses its own request.
  return model.simulate({
    domain: construction.name, state: structuredClone(ask.state), action: structuredClone(ask.action), reading, features,
    rollouts: 24, horizon: 5, seed, firstIndex: 0, temperature: 1, deadline: Date.now() + 30_000, signal: new AbortController().signal,
  });
}

describe('embedded world model: predictions remembered across evaluations', () => {
  it('when situations are asked in turn, some again, then each answer is the one a model that never saw the others gives', async () => {
    const used = new EmbeddedWorldModel([construction]);
    const asks = [lift(8, 2), lift(31, 11), lift(8, 2), lift(9, 2), lift(31, 11), lift(8, 2.5)];
    for (const [i, ask] of asks.entries()) {
      const fresh = new EmbeddedWorldModel([construction]);
      const expected = await simulate(fresh, ask, 100 + i);
      expect(await simulate(used, ask, 100 + i)).toEqual(expected);
    }
    // And the situations really differ: a remembered answer for one is not given for another.
    const calm = await simulate(used, lift(8, 2), 1);
    const gusty = await simulate(used, lift(31, 11), 1);
    expect(gusty.probabilities).not.toEqual(calm.probabilities);
  });
});
