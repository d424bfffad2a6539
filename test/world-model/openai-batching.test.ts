import { describe, expect, it } from 'vitest';
import { harnessPerTest, OUTCOMES, PROMPT, simulateRequest } from './openai-fixtures.js';

const harnesses = harnessPerTest();

describe('openai world model: batching and parsing', () => {
  it('when 32 futures are asked for with at most 16 per request, then exactly 2 requests reach the server and 32 futures come back', async () => {
    const harness = await harnesses.start({ options: { maxPerRequest: 16 } });
    const result = await harness.wm.simulate(simulateRequest({ rollouts: 32 }));

    expect(harness.server.stats.requests).toBe(2);
    expect(harness.server.stats.log.map((e) => e.body?.n)).toEqual([16, 16]);
    expect(result.futures).toHaveLength(32);
    expect(result.invalid).toBe(0);
    for (const future of result.futures) expect(OUTCOMES).toContain(future.final_outcome);
  });

  it('when a request is sent, then it carries the domain prompt, the state and a JSON schema restricted to the taxonomy', async () => {
    const harness = await harnesses.start();
    await harness.wm.simulate(simulateRequest({ rollouts: 4 }));

    const body = harness.server.stats.log[0].body as {
      messages: Array<{ role: string; content: string }>;
      response_format: { type: string; json_schema: { schema: { properties: { final_outcome: { enum: string[] } } } } };
    };
    expect(body.messages[0].content).toContain(PROMPT);
    expect(JSON.parse(body.messages[1].content)).toMatchObject({ domain: 'construction_safety', horizon: 3, state: { site_id: 'SITE_1' } });
    expect(body.response_format.type).toBe('json_schema');
    expect(body.response_format.json_schema.schema.properties.final_outcome.enum).toEqual(OUTCOMES);
  });

  it('when a domain names its own model, then its requests, single-pass and step-wise, ask for that model', async () => {
    const harness = await harnesses.start({ options: { models: { construction_safety: 'site-sim-7b' } } });
    await harness.wm.simulate(simulateRequest({ rollouts: 2 }));
    await harness.wm.simulate(simulateRequest({ rollouts: 2, mode: 'stepwise', horizon: 2 }));

    expect(harness.server.stats.log.map((e) => e.body?.model)).toEqual(['site-sim-7b', 'site-sim-7b', 'site-sim-7b']);
    expect(harness.wm.version).toContain('construction_safety=site-sim-7b');
  });

  it('when the same request is repeated, then the same seeds are sent and the same futures come back', async () => {
    const harness = await harnesses.start({ options: { maxPerRequest: 8 } });
    const first = await harness.wm.simulate(simulateRequest({ rollouts: 16 }));
    const second = await harness.wm.simulate(simulateRequest({ rollouts: 16 }));
    const next = await harness.wm.simulate(simulateRequest({ rollouts: 16, firstIndex: 16 }));

    const seeds = harness.server.stats.log.map((e) => e.body?.seed as number);
    expect(seeds.slice(0, 2).sort()).toEqual(seeds.slice(2, 4).sort());
    expect(second.futures).toEqual(first.futures);
    expect(seeds.slice(4).filter((s) => seeds.slice(0, 2).includes(s))).toEqual([]);
    expect(next.futures).not.toEqual(first.futures);
  });

  it('when a quarter of the choices are invalid, then they are dropped and counted, and the rest are kept', async () => {
    const harness = await harnesses.start({ server: { faults: { invalidShare: 0.25 } } });
    const result = await harness.wm.simulate(simulateRequest({ rollouts: 16 }));

    expect(result.invalid).toBe(4);
    expect(result.futures).toHaveLength(12);
    expect(harness.server.stats.invalidChoices).toBe(4);
  });

  it('when one response body is malformed, then its futures count as invalid and none is invented', async () => {
    const harness = await harnesses.start({ server: { faults: { fault: { kind: 'malformed' }, times: 1 } }, options: { maxPerRequest: 16 } });
    const result = await harness.wm.simulate(simulateRequest({ rollouts: 32 }));

    expect(result.futures).toHaveLength(16);
    expect(result.invalid).toBe(16);
  });

  it('when a future runs past the horizon, then it is dropped as invalid', async () => {
    const harness = await harnesses.start({
      server: {
        generate: (ctx) => ({
          steps: Array.from({ length: ctx.horizon + (ctx.index % 2) }, (_, t) => ({ t, event: 'lift', outcome: 'no_incident', reward: 0 })),
          final_outcome: 'no_incident',
          risk_factors: [],
        }),
      },
    });
    const result = await harness.wm.simulate(simulateRequest({ rollouts: 8, horizon: 3 }));

    expect(result.futures).toHaveLength(4);
    expect(result.invalid).toBe(4);
  });

  it('when every choice breaks the schema, then no future is returned and all count as invalid', async () => {
    const harness = await harnesses.start({ server: { generate: () => ({ steps: [], final_outcome: 'neutral', risk_factors: [] }) } });
    const result = await harness.wm.simulate(simulateRequest({ rollouts: 5 }));

    expect(result.futures).toHaveLength(0);
    expect(result.invalid).toBe(5);
  });
});
