import { LRUCache } from 'lru-cache';
import type { Database } from '../db/database.js';
import { NeighbourIndex } from '../lib/neighbour-index.js';
import type { CaseEmbedder } from './case-embedder.js';
import type { CaseQuery, CaseStore, NewCase, SimilarCase } from './case-store.js';

// Nearest candidates (exactly in memory, or by the GiST index), then re-ranked on all structured features and the words.
const CANDIDATES = 60;
const TEXT_WEIGHT = 0.2;
/**
 * A domain with at most this many cases (a shipped bank is about 6,000) is searched in memory: an
 * exact scan is under a millisecond and costs the database nothing. Beyond it, the GiST index.
 */
export const IN_MEMORY_CASES = 20_000;

/** A domain's cases held in memory for search, or `null` when there are too many (the database searches). */
interface MemoryCases {
  rows: CandidateRow[];
  words: Set<string>[];
  index: NeighbourIndex;
  /**
   * Answers to recent searches of these cases, by query: a search is a pure function of the query
   * and the cases, so it is dropped with them. Bounded in entries and in the text it keys by.
   */
  answers: LRUCache<string, SimilarCase[]>;
}

/**
 * Cases another replica adds reach this one's memory within this long: the in-memory copy is read again
 * in the background once it is older (searches meanwhile use the copy they have).
 */
export const CASES_REFRESH_MS = 30_000;

/** Searches remembered per domain, and the longest query text remembered (longer ones are searched every time). */
const ANSWERS_KEPT = 2_000;
const ANSWER_KEY_MAX_CHARS = 4_000;

interface CandidateRow {
  id: string;
  summary: string;
  body: string;
  final_outcome: string;
  incident: boolean;
  adverse: boolean;
  source: string;
  features: number[];
}

const words = (text: string) => new Set(text.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w.length > 2));

function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let common = 0;
  for (const w of a) if (b.has(w)) common++;
  return common / (a.size + b.size - common);
}

export class PgCaseStore implements CaseStore {
  constructor(
    private readonly db: Database,
    private readonly embedders: ReadonlyMap<string, CaseEmbedder>,
    /** Domains with more cases than this are searched by the database's index. */
    private readonly inMemoryMax = IN_MEMORY_CASES,
    /** How old a domain's cases in memory may grow before they are read again (cases other replicas added). */
    private readonly refreshMs = CASES_REFRESH_MS,
  ) {}

  private embedder(domain: string): CaseEmbedder {
    const e = this.embedders.get(domain);
    if (!e) throw new Error(`no case embedder for domain '${domain}'`);
    return e;
  }

  /** Per domain, its cases in memory (dropped when this store changes them, read again when old), or null. */
  private readonly memory = new Map<string, Promise<MemoryCases | null>>();
  /** When each domain's copy in memory was read (or last tried), and the domains being read again now. */
  private readonly readAt = new Map<string, number>();
  private readonly refreshing = new Set<string>();

  /**
   * A domain's cases in memory when there are few enough. This store drops its copy whenever it adds
   * or re-embeds cases; cases added through another replica arrive when the copy is read again, at
   * most `refreshMs` after it was read.
   */
  private inMemory(domain: string): Promise<MemoryCases | null> {
    const loaded = this.memory.get(domain);
    if (!loaded) {
      const first = this.load(domain);
      // A failed load is not remembered: the next search tries again.
      first.catch(() => {
        if (this.memory.get(domain) === first) this.memory.delete(domain);
      });
      this.memory.set(domain, first);
      return first;
    }
    if (!this.refreshing.has(domain) && Date.now() - (this.readAt.get(domain) ?? Date.now()) > this.refreshMs) this.refresh(domain, loaded);
    return loaded;
  }

  /** Reads a domain's cases again in the background; the copy in use stays until the new one is ready. */
  private refresh(domain: string, current: Promise<MemoryCases | null>): void {
    this.refreshing.add(domain);
    const next = this.load(domain);
    next
      .then(
        () => {
          if (this.memory.get(domain) === current) this.memory.set(domain, next);
        },
        // The database is away: keep the copy, and try again after another interval.
        () => this.readAt.set(domain, Date.now()),
      )
      .finally(() => this.refreshing.delete(domain));
  }

  private async load(domain: string): Promise<MemoryCases | null> {
    // One row past the bound says there are too many, without counting them first.
    const { rows } = await this.db.query<CandidateRow>(
      'SELECT id, summary, body, final_outcome, incident, adverse, source, features FROM cases WHERE domain = $1 ORDER BY id LIMIT $2',
      [domain, this.inMemoryMax + 1],
    );
    this.readAt.set(domain, Date.now());
    if (rows.length > this.inMemoryMax) return null;
    const embedder = this.embedder(domain);
    const dims = rows[0]?.features.length ?? 0;
    return {
      rows,
      words: rows.map((r) => words(r.body)),
      index: new NeighbourIndex(rows.map((r) => embedder.standardise(r.features)), dims, () => 0, 1),
      answers: new LRUCache<string, SimilarCase[]>({ max: ANSWERS_KEPT }),
    };
  }

  /** Loads what the first searches will need, so they do not wait for it. */
  async warm(domains: Iterable<string>): Promise<void> {
    for (const d of domains) await this.inMemory(d);
  }

  private async candidates(q: CaseQuery, embedder: CaseEmbedder, memory: MemoryCases | null): Promise<{ row: CandidateRow; words: Set<string>; distance: number }[]> {
    if (memory) {
      const [nearest] = memory.index.nearestPerGroup(embedder.standardise(q.features), CANDIDATES);
      return nearest.map((n) => ({ row: memory.rows[n.row], words: memory.words[n.row], distance: n.distance }));
    }
    const { rows } = await this.db.query<CandidateRow>(
      `SELECT id, summary, body, final_outcome, incident, adverse, source, features
       FROM cases WHERE domain = $1 AND embedding IS NOT NULL
       ORDER BY embedding <-> cube($2::float8[]) LIMIT ${CANDIDATES}`,
      [q.domain, embedder.embed(q.features)],
    );
    return rows.map((row) => ({ row, words: words(row.body), distance: embedder.distance(q.features, row.features) }));
  }

  async findSimilar(q: CaseQuery): Promise<SimilarCase[]> {
    const memory = await this.inMemory(q.domain);
    const key = memory && q.text.length <= ANSWER_KEY_MAX_CHARS ? `${q.limit}\0${q.features.join(',')}\0${q.text}` : undefined;
    const known = key === undefined ? undefined : memory!.answers.get(key);
    // A copy of each case: the caller may put them in an answer it changes.
    if (known) return known.map((c) => ({ ...c }));
    const found = await this.search(q, memory);
    if (key !== undefined) memory!.answers.set(key, found.map((c) => ({ ...c })));
    return found;
  }

  private async search(q: CaseQuery, memory: MemoryCases | null): Promise<SimilarCase[]> {
    const embedder = this.embedder(q.domain);
    const queryWords = words(q.text);
    return (await this.candidates(q, embedder, memory))
      .map(({ row: r, words: rowWords, distance }) => {
        // 1 for identical features, ½ at one standard deviation per feature on average.
        const structured = 1 / (1 + distance / Math.sqrt(Math.max(1, q.features.length)));
        const similarity = (1 - TEXT_WEIGHT) * structured + TEXT_WEIGHT * jaccard(queryWords, rowWords);
        return { case_id: r.id, summary: r.summary, outcome: r.final_outcome, incident: r.incident, adverse: r.adverse, source: r.source, similarity: Math.round(similarity * 1000) / 1000 };
      })
      .sort((a, b) => b.similarity - a.similarity)
      .slice(0, q.limit);
  }

  async add(cases: NewCase[]): Promise<void> {
    for (const d of new Set(cases.map((c) => c.domain))) this.memory.delete(d);
    const chunk = 500;
    for (let i = 0; i < cases.length; i += chunk) {
      const part = cases.slice(i, i + chunk).map((c) => {
        const e = this.embedder(c.domain);
        return {
          id: c.id, domain: c.domain, source: c.source, summary: c.summary, body: c.body, features: c.features,
          final_outcome: c.finalOutcome, incident: c.incident, adverse: c.adverse, state: c.state, action: c.action,
          embedding: e.embed(c.features), embedding_version: e.version,
        };
      });
      await this.db.query(
        `INSERT INTO cases (id, domain, source, summary, body, features, final_outcome, incident, adverse, state, action, embedding, embedding_version)
         SELECT id, domain, source, summary, body, ARRAY(SELECT jsonb_array_elements_text(features)::real), final_outcome, incident, adverse, state, action,
                cube(ARRAY(SELECT jsonb_array_elements_text(embedding)::float8)), embedding_version
         FROM jsonb_to_recordset($1::jsonb) AS c(id text, domain text, source text, summary text, body text, features jsonb,
              final_outcome text, incident boolean, adverse boolean, state jsonb, action jsonb, embedding jsonb, embedding_version text)
         ON CONFLICT (id) DO NOTHING`,
        [JSON.stringify(part)],
      );
    }
  }

  /** Recomputes embeddings made by an older embedder (the bank, and so the projection, changed). */
  async reembed(domain: string): Promise<number> {
    const e = this.embedder(domain);
    let done = 0;
    for (;;) {
      const { rows } = await this.db.query<{ id: string; features: number[] }>(
        'SELECT id, features FROM cases WHERE domain = $1 AND embedding_version IS DISTINCT FROM $2 LIMIT 2000',
        [domain, e.version],
      );
      if (rows.length === 0) return done;
      this.memory.delete(domain);
      await this.db.query(
        `UPDATE cases SET embedding = cube(ARRAY(SELECT jsonb_array_elements_text(u.embedding)::float8)), embedding_version = $2
         FROM jsonb_to_recordset($1::jsonb) AS u(id text, embedding jsonb) WHERE cases.id = u.id`,
        [JSON.stringify(rows.map((r) => ({ id: r.id, embedding: e.embed(r.features) }))), e.version],
      );
      done += rows.length;
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
