import type { Queryable } from '../db/database.js';
import type { IdempotencyStore, IdempotentRequest } from './idempotency-store.js';

export class PgIdempotencyStore implements IdempotencyStore {
  constructor(private readonly db: Queryable) {}

  async find(apiKeyId: string, key: string): Promise<IdempotentRequest | null> {
    const { rows } = await this.db.query<{ body_hash: string; evaluation_id: string }>(
      'SELECT body_hash, evaluation_id FROM idempotency_keys WHERE api_key_id = $1 AND key = $2',
      [apiKeyId, key],
    );
    return rows[0] ? { bodyHash: rows[0].body_hash, evaluationId: rows[0].evaluation_id } : null;
  }

  async remember(apiKeyId: string, key: string, first: IdempotentRequest): Promise<IdempotentRequest> {
    const { rowCount } = await this.db.query(
      'INSERT INTO idempotency_keys (api_key_id, key, body_hash, evaluation_id) VALUES ($1, $2, $3, $4) ON CONFLICT (api_key_id, key) DO NOTHING',
      [apiKeyId, key, first.bodyHash, first.evaluationId],
    );
    if (rowCount === 1) return first;
    return (await this.find(apiKeyId, key)) ?? first;
  }
}
