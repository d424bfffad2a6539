import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCENARIOS } from '../support/scenarios.js';
import { ENGINES, startService, type TestService } from '../support/service.js';

const valid = SCENARIOS.calmCraneLift.body;

describe.each(ENGINES)('refused requests on %s', (engine) => {
  let svc: TestService;
  beforeAll(async () => {
    svc = await startService(engine, { env: { AUTH_CACHE_TTL_MS: '0' } });
  });
  afterAll(async () => {
    await svc?.stop();
  });

  const cases: [string, (r: request.Test) => request.Test, number, string][] = [
    ['malformed JSON', (r) => r.set('content-type', 'application/json').send('{"domain": "helpdesk",'), 400, 'invalid_json'],
    ['a missing field', (r) => r.send({ domain: valid.domain, state: valid.state }), 400, 'validation_failed'],
    ['a wrong type in the envelope', (r) => r.send({ ...valid, options: { rollouts: 'many' } }), 400, 'validation_failed'],
    ['a wrong type in the state', (r) => r.send({ ...valid, state: { ...valid.state, crew_status: { size: 'six' } } }), 400, 'validation_failed'],
    ['an unknown domain', (r) => r.send({ ...valid, domain: 'nuclear_plant' }), 404, 'unknown_domain'],
    ['a body over the size limit', (r) => r.send({ ...valid, state: { ...valid.state, recent_observations: ['x'.repeat(300_000)] } }), 413, 'payload_too_large'],
    ['a body that is not JSON', (r) => r.set('content-type', 'text/plain').send('domain=helpdesk'), 415, 'unsupported_media_type'],
  ];

  it.each(cases)('when the body has %s, then a problem+json 4xx names it and nothing is stored', async (_what, build, status, code) => {
    const before = await svc.countEvaluations();
    const res = await build(request(svc.app).post('/v1/evaluate').set(svc.auth('agent')));
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body).toMatchObject({ status, code, title: expect.any(String), instance: '/v1/evaluate', request_id: expect.any(String) });
    expect(await svc.countEvaluations()).toBe(before);
  });

  it('when a field is wrong, then the problem lists the path of each bad field', async () => {
    const res = await request(svc.app).post('/v1/evaluate').set(svc.auth('agent')).send({ ...valid, state: { ...valid.state, crew_status: { size: 'six' } } });
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain('state.crew_status.size');
  });

  it.each([
    ['no key', {}, 401, 'unauthenticated'],
    ['a wrong key', { Authorization: 'Bearer fsk_0123456789abcdef_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' }, 401, 'unauthenticated'],
    ['a garbled key', { Authorization: 'Bearer hello' }, 401, 'unauthenticated'],
  ] as const)('when the request has %s, then it is refused with a problem and nothing is stored', async (_what, headers, status, code) => {
    const before = await svc.countEvaluations();
    const res = await request(svc.app).post('/v1/evaluate').set(headers).send(valid);
    expect(res.status).toBe(status);
    expect(res.body.code).toBe(code);
    expect(await svc.countEvaluations()).toBe(before);
  });

  it('when an auditor key tries to evaluate, then it is forbidden; when an agent reads another agent\'s evaluation, then it is not found', async () => {
    const before = await svc.countEvaluations();
    const asAuditor = await request(svc.app).post('/v1/evaluate').set(svc.auth('auditor')).send(valid);
    expect(asAuditor.status).toBe(403);
    expect(asAuditor.body.code).toBe('forbidden');
    expect(await svc.countEvaluations()).toBe(before);
    const made = await request(svc.app).post('/v1/evaluate').set(svc.auth('agent')).send(valid);
    const own = await request(svc.app).get(`/v1/evaluations/${made.body.evaluation_id}`).set(svc.auth('agent'));
    expect(own.status).toBe(200);
    const other = await svc.container.keys.create({ name: 'other-agent', role: 'agent', owner: 'another team' });
    const asOther = await request(svc.app).get(`/v1/evaluations/${made.body.evaluation_id}`).set({ Authorization: `Bearer ${other.token}` });
    expect(asOther.status).toBe(404);
  });

  it('when a key is revoked, then it stops working', async () => {
    const created = await svc.container.keys.create({ name: 'short-lived', role: 'agent', owner: 'test' });
    const before = await request(svc.app).get('/v1/domains').set({ Authorization: `Bearer ${created.token}` });
    expect(before.status).toBe(200);
    await svc.container.keys.revoke(created.id);
    const after = await request(svc.app).get('/v1/domains').set({ Authorization: `Bearer ${created.token}` });
    expect(after.status).toBe(401);
  });

  it('when keys are stored, then only hashes of their secrets are in the database', async () => {
    const { rows } = await svc.container.db.query<{ secret_hash: string }>('SELECT secret_hash FROM api_keys');
    const secrets = Object.values(svc.keys).map((t) => /^fsk_[0-9a-f]{16}_(.{43})$/.exec(t)![1]);
    for (const r of rows) for (const s of secrets) expect(r.secret_hash).not.toContain(s);
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.secret_hash))).toBe(true);
  });

  it('when an evaluation id does not exist, then 404 problem+json', async () => {
    const res = await request(svc.app).get('/v1/evaluations/00000000-0000-4000-8000-000000000000').set(svc.auth('auditor'));
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('not_found');
  });
});
