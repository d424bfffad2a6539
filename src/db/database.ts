import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import { cube } from '@electric-sql/pglite/contrib/cube';
import type { Logger } from '../logger.js';

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
  /** Cheap, bounded probe for /readyz: the database answers, and (embedded) its directory takes writes. */
  ping(): Promise<void>;
  /** Embedded only: the whole data directory as a tarball, to open copies of it (`pgliteFrom`). */
  dumpEmbedded?(): Promise<Blob>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** A PostgreSQL server; when absent, embedded PGlite. */
  url?: string;
  poolSize?: number;
  /** PGlite data directory, or `memory://` for tests. */
  pgliteDir?: string;
  /** An in-memory PGlite starts as a copy of this dump (tests: migrated and with the banks imported once per process). */
  pgliteFrom?: Blob;
  /** PostgreSQL schema to work in (tests isolate themselves this way). */
  schema?: string;
  /** Where lost connections and a reopened embedded database are reported. */
  logger?: Logger;
}

// A database that stops answering must fail the request (503, escalate), not hang it.
/** Waiting for a connection (a new one, or a free one of the pool). */
const CONNECT_TIMEOUT_MS = 5_000;
/** Enforced by the server. */
const STATEMENT_TIMEOUT_MS = 10_000;
/** Enforced by the client: a server that is gone without a word (a partition) cannot enforce its own. */
const QUERY_TIMEOUT_MS = 12_000;
/** /readyz answers a load balancer, whose own check times out within seconds. */
const PING_TIMEOUT_MS = 2_000;
/** How long a server found unreachable is not asked again (every request fails at once meanwhile). */
const RETRY_UNREACHABLE_MS = 1_000;
/** A failure that took this long is not worth repeating at once. */
const SLOW_FAILURE_MS = 1_000;
/** pg-pool's text for waiting too long for a free client: the pool is busy, the server may be fine. */
const POOL_BUSY = 'timeout exceeded when trying to connect';
/** One page: a directory without room for one cannot take an evaluation either. */
const WRITE_PROBE_BYTES = 8192;

/**
 * The database could not be reached or could not do its work: the connection failed, was lost or
 * timed out, or the server reports that it is out of resources or shutting down. Not a bug: the
 * caller answers 503 (an evaluation: escalate), and the next request tries again.
 */
export class DatabaseUnavailableError extends Error {
  override name = 'DatabaseUnavailableError';
  /** The cause's errno (ECONNREFUSED …), if any. */
  readonly code?: string;
  constructor(cause: unknown) {
    // The cause's text is for the log (it may name hosts and users); answers never carry it.
    super(`the database is unavailable: ${(cause as Error | null)?.message ?? String(cause)}`, { cause });
    const code = (cause as { code?: unknown } | null)?.code;
    if (typeof code === 'string') this.code = code;
  }
}

// SQLSTATE classes of a server that is there but cannot serve: 08 connection exception,
// 53 insufficient resources (53100 disk full), 57 operator intervention (shutdown, statement
// timeout), 58 system error (I/O). 25006: a read-only server (a standby after a failover).
// 42501: what PostgreSQL reports when a file of its own is read-only or not permitted (EROFS,
// EACCES); from a server it can also be a missing grant, which this service cannot work around either.
const UNAVAILABLE_SQLSTATE_CLASSES = new Set(['08', '53', '57', '58']);
const UNAVAILABLE_SQLSTATES = new Set(['25006', '42501']);

/** An error the server reported (pg's DatabaseError, or PGlite's own copy of that class): a SQLSTATE and a severity. */
function reportedByServer(e: unknown): e is Error & { code: string; severity: string } {
  const { code, severity } = (e ?? {}) as { code?: unknown; severity?: unknown };
  return e instanceof Error && typeof code === 'string' && code.length === 5 && typeof severity === 'string';
}

/** Whether `err` (or its cause) says the database is unavailable, rather than a query or the code being wrong. */
export function isDatabaseUnavailable(err: unknown): boolean {
  for (let e = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof DatabaseUnavailableError) return true;
    if (reportedByServer(e) && (UNAVAILABLE_SQLSTATE_CLASSES.has(e.code.slice(0, 2)) || UNAVAILABLE_SQLSTATES.has(e.code))) return true;
  }
  return false;
}

/**
 * What the driver throws that the server did not say (connection refused, terminated, timed out)
 * becomes a DatabaseUnavailableError. The server's own errors keep their identity and SQLSTATE, which
 * stores look at (23505); so do errors of our own making (a value pg cannot encode).
 */
function classified(err: unknown): unknown {
  if (reportedByServer(err) || err instanceof DatabaseUnavailableError) return err;
  if (err instanceof TypeError || err instanceof RangeError || err instanceof SyntaxError) return err;
  return new DatabaseUnavailableError(err);
}

/** The driver could not reach the server or lost it (not: the server said no, nor: the pool was busy). */
function unreachableOf(err: unknown): boolean {
  return err instanceof DatabaseUnavailableError && !reportedByServer(err.cause) && (err.cause as Error | undefined)?.message !== POOL_BUSY;
}

const rethrow = (err: unknown): never => {
  throw classified(err);
};

// int8 (bigint) as JS number: sequence numbers and seeds stay well below 2^53.
pg.types.setTypeParser(20, (v) => Number(v));

/** The severities after which PGlite's backend is gone: another message to it blocks the whole event loop. */
const FATAL_SEVERITIES = new Set(['FATAL', 'PANIC']);
/** How often a dead embedded database is reopened, at most. */
const REOPEN_INTERVAL_MS = 1_000;

/** One PGlite instance and the pool over it. */
interface Embedded {
  pglite: PGlite;
  pool: pg.Pool;
  /** Reported FATAL or PANIC (a write to the WAL or a checkpoint failed: disk full, read-only): never sent another message. */
  dead: boolean;
}

/**
 * Opens PGlite and fences it: after a FATAL or PANIC, every later message fails at once instead of
 * reaching a backend that no longer runs (PGlite then spins in WASM, and the process stops answering).
 */
async function openEmbedded(dir: string, schema: string | undefined, from?: Blob): Promise<Embedded> {
  const pglite = await PGlite.create(dir, { extensions: { cube, btree_gist }, ...(from ? { loadDataDir: from } : {}) });
  // PGlite is a single connection: one client, never closed while idle.
  const pool = new pg.Pool({ ...createPgConfig(pglite), max: 1, idleTimeoutMillis: 0 });
  pool.on('error', () => {});
  const embedded: Embedded = { pglite, pool, dead: false };
  const exec = pglite.execProtocolStream.bind(pglite);
  pglite.execProtocolStream = async (...args: Parameters<typeof exec>) => {
    if (embedded.dead) throw new DatabaseUnavailableError(new Error('the embedded database stopped after a fatal error'));
    try {
      const messages = await exec(...args);
      if (messages.some((m) => m.name === 'error' && FATAL_SEVERITIES.has(String((m as { severity?: unknown }).severity)))) embedded.dead = true;
      return messages;
    } catch (err) {
      embedded.dead = true;
      throw err;
    }
  };
  if (schema) {
    const client = await pool.connect();
    try {
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`);
      await client.query(`SET search_path TO ${quoteIdent(schema)}, public`);
    } finally {
      client.release();
    }
  }
  return embedded;
}

export async function openDatabase(opts: DatabaseOptions): Promise<Database> {
  const log = opts.logger;
  const dir = opts.pgliteDir ?? 'memory://';
  const onDisk = !opts.url && !dir.startsWith('memory://');
  const pgliteDir = onDisk ? path.resolve(dir) : undefined;
  let embedded: Embedded | undefined;
  let server: pg.Pool | undefined;
  if (opts.url) {
    server = new pg.Pool({
      connectionString: opts.url,
      max: opts.poolSize ?? 10,
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      statement_timeout: STATEMENT_TIMEOUT_MS,
      query_timeout: QUERY_TIMEOUT_MS,
      // Notices a dead peer on an idle connection, so the pool drops it before handing it out.
      keepAlive: true,
      // Extensions live in public; a schema of our own (tests) comes first.
      options: opts.schema ? `-c search_path=${opts.schema},public` : undefined,
    });
    // A pool error on an idle client (the server went away) must not crash the process; the pool has
    // dropped that client already, and the next query opens a new connection or reports why it cannot.
    server.on('error', (err) => log?.warn({ err: (err as Error).message }, 'an idle database connection was lost'));
  } else {
    if (pgliteDir) fs.mkdirSync(path.dirname(pgliteDir), { recursive: true });
    embedded = await openEmbedded(dir, opts.schema, onDisk ? undefined : opts.pgliteFrom);
  }

  // A dead PGlite is replaced by a fresh instance on the same directory (PostgreSQL's crash recovery
  // replays the WAL, so every commit it acknowledged is there), once the directory takes writes again.
  let reopening: Promise<void> | undefined;
  let nextReopenAt = 0;
  const alive = async (): Promise<Embedded> => {
    const current = embedded!;
    if (!current.dead) return current;
    if (!pgliteDir) throw new DatabaseUnavailableError(new Error('the in-memory database stopped after a fatal error'));
    if (!reopening) {
      if (Date.now() < nextReopenAt) throw new DatabaseUnavailableError(new Error('the embedded database stopped; reopening shortly'));
      nextReopenAt = Date.now() + REOPEN_INTERVAL_MS;
      reopening = (async () => {
        // Crash recovery writes; started on a disk that cannot take it, it could fail fatally itself.
        await probeWritable(pgliteDir);
        embedded = await openEmbedded(pgliteDir, opts.schema);
        log?.warn({ dir: pgliteDir }, 'the embedded database stopped after a fatal error and was reopened');
        // The dead instance is dropped, never closed: closing it would send it a checkpoint.
        current.pool.end().catch(() => {});
      })().finally(() => {
        reopening = undefined;
      });
    }
    await reopening.catch((err) => {
      throw err instanceof DatabaseUnavailableError ? err : new DatabaseUnavailableError(err);
    });
    return embedded!;
  };
  const currentPool = async (): Promise<pg.Pool> => server ?? (await alive()).pool;

  // A server that cannot be reached, found out only by waiting (blackholed, a silent partition), fails
  // the next requests at once for a moment rather than each waiting out a timeout of its own (an
  // evaluate makes several queries in a row); then one query at a time finds out whether it is back.
  // A refusal is fast already: it trips nothing, so the first query after the server returns works.
  let unreachableSince: number | undefined;
  let retryAt = 0;
  let probing = false;
  const reachable = () => {
    if (unreachableSince === undefined) return;
    log?.info({ unreachableForMs: Date.now() - unreachableSince }, 'the database server is reachable again');
    unreachableSince = undefined;
  };
  const reach = async <T>(run: () => Promise<T>): Promise<T> => {
    if (!server) return run();
    let probe = false;
    const started = Date.now();
    if (unreachableSince !== undefined) {
      if (probing || Date.now() < retryAt) throw new DatabaseUnavailableError(new Error('the database server was unreachable moments ago'));
      probing = probe = true;
    }
    try {
      const result = await run();
      reachable();
      return result;
    } catch (err) {
      if (reportedByServer(err)) reachable();
      else if (unreachableOf(err) && Date.now() - started >= SLOW_FAILURE_MS) {
        if (unreachableSince === undefined) log?.warn({ err: (err as Error).message }, 'the database server is unreachable; failing fast, retrying every second');
        unreachableSince ??= Date.now();
        retryAt = Date.now() + RETRY_UNREACHABLE_MS;
      }
      throw err;
    } finally {
      if (probe) probing = false;
    }
  };

  /**
   * Hands a checked-out client back. A server connection that failed is destroyed, so the pool opens
   * a fresh one. A live PGlite's is never destroyed: its node-postgres adapter gives every client of
   * the pool one shared connection object, so a destroyed client's replacement inherits the late
   * messages and the `end` of the one before it, and every query after it fails ("Connection
   * terminated unexpectedly", "unexpected rowDescription"). That is what made one SQL error in a
   * parameterised query break the embedded engine for good while queries went through `pool.query`,
   * which releases with the error. A PGlite error is the statement's, unless PGlite died of it.
   */
  const release = (client: pg.PoolClient, failed: unknown) => {
    const destroy = server ? isDatabaseUnavailable(failed) : embedded!.dead;
    client.release(destroy ? (failed as Error) ?? new Error('dead') : undefined);
  };

  /** A client of the pool, with its errors between queries handled (unhandled, they crash the process). */
  const checkout = async (): Promise<{ client: pg.PoolClient; done: (failed?: unknown) => void }> => {
    const pool = await currentPool();
    const client = await reach(() => pool.connect().catch(rethrow));
    let lost: unknown;
    const onError = (err: unknown) => {
      lost = err;
    };
    client.on('error', onError);
    return {
      client,
      done: (failed) => {
        client.off('error', onError);
        release(client, lost !== undefined ? new DatabaseUnavailableError(lost) : failed);
      },
    };
  };

  const query = async <R extends pg.QueryResultRow>(text: string, params?: unknown[]): Promise<pg.QueryResult<R>> => {
    if (server) return reach(() => server!.query<R>(text, params as unknown[]).catch(rethrow));
    const { client, done } = await checkout();
    let failed: unknown;
    try {
      return await client.query<R>(text, params as unknown[]);
    } catch (err) {
      failed = classified(err);
      throw failed;
    } finally {
      done(failed);
    }
  };

  const within = <T>(p: Promise<T>, ms: number): Promise<T> => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new DatabaseUnavailableError(new Error(`no answer within ${ms} ms`))), ms);
    });
    return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
  };

  if (server && opts.schema) await query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(opts.schema)}`);

  const db: Database = {
    engine: server ? 'postgres' : 'pglite',
    get pool() {
      return server ?? embedded!.pool;
    },
    query,
    async transaction(fn) {
      const { client, done } = await checkout();
      let failed: unknown;
      const tx: Queryable = { query: (text, params) => client.query(text, params as unknown[]).catch(rethrow) };
      try {
        await tx.query('BEGIN');
        const result = await fn(tx);
        await tx.query('COMMIT');
        return result;
      } catch (err) {
        failed = err;
        await client.query('ROLLBACK').catch((rollbackFailed) => {
          // A connection that cannot even roll back is not handed to anyone else.
          if (!isDatabaseUnavailable(failed)) failed = new DatabaseUnavailableError(rollbackFailed);
        });
        throw err;
      } finally {
        done(failed);
      }
    },
    async ping() {
      await within(query('SELECT 1'), PING_TIMEOUT_MS);
      // A full or read-only disk still answers SELECT 1, but it would refuse the next evaluation.
      if (pgliteDir) await within(probeWritable(pgliteDir), PING_TIMEOUT_MS);
    },
    ...(embedded ? { dumpEmbedded: async () => (await alive()).pglite.dumpDataDir('none') as Promise<Blob> } : {}),
    async close() {
      if (server) return server.end();
      await reopening?.catch(() => {});
      const last = embedded!;
      await last.pool.end();
      if (!last.dead) await last.pglite.close();
    },
  };
  return db;
}

/** Writes, syncs and removes one page in `dir`: fails as PGlite's own writes there would (full, read-only, no permission). */
async function probeWritable(dir: string): Promise<void> {
  const file = path.join(dir, `.foresight-write-probe-${process.pid}`);
  try {
    const handle = await fs.promises.open(file, 'w', 0o600);
    try {
      await handle.write(Buffer.alloc(WRITE_PROBE_BYTES));
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch (err) {
    throw new DatabaseUnavailableError(err);
  } finally {
    await fs.promises.rm(file, { force: true }).catch(() => {});
  }
}

export function quoteIdent(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/i.test(name)) throw new Error(`invalid identifier: ${name}`);
  return `"${name}"`;
}
