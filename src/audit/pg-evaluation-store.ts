import type { Queryable } from '../db/database.js';
import { CanonicalText } from '../lib/canonical-json.js';
import { notePersonalValues } from '../privacy/log-scope.js';
import type { PersonalPath } from '../privacy/personal-paths.js';
import { openPersonal, sealPersonal, type Shown } from '../privacy/personal-seal.js';
import { personalFieldsOf } from '../privacy/pg-personal-store.js';
import { EVALUATION_HASH_SCHEME, evaluationDigest, PERSONAL_HASH_SCHEME } from './evaluation-digest.js';
import type { EvaluationRecord, EvaluationStore, StoredEvaluation, StoredFuture, WrittenParts } from './evaluation-store.js';

export interface EvaluationRow {
  id: string;
  seq: number;
  created_at: Date;
  domain: string;
  decision: 'approve' | 'escalate';
  reason_codes: string[];
  request: Record<string, unknown>;
  response: Record<string, unknown>;
  policy_version: string;
  world_model_backend: string;
  world_model_version: string;
  seed: number;
  degraded: boolean;
  timing: Record<string, number>;
  agent_id: string | null;
  api_key_id: string | null;
  prev_hash: string | null;
  hash: string;
  hash_scheme: 1 | 2 | 3;
  personal_digests: string[] | null;
  futures: StoredFuture[];
}

export const EVALUATION_COLUMNS = `e.id, e.seq, e.created_at, e.domain, e.decision, e.reason_codes, e.request, e.response, e.policy_version,
  e.world_model_backend, e.world_model_version, e.seed, e.degraded, e.timing, e.agent_id, e.api_key_id, e.prev_hash, e.hash, e.hash_scheme, e.personal_digests, e.futures`;

export function evaluationFromRow(row: EvaluationRow): StoredEvaluation {
  return {
    id: row.id,
    seq: row.seq,
    createdAt: row.created_at,
    domain: row.domain,
    decision: row.decision,
    reasonCodes: row.reason_codes,
    request: row.request,
    response: row.response,
    futures: row.futures,
    policyVersion: row.policy_version,
    worldModel: { backend: row.world_model_backend, version: row.world_model_version },
    seed: row.seed,
    degraded: row.degraded,
    timing: row.timing,
    agentId: row.agent_id ?? undefined,
    apiKeyId: row.api_key_id ?? undefined,
    hash: row.hash,
    hashScheme: row.hash_scheme,
    prevHash: row.prev_hash,
    ...(row.personal_digests ? { personalDigests: row.personal_digests } : {}),
  };
}

/**
 * Scheme-3 evaluations as the service uses them: the personal values put back where the stored row has
 * their digests (`[erased]` once erased), the stored form kept under `personal`. Others pass through.
 */
export async function withPersonalValues(q: Queryable, evaluations: StoredEvaluation[]): Promise<StoredEvaluation[]> {
  const sealed = evaluations.filter((e) => e.personalDigests);
  if (sealed.length === 0) return evaluations;
  const fieldsById = await personalFieldsOf(q, sealed.map((e) => e.id));
  return evaluations.map((e) => {
    if (!e.personalDigests) return e;
    const fields = fieldsById.get(e.id) ?? [];
    const byDigest = new Map(fields.map((f) => [f.digest, f]));
    // A digest the row commits to whose value is gone reads as erased (verify says whether an erasure was recorded).
    const reveal = (d: string): Shown | undefined => {
      if (!e.personalDigests!.includes(d)) return undefined;
      const f = byDigest.get(d);
      return f && f.erasedAt === null ? { kind: 'value', value: f.value } : { kind: 'erased' };
    };
    notePersonalValues(fields.map((f) => f.value));
    const stored = { request: e.request, response: e.response, futures: e.futures };
    return {
      ...e,
      request: openPersonal(e.request, reveal),
      response: openPersonal(e.response, reveal),
      futures: openPersonal(e.futures, reveal),
      personal: { sealed: stored, fields },
    };
  });
}

export interface PgEvaluationStoreOptions {
  /** The paths of personal data in a domain's requests (its pack's `personal:`): their values are kept apart, erasable. */
  personalPaths?: (domain: string) => readonly PersonalPath[];
  randomBytes?: (n: number) => Buffer;
  /**
   * Group commit: appends that arrive while earlier ones are being written wait and share the next
   * commit (one statement, one transaction, one flush to disk). `false` writes each on its own.
   */
  groupCommit?: GroupCommit | false;
}

export interface GroupCommit {
  /** Most evaluations in one commit. */
  maxRows: number;
  /** Most bytes of serialised rows in one commit (a batch holds at least one row, whatever its size). */
  maxBytes: number;
  /** Commits in flight at once; while they all are, new appends queue and share the next one. */
  maxInFlight: number;
}

export const DEFAULT_GROUP_COMMIT: GroupCommit = { maxRows: 64, maxBytes: 4 * 1024 * 1024, maxInFlight: 2 };

/**
 * Any number of evaluations, each with its futures and personal values, in one statement: they
 * commit together or not at all. Each row is one element of `$1`, serialised when it was hashed.
 */
const INSERT_EVALUATIONS = `WITH r AS (
    SELECT * FROM json_to_recordset($1::json) AS r(id uuid, created_at timestamptz, domain text, decision text, reason_codes text[],
      request jsonb, response jsonb, policy_version text, world_model_backend text, world_model_version text, seed bigint, degraded boolean,
      timing jsonb, agent_id text, api_key_id text, hash_scheme smallint, hash text, personal_digests text[], futures json, personal jsonb)),
  e AS (
    INSERT INTO evaluations (id, created_at, domain, decision, reason_codes, request, response, policy_version,
      world_model_backend, world_model_version, seed, degraded, timing, agent_id, api_key_id, hash_scheme, hash, personal_digests, futures)
    SELECT id, created_at, domain, decision, reason_codes, request, response, policy_version,
      world_model_backend, world_model_version, seed, degraded, timing, agent_id, api_key_id, hash_scheme, hash, personal_digests, futures
    FROM r
    RETURNING id)
  INSERT INTO personal_fields (evaluation_id, digest, path, kind, salt, value)
  SELECT e.id, pf.digest, pf.path, pf.kind, pf.salt, pf.value
  FROM e JOIN r USING (id) CROSS JOIN jsonb_to_recordset(r.personal) AS pf(digest text, path text, kind text, salt text, value jsonb)`;

interface QueuedAppend {
  row: string;
  resolve: () => void;
  reject: (err: unknown) => void;
}

export class PgEvaluationStore implements EvaluationStore {
  private readonly groupCommit: GroupCommit | false;
  private readonly queue: QueuedAppend[] = [];
  private inFlight = 0;

  constructor(
    private readonly db: Queryable,
    private readonly options: PgEvaluationStoreOptions = {},
  ) {
    this.groupCommit = options.groupCommit === undefined ? DEFAULT_GROUP_COMMIT : options.groupCommit;
  }

  /**
   * Resolves once the evaluation is committed. No lock beyond its rows is held, so appends from
   * every replica run side by side; within a process, appends that arrive together share a commit.
   * The row's transaction id (the `txid` default) tells the sealer when it is safe to seal.
   */
  async append(original: EvaluationRecord, written: WrittenParts = {}): Promise<void> {
    const row = this.serialise(original, written);
    if (!this.groupCommit) return this.insert([row]);
    return new Promise((resolve, reject) => {
      this.queue.push({ row, resolve, reject });
      this.pump();
    });
  }

  /** The row as stored: hashed and serialised in the same tick, so what is stored is exactly what was hashed. */
  private serialise(original: EvaluationRecord, written: WrittenParts): string {
    const paths = this.options.personalPaths?.(original.domain) ?? [];
    // Personal values leave the row (scheme 3): it stores and hashes their salted digests, and they go to personal_fields.
    const sealed = paths.length > 0 ? sealPersonal(original, paths, this.options.randomBytes) : null;
    const personalDigests = sealed ? sealed.fields.map((f) => f.digest) : null;
    const rec = sealed ? { ...original, ...sealed.content, personalDigests } : original;
    // The large parts are written once, as canonical JSON, and that text is both hashed and stored.
    const request = CanonicalText.of(rec.request);
    const response = CanonicalText.of(rec.response);
    // Sealing rewrites the futures; otherwise the caller's text of them is theirs exactly.
    const futures = !sealed && written.futures ? written.futures : CanonicalText.of(rec.futures);
    const hash = evaluationDigest({ ...rec, request, response, futures } as unknown as typeof rec);
    const head = JSON.stringify({
      id: rec.id, created_at: rec.createdAt.toISOString(), domain: rec.domain, decision: rec.decision, reason_codes: rec.reasonCodes,
      policy_version: rec.policyVersion, world_model_backend: rec.worldModel.backend,
      world_model_version: rec.worldModel.version, seed: rec.seed, degraded: rec.degraded, timing: rec.timing,
      agent_id: rec.agentId ?? null, api_key_id: rec.apiKeyId ?? null, hash_scheme: sealed ? PERSONAL_HASH_SCHEME : EVALUATION_HASH_SCHEME,
      hash, personal_digests: personalDigests, personal: sealed?.fields ?? [],
    });
    return `${head.slice(0, -1)},"request":${request.text},"response":${response.text},"futures":${futures.text}}`;
  }

  private async insert(rows: string[]): Promise<void> {
    await this.db.query(INSERT_EVALUATIONS, [`[${rows.join(',')}]`]);
  }

  /** Starts a commit of what is queued whenever fewer than `maxInFlight` are running. */
  private pump(): void {
    const group = this.groupCommit as GroupCommit;
    while (this.inFlight < group.maxInFlight && this.queue.length > 0) {
      let n = 0;
      let bytes = 0;
      while (n < this.queue.length && n < group.maxRows && (n === 0 || bytes + this.queue[n].row.length <= group.maxBytes)) bytes += this.queue[n++].row.length;
      const batch = this.queue.splice(0, n);
      this.inFlight++;
      void this.commit(batch).finally(() => {
        this.inFlight--;
        this.pump();
      });
    }
  }

  private async commit(batch: QueuedAppend[]): Promise<void> {
    try {
      await this.insert(batch.map((b) => b.row));
      for (const b of batch) b.resolve();
    } catch (err) {
      if (batch.length === 1) {
        batch[0].reject(err);
        return;
      }
      // One row the database refuses must not fail the rows that shared its commit: each is tried alone.
      await Promise.all(batch.map((b) => this.insert([b.row]).then(b.resolve, b.reject)));
    }
  }

  async get(id: string): Promise<StoredEvaluation | null> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
    const { rows } = await this.db.query<EvaluationRow>(`SELECT ${EVALUATION_COLUMNS} FROM evaluations e WHERE e.id = $1`, [id]);
    const row = rows[0];
    if (!row) return null;
    const [stored] = await withPersonalValues(this.db, [evaluationFromRow(row)]);
    return stored;
  }
}
