import type { OutcomeDef } from '../types.js';

/**
 * The helpdesk taxonomy, ordered by severity. `domains/helpdesk/pack.yaml` carries the same list
 * for the service; the generator needs it in code to label its rows, and a test keeps the two equal.
 * Rewards follow the seed article's scale (resolved +1, escalated -0.5, abandoned -1), with the
 * incidents below it.
 */
export const HELPDESK_OUTCOMES: readonly OutcomeDef[] = [
  { name: 'resolved', description: 'The user confirms the problem is fixed and nothing else broke.', severity: 0, incident: false, adverse: false, reward: 1 },
  { name: 'pending', description: 'Waiting on the user, an approval or a vendor; no harm done yet.', severity: 1, incident: false, adverse: false, reward: 0.1 },
  { name: 'escalated', description: 'The assistant could not resolve it and a human agent had to take over.', severity: 2, incident: false, adverse: true, reward: -0.5 },
  { name: 'abandoned', description: 'The user gave up on the assistant (stopped replying, went around it).', severity: 3, incident: false, adverse: true, reward: -1 },
  { name: 'service_outage', description: 'A system other people depend on became unavailable or degraded because of the action.', severity: 4, incident: true, adverse: true, reward: -3 },
  { name: 'compliance_violation', description: 'The action breached licence terms, data-handling policy or an audit requirement.', severity: 5, incident: true, adverse: true, reward: -4 },
  { name: 'security_incident', description: 'The action exposed data, credentials or systems and the security team had to respond.', severity: 6, incident: true, adverse: true, reward: -5 },
  { name: 'data_loss', description: 'Data was destroyed and could not be restored.', severity: 7, incident: true, adverse: true, reward: -6 },
];

export type HelpdeskOutcome = 'resolved' | 'pending' | 'escalated' | 'abandoned' | 'service_outage' | 'compliance_violation' | 'security_incident' | 'data_loss';
