import type { ReasonKind } from './replay-diff.js';

/** Who replayed: the key and the person or system it belongs to. */
export interface ReplayActor {
  keyId: string;
  owner: string;
  name: string;
  role: string;
}

/** The part of a replay's diff kept on record: bounded, without the futures or the policy text. */
export interface ReplaySummary {
  changed: boolean;
  decision_changed: boolean;
  rates: { incident_rate_delta: number | null; adverse_rate_delta: number | null };
  reasons: { fired_now_not_then: { code: string; kind: ReasonKind }[]; fired_then_not_now: { code: string; kind: ReasonKind }[] };
  futures: { then: number; now: number; diverged: boolean; first_divergence: { future: number; step: number | null; what: string } | null };
  policy_changed: boolean;
  world_model_changed: boolean;
}

/** One replay, as the audit trail records it. */
export interface ReplayRecord {
  id: string;
  evaluationId: string;
  createdAt: Date;
  actor: ReplayActor;
  domain: string;
  policyVersionThen: string;
  policyVersionNow: string;
  worldModelThen: string;
  worldModelNow: string;
  decisionThen: 'approve' | 'escalate';
  decisionNow: 'approve' | 'escalate';
  summary: ReplaySummary;
}

/** Every replay of an evaluation, as new rows (the database refuses UPDATE and DELETE). */
export interface ReplayStore {
  /** Durable when it resolves. */
  append(record: ReplayRecord): Promise<void>;
  /** The replays of one evaluation, oldest first (the console's history shows them). */
  forEvaluation(evaluationId: string): Promise<ReplayRecord[]>;
}
