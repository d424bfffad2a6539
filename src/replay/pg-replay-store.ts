import type { Queryable } from '../db/database.js';
import { isUuid } from '../lib/uuid.js';
import { digestOf, replayContent } from './replay-digest.js';
import type { ReplayRecord, ReplayStore, ReplaySummary } from './replay-store.js';

export interface ReplayRow {
  id: string;
  seq: number;
  txid?: string;
  evaluation_id: string;
  created_at: Date;
  replayed_by_key_id: string;
  replayed_by_owner: string;
  replayed_by_name: string;
  replayed_by_role: string;
  domain: string;
  policy_version_then: string;
  policy_version_now: string;
  world_model_then: string;
  world_model_now: string;
  decision_then: 'approve' | 'escalate';
  decision_now: 'approve' | 'escalate';
  summary: ReplaySummary;
  hash: string;
}

export const REPLAY_COLUMNS = `r.id, r.seq, r.txid::text AS txid, r.evaluation_id, r.created_at, r.replayed_by_key_id, r.replayed_by_owner,
  r.replayed_by_name, r.replayed_by_role, r.domain, r.policy_version_then, r.policy_version_now, r.world_model_then,
  r.world_model_now, r.decision_then, r.decision_now, r.summary, r.hash`;

export function replayFromRow(r: ReplayRow): ReplayRecord {
  return {
    id: r.id,
    evaluationId: r.evaluation_id,
    createdAt: r.created_at,
    actor: { keyId: r.replayed_by_key_id, owner: r.replayed_by_owner, name: r.replayed_by_name, role: r.replayed_by_role },
    domain: r.domain,
    policyVersionThen: r.policy_version_then,
    policyVersionNow: r.policy_version_now,
    worldModelThen: r.world_model_then,
    worldModelNow: r.world_model_now,
    decisionThen: r.decision_then,
    decisionNow: r.decision_now,
    summary: r.summary,
  };
}

export class PgReplayStore implements ReplayStore {
  constructor(private readonly db: Queryable) {}

  async append(r: ReplayRecord): Promise<void> {
    await this.db.query(
      `INSERT INTO replays (id, evaluation_id, created_at, replayed_by_key_id, replayed_by_owner, replayed_by_name, replayed_by_role,
         domain, policy_version_then, policy_version_now, world_model_then, world_model_now, decision_then, decision_now, summary, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)`,
      [
        r.id, r.evaluationId, r.createdAt, r.actor.keyId, r.actor.owner, r.actor.name, r.actor.role, r.domain, r.policyVersionThen,
        r.policyVersionNow, r.worldModelThen, r.worldModelNow, r.decisionThen, r.decisionNow, JSON.stringify(r.summary), digestOf(replayContent(r)),
      ],
    );
  }

  async forEvaluation(evaluationId: string): Promise<ReplayRecord[]> {
    if (!isUuid(evaluationId)) return [];
    const { rows } = await this.db.query<ReplayRow>(`SELECT ${REPLAY_COLUMNS} FROM replays r WHERE r.evaluation_id = $1 ORDER BY r.seq`, [evaluationId]);
    return rows.map(replayFromRow);
  }
}
