import { describe, expect, it } from 'vitest';
import type { StoredFuture } from '../../src/audit/evaluation-store.js';
import { rateChart } from '../../src/console/charts/rate-chart.js';
import { reliabilityDiagram } from '../../src/console/charts/reliability-diagram.js';
import { badFirst, decidingFigure, timeLeft } from '../../src/console/figures.js';
import { escapeHtml, html, join, toText } from '../../src/console/html.js';
import { sideBySide } from '../../src/console/pages/replay-page.js';
import { calibrationOf, sumsOf } from '../../src/outcomes/calibration.js';

const future = (index: number, outcome: string, incident: boolean, adverse = incident): StoredFuture => ({ index, final_outcome: outcome, incident, adverse, steps: [], risk_factors: [] });

describe('the one html helper', () => {
  it('when a value is interpolated, then every character that could open markup or an attribute is escaped', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&\``)).toBe('&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&#96;');
    const evil = '"><script>alert(1)</script>';
    expect(toText(html`<p title="${evil}">${evil}</p>`)).toBe('<p title="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;">&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;</p>');
  });

  it('when markup made by the helper is nested, then it is kept, lists are joined and nothing else is trusted', () => {
    const items = ['a<b', 'c'].map((t) => html`<li>${t}</li>`);
    expect(toText(html`<ul>${items}</ul>`)).toBe('<ul><li>a&lt;b</li><li>c</li></ul>');
    expect(toText(html`${null}${undefined}${false}${0}`)).toBe('0');
    expect(toText(join(['<x>', html`<br>`], ' & '))).toBe('&lt;x&gt; &amp; <br>');
    // An object that merely looks like the helper's output is text, not markup.
    expect(toText(html`${{ text: '<b>' } as never}`)).toBe('[object Object]');
  });
});

describe('the deciding figure and the clock', () => {
  const futures = [future(0, 'near_miss', true), future(1, 'no_incident', false), future(2, 'serious_incident', true), future(3, 'no_incident', false)];

  it('when the model gives probabilities, then the figure names the rate furthest over its threshold and the count of futures', () => {
    const figure = decidingFigure({ basis: 'model_probability', valid_rollouts: 4, incident_rate: 0.66, adverse_rate: 0.3, thresholds: { incident_rate: 0.3, adverse_rate: 0.25 } }, [{ code: 'incident_rate_above_threshold' }], futures);
    expect(figure).toBe('66% incident probability (2 of 4 futures end in an incident); threshold 30%');
  });

  it('when the rates are sampled, then the figure is the count against the threshold', () => {
    expect(decidingFigure({ basis: 'sampled_futures', valid_rollouts: 4, incident_rate: 0.5, thresholds: { incident_rate: 0.3 } }, [{ code: 'incident_rate_above_threshold' }], futures)).toBe('2 of 4 futures end in an incident; threshold 30%');
  });

  it('when a hard rule escalated below the thresholds, then the rule comes first; with no valid future, that is said', () => {
    expect(decidingFigure({ basis: 'sampled_futures', valid_rollouts: 4, incident_rate: 0.1, thresholds: { incident_rate: 0.3 } }, [{ code: 'hard_rule:crane_wind_limit' }], futures)).toBe('hard rule: crane wind limit · 2 of 4 futures end in an incident; threshold 30%');
    expect(decidingFigure({ valid_rollouts: 0 }, [{ code: 'world_model_unavailable' }], [])).toBe('world model unavailable; no valid simulated future');
  });

  it('when futures are ordered, then incidents come first, then adverse ones, each by severity', () => {
    const domain = { outcomeByName: new Map([['serious_incident', { severity: 6 }], ['near_miss', { severity: 3 }], ['no_incident', { severity: 1 }], ['pending', { severity: 2 }]]) } as never;
    const ordered = badFirst([...futures, future(4, 'pending', false, true)], domain).map((f) => f.index);
    expect(ordered).toEqual([2, 0, 4, 1, 3]);
  });

  it('when a deadline nears, then the time left reads as a person would say it', () => {
    const now = new Date('2026-01-01T10:00:00Z');
    expect(timeLeft(new Date('2026-01-01T10:29:30Z'), now)).toBe('29 min left');
    expect(timeLeft(new Date('2026-01-01T11:05:00Z'), now)).toBe('1 h 05 min left');
    expect(timeLeft(new Date('2026-01-01T10:00:20Z'), now)).toBe('20 s left');
    expect(timeLeft(new Date('2026-01-01T09:59:00Z'), now)).toBe('overdue');
  });
});

describe('the pictures', () => {
  it('when rates are drawn, then the threshold line sits where the threshold is and the interval spans its bounds', () => {
    const svg = toText(rateChart({ incident_rate: 0.5, incident_rate_ci: [0.25, 0.75], thresholds: { incident_rate: 0.3 } }, 't'));
    // The track runs from x=150 to x=496 (346 wide).
    expect(svg).toContain('class="chart-threshold" x1="253.8" x2="253.8"');
    expect(svg).toContain('class="chart-interval" x="236.5"');
    expect(svg).toContain('width="173"');
    expect(svg).toMatch(/<desc id="t-desc">Incident rate 50%, interval 25% to 75%, threshold 30%\.<\/desc>/);
    expect(svg).not.toMatch(/style=/);
  });

  it('when a reliability diagram is drawn, then each non-empty bin is one point at (predicted, observed) with its count', () => {
    const points = [
      ...Array.from({ length: 3 }, (_, i) => ({ p: 0.05, o: i === 0 })),
      ...Array.from({ length: 2 }, () => ({ p: 0.65, o: true })),
    ];
    const figures = calibrationOf(sumsOf(points));
    const svg = toText(reliabilityDiagram([{ name: 'confirmed', kind: 'confirmed', figures }], 'incident', 'r'));
    const circles = svg.match(/<circle class="series-point" cx="([\d.]+)" cy="([\d.]+)"/g) ?? [];
    expect(circles).toHaveLength(2);
    // Plot: x from 52 over 292, y from 16 over 298 (observed 1/3 → 214.7; 1 → 16).
    expect(circles[0]).toContain('cx="66.6" cy="214.7"');
    expect(circles[1]).toContain('cx="241.8" cy="16"');
    expect([...svg.matchAll(/class="series-count"[^>]*>(\d+)</g)].map((m) => Number(m[1]))).toEqual([3, 2]);
    expect(svg).toContain('predicted 5%, observed 33%, 3 evaluations; predicted 65%, observed 100%, 2 evaluations');
  });

  it('when a policy diff is laid out, then removed lines stand left of the lines that replaced them, context on both sides', () => {
    const table = toText(sideBySide({ removed: 1, added: 2, truncated: false, lines: ['@@ -1,3 +1,4 @@', ' thresholds:', '-  incident_rate: 0.3', '+  incident_rate: 0.05', '+  adverse_rate: 0.2', ' rollouts: 16'] }));
    const rows = [...table.matchAll(/<tr class="diff-(\w+)"><td class="(\w*)">(.*?)<\/td><td class="(\w*)">(.*?)<\/td><\/tr>/g)].map((m) => [m[1], m[2], m[3].replace(/<\/?code>/g, ''), m[4], m[5].replace(/<\/?code>/g, '')]);
    expect(rows).toEqual([
      ['hunk', '', '@@ -1,3 +1,4 @@', '', '@@ -1,3 +1,4 @@'],
      ['same', '', 'thresholds:', '', 'thresholds:'],
      ['change', 'removed', '  incident_rate: 0.3', 'added', '  incident_rate: 0.05'],
      ['change', '', '', 'added', '  adverse_rate: 0.2'],
      ['same', '', 'rollouts: 16', '', 'rollouts: 16'],
    ]);
  });
});
