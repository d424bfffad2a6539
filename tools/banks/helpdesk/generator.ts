import type { TrajectoryRow } from '../../../src/banks/trajectory.js';
import { mixSeed, mulberry32, sampleIndex, type Random } from '../../../src/lib/random.js';
import type { ActionInput } from '../../../src/packs/types.js';
import { classifyOutcome } from './latent-classify.js';
import { featureValues, featurize, type FeatureValues } from './latent-features.js';
import { narrate } from './narrative.js';
import { HELPDESK_OUTCOMES, type HelpdeskOutcome } from '../../../src/packs/helpdesk/outcomes.js';
import { chance, FAMILIES, pick, type Scenario } from './scenarios.js';
import { logitContribution, trueProbabilities } from './true-risk.js';

export { BANK_SEED, BANK_SIZE } from '../../../src/banks/bank-defaults.js';
/** Every fifth row is held out for validation. */
export const HELDOUT_EVERY = 5;

const PRIORITIES = ['low', 'medium', 'high', 'critical'] as const;
const PRIORITY_WEIGHTS = [0.2, 0.45, 0.25, 0.1];

/** How users answer, after the seed article's personas; the frustrated lines are what the featuriser reads as frustration. */
const PERSONA_LINES: Readonly<Record<string, string[]>> = {
  cooperative: ['Thanks, happy to try whatever you suggest.', 'Sure, what should I do next?'],
  confused: ["Sorry, I'm not sure what you mean. Where do I find that?", "I don't really know what that is."],
  frustrated: ["This is the third time I'm asking and it's STILL NOT working!!", 'I already tried that. This is ridiculous, can I talk to a real person?', 'Seriously? I have a deadline in an hour.'],
  terse: ['still broken', 'same error'],
  technical: ['I checked the logs already; the error is consistent.', 'Tried from two networks, same result.'],
};
const PERSONAS = Object.keys(PERSONA_LINES);
const GENERIC_EARLIER = ['Thanks for reaching out. When did this start?', 'Could you tell me the exact error message?', 'Thanks, let me look into that.'];
const EXTRA_INFO: ReadonlyArray<[string, string[]]> = [
  ['department', ['finance', 'engineering', 'sales', 'HR', 'marketing']],
  ['location', ['London', 'remote', 'Berlin', 'Austin']],
  ['error_message', ['Access denied', 'Error 0x80070005', 'Something went wrong', 'Timeout']],
];

const int = (rng: Random, lo: number, hi: number): number => lo + Math.floor(rng() * (hi - lo + 1));

function assembleState(rng: Random, scenario: Scenario, index: number): Record<string, unknown> {
  const turns = int(rng, ...(scenario.turns ?? [0, 4]));
  const frustrated = scenario.frustrated || chance(rng, 0.1 + 0.04 * turns);
  const persona = frustrated ? 'frustrated' : pick(rng, PERSONAS.filter((p) => p !== 'frustrated'));
  const conversation = [{ role: 'user', content: scenario.description }];
  const earlier = scenario.earlier ?? (turns >= 1 ? [pick(rng, GENERIC_EARLIER)] : []);
  for (const message of earlier) conversation.push({ role: 'assistant', content: message });
  if (turns >= 1) conversation.push({ role: 'user', content: pick(rng, PERSONA_LINES[persona]!) });

  const info: Record<string, unknown> = { ...scenario.info };
  for (const [key, values] of EXTRA_INFO) if (chance(rng, 0.3)) info[key] = pick(rng, values);
  // Agents pass along little of what they know: now and then one gathered fact is missing, or all are.
  const keys = Object.keys(info);
  if (keys.length > 0 && chance(rng, 0.15)) delete info[pick(rng, keys)];
  if (chance(rng, 0.12)) for (const key of Object.keys(info)) delete info[key];

  return {
    ticket_id: `INC${String(100000 + ((index * 7919 + int(rng, 0, 7918)) % 900000)).padStart(7, '0')}`,
    category: scenario.category,
    priority: scenario.priority ?? PRIORITIES[sampleIndex(PRIORITY_WEIGHTS, rng)]!,
    description: scenario.description,
    conversation_history: conversation,
    resolution_status: turns === 0 ? 'open' : pick(rng, ['in_progress', 'in_progress', 'awaiting_user']),
    information_gathered: info,
    turns_elapsed: turns,
  };
}

/** The generator's true outcome distribution for a state+action (taxonomy order). */
export function trueOutcomeProbabilities(state: Record<string, unknown>, action: ActionInput): number[] {
  return trueProbabilities(featureValues(featurize(state, action)));
}

/** Incident and adverse probability under the true model, as `classify` counts them. */
export function trueRisk(probabilities: readonly number[], action: ActionInput): { incident: number; adverse: number } {
  let incident = 0;
  let adverse = 0;
  HELPDESK_OUTCOMES.forEach((o, i) => {
    const cls = classifyOutcome(o, action);
    if (cls.incident) incident += probabilities[i]!;
    if (cls.adverse) adverse += probabilities[i]!;
  });
  return { incident: round4(incident), adverse: round4(adverse) };
}

const round4 = (x: number): number => Math.round(x * 1e4) / 1e4;

/** Factor names whose features pushed the realised bad outcome up under the true model. */
function factorsBehind(outcome: HelpdeskOutcome, action: ActionInput, features: ReturnType<typeof featurize>, values: FeatureValues): string[] {
  const def = HELPDESK_OUTCOMES.find((o) => o.name === outcome)!;
  const cls = classifyOutcome(def, action);
  if (!cls.incident && !cls.adverse) return [];
  return features.factors.filter((f) => logitContribution(outcome, values, f.features) > 0.3).map((f) => f.factor);
}

function generateRow(seed: number, index: number): TrajectoryRow {
  // Each row has its own stream, so a bank of n rows is a prefix of a bank of n + 1.
  const rng = mulberry32(mixSeed(seed, index));
  const scenario = FAMILIES[sampleIndex(FAMILIES.map((f) => f.weight), rng)]!.build(rng);
  const state = assembleState(rng, scenario, index);
  const action: ActionInput = { ...scenario.action };
  const features = featurize(state, action);
  const values = featureValues(features);
  const probabilities = trueProbabilities(values);
  const outcome = HELPDESK_OUTCOMES[sampleIndex(probabilities, rng)]!.name as HelpdeskOutcome;
  return {
    id: `helpdesk-${String(index).padStart(5, '0')}`,
    split: index % HELDOUT_EVERY === HELDOUT_EVERY - 1 ? 'heldout' : 'train',
    state,
    action,
    steps: narrate(rng, scenario, outcome, int(rng, 3, 6)),
    final_outcome: outcome,
    risk_factors: factorsBehind(outcome, action, features, values),
    true_risk: trueRisk(probabilities, action),
    synthetic: true,
  };
}

/** A seeded, deterministic synthetic bank: the same seed and count give the same rows. */
export function generateBank(seed: number, count: number): TrajectoryRow[] {
  return Array.from({ length: count }, (_, i) => generateRow(seed, i));
}
