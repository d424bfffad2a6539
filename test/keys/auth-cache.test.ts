import express from 'express';
import request from 'supertest';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { callerKey, createAuthenticator, type AuthenticatorOptions } from '../../src/http/auth.js';
import { notFound, problemHandler } from '../../src/http/problem.js';
import type { KeyStore } from '../../src/keys/key-store.js';
import { PgKeyStore } from '../../src/keys/pg-key-store.js';
import { createLogger } from '../../src/logger.js';
import { ENGINES } from '../support/engines.js';
import { manualClock, openTestDatabase, type TestDatabase } from './database.js';

const TTL = 5_000;

/** The real store, counting how often the authenticator asks it. */
function counting(store: KeyStore) {
  const calls = { verify: 0 };
  const wrapped: KeyStore = new Proxy(store, {
    get(target, prop, receiver) {
      if (prop === 'verify') {
        return (token: string) => {
          calls.verify++;
          return target.verify(token);
        };
      }
      const v = Reflect.get(target, prop, receiver);
      return typeof v === 'function' ? v.bind(target) : v;
    },
  });
  return { store: wrapped, calls };
}

/** One guarded route and one open one, as the service mounts them. */
function appWith(keys: KeyStore, options: AuthenticatorOptions) {
  const auth = createAuthenticator(keys, options);
  const app = express();
  app.get('/v1/domains', auth.guard('GET /v1/domains'), (_req, res) => {
    const k = callerKey(res);
    res.json({ id: k.id, role: k.role, owner: k.owner, domains: k.domains });
  });
  app.get('/healthz', auth.guard('GET /healthz'), (_req, res) => res.json({ status: 'ok', key: res.locals.apiKey?.id ?? null }));
  app.use(notFound);
  app.use(problemHandler(createLogger('silent')));
  return app;
}

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const unknownToken = (i: number) => `fsk_${i.toString(16).padStart(16, '0')}_${'A'.repeat(43)}`;

describe.each(ENGINES)('the key cache on %s', (engine) => {
  let t: TestDatabase;
  let clock: ReturnType<typeof manualClock>;
  let store: PgKeyStore;
  let counted: ReturnType<typeof counting>;
  beforeAll(async () => {
    t = await openTestDatabase(engine);
  });
  afterAll(async () => {
    await t?.stop();
  });
  beforeEach(() => {
    clock = manualClock();
    store = new PgKeyStore(t.db, { now: clock.now });
    counted = counting(store);
  });

  it('when a known key calls, then the route sees its id, role, owner and scope, and the store is asked once per TTL', async () => {
    const app = appWith(counted.store, { ttlMs: TTL, now: clock.now });
    const k = await store.create({ name: 'night-shift', role: 'supervisor', owner: 'alice', domains: ['triage'] });
    for (let i = 0; i < 3; i++) {
      const res = await request(app).get('/v1/domains').set(bearer(k.token));
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ id: k.id, role: 'supervisor', owner: 'alice', domains: ['triage'] });
    }
    expect(counted.calls.verify).toBe(1);
    clock.advance(TTL);
    expect((await request(app).get('/v1/domains').set(bearer(k.token))).status).toBe(200);
    expect(counted.calls.verify).toBe(2);
  });

  it('when a cached key is revoked, then it works at most until its TTL runs out, and not a moment longer', async () => {
    const app = appWith(counted.store, { ttlMs: TTL, now: clock.now });
    const k = await store.create({ name: 'x', role: 'agent', owner: 'ops' });
    expect((await request(app).get('/v1/domains').set(bearer(k.token))).status).toBe(200);
    await store.revoke(k.id);
    clock.advance(TTL - 1);
    expect((await request(app).get('/v1/domains').set(bearer(k.token))).status).toBe(200);
    clock.advance(1);
    const after = await request(app).get('/v1/domains').set(bearer(k.token));
    expect(after.status).toBe(401);
    expect(after.body.code).toBe('unauthenticated');
  });

  it('when the cache is off, then a revocation takes effect on the next request', async () => {
    const app = appWith(counted.store, { ttlMs: 0, now: clock.now });
    const k = await store.create({ name: 'x', role: 'agent', owner: 'ops' });
    expect((await request(app).get('/v1/domains').set(bearer(k.token))).status).toBe(200);
    await store.revoke(k.id);
    expect((await request(app).get('/v1/domains').set(bearer(k.token))).status).toBe(401);
  });

  it('when a rotated-out secret is cached near the end of its grace, then it stops when the grace ends, inside the TTL', async () => {
    const app = appWith(counted.store, { ttlMs: TTL, now: clock.now });
    const k = await store.create({ name: 'x', role: 'agent', owner: 'ops' });
    const grace = 60_000;
    const r = (await store.rotate(k.id, grace))!;
    clock.advance(grace - 1_000);
    expect((await request(app).get('/v1/domains').set(bearer(k.token))).status).toBe(200);
    clock.advance(1_000);
    expect((await request(app).get('/v1/domains').set(bearer(k.token))).status).toBe(401);
    expect((await request(app).get('/v1/domains').set(bearer(r.key.token))).status).toBe(200);
  });

  it('when a flood of unknown tokens arrives, then real keys stay cached and each unknown token reaches the store once per TTL', async () => {
    const app = appWith(counted.store, { ttlMs: TTL, now: clock.now, maxKeys: 2, maxUnknown: 2 });
    const a = await store.create({ name: 'a', role: 'agent', owner: 'ops' });
    const b = await store.create({ name: 'b', role: 'auditor', owner: 'audit' });
    await request(app).get('/v1/domains').set(bearer(a.token));
    await request(app).get('/v1/domains').set(bearer(b.token));
    expect(counted.calls.verify).toBe(2);
    for (let i = 1; i <= 20; i++) expect((await request(app).get('/v1/domains').set(bearer(unknownToken(i)))).status).toBe(401);
    expect(counted.calls.verify).toBe(22);
    expect((await request(app).get('/v1/domains').set(bearer(a.token))).status).toBe(200);
    expect((await request(app).get('/v1/domains').set(bearer(b.token))).status).toBe(200);
    expect(counted.calls.verify).toBe(22);
    // The same made-up token again: remembered as refused.
    await request(app).get('/v1/domains').set(bearer(unknownToken(20)));
    expect(counted.calls.verify).toBe(22);
  });

  it.each([
    ['a word', 'hello'],
    ['a token with a short secret', 'fsk_0123456789abcdef_short'],
    ['a token with an upper-case id', `fsk_0123456789ABCDEF_${'A'.repeat(43)}`],
    ['a token with a trailing character', `fsk_0123456789abcdef_${'A'.repeat(44)}`],
  ])('when the key is %s, then it is refused as malformed without asking the store', async (_what, token) => {
    const app = appWith(counted.store, { ttlMs: TTL, now: clock.now });
    const res = await request(app).get('/v1/domains').set(bearer(token));
    expect(res.status).toBe(401);
    expect(res.body.detail).toMatch(/malformed/);
    expect(counted.calls.verify).toBe(0);
  });

  it('when an open route is called with a bad key or none, then it answers as for anyone', async () => {
    const app = appWith(counted.store, { ttlMs: TTL, now: clock.now });
    const k = await store.create({ name: 'x', role: 'operator', owner: 'sre' });
    expect((await request(app).get('/healthz')).body).toEqual({ status: 'ok', key: null });
    expect((await request(app).get('/healthz').set(bearer('hello'))).body).toEqual({ status: 'ok', key: null });
    expect((await request(app).get('/healthz').set(bearer(k.token))).body).toEqual({ status: 'ok', key: k.id });
  });
});
