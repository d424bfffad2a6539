import { html, type SafeHtml } from '../html.js';

/** The expiries a reviewer may pick for an approval: shorter than the policy's `approval_ttl`, or the same. */
export const EXPIRY_CHOICES = ['15m', '30m', '1h', '4h', '8h', '24h'] as const;

export const expiryOptions = (): SafeHtml =>
  html`<option value="">the policy's approval time</option>${EXPIRY_CHOICES.map((e) => html`<option value="${e}">${e}</option>`)}`;

/** The dialog a/d open on the queue (console.js fills in the evaluation and the choice). */
export function decisionDialog(csrf: SafeHtml, returnTo: 'queue' | 'evaluation'): SafeHtml {
  return html`<dialog id="decide-dialog" aria-labelledby="decide-title">
  <form method="post" id="decide-form" class="stack" action="">
    ${csrf}
    <input type="hidden" name="decision" value="">
    <input type="hidden" name="return" value="${returnTo}">
    <h2 id="decide-title">Sign off</h2>
    <p id="decide-what" class="muted"></p>
    <label for="decide-reason">Reason (required; the agent sees it)</label>
    <textarea id="decide-reason" name="reason" required maxlength="4000" rows="4"></textarea>
    <div class="approve-only">
      <label for="decide-expiry">Approval expires after</label>
      <select id="decide-expiry" name="expires_in">${expiryOptions()}</select>
    </div>
    <div class="buttons">
      <button type="submit" class="primary" id="decide-submit">Sign off</button>
      <button type="button" data-close-dialog>Cancel</button>
    </div>
  </form>
</dialog>`;
}

export function helpDialog(): SafeHtml {
  return html`<dialog id="help-dialog" aria-labelledby="help-title">
  <h2 id="help-title">Keyboard shortcuts</h2>
  <dl class="shortcuts">
    <dt><kbd>j</kbd> / <kbd>k</kbd></dt><dd>next / previous escalation</dd>
    <dt><kbd>Enter</kbd></dt><dd>open the selected escalation</dd>
    <dt><kbd>a</kbd></dt><dd>approve the selected escalation (asks for the reason)</dd>
    <dt><kbd>d</kbd></dt><dd>deny the selected escalation (asks for the reason)</dd>
    <dt><kbd>f</kbd></dt><dd>on an evaluation: go to its futures</dd>
    <dt><kbd>?</kbd></dt><dd>this help</dd>
    <dt><kbd>Esc</kbd></dt><dd>close a dialog</dd>
  </dl>
  <form method="dialog"><button type="submit" class="primary">Close</button></form>
</dialog>`;
}
