import pg from 'pg';
import type { Logger } from '../logger.js';
import { LocalDecisionSignal } from './decision-signal.js';
import { DECISION_CHANNEL } from './pg-sign-off-store.js';

/** A server that does not answer must not leave the listener waiting on it for good. */
const CONNECT_TIMEOUT_MS = 5_000;
/**
 * A LISTEN connection carries no traffic of its own, so a server that vanished without closing it
 * (a partition, a blackholed address) would go unnoticed for as long as TCP keepalive takes (minutes).
 * A small query this often finds out within seconds.
 */
const HEARTBEAT_MS = 5_000;

/**
 * The decision signal of a PostgreSQL server: one connection per replica, outside the pool, LISTENs
 * on the decision channel and wakes this replica's waiters for the evaluation each notification names.
 * When the connection drops, fails its heartbeat or cannot be opened, it reconnects every `retryMs`,
 * and wakes every waiter once it is back (they re-read, so a notification missed in between costs
 * nothing but a read).
 */
export class PgDecisionListener extends LocalDecisionSignal {
  /** The connection in use or being opened; any other one is given up. */
  private client: pg.Client | undefined;
  private retry: NodeJS.Timeout | undefined;
  private heartbeat: NodeJS.Timeout | undefined;
  private closing = false;
  private down = false;

  constructor(
    private readonly connectionString: string,
    private readonly logger: Logger,
    private readonly retryMs = 1_000,
  ) {
    super();
  }

  /** Connects once; if that fails, start-up goes on and the listener keeps trying in the background. */
  async start(): Promise<void> {
    await this.connect();
  }

  private async connect(): Promise<void> {
    if (this.closing) return;
    const client = new pg.Client({ connectionString: this.connectionString, connectionTimeoutMillis: CONNECT_TIMEOUT_MS, query_timeout: HEARTBEAT_MS, keepAlive: true });
    this.client = client;
    client.on('notification', (n) => {
      if (n.channel === DECISION_CHANNEL && n.payload) this.changed(n.payload);
    });
    client.on('error', (err) => this.lost(client, err));
    client.on('end', () => this.lost(client, new Error('the connection ended')));
    try {
      await client.connect();
      await client.query(`LISTEN ${DECISION_CHANNEL}`);
    } catch (err) {
      this.lost(client, err);
      return;
    }
    if (this.client !== client) {
      // Stopped while connecting.
      client.end().catch(() => {});
      return;
    }
    if (this.down) this.logger.info('decision listener reconnected; long polls are woken by notifications again');
    this.down = false;
    this.heartbeat = setInterval(() => {
      client.query('SELECT 1').catch((err) => this.lost(client, err));
    }, HEARTBEAT_MS);
    this.heartbeat.unref();
    this.wakeAll();
  }

  /** `client` failed: unless it was given up already or the listener is stopping, open another after `retryMs`. */
  private lost(client: pg.Client, err: unknown): void {
    if (this.client !== client) return;
    this.client = undefined;
    clearInterval(this.heartbeat);
    this.heartbeat = undefined;
    client.end().catch(() => {});
    if (this.closing) return;
    // Once per outage, not once per attempt.
    if (!this.down) this.logger.warn({ err }, 'decision listener lost its connection; long polls fall back to their timeout until it reconnects');
    this.down = true;
    this.retry = setTimeout(() => {
      this.retry = undefined;
      void this.connect();
    }, this.retryMs);
    this.retry.unref();
  }

  override async stop(): Promise<void> {
    this.closing = true;
    clearTimeout(this.retry);
    clearInterval(this.heartbeat);
    await super.stop();
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => {});
  }
}
