import type { Queryable } from '../db/database.js';
import { contentDigest } from './evaluation-digest.js';
import type { PgSealedTable } from './pg-sealed-tables.js';
import { isUuid } from '../lib/uuid.js';

const inRange = (alias: string) => `${alias}.txid >= $1::xid8 AND ($2::xid8 IS NULL OR ${alias}.txid < $2::xid8) AND ${alias}.seq > $3`;

/**
 * The descriptor the sealer and verify need (src/audit/pg-sealed-tables.ts) for an append-only
 * table whose rows each carry `hash` = sha256 of the canonical encoding of all their content, keyed
 * by a uuid. `contentOf` rebuilds that content from a stored row; verify compares the two.
 */
export function sealedRowTable<R extends { seq: number; txid?: string; hash: string }>(spec: {
  name: string;
  alias: string;
  /** The columns `contentOf` reads, qualified by `alias`. */
  columns: string;
  /** The uuid column that names a row (`id` unless said). */
  idColumn?: string;
  idOf?: (row: R) => string;
  contentOf: (row: R) => Record<string, unknown>;
  /** What verify says of a row whose content no longer matches its hash. */
  problem: string;
}): PgSealedTable {
  const { name, alias } = spec;
  const idColumn = spec.idColumn ?? 'id';
  const idOf = spec.idOf ?? ((row: R) => (row as unknown as { id: string }).id);
  const load = (q: Queryable, where: string, params: unknown[]) => q.query<R>(`SELECT ${spec.columns} FROM ${name} ${alias} WHERE ${where}`, params).then((r) => r.rows);
  const leafOf = (row: R) => ({ table: name, id: idOf(row), seq: row.seq, digest: row.hash });
  return {
    name,
    async leaves(q, range, afterSeq, limit) {
      const { rows } = await q.query<{ id: string; seq: number; hash: string }>(
        `SELECT ${alias}.${idColumn}::text AS id, ${alias}.seq, ${alias}.hash FROM ${name} ${alias} WHERE ${inRange(alias)} ORDER BY ${alias}.seq LIMIT $4`,
        [range.lo, range.hi, afterSeq, limit],
      );
      return rows.map((r) => ({ table: name, id: r.id, seq: r.seq, digest: r.hash }));
    },
    async audit(q, range, afterSeq, limit) {
      const rows = await load(q, `${inRange(alias)} ORDER BY ${alias}.seq LIMIT $4`, [range.lo, range.hi, afterSeq, limit]);
      return rows.map((row) => ({ ...leafOf(row), ...(contentDigest(spec.contentOf(row)) === row.hash ? {} : { problem: spec.problem }) }));
    },
    async locate(q, id) {
      if (!isUuid(id)) return null;
      const [row] = await load(q, `${alias}.${idColumn} = $1`, [id]);
      if (!row) return null;
      return { txid: row.txid!, leaf: leafOf(row), content: spec.contentOf(row) };
    },
  };
}
