import { z } from 'zod';
import { AppError } from '../errors.js';
import type { EvaluationRecord, EvaluationStore, StoredFuture } from '../audit/evaluation-store.js';
import type { CaseStore, SimilarCase } from '../cases/case-store.js';
import type { LoadedDomain } from '../packs/load-domains.js';
import type { CompiledRule, RuleInput } from '../packs/rules/index.js';
import type { ActionInput } from '../packs/types.js';
import { WorldModelError, type Future, type WorldModel } from '../world-model/world-model.js';
import { estimate, finalVerdict, verdict, type Tally } from './decision-rule.js';
import { explain, rankFactors, recommend } from './explain.js';

/** The envelope of POST /v1/evaluate; `state` and `action` are checked against the domain's own schemas. */
export const EvaluateRequestSchema = z.strictObject({
  domain: z.string().min(1).max(100),
  state: z.record(z.string(), z.unknown()),
  action: z.record(z.string(), z.unknown()),
  options: z
    .strictObject({
      rollouts: z.number().int().min(1).max(1024).optional(),
      horizon: z.number().int().min(1).max(50).optional(),
      seed: z.number().int().min(0).max(2 ** 31 - 1).optional(),
      deadline_ms: z.number().int().min(1).max(600_000).optional(),
    })
    .optional(),
  context: z.object({ agent_id: z.string().max(200).optional(), trace_id: z.string().max(200).optional() }).loose().optional(),
});
export type EvaluateRequest = z.infer<typeof EvaluateRequestSchema>;

export type FailureReason = 'world_model_unavailable' | 'deadline_exceeded' | 'insufficient_valid_rollouts';

export interface EvaluateDeps {
  domains: ReadonlyMap<string, LoadedDomain>;
  /** The world model a domain's policy asks for. */
  worldModelFor(domain: LoadedDomain): WorldModel;
  /** The embedded model, for policies that name it as fallback. */
  fallback?: WorldModel;
  cases: Pick<CaseStore, 'findSimilar'>;
  store: EvaluationStore;
  now(): Date;
  newId(): string;
  newSeed(): number;
}

export interface Caller {
  apiKeyId?: string;
}

export interface Evaluation {
  id: string;
  decision: 'approve' | 'escalate';
  body: Record<string, unknown>;
}

const REASON_MESSAGES: Record<string, string> = {
  incident_rate_above_threshold: 'The simulated incident rate is above the policy threshold.',
  adverse_rate_above_threshold: 'The simulated adverse-outcome rate is above the policy threshold.',
  zero_tolerance_outcome: 'At least one simulated future reaches an outcome the policy does not tolerate.',
  undecided_at_max_rollouts: 'The rate could not be placed clearly under the threshold within the maximum number of rollouts.',
  world_model_unavailable: 'The world model could not be reached, so no futures could be simulated.',
  deadline_exceeded: 'The simulation did not finish within the deadline.',
  insufficient_valid_rollouts: 'Too few simulated futures were valid to estimate the risk.',
};

function ms(since: number): number {
  return Math.round((performance.now() - since) * 100) / 100;
}

function zodDetail(err: z.ZodError, prefix: string) {
  return err.issues.map((i) => ({ path: [prefix, ...i.path.map(String)].join('.'), message: i.message }));
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
 * The evaluate use case: validate, apply hard rules, simulate adaptively, decide, explain,
 * store, answer. Fails closed: every path that cannot justify an approval escalates.
 */
export async function evaluate(deps: EvaluateDeps, request: EvaluateRequest, caller: Caller = {}): Promise<Evaluation> {
  const started = performance.now();
  const domain = deps.domains.get(request.domain);
  if (!domain) throw new AppError('unknown_domain', `unknown domain '${request.domain}'; known: ${[...deps.domains.keys()].join(', ')}`);
  const stateParsed = domain.module.stateSchema.safeParse(request.state);
  const actionParsed = domain.module.actionSchema.safeParse(request.action);
  if (!stateParsed.success || !actionParsed.success) {
    const errors = [...(stateParsed.success ? [] : zodDetail(stateParsed.error, 'state')), ...(actionParsed.success ? [] : zodDetail(actionParsed.error, 'action'))];
    throw new AppError('validation_failed', errors.map((e) => `${e.path}: ${e.message}`).join('; '), { errors });
  }
  const state = stateParsed.data;
  const action = actionParsed.data;
  const { policy } = domain;
  const opts = request.options ?? {};
  const id = deps.newId();
  const createdAt = deps.now();
  const seed = opts.seed ?? deps.newSeed();
  const horizon = opts.horizon ?? policy.horizon;
  const deadlineMs = Math.min(opts.deadline_ms ?? policy.deadline_ms.default, policy.deadline_ms.max);
  // A caller may fix N, but never below the policy's minimum: too few futures cannot justify an approval.
  const fixedN = opts.rollouts === undefined ? undefined : Math.min(Math.max(opts.rollouts, policy.rollouts.min), policy.rollouts.max);

  // 1. Hard rules.
  const ruleStarted = performance.now();
  const ruleInput: RuleInput = { state, action };
  const firedRules: CompiledRule[] = domain.rules.filter((r) => r.test(ruleInput));
  const rulesMs = ms(ruleStarted);

  // 2. Simulation, adaptively, within the deadline.
  const simStarted = performance.now();
  const controller = new AbortController();
  const deadlineAt = Date.now() + deadlineMs;
  const timer = setTimeout(() => controller.abort(), deadlineMs);
  const futures: StoredFuture[] = [];
  const tally: Tally = { valid: 0, incidents: 0, adverse: 0, zeroTolerance: 0 };
  let requested = 0;
  let invalid = 0;
  let failure: FailureReason | undefined;
  let failureDetail: string | undefined;
  let model = deps.worldModelFor(domain);
  let degraded = false;
  const zeroTolerance = new Set(policy.zero_tolerance);

  const record = (batch: Future[], firstIndex: number) => {
    batch.forEach((f, i) => {
      const outcome = domain.outcomeByName.get(f.final_outcome);
      if (!outcome) {
        invalid++;
        return;
      }
      const cls = domain.module.classify(outcome, action as ActionInput);
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
      const batchSize = target - requested;
      const simulateWith = (wm: WorldModel) =>
        untilAborted(
          wm.simulate({ domain: domain.name, state, action, rollouts: batchSize, firstIndex: requested, horizon, seed, temperature: policy.temperature, signal: controller.signal, deadline: deadlineAt }),
          controller.signal,
        );
      let result;
      try {
        result = await simulateWith(model);
      } catch (err) {
        const canFallBack = err instanceof WorldModelError && err.reason !== 'overloaded' && policy.world_model.fallback === 'embedded' && deps.fallback && model !== deps.fallback && !controller.signal.aborted;
        if (!canFallBack) throw err;
        model = deps.fallback!;
        degraded = true;
        result = await simulateWith(model);
      }
      invalid += result.invalid;
      record(result.futures, requested);
      requested = target;
      if (fixedN !== undefined || firedRules.length > 0 || requested >= policy.rollouts.max) break;
      if (tally.valid < requested * policy.min_valid_share) break;
      if (verdict(tally, policy).decided) break;
      target = Math.min(policy.rollouts.max, requested + policy.rollouts.batch);
    }
  } catch (err) {
    if (err instanceof WorldModelError && err.reason === 'overloaded') {
      clearTimeout(timer);
      throw new AppError('overloaded', err.message, { decision: 'escalate' });
    }
    failure = err instanceof WorldModelError ? (err.reason === 'deadline_exceeded' ? 'deadline_exceeded' : 'world_model_unavailable') : 'world_model_unavailable';
    failureDetail = err instanceof Error ? err.message : String(err);
  } finally {
    clearTimeout(timer);
  }
  if (!failure && requested > 0 && tally.valid < requested * policy.min_valid_share) {
    failure = 'insufficient_valid_rollouts';
    failureDetail = `${tally.valid} of ${requested} simulated futures were valid (${invalid} dropped); at least ${Math.round(policy.min_valid_share * 100)}% are required`;
  }
  const simulationMs = ms(simStarted);

  // 3. Decision.
  const reasonCodes: string[] = firedRules.map((r) => `hard_rule:${r.id}`);
  if (failure) reasonCodes.push(failure);
  else reasonCodes.push(...finalVerdict(tally, policy).codes);
  const decision: 'approve' | 'escalate' = reasonCodes.length > 0 ? 'escalate' : 'approve';

  // 4. Explanation, factors, similar cases.
  const features = domain.module.featurize(state, action as ActionInput);
  const factors = failure ? [] : rankFactors(futures, features.factors);
  const casesStarted = performance.now();
  let similar: SimilarCase[] = [];
  try {
    similar = await deps.cases.findSimilar({ domain: domain.name, text: features.text, features: features.values, limit: 3 });
  } catch {
    // Similar cases illustrate; they never decide. The store below reports a real database fault.
  }
  const casesMs = ms(casesStarted);
  const failureText = failure ? `${REASON_MESSAGES[failure]}${failureDetail ? ` (${failureDetail})` : ''}` : undefined;
  const explanation = explain({ domain, decision, futures, tally, firedRules, ruleInput, factors, failure: failureText });
  const reasons = reasonCodes.map((code) => {
    const rule = firedRules.find((r) => `hard_rule:${r.id}` === code);
    return rule ? { code, message: rule.message(ruleInput), citation: rule.citation } : { code, message: REASON_MESSAGES[code] ?? code };
  });
  const incident = estimate('incident_rate', tally, policy);
  const adverse = estimate('adverse_rate', tally, policy);
  const round = (x: number) => Math.round(x * 1000) / 1000;
  const worst = futures.reduce<string | null>((w, f) => (w === null || (domain.outcomeByName.get(f.final_outcome)!.severity > domain.outcomeByName.get(w)!.severity) ? f.final_outcome : w), null);
  const followUp = domain.module.followUpQuestions?.(state, action as ActionInput) ?? [];

  const body: Record<string, unknown> = {
    evaluation_id: id,
    decision,
    risk: {
      rollouts: requested,
      valid_rollouts: tally.valid,
      incident_rate: round(incident.rate),
      incident_rate_ci: incident.interval.map(round),
      adverse_rate: round(adverse.rate),
      adverse_rate_ci: adverse.interval.map(round),
      worst_outcome: worst,
      thresholds: policy.thresholds,
      confidence: policy.confidence,
    },
    reasons,
    explanation,
    risk_factors: factors,
    recommendations: recommend(firedRules, factors, features.factors),
    ...(followUp.length > 0 ? { questions_to_ask: followUp } : {}),
    similar_cases: similar,
    futures,
    policy: { domain: domain.name, version: domain.policyVersion },
    world_model: { backend: model.backend, version: model.version, seed, degraded },
    override: { allowed: decision === 'escalate' && policy.override.allowed, href: `/v1/evaluations/${id}/override` },
    created_at: createdAt.toISOString(),
  };
  const timing = { total: 0, rules: rulesMs, simulation: simulationMs, cases: casesMs, store: 0 };
  body.timing_ms = timing;

  // 5. Durable before it is sent: no answer without its audit record.
  const storeStarted = performance.now();
  const { futures: _omit, ...responseWithoutFutures } = body;
  const rec: EvaluationRecord = {
    id,
    createdAt,
    domain: domain.name,
    decision,
    reasonCodes,
    request: { domain: domain.name, state, action, options: { ...opts, seed, horizon, deadline_ms: deadlineMs, ...(fixedN ? { rollouts: fixedN } : {}) }, context: request.context ?? {} },
    response: responseWithoutFutures,
    futures,
    policyVersion: domain.policyVersion,
    worldModel: { backend: model.backend, version: model.version },
    seed,
    degraded,
    timing,
    agentId: request.context?.agent_id,
    apiKeyId: caller.apiKeyId,
  };
  try {
    timing.total = ms(started);
    await deps.store.append(rec);
  } catch (err) {
    throw new AppError('audit_unavailable', 'the evaluation could not be stored, so it cannot be approved', { decision: 'escalate', reasons: [{ code: 'audit_unavailable', message: 'The audit store is unavailable.' }] }, { cause: err });
  }
  timing.store = ms(storeStarted);
  timing.total = ms(started);
  return { id, decision, body };
}
