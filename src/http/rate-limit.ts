import type { RequestHandler } from 'express';
import { LRUCache } from 'lru-cache';
import { AppError } from '../errors.js';
import type { ApiKey } from '../keys/key-store.js';
import { formatRateLimit, type RateLimit } from '../keys/rate-limit-spec.js';
import type { Authenticator } from './auth.js';
import type { RouteId } from './authorization.js';

/**
 * Per-key token buckets, in this replica's memory: with R replicas behind a balancer a key gets up to
 * R times its limit. That is enough for what the limit is for (one runaway agent must not take the
 * service from the others) without a shared store on every request's path.
 */
export interface RateLimiterOptions {
  /** Every key without a limit of its own; null: such keys are not limited. */
  perKey: RateLimit | null;
  /** How many keys' buckets are kept; the least recently used go (and come back full). */
  maxKeys?: number;
  /** Milliseconds on a clock that does not jump backwards; tests move it. */
  now?: () => number;
}

export type Take = { ok: true; limit: RateLimit; remaining: number } | { ok: false; limit: RateLimit; retryAfterS: number };

export interface RateLimiter {
  /** Takes one token from the key's bucket, or says how long until there is one; null when the key is not limited. */
  take(key: ApiKey): Take | null;
}

interface Bucket {
  tokens: number;
  at: number;
}

export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const now = options.now ?? (() => performance.now());
  const buckets = new LRUCache<string, Bucket>({ max: options.maxKeys ?? 100_000 });
  return {
    take(key) {
      const limit = key.rateLimit ?? options.perKey;
      if (!limit) return null;
      const t = now();
      const b = buckets.get(key.id) ?? { tokens: limit.burst, at: t };
      // A limit changed since the bucket was made (a re-created key, a new default) applies at once.
      b.tokens = Math.min(limit.burst, b.tokens + (Math.max(0, t - b.at) / 1000) * limit.perSecond);
      b.at = t;
      buckets.set(key.id, b);
      if (b.tokens >= 1) {
        b.tokens -= 1;
        return { ok: true, limit, remaining: Math.floor(b.tokens) };
      }
      // Whole seconds, as Retry-After takes them, and never 0: "now" would invite a tight retry loop.
      return { ok: false, limit, retryAfterS: Math.max(1, Math.ceil((1 - b.tokens) / limit.perSecond)) };
    },
  };
}

/**
 * The authenticator, with every key's requests counted against its bucket once the key is known.
 * Anonymous callers of open routes (a load balancer on /readyz) are not limited here.
 */
export function withRateLimit(auth: Authenticator, limiter: RateLimiter, onRefusal: (route: RouteId) => void = () => {}): Authenticator {
  return {
    guard(route) {
      const inner = auth.guard(route);
      const limit: RequestHandler = (_req, res, next) => {
        const key = res.locals.apiKey as ApiKey | undefined;
        const took = key ? limiter.take(key) : null;
        if (!took) return next();
        res.setHeader('RateLimit-Limit', String(took.limit.burst));
        if (took.ok) {
          res.setHeader('RateLimit-Remaining', String(took.remaining));
          return next();
        }
        onRefusal(route);
        res.setHeader('RateLimit-Remaining', '0');
        res.setHeader('Retry-After', String(took.retryAfterS));
        const detail = `this key's limit is ${formatRateLimit(took.limit)}; retry after ${took.retryAfterS} s. Give each agent a key of its own, so that one agent's burst does not throttle another`;
        // An agent that reads only the body must still see that it may not act.
        const extra =
          route === 'POST /v1/evaluate'
            ? { decision: 'escalate', reasons: [{ code: 'rate_limited', message: 'Too many evaluations with this API key; nothing was evaluated.' }], retry_after_s: took.retryAfterS }
            : { retry_after_s: took.retryAfterS };
        next(new AppError('rate_limited', detail, extra));
      };
      return (req, res, next) => inner(req, res, (err?: unknown) => (err ? next(err) : limit(req, res, next)));
    },
  };
}
