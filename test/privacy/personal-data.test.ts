import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkInclusionProof, type InclusionProof } from '../../src/audit/check-proof.js';
import type { Checkpoint } from '../../src/audit/checkpoint.js';
import { ENGINES } from '../support/engines.js';
import { behindTheServicesBack, sealUntilSettled } from '../audit/audit-helpers.js';
import { evaluateAs, signOff, startSignOffService, type SignOffTestService } from '../signoff/sign-off-support.js';
import { PERSON, PERSONAL_STRINGS, triageWithPerson } from './privacy-support.js';
import { SCENARIOS } from '../support/scenarios.js';

type Who = Parameters<SignOffTestService['as']>[0];

describe.each(ENGINES)('personal data on %s', (engine) => {
  let svc: SignOffTestService;
  let id: string;

  const get = (evaluationId: string, who: Who) => request(svc.app).get(`/v1/evaluations/${evaluationId}`).set(svc.as(who));
  /** Everything the database holds of one evaluation outside personal_fields: its row (futures included), as text. */
  const storedText = async (evaluationId: string) => {
    const { rows } = await svc.container.db.query<{ t: string }>(
      `SELECT e::text AS t FROM evaluations e WHERE e.id = $1`,
      [evaluationId],
    );
    return rows[0].t;
  };
  const readsOf = async (evaluationId: string) =>
    (await svc.container.db.query<{ reader_owner: string; route: string }>(`SELECT reader_owner, route FROM personal_data_reads WHERE $1 = ANY(evaluation_ids) ORDER BY seq`, [evaluationId])).rows;
  const seal = () => sealUntilSettled(svc.container.audit.sealer, svc.container.audit.ledger);
  const verify = async () => (await request(svc.app).get('/v1/audit/verify').set(svc.as('auditor')).expect(200)).body;

  beforeAll(async () => {
    svc = await startSignOffService(engine);
    const made = await evaluateAs(svc, 'agent', triageWithPerson());
    expect(made.status).toBe(200);
    expect(made.body.decision).toBe('escalate');
    // The agent's own answer is whole: it sent the data.
    expect(made.body.reading.facts.complaint).toBe(PERSON.complaint);
    id = made.body.evaluation_id;
  });
  afterAll(async () => {
    await svc?.stop();
  });

  it('when an evaluation carries personal data, then its row and futures hold salted digests instead (scheme 3) and the values are kept apart', async () => {
    const text = await storedText(id);
    for (const s of PERSONAL_STRINGS) expect(text, s).not.toContain(s);
    const { rows: [row] } = await svc.container.db.query<{ hash_scheme: number; personal_digests: string[] }>('SELECT hash_scheme, personal_digests FROM evaluations WHERE id = $1', [id]);
    expect(row.hash_scheme).toBe(3);
    const { rows: fields } = await svc.container.db.query<{ path: string; kind: string; value: unknown; salt: string }>('SELECT path, kind, value, salt FROM personal_fields WHERE evaluation_id = $1', [id]);
    expect(fields.length).toBe(row.personal_digests.length);
    expect(fields.filter((f) => f.kind === 'field').map((f) => f.path).sort()).toEqual(
      ['address', 'date_of_birth', 'mrn', 'name', 'phone'].map((k) => `request.state.caller_demographics.${k}`).concat(['request.state.chief_complaint', 'request.state.conversation_history']).sort(),
    );
    // The reading quoted the complaint: kept apart as well.
    expect(fields.some((f) => f.kind === 'echo' && f.value === PERSON.complaint)).toBe(true);
    expect(fields.every((f) => /^[0-9a-f]{32}$/.test(f.salt))).toBe(true);
  });

  it('when the auditor reads it, then the input is whole, the answer quotes the complaint again, and the read is recorded', async () => {
    const before = (await readsOf(id)).length;
    const res = await get(id, 'auditor');
    expect(res.status).toBe(200);
    expect(res.body.request.state).toEqual(triageWithPerson().state);
    expect(res.body.reading.facts.complaint).toBe(PERSON.complaint);
    expect(res.body.personal_data).toMatchObject({ shown: 'whole', erasure: null });
    const reads = await readsOf(id);
    expect(reads.length).toBe(before + 1);
    expect(reads.at(-1)).toEqual({ reader_owner: svc.people.auditor.owner, route: 'GET /v1/evaluations/:id' });
    expect(res.body.personal_data.reads.at(0)).toMatchObject({ by: { owner: svc.people.auditor.owner }, route: 'GET /v1/evaluations/:id' });
  });

  it('when the agent that asked reads it, then every personal value is masked, in the input and in the answer, and nothing is recorded', async () => {
    const before = (await readsOf(id)).length;
    const res = await get(id, 'agent');
    expect(res.status).toBe(200);
    const body = JSON.stringify(res.body);
    for (const s of PERSONAL_STRINGS) expect(body, s).not.toContain(s);
    expect(res.body.request.state.chief_complaint).toBe('[personal]');
    expect(res.body.request.state.caller_demographics).toMatchObject({ name: '[personal]', mrn: '[personal]', age: 45, sex: 'F' });
    expect(res.body.reading.facts.complaint).toBe('[personal]');
    expect(res.body.personal_data.shown).toBe('masked');
    // What is not personal is still there to act on.
    expect(res.body.effective_decision).toBe('pending');
    expect(res.body.reasons.length).toBeGreaterThan(0);
    expect((await readsOf(id)).length).toBe(before);
  });

  it('when a supervisor may sign it, then it sees the input whole (recorded); one who may not (another domain, the asker’s own owner) does not', async () => {
    const whole = await get(id, 'alice');
    expect(whole.body.request.state.chief_complaint).toBe(PERSON.complaint);
    expect(whole.body.personal_data.shown).toBe('whole');
    expect((await readsOf(id)).at(-1)).toEqual({ reader_owner: svc.people.alice.owner, route: 'GET /v1/evaluations/:id' });
    expect((await get(id, 'triageOnly')).body.personal_data.shown).toBe('whole');
    const own = await get(id, 'agentsOwnSupervisor');
    expect(own.body.request.state.chief_complaint).toBe('[personal]');
    // A supervisor of another domain does not see it at all: outside its scope it reads as absent.
    const other = await svc.container.keys.create({ name: 'helpdesk-desk', role: 'supervisor', owner: 'hana@example.org', domains: ['helpdesk'] });
    const outside = await request(svc.app).get(`/v1/evaluations/${id}`).set({ Authorization: `Bearer ${other.token}` });
    expect(outside.status).toBe(404);
    expect(JSON.stringify(outside.body)).not.toContain(PERSON.complaint);
  });

  it('when the list is read, then the complaint heads the item for the auditor (recorded) and is masked for the supervisor and the agent', async () => {
    const before = (await readsOf(id)).length;
    const items = async (who: Who) => (await request(svc.app).get('/v1/evaluations?domain=triage').set(svc.as(who)).expect(200)).body.items as { id: string; headline: string }[];
    expect((await items('auditor')).find((i) => i.id === id)!.headline).toBe(PERSON.complaint);
    expect((await readsOf(id)).at(-1)).toEqual({ reader_owner: svc.people.auditor.owner, route: 'GET /v1/evaluations' });
    const after = (await readsOf(id)).length;
    expect(after).toBe(before + 1);
    for (const who of ['alice', 'agent'] as const) {
      const [item] = (await items(who)).filter((i) => i.id === id);
      expect(item.headline).toBe('[personal]');
    }
    expect((await readsOf(id)).length).toBe(after);
  });

  it('when the supervisor has decided, then the input is masked for supervisors again; the approval still covers the action exactly as sent', async () => {
    expect((await signOff(svc, 'alice', id, { decision: 'approve', reason: 'ECG normal on call-back' })).status).toBe(200);
    const after = await get(id, 'bob');
    expect(after.body.effective_decision).toBe('approved');
    expect(after.body.request.state.chief_complaint).toBe('[personal]');
    const sent = triageWithPerson();
    const check = await request(svc.app).post(`/v1/evaluations/${id}/check`).set(svc.as('agent')).send({ state: sent.state, action: sent.action });
    expect(check.body).toMatchObject({ covered: true });
  });

  it('when an auditor erases it, then everyone sees [erased], the value is gone from every table, the erasure is on record, and verify and the proof stay clean', async () => {
    await seal();
    const checkpoint = (await request(svc.app).get('/v1/audit/checkpoint').set(svc.as('auditor')).expect(200)).body as Checkpoint;
    const rowBefore = await storedText(id);
    const proofBefore = (await request(svc.app).get(`/v1/evaluations/${id}/proof`).set(svc.as('auditor')).expect(200)).body as InclusionProof;

    const erased = await request(svc.app).post(`/v1/evaluations/${id}/erase`).set(svc.as('auditor')).send({ reason: 'Data subject request DSR-1042' });
    expect(erased.status).toBe(200);
    expect(erased.body.erasure).toMatchObject({ by: { owner: svc.people.auditor.owner, role: 'auditor' }, reason: 'Data subject request DSR-1042' });
    expect(erased.body.erasure.values_erased).toBeGreaterThanOrEqual(7);

    for (const who of ['auditor', 'agent', 'alice'] as const) {
      const res = await get(id, who);
      expect(res.status).toBe(200);
      const body = JSON.stringify(res.body);
      for (const s of PERSONAL_STRINGS) expect(body, `${who}: ${s}`).not.toContain(s);
      expect(res.body.request.state.chief_complaint).toBe('[erased]');
      expect(res.body.request.state.caller_demographics.mrn).toBe('[erased]');
      expect(res.body.reading.facts.complaint).toBe('[erased]');
    }
    // The row is exactly as it was sealed, and holds none of it; nor does any other table.
    expect(await storedText(id)).toBe(rowBefore);
    const { rows: dump } = await svc.container.db.query<{ t: string }>(
      `SELECT string_agg(t, ' ') AS t FROM (
         SELECT pf::text AS t FROM personal_fields pf UNION ALL SELECT pe::text FROM personal_erasures pe UNION ALL SELECT pr::text FROM personal_data_reads pr
         UNION ALL SELECT s::text FROM sign_offs s UNION ALL SELECT x::text FROM escalations x) all_rows`,
    );
    for (const s of PERSONAL_STRINGS) expect(dump[0].t, s).not.toContain(s);
    const { rows: held } = await svc.container.db.query('SELECT 1 FROM personal_fields WHERE evaluation_id = $1 AND (salt IS NOT NULL OR value IS NOT NULL)', [id]);
    expect(held).toEqual([]);
    const { rows: [erasure] } = await svc.container.db.query<{ actor_owner: string; reason: string }>('SELECT actor_owner, reason FROM personal_erasures WHERE evaluation_id = $1', [id]);
    expect(erasure).toEqual({ actor_owner: svc.people.auditor.owner, reason: 'Data subject request DSR-1042' });

    const { report } = await seal();
    expect(report).toMatchObject({ status: 'ok', first_problem: null });
    expect(await verify()).toMatchObject({ status: 'ok', rows_pending: 0 });
    const proof = (await request(svc.app).get(`/v1/evaluations/${id}/proof`).set(svc.as('auditor')).expect(200)).body as InclusionProof;
    expect(proof.record).toEqual(proofBefore.record);
    expect(JSON.stringify(proof)).not.toContain(PERSON.name);
    expect(checkInclusionProof(proof, { trustedKeys: { [checkpoint.block.key_id]: checkpoint.public_key } })).toEqual({ ok: true, problems: [] });
    // The erasure itself is sealed in the audit trail.
    const { rows: [{ id: erasureId }] } = await svc.container.db.query<{ id: string }>('SELECT id FROM personal_erasures WHERE evaluation_id = $1', [id]);
    const blocks = await svc.container.db.query('SELECT 1 FROM audit_blocks WHERE $1 = ANY(tables)', ['personal_erasures']);
    expect(blocks.rows.length).toBeGreaterThan(0);
    expect(erasureId).toEqual(expect.any(String));
  });

  it('when erasure is asked again, without a reason, by another role, or for an evaluation without personal data, then it is refused and changes nothing', async () => {
    const again = await request(svc.app).post(`/v1/evaluations/${id}/erase`).set(svc.as('auditor')).send({ reason: 'again' });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('already_erased');
    expect((await request(svc.app).post(`/v1/evaluations/${id}/erase`).set(svc.as('auditor')).send({ reason: '  ' })).status).toBe(400);
    for (const who of ['agent', 'alice', 'admin'] as const) {
      expect((await request(svc.app).post(`/v1/evaluations/${id}/erase`).set(svc.as(who)).send({ reason: 'x' })).status).toBe(403);
    }
    const calm = await evaluateAs(svc, 'agent', SCENARIOS.calmCraneLift.body);
    const none = await request(svc.app).post(`/v1/evaluations/${calm.body.evaluation_id}/erase`).set(svc.as('auditor')).send({ reason: 'x' });
    expect(none.status).toBe(409);
    expect(none.body.code).toBe('nothing_to_erase');
    const { rows } = await svc.container.db.query<{ n: number }>('SELECT count(*)::int AS n FROM personal_erasures');
    expect(rows[0].n).toBe(1);
  });

  it('when a data subject asks, then every evaluation holding their record number is erased, and no other', async () => {
    const mine = [
      (await evaluateAs(svc, 'agent', triageWithPerson({ mrn: 'MRN-SUBJECT-7', age: 51 }))).body.evaluation_id,
      (await evaluateAs(svc, 'agent', triageWithPerson({ mrn: 'MRN-SUBJECT-7', age: 52 }))).body.evaluation_id,
    ];
    const other = (await evaluateAs(svc, 'agent', triageWithPerson({ mrn: 'MRN-OTHER-8', name: 'Yusuf Other', age: 53 }))).body.evaluation_id;
    expect(new Set([...mine, other]).size).toBe(3);
    const res = await request(svc.app)
      .post('/v1/personal-data/erase')
      .set(svc.as('auditor'))
      .send({ path: 'state.caller_demographics.mrn', value: 'MRN-SUBJECT-7', reason: 'Right to erasure, DSR-2001' });
    expect(res.status).toBe(200);
    expect(res.body.erased.map((e: { evaluation_id: string }) => e.evaluation_id).sort()).toEqual([...mine].sort());
    expect(res.body.more).toBe(false);
    for (const e of mine) expect((await get(e, 'auditor')).body.request.state.caller_demographics.mrn).toBe('[erased]');
    expect((await get(other, 'auditor')).body.request.state.caller_demographics.mrn).toBe('MRN-OTHER-8');
    expect((await request(svc.app).post('/v1/personal-data/erase').set(svc.as('auditor')).send({ path: 'state.*', value: 'x', reason: 'x' })).status).toBe(400);
    expect((await seal()).report.status).toBe('ok');
  });

  it('when personal values are changed, removed or erased behind the service’s back, then verify names the evaluation', async () => {
    const fresh = (await evaluateAs(svc, 'agent', triageWithPerson({ age: 60 }))).body.evaluation_id;
    await seal();
    const cases: [string, string, RegExp][] = [
      ['value changed', `UPDATE personal_fields SET value = '"Someone Else"' WHERE evaluation_id = $1 AND path = 'request.state.caller_demographics.name'`, /no longer matches/],
      ['removed', `DELETE FROM personal_fields WHERE evaluation_id = $1 AND path = 'request.state.caller_demographics.name'`, /gone from personal_fields/],
      ['erased unrecorded', `UPDATE personal_fields SET value = NULL, salt = NULL, erased_at = now() WHERE evaluation_id = $1 AND path = 'request.state.caller_demographics.name'`, /erased without a recorded erasure/],
    ];
    const { rows: [kept] } = await svc.container.db.query<{ digest: string; path: string; kind: string; salt: string; value: unknown }>(
      `SELECT digest, path, kind, salt, value FROM personal_fields WHERE evaluation_id = $1 AND path = 'request.state.caller_demographics.name'`,
      [fresh],
    );
    for (const [what, sql, message] of cases) {
      await behindTheServicesBack(svc.container.db, (tx) => tx.query(sql, [fresh]));
      const report = await verify();
      expect(report.status, what).toBe('broken');
      expect(report.first_problem, what).toMatchObject({ kind: 'row', table: 'evaluations', id: fresh });
      expect(report.first_problem.message, what).toMatch(message);
      // Put back as it was.
      await behindTheServicesBack(svc.container.db, async (tx) => {
        await tx.query(`DELETE FROM personal_fields WHERE evaluation_id = $1 AND digest = $2`, [fresh, kept.digest]);
        await tx.query(`INSERT INTO personal_fields (evaluation_id, digest, path, kind, salt, value) VALUES ($1, $2, $3, $4, $5, $6::jsonb)`, [fresh, kept.digest, kept.path, kept.kind, kept.salt, JSON.stringify(kept.value)]);
      });
      expect((await verify()).status, what).toBe('ok');
    }
  });

  it('when the service’s role changes personal values other than by erasing them, or changes the record of erasures and reads, then the database refuses', async () => {
    const db = svc.container.db;
    await expect(db.query(`UPDATE personal_fields SET value = '"x"' WHERE kind = 'field'`)).rejects.toThrow(/only ever erased/);
    await expect(db.query(`DELETE FROM personal_fields`)).rejects.toThrow(/only ever erased/);
    await expect(db.query(`UPDATE personal_fields SET erased_at = NULL WHERE erased_at IS NOT NULL`)).rejects.toThrow(/only ever erased/);
    await expect(db.query(`UPDATE personal_erasures SET reason = 'nothing to see'`)).rejects.toThrow(/append-only/);
    await expect(db.query(`DELETE FROM personal_data_reads`)).rejects.toThrow(/append-only/);
    await expect(db.query(`TRUNCATE personal_fields`)).rejects.toThrow(/append-only/);
  });
});
