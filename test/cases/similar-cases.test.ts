import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseEmbedders } from '../../src/cases/bank-cases.js';
import { PgCaseStore } from '../../src/cases/pg-case-store.js';
import type { ActionInput } from '../../src/packs/types.js';
import { ENGINES, startService, type TestService } from '../support/service.js';

// A bank-sized history is searched in memory; a larger one by the database's GiST index. Both must find the same.
const SEARCHES = ENGINES.flatMap((engine) => [
  { engine, search: 'in memory', inMemoryMax: undefined },
  { engine, search: 'by the index', inMemoryMax: 0 },
]);

describe.each(SEARCHES)('similar cases on $engine, searched $search', ({ engine, inMemoryMax }) => {
  let svc: TestService;
  let cases: PgCaseStore;
  beforeAll(async () => {
    svc = await startService(engine);
    cases = new PgCaseStore(svc.container.db, caseEmbedders(svc.container.domains.values()), inMemoryMax);
  });
  afterAll(async () => {
    await svc?.stop();
  });

  it('when the service starts, then every bank row is a historical case, imported once', async () => {
    const total = [...svc.container.domains.values()].reduce((n, d) => n + d.bank.rows.length, 0);
    expect(await cases.count()).toBe(total);
    const d = svc.container.domains.get('triage')!;
    expect(await cases.importBank('triage', d.bank.hash, () => [])).toBe(0);
  });

  it('when a stored situation is searched for, then it comes first, with its outcome', async () => {
    for (const d of svc.container.domains.values()) {
      const row = d.bank.rows[123];
      const reading = d.read(row.state, row.action as ActionInput);
      const f = d.module.featurize(reading);
      const found = await cases.findSimilar({ domain: d.name, text: reading.text, features: f.values, limit: 3 });
      expect(found).toHaveLength(3);
      expect(found[0].case_id).toBe(`bank:${d.name}:${row.id}`);
      expect(found[0].outcome).toBe(row.final_outcome);
      expect(found[0].similarity).toBeGreaterThan(0.95);
      expect(found[0].similarity).toBeGreaterThanOrEqual(found[2].similarity);
      expect(found.every((c) => c.case_id.startsWith(`bank:${d.name}:`))).toBe(true);
    }
  });

  it('when the bank changes and embeddings are stale, then start-up recomputes them and search finds the cases again', async () => {
    await svc.container.db.query("UPDATE cases SET embedding_version = 'old', embedding = NULL WHERE domain = 'helpdesk'");
    const d = svc.container.domains.get('helpdesk')!;
    expect(await cases.reembed('helpdesk')).toBe(d.bank.rows.length);
    expect(await cases.reembed('helpdesk')).toBe(0);
    const row = d.bank.rows[7];
    const reading = d.read(row.state, row.action as ActionInput);
    const f = d.module.featurize(reading);
    const found = await cases.findSimilar({ domain: 'helpdesk', text: reading.text, features: f.values, limit: 1 });
    expect(found[0].case_id).toBe(`bank:helpdesk:${row.id}`);
  });

  it('when a case is added after searches have run, then the next search finds it', async () => {
    const d = svc.container.domains.get('triage')!;
    const row = d.bank.rows[42];
    const reading = d.read(row.state, row.action as ActionInput);
    const f = d.module.featurize(reading);
    // The same search before and after: a remembered answer must not outlive the cases it was drawn from.
    const before = await cases.findSimilar({ domain: 'triage', text: reading.text, features: f.values, limit: 2 });
    expect(before.map((c) => c.case_id)).not.toContain('reported:42');
    await cases.add([{ id: 'reported:42', domain: 'triage', source: 'reported', summary: 'a reported case', body: reading.text, features: f.values, finalOutcome: row.final_outcome, incident: false, adverse: false, state: row.state, action: row.action }]);
    const found = await cases.findSimilar({ domain: 'triage', text: reading.text, features: f.values, limit: 2 });
    expect(found.map((c) => c.case_id).sort()).toEqual([`bank:triage:${row.id}`, 'reported:42']);
  });

  it('when another replica adds a case, then this one finds it once its copy of the cases is read again', async () => {
    const here = new PgCaseStore(svc.container.db, caseEmbedders(svc.container.domains.values()), inMemoryMax, 200);
    const there = new PgCaseStore(svc.container.db, caseEmbedders(svc.container.domains.values()), inMemoryMax);
    const d = svc.container.domains.get('helpdesk')!;
    const row = d.bank.rows[314];
    const reading = d.read(row.state, row.action as ActionInput);
    const query = { domain: 'helpdesk', text: reading.text, features: d.module.featurize(reading).values, limit: 2 };
    expect((await here.findSimilar(query)).map((c) => c.case_id)).not.toContain('reported:elsewhere');
    await there.add([{ id: 'reported:elsewhere', domain: 'helpdesk', source: 'reported', summary: 'reported through another replica', body: reading.text, features: query.features, finalOutcome: row.final_outcome, incident: false, adverse: false, state: row.state, action: row.action }]);
    const deadline = Date.now() + 5_000;
    let found: string[] = [];
    while (Date.now() < deadline && !found.includes('reported:elsewhere')) {
      await new Promise((r) => setTimeout(r, 100));
      found = (await here.findSimilar(query)).map((c) => c.case_id);
    }
    expect(found).toContain('reported:elsewhere');
  });

  it('when the same search runs again after its caller changed the answer, then the answer is the one found the first time', async () => {
    const d = svc.container.domains.get('construction_safety')!;
    const row = d.bank.rows[77];
    const reading = d.read(row.state, row.action as ActionInput);
    const query = { domain: d.name, text: reading.text, features: d.module.featurize(reading).values, limit: 3 };
    const first = await cases.findSimilar(query);
    const kept = structuredClone(first);
    first[0].summary = 'changed by the caller';
    first.pop();
    expect(await cases.findSimilar(query)).toEqual(kept);
  });
});
