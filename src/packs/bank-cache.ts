import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * What start-up derives from a bank (its reading, its features, the fitted model) depends only on
 * the bank's bytes, the catalogue and the code that reads and fits. Reading 18,000 rows takes tens
 * of seconds on a small machine, so the result is kept on disk under DATA_DIR, named by a key over
 * all three: a changed bank, catalogue or reading code makes a new key, never a stale hit.
 *
 * A cache file that is missing, unreadable or of another key is recomputed; writes go through a
 * temporary file and a rename, so two processes starting at once never see half a file.
 */

const srcRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The code a cached value depends on: the packs (reading, features) and the embedded model (the fit). */
const CODE_DIRS = ['packs', path.join('world-model', 'embedded'), 'lib'];

let codeVersionMemo: string | undefined;

/** sha256 over every source file the cached values depend on, by relative path. */
export function codeVersion(): string {
  if (codeVersionMemo) return codeVersionMemo;
  const hash = crypto.createHash('sha256');
  const walk = (dir: string) => {
    if (!fs.existsSync(dir)) return;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (/\.(ts|js)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) {
        hash.update(path.relative(srcRoot, file)).update('\0').update(fs.readFileSync(file)).update('\0');
      }
    }
  };
  for (const d of CODE_DIRS) walk(path.join(srcRoot, d));
  return (codeVersionMemo = hash.digest('hex'));
}

export interface DiskCache {
  /** The cached value under `name` for `key`, or the result of `compute`, stored for next time. */
  get<T>(name: string, key: string, compute: () => T, codec?: Codec<T>): T;
}

export interface Codec<T> {
  encode(value: T): unknown;
  decode(json: unknown): T;
}

const identity: Codec<never> = { encode: (v) => v, decode: (j) => j as never };

export function diskCache(dir: string | undefined, onError: (err: Error) => void = () => {}): DiskCache {
  return {
    get<T>(name: string, key: string, compute: () => T, codec: Codec<T> = identity as Codec<T>): T {
      if (!dir) return compute();
      const fullKey = crypto.createHash('sha256').update(`${key}\0${codeVersion()}`).digest('hex').slice(0, 32);
      const file = path.join(dir, `${name}-${fullKey}.json`);
      try {
        if (fs.existsSync(file)) {
          const stored = JSON.parse(fs.readFileSync(file, 'utf8')) as { key: string; value: unknown };
          if (stored.key === fullKey) return codec.decode(stored.value);
        }
      } catch (err) {
        onError(err as Error);
      }
      const value = compute();
      try {
        fs.mkdirSync(dir, { recursive: true });
        for (const old of fs.readdirSync(dir)) {
          if (old.startsWith(`${name}-`) && old.endsWith('.json') && old !== path.basename(file)) fs.rmSync(path.join(dir, old), { force: true });
        }
        const tmp = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
        fs.writeFileSync(tmp, JSON.stringify({ key: fullKey, value: codec.encode(value) }));
        fs.renameSync(tmp, file);
      } catch (err) {
        onError(err as Error);
      }
      return value;
    },
  };
}
