import type { ApiKey } from '../../keys/key-store.js';
import { timeLeft, label } from '../figures.js';
import { html, type SafeHtml } from '../html.js';
import type { Queue, QueueItem } from '../review-data.js';
import { csrfField, notice, page, type Viewer } from './layout.js';
import { decisionDialog, helpDialog } from './dialogs.js';

export interface QueuePageInput {
  queue: Queue;
  filters: { domain?: string; agent?: string };
  /** The domains this key may review (every loaded domain for an unscoped key). */
  domains: string[];
  now: Date;
  message?: { kind: 'ok' | 'error' | 'info'; text: string };
}

const ago = (from: Date, now: Date) => {
  const min = Math.max(0, Math.floor((now.getTime() - from.getTime()) / 60_000));
  return min < 1 ? 'just now' : min < 60 ? `${min} min ago` : `${Math.floor(min / 60)} h ${min % 60} min ago`;
};

function signOffCell(i: QueueItem): SafeHtml {
  const needed = i.remaining === 1 ? '1 sign-off needed' : `${i.remaining} sign-offs needed`;
  return html`<span class="sign-offs">${needed}${i.required > 1 ? html` <span class="muted">(${i.received} of ${i.required})</span>` : ''}</span>${i.signedByMe ? html`<span class="tag">you signed</span>` : ''}`;
}

function row(i: QueueItem, now: Date, index: number): SafeHtml {
  const href = `/ui/evaluations/${i.id}`;
  const reviewing = i.reviewers.length > 0 ? `being reviewed by ${i.reviewers.map((r) => r.owner).join(', ')}` : '';
  return html`<tr class="queue-row${i.reviewers.length > 0 ? ' is-reviewed' : ''}" data-href="${href}" data-id="${i.id}" data-can-sign="${i.canSign ? 'true' : 'false'}" data-action="${i.action ?? ''}" data-index="${index}">
  <td data-label="Waiting"><time datetime="${i.createdAt.toISOString()}">${ago(i.createdAt, now)}</time></td>
  <td data-label="Domain">${label(i.domain)}</td>
  <td data-label="Agent">${i.agent ?? html`<span class="muted">none given</span>`}</td>
  <td data-label="Action" class="action-cell"><a class="row-link" href="${href}">${i.action ?? '(no description)'}</a>${i.headline ? html`<span class="headline">${i.headline}</span>` : ''}</td>
  <td data-label="Deciding figure" class="figure">${i.figure}</td>
  <td data-label="Time left"><time class="countdown" data-left-ms="${i.deadline ? i.deadline.getTime() - now.getTime() : ''}" datetime="${i.deadline?.toISOString() ?? ''}">${timeLeft(i.deadline, now)}</time></td>
  <td data-label="Sign-offs">${signOffCell(i)}</td>
  <td data-label="Status" class="status">${reviewing ? html`<span class="tag tag-reviewing">${reviewing}</span>` : ''}</td>
</tr>`;
}

/** Pending escalations, oldest first: j/k move, Enter opens, a/d approve or deny (with a reason), ? helps. */
export function queuePage(viewer: Viewer & { key: ApiKey }, input: QueuePageInput): SafeHtml {
  const { queue, filters, now } = input;
  const domainOptions = input.domains.map((d) => html`<option value="${d}"${filters.domain === d ? html` selected` : ''}>${label(d)}</option>`);
  const agentOptions = [...new Set([...queue.agents, ...(filters.agent ? [filters.agent] : [])])].map((a) => html`<option value="${a}"${filters.agent === a ? html` selected` : ''}>${a}</option>`);
  return page(viewer, { title: 'Queue', current: 'GET /ui/queue', bodyClass: 'queue-page' }, html`
<h1>Pending escalations</h1>
${input.message ? notice(input.message.kind, input.message.text) : ''}
<form method="get" action="/ui/queue" class="filters" aria-label="Filter the queue">
  <div class="field"><label for="f-domain">Domain</label>
    <select id="f-domain" name="domain"><option value="">All domains</option>${domainOptions}</select></div>
  <div class="field"><label for="f-agent">Agent</label>
    <select id="f-agent" name="agent"><option value="">All agents</option>${agentOptions}</select></div>
  <button type="submit">Filter</button>
  <p class="count" role="status">${queue.total === 0 ? 'Nothing is waiting.' : `${queue.total} waiting${queue.truncated ? ' (at least)' : ''}; the oldest ${Math.min(queue.items.length, queue.total)} shown, nearest timeout first.`}</p>
</form>
${
  queue.items.length === 0
    ? html`<p class="empty">No pending escalation${filters.domain || filters.agent ? ' matches these filters' : ''}.</p>`
    : html`<table class="queue" id="queue" aria-describedby="queue-keys">
  <caption class="visually-hidden">Pending escalations, oldest first</caption>
  <thead><tr><th scope="col">Waiting</th><th scope="col">Domain</th><th scope="col">Agent</th><th scope="col">Action</th><th scope="col">Deciding figure</th><th scope="col">Time left</th><th scope="col">Sign-offs</th><th scope="col">Status</th></tr></thead>
  <tbody>${queue.items.map((i, n) => row(i, now, n))}</tbody>
</table>`
}
<p id="queue-keys" class="hint"><kbd>j</kbd>/<kbd>k</kbd> move, <kbd>Enter</kbd> open, <kbd>a</kbd> approve, <kbd>d</kbd> deny (each asks for the reason), <kbd>?</kbd> help. <button type="button" class="link-button" data-open-help>Keyboard shortcuts</button></p>
${decisionDialog(csrfField(viewer), 'queue')}
${helpDialog()}
`);
}
