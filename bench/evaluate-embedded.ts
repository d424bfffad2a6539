import type { AddressInfo } from 'node:net';
import autocannon from 'autocannon';
import { SCENARIOS } from '../test/support/scenarios.js';
import { benchService, fmt, percentile } from './support.js';

/** End-to-end /v1/evaluate over loopback HTTP with the embedded model, against the simulation's own time. */
export async function benchEmbedded(engine: 'postgres' | 'pglite'): Promise<string[]> {
  const svc = await benchService(engine);
  const server = svc.container.app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const headers = { 'content-type': 'application/json', authorization: `Bearer ${svc.agentKey}` };
  try {
    const bodies = Object.values(SCENARIOS).map((s) => JSON.stringify(s.body));
    const e2e: number[] = [];
    const sim: number[] = [];
    const rollouts: number[] = [];
    // A key per evaluation: an escalation stays pending, and asking again with the same key would get
    // it back without simulating (sticky escalation), which would flatter the figures.
    const keys = await Promise.all(Array.from({ length: 300 }, (_, i) => svc.container.keys.create({ name: `bench-${i}`, role: 'agent', owner: 'bench' })));
    for (let i = 0; i < 300; i++) {
      const t0 = performance.now();
      const res = await fetch(`${url}/v1/evaluate`, { method: 'POST', headers: { ...headers, authorization: `Bearer ${keys[i].token}` }, body: bodies[i % bodies.length] });
      const body = (await res.json()) as { timing_ms: { simulation: number }; risk: { rollouts: number } };
      if (i < 20) continue; // warm-up
      e2e.push(performance.now() - t0);
      sim.push(body.timing_ms.simulation);
      rollouts.push(body.risk.rollouts);
    }
    const load = await autocannon({ url: `${url}/v1/evaluate`, method: 'POST', headers, body: bodies[1], connections: 8, duration: 8 });
    return [
      `embedded model on ${engine}, sequential, ${e2e.length} mixed seed scenarios (mean ${fmt(rollouts.reduce((a, b) => a + b, 0) / rollouts.length, 1)} rollouts):`,
      `  end-to-end p50 ${fmt(percentile(e2e, 50))} ms, p99 ${fmt(percentile(e2e, 99))} ms; simulation p50 ${fmt(percentile(sim, 50))} ms`,
      `  end-to-end / simulation (p50): ${fmt(percentile(e2e, 50) / percentile(sim, 50), 1)}×`,
      `  under load (8 connections, 8 s, calm crane lift): ${fmt(load.requests.average, 0)} req/s, p50 ${load.latency.p50} ms, p99 ${load.latency.p99} ms, errors ${load.errors + load.non2xx}`,
    ];
  } finally {
    server.close();
    await svc.stop();
  }
}
