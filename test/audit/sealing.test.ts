import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { evaluationDigest, legacyEvaluationDigest } from '../../src/audit/evaluation-digest.js';
import { PgLeaseStore } from '../../src/audit/pg-lease-store.js';
import { AuditSealer, SEALER_LEASE } from '../../src/audit/sealer.js';
import { verifyAudit } from '../../src/audit/verify.js';
import { migrate, readMigrations } from '../../src/db/migrate.js';
import { PROJECT_ROOT } from '../../src/lib/project-root.js';
import { createLogger } from '../../src/logger.js';
import { ENGINES } from '../support/engines.js';
import { behindTheServicesBack, newSigner, openHarness, sampleRecord, sealUntilSettled, type Harness } from './audit-helpers.js';

const opened: Harness[] = [];
const harness = async (...args: Parameters<typeof openHarness>) => {
  const h = await openHarness(...args);
  opened.push(h);
  return h;
};
afterEach(async () => {
  for (const h of opened.splice(0)) await h.close();
});

describe.each(ENGINES)('sealing on %s', (engine) => {
  it('when rows are stored but not sealed, then verify says pending, not broken; once sealed, ok with every row in a chained block', async () => {
    const h = await harness(engine);
    for (let i = 0; i < 5; i++) await h.store.append(sampleRecord(i));
    const before = await verifyAudit(h.ledger);
    expect(before).toMatchObject({ status: 'pending', blocks: 0, rows_sealed: 0, rows_pending: 5, first_problem: null });
    const first = await sealUntilSettled(h.sealer, h.ledger);
    expect(first.report).toMatchObject({ status: 'ok', rows_sealed: 5, rows_pending: 0 });
    expect(first.blocks[0]).toMatchObject({ height: 1, prev_hash: null, lo_xid: '0', key_id: h.signer.keyId });
    for (let i = 5; i < 8; i++) await h.store.append(sampleRecord(i));
    expect((await verifyAudit(h.ledger)).status).toBe('pending');
    const second = await sealUntilSettled(h.sealer, h.ledger);
    expect(second.report).toMatchObject({ status: 'ok', rows_sealed: 8, rows_pending: 0, first_problem: null });
    const blocks = await h.ledger.blocks(0, 100);
    blocks.slice(1).forEach((b, i) => expect(b).toMatchObject({ height: i + 2, prev_hash: blocks[i].hash, lo_xid: blocks[i].hi_xid }));
    expect(blocks.reduce((n, b) => n + b.row_count, 0)).toBe(8);
    // Nothing new: no empty block.
    expect((await h.sealer.seal()).block).toBeNull();
  });

  it('when anyone tries to UPDATE, DELETE or TRUNCATE an append-only table, then the database refuses', async () => {
    const h = await harness(engine);
    const rec = sampleRecord(1);
    await h.store.append(rec);
    // On a shared server one seal may stop short of the row (another test's transaction in flight): wait for the block.
    await sealUntilSettled(h.sealer, h.ledger);
    const refused = [
      ["UPDATE evaluations SET decision = 'approve'", /UPDATE on evaluations is refused: the table is append-only/],
      ["UPDATE evaluations SET api_key_id = 'someone-else'", /append-only/],
      ['DELETE FROM evaluations', /DELETE on evaluations is refused/],
      ['TRUNCATE evaluations CASCADE', /TRUNCATE on evaluations is refused/],
      ["UPDATE evaluations SET futures = '[]'::json", /UPDATE on evaluations is refused/],
      ["UPDATE audit_blocks SET merkle_root = 'x'", /UPDATE on audit_blocks is refused/],
      ['DELETE FROM audit_blocks', /DELETE on audit_blocks is refused/],
      ['DELETE FROM audit_signing_keys', /DELETE on audit_signing_keys is refused/],
    ] as const;
    for (const [sql, message] of refused) await expect(h.db.query(sql), sql).rejects.toThrow(message);
    expect((await h.store.get(rec.id))!.decision).toBe(rec.decision);
    expect((await verifyAudit(h.ledger)).status).toBe('ok');
  });

  it('when a stored row is altered behind the service’s back, then its recomputed hash names it; when its hash is recomputed too, its block’s root names the block', async () => {
    const h = await harness(engine);
    const recs = Array.from({ length: 6 }, (_, i) => sampleRecord(i));
    for (const r of recs) await h.store.append(r);
    await sealUntilSettled(h.sealer, h.ledger);
    await behindTheServicesBack(h.db, (tx) => tx.query("UPDATE evaluations SET timing = jsonb_set(timing, '{total}', '1') WHERE id = $1", [recs[3].id]));
    expect((await verifyAudit(h.ledger)).first_problem).toMatchObject({ kind: 'row', table: 'evaluations', id: recs[3].id });
    const { evaluationDigest } = await import('../../src/audit/evaluation-digest.js');
    const altered = (await h.store.get(recs[3].id))!;
    await behindTheServicesBack(h.db, (tx) => tx.query('UPDATE evaluations SET hash = $2 WHERE id = $1', [recs[3].id, evaluationDigest(altered)]));
    const report = await verifyAudit(h.ledger);
    expect(report.status).toBe('broken');
    expect(report.first_problem).toMatchObject({ kind: 'block' });
    expect(report.first_problem!.message).toMatch(/Merkle root/);
  });

  it('when the sealer’s holder stops renewing, then another replica takes the lease over, on database time', async () => {
    const h = await harness(engine);
    const otherKey = newSigner();
    await h.ledger.registerKey(otherKey.keyId, otherKey.publicKeyPem);
    const other = new AuditSealer({ ledger: h.ledger, leases: new PgLeaseStore(h.db), signer: otherKey, intervalMs: 0, leaseMs: 10_000, logger: createLogger('silent') });
    await h.store.append(sampleRecord(1));
    expect((await h.sealer.seal()).leased).toBe(true);
    await h.store.append(sampleRecord(2));
    expect(await other.seal()).toEqual({ leased: false, block: null });
    // The holder died: its lease runs out (moved back rather than waited for).
    await h.db.query("UPDATE audit_leases SET expires_at = now() - interval '1 second' WHERE name = $1", [SEALER_LEASE]);
    expect((await other.seal()).leased).toBe(true);
    expect(await h.sealer.seal()).toEqual({ leased: false, block: null });
    const { report } = await sealUntilSettled(other, h.ledger);
    // Blocks signed by either key verify: the public keys are stored by id.
    expect(report).toMatchObject({ status: 'ok', rows_sealed: 2 });
    expect((await h.ledger.latestBlock())!.key_id).toBe(otherKey.keyId);
    await other.stop();
  });
});

describe.each(ENGINES)('rows written before the blocks existed, on %s', (engine) => {
  it('when 0004 migrates rows of the old global chain, then they are marked as such, the first block seals them, and tampering with them is caught', async () => {
    const all = readMigrations(path.join(PROJECT_ROOT, 'migrations'));
    // A database as it was before 0004, with rows of the old chain in it.
    const h = await harness(engine, { migrationsBefore: '0004' });
    const recs = Array.from({ length: 4 }, (_, i) => sampleRecord(i));
    let prev: string | null = null;
    for (const r of recs) {
      const hash = legacyEvaluationDigest(r, prev);
      await h.db.query(
        `INSERT INTO evaluations (id, created_at, domain, decision, reason_codes, request, response, policy_version,
           world_model_backend, world_model_version, seed, degraded, timing, agent_id, api_key_id, prev_hash, hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)`,
        [r.id, r.createdAt, r.domain, r.decision, r.reasonCodes, JSON.stringify(r.request), JSON.stringify(r.response), r.policyVersion, r.worldModel.backend, r.worldModel.version, r.seed, r.degraded, JSON.stringify(r.timing), r.agentId, r.apiKeyId, prev, hash],
      );
      await h.db.query(
        `INSERT INTO futures (evaluation_id, idx, final_outcome, incident, adverse, steps, risk_factors)
         SELECT $1, f.index, f.final_outcome, f.incident, f.adverse, f.steps, f.risk_factors
         FROM jsonb_to_recordset($2::jsonb) AS f(index int, final_outcome text, incident boolean, adverse boolean, steps jsonb, risk_factors jsonb)`,
        [r.id, JSON.stringify(r.futures)],
      );
      prev = hash;
    }
    expect(await migrate(h.db, all)).toContain('0004_audit_blocks');
    await h.ledger.registerKey(h.signer.keyId, h.signer.publicKeyPem);
    expect((await h.store.get(recs[0].id))!.hashScheme).toBe(1);
    const fresh = sampleRecord(9);
    await h.store.append(fresh);
    expect((await h.store.get(fresh.id))!.hashScheme).toBe(2);
    expect((await sealUntilSettled(h.sealer, h.ledger)).report).toMatchObject({ status: 'ok', rows_sealed: 5 });
    expect((await h.ledger.block(1))!.row_count).toBeGreaterThanOrEqual(4);

    // The old chain hash never covered attribution; the block does.
    await behindTheServicesBack(h.db, (tx) => tx.query("UPDATE evaluations SET api_key_id = 'someone-else' WHERE id = $1", [recs[1].id]));
    expect((await verifyAudit(h.ledger)).first_problem).toMatchObject({ kind: 'block', height: 1 });
    await behindTheServicesBack(h.db, (tx) => tx.query("UPDATE evaluations SET api_key_id = $2, decision = 'approve' WHERE id = $1", [recs[0].id, recs[0].apiKeyId]));
    expect((await verifyAudit(h.ledger)).first_problem).toMatchObject({ kind: 'row', id: recs[0].id });
  });

  it('when 0013 moves the futures of earlier evaluations into their rows, then each reads back as it was, in index order, and the trail still verifies', async () => {
    const all = readMigrations(path.join(PROJECT_ROOT, 'migrations'));
    const h = await harness(engine, { migrationsBefore: '0013' });
    await h.ledger.registerKey(h.signer.keyId, h.signer.publicKeyPem);
    // Evaluations with futures, and one with none (a world-model failure).
    const recs = [sampleRecord(1), sampleRecord(2, { futures: [] }), sampleRecord(3)];
    for (const r of recs) {
      await h.db.query(
        `INSERT INTO evaluations (id, created_at, domain, decision, reason_codes, request, response, policy_version,
           world_model_backend, world_model_version, seed, degraded, timing, agent_id, api_key_id, hash_scheme, hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, 2, $16)`,
        [r.id, r.createdAt, r.domain, r.decision, r.reasonCodes, JSON.stringify(r.request), JSON.stringify(r.response), r.policyVersion, r.worldModel.backend, r.worldModel.version, r.seed, r.degraded, JSON.stringify(r.timing), r.agentId, r.apiKeyId, evaluationDigest(r)],
      );
      // Written in reverse: the move must order them by index, not by insertion.
      await h.db.query(
        `INSERT INTO futures (evaluation_id, idx, final_outcome, incident, adverse, steps, risk_factors)
         SELECT $1, f.index, f.final_outcome, f.incident, f.adverse, f.steps, f.risk_factors
         FROM jsonb_to_recordset($2::jsonb) AS f(index int, final_outcome text, incident boolean, adverse boolean, steps jsonb, risk_factors jsonb)`,
        [r.id, JSON.stringify([...r.futures].reverse())],
      );
    }
    expect(await migrate(h.db, all)).toEqual(['0013_futures_in_row']);
    for (const r of recs) expect((await h.store.get(r.id))!.futures).toEqual(r.futures);
    expect((await h.db.query(`SELECT to_regclass('futures') AS t`)).rows[0]).toEqual({ t: null });
    const fresh = sampleRecord(9);
    await h.store.append(fresh);
    expect((await h.store.get(fresh.id))!.futures).toEqual(fresh.futures);
    expect((await sealUntilSettled(h.sealer, h.ledger)).report).toMatchObject({ status: 'ok' });
    // The moved futures are covered by the row's hash as before.
    await behindTheServicesBack(h.db, (tx) => tx.query(`UPDATE evaluations SET futures = (futures::jsonb - 0)::json WHERE id = $1`, [recs[0].id]));
    expect((await verifyAudit(h.ledger)).first_problem).toMatchObject({ kind: 'row', id: recs[0].id });
  });
});
