import { spawn } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { PROJECT_ROOT } from '../src/lib/project-root.js';
import { SCENARIOS } from '../test/support/scenarios.js';
import { benchService, fmt, percentile } from './support.js';

/** The fake server in its own process (bench/fake-openai-process.ts), as a model server would be. */
async function fakeServerProcess(latencyMs: number): Promise<{ url: string; close(): void }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, 'bench', 'fake-openai-process.ts'), String(latencyMs)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (c: Buffer) => {
      out += c.toString('utf8');
      if (out.includes('\n')) resolve(out.split('\n')[0].trim());
    });
    child.once('exit', (code) => reject(new Error(`the fake OpenAI server exited (${code}) before it listened`)));
  });
  return { url, close: () => child.kill('SIGTERM') };
}

const L = 100;
const RUNS = Number(process.env.BENCH_OPENAI_RUNS ?? 60);

/**
 * /v1/evaluate end to end over loopback against an OpenAI-compatible server with a fixed latency L
 * per request: batched (n ≤ 16 per request, requests in parallel) against the seed articles' naive
 * loop (one future per request, one after another).
 */
export async function benchOpenAI(): Promise<string[]> {
  const server = await fakeServerProcess(L);
  const lines = [`OpenAI-compatible world model (a fake server in its own process), fixed latency L = ${L} ms per request, ${RUNS} sequential evaluations per row (calm crane lift, fixed N):`];
  try {
    for (const [label, env] of [
      ['batched', { WORLD_MODEL_MAX_PER_REQUEST: '16' }],
      ['naive loop', { WORLD_MODEL_MAX_PER_REQUEST: '1', WORLD_MODEL_MAX_IN_FLIGHT: '1', WORLD_MODEL_MAX_QUEUE: '1000' }],
    ] as const) {
      // BENCH_OPENAI_N=16 measures that N alone, batched only (a quick look at one row).
      if (process.env.BENCH_OPENAI_N && label !== 'batched') continue;
      const svc = await benchService('postgres', { env: { WORLD_MODEL_BACKEND: 'openai', WORLD_MODEL_URL: server.url, ...env } });
      // The bench asks for N below the shipped policy minimum (16) to show the whole curve.
      svc.container.domains.get('construction_safety')!.policy.rollouts.min = 4;
      svc.container.domains.get('construction_safety')!.policy.deadline_ms.max = 60_000;
      // World-model calls (each one round trip: its requests run in parallel), from the service's own metric.
      const modelCalls = async () => {
        const metric = await svc.container.metrics.registry.getSingleMetric('foresight_world_model_batch_size')!.get();
        return metric.values.filter((v) => (v as { metricName?: string }).metricName === 'foresight_world_model_batch_size_count' && v.labels.backend === 'openai').reduce((n, v) => n + v.value, 0);
      };
      const http = svc.container.app.listen(0, '127.0.0.1');
      await new Promise((r) => http.once('listening', r));
      const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}/v1/evaluate`;
      try {
        for (const n of process.env.BENCH_OPENAI_N ? process.env.BENCH_OPENAI_N.split(',').map(Number) : [4, 16, 64]) {
          const runs = label === 'naive loop' ? 3 : RUNS; // the naive loop runs 88 futures one after another
          const times: number[] = [];
          const own: number[] = [];
          const phases = { outside: [] as number[], store: [] as number[], beforeStore: [] as number[] };
          let rounds = 0;
          let cpuMs = 0;
          let used = 0;
          let degraded = 0;
          for (let i = 0; i < runs + 3; i++) {
            // A key per evaluation: a run that escalates would otherwise stay pending, and every later
            // ask with the same key would get that escalation back without simulating (sticky escalation).
            const key = await svc.container.keys.create({ name: `bench-${label}-${n}-${i}`, role: 'agent', owner: 'bench' });
            const callsBefore = await modelCalls();
            const t0 = performance.now();
            const cpu0 = process.cpuUsage();
            const res = await fetch(url, {
              method: 'POST',
              headers: { 'content-type': 'application/json', authorization: `Bearer ${key.token}` },
              body: JSON.stringify({ ...SCENARIOS.calmCraneLift.body, options: { rollouts: n, seed: i, deadline_ms: 60_000 } }),
            });
            const body = (await res.json()) as { risk: { valid_rollouts: number }; world_model: { backend: string; degraded: boolean }; repeated?: boolean; timing_ms: { simulation: number; total: number; store: number; cases: number } };
            if (i >= 3 && (body.world_model.degraded || body.world_model.backend !== 'openai' || body.repeated)) degraded++;
            // The upper-bound rule raises a caller's N to what an approval needs (88 for the shipped policies): say what was used.
            used = body.risk.valid_rollouts;
            const cpu = process.cpuUsage(cpu0);
            if (i < 3) continue;
            cpuMs += (cpu.user + cpu.system) / 1000;
            times.push(performance.now() - t0);
            // The service's own time: everything but the wait for the model (which includes the fake server's work).
            own.push(performance.now() - t0 - body.timing_ms.simulation);
            // Outside evaluate (HTTP both ways, the key's check, the answer); the store; the rest of evaluate.
            phases.outside.push(times[times.length - 1] - body.timing_ms.total);
            phases.store.push(body.timing_ms.store);
            phases.beforeStore.push(body.timing_ms.total - body.timing_ms.store - body.timing_ms.simulation);
            rounds += (await modelCalls()) - callsBefore;
          }
          const p50 = percentile(times, 50);
          lines.push(
            `  ${label.padEnd(10)} N=${String(n).padEnd(2)} (used ${used}): p50 ${fmt(p50, 1)} ms = ${fmt(p50 / L)} L (L + ${fmt(p50 - L, 1)} ms), p99 ${fmt(percentile(times, 99), 1)} ms = ${fmt(percentile(times, 99) / L)} L; the service's own time (end to end less the simulation) p50 ${fmt(percentile(own, 50), 1)} ms; ${fmt(rounds / runs, 1)} model round trips per evaluation (each up to ${Math.ceil(used / (label === 'batched' ? 16 : 1))} requests of ≤ ${label === 'batched' ? 16 : 1} futures${label === 'batched' ? ' in parallel' : ', one after another'}); p50 of its parts: outside evaluate (HTTP, the key, the answer) ${fmt(percentile(phases.outside, 50), 1)} ms, the store ${fmt(percentile(phases.store, 50), 1)} ms, the rest of evaluate ${fmt(percentile(phases.beforeStore, 50), 1)} ms; CPU of the service's process (and the bench's client in it) ${fmt(cpuMs / runs, 1)} ms per evaluation${degraded > 0 ? `; ${degraded} of ${runs} answered without simulating (fallback or a repeated escalation; not a measurement of batching)` : ''}`,
          );
        }
      } finally {
        http.close();
        await svc.stop();
      }
    }
  } finally {
    server.close();
  }
  return lines;
}
