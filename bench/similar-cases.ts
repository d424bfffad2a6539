import type { ActionInput } from '../src/packs/types.js';
import type { NewCase } from '../src/cases/case-store.js';
import { PgCaseStore } from '../src/cases/pg-case-store.js';
import { caseEmbedders } from '../src/cases/bank-cases.js';
import { benchService, fmt, percentile } from './support.js';

const TARGET = 100_000;

/** Similar-case search with 100,000 stored cases: the bank, replicated with fresh ids, on PostgreSQL. */
export async function benchSimilarCases(): Promise<string[]> {
  const svc = await benchService('postgres');
  try {
    const cases = new PgCaseStore(svc.container.db, caseEmbedders(svc.container.domains.values()));
    const domains = [...svc.container.domains.values()];
    let total = await cases.count();
    const insertStarted = performance.now();
    for (let copy = 1; total < TARGET; copy++) {
      const rows = await svc.container.db.query<{ id: string; domain: string; source: string; summary: string; body: string; features: number[]; final_outcome: string; incident: boolean; adverse: boolean; state: Record<string, unknown>; action: Record<string, unknown> }>(
        "SELECT * FROM cases WHERE id LIKE 'bank:%'",
      );
      const batch: NewCase[] = rows.rows.slice(0, TARGET - total).map((r) => ({
        id: `copy${copy}:${r.id}`, domain: r.domain, source: 'bench', summary: r.summary, body: r.body,
        features: r.features.map((v) => v * (0.9 + ((copy * 7919) % 20) / 100)), finalOutcome: r.final_outcome,
        incident: r.incident, adverse: r.adverse, state: r.state, action: r.action,
      }));
      await cases.add(batch);
      total += batch.length;
    }
    await svc.container.db.query('ANALYZE cases');
    const insertMs = performance.now() - insertStarted;
    const queries = domains.flatMap((d) => d.bank.rows.filter((r) => r.split === 'heldout').slice(0, 100).map((r) => ({ d, r })));
    const times: number[] = [];
    for (const { d, r } of queries) {
      const reading = d.read(r.state, r.action as ActionInput);
      const f = d.module.featurize(reading);
      const t0 = performance.now();
      await cases.findSimilar({ domain: d.name, text: reading.text, features: f.values, limit: 3 });
      times.push(performance.now() - t0);
    }
    return [
      `similar-case search, ${await cases.count()} cases on PostgreSQL (filled in ${fmt(insertMs / 1000, 1)} s), ${times.length} queries:`,
      `  p50 ${fmt(percentile(times, 50))} ms, p95 ${fmt(percentile(times, 95))} ms, max ${fmt(Math.max(...times))} ms`,
    ];
  } finally {
    await svc.stop();
  }
}
