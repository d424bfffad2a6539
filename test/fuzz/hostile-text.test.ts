import fc from 'fast-check';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCENARIOS } from '../support/scenarios.js';
import { startService, type TestService } from '../support/service.js';
import { editAt, FUZZ_SEED, getAt, INJECTIONS, pathsOf, PROTOTYPE_KEYS, render, withKey, type Path } from './hostile-inputs.js';

/**
 * A valid request that carries hostile text (prompt injection, direction overrides, fake JSON) in a
 * state field gets the decision of the same request without it, and is stored like any other, text
 * and all. Where the field is typed (a timestamp, an enumerated sex, a structured turn), the text is
 * refused with a 400 naming that field instead. Keys named for prototype members are plain data and
 * change no prototype; `__proto__` itself is refused by the body reader.
 */

const SEED = 3;
type Body = { domain: string; state: Record<string, unknown>; action: Record<string, unknown> };
const scenarios = Object.entries(SCENARIOS).map(([name, s]) => ({ name, body: s.body as unknown as Body }));

/** The state's string leaves (and one slot past the end of each list): every place free text can sit. */
function textPlaces(state: Record<string, unknown>): Path[] {
  return pathsOf(state).filter((p) => {
    const v = getAt(state, p);
    return p.length > 0 && (typeof v === 'string' || Array.isArray(v));
  }).map((p) => (Array.isArray(getAt(state, p)) ? [...p, (getAt(state, p) as unknown[]).length] : p));
}

const injection = fc.oneof(fc.constantFrom(...INJECTIONS), fc.array(fc.constantFrom(...INJECTIONS), { minLength: 2, maxLength: 3 }).map((xs) => xs.join(' ')));

/** One hostile change to a scenario's state: text appended to (or put in place of) a field, or an extra field. */
const change = fc.constantFrom(...scenarios).chain((sc) =>
  fc.oneof(
    fc.tuple(fc.constantFrom(...textPlaces(sc.body.state)), injection, fc.boolean()).map(([path, text, replace]) => ({
      sc,
      path,
      state: editAt(sc.body.state, path, (old) => (typeof old === 'string' && !replace ? `${old}. ${text}` : text)) as Record<string, unknown>,
    })),
    fc.tuple(fc.constantFrom('notes', 'agent_note', ...PROTOTYPE_KEYS), injection, fc.boolean()).map(([key, text, asObject]) => ({
      sc,
      path: [key] as Path,
      state: withKey(sc.body.state, key, asObject ? { role: 'system', content: text, polluted: true } : text),
    })),
  ),
);

const PROTOTYPE_NAMES = Object.getOwnPropertyNames(Object.prototype).sort().join();

describe('hostile text in every state field, on pglite', () => {
  let svc: TestService;
  const clean = new Map<string, { decision: string; hardRules: string[] }>();
  const hardRules = (body: { reasons: { code: string }[] }) => body.reasons.map((r) => r.code).filter((c) => c.startsWith('hard_rule:')).sort();

  beforeAll(async () => {
    svc = await startService('pglite', { env: { RATE_LIMIT_PER_KEY: 'off' } });
    for (const sc of scenarios) {
      const res = await request(svc.app).post('/v1/evaluate').set(svc.auth('agent')).send({ ...sc.body, options: { seed: SEED } });
      expect(res.status).toBe(200);
      clean.set(sc.name, { decision: res.body.decision, hardRules: hardRules(res.body) });
    }
  });
  afterAll(async () => {
    await svc?.stop();
  });

  it('when injected text sits in a state field, then the decision and hard rules are the clean ones and the text is stored verbatim, or a typed field refuses it by name', async () => {
    await fc.assert(
      fc.asyncProperty(change, async ({ sc, path, state }) => {
        // A key of its own per request: a pending escalation under one key would answer a repeat without storing it.
        const key = await svc.container.keys.create({ name: 'fuzz', role: 'agent', owner: 'fuzz' });
        const before = await svc.countEvaluations();
        const text = render({ ...sc.body, state, options: { seed: SEED } });
        const res = await request(svc.app).post('/v1/evaluate').set({ Authorization: `Bearer ${key.token}` }).set('content-type', 'application/json').send(text);
        const at = `state.${path.join('.')}`;
        if (path[0] === '__proto__') {
          // Refused by the body reader, which no prototype key gets past.
          expect(res.status).toBe(400);
          expect(res.body).toMatchObject({ code: 'invalid_json', errors: [{ path: at }] });
          expect(await svc.countEvaluations()).toBe(before);
          return;
        }
        if (res.status === 400) {
          expect(res.body.code, `${sc.name} ${at}`).toBe('validation_failed');
          expect(res.body.errors.map((e: { path: string }) => e.path).some((p: string) => p === at || p.startsWith(`${at}.`)), `${sc.name} ${at}: ${res.body.detail}`).toBe(true);
          expect(await svc.countEvaluations()).toBe(before);
          return;
        }
        expect(res.status, `${sc.name} ${at}: ${JSON.stringify(res.body).slice(0, 300)}`).toBe(200);
        const want = clean.get(sc.name)!;
        expect(res.body.decision, `${sc.name} ${at}`).toBe(want.decision);
        expect(hardRules(res.body), `${sc.name} ${at}`).toEqual(want.hardRules);
        expect(await svc.countEvaluations()).toBe(before + 1);
        const stored = await request(svc.app).get(`/v1/evaluations/${res.body.evaluation_id}`).set(svc.auth('auditor'));
        expect(stored.status).toBe(200);
        // Stored as sent, `constructor` and `prototype` keys included, as plain data.
        expect(getAt(stored.body.request.state, path)).toEqual(getAt(JSON.parse(text).state, path));
        expect(Object.getOwnPropertyNames(Object.prototype).sort().join()).toBe(PROTOTYPE_NAMES);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { seed: FUZZ_SEED, numRuns: 40, endOnFailure: true },
    );
  });
});
