import crypto from 'node:crypto';

/**
 * A console session is a random token in an HttpOnly cookie. The database keeps only its SHA-256,
 * the id of the key it was opened with, and that key sealed (AES-256-GCM) under a key derived from
 * the token. So the browser never holds the API key, the database alone cannot use it, and every
 * request of the session presents the key to the same authenticator the API uses: a revoked key, or
 * a rotated-out secret past its grace, ends the session on the next request (within the
 * authenticator's cache TTL), with no rule of its own here.
 */

const TOKEN_BYTES = 32;
/** base64url of 32 bytes. */
export const SESSION_TOKEN_CHARS = 43;

export const newSessionToken = (): string => crypto.randomBytes(TOKEN_BYTES).toString('base64url');

/** Whether a cookie value has the shape of a session token (checked before any hashing or lookup). */
export function isSessionTokenShape(value: string): boolean {
  if (value.length !== SESSION_TOKEN_CHARS) return false;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    const ok = (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x2d || c === 0x5f;
    if (!ok) return false;
  }
  return true;
}

/** What the database keys a session by. */
export const sessionTokenHash = (token: string): string => crypto.createHash('sha256').update(`console-session\u0000${token}`).digest('hex');

// One key per purpose, derived from the token: the sealed API key, and the CSRF token of the session.
const derive = (token: string, purpose: string) => Buffer.from(crypto.hkdfSync('sha256', Buffer.from(token, 'utf8'), Buffer.alloc(0), `foresight-console/${purpose}`, 32));

const IV_BYTES = 12;
const TAG_BYTES = 16;

/** The API key, sealed under the session token; the session's hash is bound in as associated data. */
export function sealApiKey(sessionToken: string, apiKey: string): Buffer {
  const iv = crypto.randomBytes(IV_BYTES);
  const cipher = crypto.createCipheriv('aes-256-gcm', derive(sessionToken, 'api-key'), iv);
  cipher.setAAD(Buffer.from(sessionTokenHash(sessionToken)));
  const body = Buffer.concat([cipher.update(apiKey, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

/** The API key back, or null when the sealed value was not made with this token (or was altered). */
export function openApiKey(sessionToken: string, sealed: Buffer): string | null {
  if (sealed.length <= IV_BYTES + TAG_BYTES) return null;
  try {
    const decipher = crypto.createDecipheriv('aes-256-gcm', derive(sessionToken, 'api-key'), sealed.subarray(0, IV_BYTES));
    decipher.setAAD(Buffer.from(sessionTokenHash(sessionToken)));
    decipher.setAuthTag(sealed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(sealed.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}

/** The CSRF token of a session: per session, unguessable without the cookie, nothing stored. */
export const csrfTokenOf = (sessionToken: string): string => derive(sessionToken, 'csrf').toString('base64url');

/** Whether `given` is the CSRF token of `expected`, in time that does not depend on where they differ. */
export function sameToken(expected: string, given: unknown): boolean {
  if (typeof given !== 'string' || given.length !== expected.length) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}
