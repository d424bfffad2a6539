import type { PgSealedTable } from '../audit/pg-sealed-tables.js';
import type { Queryable } from '../db/database.js';
import { ESCALATION_COLUMNS, escalationFromRow, SIGN_OFF_COLUMNS, signOffFromRow, type EscalationRow, type SignOffRow } from './pg-sign-off-store.js';
import { digestOf, escalationContent, signOffContent } from './sign-off-digest.js';

const inRange = (alias: string) => `${alias}.txid >= $1::xid8 AND ($2::xid8 IS NULL OR ${alias}.txid < $2::xid8) AND ${alias}.seq > $3`;
const isUuid = (id: string) => /^[0-9a-f-]{36}$/i.test(id);

/**
 * How the sealer and verify read the sign-off tables, in the shape src/audit/pg-sealed-tables.ts
 * asks for: each row's `hash` over the canonical encoding of all its content (signer and times
 * included), recomputed by `audit` from what is stored.
 */
function sealed<R extends { seq: number; txid?: string; hash: string }>(spec: {
  name: string;
  alias: string;
  columns: string;
  idColumn: string;
  idOf: (row: R) => string;
  contentOf: (row: R) => Record<string, unknown>;
}): PgSealedTable {
  const load = (q: Queryable, where: string, params: unknown[]) => q.query<R>(`SELECT ${spec.columns} FROM ${spec.name} ${spec.alias} WHERE ${where}`, params).then((r) => r.rows);
  return {
    name: spec.name,
    async leaves(q, range, afterSeq, limit) {
      const { rows } = await q.query<{ id: string; seq: number; hash: string }>(
        `SELECT ${spec.alias}.${spec.idColumn}::text AS id, ${spec.alias}.seq, ${spec.alias}.hash FROM ${spec.name} ${spec.alias} WHERE ${inRange(spec.alias)} ORDER BY ${spec.alias}.seq LIMIT $4`,
        [range.lo, range.hi, afterSeq, limit],
      );
      return rows.map((r) => ({ table: spec.name, id: r.id, seq: r.seq, digest: r.hash }));
    },
    async audit(q, range, afterSeq, limit) {
      const rows = await load(q, `${inRange(spec.alias)} ORDER BY ${spec.alias}.seq LIMIT $4`, [range.lo, range.hi, afterSeq, limit]);
      return rows.map((row) => ({
        table: spec.name,
        id: spec.idOf(row),
        seq: row.seq,
        digest: row.hash,
        ...(digestOf(spec.contentOf(row)) === row.hash ? {} : { problem: 'its content (choice, reason, signer, times) no longer matches its hash' }),
      }));
    },
    async locate(q, id) {
      if (!isUuid(id)) return null;
      const [row] = await load(q, `${spec.alias}.${spec.idColumn} = $1`, [id]);
      if (!row) return null;
      return { txid: row.txid!, leaf: { table: spec.name, id: spec.idOf(row), seq: row.seq, digest: row.hash }, content: spec.contentOf(row) };
    },
  };
}

export const escalationsTable = sealed<EscalationRow>({
  name: 'escalations',
  alias: 'x',
  columns: ESCALATION_COLUMNS,
  idColumn: 'evaluation_id',
  idOf: (r) => r.evaluation_id,
  contentOf: (r) => escalationContent(escalationFromRow(r)),
});

export const signOffsTable = sealed<SignOffRow>({
  name: 'sign_offs',
  alias: 's',
  columns: SIGN_OFF_COLUMNS,
  idColumn: 'id',
  idOf: (r) => r.id,
  contentOf: (r) => signOffContent(signOffFromRow(r)),
});

/** The sign-off tables, sealed since migration 0006 (which lists them in audit_sealed_tables). */
export const SIGN_OFF_SEALED_TABLES: readonly PgSealedTable[] = [escalationsTable, signOffsTable];
