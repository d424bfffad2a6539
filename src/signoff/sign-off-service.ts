import { AppError } from '../errors.js';
import type { EvaluationRecord, StoredEvaluation } from '../audit/evaluation-store.js';
import type { ApiKey, KeyStore } from '../keys/key-store.js';
import { parseDuration } from '../keys/duration.js';
import type { Logger } from '../logger.js';
import type { LoadedDomain } from '../packs/load-domains.js';
import type { WebhookDispatcher, WebhookEventType } from '../webhooks/webhook-dispatcher.js';
import { actionHash } from './action-hash.js';
import type { DecisionSignal } from './decision-signal.js';
import { isTerminal, reviewOf, type EscalationRecord, type Review, type ReviewSnapshot, type SignOffChoice, type SignOffRecord } from './review.js';
import type { SignOffStore } from './sign-off-store.js';

export interface SignOffServiceDeps {
  store: SignOffStore;
  domains: ReadonlyMap<string, LoadedDomain>;
  keys: Pick<KeyStore, 'get'>;
  signal: DecisionSignal;
  webhooks?: Pick<WebhookDispatcher, 'send'>;
  /** WEBHOOK_URL: where events go when the domain's policy names no `notify.webhook_url`. */
  defaultWebhookUrl?: string;
  /** An injected clock (tests); absent, the database's clock decides deadlines and expiries. */
  clock?: () => Date;
  newId(): string;
  logger: Logger;
}

/** What every answer about an evaluation carries. */
export interface ReviewView {
  action_hash: string;
  effective_decision: Review['effective_decision'];
  review: Review;
}

export interface SignOffInput {
  decision: SignOffChoice;
  reason: string;
  /** A shorter life for this approval than the policy's `approval_ttl` (never longer). */
  expires_in?: string;
}

/** Reasons that say the machinery failed, not that the action is risky. */
const FAULT_REASONS: ReadonlySet<string> = new Set(['world_model_unavailable', 'deadline_exceeded', 'insufficient_valid_rollouts']);

/** The longest a long poll may hold a request. */
export const MAX_WAIT_MS = 60_000;

const DEFAULT_OVERRIDE = { allowed: true, sign_offs: 1, review_timeout: '30m', approval_ttl: '1h' };

const signerOf = (key: ApiKey) => ({ keyId: key.id, owner: key.owner, name: key.name, role: key.role });

/**
 * The sign-off use cases: the review of an evaluation as every answer shows it, a supervisor's
 * sign-off, a revocation, whether an approval covers an action, the long poll, the timeouts, and
 * the pending-escalation port the evaluate use case asks before it simulates.
 */
export class SignOffService {
  constructor(private readonly deps: SignOffServiceDeps) {}

  private at(): Date | null {
    return this.deps.clock ? this.deps.clock() : null;
  }

  private overrideOf(domain: string) {
    return this.deps.domains.get(domain)?.policy.override ?? DEFAULT_OVERRIDE;
  }

  /** What an escalation's review needs, under the policy of its domain. */
  escalationOf(rec: Pick<EvaluationRecord, 'id' | 'createdAt' | 'domain' | 'policyVersion' | 'apiKeyId' | 'request' | 'response'>, pendingKey: string | null): EscalationRecord {
    const o = this.overrideOf(rec.domain);
    const answered = (rec.response.override as { allowed?: boolean } | undefined)?.allowed;
    return {
      evaluationId: rec.id,
      createdAt: rec.createdAt,
      domain: rec.domain,
      policyVersion: rec.policyVersion,
      apiKeyId: rec.apiKeyId ?? null,
      pendingKey,
      actionHash: actionHash(rec.request as never),
      overrideAllowed: answered ?? o.allowed,
      signOffsRequired: o.sign_offs,
      reviewDeadline: new Date(rec.createdAt.getTime() + parseDuration(o.review_timeout)),
      approvalTtlMs: parseDuration(o.approval_ttl),
    };
  }

  /** Escalations stored before sign-off existed (or whose row failed to land) are reviewed as if it had. */
  private withEscalation(snap: ReviewSnapshot, stored: StoredEvaluation): ReviewSnapshot {
    if (snap.decision !== 'escalate' || snap.escalation) return snap;
    return { ...snap, escalation: this.escalationOf(stored, null) };
  }

  private viewOf(snap: ReviewSnapshot, stored: StoredEvaluation): ReviewView {
    const review = reviewOf(snap);
    return { action_hash: actionHash(stored.request as never), effective_decision: review.effective_decision, review };
  }

  /** The review of an answer just given (nothing can have been signed yet): no database read on the hot path. */
  freshView(answer: { id: string; domain: string; createdAt: Date; decision: 'approve' | 'escalate'; overrideAllowed: boolean; actionHash: string }): ReviewView {
    const o = this.overrideOf(answer.domain);
    const escalation: EscalationRecord | null =
      answer.decision === 'approve'
        ? null
        : {
            evaluationId: answer.id,
            createdAt: answer.createdAt,
            domain: answer.domain,
            policyVersion: '',
            apiKeyId: null,
            pendingKey: null,
            actionHash: answer.actionHash,
            overrideAllowed: answer.overrideAllowed,
            signOffsRequired: o.sign_offs,
            reviewDeadline: new Date(answer.createdAt.getTime() + parseDuration(o.review_timeout)),
            approvalTtlMs: parseDuration(o.approval_ttl),
          };
    const review = reviewOf({ evaluationId: answer.id, decision: answer.decision, escalation, signOffs: [], now: answer.createdAt });
    return { action_hash: answer.actionHash, effective_decision: review.effective_decision, review };
  }

  /** The hash of an action as an agent presents it, validated by its domain's schemas exactly as evaluate does. */
  actionHashOf(input: { domain: string; state: unknown; action: unknown }): string {
    const domain = this.deps.domains.get(input.domain);
    if (!domain) throw new AppError('unknown_domain', `unknown domain '${input.domain}'`);
    const state = domain.module.stateSchema.safeParse(input.state);
    const action = domain.module.actionSchema.safeParse(input.action);
    if (!state.success || !action.success) {
      const errors = [...(state.success ? [] : state.error.issues.map((i) => ({ path: ['state', ...i.path.map(String)].join('.'), message: i.message }))), ...(action.success ? [] : action.error.issues.map((i) => ({ path: ['action', ...i.path.map(String)].join('.'), message: i.message })))];
      throw new AppError('validation_failed', errors.map((e) => `${e.path}: ${e.message}`).join('; '), { errors });
    }
    return actionHash({ domain: domain.name, state: state.data as Record<string, unknown>, action: action.data as Record<string, unknown> });
  }

  async view(stored: StoredEvaluation): Promise<ReviewView> {
    const snap = await this.deps.store.snapshot(stored.id, this.at());
    if (!snap) throw new AppError('not_found', `no evaluation ${stored.id}`);
    return this.viewOf(this.withEscalation(snap, stored), stored);
  }

  /**
   * The long poll: the review now if it is already decided, else as soon as its effective decision
   * changes (a decision lands, or its deadline or expiry passes), or when `waitMs` runs out.
   */
  async waitForChange(stored: StoredEvaluation, waitMs: number, abort?: AbortSignal): Promise<ReviewView> {
    const first = await this.view(stored);
    const until = Date.now() + Math.min(waitMs, MAX_WAIT_MS);
    let current = first;
    while (!abort?.aborted) {
      const left = until - Date.now();
      if (left <= 0 || (current.effective_decision !== 'pending' && current.effective_decision !== 'approved')) return current;
      // The clock changes a pending review (its deadline) and an approval (its expiry) on its own.
      const nextEdge = current.effective_decision === 'pending' ? current.review.review_deadline : current.review.expires_at;
      const edgeMs = nextEdge && !this.deps.clock ? Date.parse(nextEdge) - Date.now() + 5 : Infinity;
      await this.deps.signal.wait(stored.id, Math.max(1, Math.min(left, edgeMs)), abort);
      current = await this.view(stored);
      if (current.effective_decision !== first.effective_decision) return current;
    }
    return current;
  }

  /** Whether `key`'s owner is not the one who asked for `stored` (no one signs off on their own request). */
  async canSign(stored: Pick<StoredEvaluation, 'apiKeyId'>, key: Pick<ApiKey, 'owner'>): Promise<boolean> {
    const requester = stored.apiKeyId ? await this.deps.keys.get(stored.apiKeyId) : null;
    return !(requester && requester.owner === key.owner);
  }

  /** A supervisor's approve, deny or request for changes. */
  async signOff(stored: StoredEvaluation, signer: ApiKey, input: SignOffInput): Promise<ReviewView & { sign_off: ReturnType<typeof signOffView> }> {
    const reason = input.reason.trim();
    if (!reason) throw new AppError('validation_failed', 'reason: a reason is required', { errors: [{ path: 'reason', message: 'a reason is required' }] });
    let shorterMs: number | undefined;
    if (input.expires_in !== undefined) {
      if (input.decision !== 'approve') throw new AppError('validation_failed', 'expires_in: only an approval expires', { errors: [{ path: 'expires_in', message: 'only an approval expires' }] });
      shorterMs = durationOrFail(input.expires_in, 'expires_in');
    }
    if (stored.decision === 'escalate') await this.deps.store.openEscalation(this.escalationOf(stored, null));
    const mayAsk = await this.canSign(stored, signer);
    const result = await this.deps.store
      .decide(stored.id, this.at(), (snap) => {
        if (snap.decision !== 'escalate' || !snap.escalation) throw new AppError('not_reviewable', `evaluation ${stored.id} was approved by the model: there is nothing to sign off`, { effective_decision: reviewOf(snap).effective_decision });
        const review = reviewOf(snap);
        if (review.effective_decision !== 'pending') {
          throw new AppError('already_decided', `evaluation ${stored.id} is ${review.effective_decision}; a decided review is not decided again (ask for a new evaluation)`, { effective_decision: review.effective_decision });
        }
        if (!mayAsk) {
          throw new AppError('self_approval', `'${signer.owner}' asked for this evaluation (key ${stored.apiKeyId}), so cannot sign off on it`);
        }
        if (snap.signOffs.some((s) => s.signer?.owner === signer.owner && s.kind !== 'revoke')) {
          throw new AppError('duplicate_sign_off', `'${signer.owner}' has already signed off on evaluation ${stored.id}; another person must sign (distinct people count, not keys)`, {
            sign_offs_remaining: review.sign_offs_remaining,
          });
        }
        if (input.decision === 'approve' && !snap.escalation.overrideAllowed) throw new AppError('override_not_allowed', `the ${stored.domain} policy does not allow overriding this escalation; deny it or request changes`);
        const now = snap.now;
        const expiresAt =
          input.decision === 'approve' ? new Date(now.getTime() + Math.min(snap.escalation.approvalTtlMs, shorterMs ?? Infinity)) : null;
        return { id: this.deps.newId(), evaluationId: stored.id, kind: input.decision, reason, signer: signerOf(signer), expiresAt, createdAt: now };
      })
      .catch(uniqueAsDuplicate(signer.owner, stored.id));
    if (!result) throw new AppError('not_found', `no evaluation ${stored.id}`);
    const after = await this.afterDecision(stored, result.before);
    return { ...after, sign_off: signOffView(result.recorded!) };
  }

  /** Withdraws an approval in force (of the model or of people), on the record, with a reason. */
  async revoke(stored: StoredEvaluation, by: ApiKey, reasonText: string): Promise<ReviewView & { revocation: ReturnType<typeof signOffView> }> {
    const reason = reasonText.trim();
    if (!reason) throw new AppError('validation_failed', 'reason: a reason is required', { errors: [{ path: 'reason', message: 'a reason is required' }] });
    const result = await this.deps.store.decide(stored.id, this.at(), (raw) => {
      const snap = this.withEscalation(raw, stored);
      const state = reviewOf(snap).effective_decision;
      if (state !== 'approved') throw new AppError('not_revocable', `evaluation ${stored.id} is ${state}: only an approval in force can be revoked`, { effective_decision: state });
      return { id: this.deps.newId(), evaluationId: stored.id, kind: 'revoke', reason, signer: signerOf(by), expiresAt: null, createdAt: snap.now };
    });
    if (!result) throw new AppError('not_found', `no evaluation ${stored.id}`);
    const after = await this.afterDecision(stored, result.before);
    return { ...after, revocation: signOffView(result.recorded!) };
  }

  /** Wakes this replica's waiters (the others hear of it from the database) and announces a decision. */
  private async afterDecision(stored: StoredEvaluation, before: ReviewSnapshot): Promise<ReviewView> {
    this.deps.signal.changed(stored.id);
    const view = await this.view(stored);
    if (view.effective_decision !== reviewOf(this.withEscalation(before, stored)).effective_decision) this.announce('escalation.decided', stored, view);
    return view;
  }

  /** Whether the approval of `stored` covers an action whose hash is `presented`. */
  covers(view: ReviewView, presented: string): { action_hash: string; covered: boolean; reason: string } {
    if (presented !== view.action_hash) {
      return { action_hash: presented, covered: false, reason: 'the action differs from the one evaluated: evaluate this action anew' };
    }
    if (view.effective_decision !== 'approved') return { action_hash: presented, covered: false, reason: `the evaluation is ${view.effective_decision}, not approved` };
    return { action_hash: presented, covered: true, reason: view.review.expires_at ? `approved until ${view.review.expires_at}` : 'approved' };
  }

  // --- the port the evaluate use case asks before it simulates ---

  /** The evaluation id of an escalation still pending under `pendingKey`. */
  async find(pendingKey: string): Promise<string | null> {
    try {
      for (const snap of await this.deps.store.openUnder(pendingKey, this.at())) {
        if (reviewOf(snap).effective_decision === 'pending') return snap.evaluationId;
      }
      return null;
    } catch (err) {
      // A fresh evaluation is always safe (it is simulated and stored like any other).
      this.deps.logger.warn({ err }, 'pending escalations could not be looked up; evaluating afresh');
      return null;
    }
  }

  /**
   * Records a new escalation and announces that it awaits review. Never throws: the answer is an
   * escalation already. One that escalated only because the machinery failed (model down, deadline,
   * too few valid futures) is reviewable but not returned to a re-ask: asking again after an outage
   * is a retry, not a re-roll, and must not lock the agent out until the review deadline.
   */
  async opened(pendingKey: string, rec: EvaluationRecord): Promise<void> {
    try {
      const onlyFaults = rec.reasonCodes.length > 0 && rec.reasonCodes.every((c) => FAULT_REASONS.has(c));
      const escalation = this.escalationOf(rec, onlyFaults ? null : pendingKey);
      await this.deps.store.openEscalation(escalation);
      const snap: ReviewSnapshot = { evaluationId: rec.id, decision: 'escalate', escalation, signOffs: [], now: rec.createdAt };
      const review = reviewOf(snap);
      this.announce('escalation.awaiting_review', rec, { action_hash: escalation.actionHash, effective_decision: review.effective_decision, review });
    } catch (err) {
      this.deps.logger.error({ err, evaluation: rec.id }, 'the escalation could not be recorded for review; its review reads from the policy');
    }
  }

  // --- timeouts ---

  /** Records `denied_timed_out` for every escalation whose deadline passed undecided. Returns how many. */
  async recordTimeouts(limit = 100): Promise<number> {
    let n = 0;
    for (const id of await this.deps.store.overdue(this.at(), limit)) {
      const result = await this.deps.store.decide(id, this.at(), (snap) => {
        const review = reviewOf(snap);
        // Decided meanwhile (a sign-off just before the deadline): nothing to record.
        if (!review.overdue_unrecorded) return null;
        return { id: this.deps.newId(), evaluationId: id, kind: 'timeout', reason: null, signer: null, expiresAt: null, createdAt: snap.now };
      });
      if (!result?.recorded) continue;
      n++;
      this.deps.signal.changed(id);
      const snap = await this.deps.store.snapshot(id, this.at());
      if (snap?.escalation) {
        const review = reviewOf(snap);
        this.announceRaw('escalation.decided', { id, domain: snap.escalation.domain, policyVersion: snap.escalation.policyVersion }, { action_hash: snap.escalation.actionHash, effective_decision: review.effective_decision, review });
      }
    }
    return n;
  }

  // --- notification ---

  private announce(type: WebhookEventType, rec: Pick<EvaluationRecord, 'id' | 'domain' | 'policyVersion' | 'reasonCodes'>, view: ReviewView): void {
    this.announceRaw(type, { id: rec.id, domain: rec.domain, policyVersion: rec.policyVersion, reasonCodes: rec.reasonCodes }, view);
  }

  private announceRaw(type: WebhookEventType, ev: { id: string; domain: string; policyVersion: string; reasonCodes?: string[] }, view: ReviewView): void {
    const webhooks = this.deps.webhooks;
    if (!webhooks) return;
    const url = this.deps.domains.get(ev.domain)?.policy.notify?.webhook_url ?? this.deps.defaultWebhookUrl;
    if (!url) return;
    const id = this.deps.newId();
    const r = view.review;
    // What a reviewer's inbox needs to act, and no part of the input: the state may hold personal data.
    const body = {
      id,
      type,
      created_at: new Date().toISOString(),
      evaluation: {
        id: ev.id,
        href: `/v1/evaluations/${ev.id}`,
        override_href: `/v1/evaluations/${ev.id}/override`,
        domain: ev.domain,
        policy_version: ev.policyVersion,
        ...(ev.reasonCodes ? { reasons: ev.reasonCodes } : {}),
        action_hash: view.action_hash,
      },
      effective_decision: view.effective_decision,
      sign_offs: { required: r.sign_offs_required, received: r.sign_offs_received, remaining: r.sign_offs_remaining },
      review_deadline: r.review_deadline,
      decided_at: r.decided_at,
      expires_at: r.expires_at,
      history: r.history,
    };
    webhooks.send(url, { id, type, evaluationId: ev.id, body });
  }
}

export function signOffView(s: SignOffRecord) {
  return {
    id: s.id,
    choice: s.kind,
    reason: s.reason,
    signer: s.signer ? { owner: s.signer.owner, key_id: s.signer.keyId, name: s.signer.name, role: s.signer.role } : null,
    at: s.createdAt.toISOString(),
    expires_at: s.expiresAt ? s.expiresAt.toISOString() : null,
  };
}

function durationOrFail(text: string, field: string): number {
  let ms: number;
  try {
    ms = parseDuration(text);
  } catch (err) {
    throw new AppError('validation_failed', `${field}: ${(err as Error).message}`, { errors: [{ path: field, message: (err as Error).message }] });
  }
  if (ms <= 0) throw new AppError('validation_failed', `${field}: must be longer than 0`, { errors: [{ path: field, message: 'must be longer than 0' }] });
  return ms;
}

/** Two keys of one owner racing past the check meet the database's unique index: the same refusal. */
function uniqueAsDuplicate(owner: string, id: string) {
  return (err: unknown): never => {
    if ((err as { code?: string }).code === '23505') throw new AppError('duplicate_sign_off', `'${owner}' has already signed off on evaluation ${id}`);
    throw err;
  };
}

export { isTerminal };
