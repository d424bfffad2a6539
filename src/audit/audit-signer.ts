import path from 'node:path';
import { ConfigError, type Config } from '../config.js';
import { generateSigningKeyPem, loadOrCreateKeyFile, parseSigningKey, signerFrom, type AuditSigner } from './signing-key.js';

export const KEY_FILE = 'audit-signing-key.pem';

/**
 * The key that signs blocks. Configured (AUDIT_SIGNING_KEY) wins. With a PostgreSQL server it must be
 * configured: replicas must share it, and a key generated on one machine's disk would be lost with it.
 * The embedded default keeps a generated key under DATA_DIR (0600), beside its database; an
 * in-memory database gets an in-memory key.
 */
export function auditSignerFor(config: Config, pgliteDir: string): { signer: AuditSigner; generated?: string } {
  if (config.audit.signingKey) return { signer: signerFrom(parseSigningKey(config.audit.signingKey)) };
  if (config.database.url) {
    throw new ConfigError(
      'invalid configuration: AUDIT_SIGNING_KEY is required with DATABASE_URL (an Ed25519 private key, PEM or base64; ' +
        "make one with: node -e \"console.log(require('crypto').generateKeyPairSync('ed25519').privateKey.export({type:'pkcs8',format:'der'}).toString('base64'))\")",
    );
  }
  if (pgliteDir.startsWith('memory://')) return { signer: signerFrom(parseSigningKey(generateSigningKeyPem())) };
  const file = path.join(config.dataDir, KEY_FILE);
  const { signer, created } = loadOrCreateKeyFile(file);
  return { signer, generated: created ? file : undefined };
}
