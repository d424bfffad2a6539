/** Who reports an outcome: the role of the key, which the route admits. */
export const REPORTER_ROLES = ['agent', 'supervisor', 'auditor'] as const;
export type ReporterRole = (typeof REPORTER_ROLES)[number];

/** The key an outcome was reported with: the actor on the record, taken from the key, never from the body. */
export interface Reporter {
  keyId: string;
  owner: string;
  name: string;
  role: ReporterRole;
}

/** One report of what really happened after an evaluation, as recorded (append-only). */
export interface OutcomeRecord {
  id: string;
  evaluationId: string;
  /** A value of the domain's outcome taxonomy. */
  outcome: string;
  /** What the outcome meant for the evaluated action, by the domain's taxonomy, when it was reported. */
  incident: boolean;
  adverse: boolean;
  occurredAt: Date;
  notes: string | null;
  reporter: Reporter;
  /**
   * A supervisor's or an auditor's report, not of the owner of the key that asked: calibration's
   * headline counts these. False for the guarded agent's own reports.
   */
  confirmed: boolean;
  recordedAt: Date;
}
