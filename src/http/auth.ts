import type { RequestHandler } from 'express';
import { LRUCache } from 'lru-cache';
import { AppError } from '../errors.js';
import type { ApiKey, KeyStore, Role } from '../keys/key-store.js';

export interface Authenticator {
  require(...roles: Role[]): RequestHandler;
}

function tokenOf(header: string | undefined, apiKeyHeader: string | undefined): string | undefined {
  if (apiKeyHeader) return apiKeyHeader.trim();
  const m = /^Bearer\s+(\S+)$/i.exec(header ?? '');
  return m?.[1];
}

/**
 * API keys → roles. Verified keys are cached briefly so a hot path does not hit the database on
 * every request; a revocation takes effect within `cacheTtlMs`. `admin` may do everything.
 */
export function createAuthenticator(keys: KeyStore, cacheTtlMs = 5_000): Authenticator {
  const cache = new LRUCache<string, { key: ApiKey | null }>({ max: 10_000, ttl: Math.max(cacheTtlMs, 1) });
  const lookup = async (token: string) => {
    if (cacheTtlMs <= 0) return keys.verify(token);
    const hit = cache.get(token);
    if (hit) return hit.key;
    const key = await keys.verify(token);
    cache.set(token, { key });
    return key;
  };
  return {
    require: (...roles) => async (req, res, next) => {
      const token = tokenOf(req.get('authorization'), req.get('x-api-key'));
      if (!token) return next(new AppError('unauthenticated', 'send the key as "Authorization: Bearer <key>"'));
      const key = await lookup(token);
      if (!key) return next(new AppError('unauthenticated', 'the API key is unknown or revoked'));
      if (key.role !== 'admin' && !roles.includes(key.role)) {
        return next(new AppError('forbidden', `this route needs one of: ${roles.join(', ')}; the key has role '${key.role}'`));
      }
      res.locals.apiKey = key;
      next();
    },
  };
}
