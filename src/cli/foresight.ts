#!/usr/bin/env node
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { PROJECT_ROOT } from '../lib/project-root.js';
import { openDatabase } from '../db/database.js';
import { migrate, readMigrations } from '../db/migrate.js';
import { roleMatrixMarkdown } from '../http/authorization.js';
import { parseDuration } from '../keys/duration.js';
import { normaliseNewKey, ROLES, type ApiKey, type NewKey, type Role } from '../keys/key-store.js';
import { PgKeyStore } from '../keys/pg-key-store.js';
import { formatRateLimit, rateLimitOf } from '../keys/rate-limit-spec.js';
import { AUDIT_USAGE, auditCommand } from './audit.js';
import { CALIBRATION_USAGE } from './calibration.js';
import { REPLAY_USAGE } from './replay.js';

const USAGE = `foresight <command>

  serve                               run the service (same as npm start)
  migrate                             apply database migrations
  keys list                           list API keys: role, state, owner, scope (never their secrets)
  keys create --role R --name N --owner O [--domains a,b] [--rate-limit 10/s [--burst 20]]
                                      create a key (roles: ${ROLES.join(', ')}); prints it once.
                                      The owner is the person or system it belongs to; --domains
                                      scopes a supervisor to those domains; --rate-limit replaces
                                      RATE_LIMIT_PER_KEY for this key (burst: two seconds' worth)
  keys rotate <id> [--grace 24h]      a new secret, printed once; the old one keeps working for the
                                      grace period (default 24h; 0 stops it now)
  keys revoke <id>                    revoke a key: every secret of it stops working
  keys roles                          print the role matrix (what each role may do)
  validate --domain D                 measure the world model and decisions on the held-out split
  validate --domain D --cases FILE    the decisions on one case file (a new batch, scored on first contact)
${AUDIT_USAGE}${CALIBRATION_USAGE}${REPLAY_USAGE}`;

async function withDatabase<T>(fn: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const db = await openDatabase({ url: config.database.url, pgliteDir: path.join(config.dataDir, 'pglite') });
  try {
    await migrate(db, readMigrations(path.join(PROJECT_ROOT, 'migrations')));
    return await fn(db);
  } finally {
    await db.close();
  }
}

const DEFAULT_GRACE = '24h';
const MAX_GRACE_MS = 30 * 86_400_000;

function keyState(k: ApiKey): string {
  return k.revokedAt ? 'revoked' : 'active';
}

function describeKey(k: ApiKey): string {
  const scope = k.domains ? `  domains=${k.domains.join(',')}` : '';
  const rotated = k.rotatedAt ? `  rotated=${k.rotatedAt.toISOString()}` : '';
  const limit = k.rateLimit ? `  rate_limit=${formatRateLimit(k.rateLimit).replace(' burst ', ',burst=')}` : '';
  return `${k.id}  ${k.role.padEnd(10)} ${keyState(k).padEnd(8)} ${k.createdAt.toISOString()}  ${k.name}  owner=${k.owner}${scope}${rotated}${limit}`;
}

/** Supervisor scopes name domains that exist: a typo would make a supervisor who can review nothing. */
function checkDomains(packsDir: string, domains: string[]): void {
  const unknown = domains.filter((d) => !fs.existsSync(path.join(packsDir, 'policies', `${d}.yaml`)));
  if (unknown.length > 0) throw new Error(`unknown domain${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')} (no policies/<domain>.yaml under ${packsDir})`);
}

async function keys(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    options: { role: { type: 'string' }, name: { type: 'string' }, owner: { type: 'string' }, domains: { type: 'string' }, grace: { type: 'string' }, 'rate-limit': { type: 'string' }, burst: { type: 'string' } },
    allowPositionals: true,
  });
  const [sub, id] = positionals;
  if (sub === 'roles') {
    console.log(roleMatrixMarkdown());
    return;
  }
  if (!['list', 'create', 'rotate', 'revoke'].includes(sub ?? '')) throw new Error(USAGE);
  // Everything is checked before the database is opened, so a mistyped command changes nothing.
  let spec: NewKey | undefined;
  let graceMs = 0;
  if (sub === 'create') {
    if (!ROLES.includes(values.role as Role)) throw new Error(`--role must be one of ${ROLES.join(', ')}`);
    if (!values.name?.trim()) throw new Error('--name is required: what the key is for, e.g. --name triage-bot-prod');
    if (!values.owner?.trim()) throw new Error('--owner is required: the person or system the key belongs to, e.g. --owner alice@example.org');
    const domains = values.domains?.split(',').map((d) => d.trim()).filter(Boolean);
    if (values.burst !== undefined && values['rate-limit'] === undefined) throw new Error('--burst needs --rate-limit');
    const rateLimit = values['rate-limit'] !== undefined ? rateLimitOf(values['rate-limit'], values.burst) : undefined;
    spec = { role: values.role as Role, name: values.name, owner: values.owner, domains, rateLimit };
    normaliseNewKey(spec);
    if (domains) checkDomains(loadConfig().packsDir, domains);
  } else if (sub === 'rotate' || sub === 'revoke') {
    if (!id) throw new Error(`usage: foresight keys ${sub} <id>${sub === 'rotate' ? ' [--grace 24h]' : ''}`);
    if (sub === 'rotate') {
      graceMs = parseDuration(values.grace ?? DEFAULT_GRACE);
      if (graceMs > MAX_GRACE_MS) throw new Error('--grace is at most 30d: an old secret should not outlive its replacement for long');
    }
  }
  await withDatabase(async (db) => {
    const store = new PgKeyStore(db);
    if (sub === 'list') {
      for (const k of await store.list()) console.log(describeKey(k));
    } else if (sub === 'create') {
      const k = await store.create(spec!);
      console.log(`created ${k.role} key ${k.id} for ${k.owner}${k.domains ? ` (domains ${k.domains.join(', ')})` : ''}; shown once:\n${k.token}`);
    } else if (sub === 'rotate') {
      const r = await store.rotate(id, graceMs);
      if (!r) throw new Error(`no active key ${id}`);
      const old = r.previousValidUntil ? `the old secret keeps working until ${r.previousValidUntil.toISOString()}` : 'the old secret no longer works';
      console.log(`rotated ${r.key.role} key ${id} of ${r.key.owner}; ${old}. The new one, shown once:\n${r.key.token}`);
    } else {
      if (!(await store.revoke(id))) throw new Error(`no active key ${id}`);
      console.log(`revoked ${id}`);
    }
  });
}

async function run(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'serve':
      await import('../main.js');
      return;
    case 'migrate': {
      const applied = await withDatabase((db) => migrate(db, readMigrations(path.join(PROJECT_ROOT, 'migrations'))));
      console.log(applied.length ? `applied ${applied.join(', ')}` : 'up to date');
      return;
    }
    case 'keys':
      return keys(rest);
    case 'audit':
      return auditCommand(rest);
    case 'calibration': {
      const { calibrationCommand } = await import('./calibration.js');
      return calibrationCommand(rest);
    }
    case 'replay': {
      const { replayCommand } = await import('./replay.js');
      return replayCommand(rest);
    }
    case 'validate': {
      const { validateCommand } = await import('./validate.js');
      return validateCommand(rest);
    }
    default:
      process.stdout.write(USAGE);
      if (command && command !== 'help' && command !== '--help') process.exitCode = 2;
  }
}

run(process.argv.slice(2)).catch((err) => {
  process.stderr.write(`foresight: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
