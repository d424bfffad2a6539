#!/usr/bin/env node
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { PROJECT_ROOT } from '../lib/project-root.js';
import { openDatabase } from '../db/database.js';
import { migrate, readMigrations } from '../db/migrate.js';
import { ROLES, type Role } from '../keys/key-store.js';
import { PgKeyStore } from '../keys/pg-key-store.js';

const USAGE = `foresight <command>

  serve                               run the service (same as npm start)
  migrate                             apply database migrations
  keys list                           list API keys (never their secrets)
  keys create --role R [--name N]     create a key (roles: ${ROLES.join(', ')}); prints it once
  keys revoke <id>                    revoke a key
  validate --domain D                 measure the world model and decisions on the held-out split
`;

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

async function keys(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args, options: { role: { type: 'string' }, name: { type: 'string' } }, allowPositionals: true });
  const [sub, id] = positionals;
  await withDatabase(async (db) => {
    const store = new PgKeyStore(db);
    if (sub === 'list') {
      for (const k of await store.list()) {
        console.log(`${k.id}  ${k.role.padEnd(10)} ${k.revokedAt ? 'revoked ' : 'active  '} ${k.createdAt.toISOString()}  ${k.name}`);
      }
    } else if (sub === 'create') {
      const role = values.role as Role;
      if (!ROLES.includes(role)) throw new Error(`--role must be one of ${ROLES.join(', ')}`);
      const k = await store.create(values.name ?? `${role}-key`, role);
      console.log(`created ${k.role} key ${k.id}; shown once:\n${k.token}`);
    } else if (sub === 'revoke') {
      if (!id) throw new Error('usage: foresight keys revoke <id>');
      if (!(await store.revoke(id))) throw new Error(`no active key ${id}`);
      console.log(`revoked ${id}`);
    } else {
      throw new Error(USAGE);
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
