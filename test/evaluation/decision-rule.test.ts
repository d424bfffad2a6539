import { describe, expect, it } from 'vitest';
import { estimate, finalVerdict, verdict, type ModelEstimate, type Tally } from '../../src/evaluation/decision-rule.js';
import { approvalRollouts } from '../../src/packs/load-domains.js';
import { PolicySchema, type Policy } from '../../src/packs/policy-schema.js';

const policy = (over: Record<string, unknown> = {}): Policy =>
  PolicySchema.parse({
    domain: 'd',
    description: 'test',
    thresholds: { incident_rate: 0.3 },
    rollouts: { min: 16, max: 64, batch: 16 },
    horizon: 5,
    deadline_ms: { default: 1000, max: 2000 },
    ...over,
  });

const withSerious = (over: Record<string, unknown> = {}) => policy({ zero_tolerance: [{ outcome: 'serious', max_probability: 0.05 }], ...over });
const tally = (valid: number, incidents: number, serious = 0): Tally => ({ valid, incidents, adverse: incidents, zeroTolerance: { serious } });
const model = (incident: number, serious = 0): ModelEstimate => ({ incident, adverse: incident, zeroTolerance: { serious } });

describe('the decision rule on sampled futures', () => {
  it('when a policy does not name its rule, then it is upper_bound', () => {
    expect(policy().decision_rule).toBe('upper_bound');
  });

  it('when 0 of 16 futures are incidents, then it is settled: approve', () => {
    expect(verdict(tally(16, 0), policy())).toEqual({ decided: true, decision: 'approve' });
  });

  it('when 14 of 16 futures are incidents, then it is settled: escalate for the rate', () => {
    expect(verdict(tally(16, 14), policy())).toEqual({ decided: true, decision: 'escalate', codes: ['incident_rate_above_threshold'] });
  });

  it('when 5 of 16 futures are incidents (31%, interval straddling 30%), then more futures are needed', () => {
    expect(verdict(tally(16, 5), policy())).toEqual({ decided: false });
  });

  it('when still undecided at the maximum, then upper_bound escalates and only the point rule follows the estimate', () => {
    const under = tally(64, 17); // 26.6%, interval straddles 30%
    const over = tally(64, 21); // 32.8%
    expect(finalVerdict(under, policy())).toEqual({ decision: 'escalate', codes: ['undecided_at_max_rollouts'] });
    expect(finalVerdict(under, policy({ decision_rule: 'point' }))).toEqual({ decision: 'approve', codes: [] });
    expect(finalVerdict(over, policy())).toEqual({ decision: 'escalate', codes: ['incident_rate_above_threshold'] });
  });

  it('when a zero-tolerance outcome appears in the sample, then its upper bound decides, not its mere presence', () => {
    // 1 of 64 leaves an upper bound above 5%: not shown to be under it, so the answer is not an approval.
    expect(verdict(tally(64, 1, 1), withSerious())).toEqual({ decided: false });
    expect(finalVerdict(tally(64, 1, 1), withSerious())).toEqual({ decision: 'escalate', codes: ['undecided_at_max_rollouts'] });
    // 0 of 64 shows it under 5% at 90% confidence.
    expect(verdict(tally(64, 1, 0), withSerious())).toEqual({ decided: true, decision: 'approve' });
    // 12 of 64 is clearly above.
    expect(verdict(tally(64, 12, 12), withSerious())).toMatchObject({ decided: true, decision: 'escalate', codes: ['zero_tolerance_outcome'] });
  });

  it('when the policy has an adverse threshold too, then either rate can escalate', () => {
    const p = policy({ thresholds: { incident_rate: 0.5, adverse_rate: 0.2 } });
    const t: Tally = { valid: 32, incidents: 2, adverse: 20, zeroTolerance: {} };
    expect(verdict(t, p)).toEqual({ decided: true, decision: 'escalate', codes: ['adverse_rate_above_threshold'] });
  });

  it('when the Beta interval is chosen, then it decides like Wilson on clear cases', () => {
    expect(verdict(tally(16, 0), policy({ interval: 'beta' }))).toEqual({ decided: true, decision: 'approve' });
    expect(verdict(tally(16, 15), policy({ interval: 'beta' }))).toMatchObject({ decided: true, decision: 'escalate' });
  });
});

describe('how many futures an approval needs', () => {
  it('when the threshold is 10%, then 16 futures cannot show it (0 of 16 leaves 14.5%) and the count is raised until they can', () => {
    const p = policy({ thresholds: { incident_rate: 0.1 } });
    expect(estimate('incident_rate', tally(16, 0), p).interval[1]).toBeGreaterThan(0.1);
    const n = approvalRollouts(p);
    expect(estimate('incident_rate', tally(n, 0), p).interval[1]).toBeLessThanOrEqual(0.1);
    expect(estimate('incident_rate', tally(n - 1, 0), p).interval[1]).toBeGreaterThan(0.1);
  });

  it('when a zero-tolerance bound is tighter than the thresholds, then it sets the count', () => {
    const p = withSerious({ rollouts: { min: 16, max: 128, batch: 16 } });
    expect(approvalRollouts(p)).toBeGreaterThan(approvalRollouts(policy()));
  });

  it('when the rule is point, then the policy minimum is enough', () => {
    expect(approvalRollouts(policy({ decision_rule: 'point', thresholds: { incident_rate: 0.01 } }))).toBe(16);
  });
});

describe('the decision rule on a model that knows its probabilities', () => {
  it('when the model gives the rates, then they decide whatever the sample says', () => {
    expect(verdict(tally(16, 16), policy(), model(0.1))).toEqual({ decided: true, decision: 'approve' });
    expect(verdict(tally(16, 0), policy(), model(0.31))).toEqual({ decided: true, decision: 'escalate', codes: ['incident_rate_above_threshold'] });
  });

  it('when a zero-tolerance outcome is more probable than its bound, then it escalates', () => {
    expect(verdict(tally(16, 0), withSerious(), model(0.1, 0.06))).toMatchObject({ decided: true, decision: 'escalate', codes: ['zero_tolerance_outcome'] });
    expect(verdict(tally(16, 3, 3), withSerious(), model(0.1, 0.04))).toEqual({ decided: true, decision: 'approve' });
  });

  it('when the model decides, then the estimate says so and its interval is the probability itself', () => {
    expect(estimate('incident_rate', tally(16, 4), policy(), model(0.2))).toEqual({ rate: 0.2, interval: [0.2, 0.2], threshold: 0.3, standing: 'below', basis: 'model_probability' });
  });
});
