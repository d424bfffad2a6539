import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { CountingAnchors, expectGroundedFrom, expectWholeRollouts, failure, harnessPerTest, simulateRequest, stepInputs, type Harness } from './openai-fixtures.js';

const harnesses = harnessPerTest();
const NO_COMPLETIONS = { endpoints: { completions: false } };

const paths = (h: Harness) => h.server.stats.log.map((entry) => entry.path);
const count = (h: Harness, path: string) => paths(h).filter((p) => p === path).length;

/** A logger that keeps what it writes, to count what an operator would see. */
function recordingLogger() {
  const lines: Array<{ level: number; msg: string }> = [];
  const logger = pino({ level: 'warn' }, { write: (line: string) => lines.push(JSON.parse(line)) });
  return { logger, lines };
}

describe('openai world model: step-wise rollouts over chat', () => {
  it('when the server has no /v1/completions, then concurrent step-wise rollouts complete over chat, one request per step, with every future and step', async () => {
    const harness = await harnesses.start({ server: { ...NO_COMPLETIONS, latencyMs: 5 } });
    expect(harness.wm.health().detail.stepwise_endpoint).toBe('completions');
    const results = await Promise.all(
      ['SITE_A', 'SITE_B', 'SITE_C'].map((site_id) => harness.wm.simulate(simulateRequest({ mode: 'stepwise', rollouts: 4, horizon: 4, state: { site_id } }))),
    );

    for (const result of results) expectWholeRollouts(result, 4, 4);
    // One probe, then every step of 3 × 4 rollouts × 4 steps over chat: the probed steps are resent, not lost.
    expect(count(harness, '/v1/completions')).toBe(1);
    expect(count(harness, '/v1/chat/completions')).toBe(3 * 4 * 4);
    type StepBody = { n: number; response_format: { json_schema: { name: string } } };
    const body = harness.server.stats.log.find((entry) => entry.path === '/v1/chat/completions')?.body as StepBody;
    expect(body.n).toBe(1);
    expect(body.response_format.json_schema.name).toBe('step');
    expect(harness.wm.health().detail.stepwise_endpoint).toBe('chat');
  });

  it('when several batches meet the missing endpoint at once, then the switch is logged once at warn level and later calls never probe again', async () => {
    const { logger, lines } = recordingLogger();
    const harness = await harnesses.start({ server: NO_COMPLETIONS, options: { stepwise: { maxBatch: 4 } }, deps: { logger } });
    await Promise.all([1, 2, 3].map(() => harness.wm.simulate(simulateRequest({ mode: 'stepwise', rollouts: 4, horizon: 2 }))));
    const probes = count(harness, '/v1/completions');
    await harness.wm.simulate(simulateRequest({ mode: 'stepwise', rollouts: 4, horizon: 2 }));

    expect(probes).toBe(3);
    expect(count(harness, '/v1/completions')).toBe(probes);
    const switches = lines.filter((line) => line.msg.includes('/v1/chat/completions from now on'));
    expect(switches).toHaveLength(1);
    expect(switches[0].level).toBe(pino.levels.values.warn);
  });

  it('when rollouts run 8 steps over chat with anchoring every 4, then each is grounded once and later steps carry the real case', async () => {
    const anchors = new CountingAnchors();
    const harness = await harnesses.start({ server: NO_COMPLETIONS, deps: { anchors }, options: { stepwise: { anchorEvery: 4 } } });
    const result = await harness.wm.simulate(simulateRequest({ mode: 'stepwise', rollouts: 3, horizon: 8 }));

    expect(result.futures).toHaveLength(3);
    expect(anchors.calls).toBe(3);
    const inputs = stepInputs(harness);
    expect(inputs).toHaveLength(3 * 8);
    expectGroundedFrom(inputs, 4);
  });

  it('when a coalesced batch holds more steps than the in-flight cap, then its chat requests run in parallel up to the cap and never beyond', async () => {
    const harness = await harnesses.start({ server: { ...NO_COMPLETIONS, latencyMs: 20 }, options: { maxInFlight: 3 } });
    const results = await Promise.all([1, 2].map(() => harness.wm.simulate(simulateRequest({ mode: 'stepwise', rollouts: 6, horizon: 2 }))));

    for (const result of results) expect(result.futures).toHaveLength(6);
    expect(harness.server.stats.maxConcurrent).toBe(3);
  });

  it('when the fallback probe meets the missing endpoint, then the breaker does not count it, even at a volume threshold of one', async () => {
    const harness = await harnesses.start({ server: NO_COMPLETIONS, options: { breaker: { volumeThreshold: 1, resetTimeoutMs: 10_000 } } });
    const result = await harness.wm.simulate(simulateRequest({ mode: 'stepwise', rollouts: 4, horizon: 2 }));

    expect(result.futures).toHaveLength(4);
    expect(harness.wm.health()).toMatchObject({ ready: true, detail: { breaker: 'closed', stepwise_endpoint: 'chat' } });
  });

  it('when the server answers 501 to the first step-wise call, then it is not retried and the rollouts finish over chat', async () => {
    const harness = await harnesses.start({ server: { faults: { fault: { kind: 'status', status: 501 }, times: 1 } } });
    const result = await harness.wm.simulate(simulateRequest({ mode: 'stepwise', rollouts: 2, horizon: 2 }));

    expect(result.futures).toHaveLength(2);
    expect(paths(harness)).toEqual(['/v1/completions', ...Array<string>(2 * 2).fill('/v1/chat/completions')]);
  });

  it('when /v1/completions fails with a passing 503, then the step is retried there and the adapter does not switch', async () => {
    const harness = await harnesses.start({ server: { faults: { fault: { kind: 'status', status: 503 }, times: 1 } } });
    const result = await harness.wm.simulate(simulateRequest({ mode: 'stepwise', rollouts: 2, horizon: 2 }));

    expect(result.futures).toHaveLength(2);
    expect(count(harness, '/v1/chat/completions')).toBe(0);
    expect(harness.wm.health().detail.stepwise_endpoint).toBe('completions');
  });

  it('when the model hangs in chat mode, then the step-wise call fails as deadline_exceeded within the deadline plus 100 ms', async () => {
    const harness = await harnesses.start({ server: { ...NO_COMPLETIONS, faults: { fault: { kind: 'hang' } } } });
    const deadlineMs = 200;
    const started = performance.now();
    const err = await failure(harness.wm.simulate(simulateRequest({ mode: 'stepwise', rollouts: 4, deadline: Date.now() + deadlineMs })));

    expect(err.reason).toBe('deadline_exceeded');
    expect(performance.now() - started).toBeLessThan(deadlineMs + 100);
    expect(count(harness, '/v1/chat/completions')).toBe(4);
  });

  it('when step-wise rollouts are set to chat, then they never touch /v1/completions', async () => {
    const harness = await harnesses.start({ options: { stepwiseEndpoint: 'chat' } });
    expect(harness.wm.health().detail.stepwise_endpoint).toBe('chat');
    const result = await harness.wm.simulate(simulateRequest({ mode: 'stepwise', rollouts: 2, horizon: 3 }));

    expect(result.futures).toHaveLength(2);
    expect(count(harness, '/v1/completions')).toBe(0);
  });

  it('when step-wise rollouts are set to completions and the server has none, then the call fails closed instead of switching', async () => {
    const harness = await harnesses.start({ server: NO_COMPLETIONS, options: { stepwiseEndpoint: 'completions' } });
    const err = await failure(harness.wm.simulate(simulateRequest({ mode: 'stepwise', rollouts: 2, horizon: 2 })));

    expect(err.reason).toBe('world_model_unavailable');
    expect(err.message).toContain('404');
    expect(count(harness, '/v1/chat/completions')).toBe(0);
    expect(harness.wm.health().detail.stepwise_endpoint).toBe('completions');
  });
});
