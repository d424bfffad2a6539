import type { Queryable } from '../db/database.js';
import type { DeliveryAttempt, DeliveryStore } from './delivery-store.js';

/** A receiver's URL without its query string or credentials, which often carry a token of its own. */
function loggable(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname}`;
  } catch {
    return '(invalid url)';
  }
}

export class PgDeliveryStore implements DeliveryStore {
  constructor(private readonly db: Queryable) {}

  async record(a: DeliveryAttempt): Promise<void> {
    await this.db.query(
      `INSERT INTO webhook_deliveries (event_id, event_type, evaluation_id, url, attempt, status_code, error, delivered, duration_ms)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [a.eventId, a.eventType, a.evaluationId, loggable(a.url), a.attempt, a.statusCode, a.error, a.delivered, a.durationMs],
    );
  }

  async attemptsFor(evaluationId: string) {
    const { rows } = await this.db.query<{
      event_id: string; event_type: string; evaluation_id: string; url: string; attempt: number;
      status_code: number | null; error: string | null; delivered: boolean; duration_ms: number; attempted_at: Date;
    }>('SELECT * FROM webhook_deliveries WHERE evaluation_id = $1 ORDER BY id', [evaluationId]);
    return rows.map((r) => ({
      eventId: r.event_id,
      eventType: r.event_type,
      evaluationId: r.evaluation_id,
      url: r.url,
      attempt: r.attempt,
      statusCode: r.status_code,
      error: r.error,
      delivered: r.delivered,
      durationMs: r.duration_ms,
      attemptedAt: r.attempted_at,
    }));
  }
}
