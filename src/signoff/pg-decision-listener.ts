import pg from 'pg';
import type { Logger } from '../logger.js';
import { LocalDecisionSignal } from './decision-signal.js';
import { DECISION_CHANNEL } from './pg-sign-off-store.js';

/**
 * The decision signal of a PostgreSQL server: one connection per replica, outside the pool, LISTENs
 * on the decision channel and wakes this replica's waiters for the evaluation each notification names.
 * When the connection drops it reconnects, and wakes every waiter once it is back (they re-read, so
 * a notification missed in between costs nothing but a read).
 */
export class PgDecisionListener extends LocalDecisionSignal {
  private client: pg.Client | undefined;
  private retry: NodeJS.Timeout | undefined;
  private closing = false;

  constructor(
    private readonly connectionString: string,
    private readonly logger: Logger,
    private readonly retryMs = 1_000,
  ) {
    super();
  }

  async start(): Promise<void> {
    await this.connect();
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({ connectionString: this.connectionString });
    client.on('notification', (n) => {
      if (n.channel === DECISION_CHANNEL && n.payload) this.changed(n.payload);
    });
    client.on('error', (err) => {
      this.logger.warn({ err }, 'decision listener lost its connection; reconnecting');
      this.scheduleReconnect(client);
    });
    client.on('end', () => this.scheduleReconnect(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${DECISION_CHANNEL}`);
      this.client = client;
      this.wakeAll();
    } catch (err) {
      this.logger.warn({ err }, 'decision listener could not connect; long polls fall back to their timeout until it does');
      this.scheduleReconnect(client);
    }
  }

  private scheduleReconnect(client: pg.Client): void {
    if (this.closing || this.retry || (this.client && this.client !== client)) return;
    this.client = undefined;
    client.end().catch(() => {});
    this.retry = setTimeout(() => {
      this.retry = undefined;
      void this.connect();
    }, this.retryMs);
    this.retry.unref();
  }

  override async stop(): Promise<void> {
    this.closing = true;
    clearTimeout(this.retry);
    await super.stop();
    await this.client?.end().catch(() => {});
    this.client = undefined;
  }
}
