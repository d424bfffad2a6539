import fs from 'node:fs';
import { createKey, processData, startServiceProcess, until, type ServiceProcess } from '../test/support/process.js';
import { SCENARIOS } from '../test/support/scenarios.js';
import { cannon, SECONDS, WARM_SECONDS, type Body } from './load-table.js';
import { fmt } from './support.js';

const N = 32;
const HORIZON = 5;
const CONCURRENCY = 32;
/** Each setting is measured this many times, alternating with the other, so drift on a busy machine hits both. */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const CLOCK_TICKS = 100;

/** CPU seconds (user + system) a process has used so far, from /proc (Linux). */
function cpuSeconds(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}

/** The service's processes: the one started, and with WORKERS > 1 the workers it logged. */
function servicePids(svc: ServiceProcess): number[] {
  const workers = svc.stdout().split('\n').filter((l) => l.includes('"msg":"worker listening"')).map((l) => JSON.parse(l).pid as number);
  return [svc.child.pid!, ...workers];
}

interface Row {
  workers: number;
  figure: string;
  rps: number;
  p50: number;
  p99: number;
  refused: number;
  cpuPerAnswer: number;
}

/**
 * The real service process (`src/main.ts`, as `npm start` runs it) on the PostgreSQL server, with
 * WORKERS=1 and WORKERS=2 in alternation, at concurrency 32: a new situation per request and the same
 * body. Unlike the load table, the service runs in processes of its own here, so the figures include
 * what node:cluster adds (the primary hands each connection to a worker) and the CPU is every process's.
 */
export async function benchWorkers(): Promise<string[]> {
  const data = await processData('postgres');
  const rows: Row[] = [];
  try {
    const agentKey = await createKey(data, 'agent');
    const bodies: [string, Body][] = [
      ['every request a new situation', { varied: true, rollouts: N, horizon: HORIZON }],
      ['the same body', JSON.stringify({ ...SCENARIOS.calmCraneLift.body, options: { rollouts: N, horizon: HORIZON } })],
    ];
    for (let round = 0; round < ROUNDS; round++) {
      for (const workers of [1, 2]) {
        const svc = await startServiceProcess({ ...data.env, WORKERS: String(workers), BOOTSTRAP_KEYS: 'false' });
        try {
          if (workers > 1) await until('every worker listens', () => svc.stdout().includes('"msg":"all workers listening"'), 120_000, 100);
          const url = `${svc.url}/v1/evaluate`;
          for (const [figure, body] of bodies) {
            await cannon(url, body, agentKey, CONCURRENCY, WARM_SECONDS);
            const pids = servicePids(svc);
            const cpu0 = pids.reduce((s, p) => s + cpuSeconds(p), 0);
            const load = await cannon(url, body, agentKey, CONCURRENCY, SECONDS);
            const cpu = pids.reduce((s, p) => s + cpuSeconds(p), 0) - cpu0;
            rows.push({ workers, figure, ...load, cpuPerAnswer: (cpu * 1000) / Math.max(1, load.rps * SECONDS) });
          }
        } finally {
          svc.child.kill('SIGTERM');
          await svc.exited;
        }
      }
    }
  } finally {
    await data.remove();
  }
  const median = (xs: number[]) => {
    const s = [...xs].sort((a, b) => a - b);
    return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  };
  const lines = [
    `the real service process on the PostgreSQL server, WORKERS=1 and WORKERS=2 in alternation (${ROUNDS} rounds), embedded model, N=${N}, h=${HORIZON}, c=${CONCURRENCY}, autocannon in its own process, ${SECONDS} s per row after ${WARM_SECONDS} s of warm-up; CPU: every service process (primary and workers), per 2xx answer:`,
    '',
    '| figure | WORKERS | answers/s (2xx) | p50 ms | p99 ms | refused | service CPU ms/answer |',
    '|---|---|---|---|---|---|---|',
    ...rows.map((r) => `| ${r.figure} | ${r.workers} | ${fmt(r.rps, 0)} | ${fmt(r.p50, 1)} | ${fmt(r.p99, 1)} | ${r.refused} | ${fmt(r.cpuPerAnswer, 2)} |`),
    '',
  ];
  for (const figure of new Set(rows.map((r) => r.figure))) {
    const of = (w: number) => rows.filter((r) => r.figure === figure && r.workers === w);
    const one = median(of(1).map((r) => r.rps));
    const two = median(of(2).map((r) => r.rps));
    lines.push(`  ${figure}: WORKERS=2 ${fmt(two, 0)}/s against WORKERS=1 ${fmt(one, 0)}/s (medians), ${fmt(two / one, 2)}×; p99 ${fmt(median(of(2).map((r) => r.p99)), 0)} against ${fmt(median(of(1).map((r) => r.p99)), 0)} ms`);
  }
  return lines;
}
