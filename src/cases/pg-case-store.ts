import type { Database } from '../db/database.js';
import type { CaseQuery, CaseStore, NewCase, SimilarCase } from './case-store.js';

const CANDIDATES = 200;
const TEXT_WEIGHT = 0.3;

interface CandidateRow {
  id: string;
  summary: string;
  final_outcome: string;
  incident: boolean;
  adverse: boolean;
  source: string;
  features: number[];
  rank: number;
}

/** Cosine similarity after scaling each feature by its largest magnitude among the candidates. */
function structuredSimilarity(query: number[], candidates: number[][]): number[] {
  const dims = query.length;
  const scale = query.map((q, j) => Math.max(Math.abs(q), ...candidates.map((c) => Math.abs(c[j] ?? 0)), 1e-9));
  const norm = (v: number[]) => Math.sqrt(v.reduce((s, x, j) => s + (x / scale[j]) ** 2, 0)) || 1;
  const qn = norm(query);
  return candidates.map((c) => {
    let dot = 0;
    for (let j = 0; j < dims; j++) dot += (query[j] / scale[j]) * ((c[j] ?? 0) / scale[j]);
    return Math.max(0, dot / (qn * norm(c)));
  });
}

export class PgCaseStore implements CaseStore {
  constructor(private readonly db: Database) {}

  /**
   * Candidates come from the full-text index (any of the query's words), then are re-ranked on
   * the structured features; with no word in common, the domain's most recent cases stand in.
   */
  async findSimilar(q: CaseQuery): Promise<SimilarCase[]> {
    let { rows } = await this.db.query<CandidateRow>(
      `WITH q AS (SELECT NULLIF(replace(plainto_tsquery('english', $2)::text, ' & ', ' | '), '')::tsquery AS query)
       SELECT id, summary, final_outcome, incident, adverse, source, features, ts_rank(search, q.query) AS rank
       FROM cases, q
       WHERE domain = $1 AND q.query IS NOT NULL AND search @@ q.query
       ORDER BY rank DESC
       LIMIT ${CANDIDATES}`,
      [q.domain, q.text.slice(0, 2000)],
    );
    if (rows.length === 0) {
      ({ rows } = await this.db.query<CandidateRow>(
        `SELECT id, summary, final_outcome, incident, adverse, source, features, 0 AS rank
         FROM cases WHERE domain = $1 ORDER BY created_at DESC LIMIT ${CANDIDATES}`,
        [q.domain],
      ));
    }
    if (rows.length === 0) return [];
    const structured = structuredSimilarity(q.features, rows.map((r) => r.features));
    const topRank = Math.max(...rows.map((r) => r.rank), 1e-9);
    return rows
      .map((r, i) => ({
        case_id: r.id,
        summary: r.summary,
        outcome: r.final_outcome,
        incident: r.incident,
        adverse: r.adverse,
        source: r.source,
        similarity: Math.round(((1 - TEXT_WEIGHT) * structured[i] + TEXT_WEIGHT * (r.rank / topRank)) * 1000) / 1000,
      }))
      .sort((a, b) => b.similarity - a.similarity)
      .slice(0, q.limit);
  }

  async add(cases: NewCase[]): Promise<void> {
    const chunk = 500;
    for (let i = 0; i < cases.length; i += chunk) {
      const part = cases.slice(i, i + chunk).map((c) => ({
        id: c.id, domain: c.domain, source: c.source, summary: c.summary, body: c.body, features: c.features,
        final_outcome: c.finalOutcome, incident: c.incident, adverse: c.adverse, state: c.state, action: c.action,
      }));
      await this.db.query(
        `INSERT INTO cases (id, domain, source, summary, body, features, final_outcome, incident, adverse, state, action)
         SELECT id, domain, source, summary, body, ARRAY(SELECT jsonb_array_elements_text(features)::real), final_outcome, incident, adverse, state, action
         FROM jsonb_to_recordset($1::jsonb) AS c(id text, domain text, source text, summary text, body text, features jsonb,
              final_outcome text, incident boolean, adverse boolean, state jsonb, action jsonb)
         ON CONFLICT (id) DO NOTHING`,
        [JSON.stringify(part)],
      );
    }
  }

  async importBank(domain: string, bankHash: string, cases: () => NewCase[]): Promise<number> {
    const done = await this.db.query('SELECT 1 FROM bank_imports WHERE domain = $1 AND bank_hash = $2', [domain, bankHash]);
    if (done.rows.length > 0) return 0;
    const rows = cases();
    await this.add(rows);
    await this.db.query('INSERT INTO bank_imports (domain, bank_hash, rows) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING', [domain, bankHash, rows.length]);
    return rows.length;
  }

  async count(domain?: string): Promise<number> {
    const { rows } = await this.db.query<{ n: number }>(
      domain ? 'SELECT count(*)::int AS n FROM cases WHERE domain = $1' : 'SELECT count(*)::int AS n FROM cases',
      domain ? [domain] : [],
    );
    return rows[0].n;
  }
}
