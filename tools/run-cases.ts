/**
 * Runs a public-source case set through the whole service (embedded PGlite, the embedded model)
 * and prints each case's decision against its gold, with the reading of every miss.
 *   npx tsx tools/run-cases.ts --domain triage --split dev [--all] [--id tr-dev-007]
 */
import { parseArgs } from 'node:util';
import request from 'supertest';
import { PROJECT_ROOT } from '../src/lib/project-root.js';
import { formatScore, loadPublicCases, scoreCases, type CaseOutcome, type Split } from '../src/validation/public-cases.js';
import { startService } from '../test/support/service.js';

const { values } = parseArgs({ options: { domain: { type: 'string' }, split: { type: 'string', default: 'dev' }, all: { type: 'boolean', default: false }, id: { type: 'string' } } });
if (values.split === 'test') {
  process.stderr.write('The test split is for reporting (npm run validate, npm test), not for tuning.\n');
}
const domains = values.domain ? [values.domain] : ['construction_safety', 'helpdesk', 'triage'];
const svc = await startService('pglite');
try {
  for (const domain of domains) {
    const cases = loadPublicCases(PROJECT_ROOT, domain, values.split as Split).filter((c) => !values.id || c.id === values.id);
    const outcomes: CaseOutcome[] = [];
    for (const c of cases) {
      // A key per case: an escalation left pending by another case must not answer for this one.
      const key = await svc.container.keys.create({ name: `case-${c.id}`, role: 'agent', owner: 'public-case runner' });
      const res = await request(svc.app).post('/v1/evaluate').set({ Authorization: `Bearer ${key.token}` }).send({ domain, ...c.request, options: { seed: 1 } });
      const decision = res.status === 200 ? res.body.decision : 'refused';
      const reasons: string[] = res.status === 200 ? res.body.reasons.map((r: { code: string }) => r.code) : [res.body.code ?? String(res.status)];
      outcomes.push({ case: c, status: res.status, decision, reasons });
      const ok = decision === c.gold;
      if (ok && !values.all && !values.id) continue;
      const risk = res.body.risk ? ` incident=${res.body.risk.incident_rate} adverse=${res.body.risk.adverse_rate}` : '';
      process.stdout.write(`\n${ok ? 'ok  ' : 'MISS'} ${c.id} gold=${c.gold} got=${decision} [${reasons.join(', ')}]${risk}\n  ${c.title}\n`);
      if (!ok || values.id) {
        if (res.status !== 200) process.stdout.write(`  ${JSON.stringify(res.body).slice(0, 600)}\n`);
        else process.stdout.write(`  reading: ${JSON.stringify(res.body.reading).slice(0, 2500)}\n`);
      }
    }
    process.stdout.write(`\n${formatScore(domain, values.split!, scoreCases(outcomes))}\n`);
  }
} finally {
  await svc.stop();
}
