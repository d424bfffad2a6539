import type { ActionReading } from '../reading/reading.js';
import type { Classified, OutcomeDef } from '../types.js';

/** Dispositions in increasing order of care; the index is the care level a disposition gives. */
export const DISPOSITIONS = ['home_care', 'clinic_48h', 'urgent_care_today', 'emergency_department', 'call_emergency_services'] as const;
export type Disposition = (typeof DISPOSITIONS)[number];

export function isDisposition(value: unknown): value is Disposition {
  return typeof value === 'string' && (DISPOSITIONS as readonly string[]).includes(value);
}

export function dispositionLevel(disposition: unknown): number {
  const level = DISPOSITIONS.indexOf(disposition as Disposition);
  // An unknown disposition cannot pass the action schema; if one slips through, assume the least care so nothing is under-counted.
  return level < 0 ? 0 : level;
}

/**
 * The taxonomy of `domains/triage/pack.yaml`, in severity order. The bank generator needs it without
 * reading files, and a test keeps the two identical. `incident`/`adverse` are false because in triage
 * both depend on the disposition: see `classifyTriage`.
 */
export const TRIAGE_OUTCOMES: readonly OutcomeDef[] = [
  { name: 'self_resolved', description: 'Settled with self-care at home; no clinician was needed.', severity: 0, incident: false, adverse: false, reward: 1, care_level: 0 },
  { name: 'clinic_visit', description: 'Needed an outpatient clinician (primary care or urgent care) and recovered without emergency care.', severity: 1, incident: false, adverse: false, reward: 0.5, care_level: 1 },
  { name: 'ed_required', description: 'Needed emergency department assessment or treatment, then went home.', severity: 2, incident: false, adverse: false, reward: -0.5, care_level: 3 },
  { name: 'admission', description: 'Admitted to a hospital ward.', severity: 3, incident: false, adverse: false, reward: -1, care_level: 3 },
  { name: 'icu', description: 'Needed intensive care or an emergency procedure (resuscitation, cath lab, intubation, surgery).', severity: 4, incident: false, adverse: false, reward: -3, care_level: 4 },
  { name: 'death', description: 'Died.', severity: 5, incident: false, adverse: false, reward: -5, care_level: 4 },
];

export type TriageOutcome = 'self_resolved' | 'clinic_visit' | 'ed_required' | 'admission' | 'icu' | 'death';

/** Harm counts as an incident from admission upwards: below that, under-triage cost time, not health. */
const INCIDENT_SEVERITY = 3;

/** Under-triage is adverse (the outcome needed more care than the disposition gave); over-triage never is. */
export function classifyByDisposition(outcome: OutcomeDef, disposition: unknown): Classified {
  const given = dispositionLevel(disposition);
  const needed = outcome.care_level ?? 0;
  const adverse = needed > given;
  return { adverse, incident: adverse && outcome.severity >= INCIDENT_SEVERITY };
}

/** The module's `classify`: the disposition comes from the classified action, never from the raw request. */
export function classifyTriage(outcome: OutcomeDef, action: ActionReading): Classified {
  return classifyByDisposition(outcome, action.disposition);
}
