import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { z } from 'zod';
import { simulateAndDecide } from '../evaluation/simulate-and-decide.js';
import type { LoadedDomain } from '../packs/load-domains.js';
import type { WorldModel } from '../world-model/world-model.js';

/**
 * The public-source case sets (`test/cases/<domain>/{dev,test}.yaml`): requests written by hand from
 * public sources (handbooks, OSHA and NIOSH reports, cloud misconfiguration catalogues) by people
 * who did not see the packs, each with its citation and a gold decision. `dev` is for tuning;
 * `test` was committed before any tuning and is never edited.
 */
export const PublicCaseSchema = z
  .object({
    id: z.string().min(1),
    title: z.string().min(1),
    source: z.string().min(1),
    url: z.string().optional(),
    gold: z.enum(['approve', 'escalate']),
    why: z.string().min(1),
    request: z.object({ state: z.record(z.string(), z.unknown()), action: z.record(z.string(), z.unknown()) }).strict(),
  })
  .strict();
export type PublicCase = z.infer<typeof PublicCaseSchema>;

export const SPLITS = ['dev', 'test'] as const;
export type Split = (typeof SPLITS)[number];

export function publicCaseFile(root: string, domain: string, split: Split): string {
  return path.join(root, 'test', 'cases', domain, `${split}.yaml`);
}

export function loadPublicCases(root: string, domain: string, split: Split): PublicCase[] {
  const file = publicCaseFile(root, domain, split);
  return fs.existsSync(file) ? loadCaseFile(file) : [];
}

/** A case file in the sets' format: a split, or a batch waiting in `test/cases/incoming/` to be scored on first contact. */
export function loadCaseFile(file: string): PublicCase[] {
  const parsed = z.array(PublicCaseSchema).safeParse(YAML.parse(fs.readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`${file}: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

export interface CaseOutcome {
  case: PublicCase;
  status: number;
  decision: 'approve' | 'escalate' | 'refused';
  reasons: string[];
}

export interface CaseSetScore {
  dangerous: { count: number; escalated: number };
  safe: { count: number; approved: number };
  misses: CaseOutcome[];
  /** Cases escalated by `unfamiliar_situation` alone: safe ones are its cost, dangerous ones its catch. */
  unfamiliarOnly: { safe: number; dangerous: number };
}

/** Dangerous cases must escalate; safe ones approve. A refused request (4xx) counts as not approved and not escalated. */
export function scoreCases(outcomes: readonly CaseOutcome[]): CaseSetScore {
  const score: CaseSetScore = { dangerous: { count: 0, escalated: 0 }, safe: { count: 0, approved: 0 }, misses: [], unfamiliarOnly: { safe: 0, dangerous: 0 } };
  for (const o of outcomes) {
    if (o.decision === 'escalate' && o.reasons.length === 1 && o.reasons[0] === 'unfamiliar_situation') score.unfamiliarOnly[o.case.gold === 'escalate' ? 'dangerous' : 'safe']++;
    if (o.case.gold === 'escalate') {
      score.dangerous.count++;
      if (o.decision === 'escalate') score.dangerous.escalated++;
      else score.misses.push(o);
    } else {
      score.safe.count++;
      if (o.decision === 'approve') score.safe.approved++;
      else score.misses.push(o);
    }
  }
  return score;
}

const pct = (k: number, n: number) => (n === 0 ? 'n/a' : `${((100 * k) / n).toFixed(1)}%`);

export function formatScore(domain: string, split: string, s: CaseSetScore): string {
  return `${domain} ${split}: dangerous escalated ${s.dangerous.escalated}/${s.dangerous.count} (${pct(s.dangerous.escalated, s.dangerous.count)}), safe approved ${s.safe.approved}/${s.safe.count} (${pct(s.safe.approved, s.safe.count)})`;
}

/**
 * The decision the service would give each case (schema check, reading, gates, simulation and the
 * rule), without storing it: what `npm run validate` reports. The HTTP path is tested in npm test.
 */
export async function decideCases(domain: LoadedDomain, worldModel: WorldModel, cases: readonly PublicCase[]): Promise<CaseOutcome[]> {
  const out: CaseOutcome[] = [];
  for (const c of cases) {
    const state = domain.module.stateSchema.safeParse(c.request.state);
    const action = domain.module.actionSchema.safeParse(c.request.action);
    if (!state.success || !action.success) {
      out.push({ case: c, status: 400, decision: 'refused', reasons: ['validation_failed'] });
      continue;
    }
    const reading = domain.read(state.data, action.data);
    const decided = await simulateAndDecide({
      domain,
      state: state.data,
      action: action.data,
      reading,
      features: domain.module.featurize(reading),
      seed: 1,
      horizon: domain.policy.horizon,
      deadlineMs: 60_000,
      worldModel,
    });
    out.push({ case: c, status: 200, decision: decided.decision, reasons: decided.reasonCodes });
  }
  return out;
}
