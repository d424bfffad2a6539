import YAML from 'yaml';
import type { EvaluationStore, StoredEvaluation, StoredFuture } from '../audit/evaluation-store.js';
import { AppError } from '../errors.js';
import { evaluate, EvaluateRequestSchema, type EvaluateDeps, type EvaluateRequest } from '../evaluation/evaluate.js';
import type { LoadedDomain } from '../packs/load-domains.js';
import { PolicySchema } from '../packs/policy-schema.js';
import type { WorldModel } from '../world-model/world-model.js';
import { diffReplay, type ReplayDiff, type ReplaySide } from './replay-diff.js';

/** The policies and world models a replay runs under: today's, or today's with a candidate policy. */
export interface ReplayUnder {
  domains: ReadonlyMap<string, LoadedDomain>;
  worldModelFor(domain: LoadedDomain): WorldModel;
  fallback?: WorldModel;
}

export interface ReplayOutcome {
  diff: ReplayDiff;
  /** The options the replay ran with: the stored seed, and the horizon and deadline it used. */
  options: { seed: number; horizon: number; deadline_ms: number; rollouts?: number };
}

/**
 * A replay is a what-if: it answers and stores nothing. The evaluate use case is run with this sink
 * in place of the audit store, and without the pending-escalation port, so no evaluation row, no
 * review, no sticky escalation and no webhook comes of it; the caller records the replay itself.
 */
const DISCARD: EvaluationStore = {
  append: async () => {},
  get: async () => null,
};

// Similar cases illustrate an answer and never decide it, so a replay does not look them up.
const NO_SIMILAR_CASES: EvaluateDeps['cases'] = { findSimilar: async () => [] };

function thenPolicyDefaults(text: string | null): { horizon?: number; deadline?: number } {
  if (text === null) return {};
  try {
    const parsed = PolicySchema.safeParse(YAML.parse(text));
    return parsed.success ? { horizon: parsed.data.horizon, deadline: parsed.data.deadline_ms.default } : {};
  } catch {
    return {};
  }
}

/**
 * The stored request, ready to run again. The store keeps the options as they were resolved (the
 * policy's horizon and deadline filled in); where they equal the then-policy's defaults they are left
 * to today's policy, so a changed horizon shows in the replay. The seed is always the stored one.
 */
export function replayRequest(stored: StoredEvaluation, thenPolicyText: string | null): EvaluateRequest {
  const parsed = EvaluateRequestSchema.safeParse(stored.request);
  if (!parsed.success) throw new AppError('conflict', `evaluation ${stored.id} cannot be replayed: its stored input no longer has the shape of a request (${parsed.error.issues[0]?.message ?? 'invalid'})`);
  const request = parsed.data;
  const options = { ...request.options, seed: stored.seed };
  const defaults = thenPolicyDefaults(thenPolicyText);
  if (defaults.horizon !== undefined && options.horizon === defaults.horizon) delete options.horizon;
  if (defaults.deadline !== undefined && options.deadline_ms === defaults.deadline) delete options.deadline_ms;
  return { ...request, domain: stored.domain, options };
}

/** Whether any personal value the row commits to is gone: such an input can no longer be run as it was. */
function personalDataErased(stored: StoredEvaluation): boolean {
  if (!stored.personalDigests) return false;
  const fields = new Map((stored.personal?.fields ?? []).map((f) => [f.digest, f]));
  return stored.personalDigests.some((d) => {
    const f = fields.get(d);
    return !f || f.erasedAt !== null;
  });
}

function thenSide(stored: StoredEvaluation, policyText: string | null): ReplaySide {
  const answered = Array.isArray(stored.response.reasons) ? (stored.response.reasons as { code?: unknown; message?: unknown }[]) : [];
  const message = (code: string) => {
    const m = answered.find((r) => r.code === code)?.message;
    return typeof m === 'string' ? m : undefined;
  };
  return {
    decision: stored.decision,
    reasons: stored.reasonCodes.map((code) => ({ code, message: message(code) })),
    risk: (stored.response.risk as Record<string, unknown> | undefined) ?? {},
    futures: stored.futures,
    policyVersion: stored.policyVersion,
    policyText,
    worldModel: stored.worldModel,
  };
}

/**
 * Runs a stored evaluation again, with its seed and input, under `under`, and says what differs.
 * Refused (409) when the evaluation's domain is no longer loaded or today's schema refuses its input.
 */
export async function replayEvaluation(stored: StoredEvaluation, under: ReplayUnder, texts: { then: string | null; now: string | null }, now: Date): Promise<ReplayOutcome> {
  const domain = under.domains.get(stored.domain);
  if (!domain) throw new AppError('conflict', `evaluation ${stored.id} cannot be replayed: its domain '${stored.domain}' is no longer loaded`);
  if (personalDataErased(stored)) throw new AppError('conflict', `evaluation ${stored.id} cannot be replayed: personal data of its input was erased, so the input it was judged on is gone`);
  const request = replayRequest(stored, texts.then);
  const deps: EvaluateDeps = {
    domains: under.domains,
    worldModelFor: under.worldModelFor,
    fallback: under.fallback,
    cases: NO_SIMILAR_CASES,
    store: DISCARD,
    now: () => now,
    newId: () => stored.id,
    newSeed: () => stored.seed,
  };
  let result;
  try {
    result = await evaluate(deps, request);
  } catch (err) {
    if (err instanceof AppError && err.code === 'validation_failed') {
      throw new AppError('conflict', `evaluation ${stored.id} cannot be replayed: today's ${stored.domain} schema refuses its stored input (${err.detail})`, undefined, { cause: err });
    }
    throw err;
  }
  const body = result.body as {
    reasons: { code: string; message?: string }[];
    risk: Record<string, unknown>;
    futures: StoredFuture[];
    world_model: { backend: string; version: string };
  };
  const nowSide: ReplaySide = {
    decision: result.decision,
    reasons: body.reasons,
    risk: body.risk,
    futures: body.futures,
    policyVersion: domain.policyVersion,
    policyText: texts.now,
    worldModel: { backend: body.world_model.backend, version: body.world_model.version },
  };
  const o = request.options ?? {};
  const options = {
    seed: stored.seed,
    horizon: o.horizon ?? domain.policy.horizon,
    deadline_ms: Math.min(o.deadline_ms ?? domain.policy.deadline_ms.default, domain.policy.deadline_ms.max),
    ...(o.rollouts !== undefined ? { rollouts: o.rollouts } : {}),
  };
  return { diff: diffReplay(thenSide(stored, texts.then), nowSide), options };
}
