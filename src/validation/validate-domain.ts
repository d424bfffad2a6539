import type { TrajectoryRow } from '../banks/trajectory.js';
import { bankReadings, type LoadedDomain } from '../packs/load-domains.js';
import type { ActionInput } from '../packs/types.js';
import { simulateAndDecide } from '../evaluation/simulate-and-decide.js';
import type { EmbeddedWorldModel } from '../world-model/embedded/embedded-world-model.js';
import { METRICS, type Metric } from '../evaluation/decision-rule.js';

export interface ReliabilityBin {
  from: number;
  to: number;
  count: number;
  meanPredicted: number;
  observed: number;
  meanTrueRisk: number | null;
}

export interface MetricCalibration {
  metric: Metric;
  brier: number;
  baseRate: number;
  brierBaseRate: number;
  /** 1 − Brier / Brier of always predicting the training base rate. */
  skill: number;
  /** Mean |model probability − generator's true risk| over rows that record it. */
  meanAbsErrorVsTrueRisk: number | null;
  reliability: ReliabilityBin[];
}

export interface DecisionQuality {
  /** Rows whose true risk exceeds a threshold: share escalated. */
  dangerous: { count: number; escalated: number };
  /** Rows whose true risk is under half of every threshold: share approved. */
  safe: { count: number; approved: number };
  between: { count: number; escalated: number };
  rollouts: { adaptiveMean: number; max: number; saving: number; sameDecisionAsMax: number };
}

export interface ValidationReport {
  domain: string;
  heldOut: number;
  trainRows: number;
  model: string;
  policyVersion: string;
  calibration: MetricCalibration[];
  decisions: DecisionQuality;
  ms: number;
}

const BINS = [0, 0.05, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.8, 1.0000001];

function calibrate(metric: Metric, predicted: number[], observed: boolean[], truth: (number | null)[], baseRate: number): MetricCalibration {
  const n = predicted.length;
  let brier = 0;
  let brierBase = 0;
  let err = 0;
  let errN = 0;
  for (let i = 0; i < n; i++) {
    const y = observed[i] ? 1 : 0;
    brier += (predicted[i] - y) ** 2 / n;
    brierBase += (baseRate - y) ** 2 / n;
    if (truth[i] !== null) {
      err += Math.abs(predicted[i] - truth[i]!);
      errN++;
    }
  }
  const reliability: ReliabilityBin[] = [];
  for (let b = 0; b < BINS.length - 1; b++) {
    const idx = predicted.map((p, i) => [p, i] as const).filter(([p]) => p >= BINS[b] && p < BINS[b + 1]).map(([, i]) => i);
    if (idx.length === 0) continue;
    const withTruth = idx.filter((i) => truth[i] !== null);
    reliability.push({
      from: BINS[b],
      to: Math.min(1, BINS[b + 1]),
      count: idx.length,
      meanPredicted: idx.reduce((s, i) => s + predicted[i], 0) / idx.length,
      observed: idx.filter((i) => observed[i]).length / idx.length,
      meanTrueRisk: withTruth.length ? withTruth.reduce((s, i) => s + truth[i]!, 0) / withTruth.length : null,
    });
  }
  return { metric, brier, baseRate, brierBaseRate: brierBase, skill: brierBase > 0 ? 1 - brier / brierBase : 0, meanAbsErrorVsTrueRisk: errN ? err / errN : null, reliability };
}

/**
 * The world model and the policy against the held-out split: calibration of the outcome
 * probabilities (against what followed, and against the generator's true risk where recorded)
 * and the decisions the service would give.
 */
export async function validateDomain(domain: LoadedDomain, model: EmbeddedWorldModel, opts: { limit?: number } = {}): Promise<ValidationReport> {
  const started = performance.now();
  const { policy, module } = domain;
  const train = domain.bank.rows.filter((r) => r.split === 'train');
  const held = domain.bank.rows.filter((r) => r.split === 'heldout').slice(0, opts.limit);
  const dm = model.model(domain.name);
  const readings = bankReadings(domain);
  const readingOf = new Map(domain.bank.rows.map((r, i) => [r, readings[i]]));
  const flags = (r: TrajectoryRow) => module.classify(domain.outcomeByName.get(r.final_outcome)!, readingOf.get(r)!.action);

  const predictions = held.map((r) => dm.predict(module.featurize(readingOf.get(r)!), readingOf.get(r)!.action));
  const calibration = METRICS.filter((m) => policy.thresholds[m] !== undefined).map((metric) => {
    const key = metric === 'incident_rate' ? 'incident' : 'adverse';
    const baseRate = train.filter((r) => flags(r)[key]).length / train.length;
    const predicted = predictions.map((p) => (key === 'incident' ? p.incidentProbability : p.adverseProbability));
    const observed = held.map((r) => flags(r)[key]);
    const truth = held.map((r) => r.true_risk?.[key] ?? null);
    return calibrate(metric, predicted, observed, truth, baseRate);
  });

  const q: DecisionQuality = {
    dangerous: { count: 0, escalated: 0 },
    safe: { count: 0, approved: 0 },
    between: { count: 0, escalated: 0 },
    rollouts: { adaptiveMean: 0, max: policy.rollouts.max, saving: 0, sameDecisionAsMax: 0 },
  };
  let adaptiveTotal = 0;
  let same = 0;
  for (let i = 0; i < held.length; i++) {
    const row = held[i];
    const reading = readingOf.get(row)!;
    const base = { domain, state: row.state, action: row.action as ActionInput, reading, features: module.featurize(reading), seed: 1_000 + i, horizon: policy.horizon, deadlineMs: 60_000, worldModel: model };
    const adaptive = await simulateAndDecide(base);
    const atMax = await simulateAndDecide({ ...base, fixedN: policy.rollouts.max });
    adaptiveTotal += adaptive.requested;
    if (adaptive.decision === atMax.decision) same++;
    if (!row.true_risk) continue;
    const risks = METRICS.filter((m) => policy.thresholds[m] !== undefined).map((m) => [row.true_risk![m === 'incident_rate' ? 'incident' : 'adverse'], policy.thresholds[m]!] as const);
    const escalated = adaptive.decision === 'escalate';
    if (risks.some(([r, t]) => r > t)) {
      q.dangerous.count++;
      if (escalated) q.dangerous.escalated++;
    } else if (risks.every(([r, t]) => r < t / 2)) {
      q.safe.count++;
      if (!escalated) q.safe.approved++;
    } else {
      q.between.count++;
      if (escalated) q.between.escalated++;
    }
  }
  q.rollouts.adaptiveMean = adaptiveTotal / held.length;
  q.rollouts.saving = 1 - q.rollouts.adaptiveMean / policy.rollouts.max;
  q.rollouts.sameDecisionAsMax = same / held.length;
  return {
    domain: domain.name,
    heldOut: held.length,
    trainRows: train.length,
    model: model.version,
    policyVersion: domain.policyVersion,
    calibration,
    decisions: q,
    ms: Math.round(performance.now() - started),
  };
}
