import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../src/audit/verify.js';
import { behindTheServicesBack, sealUntilSettled } from '../audit/audit-helpers.js';
import { ENGINES, startService, type TestService } from '../support/service.js';

/** Key changes are history too: each is an append-only event, sealed, checked by verify. */
describe.each(ENGINES)('key events on %s', (engine) => {
  let svc: TestService;
  let keyId: string;
  beforeAll(async () => {
    svc = await startService(engine, { env: { AUDIT_SEAL_INTERVAL_MS: '0' } });
    const made = await svc.container.keys.create({ name: 'night-desk', role: 'supervisor', owner: 'nora@example.org', domains: ['triage'] });
    keyId = made.id;
    await svc.container.keys.rotate(keyId, 60_000);
    await svc.container.keys.revoke(keyId);
    expect(await svc.container.keys.revoke(keyId)).toBe(false); // nothing changed, so nothing recorded
  });
  afterAll(async () => {
    await svc?.stop();
  });

  const eventsOf = async (id: string) =>
    (await svc.container.db.query<{ kind: string; details: Record<string, unknown> }>('SELECT kind, details FROM key_events WHERE key_id = $1 ORDER BY seq', [id])).rows;

  it('when a key is created, rotated and revoked, then each change is one event, with who it is for and never a secret', async () => {
    const events = await eventsOf(keyId);
    expect(events.map((e) => e.kind)).toEqual(['created', 'rotated', 'revoked']);
    expect(events[0].details).toMatchObject({ name: 'night-desk', role: 'supervisor', owner: 'nora@example.org', domains: ['triage'] });
    expect(typeof events[1].details.previous_secret_valid_until).toBe('string');
    const { rows } = await svc.container.db.query<{ text: string }>('SELECT details::text AS text FROM key_events');
    for (const r of rows) expect(r.text).not.toMatch(/secret_hash|fsk_/);
  });

  it('when the trail is sealed, then the key events are in its blocks and verify is clean', async () => {
    const { report } = await sealUntilSettled(svc.container.audit.sealer, svc.container.audit.ledger);
    expect(report.status).toBe('ok');
    const leaves = (await Promise.all((await svc.container.audit.ledger.blocks(0, 100)).map((b) => svc.container.audit.ledger.leavesOf(b)))).flat();
    expect(leaves.filter((l) => l.table === 'key_events').length).toBeGreaterThanOrEqual(3);
  });

  it('when the service tries to change or delete an event, then the database refuses', async () => {
    await expect(svc.container.db.query(`UPDATE key_events SET kind = 'created' WHERE key_id = $1`, [keyId])).rejects.toThrow();
    await expect(svc.container.db.query(`DELETE FROM key_events WHERE key_id = $1`, [keyId])).rejects.toThrow();
    expect((await eventsOf(keyId)).map((e) => e.kind)).toEqual(['created', 'rotated', 'revoked']);
  });

  it('when an event is rewritten behind the service’s back (who the key was for), then verify names it', async () => {
    const { rows: [ev] } = await svc.container.db.query<{ id: string }>(`SELECT id::text AS id FROM key_events WHERE key_id = $1 AND kind = 'created'`, [keyId]);
    await behindTheServicesBack(svc.container.db, (tx) => tx.query(`UPDATE key_events SET details = jsonb_set(details, '{owner}', '"mallory@example.org"') WHERE id = $1`, [ev.id]));
    const report = await verifyAudit(svc.container.audit.ledger);
    expect(report.status).toBe('broken');
    expect(report.first_problem).toMatchObject({ kind: 'row', table: 'key_events', id: ev.id });
    const viaHttp = (await request(svc.app).get('/v1/audit/verify').set(svc.auth('auditor'))).body;
    expect(viaHttp.first_problem).toMatchObject({ table: 'key_events', id: ev.id });
  });
});
