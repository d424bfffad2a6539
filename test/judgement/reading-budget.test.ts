import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEXT_FIELD_MAX_CHARS } from '../../src/evaluation/evaluate.js';
import { READING_CAP_CHARS, READING_TOTAL_CHARS } from '../../src/packs/reading/reading.js';
import { SCENARIOS } from '../support/scenarios.js';
import { startService, type TestService } from '../support/service.js';

// How much text one request may make the service read and store: a field is read up to the reading
// cap, a request up to its reading budget (past either it escalates with input_truncated, never an
// approval on a partial reading), and a field far past the cap is refused before it is read or stored.
describe('the reading budget of a request', () => {
  let svc: TestService;
  beforeAll(async () => {
    svc = await startService('pglite', { env: { BODY_LIMIT: '1mb' } });
  });
  afterAll(async () => {
    await svc?.stop();
  });
  const stored = async () => (await svc.container.db.query<{ n: number }>('SELECT count(*)::int AS n FROM evaluations')).rows[0].n;
  const base = SCENARIOS.selfServicePasswordReset.body;

  it('when a text field is longer than the field limit, then the answer is a 400 naming the field, and nothing is stored', async () => {
    const before = await stored();
    const body = { ...base, state: { ...base.state, description: `Locked out. ${'x'.repeat(TEXT_FIELD_MAX_CHARS)}` } };
    const res = await request(svc.app).post('/v1/evaluate').set(svc.auth('agent')).send(body);
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.errors).toEqual([expect.objectContaining({ path: 'state.description' })]);
    expect(res.body.errors[0].message).toContain(String(TEXT_FIELD_MAX_CHARS));
    expect(await stored()).toBe(before);
  });

  it('when one field is over the reading cap but under the field limit, then it escalates with input_truncated naming the field', async () => {
    const body = { ...base, state: { ...base.state, description: `User forgot their password. ${'Locked out again. '.repeat(Math.ceil((READING_CAP_CHARS + 100) / 18))}` } };
    const res = await request(svc.app).post('/v1/evaluate').set(svc.auth('agent')).send(body);
    expect(res.status).toBe(200);
    expect(res.body.decision).toBe('escalate');
    expect(res.body.reasons.map((r: { code: string }) => r.code)).toContain('input_truncated');
    expect(res.body.reading.truncated).toEqual(['state.description']);
  });

  it('when many fields are each under the cap but together over the request budget, then it escalates with input_truncated, naming the state fields left unread (the action is always read)', async () => {
    const turns = Math.ceil(READING_TOTAL_CHARS / (READING_CAP_CHARS - 1000)) + 2;
    const turn = 'I forgot my password and I am locked out of the laptop. '.repeat(Math.floor((READING_CAP_CHARS - 1000) / 57));
    const body = { ...base, state: { ...base.state, conversation_history: Array.from({ length: turns }, () => ({ role: 'user', content: turn })), turns_elapsed: turns } };
    const res = await request(svc.app).post('/v1/evaluate').set(svc.auth('agent')).send(body);
    expect(res.status).toBe(200);
    expect(res.body.decision).toBe('escalate');
    expect(res.body.reasons.map((r: { code: string }) => r.code)).toContain('input_truncated');
    expect(res.body.reading.truncated.length).toBeGreaterThan(0);
    expect(res.body.reading.truncated.every((p: string) => p.startsWith('state.conversation_history'))).toBe(true);
  });
});
