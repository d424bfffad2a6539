import crypto from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { CanonicalText, canonicalJson } from '../lib/canonical-json.js';
import type { LoadedDomain } from '../packs/load-domains.js';
import type { Reading } from '../packs/reading/reading.js';
import type { ActionInput, Features } from '../packs/types.js';
import { gates, type GateResult } from './gates.js';

/** What an evaluation works out from the request alone, before it asks the store or the model. */
export interface Prepared {
  reading: Reading;
  features: Features;
  gate: GateResult;
  /** The parts of the pending-escalation key taken from the reading, written once as canonical JSON. */
  pendingParts: { facts: CanonicalText; action: CanonicalText; unread: CanonicalText };
}

/** Distinct requests per domain whose preparation is kept. */
const PREPARED_KEPT = 1_000;
/**
 * And at most this many characters of what they hold (the reading's free text and facts), so a stream
 * of large distinct requests (the body limit allows a quarter of a megabyte) cannot make the memo big.
 */
const PREPARED_MAX_CHARS = 16_000_000;

/** What one kept preparation holds, in characters (the key is a 64-character digest). */
const sizeOf = (p: Prepared): number => 64 + p.reading.text.length + p.pendingParts.facts.text.length + p.pendingParts.unread.text.length + 1_000;

/**
 * Per loaded domain (a reload makes a new one, so its entries go with the old packs): the reading, its
 * features and the gates are pure functions of the validated state and action and of the domain, and
 * agents ask about the same situation again and again (re-checks, retries). Bounded; a hit is the same
 * objects as the first answer's, which nothing downstream changes (copies are made where values are
 * rewritten, as in sealing personal data).
 */
const byDomain = new WeakMap<LoadedDomain, LRUCache<string, Prepared>>();

function prepare(domain: LoadedDomain, state: Record<string, unknown>, action: ActionInput): Prepared {
  const reading = domain.read(state, action);
  const { effect, kind, disposition } = reading.action;
  return {
    reading,
    features: domain.module.featurize(reading),
    gate: gates(domain, reading),
    pendingParts: {
      facts: CanonicalText.of(reading.facts),
      action: CanonicalText.of({ effect, kind, disposition: disposition ?? null }),
      // What the reading could not read keys by the words themselves, as a set.
      unread: CanonicalText.of([...new Set(reading.unread.unknown)].sort()),
    },
  };
}

/** The request's reading, features and gates: worked out once per distinct request and domain. */
export function prepared(domain: LoadedDomain, state: Record<string, unknown>, action: ActionInput): Prepared {
  let kept = byDomain.get(domain);
  if (!kept) byDomain.set(domain, (kept = new LRUCache<string, Prepared>({ max: PREPARED_KEPT, maxSize: PREPARED_MAX_CHARS, sizeCalculation: sizeOf })));
  // Keyed by a digest of the request, not the request itself: a key costs 64 characters whatever its size.
  const key = crypto.createHash('sha256').update(canonicalJson(state)).update('\u0000').update(canonicalJson(action)).digest('hex');
  let hit = kept.get(key);
  if (!hit) kept.set(key, (hit = prepare(domain, state, action)));
  return hit;
}
