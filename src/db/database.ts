import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { cube } from '@electric-sql/pglite/contrib/cube';

export type Engine = 'postgres' | 'pglite';

export interface Queryable {
  query<R extends pg.QueryResultRow = pg.QueryResultRow>(text: string, params?: unknown[]): Promise<pg.QueryResult<R>>;
}

/** A pg Pool, whichever engine is behind it; stores only ever see this. */
export interface Database extends Queryable {
  readonly engine: Engine;
  readonly pool: pg.Pool;
  /** Runs `fn` in one transaction on one connection; rolls back if it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Cheap liveness probe for /readyz. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** A PostgreSQL server; when absent, embedded PGlite. */
  url?: string;
  poolSize?: number;
  /** PGlite data directory, or `memory://` for tests. */
  pgliteDir?: string;
  /** PostgreSQL schema to work in (tests isolate themselves this way). */
  schema?: string;
}

// int8 (bigint) as JS number: sequence numbers and seeds stay well below 2^53.
pg.types.setTypeParser(20, (v) => Number(v));

export async function openDatabase(opts: DatabaseOptions): Promise<Database> {
  let pglite: PGlite | undefined;
  let pool: pg.Pool;
  if (opts.url) {
    pool = new pg.Pool({
      connectionString: opts.url,
      max: opts.poolSize ?? 10,
      // A database that stops answering must fail the request (503, escalate), not hang it.
      connectionTimeoutMillis: 5_000,
      statement_timeout: 10_000,
      // Extensions live in public; a schema of our own (tests) comes first.
      options: opts.schema ? `-c search_path=${opts.schema},public` : undefined,
    });
  } else {
    const dir = opts.pgliteDir ?? 'memory://';
    if (!dir.startsWith('memory://')) fs.mkdirSync(path.dirname(path.resolve(dir)), { recursive: true });
    pglite = await PGlite.create(dir, { extensions: { cube, btree_gist } });
    // PGlite is a single connection: one client, never closed while idle.
    pool = new pg.Pool({ ...createPgConfig(pglite), max: 1, idleTimeoutMillis: 0 });
  }
  // A pool error on an idle client must not crash the process; the next query reports it.
  pool.on('error', () => {});
  if (opts.schema) {
    await pool.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(opts.schema)}`);
    if (pglite) await pool.query(`SET search_path TO ${quoteIdent(opts.schema)}, public`);
  }

  const db: Database = {
    engine: pglite ? 'pglite' : 'postgres',
    pool,
    query: (text, params) => pool.query(text, params as unknown[]),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn(client);
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => {});
        throw err;
      } finally {
        client.release();
      }
    },
    async ping() {
      await pool.query('SELECT 1');
    },
    async close() {
      await pool.end();
      if (pglite) await pglite.close();
    },
  };
  return db;
}

export function quoteIdent(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/i.test(name)) throw new Error(`invalid identifier: ${name}`);
  return `"${name}"`;
}
