import cluster, { type Worker } from 'node:cluster';
import type { Config } from './config.js';
import { serveClusterMetrics } from './http/cluster-metrics.js';
import type { Logger } from './logger.js';

/** A worker that dies is started again after this long, doubled for each worker in a row that died young. */
const RESTART_BASE_MS = 250;
const RESTART_MAX_MS = 15_000;
/** A worker that served this long was healthy: the next death starts the back-off again. */
const HEALTHY_AFTER_MS = 30_000;
/** Past the workers' own grace period (SHUTDOWN_GRACE_MS), how long their stop (sealing, closing the pool) may take. */
const STOP_MARGIN_MS = 10_000;

/**
 * With WORKERS > 1 this process serves nothing itself: it starts that many workers (each this same
 * program, building its own container, as a replica would), passes SIGTERM/SIGINT and SIGHUP on to
 * them, and starts a worker again when one dies. The workers share the port (node:cluster hands out
 * connections) and one PostgreSQL database, which is what makes them safe: the audit chain and its
 * sealer, the sign-off sweeper and the key store already serve several replicas.
 *
 * The first worker starts alone: on a new database it migrates, imports the banks and creates the
 * bootstrap keys, and on a new data directory it derives the bank cache, which the others then read.
 * A worker that fails during start-up fails the start (a broken pack fails every worker alike).
 */
export function runPrimary(config: Config, logger: Logger): void {
  const log = logger.child({ module: 'cluster' });
  const wanted = config.workers;
  /** When each worker began to listen (absent: it is still starting). */
  const listeningSince = new Map<Worker, number>();
  let startedUp = false;
  let stopping = false;
  let failedStart: number | null = null;
  let diedYoung = 0;
  const restarts = new Set<NodeJS.Timeout>();
  serveClusterMetrics();

  const fork = (): Worker => {
    const worker = cluster.fork();
    worker.on('listening', (address) => {
      listeningSince.set(worker, Date.now());
      log.info({ worker: worker.id, pid: worker.process.pid, port: address.port }, 'worker listening');
      if (startedUp) return;
      if (listeningSince.size === 1 && Object.keys(cluster.workers ?? {}).length < wanted) {
        for (let i = 1; i < wanted; i++) fork();
      }
      if (listeningSince.size === wanted) {
        startedUp = true;
        log.info({ workers: wanted, port: address.port, pids: [...listeningSince.keys()].map((w) => w.process.pid) }, 'all workers listening');
      }
    });
    return worker;
  };

  const living = () => Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined && !w.isDead());

  const stop = (signal: string, exitCode: number) => {
    if (stopping) return;
    stopping = true;
    process.exitCode = exitCode;
    for (const t of restarts) clearTimeout(t);
    restarts.clear();
    const workers = living();
    log.info({ signal, workers: workers.length }, 'shutting down: passing the signal to every worker');
    // Each worker drains and stops on its own (src/main.ts); past its grace and a margin, it is ended.
    for (const w of workers) w.process.kill('SIGTERM');
    setTimeout(() => {
      for (const w of living()) {
        log.warn({ worker: w.id, pid: w.process.pid }, 'worker still running after the grace period; killing it');
        w.process.kill('SIGKILL');
      }
    }, config.shutdownGraceMs + STOP_MARGIN_MS).unref();
    if (workers.length === 0) finish();
  };

  const finish = () => {
    log.info('stopped');
    process.exit();
  };

  cluster.on('exit', (worker, code, signal) => {
    const since = listeningSince.get(worker);
    listeningSince.delete(worker);
    if (stopping) {
      // A worker that did not stop cleanly makes the whole stop unclean.
      if (code !== 0 && failedStart === null) process.exitCode = 1;
      if (living().length === 0) finish();
      return;
    }
    if (!startedUp) {
      // The same program with the same files would fail again: the start fails, with the worker's code.
      failedStart = code ?? 1;
      log.error({ worker: worker.id, pid: worker.process.pid, code, signal }, 'a worker failed during start-up; stopping the others');
      stop('worker-failed', failedStart);
      return;
    }
    const young = since === undefined || Date.now() - since < HEALTHY_AFTER_MS;
    diedYoung = young ? diedYoung + 1 : 0;
    const delay = Math.min(RESTART_MAX_MS, RESTART_BASE_MS * 2 ** Math.max(0, diedYoung - 1));
    log.error({ worker: worker.id, pid: worker.process.pid, code, signal, restartInMs: delay }, 'a worker died; starting another');
    const timer = setTimeout(() => {
      restarts.delete(timer);
      if (!stopping) fork();
    }, delay);
    restarts.add(timer);
  });

  process.on('SIGTERM', () => stop('SIGTERM', 0));
  process.on('SIGINT', () => stop('SIGINT', 0));
  // Each worker reloads its own packs and policies (a worker still starting reads the new files anyway).
  process.on('SIGHUP', () => {
    if (stopping) return void log.info('SIGHUP while shutting down: not reloading');
    const workers = living();
    log.info({ workers: workers.length }, 'SIGHUP: passing it to every worker to reload packs and policies');
    for (const w of workers) w.process.kill('SIGHUP');
  });

  log.info({ workers: wanted, pid: process.pid }, 'starting workers');
  fork();
}
