import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { createContainer, type Container } from '../../src/container.js';
import type { Role } from '../../src/keys/key-store.js';
import { PROJECT_ROOT } from '../../src/lib/project-root.js';
import { createLogger } from '../../src/logger.js';
import { POSTGRES_URL, type Engine } from '../support/engines.js';
import { testConfig } from '../support/service.js';

/** Where a database lives between services: a PostgreSQL schema, or a PGlite directory on disk. */
export interface Place {
  engine: Engine;
  schema?: string;
  pgliteDir?: string;
  /** DATA_DIR for a CLI process on PGlite (the CLI opens DATA_DIR/pglite). */
  dataDir?: string;
}

export function newPlace(engine: Engine): Place {
  if (engine === 'postgres') return { engine, schema: `test_${crypto.randomBytes(6).toString('hex')}` };
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'foresight-replay-'));
  return { engine, dataDir, pgliteDir: path.join(dataDir, 'pglite') };
}

export async function removePlace(place: Place): Promise<void> {
  if (place.schema) {
    const client = new pg.Client({ connectionString: POSTGRES_URL });
    await client.connect();
    await client.query(`DROP SCHEMA IF EXISTS ${place.schema} CASCADE`);
    await client.end();
  }
  if (place.dataDir) fs.rmSync(place.dataDir, { recursive: true, force: true });
}

/** The environment a CLI process needs to open the same database. */
export function cliEnv(place: Place): Record<string, string> {
  if (place.engine === 'postgres') return { DATABASE_URL: `${POSTGRES_URL}?options=${encodeURIComponent(`-c search_path=${place.schema},public`)}` };
  return { DATA_DIR: place.dataDir! };
}

/** The whole service on `place`, through the composition root; `packsDir` replaces the shipped domains and policies. */
export async function openService(place: Place, packsDir?: string): Promise<Container> {
  return createContainer(testConfig(place.engine, { AUDIT_SEAL_INTERVAL_MS: '0', SIGN_OFF_SWEEP_INTERVAL_MS: '0', ...(packsDir ? { PACKS_DIR: packsDir } : {}) }), {
    logger: createLogger('silent'),
    database: place.engine === 'postgres' ? { schema: place.schema } : { pgliteDir: place.pgliteDir },
  });
}

export const tokensOf = (c: Container) => Object.fromEntries(c.bootstrapKeys.map((k) => [k.role, k.token])) as Record<Role, string>;

/**
 * A packs directory with the shipped domains and each policy's text edited by `edit` (a threshold,
 * a horizon), line for line, so the policy's diff shows exactly the edit.
 */
export function packsWithPolicyText(edit: (domain: string, text: string) => string): { dir: string; remove(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'foresight-packs-'));
  fs.symlinkSync(path.join(PROJECT_ROOT, 'domains'), path.join(dir, 'domains'), 'dir');
  fs.mkdirSync(path.join(dir, 'policies'));
  for (const file of fs.readdirSync(path.join(PROJECT_ROOT, 'policies')).filter((f) => f.endsWith('.yaml'))) {
    const text = fs.readFileSync(path.join(PROJECT_ROOT, 'policies', file), 'utf8');
    fs.writeFileSync(path.join(dir, 'policies', file), edit(file.replace(/\.yaml$/, ''), text));
  }
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** `text` with `from` replaced by `to`, which must occur exactly once (a test edits one line it means). */
export function replaceOnce(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  if (at < 0 || text.indexOf(from, at + 1) >= 0) throw new Error(`expected exactly one '${from}'`);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

/** The construction-safety threshold lowered from 30% to 5% (the calm crane lift's incident rate is 6.6%): the edit the replay tests make. */
export const LOWERED_SITE_THRESHOLD = { from: '  incident_rate: 0.3\n', to: '  incident_rate: 0.05\n' };

export const shippedPolicy = (domain: string) => fs.readFileSync(path.join(PROJECT_ROOT, 'policies', `${domain}.yaml`), 'utf8');
