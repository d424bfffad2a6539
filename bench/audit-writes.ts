import crypto from 'node:crypto';
import path from 'node:path';
import { legacyEvaluationDigest } from '../src/audit/evaluation-digest.js';
import type { EvaluationRecord } from '../src/audit/evaluation-store.js';
import { PgAuditLedger } from '../src/audit/pg-audit-ledger.js';
import { PgEvaluationStore } from '../src/audit/pg-evaluation-store.js';
import { PgLeaseStore } from '../src/audit/pg-lease-store.js';
import { SEALED_TABLES } from '../src/audit/pg-sealed-tables.js';
import { AuditSealer } from '../src/audit/sealer.js';
import { generateSigningKeyPem, parseSigningKey, signerFrom } from '../src/audit/signing-key.js';
import { verifyAudit } from '../src/audit/verify.js';
import { openDatabase, type Database } from '../src/db/database.js';
import { migrate, readMigrations } from '../src/db/migrate.js';
import { PROJECT_ROOT } from '../src/lib/project-root.js';
import { createLogger } from '../src/logger.js';
import { POSTGRES_URL } from '../test/support/engines.js';
import { SCENARIOS } from '../test/support/scenarios.js';
import { fmt, percentile } from './support.js';

const CONCURRENCY = 32;
const PHASE_MS = 4_000;
const ROUNDS = 2;

// The chain as it was before 0004: every append takes one global advisory lock to read the last hash.
const CHAIN_LOCK_KEY = 7_365_201_945;
async function appendUnderGlobalLock(db: Database, rec: EvaluationRecord, lock = true): Promise<void> {
  await db.transaction(async (tx) => {
    let prevHash: string | null = null;
    if (lock) {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [CHAIN_LOCK_KEY]);
      prevHash = (await tx.query<{ hash: string }>('SELECT hash FROM evaluations ORDER BY seq DESC LIMIT 1')).rows[0]?.hash ?? null;
    }
    await tx.query(
      `INSERT INTO evaluations (id, created_at, domain, decision, reason_codes, request, response, policy_version,
         world_model_backend, world_model_version, seed, degraded, timing, agent_id, api_key_id, hash_scheme, prev_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, 1, $16, $17)`,
      [rec.id, rec.createdAt, rec.domain, rec.decision, rec.reasonCodes, JSON.stringify(rec.request), JSON.stringify(rec.response), rec.policyVersion,
        rec.worldModel.backend, rec.worldModel.version, rec.seed, rec.degraded, JSON.stringify(rec.timing), rec.agentId ?? null, rec.apiKeyId ?? null, prevHash, legacyEvaluationDigest(rec, prevHash)],
    );
    await tx.query(
      `INSERT INTO futures (evaluation_id, idx, final_outcome, incident, adverse, steps, risk_factors)
       SELECT $1, f.index, f.final_outcome, f.incident, f.adverse, f.steps, f.risk_factors
       FROM jsonb_to_recordset($2::jsonb) AS f(index int, final_outcome text, incident boolean, adverse boolean, steps jsonb, risk_factors jsonb)`,
      [rec.id, JSON.stringify(rec.futures)],
    );
  });
}

/** An evaluation of the size the service stores: the gusty crane lift with 16 futures of 5 steps. */
function record(): EvaluationRecord {
  const body = SCENARIOS.gustyCraneLift.body;
  return {
    id: crypto.randomUUID(),
    createdAt: new Date(),
    domain: body.domain,
    decision: 'escalate',
    reasonCodes: ['hard_rule:crane_wind_limit', 'incident_rate_above_threshold'],
    request: { ...body, options: { seed: 7 }, context: { agent_id: 'bench' } },
    response: { decision: 'escalate', explanation: 'x'.repeat(600), risk: { rollouts: 16, incident_rate: 0.875 } },
    futures: Array.from({ length: 16 }, (_, index) => ({
      index,
      final_outcome: 'near_miss',
      incident: true,
      adverse: true,
      steps: Array.from({ length: 5 }, (_, t) => ({ t: t + 1, event: `The crew proceeds with step ${t + 1} of the lift.`, outcome: 'in_progress', reward: -0.1 })),
      risk_factors: ['wind above crane limit'],
    })),
    policyVersion: 'sha256:bench',
    worldModel: { backend: 'embedded', version: 'bench' },
    seed: 7,
    degraded: false,
    timing: { total: 9.4, simulation: 6.1, store: 0 },
    agentId: 'bench',
    apiKeyId: 'bench-key',
  };
}

async function phase(db: Database, append: (rec: EvaluationRecord) => Promise<void>) {
  const latencies: number[] = [];
  const until = performance.now() + PHASE_MS;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < until) {
        const t0 = performance.now();
        await append(record());
        latencies.push(performance.now() - t0);
      }
    }),
  );
  return { count: latencies.length, seconds: (performance.now() - started) / 1000, latencies };
}

/**
 * Write throughput of the audit trail at concurrency 32 on PostgreSQL, both ways in this one run,
 * phases alternating: the free insert (one statement) with the leased sealer running (its default
 * 1 s interval), against the old chain under one global advisory lock, and, to tell the lock's share
 * from the round trips', the old transaction without its lock.
 */
export async function benchAuditWrites(): Promise<string[]> {
  const migrations = readMigrations(path.join(PROJECT_ROOT, 'migrations'));
  const schemas = { lock: `bench_${crypto.randomBytes(4).toString('hex')}`, nolock: `bench_${crypto.randomBytes(4).toString('hex')}`, blocks: `bench_${crypto.randomBytes(4).toString('hex')}` };
  const open = async (schema: string) => {
    const db = await openDatabase({ url: POSTGRES_URL, schema, poolSize: CONCURRENCY + 2 });
    await migrate(db, migrations);
    return db;
  };
  const signer = signerFrom(parseSigningKey(generateSigningKeyPem()));
  const empty = () => ({ count: 0, seconds: 0, latencies: [] as number[] });
  const totals = { lock: empty(), nolock: empty(), blocks: empty(), alone: empty() };
  const add = (t: ReturnType<typeof empty>, r: Awaited<ReturnType<typeof phase>>) => {
    t.count += r.count;
    t.seconds += r.seconds;
    t.latencies.push(...r.latencies);
  };
  let blocksSealed = 0;
  let verifyLine = '';
  try {
    for (let round = 0; round < ROUNDS; round++) {
      const lockDb = await open(schemas.lock);
      add(totals.lock, await phase(lockDb, (rec) => appendUnderGlobalLock(lockDb, rec)));
      await lockDb.close();
      // The same statements without the lock: how much of the difference is the lock itself.
      const noLockDb = await open(schemas.nolock);
      add(totals.nolock, await phase(noLockDb, (rec) => appendUnderGlobalLock(noLockDb, rec, false)));
      await noLockDb.close();

      const db = await open(schemas.blocks);
      const ledger = new PgAuditLedger(db, SEALED_TABLES);
      await ledger.registerKey(signer.keyId, signer.publicKeyPem);
      const sealer = new AuditSealer({ ledger, leases: new PgLeaseStore(db), signer, intervalMs: 1_000, leaseMs: 15_000, logger: createLogger('silent') });
      sealer.start();
      const store = new PgEvaluationStore(db);
      add(totals.blocks, await phase(db, (rec) => store.append(rec)));
      // The same appends each made durable on its own (AUDIT_GROUP_COMMIT=false): the cost of durability one by one.
      const alone = new PgEvaluationStore(db, { groupCommit: false });
      add(totals.alone, await phase(db, (rec) => alone.append(rec)));
      await sealer.stop();
      if (round === ROUNDS - 1) {
        const t0 = performance.now();
        const report = await verifyAudit(ledger);
        blocksSealed = report.blocks;
        verifyLine = `  verify afterwards: ${report.status}, ${report.rows_sealed} rows in ${report.blocks} blocks, ${report.rows_pending} pending, in ${fmt((performance.now() - t0) / 1000, 1)} s`;
      }
      await db.close();
    }
  } finally {
    const db = await openDatabase({ url: POSTGRES_URL });
    for (const s of Object.values(schemas)) await db.query(`DROP SCHEMA IF EXISTS ${s} CASCADE`);
    await db.close();
  }
  const rate = (t: typeof totals.lock) => t.count / t.seconds;
  return [
    `audit writes on PostgreSQL, concurrency ${CONCURRENCY}, ${ROUNDS} alternating rounds of ${PHASE_MS / 1000} s each (16 futures per evaluation):`,
    `  old chain under one global advisory lock: ${fmt(rate(totals.lock), 0)} appends/s, p50 ${fmt(percentile(totals.lock.latencies, 50))} ms, p99 ${fmt(percentile(totals.lock.latencies, 99))} ms`,
    `  the same transaction without the lock (no chain; for reference): ${fmt(rate(totals.nolock), 0)} appends/s, p99 ${fmt(percentile(totals.nolock.latencies, 99))} ms`,
    `  free insert with group commit + leased sealer (1 s blocks):  ${fmt(rate(totals.blocks), 0)} appends/s, p50 ${fmt(percentile(totals.blocks.latencies, 50))} ms, p99 ${fmt(percentile(totals.blocks.latencies, 99))} ms; ${blocksSealed} blocks`,
    `  the same, each append committed on its own (no group commit): ${fmt(rate(totals.alone), 0)} appends/s, p50 ${fmt(percentile(totals.alone.latencies, 50))} ms, p99 ${fmt(percentile(totals.alone.latencies, 99))} ms`,
    `  shared commits against one commit per append: ${fmt(rate(totals.blocks) / rate(totals.alone), 2)}×; new / old throughput: ${fmt(rate(totals.blocks) / rate(totals.lock), 2)}×`,
    verifyLine,
  ];
}
