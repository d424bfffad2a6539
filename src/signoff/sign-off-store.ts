import type { EscalationRecord, ReviewSnapshot, SignOffRecord } from './review.js';

/**
 * The record of reviews: escalations and every decision about them, append-only. `at` is the time
 * the caller goes by: null is the database's clock (production: every replica agrees on it), a Date
 * an injected clock (tests).
 */
export interface SignOffStore {
  /** Records what an escalation's review needs; once per evaluation (a second call changes nothing). */
  openEscalation(escalation: EscalationRecord): Promise<void>;
  /** The review of one evaluation as of `at`; null when there is no such evaluation. */
  snapshot(evaluationId: string, at: Date | null): Promise<ReviewSnapshot | null>;
  /**
   * Holds the evaluation's review still (no other decision lands meanwhile), hands `decide` the
   * snapshot, records the sign-off it returns (none when it returns null), and, once committed,
   * wakes whoever waits on this evaluation on every replica. Whatever `decide` throws is rethrown.
   */
  decide(evaluationId: string, at: Date | null, decide: (snapshot: ReviewSnapshot) => SignOffRecord | null): Promise<{ before: ReviewSnapshot; recorded: SignOffRecord | null } | null>;
  /** Escalations recorded under `pendingKey` whose deadline is still ahead, newest first, as of `at`. */
  openUnder(pendingKey: string, at: Date | null): Promise<ReviewSnapshot[]>;
  /** Escalations past their deadline that nobody has decided and no timeout has been recorded for. */
  overdue(at: Date | null, limit: number): Promise<string[]>;
}
