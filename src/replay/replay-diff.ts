import type { StoredFuture } from '../audit/evaluation-store.js';
import { canonicalJson } from '../lib/canonical-json.js';
import { lineDiff, type LineDiff } from './line-diff.js';

type Decision = 'approve' | 'escalate';

/** One side of a replay: what was answered then, or what would be answered now. */
export interface ReplaySide {
  decision: Decision;
  reasons: { code: string; message?: string }[];
  risk: Record<string, unknown>;
  futures: StoredFuture[];
  policyVersion: string;
  /** The policy's YAML, when known (versions older than migration 0008 were not stored). */
  policyText: string | null;
  worldModel: { backend: string; version: string };
}

export interface Delta {
  then: number | null;
  now: number | null;
  delta: number | null;
}

export interface IntervalDelta {
  then: number[] | null;
  now: number[] | null;
  delta: number[] | null;
}

export type ReasonKind = 'hard_rule' | 'gate' | 'rate' | 'failure';

export interface ChangedReason {
  code: string;
  kind: ReasonKind;
  message?: string;
}

/** Where the simulated futures first part: the lowest future index, and in it the first step, that differ. */
export interface Divergence {
  future: number;
  /** Null when the steps agree and the future differs elsewhere (or exists on one side only). */
  step: number | null;
  what: 'future_missing_then' | 'future_missing_now' | 'step_missing_then' | 'step_missing_now' | 'step' | 'final_outcome' | 'classification' | 'risk_factors';
  /** The fields of the step that differ (`t`, `event`, `outcome`, `reward`), for `what: "step"`. */
  fields?: string[];
  then?: unknown;
  now?: unknown;
}

export interface ReplayDiff {
  /** Anything a user would notice differs: the decision, a rate, a reason, the futures. */
  changed: boolean;
  decision: { then: Decision; now: Decision; changed: boolean };
  rates: { incident_rate: Delta; incident_rate_ci: IntervalDelta; adverse_rate: Delta; adverse_rate_ci: IntervalDelta };
  thresholds: { then: unknown; now: unknown; changed: boolean };
  reasons: { fired_now_not_then: ChangedReason[]; fired_then_not_now: ChangedReason[]; unchanged: string[] };
  futures: { then: number; now: number; diverged: boolean; first_divergence: Divergence | null };
  policy: { then: string; now: string; changed: boolean; text_diff: LineDiff | null; text_then_stored: boolean };
  world_model: { then: { backend: string; version: string }; now: { backend: string; version: string }; changed: boolean };
}

const GATES = new Set(['input_truncated', 'action_contradiction', 'missing_information', 'unfamiliar_situation']);
const FAILURES = new Set(['world_model_unavailable', 'deadline_exceeded', 'insufficient_valid_rollouts', 'audit_unavailable']);

export function reasonKind(code: string): ReasonKind {
  if (code.startsWith('hard_rule:')) return 'hard_rule';
  if (GATES.has(code)) return 'gate';
  if (FAILURES.has(code)) return 'failure';
  return 'rate';
}

// Rates are reported to three decimals; so are their differences, so float noise never reads as a change.
const round = (x: number) => Math.round(x * 1000) / 1000 + 0;
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const interval = (v: unknown): number[] | null => (Array.isArray(v) && v.length === 2 && v.every((x) => num(x) !== null) ? (v as number[]) : null);

function delta(then: unknown, now: unknown): Delta {
  const a = num(then);
  const b = num(now);
  return { then: a, now: b, delta: a === null || b === null ? null : round(b - a) };
}

function intervalDelta(then: unknown, now: unknown): IntervalDelta {
  const a = interval(then);
  const b = interval(now);
  return { then: a, now: b, delta: a === null || b === null ? null : [round(b[0] - a[0]), round(b[1] - a[1])] };
}

// Canonical, so key order (which jsonb does not keep) never reads as a difference.
const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b);

/** The first place, in future then step order, where two lists of futures differ; null when they agree. */
export function firstDivergence(then: readonly StoredFuture[], now: readonly StoredFuture[]): Divergence | null {
  const byIndex = (fs: readonly StoredFuture[]) => new Map(fs.map((f) => [f.index, f]));
  const a = byIndex(then);
  const b = byIndex(now);
  const indices = [...new Set([...a.keys(), ...b.keys()])].sort((x, y) => x - y);
  for (const i of indices) {
    const f = a.get(i);
    const g = b.get(i);
    if (!f) return { future: i, step: null, what: 'future_missing_then', now: g!.final_outcome };
    if (!g) return { future: i, step: null, what: 'future_missing_now', then: f.final_outcome };
    const steps = Math.max(f.steps.length, g.steps.length);
    for (let s = 0; s < steps; s++) {
      const x = f.steps[s];
      const y = g.steps[s];
      if (!x) return { future: i, step: s, what: 'step_missing_then', now: y };
      if (!y) return { future: i, step: s, what: 'step_missing_now', then: x };
      const fields = (['t', 'event', 'outcome', 'reward'] as const).filter((k) => !same(x[k], y[k]));
      if (fields.length > 0) return { future: i, step: s, what: 'step', fields, then: x, now: y };
    }
    if (f.final_outcome !== g.final_outcome) return { future: i, step: null, what: 'final_outcome', then: f.final_outcome, now: g.final_outcome };
    if (f.incident !== g.incident || f.adverse !== g.adverse) return { future: i, step: null, what: 'classification', then: { incident: f.incident, adverse: f.adverse }, now: { incident: g.incident, adverse: g.adverse } };
    if (!same(f.risk_factors, g.risk_factors)) return { future: i, step: null, what: 'risk_factors', then: f.risk_factors, now: g.risk_factors };
  }
  return null;
}

/** What a replay changed: decision, rates, reasons, futures, policy and model, then against now. */
export function diffReplay(then: ReplaySide, now: ReplaySide): ReplayDiff {
  const thenCodes = new Set(then.reasons.map((r) => r.code));
  const nowCodes = new Set(now.reasons.map((r) => r.code));
  const changedReason = (r: { code: string; message?: string }): ChangedReason => ({ code: r.code, kind: reasonKind(r.code), ...(r.message ? { message: r.message } : {}) });
  const reasons = {
    fired_now_not_then: now.reasons.filter((r) => !thenCodes.has(r.code)).map(changedReason),
    fired_then_not_now: then.reasons.filter((r) => !nowCodes.has(r.code)).map(changedReason),
    unchanged: then.reasons.filter((r) => nowCodes.has(r.code)).map((r) => r.code),
  };
  const rates = {
    incident_rate: delta(then.risk.incident_rate, now.risk.incident_rate),
    incident_rate_ci: intervalDelta(then.risk.incident_rate_ci, now.risk.incident_rate_ci),
    adverse_rate: delta(then.risk.adverse_rate, now.risk.adverse_rate),
    adverse_rate_ci: intervalDelta(then.risk.adverse_rate_ci, now.risk.adverse_rate_ci),
  };
  const divergence = firstDivergence(then.futures, now.futures);
  const policyChanged = then.policyVersion !== now.policyVersion;
  const decision = { then: then.decision, now: now.decision, changed: then.decision !== now.decision };
  const ratesMoved = [rates.incident_rate.delta, rates.adverse_rate.delta, ...(rates.incident_rate_ci.delta ?? []), ...(rates.adverse_rate_ci.delta ?? [])].some((d) => d !== null && d !== 0);
  return {
    changed: decision.changed || ratesMoved || reasons.fired_now_not_then.length > 0 || reasons.fired_then_not_now.length > 0 || divergence !== null,
    decision,
    rates,
    thresholds: { then: then.risk.thresholds ?? null, now: now.risk.thresholds ?? null, changed: !same(then.risk.thresholds ?? null, now.risk.thresholds ?? null) },
    reasons,
    futures: { then: then.futures.length, now: now.futures.length, diverged: divergence !== null, first_divergence: divergence },
    policy: {
      then: then.policyVersion,
      now: now.policyVersion,
      changed: policyChanged,
      text_diff: policyChanged && then.policyText !== null && now.policyText !== null ? lineDiff(then.policyText, now.policyText) : null,
      text_then_stored: then.policyText !== null,
    },
    world_model: { then: then.worldModel, now: now.worldModel, changed: !same(then.worldModel, now.worldModel) },
  };
}
