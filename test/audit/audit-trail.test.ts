import request from 'supertest';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { checkInclusionProof, type InclusionProof } from '../../src/audit/check-proof.js';
import type { Checkpoint } from '../../src/audit/checkpoint.js';
import { evaluationDigest } from '../../src/audit/evaluation-digest.js';
import type { SealedBlock } from '../../src/audit/block.js';
import { PgEvaluationStore } from '../../src/audit/pg-evaluation-store.js';
import { SEALED_TABLES } from '../../src/audit/pg-sealed-tables.js';
import { buildBlock } from '../../src/audit/sealer.js';
import type { Queryable } from '../../src/db/database.js';
import { ENGINES, startService, type TestService } from '../support/service.js';
import { behindTheServicesBack, distinctCraneLift, newSigner, sealedRowCount, sealUntilSettled, snapshotAudit } from './audit-helpers.js';

describe.each(ENGINES)('the audit trail on %s', (engine) => {
  let svc: TestService;
  let ids: string[] = [];
  let restore: (() => Promise<void>) | undefined;

  const evaluateSome = async (n: number, offset = 0) => {
    const made: string[] = [];
    for (let i = 0; i < n; i++) {
      const res = await request(svc.app).post('/v1/evaluate').set(svc.auth('agent')).send(distinctCraneLift(i + offset));
      expect(res.status).toBe(200);
      made.push(res.body.evaluation_id);
    }
    return made;
  };
  const seal = () => sealUntilSettled(svc.container.audit.sealer, svc.container.audit.ledger);
  const verify = async (query = '') => (await request(svc.app).get(`/v1/audit/verify${query}`).set(svc.auth('auditor')).expect(200)).body;
  const proofOf = async (id: string) => (await request(svc.app).get(`/v1/evaluations/${id}/proof`).set(svc.auth('auditor')).expect(200)).body as InclusionProof;
  const blockOf = async (id: string) => (await proofOf(id)).block.height;
  const tamper = async (fn: (tx: Queryable) => Promise<unknown>) => {
    restore = await snapshotAudit(svc.container.db);
    await behindTheServicesBack(svc.container.db, fn);
  };

  beforeAll(async () => {
    svc = await startService(engine, { env: { AUDIT_SEAL_INTERVAL_MS: '0' } });
    ids = await evaluateSome(5);
    await seal();
    ids.push(...(await evaluateSome(4, 5)));
    await seal();
  });
  afterEach(async () => {
    if (!restore) return;
    await restore();
    restore = undefined;
    // Put back as it was: the next case starts from a trail that verifies.
    expect((await verify()).status).toBe('ok');
  });
  afterAll(async () => {
    await svc?.stop();
  });

  it('when evaluations are answered, then each row is hashed over all it stores (attribution and timings too), verify is pending until the seal and ok after', async () => {
    for (const id of ids) {
      const stored = (await svc.container.evaluations.get(id))!;
      expect(stored.apiKeyId).toBeTruthy();
      expect(stored.hash).toBe(evaluationDigest(stored));
      expect(evaluationDigest({ ...stored, apiKeyId: 'someone-else' })).not.toBe(stored.hash);
      expect(evaluationDigest({ ...stored, agentId: 'someone-else' })).not.toBe(stored.hash);
      expect(evaluationDigest({ ...stored, timing: { ...stored.timing, total: 0 } })).not.toBe(stored.hash);
    }
    const [late] = await evaluateSome(1, 9);
    // Every sealed table counts: the evaluations, and the key events of the keys that asked.
    const sealedNow = await sealedRowCount(svc.container.db);
    expect(await verify()).toMatchObject({ status: 'pending', rows_pending: 1, rows_sealed: sealedNow - 1, first_problem: null });
    const { report } = await seal();
    expect(report).toMatchObject({ status: 'ok', rows_pending: 0, rows_sealed: sealedNow });
    ids.push(late);
    const body = await verify();
    expect(body).toMatchObject({ status: 'ok', first_problem: null, keys: [svc.container.audit.signer.keyId] });
    expect(body.blocks).toBeGreaterThanOrEqual(2);
  });

  it('when an auditor asks for an evaluation’s proof, then it checks offline against the key of a checkpoint kept elsewhere', async () => {
    const checkpoint = (await request(svc.app).get('/v1/audit/checkpoint').set(svc.auth('auditor')).expect(200)).body as Checkpoint;
    for (const id of [ids[0], ids[ids.length - 1]]) {
      const proof = await proofOf(id);
      expect(proof.record).toMatchObject({ id, api_key_id: expect.any(String), timing: expect.any(Object) });
      expect(checkInclusionProof(proof, { trustedKeys: { [checkpoint.block.key_id]: checkpoint.public_key } })).toEqual({ ok: true, problems: [] });
    }
    expect((await request(svc.app).get(`/v1/evaluations/${ids[0]}/proof`).set(svc.auth('agent'))).status).toBe(403);
    expect((await request(svc.app).get('/v1/evaluations/00000000-0000-0000-0000-000000000000/proof').set(svc.auth('auditor'))).status).toBe(404);
  });

  it('when a stored decision is changed behind the service’s back, then verify names the first changed row and its block', async () => {
    const [first, later] = [ids[2], ids[7]];
    await tamper(async (tx) => {
      await tx.query("UPDATE evaluations SET decision = CASE decision WHEN 'approve' THEN 'escalate' ELSE 'approve' END WHERE id = ANY($1::uuid[])", [[first, later]]);
    });
    const body = await verify();
    expect(body.status).toBe('broken');
    expect(body.first_problem).toMatchObject({ kind: 'row', table: 'evaluations', id: first, height: await blockOf(first) });
  });

  it('when a row’s attribution (api_key_id) is changed, then verify names that row', async () => {
    await tamper((tx) => tx.query("UPDATE evaluations SET api_key_id = 'someone-else' WHERE id = $1", [ids[6]]));
    expect((await verify()).first_problem).toMatchObject({ kind: 'row', id: ids[6], message: expect.stringMatching(/no longer matches its hash/) });
  });

  it('when a future of a stored evaluation is changed, then verify names the evaluation', async () => {
    await tamper((tx) => tx.query(`UPDATE evaluations SET futures = jsonb_set(futures::jsonb, '{0,incident}', to_jsonb(NOT (futures::jsonb #>> '{0,incident}')::boolean))::json WHERE id = $1`, [ids[1]]));
    expect((await verify()).first_problem).toMatchObject({ kind: 'row', id: ids[1] });
  });

  it('when a sealed row is deleted, then verify names its block', async () => {
    const height = await blockOf(ids[4]);
    await tamper(async (tx) => {
      await tx.query('DELETE FROM evaluations WHERE id = $1', [ids[4]]);
    });
    const body = await verify();
    expect(body.first_problem).toMatchObject({ kind: 'block', height });
    expect(body.first_problem.message).toMatch(/block \d+ sealed \d+ rows; \d+ are there now/);
  });

  it('when two rows of a block swap places (seq), then verify names the block', async () => {
    const { rows } = await svc.container.db.query<{ id: string; seq: number }>('SELECT id, seq FROM evaluations WHERE id = ANY($1::uuid[]) ORDER BY seq', [ids.slice(5, 9)]);
    const sameBlock: { id: string; seq: number }[] = [];
    for (const r of rows) if ((await blockOf(r.id)) === (await blockOf(rows[0].id))) sameBlock.push(r);
    expect(sameBlock.length).toBeGreaterThanOrEqual(2);
    const [a, b] = sameBlock;
    const height = await blockOf(a.id);
    await tamper(async (tx) => {
      // seq is GENERATED ALWAYS: the superuser lifts that for the moment of the swap.
      await tx.query('ALTER TABLE evaluations ALTER COLUMN seq SET GENERATED BY DEFAULT');
      await tx.query('UPDATE evaluations SET seq = -1 WHERE id = $1', [a.id]);
      await tx.query('UPDATE evaluations SET seq = $2 WHERE id = $1', [b.id, a.seq]);
      await tx.query('UPDATE evaluations SET seq = $2 WHERE id = $1', [a.id, b.seq]);
      await tx.query('ALTER TABLE evaluations ALTER COLUMN seq SET GENERATED ALWAYS');
    });
    const body = await verify();
    expect(body.first_problem).toMatchObject({ kind: 'block', height, message: expect.stringMatching(/Merkle root/) });
  });

  it('when the whole history is rewritten consistently with another key, then only a checkpoint kept elsewhere detects it, naming the block', async () => {
    const checkpoint = (await request(svc.app).get('/v1/audit/checkpoint').set(svc.auth('auditor')).expect(200)).body as Checkpoint;
    expect((await request(svc.app).post('/v1/audit/verify').set(svc.auth('auditor')).send(checkpoint).expect(200)).body).toMatchObject({ status: 'ok', checkpoint: { matches: true } });

    const attacker = newSigner();
    await tamper(async (tx) => {
      // Every row re-attributed and rehashed; every block rebuilt over the same ranges and signed by the attacker's key.
      const store = new PgEvaluationStore(tx);
      for (const id of ids) {
        const rec = (await store.get(id))!;
        await tx.query("UPDATE evaluations SET api_key_id = 'attacker', hash = $2 WHERE id = $1", [id, evaluationDigest({ ...rec, apiKeyId: 'attacker' })]);
      }
      const { rows: originals } = await tx.query<{ height: number; lo: string; hi: string; tables: string[]; sealed_at: Date }>(
        'SELECT height, lo_xid::text AS lo, hi_xid::text AS hi, tables, sealed_at FROM audit_blocks ORDER BY height',
      );
      let previous: SealedBlock | null = null;
      const forged: SealedBlock[] = [];
      for (const o of originals) {
        // As the sealer does: every table the block names, in its order (evaluations and key events here).
        const leaves = [];
        for (const name of o.tables) leaves.push(...(await SEALED_TABLES.find((t) => t.name === name)!.leaves(tx, { lo: o.lo, hi: o.hi }, 0, 100_000)));
        previous = buildBlock({ previous, lo: o.lo, hi: o.hi, tables: o.tables, sealedAt: o.sealed_at.toISOString(), leaves }, attacker);
        forged.push(previous);
      }
      await tx.query('DELETE FROM audit_blocks');
      await tx.query('DELETE FROM audit_signing_keys');
      await tx.query("INSERT INTO audit_signing_keys (key_id, algorithm, public_key) VALUES ($1, 'ed25519', $2)", [attacker.keyId, attacker.publicKeyPem]);
      for (const b of forged) {
        await tx.query(
          `INSERT INTO audit_blocks (height, lo_xid, hi_xid, tables, row_count, merkle_root, prev_hash, sealed_at, key_id, hash, signature)
           VALUES ($1, $2::xid8, $3::xid8, $4, $5, $6, $7, $8, $9, $10, $11)`,
          [b.height, b.lo_xid, b.hi_xid, b.tables, b.row_count, b.merkle_root, b.prev_hash, b.sealed_at, b.key_id, b.hash, b.signature],
        );
      }
    });
    // Inside the database everything holds together: that is what a consistent rewrite means.
    expect(await verify()).toMatchObject({ status: 'ok', keys: [attacker.keyId] });
    const byBody = (await request(svc.app).post('/v1/audit/verify').set(svc.auth('auditor')).send({ checkpoint }).expect(200)).body;
    expect(byBody).toMatchObject({ status: 'broken', checkpoint: { height: checkpoint.block.height, matches: false } });
    expect(byBody.first_problem).toMatchObject({ kind: 'checkpoint', height: checkpoint.block.height, message: expect.stringMatching(/rewritten/) });
    const byQuery = await verify(`?checkpoint=${Buffer.from(JSON.stringify(checkpoint)).toString('base64url')}`);
    expect(byQuery.first_problem).toMatchObject({ kind: 'checkpoint', height: checkpoint.block.height });
  });

  it('when a checkpoint is forged or malformed, then verify refuses it as invalid_checkpoint', async () => {
    const checkpoint = (await request(svc.app).get('/v1/audit/checkpoint').set(svc.auth('auditor')).expect(200)).body as Checkpoint;
    const forged = { ...checkpoint, block: { ...checkpoint.block, row_count: checkpoint.block.row_count + 1 } };
    const res = await request(svc.app).post('/v1/audit/verify').set(svc.auth('auditor')).send(forged);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'invalid_checkpoint', problems: expect.arrayContaining(['the block header does not match its hash']) });
    expect((await request(svc.app).get('/v1/audit/verify?checkpoint=nonsense').set(svc.auth('auditor'))).body.code).toBe('invalid_checkpoint');
  });
});
