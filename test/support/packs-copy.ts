import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/lib/project-root.js';

/** A PACKS_DIR of a test's own, to edit: the shipped packs and policies, with the banks linked (read-only), not copied. */
export interface PacksCopy {
  dir: string;
  read(file: string): string;
  /** Replaces a file (relative to the copy) in one rename, as an editor or a deploy would. */
  write(file: string, text: string): void;
  /** The version the service gives a policy file with this text. */
  versionOf(text: string): string;
  remove(): void;
}

export function copyPacks(): PacksCopy {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'foresight-packs-'));
  fs.cpSync(path.join(PROJECT_ROOT, 'policies'), path.join(dir, 'policies'), { recursive: true });
  for (const domain of fs.readdirSync(path.join(PROJECT_ROOT, 'domains'))) {
    const from = path.join(PROJECT_ROOT, 'domains', domain);
    if (!fs.statSync(from).isDirectory()) continue;
    fs.mkdirSync(path.join(dir, 'domains', domain), { recursive: true });
    for (const file of fs.readdirSync(from)) {
      const target = path.join(dir, 'domains', domain, file);
      // The banks are megabytes: linked. `write` replaces a link rather than writing through it.
      if (file.endsWith('.jsonl')) fs.symlinkSync(path.join(from, file), target);
      else fs.copyFileSync(path.join(from, file), target);
    }
  }
  return {
    dir,
    read: (file) => fs.readFileSync(path.join(dir, file), 'utf8'),
    write(file, text) {
      const target = path.join(dir, file);
      const staged = `${target}.${crypto.randomBytes(4).toString('hex')}.tmp`;
      fs.writeFileSync(staged, text);
      fs.renameSync(staged, target);
    },
    versionOf: (text) => `sha256:${crypto.createHash('sha256').update(text).digest('hex')}`,
    remove: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}
