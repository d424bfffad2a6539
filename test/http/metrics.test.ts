import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sealUntilSettled } from '../audit/audit-helpers.js';
import { SCENARIOS } from '../support/scenarios.js';
import { startService, type TestService } from '../support/service.js';

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

  it('when the trail is sealed, then the sealing lag counts the seconds since the last block', async () => {
    await sealUntilSettled(svc.container.audit.sealer, svc.container.audit.ledger);
    const lag = Number(/^foresight_audit_seconds_since_last_seal ([\d.e+-]+)$/m.exec(await scrape())?.[1]);
    expect(lag).toBeGreaterThanOrEqual(0);
    expect(lag).toBeLessThan(60);
  });
});
