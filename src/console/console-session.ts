import type { Request, RequestHandler, Response } from 'express';
import { AppError } from '../errors.js';
import { optionalCallerKey, type Authenticator } from '../http/auth.js';
import type { ApiKey } from '../keys/key-store.js';
import { parseToken } from '../keys/token.js';
import type { ConsoleRouteId } from './console-access.js';
import type { ConsoleStore } from './console-store.js';
import { clearCookie, cookieOf, setCookie } from './cookies.js';
import { csrfTokenOf, isSessionTokenShape, newSessionToken, openApiKey, sameToken, sealApiKey, sessionTokenHash } from './session-token.js';

export const SESSION_COOKIE = 'foresight_console';
/** Before sign-in: the double-submitted token of the sign-in form (no session yet to tie it to). */
export const SIGN_IN_COOKIE = 'foresight_console_sign_in';

/** The session a request came with, once its key has passed the guard. */
export interface ActiveSession {
  tokenHash: string;
  keyId: string;
  csrf: string;
  expiresAt: Date;
}

export interface SessionDeps {
  auth: Authenticator;
  store: ConsoleStore;
  now: () => Date;
  sessionTtlMs: number;
}

const startsWithBearer = (h: string | undefined) => h !== undefined && h.length > 7 && h.slice(0, 7).toLowerCase() === 'bearer ';

/**
 * Whether the request carries a key itself (a program, or the role-matrix test). Such a request is
 * authenticated like any API call; no cookie is involved, so there is nothing to forge and no CSRF
 * token to check. A browser never sends these headers to another site's origin on its own.
 */
export const carriesKey = (req: Request) => startsWithBearer(req.get('authorization')) || req.get('x-api-key') !== undefined;

/** The token the authenticator will check: `x-api-key` first, else the Bearer token (as src/http/auth.ts reads them). */
function presentedToken(req: Request): string | undefined {
  const apiKey = req.get('x-api-key');
  if (apiKey !== undefined) return apiKey.trim();
  const h = req.get('authorization');
  return startsWithBearer(h) ? h!.slice(7).trim() : undefined;
}

/** Runs the API's own guard on this request, and resolves with what it passed to `next`. */
function runGuard(guard: RequestHandler, req: Request, res: Response): Promise<unknown> {
  return new Promise((resolve, reject) => {
    try {
      Promise.resolve(guard(req, res, (err?: unknown) => resolve(err))).catch(reject);
    } catch (err) {
      reject(err);
    }
  });
}

export const activeSession = (res: Response): ActiveSession | undefined => res.locals.consoleSession as ActiveSession | undefined;
export const sessionEnded = (res: Response): boolean => res.locals.consoleSessionEnded === true;

export function consoleSessions(deps: SessionDeps) {
  /** The session of a cookie, with the key it was opened with, or undefined (expired, signed out, key revoked, altered). */
  const open = async (token: string): Promise<(ActiveSession & { apiKey: string }) | undefined> => {
    if (!isSessionTokenShape(token)) return undefined;
    const row = await deps.store.session(sessionTokenHash(token), deps.now());
    if (!row) return undefined;
    const apiKey = openApiKey(token, row.sealedKey);
    // Bound to the key it was opened with: a sealed value moved to another row opens nothing.
    if (apiKey === null || parseToken(apiKey)?.id !== row.keyId) return undefined;
    return { tokenHash: row.tokenHash, keyId: row.keyId, csrf: csrfTokenOf(token), expiresAt: row.expiresAt, apiKey };
  };

  const end = async (req: Request, res: Response, tokenHash?: string) => {
    if (tokenHash) await deps.store.endSession(tokenHash);
    clearCookie(req, res, SESSION_COOKIE);
    res.locals.consoleSessionEnded = true;
    res.locals.consoleSession = undefined;
  };

  /**
   * The console's guard: the session cookie's key goes through the API's authenticator for `route`
   * (its cache, revocation, rotation grace, rate limit and the role table), and every POST that a
   * session authenticates must carry the session's CSRF token.
   */
  const guard =
    (route: ConsoleRouteId): RequestHandler =>
    async (req, res, next) => {
      let session: (ActiveSession & { apiKey: string }) | undefined;
      if (!carriesKey(req)) {
        // Only the session speaks for a browser: an Authorization header of another scheme is dropped.
        delete req.headers.authorization;
        const token = cookieOf(req, SESSION_COOKIE);
        if (token !== undefined) {
          session = await open(token);
          if (session) req.headers.authorization = `Bearer ${session.apiKey}`;
          // Expired, or its key revoked: the row goes too (deleting a row that is not there is harmless).
          else await end(req, res, isSessionTokenShape(token) ? sessionTokenHash(token) : undefined);
        }
      }
      let refused: unknown;
      try {
        refused = await runGuard(deps.auth.guard(route), req, res);
      } finally {
        // The key is needed by the guard only; nothing after it reads the header.
        if (session) delete req.headers.authorization;
      }
      if (refused) {
        if (session && refused instanceof AppError && refused.code === 'unauthenticated') await end(req, res, session.tokenHash);
        return next(refused);
      }
      if (session) {
        const key = optionalCallerKey(res);
        // On an open route the guard lets a key it no longer accepts through as anonymous: the session is over.
        if (!key || key.id !== session.keyId) {
          res.locals.apiKey = undefined;
          await end(req, res, session.tokenHash);
        } else {
          res.locals.consoleSession = { tokenHash: session.tokenHash, keyId: session.keyId, csrf: session.csrf, expiresAt: session.expiresAt } satisfies ActiveSession;
          if (req.method === 'POST') {
            const given = (req.body as Record<string, unknown> | undefined)?.csrf ?? req.get('x-csrf-token');
            if (!sameToken(session.csrf, given)) return next(new AppError('forbidden', "the form's CSRF token is missing or wrong: reload the page and try again"));
          }
        }
      }
      next();
    };

  /**
   * Before the sign-in route's guard: a key pasted into the form becomes the credential the guard
   * checks, once the form's double-submitted token matches its cookie (so no other site can sign a
   * browser in to someone else's key).
   */
  const signInCredential: RequestHandler = (req, res, next) => {
    if (carriesKey(req)) return next();
    delete req.headers.authorization;
    const body = (req.body ?? {}) as Record<string, unknown>;
    const pasted = typeof body.key === 'string' ? body.key.trim() : '';
    delete body.key;
    // Nothing pasted: the guard answers as to any request without a key.
    if (!pasted) return next();
    const expected = cookieOf(req, SIGN_IN_COOKIE);
    if (!expected || !isSessionTokenShape(expected) || !sameToken(expected, body.csrf)) {
      return next(new AppError('forbidden', 'the sign-in form has expired: reload the page and sign in again'));
    }
    req.headers.authorization = `Bearer ${pasted}`;
    next();
  };

  /** Opens a session for the key that just passed the sign-in guard; ends the one the browser had. */
  const signIn = async (req: Request, res: Response, key: ApiKey): Promise<void> => {
    const apiKey = presentedToken(req);
    delete req.headers.authorization;
    if (!apiKey) throw new AppError('unauthenticated', 'paste an API key');
    const previous = cookieOf(req, SESSION_COOKIE);
    if (previous !== undefined && isSessionTokenShape(previous)) await deps.store.endSession(sessionTokenHash(previous));
    const token = newSessionToken();
    const now = deps.now();
    await deps.store.openSession({
      tokenHash: sessionTokenHash(token),
      keyId: key.id,
      sealedKey: sealApiKey(token, apiKey),
      createdAt: now,
      expiresAt: new Date(now.getTime() + deps.sessionTtlMs),
    });
    await deps.store.prune(now, new Date(now.getTime() - 24 * 3_600_000));
    setCookie(req, res, { name: SESSION_COOKIE, value: token, maxAgeSeconds: deps.sessionTtlMs / 1000 });
    clearCookie(req, res, SIGN_IN_COOKIE);
  };

  /** The sign-in form's token: the one its cookie holds, or a new one (and its cookie). */
  const signInToken = (req: Request, res: Response): string => {
    const held = cookieOf(req, SIGN_IN_COOKIE);
    if (held !== undefined && isSessionTokenShape(held)) return held;
    const fresh = newSessionToken();
    setCookie(req, res, { name: SIGN_IN_COOKIE, value: fresh, maxAgeSeconds: 3600 });
    return fresh;
  };

  const signOut = async (req: Request, res: Response): Promise<void> => {
    const s = activeSession(res);
    await end(req, res, s?.tokenHash);
  };

  return { guard, signInCredential, signIn, signInToken, signOut };
}
