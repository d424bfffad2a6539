import type { EvaluationStore, StoredEvaluation } from '../audit/evaluation-store.js';
import { AppError } from '../errors.js';
import { scopeOf } from '../http/authorization.js';
import type { ApiKey, KeyStore } from '../keys/key-store.js';
import { listScopeOf, type EvaluationSummary, type ListingService } from '../listing/listing-service.js';
import type { OutcomeService, OutcomesOfEvaluation } from '../outcomes/outcome-service.js';
import type { LoadedDomain } from '../packs/load-domains.js';
import type { PersonalDataService, Presented } from '../privacy/personal-data-service.js';
import type { ReplayRecord } from '../replay/replay-store.js';
import type { ReplayService } from '../replay/replay-service.js';
import type { ReviewView, SignOffService } from '../signoff/sign-off-service.js';
import { mayOn, mayUse } from './console-access.js';
import type { ConsoleStore, ReviewMark } from './console-store.js';
import { decidingFigure, type RiskBlock } from './figures.js';

/** The services the console reads and acts through: the same objects the API routes use. */
export interface ReviewServices {
  evaluations: EvaluationStore;
  signOffs: SignOffService;
  personal: PersonalDataService;
  outcomes: OutcomeService;
  replays: ReplayService;
  listing: ListingService;
  domains: ReadonlyMap<string, LoadedDomain>;
  store: ConsoleStore;
  now: () => Date;
  /** How long a "being reviewed" mark holds without a heartbeat. */
  reviewMarkMs: number;
}

/** The most pending escalations the queue reads to find the oldest (they all end at their review timeout). */
export const QUEUE_SCAN_LIMIT = 2000;
/** The most the queue shows at once, oldest first. */
export const QUEUE_SHOWN = 50;

export interface QueueItem {
  id: string;
  createdAt: Date;
  domain: string;
  agent: string | null;
  action: string | null;
  headline: string | null;
  figure: string;
  deadline: Date | null;
  required: number;
  received: number;
  remaining: number;
  /** This person has signed already (a two-person review waiting for someone else). */
  signedByMe: boolean;
  /** This person may sign it now (not signed yet, and not the one who asked for it). */
  canSign: boolean;
  /** Other people who have it open now. */
  reviewers: ReviewMark[];
}

export interface Queue {
  items: QueueItem[];
  /** Pending escalations in the key's scope and the filters (up to QUEUE_SCAN_LIMIT). */
  total: number;
  truncated: boolean;
  /** The agents and domains seen among the pending escalations, for the filters. */
  agents: string[];
  domains: string[];
}

const signedBy = (view: ReviewView, owner: string) => view.review.history.some((h) => h.type === 'sign_off' && h.signer?.owner === owner);

/** Pending escalations the key may review, oldest first, each with what deciding it takes. */
export async function loadQueue(s: ReviewServices, key: ApiKey, filters: { domain?: string; agent?: string }, requestId: string | null): Promise<Queue> {
  const scope = listScopeOf(scopeOf('GET /v1/evaluations', key.role), key);
  if (!scope) throw new AppError('forbidden', `role '${key.role}' has no queue`);
  const pending: EvaluationSummary[] = [];
  let cursor: string | undefined;
  const listFilters = { effectiveDecision: 'pending' as const, decision: 'escalate' as const, domain: filters.domain, agentId: filters.agent };
  do {
    const page = await s.listing.page({ filters: listFilters, scope, limit: 500, cursor, key, requestId });
    pending.push(...page.items);
    cursor = page.next_cursor ?? undefined;
  } while (cursor && pending.length < QUEUE_SCAN_LIMIT);
  // Pages come newest first; the queue is served oldest first (the nearest timeout on top).
  const oldest = pending.reverse().slice(0, QUEUE_SHOWN);
  const now = s.now();
  const marks = await s.store.reviewing(
    oldest.map((i) => i.id),
    new Date(now.getTime() - s.reviewMarkMs),
  );
  const items: QueueItem[] = [];
  // The answer depends only on who asked: one key read per requesting key, not per row.
  const mayAsk = new Map<string | null | undefined, Promise<boolean>>();
  const canSignFor = (stored: StoredEvaluation) => {
    if (!mayAsk.has(stored.apiKeyId)) mayAsk.set(stored.apiKeyId, s.signOffs.canSign(stored, key));
    return mayAsk.get(stored.apiKeyId)!;
  };
  for (const summary of oldest) {
    const stored = await s.evaluations.get(summary.id);
    if (!stored || !mayOn('GET /v1/evaluations/:id', key, stored)) continue;
    const view = await s.signOffs.view(stored);
    // Decided between the list and this read: no longer waiting for anyone.
    if (view.effective_decision !== 'pending') continue;
    const r = view.review;
    const signedByMe = signedBy(view, key.owner);
    items.push({
      id: stored.id,
      createdAt: stored.createdAt,
      domain: stored.domain,
      agent: summary.agent_id,
      action: summary.action,
      headline: summary.headline,
      figure: decidingFigure((stored.response.risk ?? {}) as RiskBlock, stored.response.reasons as { code: string }[], stored.futures),
      deadline: r.review_deadline ? new Date(r.review_deadline) : null,
      required: r.sign_offs_required,
      received: r.sign_offs_received,
      remaining: r.sign_offs_remaining,
      signedByMe,
      canSign: !signedByMe && (await canSignFor(stored)),
      reviewers: marks.filter((m) => m.evaluationId === stored.id && m.owner !== key.owner),
    });
  }
  return {
    items,
    total: pending.length,
    truncated: cursor !== undefined,
    agents: [...new Set(pending.map((p) => p.agent_id).filter((a): a is string => a !== null))].sort(),
    domains: [...new Set(pending.map((p) => p.domain))].sort(),
  };
}

export interface EvaluationView {
  stored: StoredEvaluation;
  view: ReviewView;
  shown: Presented;
  outcomes: OutcomesOfEvaluation;
  replays: ReplayRecord[];
  /** Other people who have it open now. */
  reviewers: ReviewMark[];
  /** Whether this person has signed. */
  signedByMe: boolean;
  /** Others' verdicts are shown: after this person signed, once decided, and always to auditors (blind review). */
  verdictsShown: boolean;
  /** Why this person cannot sign, or null when the form is shown. */
  cannotSign: string | null;
  /** The policy lets people override this escalation (else only deny or request changes). */
  overrideAllowed: boolean;
}

/** One evaluation as the key may see it, and whether this person may sign it now. */
export async function loadEvaluation(s: ReviewServices, key: ApiKey, id: string, requestId: string | null): Promise<EvaluationView> {
  const stored = await s.evaluations.get(id);
  // Outside the key's scope reads as absent, as the API does.
  if (!stored || !mayOn('GET /v1/evaluations/:id', key, stored)) throw new AppError('not_found', `no evaluation ${id}`);
  const view = await s.signOffs.view(stored);
  // Personal values whole only for who may see them, the read on record first: the API's own rule.
  const shown = await s.personal.present(stored, key, view, requestId);
  const [outcomes, replays] = await Promise.all([s.outcomes.of(stored.id), s.replays.history(stored.id)]);
  const now = s.now();
  const reviewers = (await s.store.reviewing([stored.id], new Date(now.getTime() - s.reviewMarkMs))).filter((m) => m.owner !== key.owner);
  const signedByMe = signedBy(view, key.owner);
  // The service's own rule (the answer's, else the policy's): a missing answer does not read as "allowed".
  const overrideAllowed = s.signOffs.escalationOf(stored, null).overrideAllowed;
  let cannotSign: string | null = null;
  if (!mayUse('POST /ui/evaluations/:id/sign-off', key) || !mayOn('POST /v1/evaluations/:id/override', key, stored)) cannotSign = 'role';
  else if (stored.decision !== 'escalate') cannotSign = 'The model approved this evaluation: there is nothing to sign off.';
  else if (view.effective_decision !== 'pending') cannotSign = `The review is ${view.effective_decision.replaceAll('_', ' ')}; a decided review is not decided again.`;
  else if (signedByMe) cannotSign = 'You have signed off on this evaluation; another person must sign.';
  else if (!(await s.signOffs.canSign(stored, key))) cannotSign = `You (${key.owner}) asked for this evaluation, so you cannot sign off on it.`;
  return {
    stored,
    view,
    shown,
    outcomes,
    replays,
    reviewers,
    signedByMe,
    verdictsShown: key.role !== 'supervisor' || signedByMe || view.effective_decision !== 'pending',
    cannotSign,
    overrideAllowed,
  };
}
