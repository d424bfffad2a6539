import type { ApiKey } from '../../keys/key-store.js';
import type { EvaluationSummary } from '../../listing/listing-service.js';
import { REVIEW_STATES } from '../../listing/listing-store.js';
import { EFFECTIVE_DECISIONS } from '../../signoff/review.js';
import { mayUse } from '../console-access.js';
import { label, pct } from '../figures.js';
import { html, type SafeHtml } from '../html.js';
import { notice, page, type Viewer } from './layout.js';

/** The search form's fields, as the query string carries them (the listing's own filter names). */
export const LIST_FIELDS = ['domain', 'decision', 'effective_decision', 'review_state', 'agent', 'api_key_id', 'policy_version', 'since', 'until', 'has_sign_off', 'has_outcome'] as const;
export type ListField = (typeof LIST_FIELDS)[number];

export interface EvaluationsPageInput {
  values: Partial<Record<ListField, string>>;
  items: EvaluationSummary[];
  nextCursor: string | null;
  domains: string[];
  problem?: string;
}

const query = (values: Partial<Record<string, string>>, extra: Record<string, string> = {}) => {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries({ ...values, ...extra })) if (v) p.set(k, v);
  return p.toString();
};

function select(name: ListField, text: string, options: readonly string[], value: string | undefined): SafeHtml {
  return html`<div class="field"><label for="s-${name}">${text}</label><select id="s-${name}" name="${name}"><option value="">any</option>${options.map((o) => html`<option value="${o}"${value === o ? html` selected` : ''}>${label(o)}</option>`)}</select></div>`;
}

const input = (name: ListField, text: string, value: string | undefined, type = 'text', placeholder = '') =>
  html`<div class="field"><label for="s-${name}">${text}</label><input id="s-${name}" name="${name}" type="${type}" value="${value ?? ''}"${placeholder ? html` placeholder="${placeholder}"` : ''}></div>`;

/** Every evaluation in the key's scope, by the listing's filters, with export links for who may export. */
export function evaluationsPage(viewer: Viewer & { key: ApiKey }, data: EvaluationsPageInput): SafeHtml {
  const v = data.values;
  const canExport = mayUse('GET /ui/evaluations/export', viewer.key);
  return page(viewer, { title: 'Evaluations', current: 'GET /ui/evaluations', bodyClass: 'evaluations-page' }, html`
<h1>Evaluations</h1>
<form method="get" action="/ui/evaluations" class="jump" role="search" aria-label="Open an evaluation by id">
  <label for="jump-id">Evaluation id</label>
  <input id="jump-id" name="id" type="search" placeholder="e2a478fd-…" spellcheck="false" required maxlength="64">
  <button type="submit">Open</button>
</form>
<form method="get" action="/ui/evaluations" class="filters wide" role="search" aria-label="Filter evaluations">
  ${select('domain', 'Domain', data.domains, v.domain)}
  ${select('decision', 'Model’s answer', ['approve', 'escalate'], v.decision)}
  ${select('effective_decision', 'Effective decision', EFFECTIVE_DECISIONS, v.effective_decision)}
  ${select('review_state', 'Review', REVIEW_STATES, v.review_state)}
  ${input('agent', 'Agent', v.agent)}
  ${input('api_key_id', 'Key id', v.api_key_id)}
  ${input('policy_version', 'Policy version', v.policy_version, 'text', 'sha256:…')}
  ${input('since', 'Since', v.since, 'date')}
  ${input('until', 'Until', v.until, 'date')}
  ${select('has_sign_off', 'Signed off', ['true', 'false'], v.has_sign_off)}
  ${select('has_outcome', 'Outcome reported', ['true', 'false'], v.has_outcome)}
  <button type="submit" class="primary">Search</button>
</form>
${data.problem ? notice('error', data.problem) : ''}
${
  canExport
    ? html`<p class="exports">Export everything that matches: <a href="/ui/evaluations/export?${query(v, { format: 'jsonl' })}" download>JSONL</a> · <a href="/ui/evaluations/export?${query(v, { format: 'csv' })}" download>CSV</a></p>`
    : ''
}
${
  data.items.length === 0
    ? html`<p class="empty">No evaluation matches.</p>`
    : html`<table class="list" id="evaluations">
  <caption class="visually-hidden">Evaluations, newest first</caption>
  <thead><tr><th scope="col">Asked</th><th scope="col">Domain</th><th scope="col">Action</th><th scope="col">Model</th><th scope="col">Effective</th><th scope="col">Rates (incident / adverse)</th><th scope="col">Agent</th><th scope="col">Signed</th><th scope="col">Outcome</th></tr></thead>
  <tbody>${data.items.map(
    (i) => html`<tr>
    <td data-label="Asked"><time datetime="${i.created_at}">${i.created_at.replace('T', ' ').slice(0, 16)}</time></td>
    <td data-label="Domain">${label(i.domain)}</td>
    <td data-label="Action"><a href="/ui/evaluations/${i.id}">${i.action ?? '(no description)'}</a>${i.headline ? html`<span class="headline">${i.headline}</span>` : ''}</td>
    <td data-label="Model"><span class="badge badge-${i.decision}">${i.decision}</span></td>
    <td data-label="Effective"><span class="badge badge-${i.effective_decision}">${label(i.effective_decision)}</span></td>
    <td data-label="Rates">${i.incident_rate === null ? '–' : pct(i.incident_rate)} / ${i.adverse_rate === null ? '–' : pct(i.adverse_rate)}</td>
    <td data-label="Agent">${i.agent_id ?? ''}</td>
    <td data-label="Signed">${i.has_sign_off ? 'yes' : ''}</td>
    <td data-label="Outcome">${i.has_outcome ? 'yes' : ''}</td>
  </tr>`,
  )}</tbody>
</table>`
}
${data.nextCursor ? html`<p class="paging"><a href="/ui/evaluations?${query(v, { cursor: data.nextCursor })}" rel="next">Older evaluations</a></p>` : ''}
`);
}
