import type { Database, Queryable } from '../db/database.js';
import type { PersonalFieldState } from '../audit/evaluation-store.js';
import { personalDigest } from './personal-seal.js';
import { erasureContent, personalReadContent, recordDigest, type Actor, type ErasureRecord, type PersonalReadRecord } from './privacy-records.js';
import { isUuid } from '../lib/uuid.js';


interface FieldRow {
  evaluation_id: string;
  digest: string;
  path: string;
  kind: 'field' | 'echo';
  salt: string | null;
  value: unknown;
  erased_at: Date | null;
}

/** The personal values of many evaluations in one query, by evaluation id. */
export async function personalFieldsOf(q: Queryable, ids: string[]): Promise<Map<string, PersonalFieldState[]>> {
  const byId = new Map<string, PersonalFieldState[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return byId;
  const { rows } = await q.query<FieldRow>(
    `SELECT evaluation_id, digest, path, kind, value, erased_at FROM personal_fields WHERE evaluation_id = ANY($1::uuid[]) ORDER BY evaluation_id, path, digest`,
    [ids],
  );
  for (const r of rows) {
    byId.get(r.evaluation_id)!.push({ digest: r.digest, path: r.path, kind: r.kind, erasedAt: r.erased_at, ...(r.erased_at === null ? { value: r.value } : {}) });
  }
  return byId;
}

/**
 * What verify finds wrong with the personal values of scheme-3 rows, by evaluation id: a value that no
 * longer matches its digest, one removed or erased without a recorded erasure, one the row does not commit to.
 */
export async function personalFieldProblems(q: Queryable, rows: { id: string; digests: string[] }[]): Promise<Map<string, string>> {
  const problems = new Map<string, string>();
  if (rows.length === 0) return problems;
  const ids = rows.map((r) => r.id);
  const { rows: fields } = await q.query<FieldRow>(
    `SELECT evaluation_id, digest, path, kind, salt, value, erased_at FROM personal_fields WHERE evaluation_id = ANY($1::uuid[])`,
    [ids],
  );
  const { rows: erasures } = await q.query<{ evaluation_id: string; digests: string[] }>(
    `SELECT evaluation_id, digests FROM personal_erasures WHERE evaluation_id = ANY($1::uuid[])`,
    [ids],
  );
  const erased = new Map<string, Set<string>>();
  for (const e of erasures) erased.set(e.evaluation_id, new Set([...(erased.get(e.evaluation_id) ?? []), ...e.digests]));
  const byId = new Map<string, Map<string, FieldRow>>();
  for (const f of fields) {
    if (!byId.has(f.evaluation_id)) byId.set(f.evaluation_id, new Map());
    byId.get(f.evaluation_id)!.set(f.digest, f);
  }
  for (const row of rows) {
    const stored = byId.get(row.id) ?? new Map<string, FieldRow>();
    const committed = new Set(row.digests);
    for (const d of row.digests) {
      const f = stored.get(d);
      if (!f) problems.set(row.id, `its personal value ${d} is gone from personal_fields without a recorded erasure`);
      else if (f.erased_at === null) {
        if (f.salt === null || personalDigest(f.salt, f.value) !== d) problems.set(row.id, `its personal value at ${f.path} no longer matches the digest the row commits to`);
      } else if (!erased.get(row.id)?.has(d)) problems.set(row.id, `its personal value at ${f.path} was erased without a recorded erasure`);
      if (problems.has(row.id)) break;
    }
    if (!problems.has(row.id)) {
      const extra = [...stored.keys()].find((d) => !committed.has(d));
      if (extra) problems.set(row.id, `personal_fields holds a value (${extra}) the row does not commit to`);
    }
  }
  return problems;
}

export const ERASURE_COLUMNS = `pe.id, pe.seq, pe.txid::text AS txid, pe.evaluation_id, pe.digests, pe.reason, pe.actor_key_id, pe.actor_owner, pe.actor_name,
  pe.actor_role, pe.request_id, pe.created_at, pe.hash`;
export const READ_COLUMNS = `pr.id, pr.seq, pr.txid::text AS txid, pr.route, pr.evaluation_ids, pr.reader_key_id, pr.reader_owner, pr.reader_name,
  pr.reader_role, pr.request_id, pr.created_at, pr.hash`;

export interface ErasureRow {
  id: string;
  seq: number;
  txid?: string;
  evaluation_id: string;
  digests: string[];
  reason: string;
  actor_key_id: string;
  actor_owner: string;
  actor_name: string;
  actor_role: string;
  request_id: string | null;
  created_at: Date;
  hash: string;
}

export interface ReadRow {
  id: string;
  seq: number;
  txid?: string;
  route: string;
  evaluation_ids: string[];
  reader_key_id: string;
  reader_owner: string;
  reader_name: string;
  reader_role: string;
  request_id: string | null;
  created_at: Date;
  hash: string;
}

export const erasureFromRow = (r: ErasureRow): ErasureRecord => ({
  id: r.id,
  evaluationId: r.evaluation_id,
  digests: r.digests,
  reason: r.reason,
  by: { keyId: r.actor_key_id, owner: r.actor_owner, name: r.actor_name, role: r.actor_role },
  requestId: r.request_id,
  createdAt: r.created_at,
});

export const readFromRow = (r: ReadRow): PersonalReadRecord => ({
  id: r.id,
  route: r.route,
  evaluationIds: r.evaluation_ids,
  by: { keyId: r.reader_key_id, owner: r.reader_owner, name: r.reader_name, role: r.reader_role },
  requestId: r.request_id,
  createdAt: r.created_at,
});

export type EraseResult = { kind: 'erased'; erasure: ErasureRecord } | { kind: 'nothing_to_erase' } | { kind: 'already_erased'; erasure: ErasureRecord | null } | { kind: 'not_found' };

/** Personal values apart from the rows: their erasure, and the record of every read of them. */
export class PgPersonalDataStore {
  constructor(private readonly db: Database) {}

  /**
   * Removes the salt and value of every personal value of one evaluation still held, and records the
   * erasure, in one transaction: either both happen or neither. `at` null: the database's clock.
   */
  async erase(evaluationId: string, input: { id: string; reason: string; by: Actor; requestId: string | null; at: Date | null }): Promise<EraseResult> {
    if (!isUuid(evaluationId)) return { kind: 'not_found' };
    return this.db.transaction(async (tx) => {
      // Erasures of one evaluation queue behind the lock on its row (which is never updated).
      const { rows: [ev] } = await tx.query<{ now: Date; has_personal: boolean }>(
        `SELECT COALESCE($2::timestamptz, now()) AS now, personal_digests IS NOT NULL AS has_personal FROM evaluations WHERE id = $1 FOR UPDATE`,
        [evaluationId, input.at],
      );
      if (!ev) return { kind: 'not_found' };
      if (!ev.has_personal) return { kind: 'nothing_to_erase' };
      const { rows: held } = await tx.query<{ digest: string }>(
        `UPDATE personal_fields SET salt = NULL, value = NULL, erased_at = $2 WHERE evaluation_id = $1 AND erased_at IS NULL RETURNING digest`,
        [evaluationId, ev.now],
      );
      if (held.length === 0) return { kind: 'already_erased', erasure: await this.erasureOf(evaluationId, tx) };
      const erasure: ErasureRecord = {
        id: input.id,
        evaluationId,
        digests: held.map((h) => h.digest).sort(),
        reason: input.reason,
        by: input.by,
        requestId: input.requestId,
        createdAt: ev.now,
      };
      await tx.query(
        `INSERT INTO personal_erasures (id, evaluation_id, digests, reason, actor_key_id, actor_owner, actor_name, actor_role, request_id, created_at, hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [erasure.id, evaluationId, erasure.digests, erasure.reason, erasure.by.keyId, erasure.by.owner, erasure.by.name, erasure.by.role, erasure.requestId, erasure.createdAt, recordDigest(erasureContent(erasure))],
      );
      return { kind: 'erased', erasure };
    });
  }

  /** The evaluations holding a personal value at `path` equal to `value` (a data subject's), oldest first. */
  async evaluationsOfSubject(path: string, value: unknown, limit: number): Promise<string[]> {
    const { rows } = await this.db.query<{ evaluation_id: string }>(
      `SELECT pf.evaluation_id FROM personal_fields pf JOIN evaluations e ON e.id = pf.evaluation_id
       WHERE pf.kind = 'field' AND pf.erased_at IS NULL AND pf.path = $1 AND md5(pf.value::text) = md5($2::jsonb::text) AND pf.value = $2::jsonb
       GROUP BY pf.evaluation_id ORDER BY min(e.seq) LIMIT $3`,
      [path, JSON.stringify(value), limit],
    );
    return rows.map((r) => r.evaluation_id);
  }

  async erasureOf(evaluationId: string, q: Queryable = this.db): Promise<ErasureRecord | null> {
    if (!isUuid(evaluationId)) return null;
    const { rows } = await q.query<ErasureRow>(`SELECT ${ERASURE_COLUMNS} FROM personal_erasures pe WHERE pe.evaluation_id = $1`, [evaluationId]);
    return rows[0] ? erasureFromRow(rows[0]) : null;
  }

  /** Records a read before the values are sent: a read that cannot be recorded is not answered. */
  async recordRead(read: Omit<PersonalReadRecord, 'createdAt'> & { at?: Date | null }): Promise<PersonalReadRecord> {
    const rec: PersonalReadRecord = { id: read.id, route: read.route, evaluationIds: read.evaluationIds, by: read.by, requestId: read.requestId, createdAt: read.at ?? new Date() };
    await this.db.query(
      `INSERT INTO personal_data_reads (id, route, evaluation_ids, reader_key_id, reader_owner, reader_name, reader_role, request_id, created_at, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [rec.id, rec.route, rec.evaluationIds, rec.by.keyId, rec.by.owner, rec.by.name, rec.by.role, rec.requestId, rec.createdAt, recordDigest(personalReadContent(rec))],
    );
    return rec;
  }

  /** The latest reads of one evaluation's personal data, newest first. */
  async readsOf(evaluationId: string, limit: number): Promise<PersonalReadRecord[]> {
    if (!isUuid(evaluationId)) return [];
    const { rows } = await this.db.query<ReadRow>(
      `SELECT ${READ_COLUMNS} FROM personal_data_reads pr WHERE pr.evaluation_ids @> ARRAY[$1::uuid] ORDER BY pr.seq DESC LIMIT $2`,
      [evaluationId, limit],
    );
    return rows.map(readFromRow);
  }
}
