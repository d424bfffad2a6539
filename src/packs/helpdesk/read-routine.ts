import { tokenize } from '../reading/text.js';
import { checks, type ReadContext } from './read-context.js';
import { identifierWords } from './safeguard-names.js';
import type { TextView } from './text-helpers.js';
import { isRecord } from './values.js';

/**
 * Routine operations: the change classes a service desk runs as pre-authorised standard changes (ITIL 4 change
 * enablement, standard changes: low risk, relatively common, following a documented procedure), named in the
 * catalogue as `routine.operation`: restart a service, renew a certificate, take a snapshot, assign a licence, revoke
 * a user's sessions. Such an operation bounds what the change does by its kind, so it accounts for a change in which no
 * reader found anything else; it never outweighs a danger read elsewhere (the caller reads it only when none was).
 */
export function readRoutine(ctx: ReadContext, views: readonly (TextView | undefined)[], parameters?: unknown): void {
  for (const v of views) {
    const m = v?.matches.find((x) => x.concept === 'routine.operation' && !x.negated);
    if (!v || !m) continue;
    checks(ctx, 'routine_operation', v.tokens.slice(m.first, m.last + 1).map((t) => t.text).join(' '));
    return;
  }
  // A tool call that names its operation as a switch ({rotate_password: true}, {deactivate_badge: "0038810"}): the key's
  // words name the operation, its value (true, or the object it acts on) says it is carried out.
  if (!isRecord(parameters)) return;
  for (const [k, v] of Object.entries(parameters).slice(0, 40)) {
    if (v === false || v === null || v === '' || isRecord(v) || Array.isArray(v)) continue;
    const words = identifierWords(k);
    if (words.split(' ').length < 2) continue;
    const m = ctx.catalogue.vocabulary.match(tokenize(words), []).find((x) => x.concept === 'routine.operation');
    if (!m) continue;
    checks(ctx, 'routine_operation', `action.parameters.${k} = ${String(v).slice(0, 60)}`);
    return;
  }
}
