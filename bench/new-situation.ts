import { benchService, fmt } from './support.js';
import { cannon, listen, SECONDS, WARM_SECONDS } from './load-table.js';

/**
 * Only the load table's "a new situation" rows (PostgreSQL server, embedded model, N = 32, horizon 5,
 * c = 1 and 32): every request a calm lift drawn afresh, so nothing remembered answers for it. A quick
 * block for profiling the service (`node --cpu-prof --import tsx bench/run.ts new-situation`).
 */
export async function benchNewSituation(): Promise<string[]> {
  const svc = await benchService('postgres');
  const { server, url } = await listen(svc.container.app);
  const lines = ['evaluate, PostgreSQL server, every request a new situation (N=32, h=5):'];
  try {
    for (const c of (process.env.BENCH_CONCURRENCY ?? '1,32').split(',').map(Number)) {
      const body = { varied: true, rollouts: 32, horizon: 5 } as const;
      await cannon(`${url}/v1/evaluate`, body, svc.agentKey, c, WARM_SECONDS);
      // The service's CPU per answer (this process: the load generator runs in its own), which a busy
      // machine disturbs far less than answers per second.
      const cpu = process.cpuUsage();
      const l = await cannon(`${url}/v1/evaluate`, body, svc.agentKey, c, SECONDS);
      const used = process.cpuUsage(cpu);
      const perAnswer = (used.user + used.system) / 1000 / Math.max(1, l.rps * SECONDS);
      lines.push(`  c=${c}: ${fmt(l.rps, 0)}/s, p50 ${fmt(l.p50, 1)} ms, p99 ${fmt(l.p99, 1)} ms, refused ${l.refused}; the service's CPU ${fmt(perAnswer, 2)} ms per answer`);
    }
  } finally {
    server.close();
    await svc.stop();
  }
  return lines;
}
