import { identifierParts, tokenize, type PhraseMatch } from '../reading/text.js';
import { GUARD_OFF } from './read-action-text.js';
import type { ReadContext } from './read-context.js';

/**
 * The safeguards an identifier names: a CLI flag ("--no-enable-flow-logs"), a subcommand
 * ("flow-log delete"), the last segment of an API path ("identitySecurityDefaultsEnforcementPolicy").
 * Its words are split at dashes, underscores and lower-to-upper case changes and read with the
 * catalogue's vocabulary; a safeguard inside a name of something else ("basic auth", a legacy
 * protocol; "firewall" in "firewall-rules", a network rule) is that other thing. Returns the hazard that switching each one off opens (`GUARD_OFF`).
 */

const MAX_NAME = 200;

/** "identitySecurityDefaults_policy" → "identity security defaults policy". */
export function identifierWords(name: string): string {
  return identifierParts(name, MAX_NAME, true).join(' ');
}

/** Inside a longer name of something else, or the same words naming a thing too ("firewall" of "firewall-rules" is a rule). */
function covered(m: PhraseMatch, all: readonly PhraseMatch[]): boolean {
  return all.some((o) => {
    if (o === m || o.concept.startsWith('guard.') || o.concept === 'general' || o.concept.startsWith('op.') || o.first > m.first || o.last < m.last) return false;
    return o.last - o.first > m.last - m.first || o.concept.startsWith('obj.');
  });
}

/** A name written glued and in one case ("protectedfromaccidentaldeletion"): the safeguard whose whole phrase it spells. */
function gluedSafeguard(ctx: ReadContext, name: string): string | undefined {
  const glued = name.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (glued.length < 6 || glued.length > MAX_NAME) return undefined;
  for (const [concept, hazard] of Object.entries(GUARD_OFF)) {
    if ((ctx.catalogue.concepts.get(concept) ?? []).some((p) => p.includes(' ') && p.replace(/[^a-z0-9]/gi, '').toLowerCase() === glued)) return hazard;
  }
  return undefined;
}

export function safeguardsNamed(ctx: ReadContext, name: string): string[] {
  const matches = ctx.catalogue.vocabulary.match(tokenize(identifierWords(name)), []);
  const out: string[] = [];
  const glued = matches.length === 0 ? gluedSafeguard(ctx, name) : undefined;
  if (glued) out.push(glued);
  for (const m of matches) {
    const hazard = GUARD_OFF[m.concept];
    if (hazard && !covered(m, matches) && !out.includes(hazard)) out.push(hazard);
  }
  return out;
}
