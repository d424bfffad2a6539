import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONSOLE_CSP, DEFAULT_SESSION_TTL_MS } from '../../src/console/console-routes.js';
import { ENGINES } from '../support/engines.js';
import { MINUTE, startSignOffService, type SignOffTestService } from '../signoff/sign-off-support.js';
import { sessionTokenHash } from '../../src/console/session-token.js';
import { BROWSER, csrfOf, escalation, SESSION_COOKIE, setCookieOf, signIn, SIGN_IN_COOKIE } from './console-support.js';

describe.each(ENGINES)('console sessions, CSRF and CSP on %s', (engine) => {
  let svc: SignOffTestService;
  beforeAll(async () => {
    svc = await startSignOffService(engine);
  });
  afterAll(async () => {
    await svc?.stop();
  });

  const sessionRows = async (keyId: string) =>
    (await svc.container.db.query<{ token_hash: string; sealed_key: Buffer }>('SELECT token_hash, sealed_key FROM console_sessions WHERE key_id = $1', [keyId])).rows;
  const signOffCount = async (id: string) => (await svc.container.db.query<{ n: number }>('SELECT count(*)::int AS n FROM sign_offs WHERE evaluation_id = $1', [id])).rows[0].n;

  it('when the sign-in page is served, then it has the strict CSP, no inline script or style, and a sign-in token in an HttpOnly cookie', async () => {
    const res = await request(svc.app).get('/ui/').set(BROWSER);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['content-security-policy']).toBe(CONSOLE_CSP);
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.text).not.toMatch(/<script(?![^>]*\bsrc=)/);
    expect(res.text).not.toMatch(/\sstyle=/);
    expect(res.text).not.toMatch(/\son[a-z]+=/);
    const pre = setCookieOf(res, SIGN_IN_COOKIE)!;
    expect(pre.attributes).toEqual(expect.arrayContaining(['Path=/ui', 'HttpOnly', 'SameSite=Strict']));
    expect(csrfOf(res.text)).toBe(pre.value);
    // Its own assets, from this origin.
    const css = await request(svc.app).get('/ui/assets/console.css');
    expect(css.status).toBe(200);
    expect(css.headers['content-type']).toMatch(/^text\/css/);
    expect((await request(svc.app).get('/ui/assets/console.js')).headers['content-type']).toMatch(/^text\/javascript/);
    expect((await request(svc.app).get('/ui/assets/..%2Fconsole-routes.ts')).status).toBe(404);
  });

  it('when a supervisor signs in, then the cookie is HttpOnly, SameSite=Strict and expires, and the database holds neither the cookie nor the key in the clear', async () => {
    const form = await request(svc.app).get('/ui/').set(BROWSER);
    const pre = setCookieOf(form, SIGN_IN_COOKIE)!;
    const res = await request(svc.app).post('/ui/sign-in').set(BROWSER).set('Cookie', `${SIGN_IN_COOKIE}=${pre.value}`).type('form').send({ key: svc.people.alice.token, csrf: pre.value });
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/ui/queue');
    const cookie = setCookieOf(res, SESSION_COOKIE)!;
    expect(cookie.attributes).toEqual(expect.arrayContaining(['Path=/ui', 'HttpOnly', 'SameSite=Strict', `Max-Age=${DEFAULT_SESSION_TTL_MS / 1000}`]));
    // Plain HTTP here: Secure would make the browser drop it; over HTTPS it is set.
    expect(cookie.attributes).not.toContain('Secure');
    expect(cookie.value).not.toContain(svc.people.alice.token);
    const rows = await sessionRows(svc.people.alice.id);
    expect(rows).toHaveLength(1);
    expect(rows[0].token_hash).not.toContain(cookie.value);
    expect(rows[0].sealed_key.toString('latin1')).not.toContain(svc.people.alice.token.slice(4));
    const queue = await request(svc.app).get('/ui/queue').set(BROWSER).set('Cookie', `${SESSION_COOKIE}=${cookie.value}`);
    expect(queue.status).toBe(200);
    expect(queue.text).toContain('alice@example.org');
  });

  it('when the console sits behind a trusted TLS proxy, then the session cookie is Secure; a client that only claims HTTPS gets none', async () => {
    const proxied = await startSignOffService(engine, { env: { TRUST_PROXY: 'loopback' } });
    try {
      const signInOver = async (app: typeof svc.app, proto?: string) => {
        const get = request(app).get('/ui/').set(BROWSER);
        const form = await (proto ? get.set('X-Forwarded-Proto', proto) : get);
        const pre = setCookieOf(form, SIGN_IN_COOKIE)!;
        expect(pre.attributes.includes('Secure')).toBe(proto === 'https' && app === proxied.app);
        const post = request(app).post('/ui/sign-in').set(BROWSER).set('Cookie', `${SIGN_IN_COOKIE}=${pre.value}`);
        const res = await (proto ? post.set('X-Forwarded-Proto', proto) : post).type('form').send({ key: proxied.people.carol.token, csrf: pre.value });
        return setCookieOf(res, SESSION_COOKIE)!;
      };
      expect((await signInOver(proxied.app, 'https')).attributes).toContain('Secure');
      expect((await signInOver(proxied.app)).attributes).not.toContain('Secure');
    } finally {
      await proxied.stop();
    }
    // Without TRUST_PROXY the header is the client's own word: it changes nothing.
    const form = await request(svc.app).get('/ui/').set(BROWSER).set('X-Forwarded-Proto', 'https');
    expect(setCookieOf(form, SIGN_IN_COOKIE)!.attributes).not.toContain('Secure');
  });

  it('when the sign-in form comes without its sign-in token, then no session is opened (no other site can sign a browser in)', async () => {
    const before = (await sessionRows(svc.people.bob.id)).length;
    const res = await request(svc.app).post('/ui/sign-in').set(BROWSER).type('form').send({ key: svc.people.bob.token, csrf: 'x'.repeat(43) });
    expect(res.status).toBe(403);
    expect(setCookieOf(res, SESSION_COOKIE)).toBeUndefined();
    expect(await sessionRows(svc.people.bob.id)).toHaveLength(before);
  });

  it('when a wrong, agent or admin key is pasted, then the sign-in page says why and no session is opened', async () => {
    const form = await request(svc.app).get('/ui/').set(BROWSER);
    const pre = setCookieOf(form, SIGN_IN_COOKIE)!;
    const attempt = (key: string) => request(svc.app).post('/ui/sign-in').set(BROWSER).set('Cookie', `${SIGN_IN_COOKIE}=${pre.value}`).type('form').send({ key, csrf: pre.value });
    const wrong = await attempt(`fsk_0123456789abcdef_${'A'.repeat(43)}`);
    expect(wrong.status).toBe(401);
    expect(wrong.text).toContain('That key is unknown, revoked or rotated out.');
    for (const who of ['agent', 'admin'] as const) {
      const res = await attempt(svc.people[who].token);
      expect(res.status).toBe(403);
      expect(res.text).toContain('The console is for supervisor and auditor keys');
      expect(setCookieOf(res, SESSION_COOKIE)).toBeUndefined();
      expect(await sessionRows(svc.people[who].id)).toHaveLength(0);
    }
  });

  it('when a signed-in supervisor posts a sign-off without the CSRF token, with a wrong one, or with the right one, then only the last is recorded', async () => {
    const id = await escalation(svc);
    const s = await signIn(svc.app, svc.people.bob.token);
    const post = (fields: Record<string, string>) => request(svc.app).post(`/ui/evaluations/${id}/sign-off`).set(BROWSER).set('Cookie', s.cookie).type('form').send({ decision: 'deny', reason: 'Gusts over the limit', ...fields });
    const missing = await post({});
    expect(missing.status).toBe(403);
    expect(missing.text).toContain('CSRF token is missing or wrong');
    expect((await post({ csrf: s.csrf.slice(0, -1) + (s.csrf.endsWith('A') ? 'B' : 'A') })).status).toBe(403);
    // A program asking for JSON gets the same refusal as problem+json.
    const asJson = await request(svc.app).post(`/ui/evaluations/${id}/sign-off`).set('Cookie', s.cookie).send({ decision: 'deny', reason: 'x' });
    expect(asJson.status).toBe(403);
    expect(asJson.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(await signOffCount(id)).toBe(0);
    const ok = await post({ csrf: s.csrf });
    expect(ok.status).toBe(303);
    expect(ok.headers.location).toBe(`/ui/evaluations/${id}?done=deny`);
    expect(await signOffCount(id)).toBe(1);
    const api = await request(svc.app).get(`/v1/evaluations/${id}`).set(svc.as('agent'));
    expect(api.body.effective_decision).toBe('denied');
    expect(api.body.review.feedback).toEqual(['Gusts over the limit']);
  });

  it('when the sign-off form has no reason, then the API’s own validation refuses it and nothing is recorded', async () => {
    const id = await escalation(svc);
    const s = await signIn(svc.app, svc.people.carol.token);
    const res = await request(svc.app).post(`/ui/evaluations/${id}/sign-off`).set(BROWSER).set('Cookie', s.cookie).type('form').send({ csrf: s.csrf, decision: 'approve', reason: '   ' });
    expect(res.status).toBe(400);
    expect(res.text).toContain('a reason is required');
    expect(res.text).toContain(`href="/ui/evaluations/${id}"`);
    expect(await signOffCount(id)).toBe(0);
  });

  it('when the person who asked signs in as a supervisor, then the form is not shown and a forged post is refused as self-approval', async () => {
    const id = await escalation(svc);
    const s = await signIn(svc.app, svc.people.agentsOwnSupervisor.token);
    const page = await request(svc.app).get(`/ui/evaluations/${id}`).set(BROWSER).set('Cookie', s.cookie);
    expect(page.text).not.toContain('id="sign-off-form"');
    expect(page.text).toContain('asked for this evaluation, so you cannot sign off on it');
    const forged = await request(svc.app).post(`/ui/evaluations/${id}/sign-off`).set(BROWSER).set('Cookie', s.cookie).type('form').send({ csrf: s.csrf, decision: 'approve', reason: 'mine' });
    expect(forged.status).toBe(403);
    expect(await signOffCount(id)).toBe(0);
  });

  it('when a supervisor scoped to triage opens a site escalation, then it is not found and absent from the queue', async () => {
    const id = await escalation(svc);
    const s = await signIn(svc.app, svc.people.triageOnly.token);
    expect((await request(svc.app).get(`/ui/evaluations/${id}`).set(BROWSER).set('Cookie', s.cookie)).status).toBe(404);
    const queue = await request(svc.app).get('/ui/queue').set(BROWSER).set('Cookie', s.cookie);
    expect(queue.text).not.toContain(id);
    const forged = await request(svc.app).post(`/ui/evaluations/${id}/sign-off`).set(BROWSER).set('Cookie', s.cookie).type('form').send({ csrf: s.csrf, decision: 'approve', reason: 'out of scope' });
    expect(forged.status).toBe(404);
    expect(await signOffCount(id)).toBe(0);
  });

  it('when a supervisor signs out, then the session row is gone and the cookie opens nothing', async () => {
    const s = await signIn(svc.app, svc.people.carol.token);
    const out = await request(svc.app).post('/ui/sign-out').set(BROWSER).set('Cookie', s.cookie).type('form').send({ csrf: s.csrf });
    expect(out.status).toBe(303);
    expect(out.headers.location).toBe('/ui/?signed_out=1');
    expect(setCookieOf(out, SESSION_COOKIE)!.attributes).toContain('Max-Age=0');
    expect((await svc.container.db.query('SELECT 1 FROM console_sessions WHERE token_hash = $1', [sessionTokenHash(s.token)])).rowCount).toBe(0);
    const again = await request(svc.app).get('/ui/queue').set(BROWSER).set('Cookie', s.cookie);
    expect(again.status).toBe(303);
    expect(again.headers.location).toBe('/ui/?ended=1');
    // A program without a browser's Accept gets a problem+json 401.
    const api = await request(svc.app).get('/ui/queue').set('Cookie', s.cookie);
    expect(api.status).toBe(401);
    expect(api.body.code).toBe('unauthenticated');
  });

  it('when a key is rotated, then its session lasts exactly as long as the secret it was opened with', async () => {
    const key = await svc.container.keys.create({ name: 'rota', role: 'supervisor', owner: 'gina@example.org' });
    const s = await signIn(svc.app, key.token);
    await svc.container.keys.rotate(key.id, 10 * MINUTE);
    // Inside the grace period the old secret, and so the session, still works.
    expect((await request(svc.app).get('/ui/queue').set(BROWSER).set('Cookie', s.cookie)).status).toBe(200);
    svc.clock.advance(11 * MINUTE);
    const after = await request(svc.app).get('/ui/queue').set(BROWSER).set('Cookie', s.cookie);
    expect(after.status).toBe(303);
    expect(after.headers.location).toBe('/ui/?ended=1');
    expect(await sessionRows(key.id)).toHaveLength(0);
  });

  it('when a session is older than its expiry, then it has ended', async () => {
    const s = await signIn(svc.app, svc.people.bob.token);
    expect((await request(svc.app).get('/ui/queue').set(BROWSER).set('Cookie', s.cookie)).status).toBe(200);
    svc.clock.advance(DEFAULT_SESSION_TTL_MS + MINUTE);
    const after = await request(svc.app).get('/ui/queue').set(BROWSER).set('Cookie', s.cookie);
    expect(after.status).toBe(303);
    expect(after.headers.location).toBe('/ui/?ended=1');
  });

  it('when a cookie is altered or made up, then it opens nothing', async () => {
    const s = await signIn(svc.app, svc.people.alice.token);
    const flipped = s.token.slice(0, -1) + (s.token.endsWith('A') ? 'B' : 'A');
    for (const value of [flipped, 'not-a-token', `${s.token}${s.token}`]) {
      const res = await request(svc.app).get('/ui/queue').set('Cookie', `${SESSION_COOKIE}=${value}`);
      expect(res.status).toBe(401);
    }
    // Another session's sealed key moved into this session's row opens nothing either.
    const other = await signIn(svc.app, svc.people.bob.token);
    await svc.container.db.query('UPDATE console_sessions SET sealed_key = (SELECT sealed_key FROM console_sessions WHERE token_hash = $2) WHERE token_hash = $1', [sessionTokenHash(s.token), sessionTokenHash(other.token)]);
    expect((await request(svc.app).get('/ui/queue').set('Cookie', s.cookie)).status).toBe(401);
    expect((await request(svc.app).get('/ui/queue').set('Cookie', other.cookie)).status).toBe(200);
  });

  it('when a stored answer holds markup, then every page shows it as text', async () => {
    const id = await escalation(svc, '<script>alert(1)</script><img src=x onerror=alert(2)>');
    const s = await signIn(svc.app, svc.people.alice.token);
    for (const path of ['/ui/queue', `/ui/evaluations/${id}`]) {
      const page = await request(svc.app).get(path).set(BROWSER).set('Cookie', s.cookie);
      expect(page.status).toBe(200);
      expect(page.text).not.toContain('<script>alert(1)');
      expect(page.text).not.toContain('<img src=x');
      expect(page.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    }
  });

  it('when two supervisors look at one escalation, then each sees the other reviewing it, never themselves, until it is signed', async () => {
    const id = await escalation(svc);
    const alice = await signIn(svc.app, svc.people.alice.token);
    const bob = await signIn(svc.app, svc.people.bob.token);
    await request(svc.app).get(`/ui/evaluations/${id}`).set(BROWSER).set('Cookie', alice.cookie);
    const rowOf = (page: string) => {
      const at = page.indexOf(`data-id="${id}"`);
      return at === -1 ? '' : page.slice(at, page.indexOf('</tr>', at));
    };
    const queueOf = async (who: typeof alice) => rowOf((await request(svc.app).get('/ui/queue').set(BROWSER).set('Cookie', who.cookie)).text);
    expect(await queueOf(bob)).toContain('being reviewed by alice@example.org');
    expect(await queueOf(alice)).not.toContain('being reviewed by');
    // The heartbeat keeps it (with the CSRF token, as every POST); "closed" (the tab went away) ends it.
    const beat = await request(svc.app).post(`/ui/evaluations/${id}/reviewing`).set('Cookie', alice.cookie).set('X-CSRF-Token', alice.csrf).type('form').send({ state: 'open' });
    expect(beat.status).toBe(204);
    expect((await request(svc.app).post(`/ui/evaluations/${id}/reviewing`).set('Cookie', alice.cookie).type('form').send({ state: 'open' })).status).toBe(403);
    await request(svc.app).post(`/ui/evaluations/${id}/reviewing`).set('Cookie', alice.cookie).type('form').send({ state: 'closed', csrf: alice.csrf });
    expect(await queueOf(bob)).not.toContain('being reviewed by');
    // Signing through the API leaves the mark to expire; signing in the console ends it at once.
    await request(svc.app).get(`/ui/evaluations/${id}`).set(BROWSER).set('Cookie', alice.cookie);
    const signed = await request(svc.app).post(`/ui/evaluations/${id}/sign-off`).set(BROWSER).set('Cookie', alice.cookie).type('form').send({ csrf: alice.csrf, decision: 'approve', reason: 'ok', return: 'queue' });
    expect(signed.headers.location).toBe('/ui/queue?done=approve');
    expect((await svc.container.db.query('SELECT 1 FROM console_review_marks WHERE evaluation_id = $1', [id])).rowCount).toBe(0);
  });
});
