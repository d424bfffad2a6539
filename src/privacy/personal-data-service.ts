import { AppError } from '../errors.js';
import type { StoredEvaluation } from '../audit/evaluation-store.js';
import type { ApiKey, KeyStore } from '../keys/key-store.js';
import type { EffectiveDecision, HistoryEntry } from '../signoff/review.js';
import { openPersonal, type Shown } from './personal-seal.js';
import type { EraseResult, PgPersonalDataStore } from './pg-personal-store.js';
import type { Actor, ErasureRecord, PersonalReadRecord } from './privacy-records.js';

export interface PersonalDataServiceDeps {
  store: Pick<PgPersonalDataStore, 'erase' | 'erasureOf' | 'recordRead' | 'readsOf' | 'evaluationsOfSubject'>;
  keys: Pick<KeyStore, 'get'>;
  /** An injected clock (tests); absent, the database's. */
  clock?: () => Date;
  newId(): string;
}

/** What a reader is shown of one evaluation's content. */
export interface Presented {
  request: Record<string, unknown>;
  response: Record<string, unknown>;
  futures: StoredEvaluation['futures'];
  /** Present when the evaluation holds personal values: whether this reader saw them, and where they sit. */
  personal_data?: Record<string, unknown>;
}

/** The review as the route has it: enough to tell whether a supervisor may still sign. */
export interface ReviewForAccess {
  effective_decision: EffectiveDecision;
  review: { history: HistoryEntry[] };
}

const actorOf = (key: ApiKey): Actor => ({ keyId: key.id, owner: key.owner, name: key.name, role: key.role });

export const erasureView = (e: ErasureRecord) => ({
  id: e.id,
  at: e.createdAt.toISOString(),
  by: { owner: e.by.owner, key_id: e.by.keyId, name: e.by.name, role: e.by.role },
  reason: e.reason,
  values_erased: e.digests.length,
});

const readView = (r: PersonalReadRecord) => ({ at: r.createdAt.toISOString(), by: { owner: r.by.owner, key_id: r.by.keyId, role: r.by.role }, route: r.route });

/** The most subjects' evaluations one request erases; the answer says when there are more. */
export const MAX_SUBJECT_ERASURES = 200;

/**
 * Who sees personal values, the record of every time someone does, and erasure:
 * - an auditor sees them whole;
 * - a supervisor sees them for an evaluation it may sign now (pending, in its domains, asked for by
 *   someone else, not yet signed by this person): the "full input of what they may sign";
 * - everyone else (an agent reading its own, a supervisor after the decision) sees `[personal]`;
 * - once erased, everyone sees `[erased]`.
 */
export class PersonalDataService {
  constructor(private readonly deps: PersonalDataServiceDeps) {}

  private at(): Date | null {
    return this.deps.clock ? this.deps.clock() : null;
  }

  /** Whether `key` may see the personal values of `stored` whole. */
  async mayReadWhole(stored: StoredEvaluation, key: ApiKey, review: ReviewForAccess | undefined): Promise<boolean> {
    if (key.role === 'auditor') return true;
    if (key.role !== 'supervisor' || !review || review.effective_decision !== 'pending') return false;
    if (key.domains !== null && !key.domains.includes(stored.domain)) return false;
    if (review.review.history.some((h) => h.type === 'sign_off' && h.signer?.owner === key.owner)) return false;
    const requester = stored.apiKeyId ? await this.deps.keys.get(stored.apiKeyId) : null;
    return !(requester && requester.owner === key.owner);
  }

  /** Records that `key` saw the personal values of `evaluationIds` (before they are sent). */
  async recordRead(route: string, evaluationIds: string[], key: ApiKey, requestId: string | null): Promise<void> {
    if (evaluationIds.length === 0) return;
    try {
      await this.deps.store.recordRead({ id: this.deps.newId(), route, evaluationIds, by: actorOf(key), requestId, at: this.at() });
    } catch (err) {
      // Fail closed: personal values are not shown without a record of who saw them.
      throw new AppError('audit_unavailable', 'the read of personal data could not be recorded, so it is not shown', undefined, { cause: err });
    }
  }

  /** The evaluation's content as `key` may see it, for `GET /v1/evaluations/:id`; records the read when values are shown. */
  async present(stored: StoredEvaluation, key: ApiKey, review: ReviewForAccess | undefined, requestId: string | null): Promise<Presented> {
    const personal = stored.personal;
    if (!personal) return { request: stored.request, response: stored.response, futures: stored.futures };
    const whole = await this.mayReadWhole(stored, key, review);
    const byDigest = new Map(personal.fields.map((f) => [f.digest, f]));
    const digests = new Set(stored.personalDigests ?? []);
    const reveal = (d: string): Shown | undefined => {
      if (!digests.has(d)) return undefined;
      const f = byDigest.get(d);
      if (!f || f.erasedAt !== null) return { kind: 'erased' };
      return whole ? { kind: 'value', value: f.value } : { kind: 'masked' };
    };
    const held = personal.fields.filter((f) => f.erasedAt === null).length;
    if (whole && held > 0) await this.recordRead('GET /v1/evaluations/:id', [stored.id], key, requestId);
    const erasure = held < personal.fields.length ? await this.deps.store.erasureOf(stored.id) : null;
    const content = openPersonal(personal.sealed, reveal);
    return {
      ...content,
      personal_data: {
        shown: whole ? 'whole' : 'masked',
        fields: personal.fields.filter((f) => f.kind === 'field').map((f) => ({ path: f.path.startsWith('request.') ? f.path.slice('request.'.length) : f.path, erased: f.erasedAt !== null })),
        erasure: erasure ? erasureView(erasure) : null,
        // Who has seen them: for the auditor, whose job is to check exactly that.
        ...(key.role === 'auditor' ? { reads: (await this.deps.store.readsOf(stored.id, 50)).map(readView) } : {}),
      },
    };
  }

  /** Erases every personal value of one evaluation, on the record. */
  async erase(evaluationId: string, key: ApiKey, reason: string, requestId: string | null): Promise<ErasureRecord> {
    const text = reason.trim();
    if (!text) throw new AppError('validation_failed', 'reason: a reason is required', { errors: [{ path: 'reason', message: 'a reason is required' }] });
    const result: EraseResult = await this.deps.store.erase(evaluationId, { id: this.deps.newId(), reason: text, by: actorOf(key), requestId, at: this.at() });
    switch (result.kind) {
      case 'not_found':
        throw new AppError('not_found', `no evaluation ${evaluationId}`);
      case 'nothing_to_erase':
        throw new AppError('nothing_to_erase', `evaluation ${evaluationId} holds no value its domain marks personal`);
      case 'already_erased':
        throw new AppError('already_erased', `the personal values of evaluation ${evaluationId} are already erased`, result.erasure ? { erasure: erasureView(result.erasure) } : undefined);
      case 'erased':
        return result.erasure;
    }
  }

  /**
   * A data subject's erasure: every evaluation whose personal field at `path` holds `value` (say, a
   * medical record number or an e-mail address), up to MAX_SUBJECT_ERASURES at a time.
   */
  async eraseSubject(path: string, value: unknown, key: ApiKey, reason: string, requestId: string | null): Promise<{ erased: ErasureRecord[]; more: boolean }> {
    const ids = await this.deps.store.evaluationsOfSubject(`request.${path}`, value, MAX_SUBJECT_ERASURES + 1);
    const erased: ErasureRecord[] = [];
    for (const id of ids.slice(0, MAX_SUBJECT_ERASURES)) {
      try {
        erased.push(await this.erase(id, key, reason, requestId));
      } catch (err) {
        // Erased meanwhile by another request: nothing left to do for it.
        if (!(err instanceof AppError && err.code === 'already_erased')) throw err;
      }
    }
    return { erased, more: ids.length > MAX_SUBJECT_ERASURES };
  }
}
