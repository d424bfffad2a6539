import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTE_ACCESS, ROUTE_IDS, roleMatrixMarkdown, scopeOf, type RouteId, type Scope } from '../../src/http/authorization.js';
import { ROLES, type Role } from '../../src/keys/key-store.js';
import { PROJECT_ROOT } from '../../src/lib/project-root.js';
import { SCENARIOS } from '../support/scenarios.js';
import { ENGINES, startService, type TestService } from '../support/service.js';

interface Fixture {
  evaluationId: string;
  /** The evaluation's domain. */
  domain: string;
  /** The domain whose policy has the most hard rules of its own. */
  ruleDomain: string;
}

interface Call {
  method: 'get' | 'post';
  path: string;
  body?: unknown;
  /** The statuses that mean the guard let the caller through (200 unless the route may have nothing to show yet). */
  admitted?: number[];
}

/**
 * One request per route of the table. Typed by the table, so a route added there without a request
 * here does not compile, and the matrix below covers it the day it is added.
 */
const CALLS: Record<RouteId, (f: Fixture) => Call> = {
  'POST /v1/evaluate': () => ({ method: 'post', path: '/v1/evaluate', body: SCENARIOS.calmCraneLift.body }),
  'GET /v1/evaluations/:id': (f) => ({ method: 'get', path: `/v1/evaluations/${f.evaluationId}` }),
  'GET /v1/evaluations': (f) => ({ method: 'get', path: `/v1/evaluations?domain=${f.domain}&limit=5` }),
  'GET /v1/evaluations/export': (f) => ({ method: 'get', path: `/v1/evaluations/export?domain=${f.domain}&format=csv` }),
  // The fixture holds no personal value: nothing to erase (409), but the guard let the auditor through.
  'POST /v1/evaluations/:id/erase': (f) => ({ method: 'post', path: `/v1/evaluations/${f.evaluationId}/erase`, body: { reason: 'role matrix' }, admitted: [200, 409] }),
  'POST /v1/personal-data/erase': () => ({ method: 'post', path: '/v1/personal-data/erase', body: { path: 'state.caller_demographics.mrn', value: 'MRN-ROLE-MATRIX', reason: 'role matrix' } }),
  'GET /v1/domains': () => ({ method: 'get', path: '/v1/domains' }),
  'GET /v1/domains/:domain': (f) => ({ method: 'get', path: `/v1/domains/${f.ruleDomain}` }),
  'GET /v1/audit/verify': () => ({ method: 'get', path: '/v1/audit/verify' }),
  'POST /v1/audit/verify': () => ({ method: 'post', path: '/v1/audit/verify', body: {} }),
  // Nothing to show before the sequencer seals the first block.
  'GET /v1/audit/checkpoint': () => ({ method: 'get', path: '/v1/audit/checkpoint', admitted: [200, 404] }),
  'GET /v1/evaluations/:id/proof': (f) => ({ method: 'get', path: `/v1/evaluations/${f.evaluationId}/proof`, admitted: [200, 404] }),
  // The fixture was approved by the model: nothing to sign (409), but the guard let the supervisor through.
  'POST /v1/evaluations/:id/override': (f) => ({ method: 'post', path: `/v1/evaluations/${f.evaluationId}/override`, body: { decision: 'deny', reason: 'role matrix' }, admitted: [200, 409] }),
  // The first admitted caller revokes the model's approval; the next finds nothing left to revoke (409).
  'POST /v1/evaluations/:id/revoke-approval': (f) => ({ method: 'post', path: `/v1/evaluations/${f.evaluationId}/revoke-approval`, body: { reason: 'role matrix' }, admitted: [200, 409] }),
  'POST /v1/evaluations/:id/check': (f) => ({ method: 'post', path: `/v1/evaluations/${f.evaluationId}/check`, body: { state: SCENARIOS.calmCraneLift.body.state, action: SCENARIOS.calmCraneLift.body.action } }),
  // No body: a replay runs under today's policy and model, with nothing to choose.
  'POST /v1/evaluations/:id/replay': (f) => ({ method: 'post', path: `/v1/evaluations/${f.evaluationId}/replay` }),
  // Every admitted caller records a report of its own (several per evaluation are allowed).
  'POST /v1/evaluations/:id/outcome': (f) => ({ method: 'post', path: `/v1/evaluations/${f.evaluationId}/outcome`, body: { outcome: 'no_incident', occurred_at: new Date().toISOString() }, admitted: [201] }),
  'GET /v1/domains/:domain/calibration': (f) => ({ method: 'get', path: `/v1/domains/${f.domain}/calibration` }),
  'GET /metrics': () => ({ method: 'get', path: '/metrics' }),
  // The shipped packs and policies, loaded again (and checked first).
  'POST /v1/admin/reload': () => ({ method: 'post', path: '/v1/admin/reload' }),
  'GET /healthz': () => ({ method: 'get', path: '/healthz' }),
  'GET /openapi.json': () => ({ method: 'get', path: '/openapi.json' }),
  'GET /readyz': () => ({ method: 'get', path: '/readyz' }),
  // The console: a browser sends a session cookie; a request that carries a key is admitted as any
  // API call (no cookie, so no CSRF token). Its session and CSRF rules are tested in test/console.
  // A role that signs in is sent on to its start page (303); any other gets the sign-in page.
  'GET /ui/': () => ({ method: 'get', path: '/ui/', admitted: [200, 303] }),
  'GET /ui/assets/:file': () => ({ method: 'get', path: '/ui/assets/console.css' }),
  'POST /ui/sign-in': () => ({ method: 'post', path: '/ui/sign-in', body: {}, admitted: [303] }),
  'POST /ui/sign-out': () => ({ method: 'post', path: '/ui/sign-out', body: {}, admitted: [303] }),
  'GET /ui/queue': () => ({ method: 'get', path: '/ui/queue' }),
  'GET /ui/evaluations': (f) => ({ method: 'get', path: `/ui/evaluations?domain=${f.domain}` }),
  'GET /ui/evaluations/export': (f) => ({ method: 'get', path: `/ui/evaluations/export?domain=${f.domain}&format=csv` }),
  'GET /ui/evaluations/:id': (f) => ({ method: 'get', path: `/ui/evaluations/${f.evaluationId}` }),
  // As the override above: the model approved the fixture, so there is nothing to sign (409).
  'POST /ui/evaluations/:id/sign-off': (f) => ({ method: 'post', path: `/ui/evaluations/${f.evaluationId}/sign-off`, body: { decision: 'deny', reason: 'role matrix' }, admitted: [303, 409] }),
  'POST /ui/evaluations/:id/reviewing': (f) => ({ method: 'post', path: `/ui/evaluations/${f.evaluationId}/reviewing`, body: { state: 'open' }, admitted: [204] }),
  'POST /ui/evaluations/:id/replay': (f) => ({ method: 'post', path: `/ui/evaluations/${f.evaluationId}/replay`, body: {} }),
  'GET /ui/audit': () => ({ method: 'get', path: '/ui/audit' }),
  'GET /ui/calibration': (f) => ({ method: 'get', path: `/ui/calibration?domain=${f.domain}` }),
};

/** What a user sees differ between scopes of one route, where they differ. */
const SCOPE_SHOWS: Partial<Record<RouteId, (scope: Scope, body: Record<string, any>) => void>> = {
  'POST /v1/evaluations/:id/replay': (_scope, body) => {
    expect(body.decision).toEqual({ then: 'approve', now: 'approve', changed: false });
    expect(body.futures.diverged).toBe(false);
  },
  'GET /v1/domains/:domain': (scope, body) => {
    const rules = body.policy.hard_rules as Record<string, unknown>[];
    expect(body.policy.thresholds).toBeDefined();
    expect(body.schema.state.type).toBe('object');
    if (scope === 'without_rule_text') {
      // The bar to clear, not what the rules match: an allow-list, so new policy fields stay hidden.
      expect(Object.keys(body.policy).every((k) => AGENT_POLICY_KEYS.includes(k))).toBe(true);
      expect(rules.every((r) => Object.keys(r).join() === 'id')).toBe(true);
      expect(JSON.stringify(body.policy)).not.toMatch(/"when"|"description"/);
    } else {
      expect(typeof body.policy.description).toBe('string');
      expect(rules.every((r) => typeof r.when === 'string')).toBe(true);
    }
  },
  'GET /readyz': (scope, body) => {
    expect(body.status).toBe('ready');
    expect(body.checks.database.ok).toBe(true);
    const models = body.checks.world_models as Record<string, unknown>[];
    expect(models.length).toBeGreaterThan(0);
    if (scope === 'details') expect(models.every((m) => typeof m.version === 'string')).toBe(true);
    else expect(models.every((m) => Object.keys(m).sort().join() === 'backend,ready')).toBe(true);
  },
  // The shipped packs, read again: usually unchanged (test/http/reload.test.ts edits a copy of its own).
  'POST /v1/admin/reload': (_scope, body) => {
    expect(typeof body.changed).toBe('boolean');
    expect(body.domains.map((d: { domain: string }) => d.domain)).toContain(SCENARIOS.calmCraneLift.body.domain);
  },
  'GET /metrics': (_scope, body) => {
    expect(String(body)).toMatch(/foresight_evaluations_total/);
  },
  'GET /v1/evaluations/:id': (_scope, body) => {
    expect(body.request).toBeDefined();
    expect(body.futures.length).toBeGreaterThan(0);
  },
};

const AGENT_POLICY_KEYS = ['version', 'thresholds', 'decision_rule', 'confidence', 'interval', 'rollouts', 'horizon', 'deadline_ms', 'zero_tolerance', 'hard_rules'];

type Caller = { kind: 'role'; role: Role } | { kind: 'none' } | { kind: 'revoked'; role: Role };
const CALLERS: Caller[] = [
  ...ROLES.map((role): Caller => ({ kind: 'role', role })),
  { kind: 'none' },
  ...ROLES.map((role): Caller => ({ kind: 'revoked', role })),
];
const article = (role: Role) => (/^[aeiou]/.test(role) ? 'an' : 'a');
const callerName = (c: Caller) => (c.kind === 'role' ? `${article(c.role)} ${c.role} key` : c.kind === 'none' ? 'no key' : `a revoked ${c.role} key`);

/** What the table says this caller gets: a scope, or the refusal it must see. */
function expected(route: RouteId, c: Caller): { scope: Scope } | { status: 401 | 403 } {
  const role = c.kind === 'role' ? c.role : undefined;
  const scope = scopeOf(route, role);
  if (scope) return { scope };
  return { status: c.kind === 'role' ? 403 : 401 };
}

const MATRIX = ROUTE_IDS.flatMap((route) => CALLERS.map((caller) => [route, caller] as const));

describe.each(ENGINES)('the role matrix on %s', (engine) => {
  let svc: TestService;
  let fixture: Fixture;
  const revoked = {} as Record<Role, string>;
  beforeAll(async () => {
    svc = await startService(engine);
    const made = await request(svc.app).post('/v1/evaluate').set(svc.auth('agent')).send(SCENARIOS.calmCraneLift.body);
    expect(made.status).toBe(200);
    const byRules = [...svc.container.domains.values()].sort((a, b) => b.policy.hard_rules.length - a.policy.hard_rules.length);
    fixture = { evaluationId: made.body.evaluation_id, domain: SCENARIOS.calmCraneLift.body.domain, ruleDomain: byRules[0].name };
    // A sealed block, so the audit checkpoint exists to be read.
    await svc.container.audit.sealer.seal();
    for (const role of ROLES) {
      const k = await svc.container.keys.create({ name: `revoked-${role}`, role, owner: 'former-staff' });
      await svc.container.keys.revoke(k.id);
      revoked[role] = k.token;
    }
  });
  afterAll(async () => {
    await svc?.stop();
  });

  const send = (call: Call, token?: string) => {
    const r = request(svc.app)[call.method](call.path);
    if (token) r.set('Authorization', `Bearer ${token}`);
    return call.body === undefined ? r : r.send(call.body as object);
  };

  it.each(MATRIX.map(([route, caller]) => [route, callerName(caller), caller] as const))(
    'when %s is called with %s, then the answer is what the role matrix says',
    async (route, _name, caller) => {
      const call = CALLS[route](fixture);
      const token = caller.kind === 'role' ? svc.keys[caller.role] : caller.kind === 'revoked' ? revoked[caller.role] : undefined;
      const before = await svc.countEvaluations();
      const res = await send(call, token);
      const want = expected(route, caller);
      if ('status' in want) {
        expect(res.status).toBe(want.status);
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(res.body.code).toBe(want.status === 401 ? 'unauthenticated' : 'forbidden');
        // A refused request changes nothing.
        expect(await svc.countEvaluations()).toBe(before);
      } else {
        expect(call.admitted ?? [200]).toContain(res.status);
        // An admitted refusal (404, 409) names its own code; a 201 created something.
        if (res.status >= 400) expect(res.body.code).not.toMatch(/unauthenticated|forbidden/);
        else SCOPE_SHOWS[route]?.(want.scope, route === 'GET /metrics' ? (res.text as never) : res.body);
      }
    },
  );

  it('when an agent asks for an evaluation another agent made, then it is not found; the agent that made it reads it', async () => {
    const other = await svc.container.keys.create({ name: 'other-bot', role: 'agent', owner: 'other-team' });
    const theirs = await request(svc.app).get(`/v1/evaluations/${fixture.evaluationId}`).set('Authorization', `Bearer ${other.token}`);
    expect(theirs.status).toBe(404);
    expect(theirs.body.code).toBe('not_found');
    expect((await request(svc.app).get(`/v1/evaluations/${fixture.evaluationId}`).set(svc.auth('agent'))).status).toBe(200);
  });

  it('when an agent key is rotated, then the new secret still reads the evaluations made with the old one', async () => {
    const bot = await svc.container.keys.create({ name: 'rotating-bot', role: 'agent', owner: 'platform' });
    const made = await request(svc.app).post('/v1/evaluate').set('Authorization', `Bearer ${bot.token}`).send(SCENARIOS.calmCraneLift.body);
    const rotated = (await svc.container.keys.rotate(bot.id, 0))!;
    const read = await request(svc.app).get(`/v1/evaluations/${made.body.evaluation_id}`).set('Authorization', `Bearer ${rotated.key.token}`);
    expect(read.status).toBe(200);
    expect(read.body.audit.api_key_id).toBe(bot.id);
  });

  it('when a supervisor is scoped to other domains, then the evaluation is not found; scoped to its domain, it is read whole', async () => {
    const elsewhere = await svc.container.keys.create({ name: 'triage-desk', role: 'supervisor', owner: 'bob', domains: ['triage'] });
    const here = await svc.container.keys.create({ name: 'site-desk', role: 'supervisor', owner: 'carol', domains: [fixture.domain] });
    const out = await request(svc.app).get(`/v1/evaluations/${fixture.evaluationId}`).set('Authorization', `Bearer ${elsewhere.token}`);
    expect(out.status).toBe(404);
    const inScope = await request(svc.app).get(`/v1/evaluations/${fixture.evaluationId}`).set('Authorization', `Bearer ${here.token}`);
    expect(inScope.status).toBe(200);
    expect(inScope.body.request.state).toEqual(SCENARIOS.calmCraneLift.body.state);
  });

  it('when the admin key is used, then it can neither evaluate nor read an evaluation: no role may do everything', async () => {
    expect((await request(svc.app).post('/v1/evaluate').set(svc.auth('admin')).send(SCENARIOS.calmCraneLift.body)).status).toBe(403);
    expect((await request(svc.app).get(`/v1/evaluations/${fixture.evaluationId}`).set(svc.auth('admin'))).status).toBe(403);
    const everything = ROLES.filter((role) => ROUTE_IDS.every((route) => ['all', 'details'].includes(scopeOf(route, role) ?? '')));
    expect(everything).toEqual([]);
  });

  it('when the database is down, then /readyz still answers 503 to a caller whose key cannot be checked', async () => {
    const query = svc.container.db.query;
    const ping = svc.container.db.ping;
    const down = async () => {
      throw new Error('connect ECONNREFUSED 10.0.0.7:5432');
    };
    svc.container.db.query = down as never;
    svc.container.db.ping = down;
    try {
      const res = await request(svc.app).get('/readyz').set('Authorization', `Bearer fsk_0123456789abcdef_${'B'.repeat(43)}`);
      expect(res.status).toBe(503);
      expect(res.body.status).toBe('not_ready');
    } finally {
      svc.container.db.query = query;
      svc.container.db.ping = ping;
    }
  });

  it('when a database is unreachable, then /readyz tells anyone it is not ready but only the operator why', async () => {
    const ping = svc.container.db.ping;
    svc.container.db.ping = async () => {
      throw new Error('connect ECONNREFUSED 10.0.0.7:5432 for user foresight_prod');
    };
    try {
      const anyone = await request(svc.app).get('/readyz');
      expect(anyone.status).toBe(503);
      expect(anyone.body.checks.database.ok).toBe(false);
      expect(JSON.stringify(anyone.body)).not.toMatch(/ECONNREFUSED|foresight_prod/);
      const agent = await request(svc.app).get('/readyz').set(svc.auth('agent'));
      expect(JSON.stringify(agent.body)).not.toMatch(/ECONNREFUSED/);
      const operator = await request(svc.app).get('/readyz').set(svc.auth('operator'));
      expect(operator.status).toBe(503);
      // A kind of failure, never the driver's text with its host and user (the log has that).
      expect(operator.body.checks.database.problem).toBe('connection_refused');
      expect(JSON.stringify(operator.body)).not.toMatch(/10\.0\.0\.7|foresight_prod/);
    } finally {
      svc.container.db.ping = ping;
    }
  });

  it('when the app is assembled, then every route it serves is in the authorisation table', () => {
    const mounted = new Set<string>();
    const walk = (stack: { route?: { path: string; methods: Record<string, boolean> }; handle?: { stack?: unknown[] } }[]) => {
      for (const layer of stack) {
        if (layer.route) for (const m of Object.keys(layer.route.methods)) mounted.add(`${m.toUpperCase()} ${layer.route.path}`);
        else if (layer.handle?.stack) walk(layer.handle.stack as never);
      }
    };
    walk((svc.app as unknown as { router: { stack: never[] } }).router.stack);
    expect([...mounted].filter((r) => !(r in ROUTE_ACCESS))).toEqual([]);
    expect(ROUTE_IDS.filter((r) => !mounted.has(r))).toEqual([]);
  });
});

describe('the README', () => {
  it('when the README shows the role matrix, then it is exactly the authorisation table the routes use', () => {
    const readme = fs.readFileSync(path.join(PROJECT_ROOT, 'README.md'), 'utf8');
    const m = /<!-- role-matrix:start -->\n([\s\S]*?)\n<!-- role-matrix:end -->/.exec(readme);
    expect(m, 'README.md has no role-matrix markers').not.toBeNull();
    expect(m![1], 'README role matrix differs from src/http/authorization.ts: paste `npm run foresight -- keys roles`').toBe(roleMatrixMarkdown());
  });
});
