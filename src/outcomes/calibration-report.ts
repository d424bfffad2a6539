import { BIN_COUNT, calibrationOf, type CalibrationFigures } from './calibration.js';
import type { CalibrationBinRow, CalibrationQuery, CalibrationSource, OutcomeSource, RateMetric } from './outcome-store.js';

/** At most this many (policy version, world-model version) groups per report, the newest first. */
export const MAX_VERSION_GROUPS = 50;

export const HEADLINE_NOTE =
  'The headline figures (`confirmed`) count only outcomes reported or confirmed by a supervisor or an auditor ' +
  '(not of the owner of the key that asked): per evaluation, the latest such report. Evaluations whose only ' +
  'reports come from the guarded agent are shown apart under `agent_reported`, so an agent cannot quietly move the headline.';

export interface RateFigures {
  incident: CalibrationFigures;
  adverse: CalibrationFigures;
}

export interface VersionGroupReport {
  policy_version: string;
  world_model_version: string;
  evaluations: number;
  first_at: string;
  last_at: string;
  /** Evaluations that failed closed with no valid future: no prediction to calibrate. */
  without_prediction: number;
  escalations: {
    escalated: number;
    escalation_rate: number;
    /** Escalations that enough distinct supervisors approved. */
    overridden: number;
    /** overridden / escalated (null without escalations). */
    override_rate: number | null;
    denied: number;
    changes_requested: number;
    timed_out: number;
  };
  outcomes: {
    /** Evaluations with a confirmed report: what `confirmed` counts. */
    confirmed: number;
    /** Evaluations whose only reports are the agent's: what `agent_reported` counts. */
    agent_reported: number;
    /** Evaluations the agent reported on and someone confirmed (the confirmed report counts). */
    agent_superseded: number;
    /** Of those, how many the agent's latest account said otherwise about incident or adverse. */
    agent_contradicted: number;
  };
  /** The headline: predicted rates against confirmed outcomes. */
  confirmed: RateFigures;
  /** The same against outcomes only the agent reported, kept apart. */
  agent_reported: RateFigures;
}

export interface CalibrationReport {
  domain: string;
  window: { since: string | null; until: string | null; policy_version: string | null; by: 'evaluation created_at, since inclusive, until exclusive' };
  headline: 'confirmed';
  note: string;
  bins: { count: number; width: number };
  groups: VersionGroupReport[];
  /** True when more version groups matched than MAX_VERSION_GROUPS: narrow the window. */
  groups_truncated: boolean;
}

const round = (x: number | null) => (x === null ? null : Math.round(x * 1e6) / 1e6);

function rounded(f: CalibrationFigures): CalibrationFigures {
  return {
    n: f.n,
    predicted_mean: round(f.predicted_mean),
    observed_rate: round(f.observed_rate),
    brier: round(f.brier),
    reliability: round(f.reliability),
    resolution: round(f.resolution),
    uncertainty: round(f.uncertainty),
    within_bin_variance: round(f.within_bin_variance),
    within_bin_covariance: round(f.within_bin_covariance),
    brier_skill: round(f.brier_skill),
    ece: round(f.ece),
    bins: f.bins.map((b) => ({ ...b, predicted_mean: round(b.predicted_mean), observed_frequency: round(b.observed_frequency) })),
  };
}

const figureKey = (g: { policyVersion: string; worldModelVersion: string }, source: OutcomeSource, metric: RateMetric) =>
  `${g.policyVersion}\u0000${g.worldModelVersion}\u0000${source}\u0000${metric}`;

/** The calibration report of a domain: counts and bins from the database, the figures from the pure module. */
export async function calibrationReport(source: CalibrationSource, query: CalibrationQuery): Promise<CalibrationReport> {
  const counted = await source.versionCounts(query, MAX_VERSION_GROUPS + 1);
  const groups = counted.slice(0, MAX_VERSION_GROUPS);
  const rows = await source.binSums(query, groups);
  const byFigure = new Map<string, CalibrationBinRow[]>();
  for (const r of rows) {
    const k = figureKey(r, r.source, r.metric);
    const list = byFigure.get(k);
    if (list) list.push(r);
    else byFigure.set(k, [r]);
  }
  const figures = (g: { policyVersion: string; worldModelVersion: string }, source: OutcomeSource, metric: RateMetric) =>
    rounded(calibrationOf(byFigure.get(figureKey(g, source, metric)) ?? []));
  return {
    domain: query.domain,
    window: {
      since: query.since?.toISOString() ?? null,
      until: query.until?.toISOString() ?? null,
      policy_version: query.policyVersion ?? null,
      by: 'evaluation created_at, since inclusive, until exclusive',
    },
    headline: 'confirmed',
    note: HEADLINE_NOTE,
    bins: { count: BIN_COUNT, width: 1 / BIN_COUNT },
    groups: groups.map((g) => ({
      policy_version: g.policyVersion,
      world_model_version: g.worldModelVersion,
      evaluations: g.evaluations,
      first_at: g.firstAt.toISOString(),
      last_at: g.lastAt.toISOString(),
      without_prediction: g.withoutPrediction,
      escalations: {
        escalated: g.escalated,
        escalation_rate: round(g.escalated / g.evaluations)!,
        overridden: g.overridden,
        override_rate: g.escalated > 0 ? round(g.overridden / g.escalated) : null,
        denied: g.denied,
        changes_requested: g.changesRequested,
        timed_out: g.timedOut,
      },
      outcomes: { confirmed: g.withConfirmed, agent_reported: g.agentOnly, agent_superseded: g.agentSuperseded, agent_contradicted: g.agentContradicted },
      confirmed: { incident: figures(g, 'confirmed', 'incident'), adverse: figures(g, 'confirmed', 'adverse') },
      agent_reported: { incident: figures(g, 'agent_reported', 'incident'), adverse: figures(g, 'agent_reported', 'adverse') },
    })),
    groups_truncated: counted.length > MAX_VERSION_GROUPS,
  };
}
