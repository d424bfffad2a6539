import crypto from 'node:crypto';
import type { RequestHandler, Response } from 'express';
import { LRUCache } from 'lru-cache';
import { AppError } from '../errors.js';
import type { ApiKey, KeyStore } from '../keys/key-store.js';
import { parseToken } from '../keys/token.js';
import { isOpen, rolesOf, scopeOf, type RouteId } from './authorization.js';

export interface Authenticator {
  /**
   * Admits to `route` only the roles the authorisation table lists for it, and puts the key on
   * `res.locals.apiKey`. On an open route nobody is refused; a valid key is still recognised, so
   * the route can show that role more.
   */
  guard(route: RouteId): RequestHandler;
}

export interface AuthenticatorOptions {
  /** How long a verified key is trusted without asking the store again (0: every request asks). */
  ttlMs?: number;
  /** The same clock as the key store's, so a grace period ends at one instant for both. */
  now?: () => Date;
  /** How many verified keys the cache keeps. */
  maxKeys?: number;
  /** How many refused tokens are remembered, in a cache of their own so they never push out real keys. */
  maxUnknown?: number;
}

/** The key that passed the guard. */
export function callerKey(res: Response): ApiKey {
  const key = res.locals.apiKey as ApiKey | undefined;
  if (!key) throw new AppError('internal', 'route has no auth guard');
  return key;
}

/** The key of an open route's caller, if it sent a valid one. */
export function optionalCallerKey(res: Response): ApiKey | undefined {
  return res.locals.apiKey as ApiKey | undefined;
}

function tokenOf(header: string | undefined, apiKeyHeader: string | undefined): string | undefined {
  if (apiKeyHeader) return apiKeyHeader.trim();
  const m = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return m?.[1];
}

// Cached by a digest of the token, so the process's memory holds no usable secrets.
const cacheKey = (token: string) => crypto.createHash('sha256').update(token).digest('base64url');

type Lookup = { ok: true; key: ApiKey } | { ok: false; reason: 'malformed' | 'unknown' };

/**
 * API keys → roles, by the authorisation table. A verified key is cached for at most `ttlMs`, and
 * never beyond the end of a rotated-out secret's grace period, so a revocation or the end of a grace
 * takes effect within the TTL on every replica. Malformed tokens are refused before any lookup.
 */
export function createAuthenticator(keys: KeyStore, options: AuthenticatorOptions = {}): Authenticator {
  const ttlMs = options.ttlMs ?? 5_000;
  const now = options.now ?? (() => new Date());
  const known = new LRUCache<string, { key: ApiKey; until: number }>({ max: options.maxKeys ?? 10_000 });
  const refused = new LRUCache<string, { until: number }>({ max: options.maxUnknown ?? 10_000 });

  const lookup = async (token: string): Promise<Lookup> => {
    if (!parseToken(token)) return { ok: false, reason: 'malformed' };
    if (ttlMs <= 0) {
      const verified = await keys.verify(token);
      return verified ? { ok: true, key: verified.key } : { ok: false, reason: 'unknown' };
    }
    const id = cacheKey(token);
    const t = now().getTime();
    const hit = known.get(id);
    if (hit && hit.until > t) return { ok: true, key: hit.key };
    if (hit) known.delete(id);
    const miss = refused.get(id);
    if (miss && miss.until > t) return { ok: false, reason: 'unknown' };
    const verified = await keys.verify(token);
    if (!verified) {
      refused.set(id, { until: t + ttlMs });
      return { ok: false, reason: 'unknown' };
    }
    refused.delete(id);
    const until = Math.min(t + ttlMs, verified.validUntil?.getTime() ?? Infinity);
    known.set(id, { key: verified.key, until });
    return { ok: true, key: verified.key };
  };

  return {
    guard(route) {
      const open = isOpen(route);
      return async (req, res, next) => {
        const token = tokenOf(req.get('authorization'), req.get('x-api-key'));
        if (!token) {
          if (open) return next();
          return next(new AppError('unauthenticated', 'send the key as "Authorization: Bearer <key>"'));
        }
        // An open route must answer while the database is down (that is what /readyz reports), so a
        // key it cannot check there makes the caller anonymous instead of failing the request.
        const found: Lookup = open ? await lookup(token).catch(() => ({ ok: false, reason: 'unknown' }) as const) : await lookup(token);
        if (!found.ok) {
          if (open) return next();
          return next(
            new AppError(
              'unauthenticated',
              found.reason === 'malformed' ? 'the API key is malformed: keys look like fsk_<id>_<secret>' : 'the API key is unknown, revoked or rotated out',
            ),
          );
        }
        if (!open && scopeOf(route, found.key.role) === undefined) {
          return next(new AppError('forbidden', `${route} needs one of: ${rolesOf(route).join(', ')}; the key has role '${found.key.role}'`));
        }
        res.locals.apiKey = found.key;
        next();
      };
    },
  };
}
