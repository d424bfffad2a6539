import type { Queryable } from '../db/database.js';
import type { LeafRef } from './block.js';
import { evaluationContent, evaluationDigest, legacyEvaluationDigest } from './evaluation-digest.js';
import type { AuditedRow, XidRange } from './ledger.js';
import { keyEventsTable } from '../keys/key-events.js';
import { SIGN_OFF_SEALED_TABLES } from '../signoff/pg-sign-off-sealed-tables.js';
import { REPLAY_SEALED_TABLES } from '../replay/pg-replay-sealed-tables.js';
import { outcomesTable } from '../outcomes/pg-outcome-sealed-table.js';
import { EVALUATION_COLUMNS, evaluationFromRow, type EvaluationRow } from './pg-evaluation-store.js';
import { PRIVACY_SEALED_TABLES } from '../privacy/pg-privacy-sealed-tables.js';
import { personalFieldProblems } from '../privacy/pg-personal-store.js';

/**
 * How the sealer and verify read one append-only table. To seal another table: give it a `seq`, a
 * `txid xid8 DEFAULT pg_current_xact_id()`, a `hash` over a canonical encoding of all its content,
 * the refuse_change() triggers, a row in audit_sealed_tables (by migration), and a descriptor here.
 */
export interface PgSealedTable {
  readonly name: string;
  /** Leaves of the rows written in `range`, after `afterSeq`, in seq order: what a block commits to. Cheap: stored hashes. */
  leaves(q: Queryable, range: XidRange, afterSeq: number, limit: number): Promise<LeafRef[]>;
  /** The same rows, each recomputed from its stored content, with what disagrees. */
  audit(q: Queryable, range: XidRange, afterSeq: number, limit: number): Promise<AuditedRow[]>;
  locate(q: Queryable, id: string): Promise<{ txid: string; leaf: LeafRef; content: Record<string, unknown> } | null>;
}

const IN_RANGE = `e.txid >= $1::xid8 AND ($2::xid8 IS NULL OR e.txid < $2::xid8) AND e.seq > $3`;

type AuditRow = EvaluationRow & { legacy_prev: string | null; txid: string };

async function loadEvaluations(q: Queryable, where: string, params: unknown[]) {
  const { rows } = await q.query<AuditRow>(
    `SELECT ${EVALUATION_COLUMNS}, e.txid::text AS txid,
       CASE WHEN e.hash_scheme = 1 THEN
         (SELECT p.hash FROM evaluations p WHERE p.hash_scheme = 1 AND p.seq < e.seq ORDER BY p.seq DESC LIMIT 1) END AS legacy_prev
     FROM evaluations e WHERE ${where}`,
    params,
  );
  return rows.map((row) => ({ row, rec: evaluationFromRow(row) }));
}

function legacyOf(row: EvaluationRow) {
  return row.hash_scheme === 1 ? { hash: row.hash, prevHash: row.prev_hash } : undefined;
}

/** What a row's stored content says against its stored hash; undefined when they agree. */
function problemOf(row: AuditRow, rec: ReturnType<typeof evaluationFromRow>): string | undefined {
  if (row.hash_scheme === 1) {
    if (legacyEvaluationDigest(rec, row.prev_hash) !== row.hash) return 'its content no longer matches its (pre-0004 chain) hash';
    if (row.prev_hash !== row.legacy_prev) return 'its pre-0004 chain link does not point at the previous row';
    return undefined;
  }
  if (row.prev_hash !== null) return 'it carries a chain link no scheme-2 row has';
  if (evaluationDigest(rec) !== row.hash) return 'its content (decision, input, futures, attribution or timings) no longer matches its hash';
  return undefined;
}

export const evaluationsTable: PgSealedTable = {
  name: 'evaluations',

  async leaves(q, range, afterSeq, limit) {
    const { rows } = await q.query<{ id: string; seq: number; hash: string; hash_scheme: number }>(
      `SELECT e.id, e.seq, e.hash, e.hash_scheme FROM evaluations e WHERE ${IN_RANGE} ORDER BY e.seq LIMIT $4`,
      [range.lo, range.hi, afterSeq, limit],
    );
    // Rows of the old chain are committed to by a digest of all their content, computed once, here.
    const legacy = rows.some((r) => r.hash_scheme === 1)
      ? new Map((await loadEvaluations(q, `e.id = ANY($1::uuid[])`, [rows.filter((r) => r.hash_scheme === 1).map((r) => r.id)])).map(({ row, rec }) => [row.id, evaluationDigest(rec, legacyOf(row))]))
      : undefined;
    return rows.map((r) => ({ table: 'evaluations', id: r.id, seq: r.seq, digest: legacy?.get(r.id) ?? r.hash }));
  },

  async audit(q, range, afterSeq, limit) {
    const loaded = await loadEvaluations(q, `${IN_RANGE} ORDER BY e.seq LIMIT $4`, [range.lo, range.hi, afterSeq, limit]);
    // Scheme 3: the values kept apart must still match the digests the row commits to, unless an erasure is on record.
    const personal = await personalFieldProblems(q, loaded.filter(({ row }) => row.personal_digests).map(({ row }) => ({ id: row.id, digests: row.personal_digests! })));
    return loaded.map(({ row, rec }) => {
      const digest = row.hash_scheme === 1 ? evaluationDigest(rec, legacyOf(row)) : row.hash;
      return { table: 'evaluations', id: row.id, seq: row.seq, digest, problem: problemOf(row, rec) ?? personal.get(row.id) };
    });
  },

  async locate(q, id) {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
    const [found] = await loadEvaluations(q, 'e.id = $1', [id]);
    if (!found) return null;
    const { row, rec } = found;
    const content = evaluationContent(rec, legacyOf(row));
    const digest = row.hash_scheme === 1 ? evaluationDigest(rec, legacyOf(row)) : row.hash;
    return { txid: row.txid, leaf: { table: 'evaluations', id: row.id, seq: row.seq, digest }, content };
  },
};

/** Every table the sealer knows how to seal, by name. Others join as their migrations register them. */
export const SEALED_TABLES: readonly PgSealedTable[] = [evaluationsTable, ...SIGN_OFF_SEALED_TABLES, ...REPLAY_SEALED_TABLES, outcomesTable, ...PRIVACY_SEALED_TABLES, keyEventsTable];
