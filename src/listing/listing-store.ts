import type { EffectiveDecision } from '../signoff/review.js';

/**
 * Whether an escalation's review is still open: `not_required` for an approval of the model (nothing
 * to review), `open` while it awaits sign-off, `closed` once people or the clock decided it.
 */
export const REVIEW_STATES = ['not_required', 'open', 'closed'] as const;
export type ReviewState = (typeof REVIEW_STATES)[number];

export interface EvaluationFilters {
  domain?: string;
  decision?: 'approve' | 'escalate';
  effectiveDecision?: EffectiveDecision;
  reviewState?: ReviewState;
  /** `context.agent_id`, as the caller set it. */
  agentId?: string;
  apiKeyId?: string;
  policyVersion?: string;
  /** created_at at or after. */
  since?: Date;
  /** created_at before. */
  until?: Date;
  hasSignOff?: boolean;
  hasOutcome?: boolean;
}

/** What a key may list, applied in the query itself (never after paging): its own, its domains, or all. */
export type ListScope = { kind: 'all' } | { kind: 'own'; apiKeyId: string } | { kind: 'domains'; domains: string[] };

/** What a review needs when its escalation row is missing (as the sign-off service assumes): the policy's settings. */
export interface ReviewDefaults {
  signOffs: number;
  reviewTimeoutMs: number;
  approvalTtlMs: number;
}

export interface PageQuery {
  filters: EvaluationFilters;
  scope: ListScope;
  /** Only rows before this position (the cursor): newest first, so rows written meanwhile never shift a page. */
  beforeSeq?: number;
  limit: number;
  /** The clock reviews are read by; null: the database's. */
  at: Date | null;
  reviewDefaults: ReadonlyMap<string, ReviewDefaults>;
  /** Per domain, the request path of its list headline. */
  headlines: ReadonlyMap<string, readonly string[]>;
}

/** One evaluation as a list shows it; `action` and `headline` as stored (a personal value is its marker). */
export interface ListedEvaluation {
  id: string;
  seq: number;
  createdAt: Date;
  domain: string;
  decision: 'approve' | 'escalate';
  effectiveDecision: EffectiveDecision;
  reviewState: ReviewState;
  reasonCodes: string[];
  agentId: string | null;
  apiKeyId: string | null;
  policyVersion: string;
  action: { kind?: unknown; description?: unknown };
  headline: unknown;
  incidentRate: number | null;
  adverseRate: number | null;
  hasSignOff: boolean;
  hasOutcome: boolean;
  personalDigests: string[] | null;
}

export interface ListingStore {
  /** One page, newest first. */
  page(query: PageQuery): Promise<ListedEvaluation[]>;
}
