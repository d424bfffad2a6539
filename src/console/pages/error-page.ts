import { html, type SafeHtml } from '../html.js';
import { notice, page, type Viewer } from './layout.js';

/** A refusal or failure, as a page: the status, what went wrong in words, and a way back. */
export function errorPage(viewer: Viewer, input: { status: number; title: string; detail?: string; requestId?: string; back?: string }): SafeHtml {
  return page(viewer, { title: input.title, bodyClass: 'error-page' }, html`
<section class="card narrow" aria-labelledby="error-title">
  <h1 id="error-title">${input.title}</h1>
  ${notice('error', input.detail ?? input.title)}
  <p class="muted">HTTP ${input.status}${input.requestId ? html` · request <code>${input.requestId}</code>` : ''}</p>
  <p><a href="${input.back ?? '/ui/'}">Back</a></p>
</section>`);
}
