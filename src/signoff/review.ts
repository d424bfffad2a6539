/**
 * The effective decision of an evaluation: what the agent must obey now, after people (or the clock)
 * had their say. One enum, shown in every answer.
 * - `pending`: an escalation awaiting sign-off;
 * - `approved`: the model approved, or enough distinct supervisors approved (until `expires_at`);
 * - `denied`: a supervisor denied; `denied_timed_out`: nobody decided before the review deadline;
 * - `changes_requested`: terminal; the agent must change the action and evaluate anew;
 * - `expired`: an approval whose time ran out; `revoked`: an approval withdrawn on the record.
 */
export const EFFECTIVE_DECISIONS = ['pending', 'approved', 'denied', 'denied_timed_out', 'changes_requested', 'expired', 'revoked'] as const;
export type EffectiveDecision = (typeof EFFECTIVE_DECISIONS)[number];

export const SIGN_OFF_CHOICES = ['approve', 'deny', 'request_changes'] as const;
export type SignOffChoice = (typeof SIGN_OFF_CHOICES)[number];
export type SignOffKind = SignOffChoice | 'timeout' | 'revoke';

/** What an escalation's review needs, fixed when it escalated. */
export interface EscalationRecord {
  evaluationId: string;
  createdAt: Date;
  domain: string;
  policyVersion: string;
  apiKeyId: string | null;
  /** The key a re-ask with the same reading finds it by (null for rows made after the fact). */
  pendingKey: string | null;
  actionHash: string;
  overrideAllowed: boolean;
  signOffsRequired: number;
  reviewDeadline: Date;
  approvalTtlMs: number;
}

export interface Signer {
  keyId: string;
  owner: string;
  name: string;
  role: string;
}

/** One decision about an evaluation, as recorded. */
export interface SignOffRecord {
  id: string;
  evaluationId: string;
  kind: SignOffKind;
  reason: string | null;
  /** Null only for the sweeper's timeout. */
  signer: Signer | null;
  /** Approvals only: when this signer's approval stops holding. */
  expiresAt: Date | null;
  createdAt: Date;
}

/** Everything the effective decision is read from, as of `now`. */
export interface ReviewSnapshot {
  evaluationId: string;
  /** The model's own answer. */
  decision: 'approve' | 'escalate';
  /** Null for an approval of the model (nothing to review). */
  escalation: EscalationRecord | null;
  signOffs: SignOffRecord[];
  now: Date;
}

export interface HistoryEntry {
  type: 'sign_off' | 'timeout' | 'revocation';
  choice?: SignOffChoice;
  signer?: { owner: string; key_id: string; name: string; role: string };
  reason?: string;
  at: string;
  expires_at?: string | null;
  /** For a timeout: when the review deadline passed (it is recorded by the sweeper afterwards). */
  deadline?: string;
}

export interface Review {
  effective_decision: EffectiveDecision;
  /** Whether the sweeper (or anyone) has yet to write down what the clock already decided. */
  overdue_unrecorded?: boolean;
  sign_offs_required: number;
  sign_offs_received: number;
  sign_offs_remaining: number;
  review_deadline: string | null;
  decided_at: string | null;
  /** When the approval stops holding; null when it does not expire (an approval of the model) or nothing was approved. */
  expires_at: string | null;
  /** The reasons of the people who decided, for the agent. */
  feedback: string[];
  history: HistoryEntry[];
}

const TERMINAL: ReadonlySet<EffectiveDecision> = new Set(['denied', 'denied_timed_out', 'changes_requested', 'expired', 'revoked']);

export const isTerminal = (d: EffectiveDecision) => TERMINAL.has(d);

const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

function historyOf(s: SignOffRecord, deadline: Date | null): HistoryEntry {
  const signer = s.signer ? { owner: s.signer.owner, key_id: s.signer.keyId, name: s.signer.name, role: s.signer.role } : undefined;
  if (s.kind === 'timeout') return { type: 'timeout', at: s.createdAt.toISOString(), deadline: iso(deadline) ?? undefined };
  if (s.kind === 'revoke') return { type: 'revocation', signer, reason: s.reason ?? undefined, at: s.createdAt.toISOString() };
  return { type: 'sign_off', choice: s.kind, signer, reason: s.reason ?? undefined, at: s.createdAt.toISOString(), ...(s.kind === 'approve' ? { expires_at: iso(s.expiresAt) } : {}) };
}

/**
 * Folds the recorded decisions, in order, into the effective decision as of `now`. Pure: the
 * service, the sweeper and every read agree because they all ask this one function.
 */
export function reviewOf(snap: ReviewSnapshot): Review {
  const esc = snap.escalation;
  const required = esc?.signOffsRequired ?? 0;
  let state: EffectiveDecision = snap.decision === 'approve' ? 'approved' : 'pending';
  let decidedAt: Date | null = null;
  let expiresAt: Date | null = null;
  const approvers = new Map<string, SignOffRecord>();
  const feedback: string[] = [];
  for (const s of snap.signOffs) {
    if (s.kind === 'revoke') {
      if (state === 'approved') {
        state = 'revoked';
        decidedAt = s.createdAt;
        if (s.reason) feedback.push(s.reason);
      }
      continue;
    }
    // Nothing decides a terminal or approved review again: the service refuses it, and so does the fold.
    if (state !== 'pending') continue;
    if (s.reason && s.kind !== 'approve') feedback.push(s.reason);
    if (s.kind === 'approve') {
      approvers.set(s.signer!.owner, s);
      if (s.reason) feedback.push(s.reason);
      if (approvers.size >= required) {
        state = 'approved';
        decidedAt = s.createdAt;
        const ttlEnd = new Date(s.createdAt.getTime() + (esc?.approvalTtlMs ?? 0));
        // The shortest of the policy's time-to-live and every approver's own expiry.
        expiresAt = [...approvers.values()].reduce((min, a) => (a.expiresAt && a.expiresAt < min ? a.expiresAt : min), ttlEnd);
      }
    } else if (s.kind === 'deny') {
      state = 'denied';
      decidedAt = s.createdAt;
    } else if (s.kind === 'request_changes') {
      state = 'changes_requested';
      decidedAt = s.createdAt;
    } else if (s.kind === 'timeout') {
      state = 'denied_timed_out';
      decidedAt = esc?.reviewDeadline ?? s.createdAt;
    }
  }
  let overdue = false;
  // The clock decides before anyone writes it down: an overdue review reads as timed out at once.
  if (state === 'pending' && esc && snap.now >= esc.reviewDeadline) {
    state = 'denied_timed_out';
    decidedAt = esc.reviewDeadline;
    overdue = true;
  }
  if (state === 'approved' && expiresAt && snap.now >= expiresAt) state = 'expired';
  const received = approvers.size;
  return {
    effective_decision: state,
    ...(overdue ? { overdue_unrecorded: true } : {}),
    sign_offs_required: required,
    sign_offs_received: received,
    sign_offs_remaining: state === 'pending' ? Math.max(0, required - received) : 0,
    review_deadline: iso(esc?.reviewDeadline),
    decided_at: iso(decidedAt),
    expires_at: iso(expiresAt),
    feedback,
    history: snap.signOffs.map((s) => historyOf(s, esc?.reviewDeadline ?? null)),
  };
}
