import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealUntilSettled } from '../audit/audit-helpers.js';
import { faultyWorldModel } from '../support/fake-world-models.js';
import { SCENARIOS } from '../support/scenarios.js';
import { startService, type TestService } from '../support/service.js';

/** The value of one series in a scrape (NaN when it is absent). */
const series = (text: string, name: string) => Number(new RegExp(`^${name.replace(/[{}]/g, '\\$&')} ([\\d.e+-]+)$`, 'm').exec(text)?.[1]);

describe('the operator’s metrics', () => {
  let svc: TestService;
  beforeAll(async () => {
    svc = await startService('pglite', { env: { AUDIT_SEAL_INTERVAL_MS: '0' } });
  });
  afterAll(async () => {
    await svc?.stop();
  });
  const scrape = async () => String((await request(svc.app).get('/metrics').set(svc.auth('operator')).expect(200)).text);

  it('when an evaluation is answered, then each of its phases has a latency series, and the pool is shown by state', async () => {
    await request(svc.app).post('/v1/evaluate').set(svc.auth('agent')).send(SCENARIOS.calmCraneLift.body).expect(200);
    const text = await scrape();
    for (const phase of ['rules', 'simulation', 'cases', 'store']) {
      expect(text).toMatch(new RegExp(`foresight_evaluation_phase_seconds_count\\{domain="construction_safety",phase="${phase}"\\} 1\\b`));
    }
    expect(text).toMatch(/foresight_db_pool_connections\{state="total"\} 1\b/);
    expect(text).toMatch(/foresight_db_pool_connections\{state="waiting"\} 0\b/);
  });

  it('when evaluations are answered by the embedded model, then each call shows its batch size, and no future was invalid', async () => {
    const before = await scrape();
    const calls = series(before, 'foresight_world_model_batch_size_count{backend="embedded"}') || 0;
    const futures = series(before, 'foresight_world_model_batch_size_sum{backend="embedded"}') || 0;
    const res = await request(svc.app).post('/v1/evaluate').set(svc.auth('agent')).send(SCENARIOS.gustyCraneLift.body).expect(200);
    const text = await scrape();
    // The embedded model decides with its probabilities: one call, of the futures the answer shows.
    expect(series(text, 'foresight_world_model_batch_size_count{backend="embedded"}')).toBe(calls + 1);
    expect(series(text, 'foresight_world_model_batch_size_sum{backend="embedded"}')).toBe(futures + res.body.risk.rollouts);
    expect(series(text, 'foresight_world_model_invalid_outputs_total{backend="embedded",domain="construction_safety"}')).toBe(0);
  });

  it('when the trail is sealed, then the sealing lag counts the seconds since the last block', async () => {
    await sealUntilSettled(svc.container.audit.sealer, svc.container.audit.ledger);
    const lag = Number(/^foresight_audit_seconds_since_last_seal ([\d.e+-]+)$/m.exec(await scrape())?.[1]);
    expect(lag).toBeGreaterThanOrEqual(0);
    expect(lag).toBeLessThan(60);
  });
});

describe('the operator’s metrics, when a world model talks nonsense', () => {
  let svc: TestService;
  beforeAll(async () => {
    svc = await startService('pglite', { env: { AUDIT_SEAL_INTERVAL_MS: '0' }, worldModelFor: () => faultyWorldModel('garbage') });
  });
  afterAll(async () => {
    await svc?.stop();
  });

  it('when every future names an outcome the domain does not have, then each is counted invalid, by backend and domain', async () => {
    const res = await request(svc.app).post('/v1/evaluate').set(svc.auth('agent')).send(SCENARIOS.calmCraneLift.body).expect(200);
    expect(res.body.decision).toBe('escalate');
    expect(res.body.reasons.map((r: { code: string }) => r.code)).toContain('insufficient_valid_rollouts');
    const text = String((await request(svc.app).get('/metrics').set(svc.auth('operator')).expect(200)).text);
    const asked = series(text, 'foresight_world_model_batch_size_sum{backend="fake-garbage"}');
    expect(asked).toBe(res.body.risk.rollouts);
    expect(asked).toBeGreaterThan(0);
    expect(series(text, 'foresight_world_model_invalid_outputs_total{backend="fake-garbage",domain="construction_safety"}')).toBe(asked);
  });
});
