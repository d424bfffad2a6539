import type { RateLimit } from './rate-limit-spec.js';

/**
 * Who may do what is decided per role (src/http/authorization.ts); no role may do everything:
 * - `agent` evaluates, reads its own evaluations and reports their outcomes;
 * - `supervisor` reviews and signs off, optionally only in some domains;
 * - `auditor` reads everything, replays, verifies and sees calibration;
 * - `operator` reads metrics and health details;
 * - `admin` manages keys and cases, and does not sign off.
 */
export const ROLES = ['agent', 'supervisor', 'auditor', 'operator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface ApiKey {
  id: string;
  name: string;
  role: Role;
  /** The person or system the key belongs to: the actor recorded for everything done with it. */
  owner: string;
  /** A supervisor's scope; null means every domain (and always null for the other roles). */
  domains: string[] | null;
  createdAt: Date;
  revokedAt: Date | null;
  /** When the secret was last replaced. */
  rotatedAt: Date | null;
  /** The key's own token bucket; null or absent: the service's default (RATE_LIMIT_PER_KEY). */
  rateLimit?: RateLimit | null;
}

export interface NewKey {
  name: string;
  role: Role;
  owner: string;
  /** Only for supervisors: the domains they may review. Omitted: all. */
  domains?: string[];
  /** The key's own rate limit. Omitted: the service's default. */
  rateLimit?: RateLimit;
}

export interface CreatedKey extends ApiKey {
  /** The only time the secret exists in the clear. */
  token: string;
}

/** A key that a token proves, and until when that proof holds without asking again. */
export interface VerifiedKey {
  key: ApiKey;
  /**
   * Set when the token is a rotated-out secret inside its grace period: it stops working then,
   * whatever any cache says. Null for the current secret (it works until revoked or rotated).
   */
  validUntil: Date | null;
}

export interface Rotation {
  key: CreatedKey;
  /** Until when the previous secret keeps working; null when it stopped at once. */
  previousValidUntil: Date | null;
}

export interface KeyStore {
  create(spec: NewKey): Promise<CreatedKey>;
  /** The key a token belongs to, if the token is well formed, known, current (or in grace) and not revoked. */
  verify(token: string): Promise<VerifiedKey | null>;
  get(id: string): Promise<ApiKey | null>;
  list(): Promise<ApiKey[]>;
  /** A new secret for a live key; the old one keeps working for `graceMs` (0: stops now). Null if no live key has that id. */
  rotate(id: string, graceMs: number): Promise<Rotation | null>;
  revoke(id: string): Promise<boolean>;
  count(): Promise<number>;
}

/** A request for a key that cannot be granted as asked (a blank owner, a scope on a non-supervisor). */
export class KeySpecError extends Error {
  override name = 'KeySpecError';
}

const DOMAIN_NAME = /^[a-z][a-z0-9_]{0,63}$/;

/** Checks and tidies a key request before anything is stored. */
export function normaliseNewKey(spec: NewKey): Required<Omit<NewKey, 'domains' | 'rateLimit'>> & { domains: string[] | null; rateLimit: RateLimit | null } {
  if (!ROLES.includes(spec.role)) throw new KeySpecError(`the role must be one of ${ROLES.join(', ')}`);
  const name = spec.name?.trim() ?? '';
  const owner = spec.owner?.trim() ?? '';
  if (!name || name.length > 200) throw new KeySpecError('a key needs a name (at most 200 characters)');
  if (!owner || owner.length > 200) throw new KeySpecError('a key needs an owner: the person or system it belongs to (at most 200 characters)');
  let domains: string[] | null = null;
  if (spec.domains !== undefined) {
    if (spec.role !== 'supervisor') throw new KeySpecError('only supervisor keys can be scoped to domains');
    domains = [...new Set(spec.domains.map((d) => d.trim()).filter(Boolean))].sort();
    if (domains.length === 0) throw new KeySpecError('a domain scope needs at least one domain');
    const bad = domains.find((d) => !DOMAIN_NAME.test(d));
    if (bad) throw new KeySpecError(`'${bad}' is not a domain name`);
  }
  const rl = spec.rateLimit;
  if (rl && !(Number.isFinite(rl.perSecond) && rl.perSecond > 0 && Number.isInteger(rl.burst) && rl.burst >= 1)) {
    throw new KeySpecError('a rate limit is a positive rate and a burst of at least one request');
  }
  return { name, role: spec.role, owner, domains, rateLimit: rl ? { perSecond: rl.perSecond, burst: rl.burst } : null };
}
