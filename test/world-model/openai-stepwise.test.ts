import { describe, expect, it } from 'vitest';
import { defaultStep } from '../support/fake-openai-server.js';
import { CountingAnchors, expectGroundedFrom, expectWholeRollouts, failure, harnessPerTest, simulateRequest, stepInputs } from './openai-fixtures.js';

const harnesses = harnessPerTest();

describe('openai world model: step-wise rollouts', () => {
  it('when several evaluations roll out step-wise at once, then their steps share requests to /v1/completions', async () => {
    const harness = await harnesses.start({ server: { latencyMs: 5 } });
    const sites = ['SITE_A', 'SITE_B', 'SITE_C'];
    const results = await Promise.all(
      sites.map((site_id) => harness.wm.simulate(simulateRequest({ mode: 'stepwise', rollouts: 4, horizon: 4, state: { site_id } }))),
    );

    for (const result of results) expectWholeRollouts(result, 4, 4);
    const { log, requests } = harness.server.stats;
    expect(log.every((e) => e.path === '/v1/completions')).toBe(true);
    expect(requests).toBeLessThan(3 * 4 * 4);
    expect(requests).toBeLessThanOrEqual(2 * 4);
    const sitesPerRequest = log.map((e) => new Set((e.body?.prompt as string[]).map((p) => /"site_id":"(SITE_\w)"/.exec(p)?.[1])).size);
    expect(Math.max(...sitesPerRequest)).toBe(3);
  });

  it('when rollouts run 8 steps with anchoring every 4, then each is grounded once on the bank and later prompts carry the real case', async () => {
    const anchors = new CountingAnchors();
    const harness = await harnesses.start({ deps: { anchors }, options: { stepwise: { anchorEvery: 4 } } });
    const result = await harness.wm.simulate(simulateRequest({ mode: 'stepwise', rollouts: 3, horizon: 8 }));

    expect(result.futures).toHaveLength(3);
    expect(anchors.calls).toBe(3);
    expectGroundedFrom(stepInputs(harness), 4);
  });

  it('when a call asks for anchoring every 2 steps, then each 8-step rollout is grounded 3 times', async () => {
    const anchors = new CountingAnchors();
    const harness = await harnesses.start({ deps: { anchors } });
    await harness.wm.simulate(simulateRequest({ mode: 'stepwise', rollouts: 2, horizon: 8, anchorEvery: 2 }));

    expect(anchors.calls).toBe(6);
    expect(harness.wm.health().detail.anchored_total).toBe(6);
  });

  it('when one evaluation gets unreadable steps, then its rollouts are dropped and counted while a concurrent one is unaffected', async () => {
    const harness = await harnesses.start({
      server: { generateStep: (ctx) => (ctx.state?.site_id === 'BAD' && ctx.t === ctx.horizon - 1 ? { ...defaultStep(ctx), outcome: 'not_an_outcome' } : defaultStep(ctx)) },
    });
    const [bad, good] = await Promise.all([
      harness.wm.simulate(simulateRequest({ mode: 'stepwise', rollouts: 3, state: { site_id: 'BAD' } })),
      harness.wm.simulate(simulateRequest({ mode: 'stepwise', rollouts: 3, state: { site_id: 'GOOD' } })),
    ]);

    expect(bad).toEqual({ futures: [], invalid: 3 });
    expect(good.futures).toHaveLength(3);
    expect(good.invalid).toBe(0);
  });

  it('when the model hangs mid-rollout, then the step-wise call fails as deadline_exceeded within the deadline plus 100 ms', async () => {
    const harness = await harnesses.start({ server: { faults: { fault: { kind: 'hang' } } } });
    const started = performance.now();
    const err = await failure(harness.wm.simulate(simulateRequest({ mode: 'stepwise', rollouts: 4, deadline: Date.now() + 200 })));

    expect(err.reason).toBe('deadline_exceeded');
    expect(performance.now() - started).toBeLessThan(300);
  });

  it('when one of two coalesced evaluations hits its deadline, then the other still completes', async () => {
    const harness = await harnesses.start({ server: { latencyMs: 40 } });
    const [late, onTime] = await Promise.allSettled([
      harness.wm.simulate(simulateRequest({ mode: 'stepwise', rollouts: 2, horizon: 3, deadline: Date.now() + 60, state: { site_id: 'LATE' } })),
      harness.wm.simulate(simulateRequest({ mode: 'stepwise', rollouts: 2, horizon: 3, state: { site_id: 'ON_TIME' } })),
    ]);

    expect(late.status === 'rejected' && late.reason.reason).toBe('deadline_exceeded');
    expect(onTime.status === 'fulfilled' && onTime.value.futures).toHaveLength(2);
  });
});
