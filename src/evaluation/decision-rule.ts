import type { Policy } from '../packs/policy-schema.js';
import { rateInterval, type Interval } from './risk-stats.js';

export type Metric = 'incident_rate' | 'adverse_rate';
export const METRICS: readonly Metric[] = ['incident_rate', 'adverse_rate'];

export interface Tally {
  valid: number;
  incidents: number;
  adverse: number;
  /** Per zero-tolerance outcome: futures that reached it and were bad for this action. */
  zeroTolerance: Record<string, number>;
}

export const emptyTally = (policy: Policy): Tally => ({
  valid: 0,
  incidents: 0,
  adverse: 0,
  zeroTolerance: Object.fromEntries(policy.zero_tolerance.map((z) => [z.outcome, 0])),
});

/**
 * A world model that knows its own outcome probabilities (the embedded model) reports them: they
 * decide, and its futures only illustrate them, so the decision does not depend on the seed.
 */
export interface ModelEstimate {
  incident: number;
  adverse: number;
  /** Per zero-tolerance outcome: its probability when it would be bad for this action. */
  zeroTolerance: Record<string, number>;
}

export type Standing = 'above' | 'below' | 'straddles' | 'no_threshold';

export interface RateEstimate {
  rate: number;
  interval: Interval;
  threshold?: number;
  /** Where the estimate stands against the threshold: clearly above, clearly below, or not yet known. */
  standing: Standing;
  /** What the rate is: the model's own probability, or the share of the sampled futures. */
  basis: 'model_probability' | 'sampled_futures';
}

function standingOf(interval: Interval, bound: number): Standing {
  return interval[0] > bound ? 'above' : interval[1] <= bound ? 'below' : 'straddles';
}

function sampled(k: number, n: number, bound: number | undefined, policy: Policy): RateEstimate {
  const rate = n === 0 ? 0 : k / n;
  const interval = rateInterval(policy.interval, k, n, policy.confidence);
  if (bound === undefined) return { rate, interval, standing: 'no_threshold', basis: 'sampled_futures' };
  return { rate, interval, threshold: bound, standing: standingOf(interval, bound), basis: 'sampled_futures' };
}

function modelled(p: number, bound: number | undefined): RateEstimate {
  const interval: Interval = [p, p];
  if (bound === undefined) return { rate: p, interval, standing: 'no_threshold', basis: 'model_probability' };
  return { rate: p, interval, threshold: bound, standing: p > bound ? 'above' : 'below', basis: 'model_probability' };
}

/** The estimate the rule uses for a metric: the model's probability when it has one, else the sampled share with its interval. */
export function estimate(metric: Metric, tally: Tally, policy: Policy, model?: ModelEstimate): RateEstimate {
  const threshold = policy.thresholds[metric];
  if (model) return modelled(metric === 'incident_rate' ? model.incident : model.adverse, threshold);
  return sampled(metric === 'incident_rate' ? tally.incidents : tally.adverse, tally.valid, threshold, policy);
}

/** The estimate for each zero-tolerance outcome against its `max_probability`. */
export function zeroToleranceEstimates(tally: Tally, policy: Policy, model?: ModelEstimate): { outcome: string; estimate: RateEstimate }[] {
  return policy.zero_tolerance.map((z) => ({
    outcome: z.outcome,
    estimate: model ? modelled(model.zeroTolerance[z.outcome] ?? 0, z.max_probability) : sampled(tally.zeroTolerance[z.outcome] ?? 0, tally.valid, z.max_probability, policy),
  }));
}

export type VerdictCode = 'zero_tolerance_outcome' | `${Metric}_above_threshold`;
export type Verdict = { decided: true; decision: 'approve' } | { decided: true; decision: 'escalate'; codes: VerdictCode[] } | { decided: false };

/**
 * Whether the evidence so far settles the question. Sampling goes on while an interval straddles its
 * bound; any clear exceedance settles it at once. A model estimate always settles it.
 */
export function verdict(tally: Tally, policy: Policy, model?: ModelEstimate): Verdict {
  const codes: VerdictCode[] = [];
  const zt = zeroToleranceEstimates(tally, policy, model);
  if (zt.some((z) => z.estimate.standing === 'above')) codes.push('zero_tolerance_outcome');
  const rates = METRICS.map((m) => [m, estimate(m, tally, policy, model)] as const);
  for (const [m, e] of rates) if (e.standing === 'above') codes.push(`${m}_above_threshold`);
  if (codes.length > 0) return { decided: true, decision: 'escalate', codes };
  const settled = [...rates.map(([, e]) => e), ...zt.map((z) => z.estimate)].every((e) => e.standing === 'below' || e.standing === 'no_threshold');
  return settled ? { decided: true, decision: 'approve' } : { decided: false };
}

/**
 * The answer once sampling has stopped: under `upper_bound` (the default) anything still unproven
 * escalates as undecided; under `point` the estimate decides.
 */
export function finalVerdict(tally: Tally, policy: Policy, model?: ModelEstimate): { decision: 'approve' | 'escalate'; codes: string[] } {
  const v = verdict(tally, policy, model);
  if (v.decided) return v.decision === 'approve' ? { decision: 'approve', codes: [] } : { decision: 'escalate', codes: v.codes };
  const codes: string[] = [];
  const open: { e: RateEstimate; code: string }[] = [
    ...METRICS.map((m) => ({ e: estimate(m, tally, policy, model), code: `${m}_above_threshold` })),
    ...zeroToleranceEstimates(tally, policy, model).map((z) => ({ e: z.estimate, code: 'zero_tolerance_outcome' })),
  ];
  for (const { e, code } of open) {
    if (e.standing !== 'straddles') continue;
    if (e.rate > e.threshold!) codes.push(code);
    else if (policy.decision_rule === 'upper_bound') codes.push('undecided_at_max_rollouts');
  }
  return codes.length > 0 ? { decision: 'escalate', codes: [...new Set(codes)] } : { decision: 'approve', codes: [] };
}
