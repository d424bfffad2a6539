import { contentDigest } from '../audit/evaluation-digest.js';

/** Whoever did something with personal data: the key and the person or system it belongs to. */
export interface Actor {
  keyId: string;
  owner: string;
  name: string;
  role: string;
}

/** The erasure of an evaluation's personal values, as recorded (append-only, sealed). */
export interface ErasureRecord {
  id: string;
  evaluationId: string;
  /** The values erased, by the digests the evaluation row commits to. */
  digests: string[];
  reason: string;
  by: Actor;
  requestId: string | null;
  createdAt: Date;
}

/** One read of personal data: who saw the values of which evaluations, by which route (append-only, sealed). */
export interface PersonalReadRecord {
  id: string;
  route: string;
  evaluationIds: string[];
  by: Actor;
  requestId: string | null;
  createdAt: Date;
}

const actorContent = (a: Actor) => ({ key_id: a.keyId, owner: a.owner, name: a.name, role: a.role });

/** Exactly what a personal_erasures row's hash covers. */
export function erasureContent(e: ErasureRecord): Record<string, unknown> {
  return {
    table: 'personal_erasures',
    id: e.id,
    evaluation_id: e.evaluationId,
    digests: e.digests,
    reason: e.reason,
    by: actorContent(e.by),
    request_id: e.requestId,
    created_at: e.createdAt.toISOString(),
  };
}

/** Exactly what a personal_data_reads row's hash covers. */
export function personalReadContent(r: PersonalReadRecord): Record<string, unknown> {
  return {
    table: 'personal_data_reads',
    id: r.id,
    route: r.route,
    evaluation_ids: r.evaluationIds,
    by: actorContent(r.by),
    request_id: r.requestId,
    created_at: r.createdAt.toISOString(),
  };
}

export const recordDigest = contentDigest;
