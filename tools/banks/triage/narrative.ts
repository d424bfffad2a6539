import type { FutureStep } from '../../../src/banks/trajectory.js';
import type { OutcomeDef } from '../../../src/packs/types.js';
import type { Rng } from './generator.js';
import type { Story } from './scenarios.js';

/** What following each disposition looks like, and the label of the state it leads to. */
const FOLLOWED: readonly { label: string; events: readonly string[] }[] = [
  { label: 'at_home', events: ['Caller stays home and follows the self-care advice.', 'Caller follows the home-care advice.'] },
  { label: 'awaiting_clinic', events: ['Caller books a clinic appointment for the next two days.', 'Caller waits for a clinic slot.'] },
  { label: 'at_urgent_care', events: ['Caller goes to urgent care within a few hours.', 'Caller is seen at an urgent care centre the same day.'] },
  { label: 'in_emergency_department', events: ['Caller is driven to the emergency department.', 'Caller arrives at the emergency department.'] },
  { label: 'ambulance_dispatched', events: ['Ambulance dispatched; paramedics arrive within minutes.', 'Caller calls emergency services; paramedics assess on scene.'] },
];

const SETTLING = ['Symptoms ease over the next day.', 'Feels better by the next morning.', 'Symptoms fade over a few days.'];
const RECOVERING = ['Symptoms keep easing.', 'Back to usual activities.'];
const ASSESSED = ['Assessed and examined; tests arranged.', 'Clinician reviews history and examines.', 'Initial assessment and observations taken.'];
const OBSERVED = ['Monitored for a few hours.', 'Waits for results.', 'Observed overnight.'];
const WAITING = ['No change for a few hours.', 'Waits as advised.'];
const ESCALATED = ['Calls back and is sent to the emergency department.', 'Family calls emergency services.', 'Re-presents to the emergency department.'];

const CLAMP = 10;

/** Narrative steps of one trajectory (horizon 3–6); the last step carries the final outcome. */
export function narrate(rng: Rng, story: Story, outcome: OutcomeDef, level: number, adverse: boolean): FutureStep[] {
  const followed = FOLLOWED[level];
  const horizon = rng.int(3, 6);
  const middle: Omit<FutureStep, 't'>[] = [];
  const pad = (slots: number, events: readonly string[], label: string): void => {
    for (let i = 0; i < slots; i++) middle.push({ event: rng.pick(events), outcome: label, reward: 0 });
  };
  if (outcome.severity === 0) {
    middle.push({ event: rng.pick(SETTLING), outcome: 'improving', reward: 0.3 });
    pad(horizon - 3, RECOVERING, 'improving');
  } else if (adverse) {
    // The wait comes first: under-triage costs time before anyone sees the deterioration.
    pad(Math.max(0, horizon - 4), WAITING, 'waiting');
    middle.push({ event: `${rng.pick(story.worse)}.`, outcome: 'deteriorating', reward: -0.5 });
    middle.push({ event: rng.pick(ESCALATED), outcome: 'escalated_care', reward: -0.3 });
  } else {
    middle.push({ event: rng.pick(ASSESSED), outcome: 'assessed', reward: 0 });
    pad(horizon - 3, OBSERVED, 'under_observation');
  }
  const reward = Math.max(-CLAMP, Math.min(CLAMP, outcome.reward - (adverse ? 1 : 0)));
  const steps: Omit<FutureStep, 't'>[] = [
    { event: rng.pick(followed.events), outcome: followed.label, reward: 0 },
    ...middle,
    { event: story.found[outcome.severity], outcome: outcome.name, reward },
  ];
  return steps.map((s, i) => ({ t: i + 1, ...s }));
}
