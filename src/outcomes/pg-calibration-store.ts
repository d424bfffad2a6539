import type { Queryable } from '../db/database.js';
import { BIN_COUNT } from './calibration.js';
import type { CalibrationBinRow, CalibrationQuery, CalibrationSource, OutcomeSource, RateMetric, VersionCounts } from './outcome-store.js';

/** The evaluations a query covers: $1 domain, $2 since, $3 until (exclusive), $4 policy version. */
const COVERED = `e.domain = $1 AND ($2::timestamptz IS NULL OR e.created_at >= $2::timestamptz)
  AND ($3::timestamptz IS NULL OR e.created_at < $3::timestamptz) AND ($4::text IS NULL OR e.policy_version = $4::text)`;

/** An evaluation predicted something when at least one simulated future was valid; one that failed closed did not. */
const PREDICTED = `COALESCE((e.response->'risk'->>'valid_rollouts')::numeric, 0) > 0`;

/** A rate of the stored answer's risk block, as exact numeric (so binning does not suffer float rounding), clamped to [0, 1]. */
const rate = (field: string) => `LEAST(1, GREATEST(0, (e.response->'risk'->>'${field}')::numeric))`;

const paramsOf = (q: CalibrationQuery) => [q.domain, q.since ?? null, q.until ?? null, q.policyVersion ?? null];

/**
 * Calibration's aggregates, computed by the database: it walks the evaluations and outcomes of the
 * window and returns one row per version group (counts) and per group × source × metric × bin (sums),
 * so what reaches the service is bounded however many evaluations the window holds.
 */
export class PgCalibrationStore implements CalibrationSource {
  constructor(private readonly db: Queryable) {}

  async versionCounts(query: CalibrationQuery, limit: number): Promise<VersionCounts[]> {
    const { rows } = await this.db.query<{
      policy_version: string;
      world_model_version: string;
      evaluations: number;
      without_prediction: number;
      escalated: number;
      overridden: number;
      denied: number;
      changes_requested: number;
      timed_out: number;
      with_confirmed: number;
      agent_only: number;
      agent_superseded: number;
      agent_contradicted: number;
      first_at: Date;
      last_at: Date;
    }>(
      `WITH ev AS (
         SELECT e.id, e.policy_version, e.world_model_version, e.decision, e.created_at, ${PREDICTED} AS predicted
         FROM evaluations e WHERE ${COVERED}),
       review AS (
         SELECT s.evaluation_id,
           count(DISTINCT s.signer_owner) FILTER (WHERE s.kind = 'approve') AS approvals,
           bool_or(s.kind = 'deny') AS denied, bool_or(s.kind = 'request_changes') AS changes, bool_or(s.kind = 'timeout') AS timed_out
         FROM sign_offs s WHERE s.evaluation_id IN (SELECT id FROM ev WHERE decision = 'escalate') GROUP BY s.evaluation_id),
       confirmed AS (
         SELECT DISTINCT ON (o.evaluation_id) o.evaluation_id, o.incident, o.adverse
         FROM outcomes o WHERE o.confirmed AND o.evaluation_id IN (SELECT id FROM ev) ORDER BY o.evaluation_id, o.seq DESC),
       agent AS (
         SELECT DISTINCT ON (o.evaluation_id) o.evaluation_id, o.incident, o.adverse
         FROM outcomes o WHERE NOT o.confirmed AND o.evaluation_id IN (SELECT id FROM ev) ORDER BY o.evaluation_id, o.seq DESC)
       SELECT ev.policy_version, ev.world_model_version,
         count(*)::int AS evaluations,
         count(*) FILTER (WHERE NOT ev.predicted)::int AS without_prediction,
         count(*) FILTER (WHERE ev.decision = 'escalate')::int AS escalated,
         count(*) FILTER (WHERE ev.decision = 'escalate' AND x.evaluation_id IS NOT NULL AND COALESCE(r.approvals, 0) >= x.sign_offs_required)::int AS overridden,
         count(*) FILTER (WHERE r.denied)::int AS denied,
         count(*) FILTER (WHERE r.changes)::int AS changes_requested,
         count(*) FILTER (WHERE r.timed_out)::int AS timed_out,
         count(c.evaluation_id)::int AS with_confirmed,
         count(*) FILTER (WHERE c.evaluation_id IS NULL AND a.evaluation_id IS NOT NULL)::int AS agent_only,
         count(*) FILTER (WHERE c.evaluation_id IS NOT NULL AND a.evaluation_id IS NOT NULL)::int AS agent_superseded,
         count(*) FILTER (WHERE c.evaluation_id IS NOT NULL AND a.evaluation_id IS NOT NULL AND (a.incident <> c.incident OR a.adverse <> c.adverse))::int AS agent_contradicted,
         min(ev.created_at) AS first_at, max(ev.created_at) AS last_at
       FROM ev
       LEFT JOIN escalations x ON x.evaluation_id = ev.id
       LEFT JOIN review r ON r.evaluation_id = ev.id
       LEFT JOIN confirmed c ON c.evaluation_id = ev.id
       LEFT JOIN agent a ON a.evaluation_id = ev.id
       GROUP BY ev.policy_version, ev.world_model_version
       ORDER BY max(ev.created_at) DESC, ev.policy_version, ev.world_model_version
       LIMIT $5`,
      [...paramsOf(query), limit],
    );
    return rows.map((r) => ({
      policyVersion: r.policy_version,
      worldModelVersion: r.world_model_version,
      evaluations: r.evaluations,
      withoutPrediction: r.without_prediction,
      escalated: r.escalated,
      overridden: r.overridden,
      denied: r.denied,
      changesRequested: r.changes_requested,
      timedOut: r.timed_out,
      withConfirmed: r.with_confirmed,
      agentOnly: r.agent_only,
      agentSuperseded: r.agent_superseded,
      agentContradicted: r.agent_contradicted,
      firstAt: r.first_at,
      lastAt: r.last_at,
    }));
  }

  async binSums(query: CalibrationQuery, groups: { policyVersion: string; worldModelVersion: string }[]): Promise<CalibrationBinRow[]> {
    if (groups.length === 0) return [];
    const { rows } = await this.db.query<{
      policy_version: string;
      world_model_version: string;
      confirmed: boolean;
      metric: RateMetric;
      bin: number;
      n: number;
      sum_p: number;
      sum_p2: number;
      sum_o: number;
      sum_po: number;
    }>(
      `WITH ev AS (
         SELECT e.id, e.policy_version, e.world_model_version, ${rate('incident_rate')} AS p_incident, ${rate('adverse_rate')} AS p_adverse
         FROM evaluations e
         WHERE ${COVERED} AND ${PREDICTED}
           AND (e.policy_version, e.world_model_version) IN (SELECT * FROM unnest($5::text[], $6::text[]))),
       -- Per evaluation, the report calibration counts: the latest confirmed one, else the latest of the agent's.
       counted AS (
         SELECT DISTINCT ON (o.evaluation_id) o.evaluation_id, o.confirmed, o.incident, o.adverse
         FROM outcomes o WHERE o.evaluation_id IN (SELECT id FROM ev)
         ORDER BY o.evaluation_id, o.confirmed DESC, o.seq DESC),
       points AS (
         SELECT ev.policy_version, ev.world_model_version, c.confirmed, m.metric, m.p, m.o
         FROM ev JOIN counted c ON c.evaluation_id = ev.id
         CROSS JOIN LATERAL (VALUES ('incident', ev.p_incident, c.incident), ('adverse', ev.p_adverse, c.adverse)) AS m(metric, p, o)
         WHERE m.p IS NOT NULL)
       SELECT policy_version, world_model_version, confirmed, metric,
         LEAST(${BIN_COUNT - 1}, floor(p * ${BIN_COUNT}))::int AS bin,
         count(*)::int AS n, sum(p)::float8 AS sum_p, sum(p * p)::float8 AS sum_p2,
         count(*) FILTER (WHERE o)::int AS sum_o, COALESCE(sum(p) FILTER (WHERE o), 0)::float8 AS sum_po
       FROM points GROUP BY 1, 2, 3, 4, 5`,
      [...paramsOf(query), groups.map((g) => g.policyVersion), groups.map((g) => g.worldModelVersion)],
    );
    return rows.map((r) => ({
      policyVersion: r.policy_version,
      worldModelVersion: r.world_model_version,
      source: (r.confirmed ? 'confirmed' : 'agent_reported') as OutcomeSource,
      metric: r.metric,
      bin: r.bin,
      n: r.n,
      sumP: r.sum_p,
      sumP2: r.sum_p2,
      sumO: r.sum_o,
      sumPO: r.sum_po,
    }));
  }
}
