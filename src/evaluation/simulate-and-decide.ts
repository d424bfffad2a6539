import type { StoredFuture } from '../audit/evaluation-store.js';
import { AppError } from '../errors.js';
import { msSince } from '../lib/elapsed.js';
import type { LoadedDomain } from '../packs/load-domains.js';
import type { CompiledRule } from '../packs/rules/index.js';
import type { ActionInput } from '../packs/types.js';
import { WorldModelError, type Future, type WorldModel } from '../world-model/world-model.js';
import { finalVerdict, verdict, type Tally } from './decision-rule.js';

export type FailureReason = 'world_model_unavailable' | 'deadline_exceeded' | 'insufficient_valid_rollouts';

export interface DecideInput {
  domain: LoadedDomain;
  state: Record<string, unknown>;
  action: ActionInput;
  seed: number;
  horizon: number;
  deadlineMs: number;
  /** A fixed number of futures instead of adaptive sampling (already clamped to the policy). */
  fixedN?: number;
  worldModel: WorldModel;
  fallback?: WorldModel;
}

export interface DecideOutcome {
  decision: 'approve' | 'escalate';
  reasonCodes: string[];
  firedRules: CompiledRule[];
  futures: StoredFuture[];
  tally: Tally;
  /** Futures asked of the world model. */
  requested: number;
  invalid: number;
  failure?: FailureReason;
  failureDetail?: string;
  /** The model that produced the futures (the fallback when degraded). */
  model: WorldModel;
  degraded: boolean;
  rulesMs: number;
  simulationMs: number;
}

/** Rejects when the signal aborts: no world model, however stuck, holds an answer past its deadline. */
function untilAborted<T>(work: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(new WorldModelError('deadline_exceeded', 'deadline exceeded'));
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(new WorldModelError('deadline_exceeded', 'deadline exceeded'));
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(
      (v) => {
        signal.removeEventListener('abort', onAbort);
        resolve(v);
      },
      (e) => {
        signal.removeEventListener('abort', onAbort);
        reject(e);
      },
    );
  });
}

/**
 * Hard rules, then futures in batches until the rates settle against their thresholds (or the
 * maximum, or the deadline), then the decision. Every path that cannot justify approval escalates.
 */
export async function simulateAndDecide(input: DecideInput): Promise<DecideOutcome> {
  const { domain, state, action, seed, horizon, deadlineMs, fixedN } = input;
  const { policy } = domain;
  const ruleStarted = performance.now();
  const firedRules = domain.rules.filter((r) => r.test({ state, action }));
  const rulesMs = msSince(ruleStarted);

  const simStarted = performance.now();
  const controller = new AbortController();
  const deadlineAt = Date.now() + deadlineMs;
  const timer = setTimeout(() => controller.abort(), deadlineMs);
  const futures: StoredFuture[] = [];
  const tally: Tally = { valid: 0, incidents: 0, adverse: 0, zeroTolerance: 0 };
  const zeroTolerance = new Set(policy.zero_tolerance);
  let requested = 0;
  let invalid = 0;
  let failure: FailureReason | undefined;
  let failureDetail: string | undefined;
  let model = input.worldModel;
  let degraded = false;

  const record = (batch: Future[], firstIndex: number) => {
    batch.forEach((f, i) => {
      const outcome = domain.outcomeByName.get(f.final_outcome);
      if (!outcome) {
        invalid++;
        return;
      }
      const cls = domain.module.classify(outcome, action);
      futures.push({ index: firstIndex + i, final_outcome: f.final_outcome, incident: cls.incident, adverse: cls.adverse, steps: f.steps, risk_factors: f.risk_factors });
      tally.valid++;
      if (cls.incident) tally.incidents++;
      if (cls.adverse) tally.adverse++;
      if (zeroTolerance.has(f.final_outcome) && (cls.incident || cls.adverse)) tally.zeroTolerance++;
    });
  };

  try {
    let target = fixedN ?? policy.rollouts.min;
    for (;;) {
      const simulateWith = (wm: WorldModel) =>
        untilAborted(
          wm.simulate({
            domain: domain.name, state, action, rollouts: target - requested, firstIndex: requested, horizon, seed,
            temperature: policy.temperature, signal: controller.signal, deadline: deadlineAt,
            mode: policy.world_model.stepwise ? 'stepwise' : 'single_pass', anchorEvery: policy.world_model.anchor_every,
          }),
          controller.signal,
        );
      let result;
      try {
        result = await simulateWith(model);
      } catch (err) {
        const canFallBack =
          err instanceof WorldModelError && err.reason !== 'overloaded' && policy.world_model.fallback === 'embedded' && input.fallback && model !== input.fallback && !controller.signal.aborted;
        if (!canFallBack) throw err;
        model = input.fallback!;
        degraded = true;
        result = await simulateWith(model);
      }
      invalid += result.invalid;
      record(result.futures, requested);
      requested = target;
      // Once a hard rule has fired the answer is settled; the minimum batch is kept to explain it.
      if (fixedN !== undefined || firedRules.length > 0 || requested >= policy.rollouts.max) break;
      if (tally.valid < requested * policy.min_valid_share) break;
      if (verdict(tally, policy).decided) break;
      target = Math.min(policy.rollouts.max, requested + policy.rollouts.batch);
    }
  } catch (err) {
    if (err instanceof WorldModelError && err.reason === 'overloaded') {
      throw new AppError('overloaded', err.message, { decision: 'escalate' });
    }
    failure = err instanceof WorldModelError && err.reason === 'deadline_exceeded' ? 'deadline_exceeded' : 'world_model_unavailable';
    failureDetail = err instanceof Error ? err.message : String(err);
  } finally {
    clearTimeout(timer);
  }
  if (!failure && tally.valid < requested * policy.min_valid_share) {
    failure = 'insufficient_valid_rollouts';
    failureDetail = `${tally.valid} of ${requested} simulated futures were valid (${invalid} dropped); at least ${Math.round(policy.min_valid_share * 100)}% are required`;
  }

  const reasonCodes: string[] = firedRules.map((r) => `hard_rule:${r.id}`);
  if (failure) reasonCodes.push(failure);
  else reasonCodes.push(...finalVerdict(tally, policy).codes);
  return {
    decision: reasonCodes.length > 0 ? 'escalate' : 'approve',
    reasonCodes,
    firedRules,
    futures,
    tally,
    requested,
    invalid,
    failure,
    failureDetail,
    model,
    degraded,
    rulesMs,
    simulationMs: msSince(simStarted),
  };
}
