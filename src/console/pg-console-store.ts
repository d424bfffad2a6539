import type { Queryable } from '../db/database.js';
import type { ConsoleStore, ReviewMark, StoredSession } from './console-store.js';

interface SessionRow {
  token_hash: string;
  key_id: string;
  sealed_key: Buffer | Uint8Array;
  created_at: Date;
  expires_at: Date;
}

interface MarkRow {
  evaluation_id: string;
  owner: string;
  key_id: string;
  name: string;
  opened_at: Date;
  seen_at: Date;
}

export class PgConsoleStore implements ConsoleStore {
  constructor(private readonly db: Queryable) {}

  async openSession(s: StoredSession): Promise<void> {
    await this.db.query('INSERT INTO console_sessions (token_hash, key_id, sealed_key, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)', [s.tokenHash, s.keyId, s.sealedKey, s.createdAt, s.expiresAt]);
  }

  async session(tokenHash: string, at: Date): Promise<StoredSession | null> {
    // A revoked key has no sessions on any replica at once, whatever the authenticator's cache still holds.
    const { rows } = await this.db.query<SessionRow>(
      `SELECT s.token_hash, s.key_id, s.sealed_key, s.created_at, s.expires_at
         FROM console_sessions s JOIN api_keys k ON k.id = s.key_id
        WHERE s.token_hash = $1 AND s.expires_at > $2 AND k.revoked_at IS NULL`,
      [tokenHash, at],
    );
    const r = rows[0];
    if (!r) return null;
    return { tokenHash: r.token_hash, keyId: r.key_id, sealedKey: Buffer.from(r.sealed_key), createdAt: r.created_at, expiresAt: r.expires_at };
  }

  async endSession(tokenHash: string): Promise<void> {
    await this.db.query('DELETE FROM console_sessions WHERE token_hash = $1', [tokenHash]);
  }

  async prune(at: Date, marksSeenBefore: Date): Promise<number> {
    const sessions = await this.db.query('DELETE FROM console_sessions WHERE expires_at <= $1', [at]);
    const marks = await this.db.query('DELETE FROM console_review_marks WHERE seen_at < $1', [marksSeenBefore]);
    return (sessions.rowCount ?? 0) + (marks.rowCount ?? 0);
  }

  async markReviewing(m: Omit<ReviewMark, 'openedAt'>): Promise<void> {
    await this.db.query(
      `INSERT INTO console_review_marks (evaluation_id, owner, key_id, name, opened_at, seen_at)
       VALUES ($1, $2, $3, $4, $5, $5)
       ON CONFLICT (evaluation_id, owner) DO UPDATE
          SET key_id = EXCLUDED.key_id, name = EXCLUDED.name, seen_at = EXCLUDED.seen_at`,
      [m.evaluationId, m.owner, m.keyId, m.name, m.seenAt],
    );
  }

  async unmarkReviewing(evaluationId: string, owner: string): Promise<void> {
    await this.db.query('DELETE FROM console_review_marks WHERE evaluation_id = $1 AND owner = $2', [evaluationId, owner]);
  }

  async reviewing(evaluationIds: readonly string[], since: Date): Promise<ReviewMark[]> {
    if (evaluationIds.length === 0) return [];
    const { rows } = await this.db.query<MarkRow>(
      `SELECT evaluation_id::text AS evaluation_id, owner, key_id, name, opened_at, seen_at
         FROM console_review_marks WHERE evaluation_id = ANY($1::uuid[]) AND seen_at >= $2 ORDER BY opened_at`,
      [evaluationIds, since],
    );
    return rows.map((r) => ({ evaluationId: r.evaluation_id, owner: r.owner, keyId: r.key_id, name: r.name, openedAt: r.opened_at, seenAt: r.seen_at }));
  }
}
