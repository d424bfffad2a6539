import type { StoredFuture } from '../audit/evaluation-store.js';
import type { LoadedDomain } from '../packs/load-domains.js';

/** The part of an answer's `risk` block the console reads. */
export interface RiskBlock {
  basis?: 'model_probability' | 'sampled_futures';
  rollouts?: number;
  valid_rollouts?: number;
  incident_rate?: number | null;
  adverse_rate?: number | null;
  incident_rate_ci?: [number, number] | null;
  adverse_rate_ci?: [number, number] | null;
  thresholds?: { incident_rate?: number; adverse_rate?: number };
  worst_outcome?: string | null;
}

export const pct = (x: number): string => `${Math.round(x * 100)}%`;
export const label = (name: string): string => name.replaceAll('_', ' ');

const METRICS = [
  { key: 'incident_rate', noun: 'incident', end: 'an incident', flag: (f: StoredFuture) => f.incident },
  { key: 'adverse_rate', noun: 'adverse-outcome', end: 'an adverse outcome', flag: (f: StoredFuture) => f.adverse },
] as const;

/** Reason codes that name the rates; any other reason is why an escalation below the thresholds escalated. */
const RATE_REASONS = new Set(['incident_rate_above_threshold', 'adverse_rate_above_threshold']);

/**
 * The one line a supervisor decides by: the rate furthest above (or nearest to) its threshold, as a
 * probability when the model gives one and as a count of futures either way, e.g.
 * "67% incident probability (13 of 16 futures end in an incident); threshold 30%". When the rates
 * are under their thresholds, the reason that escalated comes first.
 */
export function decidingFigure(risk: RiskBlock, reasons: { code: string }[], futures: readonly StoredFuture[]): string {
  const valid = risk.valid_rollouts ?? futures.length;
  const other = reasons.find((r) => !RATE_REASONS.has(r.code));
  if (valid === 0 || futures.length === 0) return other ? `${label(other.code.replace('hard_rule:', 'hard rule: '))}; no valid simulated future` : 'no valid simulated future';
  const thresholds = risk.thresholds ?? {};
  let best: { text: string; ratio: number } | undefined;
  for (const m of METRICS) {
    const threshold = thresholds[m.key];
    const rate = risk[m.key];
    if (threshold === undefined || typeof rate !== 'number') continue;
    const bad = futures.filter(m.flag).length;
    const count = `${bad} of ${futures.length} futures end in ${m.end}`;
    const text = risk.basis === 'model_probability' ? `${pct(rate)} ${m.noun} probability (${count}); threshold ${pct(threshold)}` : `${count}; threshold ${pct(threshold)}`;
    const ratio = threshold > 0 ? rate / threshold : rate > 0 ? Infinity : 0;
    if (!best || ratio > best.ratio) best = { text, ratio };
  }
  if (!best) return other ? label(other.code.replace('hard_rule:', 'hard rule: ')) : `${futures.filter((f) => f.incident).length} of ${futures.length} futures end in an incident`;
  const escalatedByRate = reasons.some((r) => RATE_REASONS.has(r.code));
  return !escalatedByRate && other ? `${label(other.code.replace('hard_rule:', 'hard rule: '))} · ${best.text}` : best.text;
}

/** "12 min left", "1 h 05 min left", "overdue": what a reviewer needs of a deadline at a glance. */
export function timeLeft(deadline: Date | null, now: Date): string {
  if (!deadline) return 'no deadline';
  const ms = deadline.getTime() - now.getTime();
  if (ms <= 0) return 'overdue';
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return `${Math.ceil(ms / 1000)} s left`;
  if (minutes < 60) return `${minutes} min left`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ${String(minutes % 60).padStart(2, '0')} min left`;
  return `${Math.floor(hours / 24)} days left`;
}

/** Futures with the bad ones first: incidents, then adverse outcomes, each by the severity of how they end. */
export function badFirst(futures: readonly StoredFuture[], domain: LoadedDomain | undefined): StoredFuture[] {
  const severity = (f: StoredFuture) => domain?.outcomeByName.get(f.final_outcome)?.severity ?? 0;
  const weight = (f: StoredFuture) => (f.incident ? 2 : 0) + (f.adverse ? 1 : 0);
  return [...futures].sort((a, b) => weight(b) - weight(a) || severity(b) - severity(a) || a.index - b.index);
}

/** A stored JSON value as one short line of text (the console never renders stored JSON as markup). */
export function shortText(value: unknown, max = 160): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value) ?? String(value);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** Nested facts as `path → value` rows, depth-first, bounded. */
export function flatten(value: unknown, prefix = '', out: [string, unknown][] = [], limit = 300): [string, unknown][] {
  if (out.length >= limit) return out;
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const entries = Object.entries(value as Record<string, unknown>);
    if (entries.length === 0 && prefix) out.push([prefix, {}]);
    for (const [k, v] of entries) flatten(v, prefix ? `${prefix}.${k}` : k, out, limit);
  } else out.push([prefix || '(value)', value]);
  return out;
}
