import type { BinSums } from './calibration.js';
import type { OutcomeRecord } from './outcome.js';

/** The record of outcomes: append-only (the database refuses UPDATE and DELETE), several per evaluation. */
export interface OutcomeStore {
  /** Durable when it resolves. */
  append(record: OutcomeRecord): Promise<void>;
  /** The reports about one evaluation: the newest `limit` of them, oldest first, and the one calibration counts. */
  history(evaluationId: string, limit: number): Promise<OutcomeHistory>;
}

export interface OutcomeHistory {
  /** At most the limit asked for: the newest reports, oldest first. */
  reports: OutcomeRecord[];
  /** How many reports there are in all. */
  total: number;
  /** The latest confirmed report, else the latest report; null when there is none. */
  counted: OutcomeRecord | null;
}

/** Which evaluations a calibration report covers: one domain, created in [since, until), optionally one policy version. */
export interface CalibrationQuery {
  domain: string;
  since?: Date;
  until?: Date;
  policyVersion?: string;
}

/** Which of an evaluation's reports calibration counts: the latest confirmed one, else the latest of the agent's. */
export type OutcomeSource = 'confirmed' | 'agent_reported';
export type RateMetric = 'incident' | 'adverse';

/** Counts over the evaluations of one policy version and world-model version. */
export interface VersionCounts {
  policyVersion: string;
  worldModelVersion: string;
  evaluations: number;
  /** Evaluations with no valid simulated future (the world model failed): they predicted nothing. */
  withoutPrediction: number;
  escalated: number;
  /** Escalations that enough distinct supervisors approved. */
  overridden: number;
  denied: number;
  changesRequested: number;
  /** Escalations whose timeout the sweeper recorded. */
  timedOut: number;
  /** Evaluations with a confirmed report. */
  withConfirmed: number;
  /** Evaluations whose only reports are the agent's. */
  agentOnly: number;
  /** Evaluations with both an agent's report and a confirmed one (the confirmed one counts). */
  agentSuperseded: number;
  /** Of those, how many the agent's latest report said otherwise (incident or adverse). */
  agentContradicted: number;
  firstAt: Date;
  lastAt: Date;
}

/** One bin's sums of one figure of one version group. */
export interface CalibrationBinRow extends BinSums {
  policyVersion: string;
  worldModelVersion: string;
  source: OutcomeSource;
  metric: RateMetric;
}

/** Aggregates for calibration, computed by the database: what comes back is bounded by the number of version groups asked for. */
export interface CalibrationSource {
  /** The version groups of the query, newest (by their latest evaluation) first, at most `limit`. */
  versionCounts(query: CalibrationQuery, limit: number): Promise<VersionCounts[]>;
  /** The bins of every figure of these version groups. */
  binSums(query: CalibrationQuery, groups: { policyVersion: string; worldModelVersion: string }[]): Promise<CalibrationBinRow[]>;
}
