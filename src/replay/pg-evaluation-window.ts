import type { StoredEvaluation } from '../audit/evaluation-store.js';
import { EVALUATION_COLUMNS, evaluationFromRow, withPersonalValues, type EvaluationRow } from '../audit/pg-evaluation-store.js';
import type { Queryable } from '../db/database.js';

export interface WindowQuery {
  since: Date;
  /** Exclusive. */
  until: Date;
  domain?: string;
  /** The last evaluation of the previous page; null for the first. */
  after: { createdAt: Date; id: string } | null;
  limit: number;
}

/** Stored evaluations of a time window, a page at a time in (created_at, id) order, so memory stays bounded. */
export class PgEvaluationWindow {
  constructor(private readonly db: Queryable) {}

  async page(q: WindowQuery): Promise<StoredEvaluation[]> {
    const { rows } = await this.db.query<EvaluationRow>(
      `SELECT ${EVALUATION_COLUMNS} FROM evaluations e
       WHERE e.created_at >= $1 AND e.created_at < $2 AND ($3::text IS NULL OR e.domain = $3)
         AND ($4::timestamptz IS NULL OR (e.created_at, e.id) > ($4::timestamptz, $5::uuid))
       ORDER BY e.created_at, e.id LIMIT $6`,
      [q.since, q.until, q.domain ?? null, q.after?.createdAt ?? null, q.after?.id ?? null, q.limit],
    );
    // As the store reads one: personal values put back where the row keeps their digests.
    return withPersonalValues(this.db, rows.map((r) => evaluationFromRow(r)));
  }
}
