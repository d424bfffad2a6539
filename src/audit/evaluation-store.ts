import type { CanonicalText } from '../lib/canonical-json.js';
/** A simulated future as stored and served. */
export interface StoredFuture {
  index: number;
  final_outcome: string;
  incident: boolean;
  adverse: boolean;
  steps: { t: number; event: string; outcome: string; reward: number }[];
  risk_factors: string[];
}

/** Everything needed to inspect, replay and calibrate one evaluation later. */
export interface EvaluationRecord {
  id: string;
  createdAt: Date;
  domain: string;
  decision: 'approve' | 'escalate';
  reasonCodes: string[];
  /** The request as received (after validation). */
  request: Record<string, unknown>;
  /** The answer as sent, without its futures (stored beside it, in the same row, as one value). */
  response: Record<string, unknown>;
  futures: StoredFuture[];
  policyVersion: string;
  worldModel: { backend: string; version: string };
  seed: number;
  degraded: boolean;
  timing: Record<string, number>;
  agentId?: string;
  apiKeyId?: string;
}

export interface StoredEvaluation extends EvaluationRecord {
  seq: number;
  /** The digest of the row's content (see evaluation-digest.ts); a sealed block commits to it. */
  hash: string;
  /** 2 for rows written since migration 0004; 1 for rows of the old global chain; 3 for rows whose personal values are kept apart (0009). */
  hashScheme: 1 | 2 | 3;
  /** Scheme 3: the digests of the personal values, which the row commits to instead of the values. */
  personalDigests?: string[];
  /**
   * Scheme 3: `request`, `response` and `futures` above carry the personal values put back (`[erased]`
   * once erased); this is the content as stored and hashed, and the state of each value.
   */
  personal?: StoredPersonal;
  /** The old chain's link to the previous row (scheme 1 only; null since 0004). */
  prevHash: string | null;
}

/** One personal value of a stored evaluation: where it sits, and the value unless it was erased. */
export interface PersonalFieldState {
  digest: string;
  path: string;
  kind: 'field' | 'echo';
  erasedAt: Date | null;
  value?: unknown;
}

export interface StoredPersonal {
  sealed: { request: Record<string, unknown>; response: Record<string, unknown>; futures: StoredFuture[] };
  fields: PersonalFieldState[];
}

/** Parts of a record already written as canonical JSON (exactly `canonicalJson` of the record's own part). */
export interface WrittenParts {
  futures?: CanonicalText;
}

/** The audit log of evaluations: append-only (the database refuses UPDATE and DELETE). */
export interface EvaluationStore {
  /**
   * Durable when it resolves (the row has committed); throws when the record could not be stored.
   * Appends never wait for one another: a sealer commits them to signed blocks afterwards.
   */
  append(record: EvaluationRecord, written?: WrittenParts): Promise<void>;
  get(id: string): Promise<StoredEvaluation | null>;
}
