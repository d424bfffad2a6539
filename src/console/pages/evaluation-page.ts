import type { StoredFuture } from '../../audit/evaluation-store.js';
import type { ApiKey } from '../../keys/key-store.js';
import type { LoadedDomain } from '../../packs/load-domains.js';
import type { HistoryEntry } from '../../signoff/review.js';
import { rateChart } from '../charts/rate-chart.js';
import { mayUse } from '../console-access.js';
import { badFirst, decidingFigure, flatten, label, pct, shortText, timeLeft, type RiskBlock } from '../figures.js';
import { html, type SafeHtml } from '../html.js';
import type { EvaluationView } from '../review-data.js';
import { expiryOptions, helpDialog } from './dialogs.js';
import { csrfField, notice, page, type Viewer } from './layout.js';

export interface EvaluationPageInput {
  ev: EvaluationView;
  domain: LoadedDomain | undefined;
  /** `bad`, an outcome name, or undefined for every future. */
  futuresFilter?: string;
  now: Date;
  message?: { kind: 'ok' | 'error' | 'info'; text: string };
}

type Reason = { code: string; message?: string; citation?: string; url?: string };
type Factor = { factor: string; detail?: string; share: number };
type SimilarCase = { case_id: string; summary?: string; outcome?: string; similarity?: number; incident?: boolean; adverse?: boolean; source?: string };
type Reading = {
  facts?: Record<string, unknown>;
  action?: Record<string, unknown>;
  unknown?: unknown[];
  ignored?: unknown[];
  truncated?: unknown[];
  sources?: Record<string, string>;
};

const when = (iso: string | null | undefined) => (iso ? html`<time datetime="${iso}">${iso.replace('T', ' ').slice(0, 19)} UTC</time>` : html`<span class="muted">–</span>`);

const decisionBadge = (d: string) => html`<span class="badge badge-${d}">${label(d)}</span>`;

function actionLine(action: Record<string, unknown> | undefined): string {
  if (!action) return '(no action)';
  const kind = typeof action.kind === 'string' ? action.kind : '';
  const description = typeof action.description === 'string' ? action.description : '';
  return shortText([kind && label(kind), description].filter(Boolean).join(': ') || '(no description)', 200);
}

function summarySection(ev: EvaluationView, now: Date): SafeHtml {
  const { shown, view, stored } = ev;
  const req = shown.request as { action?: Record<string, unknown>; context?: { agent_id?: unknown } };
  const r = view.review;
  const deadline = r.review_deadline ? new Date(r.review_deadline) : null;
  const response = shown.response as { explanation?: string; reasons?: Reason[]; risk?: RiskBlock };
  return html`<section class="summary card" aria-labelledby="eval-title">
  <p class="eyebrow">${label(stored.domain)} · evaluation <code>${stored.id}</code></p>
  <h1 id="eval-title">${actionLine(req.action)}</h1>
  <dl class="facts-inline">
    <div><dt>Agent</dt><dd>${typeof req.context?.agent_id === 'string' ? req.context.agent_id : html`<span class="muted">none given</span>`}</dd></div>
    <div><dt>Asked</dt><dd>${when(stored.createdAt.toISOString())}</dd></div>
    <div><dt>Model's answer</dt><dd>${decisionBadge(stored.decision)}</dd></div>
    <div><dt>Effective decision</dt><dd id="effective-decision">${decisionBadge(view.effective_decision)}</dd></div>
    <div><dt>Deciding figure</dt><dd class="figure">${decidingFigure(response.risk ?? {}, response.reasons ?? [], shown.futures)}</dd></div>
    ${
      view.effective_decision === 'pending'
        ? html`<div><dt>Time left</dt><dd><time class="countdown" data-left-ms="${deadline ? deadline.getTime() - now.getTime() : ''}" datetime="${r.review_deadline ?? ''}">${timeLeft(deadline, now)}</time></dd></div>
    <div><dt>Sign-offs</dt><dd id="sign-offs-remaining">${r.sign_offs_remaining} of ${r.sign_offs_required} still needed</dd></div>`
        : html`<div><dt>Decided</dt><dd>${when(r.decided_at)}</dd></div>${r.expires_at ? html`<div><dt>Approval expires</dt><dd>${when(r.expires_at)}</dd></div>` : ''}`
    }
  </dl>
  ${ev.reviewers.length > 0 ? notice('info', `Being reviewed by ${ev.reviewers.map((m) => m.owner).join(', ')} as well.`) : ''}
  ${response.explanation ? html`<p class="explanation">${response.explanation}</p>` : ''}
</section>`;
}

function signOffSection(viewer: Viewer & { key: ApiKey }, ev: EvaluationView): SafeHtml {
  // A role that may not sign sees no form and no section about signing at all.
  if (ev.cannotSign === 'role') return html``;
  const r = ev.view.review;
  const blind = !ev.verdictsShown;
  const status =
    ev.view.effective_decision === 'pending'
      ? html`<p class="status-line" id="blind-status">${r.sign_offs_remaining} of ${r.sign_offs_required} sign-off${r.sign_offs_required === 1 ? '' : 's'} still needed.${blind && r.sign_offs_received > 0 ? ' Others’ verdicts stay hidden until you have signed.' : ''}</p>`
      : html``;
  if (ev.cannotSign) return html`<section class="card sign-off" aria-labelledby="sign-off-title"><h2 id="sign-off-title">Sign-off</h2>${status}<p>${ev.cannotSign}</p></section>`;
  const id = ev.stored.id;
  return html`<section class="card sign-off" aria-labelledby="sign-off-title">
  <h2 id="sign-off-title">Sign-off</h2>
  ${status}
  <form method="post" action="/ui/evaluations/${id}/sign-off" class="stack" id="sign-off-form">
    ${csrfField(viewer)}
    <input type="hidden" name="return" value="evaluation">
    <fieldset>
      <legend>Your decision</legend>
      ${ev.overrideAllowed ? html`<label class="choice"><input type="radio" name="decision" value="approve" required> Approve (override the escalation)</label>` : html`<p class="muted">The policy does not allow overriding this escalation.</p>`}
      <label class="choice"><input type="radio" name="decision" value="deny" required> Deny</label>
      <label class="choice"><input type="radio" name="decision" value="request_changes" required> Request changes (the agent must evaluate anew)</label>
    </fieldset>
    <label for="sign-off-reason">Reason (required; the agent sees it)</label>
    <textarea id="sign-off-reason" name="reason" required maxlength="4000" rows="4"></textarea>
    ${ev.overrideAllowed ? html`<label for="sign-off-expiry">An approval expires after (optional)</label><select id="sign-off-expiry" name="expires_in">${expiryOptions()}</select>` : ''}
    <button type="submit" class="primary">Record sign-off</button>
  </form>
</section>`;
}

function reasonsSection(reasons: Reason[]): SafeHtml {
  return html`<section class="card" aria-labelledby="reasons-title">
  <h2 id="reasons-title">Reasons</h2>
  ${
    reasons.length === 0
      ? html`<p class="muted">No reason: the model approved.</p>`
      : html`<ol class="reasons">${reasons.map(
          (r) => html`<li><code class="code">${r.code}</code> ${r.message ?? ''}${
            r.citation || r.url
              ? html`<p class="citation">Source: ${r.citation ? html`<cite>${r.citation}</cite>` : ''}${r.url ? html` <a href="${r.url}" rel="noreferrer noopener" target="_blank">${r.url}</a>` : ''}</p>`
              : ''
          }</li>`,
        )}</ol>`
  }
</section>`;
}

function ratesSection(risk: RiskBlock & { zero_tolerance?: { outcome: string; probability: number; max_probability: number }[]; confidence?: number }): SafeHtml {
  return html`<section class="card" aria-labelledby="rates-title">
  <h2 id="rates-title">Rates against the thresholds</h2>
  <figure class="chart-figure">${rateChart(risk, 'rates')}
    <figcaption>${risk.valid_rollouts ?? 0} valid of ${risk.rollouts ?? 0} simulated futures; ${risk.basis === 'model_probability' ? 'rates are the world model’s probabilities' : 'rates are shares of the sampled futures'}${risk.confidence ? `, intervals at ${pct(risk.confidence)} confidence` : ''}.</figcaption>
  </figure>
  ${
    risk.zero_tolerance && risk.zero_tolerance.length > 0
      ? html`<ul class="zero-tolerance">${risk.zero_tolerance.map((z) => html`<li>${label(z.outcome)}: ${(z.probability * 100).toFixed(1)}% against at most ${(z.max_probability * 100).toFixed(1)}% tolerated</li>`)}</ul>`
      : ''
  }
</section>`;
}

function factorsSection(factors: Factor[], cases: SimilarCase[]): SafeHtml {
  return html`<section class="card" aria-labelledby="factors-title">
  <h2 id="factors-title">Risk factors</h2>
  ${
    factors.length === 0
      ? html`<p class="muted">No risk factor in the bad futures.</p>`
      : html`<ul class="factors">${factors.map(
          (f) => html`<li><span class="factor-name">${f.factor}</span>${f.detail ? html` <span class="muted">(${f.detail})</span>` : ''}
        <meter min="0" max="1" low="0.34" high="0.66" optimum="0" value="${f.share}" aria-label="share of bad futures">${pct(f.share)}</meter> <span class="share">${pct(f.share)} of the bad futures</span></li>`,
        )}</ul>`
  }
  <h3 id="cases-title">Similar cases</h3>
  ${
    cases.length === 0
      ? html`<p class="muted">No similar case.</p>`
      : html`<table class="cases" aria-labelledby="cases-title"><thead><tr><th scope="col">Case</th><th scope="col">What happened</th><th scope="col">Outcome</th><th scope="col">Similarity</th></tr></thead>
    <tbody>${cases.map(
      (c) => html`<tr><td data-label="Case"><code>${c.case_id}</code></td><td data-label="What happened">${c.summary ?? ''}</td><td data-label="Outcome">${c.outcome ? label(c.outcome) : ''}${c.incident ? html` <span class="tag tag-incident">incident</span>` : c.adverse ? html` <span class="tag tag-adverse">adverse</span>` : ''}</td><td data-label="Similarity">${typeof c.similarity === 'number' ? c.similarity.toFixed(2) : ''}</td></tr>`,
    )}</tbody></table>`
  }
</section>`;
}

const isBad = (f: StoredFuture) => f.incident || f.adverse;

function futuresSection(futures: StoredFuture[], domain: LoadedDomain | undefined, filter: string | undefined, evaluationId: string): SafeHtml {
  const ordered = badFirst(futures, domain);
  const counts = new Map<string, number>();
  for (const f of futures) counts.set(f.final_outcome, (counts.get(f.final_outcome) ?? 0) + 1);
  const outcomes = [...counts.keys()].sort((a, b) => (domain?.outcomeByName.get(b)?.severity ?? 0) - (domain?.outcomeByName.get(a)?.severity ?? 0));
  const matches = (f: StoredFuture) => !filter || (filter === 'bad' ? isBad(f) : f.final_outcome === filter);
  const shown = ordered.filter(matches);
  const bad = futures.filter(isBad).length;
  const option = (value: string, text: string) => html`<option value="${value}"${filter === value || (!filter && value === '') ? html` selected` : ''}>${text}</option>`;
  return html`<section class="card" aria-labelledby="futures-title" id="futures">
  <h2 id="futures-title">Simulated futures <span class="muted">(${bad} of ${futures.length} bad; bad first)</span></h2>
  <form method="get" action="/ui/evaluations/${evaluationId}#futures" class="filters" id="futures-filter">
    <div class="field"><label for="futures-outcome">Show</label>
      <select id="futures-outcome" name="futures">${option('', `every future (${futures.length})`)}${option('bad', `bad futures only (${bad})`)}${outcomes.map((o) => option(o, `${label(o)} (${counts.get(o)})`))}</select></div>
    <button type="submit">Show</button>
  </form>
  <p class="count" role="status" id="futures-count">${shown.length} of ${futures.length} futures shown.</p>
  <ol class="futures" id="futures-list">
  ${ordered.map((f) => {
    const kind = f.incident ? 'incident' : f.adverse ? 'adverse' : 'good';
    return html`<li class="future future-${kind}" data-outcome="${f.final_outcome}" data-bad="${isBad(f) ? 'true' : 'false'}"${matches(f) ? '' : html` hidden`}>
    <article aria-labelledby="future-${f.index}">
      <h3 id="future-${f.index}">Future ${f.index + 1}: ends in ${label(f.final_outcome)} ${f.incident ? html`<span class="tag tag-incident">incident</span>` : f.adverse ? html`<span class="tag tag-adverse">adverse</span>` : html`<span class="tag tag-good">no harm</span>`}</h3>
      <ol class="timeline">${f.steps.map(
        (s) => html`<li class="step step-${s.outcome}"><span class="step-t">step ${s.t}</span><span class="step-event">${s.event}</span><span class="step-outcome">${label(s.outcome)}</span></li>`,
      )}</ol>
      ${f.risk_factors.length > 0 ? html`<p class="muted">Risk factors: ${f.risk_factors.join(', ')}</p>` : ''}
    </article>
  </li>`;
  })}
  </ol>
</section>`;
}

function readingSection(reading: Reading | undefined, request: Record<string, unknown>): SafeHtml {
  const facts = reading?.facts ? flatten(reading.facts) : [];
  const sources = reading?.sources ?? {};
  const list = (title: string, items: unknown[] | undefined) =>
    items && items.length > 0 ? html`<h3>${title}</h3><ul class="plain">${items.map((i) => html`<li>${shortText(i, 300)}</li>`)}</ul>` : '';
  return html`<section class="card" aria-labelledby="reading-title">
  <h2 id="reading-title">State and action, as the service read them</h2>
  ${
    reading?.action
      ? html`<h3>The action</h3><dl class="kv">${flatten(reading.action).map(([k, v]) => html`<div><dt>${k}</dt><dd>${shortText(v)}</dd></div>`)}</dl>`
      : ''
  }
  <h3>The facts</h3>
  ${
    facts.length === 0
      ? html`<p class="muted">No fact was read.</p>`
      : html`<table class="kv-table"><thead><tr><th scope="col">Fact</th><th scope="col">Value</th><th scope="col">Read from</th></tr></thead><tbody>${facts.map(
          ([k, v]) => html`<tr><th scope="row"><code>${k}</code></th><td>${shortText(v)}</td><td class="muted">${sources[k] ?? ''}</td></tr>`,
        )}</tbody></table>`
  }
  ${list('Still unknown', reading?.unknown)}
  ${list('Ignored fields', reading?.ignored)}
  ${list('Cut short', reading?.truncated)}
  <details><summary>The request as received</summary><pre class="json">${JSON.stringify(request, null, 2)}</pre></details>
</section>`;
}

/** How long after the question a decision came: the reviewers' speed, as the history shows it. */
function after(askedAt: Date, iso: string): string {
  const min = Math.max(0, Math.round((Date.parse(iso) - askedAt.getTime()) / 60_000));
  return min < 1 ? 'within a minute' : min < 120 ? `after ${min} min` : `after ${Math.round(min / 60)} h`;
}

function historyEntry(h: HistoryEntry, blind: boolean, askedAt: Date): SafeHtml {
  if (h.type === 'timeout') return html`<li>${when(h.at)} <strong>Timed out</strong>: nobody decided before the deadline ${when(h.deadline)}; denied.</li>`;
  if (blind && h.type === 'sign_off') return html`<li>${when(h.at)} A sign-off was recorded <span class="muted">(hidden until you sign)</span>.</li>`;
  const who = h.signer ? html`<strong>${h.signer.owner}</strong> <span class="muted">(${h.signer.role}, key ${h.signer.name})</span>` : html`<strong>the service</strong>`;
  const what = h.type === 'revocation' ? 'revoked the approval' : h.choice === 'approve' ? 'approved' : h.choice === 'deny' ? 'denied' : 'requested changes';
  return html`<li>${when(h.at)} ${who} ${what} <span class="muted">(${after(askedAt, h.at)})</span>${h.reason ? html`: “${h.reason}”` : ''}${h.expires_at ? html` (until ${when(h.expires_at)})` : ''}</li>`;
}

function historySection(ev: EvaluationView): SafeHtml {
  const blind = !ev.verdictsShown;
  const o = ev.outcomes;
  return html`<section class="card" aria-labelledby="history-title">
  <h2 id="history-title">History</h2>
  <h3>Sign-offs</h3>
  ${ev.view.review.history.length === 0 ? html`<p class="muted">No sign-off yet.</p>` : html`<ol class="history" id="sign-off-history">${ev.view.review.history.map((h) => historyEntry(h, blind, ev.stored.createdAt))}</ol>`}
  ${ev.view.effective_decision === 'pending' && ev.view.review.review_deadline ? html`<p class="muted">Denied on timeout at ${when(ev.view.review.review_deadline)} unless decided before.</p>` : ''}
  <h3>Outcomes</h3>
  ${
    o.outcomes.length === 0
      ? html`<p class="muted">No outcome reported.</p>`
      : html`<ol class="history">${o.outcomes.map(
          (x) => html`<li>${when(x.recorded_at)} <strong>${label(x.outcome)}</strong>${x.incident ? html` <span class="tag tag-incident">incident</span>` : x.adverse ? html` <span class="tag tag-adverse">adverse</span>` : ''}, happened ${when(x.occurred_at)}, reported by ${x.reporter.owner} (${x.reported_by}; ${x.confirmed ? 'counts as confirmed' : 'agent’s own account'})${x.notes ? html`: “${x.notes}”` : ''}</li>`,
        )}</ol>`
  }
  <h3>Replays</h3>
  ${
    ev.replays.length === 0
      ? html`<p class="muted">Never replayed.</p>`
      : html`<ol class="history" id="replay-history">${ev.replays.map(
          (r) => html`<li>${when(r.createdAt.toISOString())} ${r.actor.owner}: ${label(r.decisionThen)} then, ${label(r.decisionNow)} now; ${r.summary.changed ? 'changed' : 'no difference'}${r.summary.policy_changed ? ' (new policy)' : ''}${r.summary.world_model_changed ? ' (new world model)' : ''}</li>`,
        )}</ol>`
  }
</section>`;
}

function replaySection(viewer: Viewer & { key: ApiKey }, id: string): SafeHtml {
  if (!mayUse('POST /ui/evaluations/:id/replay', viewer.key)) return html``;
  return html`<section class="card" aria-labelledby="replay-title">
  <h2 id="replay-title">Replay</h2>
  <p>Re-run this evaluation with its stored seed and input under today's policy and world model, and compare. The replay is recorded; it stores no new evaluation.</p>
  <form method="post" action="/ui/evaluations/${id}/replay">${csrfField(viewer)}<button type="submit" class="primary">Replay under today's policy</button></form>
</section>`;
}

/** One evaluation: what a reviewer decides by, and the form to decide with, for who may. */
export function evaluationPage(viewer: Viewer & { key: ApiKey }, input: EvaluationPageInput): SafeHtml {
  const { ev } = input;
  const response = ev.shown.response as { reasons?: Reason[]; risk?: RiskBlock; risk_factors?: Factor[]; similar_cases?: SimilarCase[]; reading?: Reading };
  const reviewing = ev.cannotSign === null && ev.view.effective_decision === 'pending';
  return page(
    viewer,
    { title: `Evaluation ${ev.stored.id.slice(0, 8)}`, current: 'GET /ui/evaluations', bodyClass: `evaluation-page${reviewing ? ' is-reviewing' : ''}` },
    html`<div class="evaluation" data-evaluation-id="${ev.stored.id}"${reviewing ? html` data-heartbeat="/ui/evaluations/${ev.stored.id}/reviewing"` : ''}>
${input.message ? notice(input.message.kind, input.message.text) : ''}
${summarySection(ev, input.now)}
<div class="columns">
  <div class="col-main">
    ${reasonsSection(response.reasons ?? [])}
    ${ratesSection(response.risk ?? {})}
    ${factorsSection(response.risk_factors ?? [], response.similar_cases ?? [])}
  </div>
  <div class="col-side">
    ${signOffSection(viewer, ev)}
    ${replaySection(viewer, ev.stored.id)}
    ${historySection(ev)}
  </div>
</div>
${futuresSection(ev.shown.futures, input.domain, input.futuresFilter, ev.stored.id)}
${readingSection(response.reading, ev.shown.request)}
</div>
${helpDialog()}`,
  );
}
