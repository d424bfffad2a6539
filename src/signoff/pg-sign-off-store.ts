import type { Database, Queryable } from '../db/database.js';
import type { EscalationRecord, ReviewSnapshot, SignOffKind, SignOffRecord } from './review.js';
import { digestOf, escalationContent, signOffContent } from './sign-off-digest.js';
import type { SignOffStore } from './sign-off-store.js';
import { isUuid } from '../lib/uuid.js';

/** The channel a committed decision is announced on, with the evaluation id as payload. */
export const DECISION_CHANNEL = 'foresight_decisions';

export interface EscalationRow {
  evaluation_id: string;
  seq: number;
  txid?: string;
  created_at: Date;
  domain: string;
  policy_version: string;
  api_key_id: string | null;
  pending_key: string | null;
  action_hash: string;
  override_allowed: boolean;
  sign_offs_required: number;
  review_deadline: Date;
  approval_ttl_ms: number;
  hash: string;
}

export interface SignOffRow {
  id: string;
  seq: number;
  txid?: string;
  evaluation_id: string;
  kind: SignOffKind;
  reason: string | null;
  signer_key_id: string | null;
  signer_owner: string | null;
  signer_name: string | null;
  signer_role: string | null;
  expires_at: Date | null;
  created_at: Date;
  hash: string;
}

export const ESCALATION_COLUMNS = `x.evaluation_id, x.seq, x.txid::text AS txid, x.created_at, x.domain, x.policy_version, x.api_key_id, x.pending_key,
  x.action_hash, x.override_allowed, x.sign_offs_required, x.review_deadline, x.approval_ttl_ms, x.hash`;
export const SIGN_OFF_COLUMNS = `s.id, s.seq, s.txid::text AS txid, s.evaluation_id, s.kind, s.reason, s.signer_key_id, s.signer_owner, s.signer_name,
  s.signer_role, s.expires_at, s.created_at, s.hash`;

export const escalationFromRow = (r: EscalationRow): EscalationRecord => ({
  evaluationId: r.evaluation_id,
  createdAt: r.created_at,
  domain: r.domain,
  policyVersion: r.policy_version,
  apiKeyId: r.api_key_id,
  pendingKey: r.pending_key,
  actionHash: r.action_hash,
  overrideAllowed: r.override_allowed,
  signOffsRequired: r.sign_offs_required,
  reviewDeadline: r.review_deadline,
  approvalTtlMs: Number(r.approval_ttl_ms),
});

export const signOffFromRow = (r: SignOffRow): SignOffRecord => ({
  id: r.id,
  evaluationId: r.evaluation_id,
  kind: r.kind,
  reason: r.reason,
  signer: r.signer_owner === null ? null : { keyId: r.signer_key_id ?? '', owner: r.signer_owner, name: r.signer_name ?? '', role: r.signer_role ?? '' },
  expiresAt: r.expires_at,
  createdAt: r.created_at,
});


export interface PgSignOffStoreOptions {
  /** Announce committed decisions with pg_notify (a PostgreSQL server; PGlite's waiters are all in this process). */
  notify: boolean;
}

export class PgSignOffStore implements SignOffStore {
  constructor(
    private readonly db: Database,
    private readonly options: PgSignOffStoreOptions,
  ) {}

  async openEscalation(e: EscalationRecord): Promise<void> {
    const hash = digestOf(escalationContent(e));
    await this.db.query(
      `INSERT INTO escalations (evaluation_id, created_at, domain, policy_version, api_key_id, pending_key, action_hash, override_allowed,
         sign_offs_required, review_deadline, approval_ttl_ms, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) ON CONFLICT (evaluation_id) DO NOTHING`,
      [e.evaluationId, e.createdAt, e.domain, e.policyVersion, e.apiKeyId, e.pendingKey, e.actionHash, e.overrideAllowed, e.signOffsRequired, e.reviewDeadline, e.approvalTtlMs, hash],
    );
  }

  async snapshot(evaluationId: string, at: Date | null): Promise<ReviewSnapshot | null> {
    if (!isUuid(evaluationId)) return null;
    return this.read(this.db, evaluationId, at, false);
  }

  private async read(q: Queryable, evaluationId: string, at: Date | null, lock: boolean): Promise<ReviewSnapshot | null> {
    // The lock is on the evaluation row (always there, never updated): decisions about one evaluation queue behind it.
    const { rows: [ev] } = await q.query<{ decision: 'approve' | 'escalate'; now: Date }>(
      `SELECT decision, COALESCE($2::timestamptz, now()) AS now FROM evaluations WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`,
      [evaluationId, at],
    );
    if (!ev) return null;
    const { rows: [esc] } = await q.query<EscalationRow>(`SELECT ${ESCALATION_COLUMNS} FROM escalations x WHERE x.evaluation_id = $1`, [evaluationId]);
    const { rows: signOffs } = await q.query<SignOffRow>(`SELECT ${SIGN_OFF_COLUMNS} FROM sign_offs s WHERE s.evaluation_id = $1 ORDER BY s.seq`, [evaluationId]);
    return { evaluationId, decision: ev.decision, escalation: esc ? escalationFromRow(esc) : null, signOffs: signOffs.map(signOffFromRow), now: ev.now };
  }

  async decide(evaluationId: string, at: Date | null, decide: (snapshot: ReviewSnapshot) => SignOffRecord | null) {
    if (!isUuid(evaluationId)) return null;
    return this.db.transaction(async (tx) => {
      const before = await this.read(tx, evaluationId, at, true);
      if (!before) return null;
      const rec = decide(before);
      if (rec) {
        const hash = digestOf(signOffContent(rec));
        await tx.query(
          `INSERT INTO sign_offs (id, evaluation_id, kind, reason, signer_key_id, signer_owner, signer_name, signer_role, expires_at, created_at, hash)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
          [rec.id, rec.evaluationId, rec.kind, rec.reason, rec.signer?.keyId ?? null, rec.signer?.owner ?? null, rec.signer?.name ?? null, rec.signer?.role ?? null, rec.expiresAt, rec.createdAt, hash],
        );
        // Delivered at commit, to every replica's listener; never if the transaction rolls back.
        if (this.options.notify) await tx.query('SELECT pg_notify($1, $2)', [DECISION_CHANNEL, evaluationId]);
      }
      return { before, recorded: rec };
    });
  }

  async openUnder(pendingKey: string, at: Date | null): Promise<ReviewSnapshot[]> {
    const { rows } = await this.db.query<{ evaluation_id: string }>(
      `SELECT x.evaluation_id FROM escalations x
       WHERE x.pending_key = $1 AND x.review_deadline > COALESCE($2::timestamptz, now())
       ORDER BY x.seq DESC LIMIT 5`,
      [pendingKey, at],
    );
    const out: ReviewSnapshot[] = [];
    for (const r of rows) {
      const snap = await this.read(this.db, r.evaluation_id, at, false);
      if (snap) out.push(snap);
    }
    return out;
  }

  async overdue(at: Date | null, limit: number): Promise<string[]> {
    const { rows } = await this.db.query<{ evaluation_id: string }>(
      `SELECT x.evaluation_id FROM escalations x
       WHERE x.review_deadline <= COALESCE($1::timestamptz, now())
         AND NOT EXISTS (SELECT 1 FROM sign_offs s WHERE s.evaluation_id = x.evaluation_id AND s.kind IN ('deny', 'request_changes', 'timeout', 'revoke'))
         AND (SELECT count(*) FROM sign_offs s WHERE s.evaluation_id = x.evaluation_id AND s.kind = 'approve') < x.sign_offs_required
       ORDER BY x.review_deadline LIMIT $2`,
      [at, limit],
    );
    return rows.map((r) => r.evaluation_id);
  }
}
