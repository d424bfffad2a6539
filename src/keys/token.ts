import crypto from 'node:crypto';

// Tokens are `fsk_<id>_<secret>`: the id finds the row, the secret (256 random bits) is checked
// against its SHA-256. A fast hash is right here: the secret is random, not a guessable password.
const TOKEN = /^fsk_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;

export interface ParsedToken {
  id: string;
  secret: string;
}

/** The parts of a well-formed token, or null: anything else is refused without asking the database. */
export function parseToken(token: string): ParsedToken | null {
  const m = TOKEN.exec(token);
  return m ? { id: m[1], secret: m[2] } : null;
}

export function newKeyId(): string {
  return crypto.randomBytes(8).toString('hex');
}

export function newSecret(): string {
  return crypto.randomBytes(32).toString('base64url');
}

export const formatToken = (id: string, secret: string) => `fsk_${id}_${secret}`;

export const secretDigest = (secret: string): string => crypto.createHash('sha256').update(secret).digest('hex');

/** Whether `secret` hashes to `storedHex`, in time that does not depend on where they differ. */
export function secretMatches(storedHex: string | null, secret: string): boolean {
  if (!storedHex) return false;
  const stored = Buffer.from(storedHex, 'hex');
  const given = Buffer.from(secretDigest(secret), 'hex');
  return stored.length === given.length && crypto.timingSafeEqual(stored, given);
}
