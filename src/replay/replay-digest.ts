import crypto from 'node:crypto';
import type { PolicyVersion } from './policy-version-store.js';
import type { ReplayRecord } from './replay-store.js';

/** Exactly what a replay row's hash covers: every column but its position (seq, txid) and the hash. */
export function replayContent(r: ReplayRecord): Record<string, unknown> {
  return {
    table: 'replays',
    id: r.id,
    evaluation_id: r.evaluationId,
    created_at: r.createdAt.toISOString(),
    replayed_by: { key_id: r.actor.keyId, owner: r.actor.owner, name: r.actor.name, role: r.actor.role },
    domain: r.domain,
    policy_version_then: r.policyVersionThen,
    policy_version_now: r.policyVersionNow,
    world_model_then: r.worldModelThen,
    world_model_now: r.worldModelNow,
    decision_then: r.decisionThen,
    decision_now: r.decisionNow,
    summary: r.summary,
  };
}

/** Exactly what a policy version row's hash covers. */
export function policyVersionContent(v: PolicyVersion): Record<string, unknown> {
  return { table: 'policy_versions', domain: v.domain, version: v.version, text: v.text, first_seen: v.firstSeen.toISOString() };
}

/** The one content digest of the audit trail: sha256 over the canonical encoding. */
export { contentDigest as digestOf } from '../audit/evaluation-digest.js';

/** The version a policy text has: the sha256 of its bytes, as the loader computes it. */
export const versionOfText = (text: string) => `sha256:${crypto.createHash('sha256').update(Buffer.from(text, 'utf8')).digest('hex')}`;
