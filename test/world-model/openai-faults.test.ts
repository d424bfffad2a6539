import { describe, expect, it } from 'vitest';
import { startFakeOpenAIServer } from '../support/fake-openai-server.js';
import { failure, harnessPerTest, simulateRequest } from './openai-fixtures.js';

const harnesses = harnessPerTest();

describe('openai world model: faults fail closed', () => {
  it.each([500, 503])('when the server keeps answering %i, then the call fails as world_model_unavailable after the configured attempts', async (status) => {
    const harness = await harnesses.start({ server: { faults: { fault: { kind: 'status', status } } }, options: { retry: { maxAttempts: 3, baseDelayMs: 1 } } });
    const err = await failure(harness.wm.simulate(simulateRequest()));

    expect(err.reason).toBe('world_model_unavailable');
    expect(err.message).toContain(String(status));
    expect(harness.server.stats.requests).toBe(3);
  });

  it('when one 503 is followed by a good answer, then the retry succeeds inside the deadline', async () => {
    const harness = await harnesses.start({ server: { faults: { fault: { kind: 'status', status: 503 }, times: 1 } } });
    const result = await harness.wm.simulate(simulateRequest({ rollouts: 4 }));

    expect(result.futures).toHaveLength(4);
    expect(harness.server.stats.requests).toBe(2);
  });

  it('when the server resets the connection, then the call fails as world_model_unavailable', async () => {
    const harness = await harnesses.start({ server: { faults: { fault: { kind: 'reset' } } } });
    const err = await failure(harness.wm.simulate(simulateRequest()));

    expect(err.reason).toBe('world_model_unavailable');
  });

  it('when nothing listens at the URL, then the call fails as world_model_unavailable', async () => {
    const gone = await startFakeOpenAIServer();
    await gone.close();
    const harness = await harnesses.start({ options: { baseURL: gone.url } });
    const err = await failure(harness.wm.simulate(simulateRequest()));

    expect(err.reason).toBe('world_model_unavailable');
  });

  it('when the model hangs, then the call fails as deadline_exceeded within the deadline plus 100 ms', async () => {
    const harness = await harnesses.start({ server: { faults: { fault: { kind: 'hang' } } } });
    const deadlineMs = 300;
    const started = performance.now();
    const err = await failure(harness.wm.simulate(simulateRequest({ deadline: Date.now() + deadlineMs })));
    const elapsed = performance.now() - started;

    expect(err.reason).toBe('deadline_exceeded');
    expect(elapsed).toBeLessThan(deadlineMs + 100);
    expect(elapsed).toBeGreaterThanOrEqual(deadlineMs - 5);
  });

  it('when the server rate-limits with a Retry-After past the deadline, then it is not retried and the call fails by the deadline', async () => {
    const harness = await harnesses.start({ server: { faults: { fault: { kind: 'rate_limit', retryAfterSeconds: 10 } } } });
    const deadlineMs = 500;
    const started = performance.now();
    const err = await failure(harness.wm.simulate(simulateRequest({ deadline: Date.now() + deadlineMs })));
    const elapsed = performance.now() - started;

    expect(err.reason).toBe('world_model_unavailable');
    expect(err.message).toMatch(/429.*past the deadline/);
    expect(harness.server.stats.requests).toBe(1);
    expect(elapsed).toBeLessThan(deadlineMs);
  });

  it('when the server rate-limits with a short Retry-After, then the call waits that long and succeeds', async () => {
    const harness = await harnesses.start({ server: { faults: { fault: { kind: 'rate_limit', retryAfterSeconds: 0.05 }, times: 1 } } });
    const started = performance.now();
    const result = await harness.wm.simulate(simulateRequest({ rollouts: 4 }));

    expect(result.futures).toHaveLength(4);
    expect(harness.server.stats.requests).toBe(2);
    expect(performance.now() - started).toBeGreaterThanOrEqual(45);
  });

  it('when the caller aborts, then the call stops at once with deadline_exceeded', async () => {
    const harness = await harnesses.start({ server: { faults: { fault: { kind: 'hang' } } } });
    const caller = new AbortController();
    const call = harness.wm.simulate(simulateRequest({ signal: caller.signal }));
    await expect.poll(() => harness.server.stats.requests).toBe(1);
    const started = performance.now();
    caller.abort();
    const err = await failure(call);

    expect(err.reason).toBe('deadline_exceeded');
    expect(performance.now() - started).toBeLessThan(50);
  });

  it('when in-flight requests and the queue are full, then the next call is refused as overloaded at once, without reaching the server', async () => {
    const harness = await harnesses.start({ server: { faults: { fault: { kind: 'hang' } } }, options: { maxInFlight: 1, maxQueue: 1 } });
    const running = harness.wm.simulate(simulateRequest()).catch((e: unknown) => e);
    const queued = harness.wm.simulate(simulateRequest()).catch((e: unknown) => e);
    await expect.poll(() => harness.server.stats.requests).toBe(1);

    const started = performance.now();
    const err = await failure(harness.wm.simulate(simulateRequest()));

    expect(err.reason).toBe('overloaded');
    expect(performance.now() - started).toBeLessThan(50);
    expect(harness.server.stats.requests).toBe(1);
    expect(harness.wm.health().detail).toMatchObject({ in_flight: 1, queued: 1 });
    await harness.close();
    await Promise.all([running, queued]);
  });
});
