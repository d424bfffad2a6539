import type { Queryable } from '../db/database.js';
import type { EffectiveDecision } from '../signoff/review.js';
import type { ListedEvaluation, ListingStore, PageQuery, ReviewState } from './listing-store.js';

interface Row {
  id: string;
  seq: number;
  created_at: Date;
  domain: string;
  decision: 'approve' | 'escalate';
  reason_codes: string[];
  agent_id: string | null;
  api_key_id: string | null;
  policy_version: string;
  action: { kind?: unknown; description?: unknown };
  headline: unknown;
  incident_rate: number | null;
  adverse_rate: number | null;
  personal_digests: string[] | null;
  effective_decision: EffectiveDecision;
  review_state: ReviewState;
  has_sign_off: boolean;
  has_outcome: boolean;
}

/**
 * The effective decision in SQL, so that it can be filtered on before paging. It is the fold of
 * src/signoff/review.ts (`reviewOf`) over the same rows, and must say what it says (a test compares
 * the two in every state): the model's approval holds unless revoked; an escalation is approved by
 * its N-th approval unless a deny, request for changes or timeout came first, then revoked or expired;
 * else decided by that first deny, request or timeout; else timed out once its deadline passed; else pending.
 */
const EFFECTIVE = `CASE
    WHEN e.decision = 'approve' THEN CASE WHEN rv.seq IS NOT NULL THEN 'revoked' ELSE 'approved' END
    WHEN ap.seq IS NOT NULL AND (tm.seq IS NULL OR ap.seq < tm.seq) THEN
      CASE WHEN rv.seq > ap.seq THEN 'revoked'
           WHEN k.at >= LEAST(ap.created_at + cfg.ttl_ms * interval '1 millisecond', ax.signer_expiry) THEN 'expired'
           ELSE 'approved' END
    WHEN tm.seq IS NOT NULL THEN CASE tm.kind WHEN 'deny' THEN 'denied' WHEN 'request_changes' THEN 'changes_requested' ELSE 'denied_timed_out' END
    WHEN k.at >= cfg.deadline THEN 'denied_timed_out'
    ELSE 'pending'
  END`;

// The policy defaults stand in for an escalation row that failed to land, as in the sign-off service.
const REVIEW_JOINS = `LEFT JOIN escalations x ON x.evaluation_id = e.id
  CROSS JOIN LATERAL (SELECT
      COALESCE(x.sign_offs_required, (k.pol -> e.domain ->> 'sign_offs')::int, 1) AS required,
      COALESCE(x.review_deadline, e.created_at + COALESCE((k.pol -> e.domain ->> 'review_timeout_ms')::bigint, 1800000) * interval '1 millisecond') AS deadline,
      COALESCE(x.approval_ttl_ms, (k.pol -> e.domain ->> 'approval_ttl_ms')::bigint, 3600000) AS ttl_ms) cfg
  LEFT JOIN LATERAL (SELECT z.seq, z.created_at FROM (
      SELECT s.seq, s.created_at, row_number() OVER (ORDER BY s.seq) AS n FROM sign_offs s
      WHERE s.evaluation_id = e.id AND s.kind = 'approve' AND e.decision = 'escalate') z
    WHERE z.n = cfg.required) ap ON true
  LEFT JOIN LATERAL (SELECT s.seq, s.kind FROM sign_offs s
    WHERE s.evaluation_id = e.id AND s.kind IN ('deny', 'request_changes', 'timeout') ORDER BY s.seq LIMIT 1) tm ON true
  LEFT JOIN LATERAL (SELECT min(s.expires_at) AS signer_expiry FROM sign_offs s
    WHERE s.evaluation_id = e.id AND s.kind = 'approve' AND s.seq <= ap.seq) ax ON true
  LEFT JOIN LATERAL (SELECT max(s.seq) AS seq FROM sign_offs s WHERE s.evaluation_id = e.id AND s.kind = 'revoke') rv ON true`;

/** Lists evaluations in one query per page: scope, filters and effective decision in SQL, newest first by seq. */
export class PgListingStore implements ListingStore {
  constructor(private readonly db: Queryable) {}

  async page(query: PageQuery): Promise<ListedEvaluation[]> {
    const params: unknown[] = [];
    const p = (v: unknown) => {
      params.push(v);
      return `$${params.length}`;
    };
    const pol = Object.fromEntries(
      [...query.reviewDefaults].map(([d, r]) => [d, { sign_offs: r.signOffs, review_timeout_ms: r.reviewTimeoutMs, approval_ttl_ms: r.approvalTtlMs }]),
    );
    const headlines = Object.fromEntries([...query.headlines].map(([d, path]) => [d, `{${path.join(',')}}`]));
    const polParam = p(JSON.stringify(pol));
    const atParam = p(query.at);
    const headParam = p(JSON.stringify(headlines));

    const where: string[] = [];
    const s = query.scope;
    if (s.kind === 'own') where.push(`e.api_key_id = ${p(s.apiKeyId)}`);
    if (s.kind === 'domains') where.push(`e.domain = ANY(${p(s.domains)}::text[])`);
    const f = query.filters;
    if (query.beforeSeq !== undefined) where.push(`e.seq < ${p(query.beforeSeq)}`);
    if (f.domain !== undefined) where.push(`e.domain = ${p(f.domain)}`);
    if (f.decision !== undefined) where.push(`e.decision = ${p(f.decision)}`);
    if (f.agentId !== undefined) where.push(`e.agent_id = ${p(f.agentId)}`);
    if (f.apiKeyId !== undefined) where.push(`e.api_key_id = ${p(f.apiKeyId)}`);
    if (f.policyVersion !== undefined) where.push(`e.policy_version = ${p(f.policyVersion)}`);
    if (f.since !== undefined) where.push(`e.created_at >= ${p(f.since)}`);
    if (f.until !== undefined) where.push(`e.created_at < ${p(f.until)}`);
    const signedOff = `EXISTS (SELECT 1 FROM sign_offs so WHERE so.evaluation_id = e.id AND so.kind IN ('approve', 'deny', 'request_changes'))`;
    const hasOutcome = `EXISTS (SELECT 1 FROM outcomes o WHERE o.evaluation_id = e.id)`;
    if (f.hasSignOff !== undefined) where.push(f.hasSignOff ? signedOff : `NOT ${signedOff}`);
    if (f.hasOutcome !== undefined) where.push(f.hasOutcome ? hasOutcome : `NOT ${hasOutcome}`);
    // Model approvals have nothing to review: skip the review joins' work when the filter rules them in or out.
    if (f.reviewState === 'not_required') where.push(`e.decision = 'approve'`);
    if (f.reviewState === 'open' || f.reviewState === 'closed') where.push(`e.decision = 'escalate'`);

    const outer: string[] = [];
    if (f.effectiveDecision !== undefined) outer.push(`q.effective_decision = ${p(f.effectiveDecision)}`);
    if (f.reviewState !== undefined) outer.push(`q.review_state = ${p(f.reviewState)}`);
    const limit = p(query.limit);

    // A marker comment, so a test can count the pages an export asks for.
    const sql = `/* evaluation listing page */
      SELECT q.* FROM (
        SELECT e.id, e.seq, e.created_at, e.domain, e.decision, e.reason_codes, e.agent_id, e.api_key_id, e.policy_version,
          jsonb_build_object('kind', e.request #> '{action,kind}', 'description', e.request #> '{action,description}') AS action,
          e.request #> ((${headParam}::jsonb ->> e.domain)::text[]) AS headline,
          (e.response #>> '{risk,incident_rate}')::float8 AS incident_rate,
          (e.response #>> '{risk,adverse_rate}')::float8 AS adverse_rate,
          e.personal_digests,
          ${EFFECTIVE} AS effective_decision,
          CASE WHEN e.decision = 'approve' THEN 'not_required' WHEN (${EFFECTIVE}) = 'pending' THEN 'open' ELSE 'closed' END AS review_state,
          ${signedOff} AS has_sign_off,
          ${hasOutcome} AS has_outcome
        FROM evaluations e
        CROSS JOIN (SELECT ${polParam}::jsonb AS pol, COALESCE(${atParam}::timestamptz, now()) AS at) k
        ${REVIEW_JOINS}
        ${where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''}
      ) q
      ${outer.length > 0 ? `WHERE ${outer.join(' AND ')}` : ''}
      ORDER BY q.seq DESC
      LIMIT ${limit}`;
    const { rows } = await this.db.query<Row>(sql, params);
    return rows.map((r) => ({
      id: r.id,
      seq: r.seq,
      createdAt: r.created_at,
      domain: r.domain,
      decision: r.decision,
      effectiveDecision: r.effective_decision,
      reviewState: r.review_state,
      reasonCodes: r.reason_codes,
      agentId: r.agent_id,
      apiKeyId: r.api_key_id,
      policyVersion: r.policy_version,
      action: r.action,
      headline: r.headline,
      incidentRate: r.incident_rate,
      adverseRate: r.adverse_rate,
      hasSignOff: r.has_sign_off,
      hasOutcome: r.has_outcome,
      personalDigests: r.personal_digests,
    }));
  }
}
