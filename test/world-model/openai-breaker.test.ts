import { describe, expect, it } from 'vitest';
import { failure, harnessPerTest, simulateRequest } from './openai-fixtures.js';

const harnesses = harnessPerTest();

describe('openai world model: circuit breaker', () => {
  it('when calls keep failing, then the breaker opens, answers fast without reaching the server, and closes once the server recovers', async () => {
    const harness = await harnesses.start({
      server: { faults: { fault: { kind: 'status', status: 500 } } },
      options: { breaker: { resetTimeoutMs: 200, volumeThreshold: 5 }, retry: { maxAttempts: 1 } },
    });
    const { wm, server } = harness;
    expect(wm.health()).toMatchObject({ ready: true, detail: { breaker: 'closed' } });

    for (let i = 0; i < 5; i++) expect((await failure(wm.simulate(simulateRequest()))).reason).toBe('world_model_unavailable');
    expect(wm.health()).toMatchObject({ ready: false, detail: { breaker: 'open' } });

    const reached = server.stats.requests;
    const started = performance.now();
    const err = await failure(wm.simulate(simulateRequest()));
    expect(err.reason).toBe('world_model_unavailable');
    expect(err.message).toContain('circuit breaker');
    expect(performance.now() - started).toBeLessThan(50);
    expect(server.stats.requests).toBe(reached);

    server.setFaults({});
    await expect.poll(() => wm.health().detail.breaker, { timeout: 2_000, interval: 10 }).toBe('half_open');
    const result = await wm.simulate(simulateRequest({ rollouts: 4 }));
    expect(result.futures).toHaveLength(4);
    expect(wm.health()).toMatchObject({ ready: true, detail: { breaker: 'closed' } });
  });

  it('when fewer calls than the volume threshold fail, then the breaker stays closed', async () => {
    const harness = await harnesses.start({
      server: { faults: { fault: { kind: 'status', status: 500 }, times: 4 } },
      options: { breaker: { resetTimeoutMs: 10_000, volumeThreshold: 5 }, retry: { maxAttempts: 1 } },
    });
    for (let i = 0; i < 4; i++) await failure(harness.wm.simulate(simulateRequest()));

    expect(harness.wm.health().detail.breaker).toBe('closed');
    expect((await harness.wm.simulate(simulateRequest({ rollouts: 2 }))).futures).toHaveLength(2);
  });

  it('when callers give up on a hung server before their deadlines, then the breaker does not count it against the server', async () => {
    const harness = await harnesses.start({
      server: { faults: { fault: { kind: 'hang' } } },
      options: { breaker: { resetTimeoutMs: 10_000, volumeThreshold: 5 }, retry: { maxAttempts: 1 } },
    });
    for (let i = 0; i < 6; i++) {
      const caller = new AbortController();
      const call = harness.wm.simulate(simulateRequest({ signal: caller.signal }));
      await expect.poll(() => harness.server.stats.requests).toBe(i + 1);
      caller.abort();
      await failure(call);
    }
    expect(harness.wm.health().detail.breaker).toBe('closed');
  });

  it('when a hung server makes calls miss their deadlines, then the breaker opens and later calls fail fast', async () => {
    const harness = await harnesses.start({
      server: { faults: { fault: { kind: 'hang' } } },
      options: { breaker: { resetTimeoutMs: 10_000, volumeThreshold: 5 }, retry: { maxAttempts: 1 } },
    });
    for (let i = 0; i < 5; i++) {
      expect((await failure(harness.wm.simulate(simulateRequest({ deadline: Date.now() + 30 })))).reason).toBe('deadline_exceeded');
    }
    const started = performance.now();
    const err = await failure(harness.wm.simulate(simulateRequest({ deadline: Date.now() + 2_000 })));

    expect(err.reason).toBe('world_model_unavailable');
    expect(performance.now() - started).toBeLessThan(50);
  });
});
