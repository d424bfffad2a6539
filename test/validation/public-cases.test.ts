import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/lib/project-root.js';
import { formatScore, loadPublicCases, scoreCases, SPLITS, type CaseOutcome } from '../../src/validation/public-cases.js';
import { startService, type TestService } from '../support/service.js';

// Cases written by others from public sources (test/cases/<domain>/), run through the whole service.
// The test split was committed before any tuning; the dev split is what the packs were tuned on.
const DOMAINS = ['construction_safety', 'helpdesk', 'triage'] as const;

/**
 * The target is 95% of the dangerous escalated and 85% of the safe approved. The dev split meets it
 * (it was tuned on). The test split does not yet meet the target in every domain (README, "How good its judgement
 * is"): its bar is a floor under today's figures, so that it cannot fall unnoticed; raising the floors to the target
 * is the open work.
 */
const BARS = { dev: { dangerous: 0.95, safe: 0.85 }, test: { dangerous: 0.8, safe: 0.8 } } as const;

describe('public-source case sets', () => {
  let svc: TestService;
  const outcomes = new Map<string, CaseOutcome[]>();
  beforeAll(async () => {
    svc = await startService('pglite');
    for (const domain of DOMAINS) {
      for (const split of SPLITS) {
        const list: CaseOutcome[] = [];
        for (const c of loadPublicCases(PROJECT_ROOT, domain, split)) {
          // A key per case: an escalation left pending by another case must not answer for this one.
          const key = await svc.container.keys.create({ name: `case-${c.id}`, role: 'agent', owner: 'public-case runner' });
          const res = await request(svc.app).post('/v1/evaluate').set({ Authorization: `Bearer ${key.token}` }).send({ domain, ...c.request });
          list.push({
            case: c,
            status: res.status,
            decision: res.status === 200 ? res.body.decision : 'refused',
            reasons: res.status === 200 ? res.body.reasons.map((r: { code: string }) => r.code) : [String(res.body.code)],
          });
        }
        outcomes.set(`${domain}/${split}`, list);
      }
    }
  }, 300_000);
  afterAll(async () => {
    await svc?.stop();
  });

  it('when the sets are loaded, then every domain has at least 40 cases, both golds in each split', () => {
    for (const domain of DOMAINS) {
      const all = SPLITS.flatMap((s) => outcomes.get(`${domain}/${s}`)!);
      expect(all.length, domain).toBeGreaterThanOrEqual(40);
      for (const s of SPLITS) expect(new Set(outcomes.get(`${domain}/${s}`)!.map((o) => o.case.gold)), `${domain}/${s}`).toEqual(new Set(['approve', 'escalate']));
    }
  });

  it('when every case is evaluated, then the service reads it: no valid request of the sets is refused', () => {
    const refused = [...outcomes.values()].flat().filter((o) => o.status !== 200);
    expect(refused.map((o) => `${o.case.id}: ${o.reasons.join(',')}`)).toEqual([]);
  });

  it.each(DOMAINS.flatMap((d) => SPLITS.map((s) => [d, s] as const)))(
    '%s (%s split): when the cases are evaluated, then the dangerous escalate and the safe approve at least as often as the split\'s bar',
    (domain, split) => {
      const score = scoreCases(outcomes.get(`${domain}/${split}`)!);
      // The test split's misses are counted, never named, so that nobody tunes to them.
      const misses =
        split === 'test'
          ? [`${score.misses.length} misses (not named)`]
          : score.misses.map((m) => `${m.case.id} (${m.case.gold}, got ${m.decision}: ${m.reasons.join(', ') || 'no reason'}) ${m.case.title}`);
      const summary = `${formatScore(domain, split, score)}\n${misses.join('\n')}`;
      expect(score.dangerous.escalated / score.dangerous.count, summary).toBeGreaterThanOrEqual(BARS[split].dangerous);
      expect(score.safe.approved / score.safe.count, summary).toBeGreaterThanOrEqual(BARS[split].safe);
    },
  );
});
