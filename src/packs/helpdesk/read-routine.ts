import { checks, type ReadContext } from './read-context.js';
import type { TextView } from './text-helpers.js';

/**
 * Routine operations: the change classes a service desk runs as pre-authorised standard changes (ITIL 4 change
 * enablement, standard changes: low risk, relatively common, following a documented procedure), named in the
 * catalogue as `routine.operation`: restart a service, renew a certificate, take a snapshot, assign a licence, revoke
 * a user's sessions. Such an operation bounds what the change does by its kind, so it accounts for a change in which no
 * reader found anything else; it never outweighs a danger read elsewhere (the caller reads it only when none was).
 */
export function readRoutine(ctx: ReadContext, views: readonly (TextView | undefined)[]): void {
  for (const v of views) {
    const m = v?.matches.find((x) => x.concept === 'routine.operation' && !x.negated);
    if (!v || !m) continue;
    checks(ctx, 'routine_operation', v.tokens.slice(m.first, m.last + 1).map((t) => t.text).join(' '));
    return;
  }
}
