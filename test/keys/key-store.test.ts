import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate, readMigrations } from '../../src/db/migrate.js';
import { parseDuration } from '../../src/keys/duration.js';
import { KeySpecError, ROLES } from '../../src/keys/key-store.js';
import { bootstrapKeys, PgKeyStore } from '../../src/keys/pg-key-store.js';
import { PROJECT_ROOT } from '../../src/lib/project-root.js';
import { ENGINES } from '../support/engines.js';
import { manualClock, openTestDatabase, type TestDatabase } from './database.js';

const HOUR = 3_600_000;

describe.each(ENGINES)('API keys on %s', (engine) => {
  let t: TestDatabase;
  const clock = manualClock();
  let store: PgKeyStore;
  beforeAll(async () => {
    t = await openTestDatabase(engine);
    store = new PgKeyStore(t.db, { now: clock.now });
  });
  afterAll(async () => {
    await t?.stop();
  });

  it('when a key is created, then it carries its name, role and owner, and its token proves it', async () => {
    const k = await store.create({ name: 'triage-bot', role: 'agent', owner: 'triage-team' });
    expect(k).toMatchObject({ name: 'triage-bot', role: 'agent', owner: 'triage-team', domains: null, revokedAt: null, rotatedAt: null });
    expect(k.token).toMatch(new RegExp(`^fsk_${k.id}_[A-Za-z0-9_-]{43}$`));
    const verified = await store.verify(k.token);
    expect(verified?.key).toMatchObject({ id: k.id, owner: 'triage-team', role: 'agent' });
    expect(verified?.validUntil).toBeNull();
  });

  it.each(ROLES)('when a %s key is created, then the database accepts the role', async (role) => {
    const k = await store.create({ name: `${role}-key`, role, owner: 'ops' });
    expect((await store.verify(k.token))?.key.role).toBe(role);
  });

  it.each([
    ['a blank owner', { name: 'x', role: 'agent', owner: '  ' }, /owner/],
    ['no name', { name: '', role: 'agent', owner: 'ops' }, /name/],
    ['an unknown role', { name: 'x', role: 'root', owner: 'ops' }, /role/],
    ['a domain scope on an agent', { name: 'x', role: 'agent', owner: 'ops', domains: ['triage'] }, /only supervisor/],
    ['an empty domain scope', { name: 'x', role: 'supervisor', owner: 'ops', domains: [] }, /at least one/],
  ] as const)('when a key is asked for with %s, then it is refused and nothing is stored', async (_what, spec, message) => {
    const before = (await store.list()).length;
    await expect(store.create(spec as never)).rejects.toThrow(KeySpecError);
    await expect(store.create(spec as never)).rejects.toThrow(message);
    expect((await store.list()).length).toBe(before);
  });

  it('when the database is written behind the store, then it still refuses a key without an owner or a scoped non-supervisor', async () => {
    await expect(t.db.query(`INSERT INTO api_keys (id, name, role, owner, secret_hash) VALUES ('0000000000000001', 'x', 'agent', '', 'h')`)).rejects.toThrow(/api_keys_owner_present/);
    await expect(t.db.query(`INSERT INTO api_keys (id, name, role, secret_hash) VALUES ('0000000000000002', 'x', 'agent', 'h')`)).rejects.toThrow(/owner/);
    await expect(t.db.query(`INSERT INTO api_keys (id, name, role, owner, domains, secret_hash) VALUES ('0000000000000003', 'x', 'auditor', 'o', '{triage}', 'h')`)).rejects.toThrow(/api_keys_domains_supervisor_only/);
  });

  it('when a supervisor is scoped to domains, then the key lists them, deduplicated and sorted', async () => {
    const k = await store.create({ name: 'night-shift', role: 'supervisor', owner: 'alice', domains: ['triage', 'helpdesk', 'triage'] });
    expect(k.domains).toEqual(['helpdesk', 'triage']);
    expect((await store.verify(k.token))?.key.domains).toEqual(['helpdesk', 'triage']);
  });

  it('when a token is malformed or its secret is wrong, then it proves nothing', async () => {
    const k = await store.create({ name: 'x', role: 'agent', owner: 'ops' });
    expect(await store.verify('hello')).toBeNull();
    expect(await store.verify(`${k.token}x`)).toBeNull();
    expect(await store.verify(`fsk_${k.id}_${'A'.repeat(43)}`)).toBeNull();
    expect(await store.verify(`fsk_0123456789abcdef_${'A'.repeat(43)}`)).toBeNull();
  });

  it('when a key is rotated with a grace period, then the old secret works inside it and stops after it, and the new one works throughout', async () => {
    const k = await store.create({ name: 'deploy-bot', role: 'agent', owner: 'platform' });
    const r = (await store.rotate(k.id, 24 * HOUR))!;
    expect(r.key.id).toBe(k.id);
    expect(r.key.owner).toBe('platform');
    expect(r.key.token).not.toBe(k.token);
    expect(r.previousValidUntil?.getTime()).toBe(clock.now().getTime() + 24 * HOUR);

    clock.advance(24 * HOUR - 1);
    const old = await store.verify(k.token);
    expect(old?.key.id).toBe(k.id);
    expect(old?.validUntil).toEqual(r.previousValidUntil);
    expect((await store.verify(r.key.token))?.validUntil).toBeNull();

    clock.advance(1);
    expect(await store.verify(k.token)).toBeNull();
    expect((await store.verify(r.key.token))?.key.id).toBe(k.id);
    expect((await store.get(k.id))?.rotatedAt).toEqual(new Date(r.previousValidUntil!.getTime() - 24 * HOUR));
  });

  it('when a key is rotated without grace, then the old secret stops at once', async () => {
    const k = await store.create({ name: 'x', role: 'auditor', owner: 'audit' });
    const r = (await store.rotate(k.id, 0))!;
    expect(r.previousValidUntil).toBeNull();
    expect(await store.verify(k.token)).toBeNull();
    expect(await store.verify(r.key.token)).not.toBeNull();
  });

  it('when a key is rotated twice inside a grace period, then only the latest old secret keeps its grace', async () => {
    const k = await store.create({ name: 'x', role: 'agent', owner: 'ops' });
    const first = (await store.rotate(k.id, HOUR))!;
    const second = (await store.rotate(k.id, HOUR))!;
    expect(await store.verify(k.token)).toBeNull();
    expect(await store.verify(first.key.token)).not.toBeNull();
    expect(await store.verify(second.key.token)).not.toBeNull();
  });

  it('when a key is revoked, then every secret of it stops, even one inside its grace, and it cannot be rotated back', async () => {
    const k = await store.create({ name: 'x', role: 'agent', owner: 'ops' });
    const r = (await store.rotate(k.id, HOUR))!;
    expect(await store.revoke(k.id)).toBe(true);
    expect(await store.verify(k.token)).toBeNull();
    expect(await store.verify(r.key.token)).toBeNull();
    expect(await store.revoke(k.id)).toBe(false);
    expect(await store.rotate(k.id, HOUR)).toBeNull();
    expect((await store.get(k.id))?.revokedAt).toEqual(clock.now());
  });

  it('when the service starts on a database with no keys, then one key per role is made, owned by bootstrap, and only once', async () => {
    const fresh = await openTestDatabase(engine);
    try {
      const created = await bootstrapKeys(fresh.db, ROLES);
      expect(created.map((k) => k.role)).toEqual([...ROLES]);
      expect(created.every((k) => k.owner === 'bootstrap')).toBe(true);
      expect(await bootstrapKeys(fresh.db, ROLES)).toEqual([]);
    } finally {
      await fresh.stop();
    }
  });

  it('when keys made before owners existed are migrated, then they keep working, bootstrap keys are owned by bootstrap and the others by unrecorded', async () => {
    const old = await openTestDatabase(engine, { upTo: '0002' });
    try {
      await old.db.query(`INSERT INTO api_keys (id, name, role, secret_hash) VALUES ('00000000000000aa', 'bootstrap-admin', 'admin', 'h'), ('00000000000000bb', 'ci', 'agent', 'h')`);
      await migrate(old.db, readMigrations(path.join(PROJECT_ROOT, 'migrations')));
      const keys = await new PgKeyStore(old.db).list();
      expect(keys.map((k) => [k.name, k.owner])).toEqual(expect.arrayContaining([['bootstrap-admin', 'bootstrap'], ['ci', 'unrecorded']]));
      const op = await new PgKeyStore(old.db).create({ name: 'metrics', role: 'operator', owner: 'sre' });
      expect(op.role).toBe('operator');
    } finally {
      await old.stop();
    }
  });
});

describe('grace periods as written on the command line', () => {
  it.each([
    ['0', 0],
    ['90s', 90_000],
    ['30m', 1_800_000],
    ['24h', 86_400_000],
    ['7d', 604_800_000],
    ['1h30m', 5_400_000],
  ])('when the grace is %s, then it is %d ms', (text, ms) => {
    expect(parseDuration(text)).toBe(ms);
  });

  it.each(['', '24', 'h', '1 h', '-1h', '1y', '24h!'])('when the grace is %j, then it is refused', (text) => {
    expect(() => parseDuration(text)).toThrow(/not a duration/);
  });
});
