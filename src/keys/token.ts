import crypto from 'node:crypto';

// Tokens are `fsk_<id>_<secret>`: the id finds the row, the secret (256 bits, base64url) is checked
// against its SHA-256. A fast hash is right here: the secret is random, not a guessable password.
// The secret's last TAG_BYTES are an HMAC of the id and the secret's other bytes under the
// deployment's tag key (migration 0010), so a made-up or mistyped token is refused in memory, before
// any lookup: a flood of them costs the database nothing. 224 random bits remain.
const PREFIX = 'fsk_';
const ID_CHARS = 16;
const SECRET_CHARS = 43;
const SECRET_BYTES = 32;
const TAG_BYTES = 4;
const TOKEN_CHARS = PREFIX.length + ID_CHARS + 1 + SECRET_CHARS;

export interface ParsedToken {
  id: string;
  secret: string;
}

const isHexLower = (c: number) => (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66);
const isBase64Url = (c: number) => (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x2d || c === 0x5f;

function every(text: string, from: number, to: number, ok: (c: number) => boolean): boolean {
  for (let i = from; i < to; i++) if (!ok(text.charCodeAt(i))) return false;
  return true;
}

/** The parts of a well-formed token, or null: anything else is refused without asking the database. */
export function parseToken(token: string): ParsedToken | null {
  // A fixed length first, so the scan below is bounded whatever was sent.
  if (token.length !== TOKEN_CHARS || !token.startsWith(PREFIX)) return null;
  const idEnd = PREFIX.length + ID_CHARS;
  if (token.charCodeAt(idEnd) !== 0x5f) return null;
  if (!every(token, PREFIX.length, idEnd, isHexLower) || !every(token, idEnd + 1, TOKEN_CHARS, isBase64Url)) return null;
  return { id: token.slice(PREFIX.length, idEnd), secret: token.slice(idEnd + 1) };
}

export function newKeyId(): string {
  return crypto.randomBytes(8).toString('hex');
}

function tagOf(tagKey: Buffer, id: string, body: Buffer): Buffer {
  return crypto.createHmac('sha256', tagKey).update(`${PREFIX}${id}_`).update(body).digest().subarray(0, TAG_BYTES);
}

/** A new secret for key `id`, tagged under the deployment's tag key. */
export function newSecret(tagKey: Buffer, id: string): string {
  const body = crypto.randomBytes(SECRET_BYTES - TAG_BYTES);
  return Buffer.concat([body, tagOf(tagKey, id, body)]).toString('base64url');
}

/** Whether a well-formed token carries a valid tag: false for forged, mistyped and pre-tag tokens. */
export function hasValidTag(tagKey: Buffer, token: ParsedToken): boolean {
  const raw = Buffer.from(token.secret, 'base64url');
  if (raw.length !== SECRET_BYTES) return false;
  return crypto.timingSafeEqual(raw.subarray(SECRET_BYTES - TAG_BYTES), tagOf(tagKey, token.id, raw.subarray(0, SECRET_BYTES - TAG_BYTES)));
}

export const formatToken = (id: string, secret: string) => `${PREFIX}${id}_${secret}`;

export const secretDigest = (secret: string): string => crypto.createHash('sha256').update(secret).digest('hex');

/** Whether `secret` hashes to `storedHex`, in time that does not depend on where they differ. */
export function secretMatches(storedHex: string | null, secret: string): boolean {
  if (!storedHex) return false;
  const stored = Buffer.from(storedHex, 'hex');
  const given = Buffer.from(secretDigest(secret), 'hex');
  return stored.length === given.length && crypto.timingSafeEqual(stored, given);
}
