import type { StoredEvaluation } from '../audit/evaluation-store.js';
import { AppError } from '../errors.js';
import type { ApiKey } from '../keys/key-store.js';
import type { PolicyVersionStore } from './policy-version-store.js';
import type { ReplayDiff } from './replay-diff.js';
import type { ReplayActor, ReplayRecord, ReplayStore, ReplaySummary } from './replay-store.js';
import { replayEvaluation, type ReplayOutcome, type ReplayUnder } from './replay.js';

export interface ReplayServiceDeps {
  /** Today's policies and world models. */
  under: ReplayUnder;
  policyTexts: PolicyVersionStore;
  replays: ReplayStore;
  now(): Date;
  newId(): string;
}

/** The answer to POST /v1/evaluations/:id/replay. */
export type ReplayAnswer = {
  replay_id: string;
  evaluation_id: string;
  replayed_at: string;
  replayed_by: { key_id: string; owner: string; name: string; role: string };
  options: ReplayOutcome['options'];
} & ReplayDiff;

/** The bounded part of a diff that goes on record. */
export function summaryOf(diff: ReplayDiff): ReplaySummary {
  const d = diff.futures.first_divergence;
  return {
    changed: diff.changed,
    decision_changed: diff.decision.changed,
    rates: { incident_rate_delta: diff.rates.incident_rate.delta, adverse_rate_delta: diff.rates.adverse_rate.delta },
    reasons: {
      fired_now_not_then: diff.reasons.fired_now_not_then.map((r) => ({ code: r.code, kind: r.kind })),
      fired_then_not_now: diff.reasons.fired_then_not_now.map((r) => ({ code: r.code, kind: r.kind })),
    },
    futures: { then: diff.futures.then, now: diff.futures.now, diverged: diff.futures.diverged, first_divergence: d ? { future: d.future, step: d.step, what: d.what } : null },
    policy_changed: diff.policy.changed,
    world_model_changed: diff.world_model.changed,
  };
}

/** Replays stored evaluations under today's policy and model, and records each replay (never a new evaluation). */
export class ReplayService {
  constructor(private readonly deps: ReplayServiceDeps) {}

  async replay(stored: StoredEvaluation, key: ApiKey): Promise<ReplayAnswer> {
    const domain = this.deps.under.domains.get(stored.domain);
    // Held for the whole replay: a reload meanwhile must not pair this policy's text with another's run.
    const under: ReplayUnder = { ...this.deps.under, domains: new Map(domain ? [[domain.name, domain]] : []) };
    const [thenText, nowText] = await Promise.all([
      this.deps.policyTexts.text(stored.domain, stored.policyVersion),
      domain ? this.deps.policyTexts.text(domain.name, domain.policyVersion) : Promise.resolve(null),
    ]);
    const at = this.deps.now();
    const { diff, options } = await replayEvaluation(stored, under, { then: thenText, now: nowText }, at);
    const actor: ReplayActor = { keyId: key.id, owner: key.owner, name: key.name, role: key.role };
    const record: ReplayRecord = {
      id: this.deps.newId(),
      evaluationId: stored.id,
      createdAt: at,
      actor,
      domain: stored.domain,
      policyVersionThen: diff.policy.then,
      policyVersionNow: diff.policy.now,
      worldModelThen: diff.world_model.then.version,
      worldModelNow: diff.world_model.now.version,
      decisionThen: diff.decision.then,
      decisionNow: diff.decision.now,
      summary: summaryOf(diff),
    };
    try {
      await this.deps.replays.append(record);
    } catch (err) {
      // A replay is shown only once it is on record.
      throw new AppError('audit_unavailable', 'the replay could not be recorded in the audit trail, so it is not shown', undefined, { cause: err });
    }
    return {
      replay_id: record.id,
      evaluation_id: stored.id,
      replayed_at: at.toISOString(),
      replayed_by: { key_id: actor.keyId, owner: actor.owner, name: actor.name, role: actor.role },
      options,
      ...diff,
    };
  }

  /** The replays of an evaluation, oldest first. */
  history(evaluationId: string): Promise<ReplayRecord[]> {
    return this.deps.replays.forEvaluation(evaluationId);
  }
}
