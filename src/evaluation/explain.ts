import type { LoadedDomain } from '../packs/load-domains.js';
import type { CompiledRule, RuleInput } from '../packs/rules/index.js';
import type { ActiveFactor } from '../packs/types.js';
import type { StoredFuture } from '../audit/evaluation-store.js';
import { estimate, METRICS, zeroToleranceEstimates, type Metric, type ModelEstimate, type Tally } from './decision-rule.js';

export interface RankedFactor {
  factor: string;
  detail: string;
  /** Share of the bad futures (incident or adverse) that name this factor. */
  share: number;
}

const pct = (x: number) => `${Math.round(x * 100)}%`;
const label = (outcome: string) => outcome.replaceAll('_', ' ');

/** Risk factors ranked by how often they appear in the bad futures, with the input's own numbers. */
export function rankFactors(futures: StoredFuture[], active: ActiveFactor[]): RankedFactor[] {
  const bad = futures.filter((f) => f.incident || f.adverse);
  if (bad.length === 0) return [];
  const counts = new Map<string, number>();
  for (const f of bad) for (const name of new Set(f.risk_factors)) counts.set(name, (counts.get(name) ?? 0) + 1);
  const detailOf = new Map(active.map((a) => [a.factor, a.detail]));
  return [...counts]
    .map(([factor, n]) => ({ factor, detail: detailOf.get(factor) ?? '', share: Math.round((n / bad.length) * 1000) / 1000 }))
    .sort((a, b) => b.share - a.share || a.factor.localeCompare(b.factor));
}

function outcomeBreakdown(futures: StoredFuture[], pick: (f: StoredFuture) => boolean, domain: LoadedDomain): string {
  const counts = new Map<string, number>();
  for (const f of futures) if (pick(f)) counts.set(f.final_outcome, (counts.get(f.final_outcome) ?? 0) + 1);
  return [...counts]
    .sort((a, b) => (domain.outcomeByName.get(b[0])?.severity ?? 0) - (domain.outcomeByName.get(a[0])?.severity ?? 0))
    .map(([o, n]) => `${n} ${label(o)}`)
    .join(', ');
}

const METRIC_WORDS: Record<Metric, { noun: string; flag: (f: StoredFuture) => boolean }> = {
  incident_rate: { noun: 'an incident', flag: (f) => f.incident },
  adverse_rate: { noun: 'an adverse outcome', flag: (f) => f.adverse },
};

export interface ExplanationInput {
  domain: LoadedDomain;
  decision: 'approve' | 'escalate';
  futures: StoredFuture[];
  tally: Tally;
  modelEstimate?: ModelEstimate;
  firedRules: CompiledRule[];
  ruleInput: RuleInput;
  /** Messages of the other gates (missing information, contradiction, unfamiliar, truncated). */
  gateMessages: string[];
  factors: RankedFactor[];
  failure?: string;
}

/** Plain language a supervisor can act on: the counts, the rates against thresholds, the causes. */
export function explain(x: ExplanationInput): string {
  const parts: string[] = [];
  for (const rule of x.firedRules) parts.push(`Hard rule ${rule.id}: ${rule.message(x.ruleInput)}`);
  parts.push(...x.gateMessages);
  if (x.failure) parts.push(x.failure);
  const n = x.tally.valid;
  if (n > 0) {
    const { policy } = x.domain;
    for (const m of METRICS) {
      const e = estimate(m, x.tally, policy, x.modelEstimate);
      if (e.threshold === undefined) continue;
      const words = METRIC_WORDS[m];
      const k = x.futures.filter(words.flag).length;
      const breakdown = k > 0 ? ` (${outcomeBreakdown(x.futures, words.flag, x.domain)})` : '';
      const side = e.rate > e.threshold ? 'above' : 'within';
      const what = m.replace('_', ' ');
      parts.push(
        e.basis === 'model_probability'
          ? `The world model puts the ${what} at ${pct(e.rate)}, ${side} the ${pct(e.threshold)} threshold; ${k} of ${n} simulated futures, which illustrate that probability, end in ${words.noun}${breakdown}.`
          : `${k} of ${n} simulated futures end in ${words.noun}${breakdown}: estimated ${what} ${pct(e.rate)} ` +
              `(${pct(policy.confidence)} interval ${pct(e.interval[0])}–${pct(e.interval[1])}), ${side} the ${pct(e.threshold)} threshold.`,
      );
    }
    for (const z of zeroToleranceEstimates(x.tally, policy, x.modelEstimate)) {
      if (z.estimate.standing === 'below') continue;
      const shown = z.estimate.basis === 'model_probability' ? `${(z.estimate.rate * 100).toFixed(1)}%` : `up to ${(z.estimate.interval[1] * 100).toFixed(1)}%`;
      parts.push(`The probability of ${label(z.outcome)} is ${shown}, above the ${(z.estimate.threshold! * 100).toFixed(1)}% this policy tolerates.`);
    }
    const top = x.factors.slice(0, 3);
    if (top.length > 0) {
      parts.push(`Most frequent risk factors in the bad futures: ${top.map((f) => `${f.factor}${f.detail ? ` (${f.detail})` : ''} in ${pct(f.share)}`).join('; ')}.`);
    }
  }
  parts.push(x.decision === 'escalate' ? 'Escalated for human review; a supervisor may override with a signed-off reason.' : 'Approved.');
  return parts.join(' ');
}

/** What to do about it: the fired rules' remedies first, then those of the leading factors. */
export function recommend(firedRules: CompiledRule[], factors: RankedFactor[], active: ActiveFactor[]): string[] {
  const out: string[] = [];
  for (const r of firedRules) if (r.recommendation) out.push(r.recommendation);
  const byName = new Map(active.map((a) => [a.factor, a]));
  for (const f of factors) {
    const rec = byName.get(f.factor)?.recommendation;
    if (rec) out.push(rec);
  }
  return [...new Set(out)].slice(0, 6);
}
