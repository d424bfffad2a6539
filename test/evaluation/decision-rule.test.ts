import { describe, expect, it } from 'vitest';
import { finalVerdict, verdict, type Tally } from '../../src/evaluation/decision-rule.js';
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

const tally = (valid: number, incidents: number, zeroTolerance = 0): Tally => ({ valid, incidents, adverse: incidents, zeroTolerance });

describe('the decision rule', () => {
  it('when 0 of 16 futures are incidents, then it is settled: approve', () => {
    expect(verdict(tally(16, 0), policy())).toEqual({ decided: true, decision: 'approve' });
  });

  it('when 14 of 16 futures are incidents, then it is settled: escalate for the rate', () => {
    expect(verdict(tally(16, 14), policy())).toEqual({ decided: true, decision: 'escalate', codes: ['incident_rate_above_threshold'] });
  });

  it('when 5 of 16 futures are incidents (31%, interval straddling 30%), then more futures are needed', () => {
    expect(verdict(tally(16, 5), policy())).toEqual({ decided: false });
  });

  it('when a single future reaches a zero-tolerance outcome, then it escalates however low the rate', () => {
    expect(verdict(tally(64, 1, 1), policy())).toMatchObject({ decided: true, decision: 'escalate', codes: ['zero_tolerance_outcome'] });
  });

  it('when still undecided at the maximum, then the point rule follows the estimate and the upper-bound rule escalates', () => {
    const under = tally(64, 17); // 26.6%, interval straddles 30%
    const over = tally(64, 21); // 32.8%
    expect(finalVerdict(under, policy())).toEqual({ decision: 'approve', codes: [] });
    expect(finalVerdict(over, policy())).toEqual({ decision: 'escalate', codes: ['incident_rate_above_threshold'] });
    expect(finalVerdict(under, policy({ decision_rule: 'upper_bound' }))).toEqual({ decision: 'escalate', codes: ['undecided_at_max_rollouts'] });
  });

  it('when the policy has an adverse threshold too, then either rate can escalate', () => {
    const p = policy({ thresholds: { incident_rate: 0.5, adverse_rate: 0.2 } });
    const t: Tally = { valid: 32, incidents: 2, adverse: 20, zeroTolerance: 0 };
    expect(verdict(t, p)).toEqual({ decided: true, decision: 'escalate', codes: ['adverse_rate_above_threshold'] });
  });

  it('when the Beta interval is chosen, then it decides like Wilson on clear cases', () => {
    expect(verdict(tally(16, 0), policy({ interval: 'beta' }))).toEqual({ decided: true, decision: 'approve' });
    expect(verdict(tally(16, 15), policy({ interval: 'beta' }))).toMatchObject({ decided: true, decision: 'escalate' });
  });
});
