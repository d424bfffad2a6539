import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PgAuditLedger } from '../../src/audit/pg-audit-ledger.js';
import type { AuditSealer } from '../../src/audit/sealer.js';
import { verifyAudit } from '../../src/audit/verify.js';
import { behindTheServicesBack, sealUntilSettled } from '../audit/audit-helpers.js';
import { SCENARIOS } from '../support/scenarios.js';
import { ENGINES } from '../support/engines.js';
import { evaluateAs, signOff, startSignOffService, type SignOffTestService } from './sign-off-support.js';

/**
 * The sign-off tables are sealed (migration 0006): the service's own sealer commits to their rows,
 * and verify names a sign-off altered behind the service's back.
 */
describe.each(ENGINES)('sealing sign-offs on %s', (engine) => {
  let svc: SignOffTestService;
  let ledger: PgAuditLedger;
  let sealer: AuditSealer;
  let signOffId: string;

  beforeAll(async () => {
    svc = await startSignOffService(engine);
    const made = await evaluateAs(svc, 'agent', SCENARIOS.gustyCraneLift.body);
    const signed = await signOff(svc, 'alice', made.body.evaluation_id, { decision: 'approve', reason: 'Wind eased' });
    signOffId = signed.body.sign_off.id;
    ({ ledger, sealer } = svc.container.audit);
  });
  afterAll(async () => {
    await svc?.stop();
  });

  it('when the sign-off tables are sealed, then verify checks their rows clean', async () => {
    const { report } = await sealUntilSettled(sealer, ledger);
    expect(report.status).toBe('ok');
    const leaves = (await Promise.all((await ledger.blocks(0, 100)).map((b) => ledger.leavesOf(b)))).flat();
    expect(leaves.filter((l) => l.table === 'sign_offs').map((l) => l.id)).toEqual([signOffId]);
    expect(leaves.filter((l) => l.table === 'escalations')).toHaveLength(1);
  });

  it('when a sealed sign-off is altered behind the service’s back, then verify names that row', async () => {
    await behindTheServicesBack(svc.container.db, (tx) => tx.query(`UPDATE sign_offs SET signer_owner = 'mallory@example.org' WHERE id = '${signOffId}'`));
    const report = await verifyAudit(ledger);
    expect(report.status).toBe('broken');
    expect(report.first_problem).toMatchObject({ kind: 'row', table: 'sign_offs', id: signOffId });
  });
});
