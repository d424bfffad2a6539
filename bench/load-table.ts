import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import express from 'express';
import { openDatabase } from '../src/db/database.js';
import { PROJECT_ROOT } from '../src/lib/project-root.js';
import { POSTGRES_URL } from '../test/support/engines.js';
import { SCENARIOS } from '../test/support/scenarios.js';
import { benchService, fmt, percentile } from './support.js';

/** What the issue fixes for every row unless the row varies it: the embedded model, N = 32, horizon 5. */
const N = 32;
const HORIZON = 5;
export const SECONDS = Number(process.env.BENCH_SECONDS ?? 6);
export const WARM_SECONDS = 2;

interface Load {
  /** Answers with a 2xx per second (a refusal is not an evaluation). */
  rps: number;
  p50: number;
  p99: number;
  /** Answers refused (e.g. 503 overloaded past MAX_CONCURRENT_EVALUATIONS), plus transport errors and timeouts. */
  refused: number;
}

/**
 * autocannon in a process of its own, so the load generator does not share the service's event
 * loop (on 2 cores it still shares the machine: every row says so by running the same way).
 */
export function cannon(url: string, body: Body, token: string | undefined, connections: number, seconds: number): Promise<Load> {
  const file = path.join(os.tmpdir(), `foresight-bench-${crypto.randomBytes(4).toString('hex')}.json`);
  let command: string;
  let args: string[];
  if (typeof body === 'string') {
    fs.writeFileSync(file, body);
    command = path.join(PROJECT_ROOT, 'node_modules', '.bin', 'autocannon');
    args = ['-c', String(connections), '-d', String(seconds), '-m', 'POST', '-H', 'content-type=application/json', '-i', file, '-j', url];
    if (token) args.push('-H', `authorization=Bearer ${token}`);
  } else {
    command = path.join(PROJECT_ROOT, 'node_modules', '.bin', 'tsx');
    args = [path.join(PROJECT_ROOT, 'bench', 'cannon-varied.ts'), url, token ?? '', String(connections), String(seconds), String(body.rollouts), String(body.horizon)];
  }
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
    child.on('error', reject);
    child.on('close', () => {
      fs.rmSync(file, { force: true });
      try {
        const r = JSON.parse(out) as { '2xx': number; duration: number; latency: { p50: number; p99: number }; errors: number; non2xx: number; timeouts: number };
        resolve({ rps: r['2xx'] / r.duration, p50: r.latency.p50, p99: r.latency.p99, refused: r.errors + r.non2xx + r.timeouts });
      } catch (err) {
        reject(new Error(`autocannon gave no result: ${(err as Error).message}`));
      }
    });
  });
}

/** One body sent again and again, or (`varied`) a fresh calm lift per request, drawn in the load generator. */
export type Body = string | { varied: true; rollouts: number; horizon: number };

export async function measure(url: string, body: Body, token: string | undefined, connections: number): Promise<Load> {
  await cannon(url, body, token, connections, WARM_SECONDS);
  return cannon(url, body, token, connections, SECONDS);
}

export const listen = async (app: http.RequestListener) => {
  const server = http.createServer(app);
  server.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
};

/** The calm crane lift (it approves, so no escalation stays pending and every request simulates). */
const evaluateBody = (rollouts = N, horizon = HORIZON) => JSON.stringify({ ...SCENARIOS.calmCraneLift.body, options: { rollouts, horizon } });

type Row = [figure: string, setting: string, load: Load, note?: string];

/** Appends the service's rows; returns its load at concurrency 32 (every call measures it). */
async function serviceRows(engine: 'postgres' | 'pglite', rows: Row[], extra: { concurrency: number[]; growth: boolean; varied?: boolean; env?: Record<string, string>; label?: string }): Promise<Load> {
  const svc = await benchService(engine, { env: { ...extra.env } });
  const { server, url } = await listen(svc.container.app);
  let c32: Load | undefined;
  try {
    for (const c of extra.concurrency) {
      const load = await measure(`${url}/v1/evaluate`, evaluateBody(), svc.agentKey, c);
      if (c === 32) c32 = load;
      rows.push([extra.label ?? `evaluate, ${engine === 'postgres' ? 'PostgreSQL server' : 'PGlite'}`, `N=${N}, h=${HORIZON}, c=${c}`, load]);
    }
    if (extra.varied) {
      for (const c of [1, 32]) {
        rows.push([`evaluate, ${engine === 'postgres' ? 'PostgreSQL server' : 'PGlite'}, every request a new situation`, `N=${N}, h=${HORIZON}, c=${c}`, await measure(`${url}/v1/evaluate`, { varied: true, rollouts: N, horizon: HORIZON }, svc.agentKey, c)]);
      }
    }
    if (extra.growth) {
      for (const n of [16, 64, 128]) rows.push(['cost as N doubles', `N=${n}, h=${HORIZON}, c=8`, await measure(`${url}/v1/evaluate`, evaluateBody(n), svc.agentKey, 8)]);
      for (const h of [10, 20]) rows.push(['cost as the horizon doubles', `N=${N}, h=${h}, c=8`, await measure(`${url}/v1/evaluate`, evaluateBody(N, h), svc.agentKey, 8)]);
    }
  } finally {
    server.close();
    await svc.stop();
  }
  if (!c32) throw new Error('serviceRows: every run measures concurrency 32');
  return c32;
}

/** A bare Express 5 endpoint: the same body parsed, a small JSON answer. The ceiling of the HTTP layer. */
async function bareExpress(): Promise<Load> {
  const app = express();
  app.use(express.json({ limit: '256kb' }));
  app.post('/v1/evaluate', (req, res) => {
    res.json({ decision: 'approve', domain: (req.body as { domain?: string }).domain });
  });
  const { server, url } = await listen(app);
  try {
    return await measure(`${url}/v1/evaluate`, evaluateBody(), undefined, 32);
  } finally {
    server.close();
  }
}

/** Durable single-row inserts at concurrency 32 on the PostgreSQL server: the ceiling of one commit per write. */
async function bareInsert(): Promise<Load> {
  const schema = `bench_${crypto.randomBytes(4).toString('hex')}`;
  const db = await openDatabase({ url: POSTGRES_URL, schema, poolSize: 34 });
  try {
    await db.query('CREATE TABLE t (id uuid PRIMARY KEY, body jsonb NOT NULL)');
    const latencies: number[] = [];
    const body = JSON.stringify({ decision: 'approve', rollouts: N });
    const started = performance.now();
    const until = started + SECONDS * 1000;
    await Promise.all(
      Array.from({ length: 32 }, async () => {
        while (performance.now() < until) {
          const t0 = performance.now();
          await db.query('INSERT INTO t VALUES ($1, $2)', [crypto.randomUUID(), body]);
          latencies.push(performance.now() - t0);
        }
      }),
    );
    return { rps: latencies.length / ((performance.now() - started) / 1000), p50: percentile(latencies, 50), p99: percentile(latencies, 99), refused: 0 };
  } finally {
    await db.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await db.close();
  }
}

/**
 * The load table of the performance section: /v1/evaluate over loopback HTTP at concurrency 1, 8, 32
 * and 128 on both engines; how cost grows with N and the horizon; durability one commit per
 * evaluation against shared commits; and the ceilings (a bare Express endpoint, a bare durable insert)
 * measured in the same run, so the ratios compare like with like.
 */
export async function benchLoadTable(): Promise<string[]> {
  const rows: Row[] = [];
  const ceilings = { express: await bareExpress(), insert: await bareInsert() };
  const c32 = await serviceRows('postgres', rows, { concurrency: [1, 8, 32, 128], growth: true, varied: true });
  const alone = await serviceRows('postgres', rows, { concurrency: [32], growth: false, env: { AUDIT_GROUP_COMMIT: 'false' }, label: 'evaluate, PostgreSQL, one commit per evaluation' });
  await serviceRows('pglite', rows, { concurrency: [1, 8, 32, 128], growth: false });
  rows.push(['ceiling: bare Express 5 JSON endpoint', 'same body, c=32', ceilings.express]);
  rows.push(['ceiling: bare durable insert, PostgreSQL', 'one row per commit, c=32', ceilings.insert]);
  const lines = [
    `load over loopback HTTP, autocannon in its own process, ${SECONDS} s per row after ${WARM_SECONDS} s of warm-up; embedded model, calm crane lift (approves; the same body each time, except in the rows marked 'a new situation', where the load generator draws wind, gusts and hours on site afresh for every request, so no remembered prediction or similar-case search answers for it); latencies over all answers, refusals (503 past MAX_CONCURRENT_EVALUATIONS=64 in flight) included:`,
    '',
    '| figure | setting | answers/s (2xx) | p50 ms | p99 ms | refused |',
    '|---|---|---|---|---|---|',
    ...rows.map(([figure, setting, l]) => `| ${figure} | ${setting} | ${fmt(l.rps, 0)} | ${fmt(l.p50, 1)} | ${fmt(l.p99, 1)} | ${l.refused} |`),
    '',
    `  evaluate at c=32 (PostgreSQL) against the ceilings: ${fmt(c32.rps / ceilings.express.rps, 3)} of the bare Express endpoint, ${fmt(c32.rps / ceilings.insert.rps, 3)} of the bare durable insert`,
  ];
  lines.push(`  shared commits against one commit per evaluation at c=32: ${fmt(c32.rps / alone.rps, 2)}× the throughput, p99 ${fmt(c32.p99, 0)} against ${fmt(alone.p99, 0)} ms`);
  return lines;
}
