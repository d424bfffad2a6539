import crypto, { type KeyObject } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/** Signs sealed blocks. Only the public half ever reaches the database, stored under its id. */
export interface AuditSigner {
  readonly keyId: string;
  readonly publicKeyPem: string;
  sign(data: Buffer): string;
}

// The PKCS#8 prefix of an Ed25519 private key, so a bare 32-byte seed (base64) is accepted as well.
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

export class SigningKeyError extends Error {
  override name = 'SigningKeyError';
}

/** An id that follows from the public key itself, so a rotated key can never be mistaken for the old one. */
export function keyIdOf(publicKey: KeyObject | string): string {
  const key = typeof publicKey === 'string' ? crypto.createPublicKey(publicKey) : publicKey;
  const der = key.export({ type: 'spki', format: 'der' });
  return `ed25519:${crypto.createHash('sha256').update(der).digest('hex').slice(0, 16)}`;
}

/** AUDIT_SIGNING_KEY as given: a PEM private key, base64 of its PKCS#8 DER, or base64 of a 32-byte seed. */
export function parseSigningKey(text: string): KeyObject {
  const trimmed = text.trim();
  let key: KeyObject;
  try {
    if (trimmed.startsWith('-----BEGIN')) key = crypto.createPrivateKey(trimmed);
    else {
      const der = Buffer.from(trimmed, 'base64');
      key = crypto.createPrivateKey({ key: der.length === 32 ? Buffer.concat([ED25519_PKCS8_PREFIX, der]) : der, format: 'der', type: 'pkcs8' });
    }
  } catch (err) {
    throw new SigningKeyError(`the audit signing key cannot be read: ${(err as Error).message}`);
  }
  if (key.asymmetricKeyType !== 'ed25519') throw new SigningKeyError(`the audit signing key must be Ed25519, not ${key.asymmetricKeyType}`);
  return key;
}

export function signerFrom(privateKey: KeyObject): AuditSigner {
  const publicKey = crypto.createPublicKey(privateKey);
  return {
    keyId: keyIdOf(publicKey),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    sign: (data) => crypto.sign(null, data, privateKey).toString('base64'),
  };
}

/** A new Ed25519 private key as PEM: what `AUDIT_SIGNING_KEY` expects. */
export function generateSigningKeyPem(): string {
  return crypto.generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
}

/**
 * The embedded default keeps its key next to its database, readable by the owner only, created on
 * first start. A key file others can read is refused: anyone who can read it can forge checkpoints.
 */
export function loadOrCreateKeyFile(file: string): { signer: AuditSigner; created: boolean } {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  let created = false;
  try {
    fs.writeFileSync(file, generateSigningKeyPem(), { mode: 0o600, flag: 'wx' });
    created = true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  const mode = fs.statSync(file).mode & 0o777;
  if (process.platform !== 'win32' && (mode & 0o077) !== 0) {
    throw new SigningKeyError(`${file} is readable by others (mode ${mode.toString(8)}); chmod 600 it`);
  }
  return { signer: signerFrom(parseSigningKey(fs.readFileSync(file, 'utf8'))), created };
}
