import type { Policy } from '../packs/policy-schema.js';
import { rateInterval, type Interval } from './risk-stats.js';

export type Metric = 'incident_rate' | 'adverse_rate';
export const METRICS: readonly Metric[] = ['incident_rate', 'adverse_rate'];

export interface Tally {
  valid: number;
  incidents: number;
  adverse: number;
  /** Futures that reached a zero-tolerance outcome attributable to the action. */
  zeroTolerance: number;
}

export interface RateEstimate {
  rate: number;
  interval: Interval;
  threshold?: number;
  /** Where the estimate stands against the threshold: clearly above, clearly below, or not yet known. */
  standing: 'above' | 'below' | 'straddles' | 'no_threshold';
}

export function estimate(metric: Metric, tally: Tally, policy: Policy): RateEstimate {
  const k = metric === 'incident_rate' ? tally.incidents : tally.adverse;
  const n = tally.valid;
  const rate = n === 0 ? 0 : k / n;
  const interval = rateInterval(policy.interval, k, n, policy.confidence);
  const threshold = policy.thresholds[metric];
  if (threshold === undefined) return { rate, interval, standing: 'no_threshold' };
  const standing = interval[0] > threshold ? 'above' : interval[1] <= threshold ? 'below' : 'straddles';
  return { rate, interval, threshold, standing };
}

export type Verdict =
  | { decided: true; decision: 'approve' }
  | { decided: true; decision: 'escalate'; codes: ('zero_tolerance_outcome' | `${Metric}_above_threshold`)[] }
  | { decided: false };

/**
 * Whether the futures so far settle the question. Sampling goes on while a rate's interval
 * straddles its threshold; any clear exceedance or zero-tolerance outcome settles it at once.
 */
export function verdict(tally: Tally, policy: Policy): Verdict {
  const codes: ('zero_tolerance_outcome' | `${Metric}_above_threshold`)[] = [];
  if (tally.zeroTolerance > 0) codes.push('zero_tolerance_outcome');
  const estimates = METRICS.map((m) => [m, estimate(m, tally, policy)] as const);
  for (const [m, e] of estimates) if (e.standing === 'above') codes.push(`${m}_above_threshold`);
  if (codes.length > 0) return { decided: true, decision: 'escalate', codes };
  if (estimates.every(([, e]) => e.standing === 'below' || e.standing === 'no_threshold')) return { decided: true, decision: 'approve' };
  return { decided: false };
}

/**
 * The answer once sampling has stopped without settling: under `point` the estimate decides;
 * under `upper_bound` a rate that might exceed its threshold escalates as undecided.
 */
export function finalVerdict(tally: Tally, policy: Policy): { decision: 'approve' | 'escalate'; codes: string[] } {
  const v = verdict(tally, policy);
  if (v.decided) return v.decision === 'approve' ? { decision: 'approve', codes: [] } : { decision: 'escalate', codes: v.codes };
  const codes: string[] = [];
  for (const m of METRICS) {
    const e = estimate(m, tally, policy);
    if (e.standing !== 'straddles') continue;
    if (e.rate > e.threshold!) codes.push(`${m}_above_threshold`);
    else if (policy.decision_rule === 'upper_bound') codes.push('undecided_at_max_rollouts');
  }
  return codes.length > 0 ? { decision: 'escalate', codes: [...new Set(codes)] } : { decision: 'approve', codes: [] };
}
