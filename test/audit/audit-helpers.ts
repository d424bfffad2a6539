import crypto from 'node:crypto';
import path from 'node:path';
import type { EvaluationRecord } from '../../src/audit/evaluation-store.js';
import { PgAuditLedger } from '../../src/audit/pg-audit-ledger.js';
import { PgEvaluationStore } from '../../src/audit/pg-evaluation-store.js';
import { PgLeaseStore } from '../../src/audit/pg-lease-store.js';
import { SEALED_TABLES } from '../../src/audit/pg-sealed-tables.js';
import { AuditSealer } from '../../src/audit/sealer.js';
import { generateSigningKeyPem, parseSigningKey, signerFrom, type AuditSigner } from '../../src/audit/signing-key.js';
import { openDatabase, type Database, type Queryable } from '../../src/db/database.js';
import { migrate, readMigrations } from '../../src/db/migrate.js';
import { PROJECT_ROOT } from '../../src/lib/project-root.js';
import { createLogger } from '../../src/logger.js';
import { POSTGRES_URL, type Engine } from '../support/engines.js';
import { SCENARIOS } from '../support/scenarios.js';

export const newSigner = (): AuditSigner => signerFrom(parseSigningKey(generateSigningKeyPem()));

/**
 * Runs `fn` as the database superuser with triggers switched off (`session_replication_role =
 * replica`): what someone with the database's keys can do behind the service's back.
 */
export function behindTheServicesBack<T>(db: Database, fn: (tx: Queryable) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.query('SET LOCAL session_replication_role = replica');
    return fn(tx);
  });
}

/** An evaluation record as the evaluate use case makes one: input, answer, futures, attribution, timings. */
export function sampleRecord(i: number, over: Partial<EvaluationRecord> = {}): EvaluationRecord {
  const futures = Array.from({ length: 4 }, (_, index) => ({
    index,
    final_outcome: index % 2 ? 'near_miss' : 'no_incident',
    incident: index % 2 === 1,
    adverse: index % 2 === 1,
    steps: [{ t: 1, event: `step of future ${index}`, outcome: 'work_started', reward: 0.25 }],
    risk_factors: index % 2 ? ['wind above crane limit'] : [],
  }));
  return {
    id: crypto.randomUUID(),
    createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)),
    domain: 'construction_safety',
    decision: i % 3 === 0 ? 'escalate' : 'approve',
    reasonCodes: i % 3 === 0 ? ['incident_rate_above_threshold'] : [],
    request: { domain: 'construction_safety', state: { site_id: `SITE_${i}`, environmental_conditions: { wind_mph: 10 + (i % 7), gust_mph: 12.5 } }, action: { description: 'Proceed with crane lift', kind: 'crane_lift' }, context: { agent_id: 'safety-coach' } },
    response: { decision: i % 3 === 0 ? 'escalate' : 'approve', risk: { rollouts: 4, incident_rate: 0.5 }, explanation: `evaluation ${i}` },
    futures,
    policyVersion: 'sha256:policy',
    worldModel: { backend: 'embedded', version: 'embedded-test' },
    seed: 1000 + i,
    degraded: false,
    timing: { total: 3.5 + i, simulation: 1.25, store: 0 },
    agentId: 'safety-coach',
    apiKeyId: 'key-agent-1',
    ...over,
  };
}

export interface Harness {
  db: Database;
  store: PgEvaluationStore;
  ledger: PgAuditLedger;
  sealer: AuditSealer;
  signer: AuditSigner;
  close(): Promise<void>;
}

/** The audit trail alone (store, ledger, sealer) on a real database, for tests that need no domain or model. */
export async function openHarness(engine: Engine, options: { pgliteDir?: string; signer?: AuditSigner; migrationsBefore?: string } = {}): Promise<Harness> {
  const schema = `audit_${crypto.randomBytes(5).toString('hex')}`;
  const db = await openDatabase(engine === 'postgres' ? { url: POSTGRES_URL, schema, poolSize: 8 } : { pgliteDir: options.pgliteDir ?? 'memory://' });
  // `migrationsBefore`: a database as it was before that migration (the caller migrates the rest).
  await migrate(db, readMigrations(path.join(PROJECT_ROOT, 'migrations')).filter((m) => !options.migrationsBefore || m.version < options.migrationsBefore));
  const signer = options.signer ?? newSigner();
  const ledger = new PgAuditLedger(db, SEALED_TABLES);
  if (!options.migrationsBefore) await ledger.registerKey(signer.keyId, signer.publicKeyPem);
  const sealer = new AuditSealer({ ledger, leases: new PgLeaseStore(db), signer, intervalMs: 0, leaseMs: 10_000, logger: createLogger('silent') });
  return {
    db,
    store: new PgEvaluationStore(db),
    ledger,
    sealer,
    signer,
    async close() {
      await sealer.stop();
      if (engine === 'postgres') await db.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await db.close();
    },
  };
}

/**
 * Seals until nothing is pending. On a PostgreSQL server the sealer seals below the oldest
 * transaction in flight anywhere on the server (other tests' included), so one seal may leave rows
 * for the next; this waits for that, within a bound, and returns the blocks it made.
 */
export async function sealUntilSettled(sealer: AuditSealer, ledger: PgAuditLedger, withinMs = 30_000) {
  const { verifyAudit } = await import('../../src/audit/verify.js');
  const deadline = Date.now() + withinMs;
  const blocks = [];
  for (;;) {
    const { block } = await sealer.seal();
    if (block) blocks.push(block);
    const report = await verifyAudit(ledger);
    if (report.rows_pending === 0 || report.status === 'broken') return { report, blocks };
    if (Date.now() > deadline) throw new Error(`rows still pending after ${withinMs} ms: ${JSON.stringify(report)}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const SNAPSHOT_TABLES = ['audit_signing_keys', 'evaluations', 'audit_blocks'] as const;

/** Copies the audit tables aside; the function it returns puts them back exactly (between tampering cases). */
export async function snapshotAudit(db: Database): Promise<() => Promise<void>> {
  const tag = crypto.randomBytes(4).toString('hex');
  for (const t of SNAPSHOT_TABLES) await db.query(`CREATE TABLE snap_${tag}_${t} AS SELECT * FROM ${t}`);
  return () =>
    behindTheServicesBack(db, async (tx) => {
      for (const t of [...SNAPSHOT_TABLES].reverse()) await tx.query(`DELETE FROM ${t}`);
      for (const t of SNAPSHOT_TABLES) {
        await tx.query(`INSERT INTO ${t} ${t === 'evaluations' ? 'OVERRIDING SYSTEM VALUE' : ''} SELECT * FROM snap_${tag}_${t}`);
        await tx.query(`DROP TABLE snap_${tag}_${t}`);
      }
    });
}

/**
 * The i-th of many crane lifts that differ in what the reader reads (wind, hours on site), so that
 * none is answered by an earlier pending escalation instead of being evaluated and stored anew.
 */
export function distinctCraneLift(i: number, agentId = `agent-${i}`) {
  const base = SCENARIOS.calmCraneLift.body;
  const wind = i % 24;
  return {
    ...base,
    state: {
      ...base.state,
      environmental_conditions: { ...base.state.environmental_conditions, wind_mph: wind, gust_mph: wind + 3 },
      crew_status: { ...base.state.crew_status, hours_on_site: 1 + Math.floor(i / 24) },
    },
    context: { agent_id: agentId },
  };
}

/** Rows of every sealed table (evaluations, escalations, sign-offs, …): what verify counts as sealed once settled. */
export async function sealedRowCount(db: Queryable): Promise<number> {
  const { rows: tables } = await db.query<{ name: string }>('SELECT name FROM audit_sealed_tables');
  let n = 0;
  for (const t of tables) n += (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${t.name}`)).rows[0].n;
  return n;
}
