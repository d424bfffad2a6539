import { html, type SafeHtml } from '../html.js';
import { notice, page } from './layout.js';

export interface SignInPageInput {
  /** The pre-session CSRF token (double-submitted with its cookie). */
  csrf: string;
  message?: { kind: 'info' | 'error'; text: string };
}

/** Paste a key once: the server keeps it, sealed; the browser keeps only a session cookie. */
export function signInPage(input: SignInPageInput): SafeHtml {
  return page({}, { title: 'Sign in', bodyClass: 'sign-in' }, html`
<section class="card narrow" aria-labelledby="sign-in-title">
  <h1 id="sign-in-title">Sign in</h1>
  ${input.message ? notice(input.message.kind, input.message.text) : ''}
  <p>Paste your supervisor or auditor API key. It is sent once and kept by the service; your browser keeps only a session cookie, which expires.</p>
  <form method="post" action="/ui/sign-in" class="stack" autocomplete="off">
    <input type="hidden" name="csrf" value="${input.csrf}">
    <label for="key">API key</label>
    <input id="key" name="key" type="password" required autocomplete="off" spellcheck="false" placeholder="fsk_…" autofocus>
    <button type="submit" class="primary">Sign in</button>
  </form>
</section>`);
}
