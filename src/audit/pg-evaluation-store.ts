import crypto from 'node:crypto';
import type { Database } from '../db/database.js';
import { canonicalJson } from '../lib/canonical-json.js';
import type { EvaluationRecord, EvaluationStore, StoredEvaluation, StoredFuture } from './evaluation-store.js';

// Appends serialise on this key, so the hash chain has one order even across replicas.
const CHAIN_LOCK_KEY = 7_365_201_945;

/** The hashed content of an evaluation: everything that must not change after the fact. */
export function evaluationDigest(rec: EvaluationRecord, prevHash: string | null): string {
  const content = {
    id: rec.id,
    created_at: rec.createdAt.toISOString(),
    domain: rec.domain,
    decision: rec.decision,
    reason_codes: rec.reasonCodes,
    request: rec.request,
    response: rec.response,
    futures: rec.futures,
    policy_version: rec.policyVersion,
    world_model: rec.worldModel,
    seed: rec.seed,
    degraded: rec.degraded,
    prev_hash: prevHash,
  };
  return crypto.createHash('sha256').update(canonicalJson(content)).digest('hex');
}

interface EvaluationRow {
  id: string;
  seq: number;
  created_at: Date;
  domain: string;
  decision: 'approve' | 'escalate';
  reason_codes: string[];
  request: Record<string, unknown>;
  response: Record<string, unknown>;
  policy_version: string;
  world_model_backend: string;
  world_model_version: string;
  seed: number;
  degraded: boolean;
  timing: Record<string, number>;
  agent_id: string | null;
  api_key_id: string | null;
  prev_hash: string | null;
  hash: string;
}

export class PgEvaluationStore implements EvaluationStore {
  constructor(private readonly db: Database) {}

  async append(rec: EvaluationRecord): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [CHAIN_LOCK_KEY]);
      const last = await tx.query<{ hash: string }>('SELECT hash FROM evaluations ORDER BY seq DESC LIMIT 1');
      const prevHash = last.rows[0]?.hash ?? null;
      const hash = evaluationDigest(rec, prevHash);
      await tx.query(
        `INSERT INTO evaluations (id, created_at, domain, decision, reason_codes, request, response, policy_version,
           world_model_backend, world_model_version, seed, degraded, timing, agent_id, api_key_id, prev_hash, hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)`,
        [
          rec.id, rec.createdAt, rec.domain, rec.decision, rec.reasonCodes, JSON.stringify(rec.request), JSON.stringify(rec.response),
          rec.policyVersion, rec.worldModel.backend, rec.worldModel.version, rec.seed, rec.degraded, JSON.stringify(rec.timing),
          rec.agentId ?? null, rec.apiKeyId ?? null, prevHash, hash,
        ],
      );
      if (rec.futures.length > 0) {
        await tx.query(
          `INSERT INTO futures (evaluation_id, idx, final_outcome, incident, adverse, steps, risk_factors)
           SELECT $1, f.index, f.final_outcome, f.incident, f.adverse, f.steps, f.risk_factors
           FROM jsonb_to_recordset($2::jsonb) AS f(index int, final_outcome text, incident boolean, adverse boolean, steps jsonb, risk_factors jsonb)`,
          [rec.id, JSON.stringify(rec.futures)],
        );
      }
    });
  }

  async get(id: string): Promise<StoredEvaluation | null> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
    const { rows } = await this.db.query<EvaluationRow>('SELECT * FROM evaluations WHERE id = $1', [id]);
    const row = rows[0];
    if (!row) return null;
    const futures = await this.db.query<StoredFuture & { idx: number }>(
      'SELECT idx, final_outcome, incident, adverse, steps, risk_factors FROM futures WHERE evaluation_id = $1 ORDER BY idx',
      [id],
    );
    return {
      id: row.id,
      seq: row.seq,
      createdAt: row.created_at,
      domain: row.domain,
      decision: row.decision,
      reasonCodes: row.reason_codes,
      request: row.request,
      response: row.response,
      futures: futures.rows.map(({ idx, ...f }) => ({ index: idx, final_outcome: f.final_outcome, incident: f.incident, adverse: f.adverse, steps: f.steps, risk_factors: f.risk_factors })),
      policyVersion: row.policy_version,
      worldModel: { backend: row.world_model_backend, version: row.world_model_version },
      seed: row.seed,
      degraded: row.degraded,
      timing: row.timing,
      agentId: row.agent_id ?? undefined,
      apiKeyId: row.api_key_id ?? undefined,
      hash: row.hash,
      prevHash: row.prev_hash,
    };
  }
}
