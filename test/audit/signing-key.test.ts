import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { auditSignerFor, KEY_FILE } from '../../src/audit/audit-signer.js';
import { keyIdOf, loadOrCreateKeyFile, parseSigningKey, signerFrom, SigningKeyError } from '../../src/audit/signing-key.js';
import { ConfigError, loadConfig } from '../../src/config.js';
import { createContainer } from '../../src/container.js';
import { createLogger } from '../../src/logger.js';
import { POSTGRES_URL } from '../support/engines.js';

const dirs: string[] = [];
const tempDir = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'foresight-key-'));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe('the audit signing key', () => {
  it('when the embedded database starts for the first time, then a key is generated under DATA_DIR, mode 0600, and the same key is used on the next start', () => {
    const dataDir = tempDir();
    const config = loadConfig({ DATA_DIR: dataDir });
    const first = auditSignerFor(config, path.join(dataDir, 'pglite'));
    const file = path.join(dataDir, KEY_FILE);
    expect(first.generated).toBe(file);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const second = auditSignerFor(config, path.join(dataDir, 'pglite'));
    expect(second.generated).toBeUndefined();
    expect(second.signer.keyId).toBe(first.signer.keyId);
  });

  it('when the key file is readable by others, then it is refused', () => {
    const file = path.join(tempDir(), KEY_FILE);
    loadOrCreateKeyFile(file);
    fs.chmodSync(file, 0o644);
    expect(() => loadOrCreateKeyFile(file)).toThrow(SigningKeyError);
    expect(() => loadOrCreateKeyFile(file)).toThrow(/readable by others/);
  });

  it('when a PostgreSQL server is configured without AUDIT_SIGNING_KEY, then start-up refuses and says how to make one', async () => {
    const config = loadConfig({ DATABASE_URL: POSTGRES_URL, LOG_LEVEL: 'silent' });
    await expect(createContainer(config, { logger: createLogger('silent') })).rejects.toThrow(ConfigError);
    await expect(createContainer(config, { logger: createLogger('silent') })).rejects.toThrow(/AUDIT_SIGNING_KEY is required with DATABASE_URL/);
  });

  it('when AUDIT_SIGNING_KEY is given as PEM, as base64 PKCS#8, or as a base64 seed, then each is the same key; anything else stops start-up naming it', () => {
    const { privateKey } = crypto.generateKeyPairSync('ed25519');
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const der = privateKey.export({ type: 'pkcs8', format: 'der' });
    const ids = [pem, der.toString('base64'), der.subarray(-32).toString('base64')].map((text) => keyIdOf(crypto.createPublicKey(parseSigningKey(text))));
    expect(new Set(ids).size).toBe(1);
    expect(signerFrom(parseSigningKey(pem)).keyId).toBe(ids[0]);
    expect(() => loadConfig({ AUDIT_SIGNING_KEY: 'not a key' })).toThrow(/AUDIT_SIGNING_KEY/);
    const rsa = crypto.generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    expect(() => loadConfig({ AUDIT_SIGNING_KEY: rsa })).toThrow(/must be Ed25519/);
  });
});
