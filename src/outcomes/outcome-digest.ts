import { contentDigest } from '../audit/evaluation-digest.js';
import type { OutcomeRecord } from './outcome.js';

/** Exactly what an outcome row's hash covers: every column but its position (seq, txid) and the hash, the reporter included. */
export function outcomeContent(o: OutcomeRecord): Record<string, unknown> {
  return {
    table: 'outcomes',
    id: o.id,
    evaluation_id: o.evaluationId,
    outcome: o.outcome,
    incident: o.incident,
    adverse: o.adverse,
    occurred_at: o.occurredAt.toISOString(),
    notes: o.notes,
    reported_by: o.reporter.role,
    confirmed: o.confirmed,
    reporter: { key_id: o.reporter.keyId, owner: o.reporter.owner, name: o.reporter.name, role: o.reporter.role },
    recorded_at: o.recordedAt.toISOString(),
  };
}

export const outcomeDigest = (o: OutcomeRecord) => contentDigest(outcomeContent(o));
