import type { StoredEvaluation } from '../audit/evaluation-store.js';
import { AppError } from '../errors.js';
import type { ApiKey, KeyStore } from '../keys/key-store.js';
import type { LoadedDomain } from '../packs/load-domains.js';
import type { ActionReading } from '../packs/reading/reading.js';
import type { ActionInput } from '../packs/types.js';
import { REPORTER_ROLES, type OutcomeRecord, type ReporterRole } from './outcome.js';
import type { OutcomeStore } from './outcome-store.js';

export interface OutcomeServiceDeps {
  store: OutcomeStore;
  domains: ReadonlyMap<string, LoadedDomain>;
  keys: Pick<KeyStore, 'get'>;
  /** The clock of "not in the future" and of `recorded_at` (tests move it). */
  clock?: () => Date;
  newId(): string;
}

export interface OutcomeInput {
  outcome: string;
  /** ISO 8601 with a time zone. */
  occurred_at: string;
  notes?: string;
}

/** Reporters' clocks run a little ahead of ours: an outcome this far past now is still "now". */
export const CLOCK_SKEW_MS = 60_000;
/** How many reports `GET /v1/evaluations/:id` lists (the newest); the counted one is shown whatever their number. */
export const HISTORY_LIMIT = 50;

/** One report as every answer shows it. */
export interface OutcomeView {
  id: string;
  outcome: string;
  incident: boolean;
  adverse: boolean;
  occurred_at: string;
  notes: string | null;
  reported_by: ReporterRole;
  confirmed: boolean;
  reporter: { owner: string; name: string; role: ReporterRole; key_id: string };
  recorded_at: string;
}

/** What an evaluation answer carries about outcomes: the report calibration counts, and the reports in order. */
export interface OutcomesOfEvaluation {
  /** The latest confirmed report, else the latest of the agent's; `counted_as` says which. Null before any report. */
  outcome: (OutcomeView & { counted_as: 'confirmed' | 'agent_reported' }) | null;
  outcomes: OutcomeView[];
  outcomes_reported: number;
}

export function outcomeView(o: OutcomeRecord): OutcomeView {
  return {
    id: o.id,
    outcome: o.outcome,
    incident: o.incident,
    adverse: o.adverse,
    occurred_at: o.occurredAt.toISOString(),
    notes: o.notes,
    reported_by: o.reporter.role,
    confirmed: o.confirmed,
    reporter: { owner: o.reporter.owner, name: o.reporter.name, role: o.reporter.role, key_id: o.reporter.keyId },
    recorded_at: o.recordedAt.toISOString(),
  };
}

const invalid = (path: string, message: string, extra: Record<string, unknown> = {}) =>
  new AppError('validation_failed', `${path}: ${message}`, { errors: [{ path, message }], ...extra });

/**
 * Recording what really happened after an evaluation. The reporter is the key (its owner, name,
 * role and id), never the body; an outcome is a value of the domain's taxonomy, classified as an
 * incident or adverse for the action that was evaluated, as the evaluation's own futures were.
 */
export class OutcomeService {
  constructor(private readonly deps: OutcomeServiceDeps) {}

  private now(): Date {
    return this.deps.clock ? this.deps.clock() : new Date();
  }

  async report(stored: StoredEvaluation, key: ApiKey, input: OutcomeInput): Promise<{ recorded: OutcomeView } & OutcomesOfEvaluation> {
    const domain = this.deps.domains.get(stored.domain);
    if (!domain) throw new AppError('unknown_domain', `the domain '${stored.domain}' of evaluation ${stored.id} is no longer loaded, so its taxonomy is unknown`);
    const def = domain.outcomeByName.get(input.outcome);
    if (!def) {
      const allowed = domain.outcomes.map((o) => o.name);
      throw invalid('outcome', `'${input.outcome}' is not an outcome of ${domain.name}; one of: ${allowed.join(', ')}`, { allowed });
    }
    const occurredAt = new Date(input.occurred_at);
    if (Number.isNaN(occurredAt.getTime())) throw invalid('occurred_at', 'not a date and time');
    const now = this.now();
    if (occurredAt.getTime() > now.getTime() + CLOCK_SKEW_MS) throw invalid('occurred_at', `${occurredAt.toISOString()} is in the future (now ${now.toISOString()})`);
    if (occurredAt < stored.createdAt) throw invalid('occurred_at', `${occurredAt.toISOString()} is before the evaluation (${stored.createdAt.toISOString()}): an outcome follows the evaluation`);
    if (!(REPORTER_ROLES as readonly string[]).includes(key.role)) throw new AppError('forbidden', `a ${key.role} key does not report outcomes`);
    const role = key.role as ReporterRole;
    // Nobody confirms their own agent's account: a supervisor or auditor key of the owner of the key that asked counts as the agent.
    // A requesting key that cannot be found cannot be told apart from the reporter's owner: not a confirmation.
    const requester = stored.apiKeyId ? await this.deps.keys.get(stored.apiKeyId) : null;
    const confirmed = role !== 'agent' && !(stored.apiKeyId && (!requester || requester.owner === key.owner));
    const cls = domain.module.classify(def, this.actionOf(stored, domain));
    const rec: OutcomeRecord = {
      id: this.deps.newId(),
      evaluationId: stored.id,
      outcome: def.name,
      incident: cls.incident,
      adverse: cls.adverse,
      occurredAt,
      notes: input.notes === undefined || input.notes.trim() === '' ? null : input.notes,
      reporter: { keyId: key.id, owner: key.owner, name: key.name, role },
      confirmed,
      recordedAt: now,
    };
    await this.deps.store.append(rec);
    return { recorded: outcomeView(rec), ...(await this.of(stored.id)) };
  }

  /** The outcomes part of an evaluation answer. */
  async of(evaluationId: string): Promise<OutcomesOfEvaluation> {
    const h = await this.deps.store.history(evaluationId, HISTORY_LIMIT);
    return {
      outcome: h.counted ? { ...outcomeView(h.counted), counted_as: h.counted.confirmed ? 'confirmed' : 'agent_reported' } : null,
      outcomes: h.reports.map(outcomeView),
      outcomes_reported: h.total,
    };
  }

  /** The action as the evaluation read it (its answer's `reading.action`): what its futures were classified against. */
  private actionOf(stored: StoredEvaluation, domain: LoadedDomain): ActionReading {
    const answered = (stored.response.reading as { action?: ActionReading } | undefined)?.action;
    if (answered && typeof answered.effect === 'string') return answered;
    const req = stored.request as { state?: Record<string, unknown>; action?: ActionInput };
    return domain.read(req.state ?? {}, req.action ?? { description: '' }).action;
  }
}
