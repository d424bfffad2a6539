import { html, type SafeHtml } from '../html.js';
import { pct, type RiskBlock } from '../figures.js';

const W = 520;
const LEFT = 150;
const RIGHT = 24;
const ROW = 64;
const TOP = 14;
const AXIS = 26;

const x = (p: number) => LEFT + Math.max(0, Math.min(1, p)) * (W - LEFT - RIGHT);
const n = (v: number) => Math.round(v * 10) / 10;

const ROWS = [
  { key: 'incident_rate', ci: 'incident_rate_ci', name: 'Incident rate' },
  { key: 'adverse_rate', ci: 'adverse_rate_ci', name: 'Adverse rate' },
] as const;

/**
 * The rates with their intervals drawn against the thresholds, as inline SVG made here (no script,
 * no style attribute: the strict CSP holds). The interval is the bar, the estimate the dot, the
 * threshold the red line; the text alternative says the same in words.
 */
export function rateChart(risk: RiskBlock, idPrefix: string): SafeHtml {
  const rows = ROWS.filter((r) => typeof risk[r.key] === 'number');
  if (rows.length === 0) return html`<p>No rate was estimated (no valid simulated future).</p>`;
  const height = TOP + rows.length * ROW + AXIS;
  const words: string[] = [];
  const drawn = rows.map((r, i) => {
    const rate = risk[r.key] as number;
    const ci = risk[r.ci] ?? [rate, rate];
    const threshold = risk.thresholds?.[r.key];
    const y = TOP + i * ROW + ROW / 2;
    words.push(`${r.name} ${pct(rate)}, interval ${pct(ci[0])} to ${pct(ci[1])}${threshold === undefined ? ', no threshold' : `, threshold ${pct(threshold)}`}.`);
    const over = threshold !== undefined && ci[1] > threshold;
    return html`<g class="rate-row${over ? ' over' : ''}">
  <text class="chart-label" x="${LEFT - 10}" y="${n(y + 4)}" text-anchor="end">${r.name}</text>
  <line class="chart-track" x1="${x(0)}" x2="${x(1)}" y1="${n(y)}" y2="${n(y)}" stroke="#c8ccd4" stroke-width="1"/>
  <rect class="chart-interval" x="${n(x(ci[0]))}" y="${n(y - 7)}" width="${n(Math.max(3, x(ci[1]) - x(ci[0])))}" height="14" rx="3" fill="#7ea6e0"/>
  <circle class="chart-point" cx="${n(x(rate))}" cy="${n(y)}" r="6" fill="#1d3f72"/>
  <text class="chart-value" x="${n(x(rate))}" y="${n(y - 11)}" text-anchor="middle">${pct(rate)}</text>
  ${threshold === undefined ? '' : html`<line class="chart-threshold" x1="${n(x(threshold))}" x2="${n(x(threshold))}" y1="${n(y - 16)}" y2="${n(y + 16)}" stroke="#b3261e" stroke-width="2.5"/>
  <text class="chart-threshold-label" x="${n(x(threshold))}" y="${n(y + 28)}" text-anchor="middle">threshold ${pct(threshold)}</text>`}
</g>`;
  });
  const axisY = TOP + rows.length * ROW + 6;
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((t) => html`<line class="chart-tick" x1="${n(x(t))}" x2="${n(x(t))}" y1="${axisY}" y2="${axisY + 5}" stroke="#5f6673"/><text class="chart-tick-label" x="${n(x(t))}" y="${axisY + 17}" text-anchor="middle">${pct(t)}</text>`);
  const titleId = `${idPrefix}-title`;
  const descId = `${idPrefix}-desc`;
  return html`<svg class="chart rate-chart" viewBox="0 0 ${W} ${height}" role="img" aria-labelledby="${titleId} ${descId}" xmlns="http://www.w3.org/2000/svg">
<title id="${titleId}">Rates with their intervals against the thresholds</title>
<desc id="${descId}">${words.join(' ')}</desc>
${drawn}
<line class="chart-axis" x1="${x(0)}" x2="${x(1)}" y1="${axisY}" y2="${axisY}" stroke="#5f6673"/>
${ticks}
</svg>`;
}
