import type { EscalationRecord, SignOffRecord } from './review.js';

/** Exactly what an escalation row's hash covers: every column but its position (seq, txid) and the hash. */
export function escalationContent(e: EscalationRecord): Record<string, unknown> {
  return {
    table: 'escalations',
    evaluation_id: e.evaluationId,
    created_at: e.createdAt.toISOString(),
    domain: e.domain,
    policy_version: e.policyVersion,
    api_key_id: e.apiKeyId,
    pending_key: e.pendingKey,
    action_hash: e.actionHash,
    override_allowed: e.overrideAllowed,
    sign_offs_required: e.signOffsRequired,
    review_deadline: e.reviewDeadline.toISOString(),
    approval_ttl_ms: e.approvalTtlMs,
  };
}

/** Exactly what a sign-off row's hash covers, the signer's identity included. */
export function signOffContent(s: SignOffRecord): Record<string, unknown> {
  return {
    table: 'sign_offs',
    id: s.id,
    evaluation_id: s.evaluationId,
    kind: s.kind,
    reason: s.reason,
    signer: s.signer ? { key_id: s.signer.keyId, owner: s.signer.owner, name: s.signer.name, role: s.signer.role } : null,
    expires_at: s.expiresAt ? s.expiresAt.toISOString() : null,
    created_at: s.createdAt.toISOString(),
  };
}

/** The one content digest of the audit trail: sha256 over the canonical encoding. */
export { contentDigest as digestOf } from '../audit/evaluation-digest.js';
