import type { CalibrationFigures } from '../../outcomes/calibration.js';
import { html, type SafeHtml } from '../html.js';
import { pct } from '../figures.js';

const SIZE = 360;
const M = { left: 52, right: 16, top: 16, bottom: 46 };
const PLOT = SIZE - M.left - M.right;
const PLOT_H = SIZE - M.top - M.bottom;

const px = (p: number) => M.left + Math.max(0, Math.min(1, p)) * PLOT;
const py = (p: number) => M.top + (1 - Math.max(0, Math.min(1, p))) * PLOT_H;
const r1 = (v: number) => Math.round(v * 10) / 10;

export interface DiagramSeries {
  name: string;
  /** `confirmed` is drawn filled, `agent` hollow: the agent's own reports are kept apart. */
  kind: 'confirmed' | 'agent';
  figures: CalibrationFigures;
}

/**
 * A reliability diagram drawn by the server: each non-empty bin is a point at (mean predicted,
 * observed frequency), its area growing with its count, which is written beside it; the diagonal
 * is perfect calibration. A picture first, with the same facts in words for a screen reader.
 */
export function reliabilityDiagram(series: DiagramSeries[], title: string, idPrefix: string): SafeHtml {
  const words: string[] = [];
  const maxCount = Math.max(1, ...series.flatMap((s) => s.figures.bins.map((b) => b.count)));
  const layers = series.map((s) => {
    const bins = s.figures.bins.filter((b) => b.count > 0 && b.predicted_mean !== null && b.observed_frequency !== null);
    if (bins.length === 0) {
      words.push(`${s.name}: no evaluation with an outcome.`);
      return html``;
    }
    words.push(`${s.name}: ${bins.map((b) => `predicted ${pct(b.predicted_mean!)}, observed ${pct(b.observed_frequency!)}, ${b.count} evaluations`).join('; ')}.`);
    const pts = bins.map((b) => ({ x: px(b.predicted_mean!), y: py(b.observed_frequency!), r: 4 + 10 * Math.sqrt(b.count / maxCount), count: b.count }));
    const path = pts.map((p, i) => `${i === 0 ? 'M' : 'L'}${r1(p.x)} ${r1(p.y)}`).join(' ');
    return html`<g class="series series-${s.kind}">
  <path class="series-line" d="${path}" fill="none" stroke="${s.kind === 'confirmed' ? '#1d3f72' : '#8a5a00'}" stroke-width="1.5"${s.kind === 'agent' ? html` stroke-dasharray="5 4"` : ''}/>
  ${pts.map(
    (p) => html`<circle class="series-point" cx="${r1(p.x)}" cy="${r1(p.y)}" r="${r1(p.r)}" fill="${s.kind === 'confirmed' ? '#1d3f72' : '#ffffff'}" stroke="${s.kind === 'confirmed' ? '#1d3f72' : '#8a5a00'}" stroke-width="2"/>
  <text class="series-count" x="${r1(p.x + p.r + 3)}" y="${r1(p.y - p.r + 2)}">${p.count}</text>`,
  )}
</g>`;
  });
  const ticks = [0, 0.2, 0.4, 0.6, 0.8, 1].map(
    (t) => html`<line class="grid" x1="${r1(px(t))}" x2="${r1(px(t))}" y1="${M.top}" y2="${M.top + PLOT_H}" stroke="#e3e6eb"/>
<line class="grid" x1="${M.left}" x2="${M.left + PLOT}" y1="${r1(py(t))}" y2="${r1(py(t))}" stroke="#e3e6eb"/>
<text class="chart-tick-label" x="${r1(px(t))}" y="${M.top + PLOT_H + 16}" text-anchor="middle">${pct(t)}</text>
<text class="chart-tick-label" x="${M.left - 6}" y="${r1(py(t) + 4)}" text-anchor="end">${pct(t)}</text>`,
  );
  const titleId = `${idPrefix}-title`;
  const descId = `${idPrefix}-desc`;
  return html`<svg class="chart reliability" viewBox="0 0 ${SIZE} ${SIZE}" role="img" aria-labelledby="${titleId} ${descId}" xmlns="http://www.w3.org/2000/svg">
<title id="${titleId}">${title}</title>
<desc id="${descId}">Reliability diagram. ${words.join(' ')}</desc>
${ticks}
<line class="diagonal" x1="${px(0)}" y1="${py(0)}" x2="${px(1)}" y2="${py(1)}" stroke="#9aa1ad" stroke-dasharray="3 3"/>
<rect class="frame" x="${M.left}" y="${M.top}" width="${PLOT}" height="${PLOT_H}" fill="none" stroke="#5f6673"/>
${layers}
<text class="axis-title" x="${M.left + PLOT / 2}" y="${SIZE - 8}" text-anchor="middle">predicted probability</text>
<text class="axis-title" x="14" y="${M.top + PLOT_H / 2}" text-anchor="middle" transform="rotate(-90 14 ${M.top + PLOT_H / 2})">observed frequency</text>
</svg>`;
}
