import type { CalibrationReport, VersionGroupReport } from '../../outcomes/calibration-report.js';
import type { CalibrationFigures } from '../../outcomes/calibration.js';
import { reliabilityDiagram } from '../charts/reliability-diagram.js';
import { label, pct } from '../figures.js';
import { html, type SafeHtml } from '../html.js';
import { notice, page, type Viewer } from './layout.js';

export interface CalibrationPageInput {
  domains: string[];
  domain: string | undefined;
  values: { since?: string; until?: string; policy_version?: string };
  report: CalibrationReport | null;
  problem?: string;
}

const fig = (v: number | null, digits = 3) => (v === null ? '–' : v.toFixed(digits));

function brier(name: string, f: CalibrationFigures): SafeHtml {
  return html`<div class="brier"><h4>${name}</h4><dl class="kv compact">
    <div><dt>Evaluations with an outcome</dt><dd>${f.n}</dd></div>
    <div><dt>Brier score</dt><dd class="brier-score">${fig(f.brier)}</dd></div>
    <div><dt>reliability − resolution + uncertainty</dt><dd>${fig(f.reliability)} − ${fig(f.resolution)} + ${fig(f.uncertainty)}</dd></div>
    <div><dt>Brier skill</dt><dd>${fig(f.brier_skill)}</dd></div>
    <div><dt>Expected calibration error</dt><dd>${fig(f.ece)}</dd></div>
    <div><dt>Predicted / observed</dt><dd>${f.predicted_mean === null ? '–' : pct(f.predicted_mean)} / ${f.observed_rate === null ? '–' : pct(f.observed_rate)}</dd></div>
  </dl></div>`;
}

function group(g: VersionGroupReport, index: number): SafeHtml {
  const e = g.escalations;
  return html`<section class="card calibration-group" aria-labelledby="group-${index}-title">
  <h2 id="group-${index}-title">Policy <code>${g.policy_version.slice(0, 19)}…</code></h2>
  <p class="muted">World model <code>${g.world_model_version}</code>; ${g.evaluations} evaluations from <time datetime="${g.first_at}">${g.first_at.slice(0, 10)}</time> to <time datetime="${g.last_at}">${g.last_at.slice(0, 10)}</time>. Escalated ${pct(e.escalation_rate)}; supervisors overrode ${e.override_rate === null ? '–' : pct(e.override_rate)} of the escalations (${e.overridden} of ${e.escalated}); ${e.denied} denied, ${e.timed_out} timed out, ${e.changes_requested} sent back for changes.</p>
  <div class="diagrams">
    ${(['incident', 'adverse'] as const).map(
      (metric) => html`<figure class="diagram">
      ${reliabilityDiagram(
        [
          { name: 'confirmed outcomes', kind: 'confirmed', figures: g.confirmed[metric] },
          { name: 'outcomes only the agent reported', kind: 'agent', figures: g.agent_reported[metric] },
        ],
        `${label(metric)} rate: predicted against observed`,
        `rel-${index}-${metric}`,
      )}
      <figcaption><strong>${label(metric)}</strong>: filled points are confirmed outcomes (the headline), hollow ones outcomes only the agent reported; the number beside a point is its count; the dashed diagonal is perfect calibration.</figcaption>
      <div class="brier-pair">${brier('Confirmed', g.confirmed[metric])}${brier('Agent-reported only', g.agent_reported[metric])}</div>
    </figure>`,
    )}
  </div>
</section>`;
}

/** Calibration per domain and policy version: reliability diagrams drawn by the server, with the Brier figures. */
export function calibrationPage(viewer: Viewer, input: CalibrationPageInput): SafeHtml {
  const v = input.values;
  return page(viewer, { title: 'Calibration', current: 'GET /ui/calibration', bodyClass: 'calibration-page' }, html`
<h1>Calibration</h1>
<form method="get" action="/ui/calibration" class="filters" aria-label="Choose the calibration report">
  <div class="field"><label for="c-domain">Domain</label><select id="c-domain" name="domain">${input.domains.map((d) => html`<option value="${d}"${input.domain === d ? html` selected` : ''}>${label(d)}</option>`)}</select></div>
  <div class="field"><label for="c-policy">Policy version</label><input id="c-policy" name="policy_version" value="${v.policy_version ?? ''}" placeholder="every version"></div>
  <div class="field"><label for="c-since">Since</label><input id="c-since" name="since" type="date" value="${v.since ?? ''}"></div>
  <div class="field"><label for="c-until">Until</label><input id="c-until" name="until" type="date" value="${v.until ?? ''}"></div>
  <button type="submit" class="primary">Show</button>
</form>
${input.problem ? notice('error', input.problem) : ''}
${
  input.report
    ? html`<p class="muted">${input.report.note}</p>
  ${input.report.groups.length === 0 ? html`<p class="empty">No evaluation in this window.</p>` : input.report.groups.map((g, i) => group(g, i))}
  ${input.report.groups_truncated ? notice('info', 'More policy and model versions matched than are shown: narrow the window.') : ''}`
    : ''
}`);
}
