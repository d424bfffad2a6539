import type { Queryable } from '../db/database.js';
import { outcomeDigest } from './outcome-digest.js';
import type { OutcomeRecord, ReporterRole } from './outcome.js';
import type { OutcomeHistory, OutcomeStore } from './outcome-store.js';
import { isUuid } from '../lib/uuid.js';

export interface OutcomeRow {
  id: string;
  seq: number;
  txid?: string;
  evaluation_id: string;
  outcome: string;
  incident: boolean;
  adverse: boolean;
  occurred_at: Date;
  notes: string | null;
  reported_by: ReporterRole;
  confirmed: boolean;
  reporter_key_id: string;
  reporter_owner: string;
  reporter_name: string;
  recorded_at: Date;
  hash: string;
}

export const OUTCOME_COLUMNS = `o.id, o.seq, o.txid::text AS txid, o.evaluation_id, o.outcome, o.incident, o.adverse, o.occurred_at, o.notes,
  o.reported_by, o.confirmed, o.reporter_key_id, o.reporter_owner, o.reporter_name, o.recorded_at, o.hash`;

export const outcomeFromRow = (r: OutcomeRow): OutcomeRecord => ({
  id: r.id,
  evaluationId: r.evaluation_id,
  outcome: r.outcome,
  incident: r.incident,
  adverse: r.adverse,
  occurredAt: r.occurred_at,
  notes: r.notes,
  reporter: { keyId: r.reporter_key_id, owner: r.reporter_owner, name: r.reporter_name, role: r.reported_by },
  confirmed: r.confirmed,
  recordedAt: r.recorded_at,
});


export class PgOutcomeStore implements OutcomeStore {
  constructor(private readonly db: Queryable) {}

  /** One insert, no lock beyond its row: reports about one evaluation never wait for one another. */
  async append(rec: OutcomeRecord): Promise<void> {
    await this.db.query(
      `INSERT INTO outcomes (id, evaluation_id, outcome, incident, adverse, occurred_at, notes, reported_by, confirmed,
         reporter_key_id, reporter_owner, reporter_name, recorded_at, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
      [rec.id, rec.evaluationId, rec.outcome, rec.incident, rec.adverse, rec.occurredAt, rec.notes, rec.reporter.role, rec.confirmed,
        rec.reporter.keyId, rec.reporter.owner, rec.reporter.name, rec.recordedAt, outcomeDigest(rec)],
    );
  }

  async history(evaluationId: string, limit: number): Promise<OutcomeHistory> {
    if (!isUuid(evaluationId)) return { reports: [], total: 0, counted: null };
    const { rows } = await this.db.query<OutcomeRow>(
      `SELECT * FROM (SELECT ${OUTCOME_COLUMNS} FROM outcomes o WHERE o.evaluation_id = $1 ORDER BY o.seq DESC LIMIT $2) newest ORDER BY seq`,
      [evaluationId, limit],
    );
    // Read apart from the page above, so that however many reports the agent piles on, the confirmed one still counts.
    const { rows: [counted] } = await this.db.query<OutcomeRow & { total: number }>(
      `SELECT ${OUTCOME_COLUMNS}, count(*) OVER ()::int AS total FROM outcomes o WHERE o.evaluation_id = $1 ORDER BY o.confirmed DESC, o.seq DESC LIMIT 1`,
      [evaluationId],
    );
    return { reports: rows.map(outcomeFromRow), total: counted?.total ?? 0, counted: counted ? outcomeFromRow(counted) : null };
  }
}
