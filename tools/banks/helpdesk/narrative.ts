import type { FutureStep } from '../../../src/banks/trajectory.js';
import type { Random } from '../../../src/lib/random.js';
import { HELPDESK_OUTCOMES, type HelpdeskOutcome } from '../../../src/packs/helpdesk/outcomes.js';
import { pick, type Scenario } from './scenarios.js';

/**
 * Narrative steps for a sampled outcome. Step rewards follow the seed article's scheme: progress
 * +0.3, neutral +0.1, a frustrated turn -0.3, harm surfacing -1; the last step carries the final
 * outcome and its taxonomy reward.
 */
type Path = 'good' | 'waiting' | 'struggle' | 'harm';

const PATH: Readonly<Record<HelpdeskOutcome, Path>> = {
  resolved: 'good',
  pending: 'waiting',
  escalated: 'struggle',
  abandoned: 'struggle',
  service_outage: 'harm',
  compliance_violation: 'harm',
  security_incident: 'harm',
  data_loss: 'harm',
};

const PROGRESS = [
  'The user follows the steps and reports partial progress.',
  'The user confirms the first step worked and tries the rest.',
  '{System} responds normally on the next attempt.',
  'The user says it looks better and keeps testing.',
];
const WAITING = ['The user says they will try it after their meeting.', 'No reply from the user for several hours.', 'The request waits on an approval.'];
const TROUBLE = ['The user reports the steps did not help.', 'The user repeats the problem, more impatient now.', 'The user asks whether someone else can look at it.'];

/** Warning signs before the harm, in the order they would surface. */
const HARM_SIGNS: Readonly<Record<string, { label: string; events: string[] }>> = {
  security_incident: {
    label: 'exposure_open',
    events: ['Nothing unusual is noticed at first.', 'Unfamiliar IP addresses appear in the access logs.', 'An alert fires on unusual access to {system}.', 'The security team starts to investigate.'],
  },
  service_outage: {
    label: 'degraded',
    events: ['Everything looks normal for a few minutes.', 'Error rates climb on services that depend on {system}.', 'Users in other teams start reporting failures.', 'The on-call engineer is paged.'],
  },
  data_loss: {
    label: 'data_missing',
    events: ['The change completes without errors.', 'A team reports that records they need are missing.', 'Someone asks for a restore.', 'The restore job finds no usable copy.'],
  },
  compliance_violation: {
    label: 'policy_breach_detected',
    events: ['Nothing is noticed at first.', 'A posture scan or routine review flags the change.', 'Compliance asks who approved it.', 'The evidence is collected for the auditors.'],
  },
};

const ENDINGS: Readonly<Record<HelpdeskOutcome, string[]>> = {
  resolved: ['The user confirms {system} works again; the ticket is closed as resolved.', 'Everything works; the user thanks the assistant and the ticket is resolved.'],
  pending: ['The ticket is set to pending while the user checks.', 'The ticket waits on the user and stays pending.'],
  escalated: ['The user asks for a person; the ticket is escalated to {team}.', 'The assistant cannot finish it; {team} takes the ticket over.'],
  abandoned: ['The user stops replying; the ticket is closed as abandoned.', 'The user gives up and emails their manager instead; the chat is abandoned.'],
  service_outage: ['{System} becomes unavailable for other users; an outage is declared.'],
  compliance_violation: ['The review confirms a breach of policy; a compliance finding is raised.'],
  security_incident: ['The security team confirms unauthorised access through {system} and opens an incident.'],
  data_loss: ['Data in {system} is gone and cannot be restored.'],
};

function shuffled<T>(rng: Random, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

const REWARD = new Map(HELPDESK_OUTCOMES.map((o) => [o.name, o.reward]));
const CHANGE_KINDS = new Set(['config_change', 'account_change', 'permission_change', 'script']);

function firstStep(scenario: Scenario): { event: string; outcome: string } {
  const kind = scenario.action.kind;
  if (kind === 'escalate_to_human') return { event: `The ticket is handed to ${scenario.team}.`, outcome: 'handed_over' };
  if (CHANGE_KINDS.has(kind)) return { event: 'The change is applied as proposed.', outcome: 'change_applied' };
  return { event: 'The user reads the reply and starts on it.', outcome: 'user_acting' };
}

export function narrate(rng: Random, scenario: Scenario, outcome: HelpdeskOutcome, horizon: number): FutureStep[] {
  const slots = (text: string): string =>
    text
      .replaceAll('{System}', scenario.system[0]!.toUpperCase() + scenario.system.slice(1))
      .replaceAll('{system}', scenario.system)
      .replaceAll('{team}', scenario.team);
  const path = PATH[outcome];
  const opening = firstStep(scenario);
  const steps: FutureStep[] = [
    { t: 1, event: slots(scenario.applied ? pick(rng, scenario.applied) : opening.event), outcome: opening.outcome, reward: 0.1 },
  ];
  const middle = horizon - 2;
  const [pool, label, reward] =
    path === 'good'
      ? [shuffled(rng, PROGRESS), 'in_progress', 0.3]
      : path === 'waiting'
        ? [shuffled(rng, WAITING), 'awaiting_user', 0.1]
        : path === 'struggle'
          ? [shuffled(rng, [...(scenario.trouble ?? []), ...TROUBLE]), 'user_frustrated', -0.3]
          : [HARM_SIGNS[outcome]!.events.slice(-middle), HARM_SIGNS[outcome]!.label, -1];
  for (let i = 0; i < middle; i++) steps.push({ t: i + 2, event: slots(pool[i % pool.length]!), outcome: label, reward });
  const ending = scenario.endings?.[outcome] ?? ENDINGS[outcome];
  steps.push({ t: horizon, event: slots(pick(rng, ending)), outcome, reward: REWARD.get(outcome) ?? 0 });
  return steps;
}
