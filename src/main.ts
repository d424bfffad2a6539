import type { Server } from 'node:http';
import { ConfigError, loadConfig } from './config.js';
import { createContainer } from './container.js';
import { PackError } from './packs/load-domains.js';

/** The only place that listens and handles signals. */
async function main(): Promise<void> {
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
  const server: Server = await new Promise((resolve, reject) => {
    const s = app.listen(config.port, config.host, () => resolve(s));
    s.once('error', reject);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  logger.info({ port, host: config.host }, 'listening');

  if (container.bootstrapKeys.length > 0) {
    // Printed once, to the terminal only: the database keeps nothing but hashes.
    const lines = container.bootstrapKeys.map((k) => `  ${k.role.padEnd(10)} ${k.token}`);
    process.stdout.write(
      `\nFirst start: one API key per role was created. They are shown this once; store them now.\n${lines.join('\n')}\n\n` +
        `Try: curl -s localhost:${port}/v1/domains -H "Authorization: Bearer <agent key>"\n\n`,
    );
  }

  let shuttingDown = false;
  const shutdown = (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
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
}

main().catch((err) => {
  process.stderr.write(`foresight: failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
