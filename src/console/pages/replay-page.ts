import type { LineDiff } from '../../replay/line-diff.js';
import type { ReplayAnswer } from '../../replay/replay-service.js';
import { label, pct, shortText } from '../figures.js';
import { html, type SafeHtml } from '../html.js';
import { notice, page, type Viewer } from './layout.js';

const rate = (v: number | null) => (v === null ? '–' : pct(v));
const interval = (v: number[] | null) => (v === null ? '–' : `${pct(v[0])} – ${pct(v[1])}`);
const delta = (v: number | null) => (v === null || v === 0 ? '' : `${v > 0 ? '+' : ''}${Math.round(v * 1000) / 10} points`);
const thresholds = (t: unknown) =>
  t && typeof t === 'object'
    ? Object.entries(t as Record<string, number>)
        .map(([k, v]) => `${label(k)} ${pct(v)}`)
        .join(', ')
    : '–';

/** A row of the side-by-side table: then, now, and whether they differ. */
function row(name: string, then: SafeHtml | string, now: SafeHtml | string, changed: boolean, note = ''): SafeHtml {
  return html`<tr class="${changed ? 'changed' : 'same'}"><th scope="row">${name}</th><td data-label="Then">${then}</td><td data-label="Now">${now}</td><td data-label="Change" class="change">${changed ? html`<span class="tag tag-changed">changed</span>` : html`<span class="muted">same</span>`}${note ? html` <span class="muted">${note}</span>` : ''}</td></tr>`;
}

/** A unified line diff laid out as two columns: removed lines on the left, added on the right, context on both. */
export function sideBySide(diff: LineDiff): SafeHtml {
  const rows: { left: string | null; right: string | null; kind: 'same' | 'change' | 'hunk' }[] = [];
  let minus: string[] = [];
  let plus: string[] = [];
  const flush = () => {
    for (let i = 0; i < Math.max(minus.length, plus.length); i++) rows.push({ left: minus[i] ?? null, right: plus[i] ?? null, kind: 'change' });
    minus = [];
    plus = [];
  };
  for (const line of diff.lines) {
    const mark = line[0];
    if (line.startsWith('@@')) {
      flush();
      rows.push({ left: line, right: line, kind: 'hunk' });
    } else if (mark === '-') minus.push(line.slice(1));
    else if (mark === '+') plus.push(line.slice(1));
    else {
      flush();
      rows.push({ left: line.slice(1), right: line.slice(1), kind: 'same' });
    }
  }
  flush();
  return html`<table class="diff" aria-label="Policy text, then and now">
  <thead><tr><th scope="col">Policy then</th><th scope="col">Policy now</th></tr></thead>
  <tbody>${rows.map(
    (r) => html`<tr class="diff-${r.kind}"><td class="${r.kind === 'change' && r.left !== null ? 'removed' : ''}">${r.left === null ? '' : html`<code>${r.left}</code>`}</td><td class="${r.kind === 'change' && r.right !== null ? 'added' : ''}">${r.right === null ? '' : html`<code>${r.right}</code>`}</td></tr>`,
  )}</tbody>
</table>${diff.truncated ? html`<p class="muted">The diff was cut short to keep it bounded.</p>` : ''}`;
}

/** What a replay changed, then beside now. */
export function replayPage(viewer: Viewer, answer: ReplayAnswer): SafeHtml {
  const d = answer;
  const reasonsThen = [...d.reasons.unchanged, ...d.reasons.fired_then_not_now.map((r) => r.code)];
  const reasonsNow = [...d.reasons.unchanged, ...d.reasons.fired_now_not_then.map((r) => r.code)];
  const reasonList = (codes: string[], changed: Set<string>, mark: string) =>
    codes.length === 0 ? html`<span class="muted">none</span>` : html`<ul class="plain">${codes.map((c) => html`<li${changed.has(c) ? html` class="${mark}"` : ''}><code>${c}</code>${changed.has(c) ? html` <span class="visually-hidden">(${mark === 'removed' ? 'fired then only' : 'fires now only'})</span>` : ''}</li>`)}</ul>`;
  const div = d.futures.first_divergence;
  return page(viewer, { title: 'Replay', current: 'GET /ui/evaluations', bodyClass: 'replay-page' }, html`
<p class="eyebrow">Replay <code>${d.replay_id}</code> of evaluation <a href="/ui/evaluations/${d.evaluation_id}"><code>${d.evaluation_id}</code></a>, by ${d.replayed_by.owner} at <time datetime="${d.replayed_at}">${d.replayed_at}</time></p>
<h1>Replay: then and now</h1>
${notice(d.changed ? 'info' : 'ok', d.changed ? `The replay differs${d.decision.changed ? `: the decision would now be ${d.decision.now}` : ''}.` : 'No difference: today’s policy and model give the same answer.')}
<table class="side-by-side" id="replay-diff">
  <caption class="visually-hidden">The stored evaluation against its replay under today's policy and model</caption>
  <thead><tr><th scope="col">What</th><th scope="col">Then (stored)</th><th scope="col">Now (replayed)</th><th scope="col">Change</th></tr></thead>
  <tbody>
    ${row('Decision', label(d.decision.then), label(d.decision.now), d.decision.changed)}
    ${row('Incident rate', rate(d.rates.incident_rate.then), rate(d.rates.incident_rate.now), (d.rates.incident_rate.delta ?? 0) !== 0, delta(d.rates.incident_rate.delta))}
    ${row('Incident interval', interval(d.rates.incident_rate_ci.then), interval(d.rates.incident_rate_ci.now), (d.rates.incident_rate_ci.delta ?? []).some((x) => x !== 0))}
    ${row('Adverse rate', rate(d.rates.adverse_rate.then), rate(d.rates.adverse_rate.now), (d.rates.adverse_rate.delta ?? 0) !== 0, delta(d.rates.adverse_rate.delta))}
    ${row('Adverse interval', interval(d.rates.adverse_rate_ci.then), interval(d.rates.adverse_rate_ci.now), (d.rates.adverse_rate_ci.delta ?? []).some((x) => x !== 0))}
    ${row('Thresholds', thresholds(d.thresholds.then), thresholds(d.thresholds.now), d.thresholds.changed)}
    ${row('Reasons', reasonList(reasonsThen, new Set(d.reasons.fired_then_not_now.map((r) => r.code)), 'removed'), reasonList(reasonsNow, new Set(d.reasons.fired_now_not_then.map((r) => r.code)), 'added'), d.reasons.fired_now_not_then.length + d.reasons.fired_then_not_now.length > 0)}
    ${row('Futures', String(d.futures.then), String(d.futures.now), d.futures.diverged, div ? `first diverge in future ${div.future + 1}${div.step !== null ? `, step ${div.step + 1}` : ''} (${label(div.what)})` : '')}
    ${div && (div.then !== undefined || div.now !== undefined) ? row('At the divergence', shortText(div.then ?? '–', 240), shortText(div.now ?? '–', 240), true, div.fields ? `fields: ${div.fields.join(', ')}` : '') : ''}
    ${row('Policy version', html`<code>${d.policy.then}</code>`, html`<code>${d.policy.now}</code>`, d.policy.changed)}
    ${row('World model', html`<code>${d.world_model.then.backend} ${d.world_model.then.version}</code>`, html`<code>${d.world_model.now.backend} ${d.world_model.now.version}</code>`, d.world_model.changed)}
  </tbody>
</table>
${
  d.policy.changed
    ? html`<section class="card" aria-labelledby="policy-diff-title"><h2 id="policy-diff-title">What changed in the policy</h2>${
        d.policy.text_diff ? sideBySide(d.policy.text_diff) : html`<p class="muted">${d.policy.text_then_stored ? 'The policy text of today is not stored.' : 'The policy text of then was not stored (it predates stored policy texts).'}</p>`
      }</section>`
    : ''
}
<p><a href="/ui/evaluations/${d.evaluation_id}">Back to the evaluation</a></p>`);
}
