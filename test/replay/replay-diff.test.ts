import { describe, expect, it } from 'vitest';
import type { StoredFuture } from '../../src/audit/evaluation-store.js';
import { lineDiff } from '../../src/replay/line-diff.js';
import { diffReplay, firstDivergence, type ReplaySide } from '../../src/replay/replay-diff.js';

const future = (index: number, events: string[], final = 'no_incident'): StoredFuture => ({
  index,
  final_outcome: final,
  incident: false,
  adverse: false,
  steps: events.map((event, t) => ({ t, event, outcome: 'neutral', reward: 0 })),
  risk_factors: [],
});

const side = (over: Partial<ReplaySide> = {}): ReplaySide => ({
  decision: 'approve',
  reasons: [],
  risk: { incident_rate: 0.066, incident_rate_ci: [0.066, 0.066], adverse_rate: 0.066, adverse_rate_ci: [0.066, 0.066], thresholds: { incident_rate: 0.3 } },
  futures: [future(0, ['a', 'b']), future(1, ['c', 'd'])],
  policyVersion: 'sha256:one',
  policyText: 'x: 1\n',
  worldModel: { backend: 'embedded', version: 'v1' },
  ...over,
});

describe('the line diff of two policy texts', () => {
  it('when one line changes, then it shows that line removed and added, with context and the line number', () => {
    const before = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].join('\n');
    const d = lineDiff(before, before.replace('d', 'D'));
    expect(d).toEqual({ removed: 1, added: 1, truncated: false, lines: ['@@ -2 +2 @@', '  b', '  c', '- d', '+ D', '  e', '  f'] });
  });

  it('when lines are inserted and removed in several places, then every change is there and nothing else', () => {
    const d = lineDiff('a\nb\nc\nd\n', 'a\nc\nd\ne\n');
    expect(d.removed).toBe(1);
    expect(d.added).toBe(1);
    expect(d.lines.filter((l) => l.startsWith('- ') || l.startsWith('+ '))).toEqual(['- b', '+ e']);
  });

  it('when the texts are the same, then the diff is empty', () => {
    expect(lineDiff('a\nb\n', 'a\nb\n')).toEqual({ removed: 0, added: 0, lines: [], truncated: false });
  });

  it('when the diff is larger than its bounds, then it is cut and says so, quickly', () => {
    const many = (p: string) => Array.from({ length: 5000 }, (_, i) => `${p}${i}`).join('\n');
    const started = performance.now();
    const d = lineDiff(many('old'), many('new'), { maxLines: 50, maxLineLength: 20, context: 2, maxCells: 1_000_000 });
    expect(performance.now() - started).toBeLessThan(2000);
    expect(d.removed).toBe(5000);
    expect(d.added).toBe(5000);
    expect(d.lines).toHaveLength(50);
    expect(d.truncated).toBe(true);
  });
});

describe('where futures diverge', () => {
  it('when they agree, then there is no divergence', () => {
    expect(firstDivergence([future(0, ['a']), future(1, ['b'])], [future(0, ['a']), future(1, ['b'])])).toBeNull();
  });

  it('when a step differs, then the first future and step that differ are named, with both steps', () => {
    const d = firstDivergence([future(0, ['a', 'b']), future(1, ['c', 'd'])], [future(0, ['a', 'b']), future(1, ['c', 'X'])]);
    expect(d).toMatchObject({ future: 1, step: 1, what: 'step', fields: ['event'], then: { event: 'd' }, now: { event: 'X' } });
  });

  it('when a future is shorter or missing now, then that is what differs', () => {
    expect(firstDivergence([future(0, ['a', 'b'])], [future(0, ['a'])])).toMatchObject({ future: 0, step: 1, what: 'step_missing_now' });
    expect(firstDivergence([future(0, ['a']), future(1, ['b'])], [future(0, ['a'])])).toMatchObject({ future: 1, step: null, what: 'future_missing_now' });
    expect(firstDivergence([future(0, ['a'])], [future(0, ['a']), future(1, ['b'])])).toMatchObject({ future: 1, what: 'future_missing_then' });
  });

  it('when only the final outcome differs, then the step is null and the outcomes are given', () => {
    expect(firstDivergence([future(0, ['a'], 'no_incident')], [future(0, ['a'], 'near_miss')])).toEqual({ future: 0, step: null, what: 'final_outcome', then: 'no_incident', now: 'near_miss' });
  });
});

describe('the replay diff', () => {
  it('when both sides are the same, except for key order as jsonb stores it, then nothing has changed', () => {
    const then = side({ risk: { thresholds: { incident_rate: 0.3 }, adverse_rate_ci: [0.066, 0.066], adverse_rate: 0.066, incident_rate_ci: [0.066, 0.066], incident_rate: 0.066 } });
    const d = diffReplay(then, side());
    expect(d.changed).toBe(false);
    expect(d.thresholds.changed).toBe(false);
    expect(d.rates.incident_rate).toEqual({ then: 0.066, now: 0.066, delta: 0 });
  });

  it('when the decision, a rate and the reasons change, then each is shown then → now, with kinds', () => {
    const now = side({
      decision: 'escalate',
      reasons: [{ code: 'hard_rule:crane_wind_limit', message: 'gusts' }, { code: 'incident_rate_above_threshold' }],
      risk: { incident_rate: 0.3, incident_rate_ci: [0.2, 0.4], adverse_rate: 0.066, adverse_rate_ci: [0.066, 0.066], thresholds: { incident_rate: 0.1 } },
      policyVersion: 'sha256:two',
      policyText: 'x: 2\n',
    });
    const d = diffReplay(side({ reasons: [{ code: 'missing_information' }] }), now);
    expect(d.changed).toBe(true);
    expect(d.decision).toEqual({ then: 'approve', now: 'escalate', changed: true });
    expect(d.rates.incident_rate).toEqual({ then: 0.066, now: 0.3, delta: 0.234 });
    expect(d.rates.incident_rate_ci.delta).toEqual([0.134, 0.334]);
    expect(d.reasons.fired_now_not_then).toEqual([
      { code: 'hard_rule:crane_wind_limit', kind: 'hard_rule', message: 'gusts' },
      { code: 'incident_rate_above_threshold', kind: 'rate' },
    ]);
    expect(d.reasons.fired_then_not_now).toEqual([{ code: 'missing_information', kind: 'gate' }]);
    expect(d.policy.text_diff?.lines).toEqual(['@@ -1 +1 @@', '- x: 1', '+ x: 2']);
  });

  it('when the then-policy text was never stored, then the policy change is shown by version, without a text diff', () => {
    const d = diffReplay(side({ policyText: null }), side({ policyVersion: 'sha256:two' }));
    expect(d.policy).toEqual({ then: 'sha256:one', now: 'sha256:two', changed: true, text_diff: null, text_then_stored: false });
  });
});
