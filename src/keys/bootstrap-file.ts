import fs from 'node:fs';
import path from 'node:path';
import type { CreatedKey } from './key-store.js';

export const BOOTSTRAP_KEYS_FILE = 'bootstrap-keys.txt';

/**
 * Writes first-start keys to a file only this user can read, under DATA_DIR: logs are shipped,
 * kept and read by many, so a key must never be in them. Never overwrites: if the file is already
 * there (from an earlier database), the keys go to a new file with the time in its name.
 * Returns the file's path. Lines are `<role> <token>`, after comment lines starting with `#`.
 */
export function writeBootstrapKeys(dataDir: string, keys: readonly CreatedKey[], now: Date = new Date()): string {
  fs.mkdirSync(dataDir, { recursive: true });
  const text =
    `# Foresight: one API key per role, created on first start at ${now.toISOString()}.\n` +
    `# They are nowhere else (the database keeps only hashes). Store them, then delete this file.\n` +
    keys.map((k) => `${k.role.padEnd(10)} ${k.token}`).join('\n') +
    '\n';
  const stamp = now.toISOString().replaceAll(':', '-').replace('.', '-');
  for (const name of [BOOTSTRAP_KEYS_FILE, `bootstrap-keys-${stamp}.txt`]) {
    const file = path.join(dataDir, name);
    let fd: number;
    try {
      // `wx`: created here or not at all, so no one else's file (or symlink) is written through.
      fd = fs.openSync(file, 'wx', 0o600);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw err;
    }
    try {
      fs.fchmodSync(fd, 0o600);
      fs.writeSync(fd, text);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    return file;
  }
  throw new Error(`${path.join(dataDir, BOOTSTRAP_KEYS_FILE)} and its fallback already exist`);
}
