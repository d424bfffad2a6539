import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createOpenAIWorldModel } from '../../src/world-model/openai/openai-world-model.js';
import { DOMAIN, failure, harnessPerTest, OUTCOMES, simulateRequest, writePromptDir } from './openai-fixtures.js';

const harnesses = harnessPerTest();

const sockets = () => process.getActiveResourcesInfo().filter((r) => r === 'TCPSocketWrap').length;

describe('openai world model: lifecycle', () => {
  it('when the adapter is closed, then its pooled connections are gone and no socket is left open', async () => {
    const before = sockets();
    const harness = await harnesses.start();
    await harness.wm.simulate(simulateRequest({ rollouts: 32 }));
    expect(harness.server.stats.openConnections).toBeGreaterThan(0);

    await harness.wm.close();
    await expect.poll(() => harness.server.stats.openConnections).toBe(0);
    await harness.server.close();
    await expect.poll(sockets).toBe(before);
  });

  it('when calls follow one another, then they reuse one keep-alive connection', async () => {
    const harness = await harnesses.start();
    for (let i = 0; i < 10; i++) await harness.wm.simulate(simulateRequest({ rollouts: 4 }));

    expect(harness.server.stats.requests).toBe(10);
    expect(harness.server.stats.connections).toBe(1);
  });

  it('when the adapter closes with a call in flight, then the call fails as world_model_unavailable at once', async () => {
    const harness = await harnesses.start({ server: { faults: { fault: { kind: 'hang' } } } });
    const call = harness.wm.simulate(simulateRequest());
    await expect.poll(() => harness.server.stats.requests).toBe(1);

    const started = performance.now();
    await harness.wm.close();
    const err = await failure(call);

    expect(err.reason).toBe('world_model_unavailable');
    expect(performance.now() - started).toBeLessThan(50);
    expect(harness.wm.health().ready).toBe(false);
  });

  it('when a call comes after close, then it fails as world_model_unavailable without a request', async () => {
    const harness = await harnesses.start();
    await harness.wm.close();
    const err = await failure(harness.wm.simulate(simulateRequest()));

    expect(err.reason).toBe('world_model_unavailable');
    expect(harness.server.stats.requests).toBe(0);
  });

  it('when the deadline has already passed, then the call fails as deadline_exceeded without a request', async () => {
    const harness = await harnesses.start();
    const err = await failure(harness.wm.simulate(simulateRequest({ deadline: Date.now() - 1 })));

    expect(err.reason).toBe('deadline_exceeded');
    expect(harness.server.stats.requests).toBe(0);
  });

  it('when a domain has no prompt configured, then the call fails as world_model_unavailable without a request', async () => {
    const harness = await harnesses.start();
    const err = await failure(harness.wm.simulate(simulateRequest({ domain: 'triage' })));

    expect(err.reason).toBe('world_model_unavailable');
    expect(err.message).toContain('triage');
    expect(harness.server.stats.requests).toBe(0);
  });

  it('when a configured domain has no prompt.md, then construction fails and names the file', () => {
    const promptDir = writePromptDir();
    try {
      expect(() =>
        createOpenAIWorldModel({ baseURL: 'http://127.0.0.1:9/v1', model: 'm', promptDir, taxonomies: { [DOMAIN]: OUTCOMES, helpdesk: ['resolved'] } }),
      ).toThrow(/helpdesk.*prompt\.md/);
    } finally {
      fs.rmSync(promptDir, { recursive: true, force: true });
    }
  });

  it('when the prompt changes, then the version changes', async () => {
    const promptDir = writePromptDir();
    const make = () => createOpenAIWorldModel({ baseURL: 'http://127.0.0.1:9/v1', model: 'm', promptDir, taxonomies: { [DOMAIN]: OUTCOMES } });
    const first = make();
    fs.appendFileSync(`${promptDir}/${DOMAIN}/prompt.md`, '\nGusts matter.');
    const second = make();
    try {
      expect(first.backend).toBe('openai');
      expect(second.version).not.toBe(first.version);
      expect(second.version).toMatch(/^openai:m\+prompts:sha256:/);
    } finally {
      await Promise.all([first.close(), second.close()]);
      fs.rmSync(promptDir, { recursive: true, force: true });
    }
  });
});
