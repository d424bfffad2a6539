import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { generateSigningKeyPem } from '../../src/audit/signing-key.js';
import type { Role } from '../../src/keys/key-store.js';
import { PROJECT_ROOT } from '../../src/lib/project-root.js';
import { POSTGRES_URL, type Engine } from './engines.js';

/** Every child this module started and that has not exited yet: `killAll` ends them, whatever a test did. */
const live = new Set<ChildProcess>();

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface ServiceProcess {
  child: ChildProcess;
  port: number;
  url: string;
  stdout(): string;
  stderr(): string;
  exited: Promise<Exit>;
}

/**
 * Where a real service process keeps its data, as an operator would configure it: PGlite on disk under
 * DATA_DIR, or a PostgreSQL server. On the server the data is a schema of its own, picked the only way
 * the process can be told one: a search_path in DATABASE_URL (extensions stay in public).
 */
export interface ProcessData {
  engine: Engine;
  dataDir: string;
  schema?: string;
  env: Record<string, string>;
  /** Removes the data directory and drops the schema. */
  remove(): Promise<void>;
}

/**
 * What start-up derives from the banks (readings, fitted models) is kept under DATA_DIR/cache, keyed by
 * content and code. Data made with `sharedCache` link that directory to one the caller owns, so only the
 * first process of a test file pays for it; the databases stay apart.
 */
export async function processData(engine: Engine, opts: { sharedCache?: string } = {}): Promise<ProcessData> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `foresight-${engine}-proc-`));
  if (opts.sharedCache) fs.symlinkSync(opts.sharedCache, path.join(dataDir, 'cache'), 'dir');
  if (engine === 'pglite') {
    return { engine, dataDir, env: { DATA_DIR: dataDir }, remove: async () => fs.rmSync(dataDir, { recursive: true, force: true }) };
  }
  const schema = `test_${crypto.randomBytes(6).toString('hex')}`;
  await onServer((c) => c.query(`CREATE SCHEMA ${schema}`));
  const url = new URL(POSTGRES_URL);
  url.searchParams.set('options', `-c search_path=${schema},public`);
  return {
    engine,
    dataDir,
    schema,
    env: { DATA_DIR: dataDir, DATABASE_URL: url.toString(), AUDIT_SIGNING_KEY: generateSigningKeyPem() },
    async remove() {
      fs.rmSync(dataDir, { recursive: true, force: true });
      await onServer((c) => c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`));
    },
  };
}

async function onServer<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const SUITE_CACHE = path.join(PROJECT_ROOT, 'data', 'cache');

/** The parent's environment without a database of its own: the data's env alone picks the engine. */
function childEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const { DATABASE_URL: _url, AUDIT_SIGNING_KEY: _key, ...rest } = process.env;
  // A load test sends far more with one key than an agent would: no per-key limit unless a test sets one.
  // What start-up derives from the banks is the same for every process of the suite: one warm cache (the one the
  // in-process tests use, ./data/cache), unless a test gives its own DATA_DIR cache or CACHE_DIR.
  const cache = env.DATA_DIR && fs.existsSync(path.join(env.DATA_DIR, 'cache')) ? {} : { CACHE_DIR: SUITE_CACHE };
  return { ...rest, LOG_LEVEL: 'info', RATE_LIMIT_PER_KEY: 'off', ...cache, ...env };
}

function spawnEntry(script: string, args: string[], env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, script), ...args], {
    cwd: PROJECT_ROOT,
    env: childEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  live.add(child);
  child.on('exit', () => live.delete(child));
  return child;
}

/** The CLI as its own process (`npm run foresight -- …`), bounded: a CLI that hangs is killed and reported. */
export function runCli(args: string[], env: Record<string, string>, timeoutMs = 60_000): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawnEntry('src/cli/foresight.ts', args, env);
    let stdout = '';
    let stderr = '';
    child.stdout!.on('data', (d) => (stdout += d));
    child.stderr!.on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/**
 * A key made the way an operator makes one, with `foresight keys create` against the data before the
 * service starts, so the tests do not depend on how first-start keys are handed out.
 */
export async function createKey(data: ProcessData, role: Role): Promise<string> {
  const res = await runCli(['keys', 'create', '--role', role, '--name', `crash-test-${role}`, '--owner', 'test'], data.env);
  if (res.code !== 0) throw new Error(`foresight keys create failed (${res.code}): ${res.stderr}`);
  // The secret is printed once, on the last line.
  const token = res.stdout.trim().split('\n').at(-1)!.trim();
  if (!token || token.includes(' ')) throw new Error(`no key in the CLI's output: ${res.stdout}`);
  return token;
}

/** The real service process, as `npm start` runs it, on an ephemeral loopback port; resolves once it listens. */
export async function startServiceProcess(env: Record<string, string>, timeoutMs = 90_000): Promise<ServiceProcess> {
  const child = spawnEntry('src/main.ts', [], { PORT: '0', HOST: '127.0.0.1', ...env });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (err += d));
  // 'close', not 'exit': by then everything it wrote to stdout has been read.
  const exited = new Promise<Exit>((resolve) => child.on('close', (code, signal) => resolve({ code, signal })));
  const port = await new Promise<number>((resolve, reject) => {
    const poll = setInterval(() => {
      const line = out.split('\n').find((l) => l.includes('"msg":"listening"'));
      if (line) {
        done();
        resolve(JSON.parse(line).port);
      }
    }, 20);
    const limit = setTimeout(() => {
      done();
      child.kill('SIGKILL');
      reject(new Error(`the service did not listen within ${timeoutMs} ms: ${err}`));
    }, timeoutMs);
    const done = () => {
      clearInterval(poll);
      clearTimeout(limit);
    };
    exited.then(({ code, signal }) => {
      done();
      reject(new Error(`the service exited (${code ?? signal}) before listening: ${err}`));
    });
  });
  return { child, port, url: `http://127.0.0.1:${port}`, stdout: () => out, stderr: () => err, exited };
}

/** Resolves with how the process ended, or with null when it is still running after `ms`. */
export function exitWithin(proc: ServiceProcess, ms: number): Promise<Exit | null> {
  return Promise.race([proc.exited, new Promise<null>((resolve) => setTimeout(() => resolve(null), ms).unref())]);
}

/** For afterAll: every child still running is killed, so a failed test leaves no process behind. */
export async function killAll(): Promise<void> {
  const ending = [...live].map((child) => new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  }));
  await Promise.all(ending);
}

export interface Acknowledged {
  requestId: string;
  id: string;
  decision: string;
}

/** A bounded loop of concurrent evaluations against a running process, as agents would send them. */
export interface EvaluateLoad {
  /** Every evaluation answered 200, with the id and decision the agent was given. */
  acknowledged: Acknowledged[];
  /** The status each request got, by its x-request-id; a request that got no answer is absent. */
  answered: Map<string, number>;
  /** Requests sent and not (yet) answered. */
  inFlight(): number;
  /** Requests that got no answer: the connection was refused, reset or cut. */
  unanswered(): number;
  /** Resolves once every worker has stopped: after `stop()`, after the process went away, or at the deadline. */
  done: Promise<void>;
  stop(): void;
}

export function evaluateLoad(url: string, agentKey: string, bodies: readonly unknown[], opts: { concurrency: number; maxMs: number }): EvaluateLoad {
  const acknowledged: Acknowledged[] = [];
  const answered = new Map<string, number>();
  let pending = 0;
  let lost = 0;
  let stopped = false;
  let next = 0;
  const deadline = Date.now() + opts.maxMs;
  const worker = async () => {
    while (!stopped && Date.now() < deadline) {
      const requestId = crypto.randomUUID();
      const body = bodies[next++ % bodies.length];
      pending++;
      try {
        const res = await fetch(`${url}/v1/evaluate`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${agentKey}`, 'x-request-id': requestId },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(30_000),
        });
        // An answer counts once its body has arrived whole: that is when an agent could act on it.
        const json = (await res.json()) as { evaluation_id?: string; decision?: string };
        answered.set(requestId, res.status);
        if (res.status === 200) acknowledged.push({ requestId, id: json.evaluation_id!, decision: json.decision! });
      } catch {
        // The process is gone or going: this worker is done.
        lost++;
        return;
      } finally {
        pending--;
      }
    }
  };
  const done = Promise.all(Array.from({ length: opts.concurrency }, worker)).then(() => undefined);
  return { acknowledged, answered, inFlight: () => pending, unanswered: () => lost, done, stop: () => (stopped = true) };
}

/** Waits for `cond`, polling; throws with `what` when it does not hold within `ms`. */
export async function until(what: string, cond: () => boolean | Promise<boolean>, ms: number, everyMs = 50): Promise<void> {
  const end = Date.now() + ms;
  for (;;) {
    if (await cond()) return;
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/**
 * Request ids the service logged as received on a path (its log level must be debug). The log runs
 * behind the answers, so this is complete only once the process has exited, and after a SIGKILL
 * lines still buffered in it are lost.
 */
export function receivedRequestIds(stdout: string, pathname: string): string[] {
  const ids: string[] = [];
  for (const line of stdout.split('\n')) {
    if (!line.startsWith('{') || !line.includes('"msg":"request received"')) continue;
    const entry = JSON.parse(line) as { requestId: string; path: string };
    if (entry.path === pathname) ids.push(entry.requestId);
  }
  return ids;
}
