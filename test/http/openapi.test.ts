import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ROUTE_IDS } from '../../src/http/authorization.js';
import { SCENARIOS } from '../support/scenarios.js';
import { startService, type TestService } from '../support/service.js';

type Doc = { openapi: string; paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: unknown }> }>; requestBody?: unknown; security?: unknown[] }>>; components: { schemas: Record<string, unknown> } };

/** The document's own JSON Schema for a route's answer with `status`, as a validator. */
function answerSchema(doc: Doc, method: string, path: string, status: number): z.ZodType {
  const op = doc.paths[path]?.[method];
  expect(op, `${method} ${path} is documented`).toBeDefined();
  const content = op.responses[String(status)]?.content;
  expect(content, `${method} ${path} documents ${status}`).toBeDefined();
  const schema = (content!['application/json'] ?? content!['application/problem+json']).schema as Record<string, unknown>;
  const resolved = schema.$ref === '#/components/schemas/Problem' ? doc.components.schemas.Problem : schema;
  return z.fromJSONSchema(resolved as Parameters<typeof z.fromJSONSchema>[0]);
}

describe('the OpenAPI document', () => {
  let svc: TestService;
  let doc: Doc;
  beforeAll(async () => {
    svc = await startService('pglite');
    doc = (await request(svc.app).get('/openapi.json')).body;
  });
  afterAll(async () => {
    await svc?.stop();
  });

  it('when it is fetched without a key, then it is OpenAPI 3.1 and documents every API route of the authorisation table', () => {
    expect(doc.openapi).toBe('3.1.0');
    const documented = Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p.replace(/\{(\w+)\}/g, ':$1')}`));
    expect(documented.sort()).toEqual(ROUTE_IDS.filter((r) => !r.includes(' /ui')).sort());
    expect(doc.paths['/healthz'].get.security).toEqual([]);
    expect(doc.paths['/v1/evaluate'].post.requestBody).toBeDefined();
  });

  it('when real answers are checked against the document’s own schemas, then each fits: an approval, an escalation, the stored evaluation, a check', async () => {
    const approve = await request(svc.app).post('/v1/evaluate').set(svc.auth('agent')).send(SCENARIOS.calmCraneLift.body);
    const escalate = await request(svc.app).post('/v1/evaluate').set(svc.auth('agent')).send(SCENARIOS.gustyCraneLift.body);
    expect([approve.body.decision, escalate.body.decision]).toEqual(['approve', 'escalate']);
    const evaluateSchema = answerSchema(doc, 'post', '/v1/evaluate', 200);
    for (const res of [approve, escalate]) expect(evaluateSchema.safeParse(res.body).error).toBeUndefined();
    const stored = await request(svc.app).get(`/v1/evaluations/${escalate.body.evaluation_id}`).set(svc.auth('auditor'));
    expect(answerSchema(doc, 'get', '/v1/evaluations/{id}', 200).safeParse(stored.body).error).toBeUndefined();
    const check = await request(svc.app).post(`/v1/evaluations/${approve.body.evaluation_id}/check`).set(svc.auth('agent')).send({ state: SCENARIOS.calmCraneLift.body.state, action: SCENARIOS.calmCraneLift.body.action });
    expect(answerSchema(doc, 'post', '/v1/evaluations/{id}/check', 200).safeParse(check.body).error).toBeUndefined();
  });

  it('when the schema is wrong about an answer, then the check fails (the test can fail)', async () => {
    const approve = await request(svc.app).post('/v1/evaluate').set(svc.auth('agent')).send(SCENARIOS.calmCraneLift.body);
    const broken = { ...approve.body, decision: 'maybe' };
    expect(answerSchema(doc, 'post', '/v1/evaluate', 200).safeParse(broken).success).toBe(false);
  });

  it('when evaluate is refused (bad input, no key), then the problem fits the documented Problem schema', async () => {
    const bad = await request(svc.app).post('/v1/evaluate').set(svc.auth('agent')).send({ domain: 'construction_safety', state: 'not an object', action: {} });
    expect(bad.status).toBe(400);
    expect(answerSchema(doc, 'post', '/v1/evaluate', 400).safeParse(bad.body).error).toBeUndefined();
    const anonymous = await request(svc.app).post('/v1/evaluate').send(SCENARIOS.calmCraneLift.body);
    expect(anonymous.status).toBe(401);
    expect(answerSchema(doc, 'post', '/v1/evaluate', 401).safeParse(anonymous.body).error).toBeUndefined();
  });
});
