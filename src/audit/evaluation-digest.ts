import crypto from 'node:crypto';
import { canonicalJson } from '../lib/canonical-json.js';
import type { EvaluationRecord } from './evaluation-store.js';

/**
 * How an evaluation row is hashed. Scheme 2 (since migration 0004) covers everything stored: the
 * request and answer, every future, attribution (`agent_id`, `api_key_id`) and timings. Scheme 1
 * rows were written under the old global chain; they keep their chain hash, and the block that
 * seals them commits to a scheme-2 digest of all their content as well, chain hash included.
 */
export const EVALUATION_HASH_SCHEME = 2;

/**
 * Scheme 3 (since migration 0009) is scheme 2 for a row whose request held personal data: the content
 * hashed is the content stored, in which each personal value is a salted digest (src/privacy/personal-seal.ts),
 * plus the list of those digests. The values live apart and can be erased; the row and its hash stay.
 */
export const PERSONAL_HASH_SCHEME = 3;

export interface LegacyLink {
  hash: string;
  prevHash: string | null;
}

/** Exactly what the digest covers, as a plain JSON value: what an inclusion proof carries as `record`. */
export function evaluationContent(rec: EvaluationRecord & { personalDigests?: string[] | null }, legacy?: LegacyLink): Record<string, unknown> {
  const personal = !legacy && rec.personalDigests ? rec.personalDigests : undefined;
  return {
    table: 'evaluations',
    hash_scheme: legacy ? 1 : personal ? PERSONAL_HASH_SCHEME : EVALUATION_HASH_SCHEME,
    id: rec.id,
    created_at: rec.createdAt.toISOString(),
    domain: rec.domain,
    decision: rec.decision,
    reason_codes: rec.reasonCodes,
    request: rec.request,
    response: rec.response,
    futures: rec.futures,
    policy_version: rec.policyVersion,
    world_model: rec.worldModel,
    seed: rec.seed,
    degraded: rec.degraded,
    timing: rec.timing,
    agent_id: rec.agentId ?? null,
    api_key_id: rec.apiKeyId ?? null,
    ...(personal ? { personal_digests: personal } : {}),
    ...(legacy ? { legacy: { hash: legacy.hash, prev_hash: legacy.prevHash } } : {}),
  };
}

export function contentDigest(content: unknown): string {
  return crypto.createHash('sha256').update(canonicalJson(content)).digest('hex');
}

export function evaluationDigest(rec: EvaluationRecord & { personalDigests?: string[] | null }, legacy?: LegacyLink): string {
  return contentDigest(evaluationContent(rec, legacy));
}

/** The scheme-1 chain hash (before 0004): content without attribution or timings, plus the previous row's hash. */
export function legacyEvaluationDigest(rec: EvaluationRecord, prevHash: string | null): string {
  return contentDigest({
    id: rec.id,
    created_at: rec.createdAt.toISOString(),
    domain: rec.domain,
    decision: rec.decision,
    reason_codes: rec.reasonCodes,
    request: rec.request,
    response: rec.response,
    futures: rec.futures,
    policy_version: rec.policyVersion,
    world_model: rec.worldModel,
    seed: rec.seed,
    degraded: rec.degraded,
    prev_hash: prevHash,
  });
}
