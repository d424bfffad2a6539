import fc from 'fast-check';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTE_ACCESS, ROUTE_IDS, type RouteId, type Scope } from '../../src/http/authorization.js';
import { parseDuration } from '../../src/keys/duration.js';
import type { Role } from '../../src/keys/key-store.js';
import { SCENARIOS } from '../support/scenarios.js';
import { startService, type Engine, type TestService } from '../support/service.js';
import {
  editAt, encodings, FUZZ_SEED, hostileParam, hostileQuery, hostileString, hostileValue, malformedBody, mutation, PROTOTYPE_KEYS, Raw, render, withKey, type Path,
} from './hostile-inputs.js';

/**
 * Every route of the authorisation table, fed hostile requests through real HTTP: paths, queries,
 * headers, content types and bodies. Whatever comes in: no 5xx, an answer within a bound, a refusal
 * as problem+json, no prototype changed, and the service still healthy and ready afterwards. A body
 * that is not one valid JSON value of the route's shape is refused (4xx) and stores nothing.
 * Routes added to the table later are fuzzed the day they are added; a route with a body gets a
 * valid example below so its mutations reach its handler, and a route without one still gets junk.
 */

/** Per request: the bound on an answer, beyond what a `?wait=` long poll asks for. */
const ANSWER_WITHIN_MS = 2_000;
// About 600 requests in all, however many routes the table grows to, so the file stays within its time.
const RUNS_PER_ROUTE = Math.max(12, Math.min(30, Math.floor(600 / ROUTE_IDS.length)));

interface Fixture {
  /** An escalation another owner's agent asked for (so the supervisor may sign it off, check it, report on it). */
  escalated: string;
  /** An approval in force (so revoking one reaches the handler). */
  approved: string;
  domain: string;
  checkpoint: unknown;
}

const calm = SCENARIOS.calmCraneLift.body;

interface Example {
  body: (f: Fixture) => Record<string, unknown>;
  /** Fields whose type the route checks: a value of another type there must be refused. */
  typed: { path: Path; type: 'string' | 'number' | 'measurement' | 'object' }[];
  /** Free-text fields, and objects that take keys of any name: hostile content there is still a valid request. */
  text?: Path[];
  open?: Path[];
}

/** A valid body per route that takes one, so mutations of it get past the schema to the handler. */
const EXAMPLES: Partial<Record<string, Example>> = {
  'POST /v1/evaluate': {
    body: () => ({ ...calm, options: { rollouts: 16, horizon: 5, seed: 7, deadline_ms: 1500 }, context: { agent_id: 'fuzz', trace_id: 't-1' } }),
    typed: [
      { path: ['domain'], type: 'string' },
      { path: ['state'], type: 'object' },
      { path: ['action'], type: 'object' },
      { path: ['options', 'rollouts'], type: 'number' },
      { path: ['options', 'seed'], type: 'number' },
      { path: ['state', 'environmental_conditions', 'wind_mph'], type: 'measurement' },
      { path: ['state', 'crew_status', 'size'], type: 'measurement' },
    ],
    text: [['state', 'task_description'], ['state', 'site_id'], ['action', 'description']],
    open: [['state'], ['state', 'compliance_status'], ['action', 'parameters'], ['context']],
  },
  'POST /v1/evaluations/:id/override': {
    body: () => ({ decision: 'deny', reason: 'fuzz: wind unclear' }),
    typed: [{ path: ['decision'], type: 'string' }, { path: ['reason'], type: 'string' }],
    text: [['reason']],
  },
  'POST /v1/evaluations/:id/revoke-approval': { body: () => ({ reason: 'fuzz' }), typed: [{ path: ['reason'], type: 'string' }], text: [['reason']] },
  'POST /v1/evaluations/:id/check': {
    body: () => ({ state: calm.state, action: calm.action }),
    typed: [{ path: ['state'], type: 'object' }, { path: ['action'], type: 'object' }],
    open: [['state'], ['action']],
  },
  'POST /v1/evaluations/:id/outcome': {
    body: () => ({ outcome: 'no_incident', occurred_at: '2026-07-15T15:00:00Z', notes: 'fuzz' }),
    typed: [{ path: ['outcome'], type: 'string' }, { path: ['occurred_at'], type: 'string' }, { path: ['notes'], type: 'string' }],
    text: [['notes']],
  },
  'POST /v1/evaluations/:id/erase': { body: () => ({ reason: 'fuzz' }), typed: [{ path: ['reason'], type: 'string' }], text: [['reason']] },
  'POST /v1/personal-data/erase': {
    body: () => ({ path: 'state.caller_demographics.mrn', value: 'MRN-0001', reason: 'fuzz' }),
    typed: [{ path: ['path'], type: 'string' }, { path: ['reason'], type: 'string' }],
  },
  'POST /v1/audit/verify': { body: (f) => ({ checkpoint: f.checkpoint }), typed: [] },
  'POST /v1/evaluations/:id/replay': { body: () => ({}), typed: [] },
};

/** Query parameters some route reads, so hostile values reach their parsers. */
const QUERY_NAMES = [
  'wait', 'action_hash', 'checkpoint', 'cursor', 'limit', 'format', 'domain', 'decision', 'effective_decision', 'review_state', 'agent',
  'api_key_id', 'policy_version', 'since', 'until', 'has_sign_off', 'has_outcome',
];
const HOSTILE_INSTANTS = ['0000-00-00', '2026-02-30', '+275760-09-14T00:00:00Z', '-271821-04-20T00:00:00Z', '9999-12-31T23:59:59.999999999Z', '2026-07-15T14:30:00+99:99', '1970-01-01', '20260715'];

// The broadest scope first: the caller that reaches the most of a route's handler.
const SCOPE_ORDER: Scope[] = ['all', 'its_domains', 'own', 'details', 'without_rule_text', 'summary'];
function callerFor(route: RouteId): Role | undefined {
  const roles = Object.entries(ROUTE_ACCESS[route].roles) as [Role, Scope][];
  roles.sort((a, b) => SCOPE_ORDER.indexOf(a[1]) - SCOPE_ORDER.indexOf(b[1]));
  return roles[0]?.[0];
}

/** What a request to `?wait=` may legitimately take, as the service reads it (0 when there is none or it is refused). */
/**
 * An accepted reload does the work it is asked for: every pack and policy read and checked again (about a second on a
 * quiet machine, 2.9 s once under a full parallel suite); its bound is that work's, not a refusal's.
 */
function workOf(route: string, status: number): number {
  return route === 'POST /v1/admin/reload' && status < 400 ? 8_000 : 0;
}

function waitOf(query: string): number {
  let longest = 0;
  for (const raw of new URLSearchParams(query).getAll('wait')) {
    const ms = (() => {
      try {
        return /^\d+$/.test(raw) ? Number(raw) * 1000 : parseDuration(raw);
      } catch {
        return 0;
      }
    })();
    longest = Math.max(longest, ms <= 60_000 ? ms : 0);
  }
  return longest;
}

interface Sent {
  what: string;
  contentType?: string;
  headers: Record<string, string>;
  body?: Buffer;
  /** A route that reads a JSON body must refuse this one (4xx) and store nothing. */
  refused: boolean;
}

/** Counterexamples print as what was sent, not as a 300 KB buffer. */
const described = (sent: Sent): Sent => Object.assign(sent, { [fc.toStringMethod]: () => `${sent.what} [${sent.contentType ?? 'no content type'}, ${sent.body?.length ?? 0} bytes]` });

const json = (what: string, text: string, refused: boolean): Sent => described({ what, contentType: 'application/json', headers: {}, body: Buffer.from(text), refused });

function wrongType(type: 'string' | 'number' | 'measurement' | 'object'): fc.Arbitrary<unknown> {
  const others = {
    // A number, or a number with its unit ("25 mph"); not an exponent, a word, or a number among words.
    measurement: fc.oneof(fc.constantFrom('NaN', 'Infinity', '-Infinity', '1e400', '', 'fast', 'about 25 mph', '25 mph or 40', 'x'.repeat(41)), fc.constant(null), fc.boolean(), fc.constant([5]), fc.constant({ value: 5 })),
    string: fc.oneof(fc.integer(), fc.constant(null), fc.boolean(), fc.constant([]), fc.constant({ text: 'x' })),
    number: fc.oneof(fc.constantFrom('NaN', 'Infinity', '-Infinity', '5', '1e400', ''), fc.constant(null), fc.boolean(), fc.constant([5]), fc.constant({ value: 5 })),
    object: fc.oneof(fc.constantFrom('{}', 'null', ''), fc.integer(), fc.constant(null), fc.boolean(), fc.constant([]), fc.constant([{}])),
  };
  return others[type];
}

/** Bodies for one route: valid ones changed in hostile ways, ones that must be refused, and wrong encodings. */
function bodies(route: RouteId, method: string, f: Fixture): fc.Arbitrary<Sent | undefined> {
  const example = EXAMPLES[route];
  const base = example?.body(f) ?? {};
  const takesBody = method === 'post';
  const valid = fc.array(fc.constant(null), { minLength: 1, maxLength: 3 }).chain((edits) =>
    edits.reduce<fc.Arbitrary<unknown>>((acc) => acc.chain((b) => mutation(b)), fc.constant(base)),
  );
  const kinds: fc.WeightedArbitrary<Sent | undefined>[] = [
    { weight: takesBody ? 1 : 8, arbitrary: fc.constant(undefined) },
    { weight: 3, arbitrary: malformedBody(base).map((m) => json(`malformed: ${m.why}`, m.text, true)) },
    { weight: 1, arbitrary: fc.constant(json('over the size limit', render({ ...base, padding: 'x'.repeat(300_000) }), true)) },
    {
      weight: 2,
      arbitrary: encodings(render(base)).map((e): Sent =>
        described({
          what: `encoding: ${e.why}`,
          contentType: e.contentType,
          headers: e.headers,
          body: e.body,
          // The body reader refuses what it cannot decode; a route known to read a JSON body refuses the other types too.
          refused: e.refused && (e.headers['content-encoding'] !== undefined || (e.contentType ?? '').includes('charset') || example !== undefined),
        }),
      ),
    },
  ];
  if (takesBody) kinds.push({ weight: 4, arbitrary: valid.map((b) => json('hostile JSON', render(b), false)) });
  else kinds.push({ weight: 1, arbitrary: hostileValue.map((v) => json('a body on a GET', render({ v }), false)) });
  const places = [...(example?.text ?? []).map((p) => ({ p, open: false })), ...(example?.open ?? []).map((p) => ({ p, open: true }))];
  if (places.length > 0) {
    // Hostile content only where the schema takes any: these reach the handler itself.
    const edit = fc.tuple(fc.constantFrom(...places), fc.oneof(hostileString, fc.constantFrom(...PROTOTYPE_KEYS)), hostileValue, hostileString);
    const hostileButValid = fc.array(edit, { minLength: 1, maxLength: 3 }).map((edits) =>
      edits.reduce<unknown>((b, [{ p, open }, key, value, text]) => editAt(b, p, (old) => (open ? withKey(old as Record<string, unknown>, key.slice(0, 100), value) : text)), base),
    );
    kinds.push({ weight: 3, arbitrary: hostileButValid.map((b) => json('hostile content in free fields', render(b), false)) });
  }
  if (example && example.typed.length > 0) {
    const typed = fc.constantFrom(...example.typed).chain((t) => wrongType(t.type).map((v) => ({ t, v })));
    kinds.push({ weight: 2, arbitrary: typed.map(({ t, v }) => json(`wrong type at ${t.path.join('.')}: ${JSON.stringify(v)}`, render(editAt(base, t.path, () => v)), true)) });
  }
  return fc.oneof(...kinds);
}

const snapshot = () => [Object.prototype, Array.prototype, Function.prototype, String.prototype].map((p) => Object.getOwnPropertyNames(p).sort().join()).join('|');
const PROTOTYPES = snapshot();

function expectPrototypesIntact() {
  expect(snapshot()).toBe(PROTOTYPES);
  const probe = {} as Record<string, unknown>;
  for (const k of ['polluted', 'isAdmin', 'role']) expect(probe[k]).toBeUndefined();
  expect(Object.getPrototypeOf(probe)).toBe(Object.prototype);
}

/** Rows in the tables that record what callers asked for or said, where they exist. */
async function recordedRows(svc: TestService): Promise<number> {
  const { rows } = await svc.container.db.query<{ t: string }>(
    "SELECT t FROM unnest(ARRAY['evaluations','sign_offs','outcomes','replays','personal_erasures','cases','escalations']) AS t WHERE to_regclass(t) IS NOT NULL",
  );
  let n = 0;
  for (const { t } of rows) n += (await svc.container.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${t}`)).rows[0].n;
  return n;
}

async function setUp(engine: Engine): Promise<{ svc: TestService; fixture: Fixture }> {
  // No per-key rate limit: the fuzz is one caller sending hundreds of requests, and a 429 would hide the handlers.
  const svc = await startService(engine, { env: { RATE_LIMIT_PER_KEY: 'off' } });
  // Asked for by an agent of another owner, so the supervisor may sign it off (nobody signs off their own).
  const asker = await svc.container.keys.create({ name: 'fuzz-agent', role: 'agent', owner: 'another team' });
  const escalated = await request(svc.app).post('/v1/evaluate').set({ Authorization: `Bearer ${asker.token}` }).send(SCENARIOS.gustyCraneLift.body);
  const approved = await request(svc.app).post('/v1/evaluate').set(svc.auth('agent')).send(calm);
  expect([escalated.body.decision, approved.body.decision]).toEqual(['escalate', 'approve']);
  await svc.container.audit.sealer.seal();
  const checkpoint = await request(svc.app).get('/v1/audit/checkpoint').set(svc.auth('auditor'));
  return { svc, fixture: { escalated: escalated.body.evaluation_id, approved: approved.body.evaluation_id, domain: calm.domain, checkpoint: checkpoint.body } };
}

/** One property: hostile requests to `route`, each checked for what must hold whatever was sent. */
async function fuzzRoute(svc: TestService, fixture: Fixture, route: RouteId, numRuns: number) {
  const [verb, template] = route.split(' ');
  const method = verb.toLowerCase() as 'get' | 'post';
  const segments = template.split('/');
  const realId = route.includes('revoke') ? fixture.approved : fixture.escalated;
  const realParam = (name: string) => (name === 'domain' ? fixture.domain : name === 'id' ? realId : 'x');
  const params = segments.filter((s) => s.startsWith(':')).map((s) => hostileParam(realParam(s.slice(1))));
  const query = fc.option(
    fc.oneof(hostileQuery(QUERY_NAMES), fc.tuple(fc.constantFrom('since', 'until'), fc.constantFrom(...HOSTILE_INSTANTS)).map(([k, v]) => `${k}=${encodeURIComponent(v)}`)).filter((q) => waitOf(q) <= 1_000),
    { nil: undefined, freq: 2 },
  );
  const role = callerFor(route);
  await fc.assert(
    fc.asyncProperty(fc.tuple(...params), query, bodies(route, method, fixture), async (values, q, sent) => {
      let i = 0;
      const path = segments.map((s) => (s.startsWith(':') ? values[i++] : s)).join('/');
      const url = q === undefined ? path : `${path}?${q}`;
      const what = `${route} as ${role ?? 'nobody'}: ${method.toUpperCase()} ${url.slice(0, 200)} with ${sent?.what ?? 'no body'}`;
      // A route without a body (GET) may ignore whatever was sent; one that reads a body must refuse a bad one.
      const mustRefuse = sent?.refused === true && method === 'post';
      const before = mustRefuse ? await recordedRows(svc) : 0;
      let r = request(svc.app)[method](url);
      if (role) r = r.set(svc.auth(role));
      if (sent) {
        for (const [k, v] of Object.entries(sent.headers)) r = r.set(k, v);
        if (sent.contentType) r = r.set('content-type', sent.contentType);
        if (sent.body) r = r.serialize((b: unknown) => b as string).send(sent.body as unknown as string);
      }
      const started = performance.now();
      const res = await r;
      const ms = performance.now() - started;
      expect(res.status, `${what}: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`).toBeLessThan(500);
      expect(ms, `${what}: answered in ${Math.round(ms)} ms`).toBeLessThan(ANSWER_WITHIN_MS + waitOf(q ?? '') + workOf(route, res.status));
      // Node itself refuses headers over its limit (431) before the app sees them; everything else is
      // ours: problem+json, or for the review console's pages (a browser reads them) an HTML page.
      if (res.status >= 400 && res.status !== 431) {
        const type = String(res.headers['content-type']);
        if (template.startsWith('/ui/') && type.startsWith('text/html')) expect(res.text.length, what).toBeGreaterThan(0);
        else {
          expect(type, what).toMatch(/^application\/problem\+json/);
          expect(typeof res.body.code, what).toBe('string');
        }
      }
      if (mustRefuse) {
        expect(res.status, `${what}: must be refused, got ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`).toBeGreaterThanOrEqual(400);
        expect(await recordedRows(svc), `${what}: stored something`).toBe(before);
      }
      expectPrototypesIntact();
    }),
    { seed: FUZZ_SEED, numRuns, endOnFailure: true },
  );
  // The process is alive, and its database still answers (a wedged connection would show here).
  const health = await request(svc.app).get('/healthz');
  expect(health.status).toBe(200);
  const ready = await request(svc.app).get('/readyz');
  expect(ready.status).toBe(200);
}

describe('every route under hostile input, on pglite', () => {
  let svc: TestService;
  let fixture: Fixture;
  beforeAll(async () => {
    ({ svc, fixture } = await setUp('pglite'));
  });
  afterAll(async () => {
    await svc?.stop();
  });

  it.each(ROUTE_IDS)('when %s gets hostile paths, queries, content types and bodies, then no 5xx, an answer within 2 s, refusals as problem+json, nothing stored for a malformed body', async (route) => {
    await fuzzRoute(svc, fixture, route, RUNS_PER_ROUTE);
  });

  it('when a body duplicates a key deep inside, then a 400 names the key and its path, and nothing is stored', async () => {
    const before = await recordedRows(svc);
    const text = render(calm).replace('"wind_mph":5', '"wind_mph":50,"gust_mph":60,"wind_mph":5');
    const res = await request(svc.app).post('/v1/evaluate').set(svc.auth('agent')).set('content-type', 'application/json').send(text);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'invalid_json', errors: [{ path: 'state.environmental_conditions.wind_mph', message: expect.stringMatching(/^duplicate key "wind_mph"/) }] });
    expect(await recordedRows(svc)).toBe(before);
  });

  it('when a body nests 10,000 levels, carries an unpaired surrogate or a number beyond a double, then a 400 says so and nothing is stored', async () => {
    const before = await recordedRows(svc);
    const deep = render({ ...calm, state: { ...calm.state, recent_observations: 'DEEP' } }).replace('"DEEP"', `${'['.repeat(10_000)}${']'.repeat(10_000)}`);
    const lone = render({ ...calm, state: { ...calm.state, task_description: 'Crane lift \ud800 of the truss' } });
    // Read as Infinity, the gusts would be dropped as no figure at all, and the lift approved as calm.
    const huge = render({ ...calm, state: { ...calm.state, environmental_conditions: { temperature_c: 18, wind_mph: 5, gust_kmh: new Raw('1e400') } } });
    for (const [text, says] of [[deep, /nested deeper than 64 levels/], [lone, /unpaired surrogate/], [huge, /state\.environmental_conditions\.gust_kmh: the number "1e400" is beyond the range/]] as const) {
      const res = await request(svc.app).post('/v1/evaluate').set(svc.auth('agent')).set('content-type', 'application/json').send(text);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('invalid_json');
      expect(res.body.detail).toMatch(says);
    }
    expect(await recordedRows(svc)).toBe(before);
  });

  it('when a body carries a __proto__ key at any depth, then 400 names it, nothing is stored and no prototype changes; constructor and prototype keys are plain data', async () => {
    const before = await recordedRows(svc);
    const base = { ...calm, context: { agent_id: 'fuzz' } };
    const places: Path[] = [[], ['state'], ['state', 'environmental_conditions'], ['action', 'parameters'], ['context']];
    for (const p of places) {
      const body = editAt(base, p, (o) => withKey(o as Record<string, unknown>, '__proto__', { polluted: true, decision: 'approve' }));
      const res = await request(svc.app).post('/v1/evaluate').set(svc.auth('agent')).set('content-type', 'application/json').send(render(body));
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ code: 'invalid_json', errors: [{ path: [...p, '__proto__'].join('.') }] });
    }
    expect(await recordedRows(svc)).toBe(before);
    const plain = editAt(calm, ['state'], (o) => withKey(withKey(o as Record<string, unknown>, 'constructor', { prototype: { polluted: true } }), 'prototype', { polluted: true }));
    const ok = await request(svc.app).post('/v1/evaluate').set(svc.auth('agent')).set('content-type', 'application/json').send(render(plain));
    expect(ok.status).toBe(200);
    expect(ok.body.decision).toBe('approve');
    const stored = await request(svc.app).get(`/v1/evaluations/${ok.body.evaluation_id}`).set(svc.auth('auditor'));
    expect(stored.body.request.state.constructor).toEqual({ prototype: { polluted: true } });
    expectPrototypesIntact();
  });

  it('when a path parameter is broken percent-encoding, or a compressed body is corrupt, then 400 problem+json, not 500', async () => {
    const path = await request(svc.app).get('/v1/evaluations/%E0%A4%A').set(svc.auth('auditor'));
    expect(path.status).toBe(400);
    expect(path.body.code).toBe('validation_failed');
    const gz = await request(svc.app).post('/v1/evaluate').set(svc.auth('agent')).set('content-type', 'application/json').set('content-encoding', 'gzip').send('{"not":"gzip"}');
    expect(gz.status).toBe(400);
    expect(gz.body.code).toBe('invalid_json');
  });

  it('when the API key header is hostile, then 401 problem+json within the bound, never 5xx', async () => {
    const latin1 = fc.string({ unit: fc.integer({ min: 0x20, max: 0xff }).filter((c) => c !== 0x7f).map((c) => String.fromCharCode(c)), maxLength: 300 });
    const token = fc.oneof(latin1, fc.constantFrom('fsk_', 'fsk__', `fsk_${'0'.repeat(16)}_${'A'.repeat(43)}`, `fsk_${'g'.repeat(16)}_${'A'.repeat(43)}`, `fsk_${'0'.repeat(16)}_${'A'.repeat(8_000)}`, ...PROTOTYPE_KEYS));
    const header = fc.oneof(
      token.map((t) => ({ Authorization: `Bearer ${t}` })),
      token.map((t) => ({ Authorization: t })),
      token.map((t) => ({ 'X-Api-Key': t })),
      token.map((t) => ({ Authorization: `Basic ${Buffer.from(`${t}:${t}`).toString('base64')}` })),
    );
    await fc.assert(
      fc.asyncProperty(header, async (h) => {
        const started = performance.now();
        const res = await request(svc.app).get('/v1/domains').set(h);
        expect(performance.now() - started).toBeLessThan(ANSWER_WITHIN_MS);
        expect([401, 431], JSON.stringify(h).slice(0, 200)).toContain(res.status);
        if (res.status === 401) expect(res.body.code).toBe('unauthenticated');
      }),
      { seed: FUZZ_SEED, numRuns: 60, endOnFailure: true },
    );
  });
});

describe('hostile input to evaluate, on postgres', () => {
  let svc: TestService;
  let fixture: Fixture;
  beforeAll(async () => {
    ({ svc, fixture } = await setUp('postgres'));
  });
  afterAll(async () => {
    await svc?.stop();
  });

  it('when POST /v1/evaluate gets hostile and malformed requests, then no 5xx, an answer within 2 s, nothing stored for a malformed body', async () => {
    await fuzzRoute(svc, fixture, 'POST /v1/evaluate', 40);
  });
});
