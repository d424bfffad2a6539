import type { StoredFuture } from '../audit/evaluation-store.js';
import { AppError } from '../errors.js';
import { msSince } from '../lib/elapsed.js';
import type { LoadedDomain } from '../packs/load-domains.js';
import type { Reading } from '../packs/reading/reading.js';
import type { ActionInput, Features } from '../packs/types.js';
import { WorldModelError, type Future, type WorldModel } from '../world-model/world-model.js';
import { emptyTally, finalVerdict, verdict, type ModelEstimate, type Tally } from './decision-rule.js';
import { gates, type GateResult } from './gates.js';

export type FailureReason = 'world_model_unavailable' | 'deadline_exceeded' | 'insufficient_valid_rollouts';

export interface DecideInput {
  domain: LoadedDomain;
  state: Record<string, unknown>;
  action: ActionInput;
  /** The pack's one reading of the request, and the features over it. */
  reading: Reading;
  features: Features;
  /** The gates over that reading, when worked out already (they depend on nothing else). */
  gate?: GateResult;
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
  gate: GateResult;
  futures: StoredFuture[];
  tally: Tally;
  /** The model's own outcome probabilities for this action, when the world model has them: they decided. */
  modelEstimate?: ModelEstimate;
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

/** A step with its keys in sorted order; one with other fields than the four is kept as it is. */
function orderedStep(s: StoredFuture['steps'][number]): StoredFuture['steps'][number] {
  let n = 0;
  for (const k in s) if (Object.hasOwn(s, k)) n++;
  return n === 4 && 'event' in s && 'outcome' in s && 'reward' in s && 't' in s ? { event: s.event, outcome: s.outcome, reward: s.reward, t: s.t } : s;
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
  const { domain, state, action, reading, features, seed, horizon, deadlineMs, fixedN } = input;
  const { policy } = domain;
  const ruleStarted = performance.now();
  const gate = input.gate ?? gates(domain, reading);
  const rulesMs = msSince(ruleStarted);
  const settled = gate.codes.length > 0;

  const simStarted = performance.now();
  const controller = new AbortController();
  const deadlineAt = Date.now() + deadlineMs;
  const timer = setTimeout(() => controller.abort(), deadlineMs);
  const futures: StoredFuture[] = [];
  const tally: Tally = emptyTally(policy);
  const zeroTolerance = new Set(policy.zero_tolerance.map((z) => z.outcome));
  let modelEstimate: ModelEstimate | undefined;
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
      const cls = domain.module.classify(outcome, reading.action);
      // Keys in sorted order: the record's canonical JSON then writes the futures, the bulk of it, natively.
      futures.push({ adverse: cls.adverse, final_outcome: f.final_outcome, incident: cls.incident, index: firstIndex + i, risk_factors: f.risk_factors, steps: f.steps.map(orderedStep) });
      tally.valid++;
      if (cls.incident) tally.incidents++;
      if (cls.adverse) tally.adverse++;
      if (zeroTolerance.has(f.final_outcome) && (cls.incident || cls.adverse)) tally.zeroTolerance[f.final_outcome]++;
    });
  };
  const estimateFrom = (probabilities: Record<string, number>): ModelEstimate => {
    const est: ModelEstimate = { incident: 0, adverse: 0, zeroTolerance: {} };
    for (const o of domain.outcomes) {
      const p = probabilities[o.name] ?? 0;
      const cls = domain.module.classify(o, reading.action);
      if (cls.incident) est.incident += p;
      if (cls.adverse) est.adverse += p;
      if (zeroTolerance.has(o.name)) est.zeroTolerance[o.name] = cls.incident || cls.adverse ? p : 0;
    }
    return est;
  };

  try {
    // A model that knows its probabilities decides with them; its futures illustrate, so the minimum
    // will do. A sampled backend needs enough futures for the rule to be able to approve at all, and
    // once a gate has settled the answer the minimum batch is kept to explain it.
    const knows = model.knowsProbabilities === true;
    const needed = settled || knows ? policy.rollouts.min : domain.rolloutsToApprove;
    let target = Math.min(policy.rollouts.max, Math.max(fixedN ?? 0, needed));
    for (;;) {
      const simulateWith = (wm: WorldModel) =>
        untilAborted(
          wm.simulate({
            domain: domain.name, state, action, reading, features, rollouts: target - requested, firstIndex: requested, horizon, seed,
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
      if (result.probabilities) {
        modelEstimate = estimateFrom(result.probabilities);
        break;
      }
      if (fixedN !== undefined || settled || requested >= policy.rollouts.max) break;
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

  const reasonCodes: string[] = [...gate.codes];
  if (failure) reasonCodes.push(failure);
  else reasonCodes.push(...finalVerdict(tally, policy, modelEstimate).codes.filter((c) => !reasonCodes.includes(c)));
  return {
    decision: reasonCodes.length > 0 ? 'escalate' : 'approve',
    reasonCodes,
    gate,
    futures,
    tally,
    ...(modelEstimate ? { modelEstimate } : {}),
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
