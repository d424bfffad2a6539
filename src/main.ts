import cluster from 'node:cluster';
import { createServer, type Server, type ServerResponse } from 'node:http';
import { runPrimary } from './cluster.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { createContainer } from './container.js';
import { writeBootstrapKeys } from './keys/bootstrap-file.js';
import { createLogger } from './logger.js';
import { PackError } from './packs/load-domains.js';

/** The only place that listens and handles signals. */
async function main(): Promise<void> {
  // Until the service is up there is nothing to reload (start-up is reading the files now), and the default would end the process.
  const hupWhileStarting = () => process.stderr.write('foresight: SIGHUP during start-up ignored: the packs and policies are being loaded now\n');
  process.on('SIGHUP', hupWhileStarting);
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`foresight: ${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
  if (config.workers > 1 && cluster.isPrimary) {
    if (!config.database.url) {
      process.stderr.write(`foresight: invalid configuration: WORKERS=${config.workers} needs a PostgreSQL server (DATABASE_URL); the embedded PGlite database is one process's own, so with it WORKERS must be 1\n`);
      process.exit(2);
    }
    process.off('SIGHUP', hupWhileStarting);
    return runPrimary(config, createLogger(config.logLevel));
  }
  await serve(config, hupWhileStarting);
}

/** One process that serves: alone (WORKERS=1), or one of the workers src/cluster.ts supervises. */
async function serve(config: Config, hupWhileStarting: () => void): Promise<void> {
  let container;
  try {
    container = await createContainer(config);
  } catch (err) {
    if (err instanceof PackError || err instanceof ConfigError) {
      process.stderr.write(`foresight: ${err instanceof PackError ? 'a domain pack or policy is broken: ' : ''}${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
  const { app, logger } = container;
  // Before listening: once the service is up, its keys are where the log says.
  if (container.bootstrapKeys.length > 0) {
    // Never to stdout or the log: logs are shipped and kept. A file only this user can read, once.
    try {
      const file = writeBootstrapKeys(config.dataDir, container.bootstrapKeys);
      logger.info({ file }, 'first start: one API key per role was written to this file (mode 0600); store the keys elsewhere, then delete it');
    } catch (err) {
      // Keys nobody can read must not stay valid: revoke them, and say how to make new ones.
      for (const k of container.bootstrapKeys) await container.keys.revoke(k.id).catch(() => {});
      logger.error({ err: (err as Error).message, dataDir: config.dataDir }, 'bootstrap keys could not be written, so they were revoked; create keys with `foresight keys create`');
    }
  }
  const server: Server = await new Promise((resolve, reject) => {
    // A client that trickles its headers or body is cut off, so slow clients cannot hold every socket;
    // the check runs every second rather than Node's default 30 s.
    const s = createServer(
      { requestTimeout: config.http.requestTimeoutMs, headersTimeout: config.http.headersTimeoutMs, connectionsCheckingInterval: 1_000 },
      app,
    );
    s.keepAliveTimeout = config.http.keepAliveTimeoutMs;
    s.once('error', reject);
    s.listen(config.port, config.host, () => resolve(s));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  logger.info({ port, host: config.host, ...(cluster.isWorker ? { worker: cluster.worker!.id, pid: process.pid } : {}) }, 'listening');

  let shuttingDown = false;
  // server.close() refuses new connections only: keep-alive clients would go on sending requests on
  // theirs until the grace period cut them mid-answer. Draining, every answer closes its connection.
  const answering = new Set<ServerResponse>();
  server.prependListener('request', (_req, res: ServerResponse) => {
    if (shuttingDown) return void res.setHeader('connection', 'close');
    answering.add(res);
    res.once('close', () => answering.delete(res));
  });
  const shutdown = (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    for (const res of answering) if (!res.headersSent) res.setHeader('connection', 'close');
    logger.info({ signal }, 'shutting down: no new requests, draining those in flight');
    const force = setTimeout(() => {
      logger.warn('grace period over; closing remaining connections');
      server.closeAllConnections();
    }, config.shutdownGraceMs);
    force.unref();
    server.close(async () => {
      await container.stop().catch((err) => logger.error({ err }, 'error while stopping'));
      logger.info('stopped');
      process.exit(0);
    });
    server.closeIdleConnections();
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
  // Packs and policies again, without a restart. A refusal is logged by the reloader (which file, why);
  // the process serves on with those in force. Left unhandled, SIGHUP would end the process.
  process.off('SIGHUP', hupWhileStarting);
  process.on('SIGHUP', () => {
    if (shuttingDown) return void logger.info('SIGHUP while shutting down: not reloading');
    container.reload('SIGHUP').catch(() => {});
  });
}

main().catch((err) => {
  process.stderr.write(`foresight: failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
