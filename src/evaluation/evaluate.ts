import crypto from 'node:crypto';
import { z } from 'zod';
import { CanonicalText, canonicalJson } from '../lib/canonical-json.js';
import { AppError } from '../errors.js';
import { msSince } from '../lib/elapsed.js';
import type { EvaluationRecord, EvaluationStore } from '../audit/evaluation-store.js';
import type { CaseStore, SimilarCase } from '../cases/case-store.js';
import type { LoadedDomain } from '../packs/load-domains.js';
import type { RuleInput } from '../packs/rules/index.js';
import type { ActionInput } from '../packs/types.js';
import { READING_CAP_CHARS, type Reading } from '../packs/reading/reading.js';
import type { WorldModel } from '../world-model/world-model.js';
import { estimate, zeroToleranceEstimates } from './decision-rule.js';
import { prepared } from './reading-memo.js';
import { simulateAndDecide } from './simulate-and-decide.js';
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

export interface EvaluateDeps {
  domains: ReadonlyMap<string, LoadedDomain>;
  /** The world model a domain's policy asks for. */
  worldModelFor(domain: LoadedDomain): WorldModel;
  /** The embedded model, for policies that name it as fallback. */
  fallback?: WorldModel;
  cases: Pick<CaseStore, 'findSimilar'>;
  store: EvaluationStore;
  /** Escalations awaiting review: re-asking while one is pending returns it instead of a fresh roll. */
  pendingEscalations?: PendingEscalations;
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
  /** The answer is a pending escalation asked for before (nothing was simulated or stored now). */
  repeated?: boolean;
  /** The state and action as validated against the domain's schemas (a fresh evaluation only). */
  validated?: { state: Record<string, unknown>; action: Record<string, unknown> };
  /** The futures as canonical JSON, written once for the record: the answer puts this text in place. */
  futuresText?: CanonicalText;
}

/** The port to the escalations awaiting review (src/signoff implements it). */
export interface PendingEscalations {
  /** The evaluation id of an escalation still pending under this key, if any. */
  find(key: string): Promise<string | null>;
  /** Records a new, stored escalation under its key. Must not throw: the answer escalates either way. */
  opened(key: string, record: EvaluationRecord): Promise<void>;
}

/**
 * What makes two asks the same for a pending escalation: the key that asks, the domain, the policy
 * version, the normalised facts and the action's class. Not the wording, the seed, N, or
 * `context.agent_id` (the caller sets it), so none of them buys a fresh roll.
 */
export function pendingEscalationKey(apiKeyId: string | undefined, domain: string, policyVersion: string, reading: Pick<Reading, 'facts' | 'action' | 'unread'>): string {
  const { effect, kind, disposition } = reading.action;
  // What the reading understood keys by meaning, so rewording it does not escape; what it could not
  // read keys by the words themselves (as a set), so two requests the reading cannot tell apart
  // (both sparse, about different things) do not answer for each other.
  const unread = [...new Set(reading.unread.unknown)].sort();
  return pendingKeyOf(apiKeyId, domain, policyVersion, { facts: reading.facts, action: { effect, kind, disposition: disposition ?? null }, unread });
}

/** The key from its parts, which may be written already (`CanonicalText`): the same text either way. */
function pendingKeyOf(apiKeyId: string | undefined, domain: string, policyVersion: string, parts: { facts: unknown; action: unknown; unread: unknown }): string {
  const key = { api_key_id: apiKeyId ?? null, domain, policy_version: policyVersion, facts: parts.facts, action: parts.action, unread: parts.unread };
  return `sha256:${crypto.createHash('sha256').update(canonicalJson(key)).digest('hex')}`;
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

const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * The most characters one text field may hold: four times the reading cap. Text between the cap and
 * this is recorded and escalates with `input_truncated`; longer text is refused, naming the field,
 * before it costs a reading or a stored row.
 */
export const TEXT_FIELD_MAX_CHARS = 4 * READING_CAP_CHARS;

const NUL_MESSAGE = 'strings may not contain the NUL character (U+0000)';

/** The first string (or key) that cannot be taken, within a bounded walk: one holding U+0000, or one over the field limit. */
function textProblem(value: unknown, path: string, depth: number): { path: string; message: string } | undefined {
  if (typeof value === 'string') {
    // PostgreSQL text and jsonb cannot hold U+0000: such a request could never be stored.
    if (value.includes('\u0000')) return { path, message: NUL_MESSAGE };
    if (value.length > TEXT_FIELD_MAX_CHARS) return { path, message: `${value.length} characters; a text field may hold at most ${TEXT_FIELD_MAX_CHARS} (the first ${READING_CAP_CHARS} are read)` };
    return undefined;
  }
  if (depth > 64 || value === null || typeof value !== 'object') return undefined;
  for (const [k, v] of Object.entries(value)) {
    const here = path ? `${path}.${k}` : k;
    if (k.includes('\u0000')) return { path: here, message: NUL_MESSAGE };
    const found = textProblem(v, here, depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}

function zodDetail(err: z.ZodError, prefix: string) {
  return err.issues.map((i) => ({ path: [prefix, ...i.path.map(String)].join('.'), message: i.message }));
}

/**
 * The evaluate use case: validate, apply hard rules, simulate adaptively, decide, explain,
 * store, answer. Fails closed: every path that cannot justify an approval escalates.
 */
export async function evaluate(deps: EvaluateDeps, request: EvaluateRequest, caller: Caller = {}): Promise<Evaluation> {
  const started = performance.now();
  const domain = deps.domains.get(request.domain);
  if (!domain) throw new AppError('unknown_domain', `unknown domain '${request.domain}'; known: ${[...deps.domains.keys()].join(', ')}`);
  const bad = textProblem(request, '', 0);
  if (bad !== undefined) {
    throw new AppError('validation_failed', `${bad.path || 'body'}: ${bad.message}`, { errors: [{ path: bad.path || 'body', message: bad.message }] });
  }
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

  // One reading of the request: everything below (rules, features, model, explanation) uses it.
  const { reading, features, gate: preparedGate, pendingParts } = prepared(domain, state, action as ActionInput);
  const pendingKey = deps.pendingEscalations ? pendingKeyOf(caller.apiKeyId, domain.name, domain.policyVersion, pendingParts) : undefined;
  // Asked while the features and similar cases are worked out: the round trip costs no time of its own.
  // The futures wait for its answer: a pending escalation is returned without calling the model.
  const pendingLookup = pendingKey ? deps.pendingEscalations!.find(pendingKey) : undefined;
  pendingLookup?.catch(() => {}); // awaited below; a failure surfaces there
  const ruleInput: RuleInput = { facts: reading.facts, action: reading.action as unknown as Record<string, unknown> };

  // Similar cases do not depend on the futures: look them up while the futures are simulated.
  const casesStarted = performance.now();
  let casesMs = 0;
  const similarLookup = deps.cases
    .findSimilar({ domain: domain.name, text: reading.text, features: features.values, limit: 3 })
    .catch((): SimilarCase[] => [])
    .finally(() => {
      casesMs = msSince(casesStarted);
    });
  if (pendingLookup) {
    const pendingId = await pendingLookup;
    const pending = pendingId ? await deps.store.get(pendingId) : null;
    if (pending) return { id: pending.id, decision: 'escalate', body: { ...pending.response, futures: pending.futures }, repeated: true };
  }
  const outcome = await simulateAndDecide({
    domain,
    state,
    action: action as ActionInput,
    reading,
    features,
    gate: preparedGate,
    seed,
    horizon,
    deadlineMs,
    fixedN,
    worldModel: deps.worldModelFor(domain),
    fallback: deps.fallback,
  });
  // Similar cases illustrate; they never decide. The store below reports a real database fault.
  const similar = await similarLookup;
  const { gate, futures, tally, modelEstimate, requested, failure, failureDetail, model, degraded, reasonCodes, decision, rulesMs, simulationMs } = outcome;
  const firedRules = gate.fired;

  const factors = failure ? [] : rankFactors(futures, features.factors);
  const failureText = failure ? `${REASON_MESSAGES[failure]}${failureDetail ? ` (${failureDetail})` : ''}` : undefined;
  const gateMessages = [...Object.values(gate.messages), ...gate.notes];
  const explanation = explain({ domain, decision, futures, tally, modelEstimate, firedRules, ruleInput, gateMessages, factors, failure: failureText });
  const reasons = reasonCodes.map((code) => {
    const rule = firedRules.find((r) => `hard_rule:${r.id}` === code);
    if (rule) return { code, message: rule.message(ruleInput), citation: rule.citation, ...('url' in rule && rule.url ? { url: rule.url } : {}) };
    return { code, message: gate.messages[code] ?? REASON_MESSAGES[code] ?? code };
  });
  const incident = estimate('incident_rate', tally, policy, modelEstimate);
  const adverse = estimate('adverse_rate', tally, policy, modelEstimate);
  const worst = futures.reduce<string | null>((w, f) => (w === null || (domain.outcomeByName.get(f.final_outcome)!.severity > domain.outcomeByName.get(w)!.severity) ? f.final_outcome : w), null);
  const questions = [...new Set([...gate.missing.map((m) => m.question), ...(domain.module.followUpQuestions?.(reading) ?? [])])];
  const share = (k: number) => (tally.valid === 0 ? 0 : round(k / tally.valid));

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
      // Which number decided: the model's own probability, or the share of sampled futures with its interval.
      basis: incident.basis,
      decision_rule: policy.decision_rule,
      futures_incident_share: share(tally.incidents),
      futures_adverse_share: share(tally.adverse),
      zero_tolerance: zeroToleranceEstimates(tally, policy, modelEstimate).map((z) => ({
        outcome: z.outcome,
        probability: round(z.estimate.rate),
        upper_bound: round(z.estimate.interval[1]),
        max_probability: z.estimate.threshold,
      })),
      worst_outcome: worst,
      thresholds: policy.thresholds,
      confidence: policy.confidence,
    },
    reasons,
    explanation,
    risk_factors: factors,
    recommendations: recommend(firedRules, factors, features.factors),
    ...(questions.length > 0 ? { questions_to_ask: questions } : {}),
    reading: {
      facts: reading.facts,
      sources: reading.provenance,
      action: reading.action,
      unknown: gate.missing.map((m) => ({ fact: m.fact, question: m.question, rules: m.rules })),
      ignored: reading.ignored,
      truncated: reading.truncated,
      addressed_to_guardrail: reading.instructions,
      unread_share: reading.unread.share,
    },
    similar_cases: similar,
    futures,
    policy: { domain: domain.name, version: domain.policyVersion },
    world_model: { backend: model.backend, version: model.version, seed, degraded },
    override: { allowed: decision === 'escalate' && policy.override.allowed, href: `/v1/evaluations/${id}/override` },
    created_at: createdAt.toISOString(),
  };
  const timing = { total: 0, rules: rulesMs, simulation: simulationMs, cases: round(casesMs), store: 0 };
  body.timing_ms = timing;

  // Durable before it is sent: no answer without its audit record.
  const storeStarted = performance.now();
  const { futures: _omit, ...responseWithoutFutures } = body;
  // The bulk of the record and of the answer, written once: stored, hashed and sent as this text.
  const futuresText = CanonicalText.of(futures);
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
    timing.total = msSince(started);
    await deps.store.append(rec, { futures: futuresText });
  } catch (err) {
    throw new AppError('audit_unavailable', 'the evaluation could not be stored, so it cannot be approved', { decision: 'escalate', reasons: [{ code: 'audit_unavailable', message: 'The audit store is unavailable.' }] }, { cause: err });
  }
  timing.store = msSince(storeStarted);
  timing.total = msSince(started);
  // Only a judgement about the action is sticky: an escalation because the world model was down or
  // too slow says nothing about the action, and asking again once it is back must evaluate afresh.
  if (pendingKey && decision === 'escalate' && !failure) await deps.pendingEscalations!.opened(pendingKey, rec);
  return { id, decision, body, validated: { state, action: action as Record<string, unknown> }, futuresText };
}
