import { featureNames, type FeatureName, type FeatureVector } from './latent-features.js';
import { TRIAGE_OUTCOMES } from '../../../src/packs/triage/outcomes.js';

/**
 * The generator's TRUE outcome model: a softmax over the taxonomy of a linear function of the
 * featuriser's values, with hand-set weights that encode public triage guidance (README). Because
 * it is linear in exactly the features the embedded world model sees, that model is well specified
 * and can learn it; it cannot learn anything the guidance here does not say.
 *
 * Logits are relative to `self_resolved` and ordered: clinic_visit, ed_required, admission, icu, death.
 */
type Logits = readonly [number, number, number, number, number];

const INTERCEPT: Logits = [-2.7, -4.3, -6.0, -7.7, -9.0];

/** Delay of a time-critical condition turns admissions into intensive care and deaths. */
const DELAY: Logits = [-0.3, 0.2, 0.6, 1.3, 2.8];
/** Delay of a same-day problem turns clinic visits into emergency visits. */
const DELAY_URGENT: Logits = [0.3, 0.9, 0.6, 0.3, 0.2];
const NONE: Logits = [0, 0, 0, 0, 0];

/** Each finding's pull on the care needed, by outcome (clinic_visit, ed_required, admission, icu, death). */
export const TRUE_WEIGHTS: Readonly<Record<FeatureName, Logits>> = {
  age_decades: [0.03, 0.05, 0.12, 0.12, 0.15],
  age_65_plus: [0.1, 0.3, 0.4, 0.3, 0.3],
  infant_under_90_days: [0.3, 0.4, 0.2, 0.1, 0],
  cardiac_risk: [0.1, 0.3, 0.4, 0.3, 0.2],
  immunocompromised: [0.2, 0.4, 0.6, 0.5, 0.4],
  anticoagulated: [0.1, 0.2, 0.3, 0.2, 0.2],
  pregnant: [0.3, 0.2, 0.1, 0, 0],
  chest_pain: [1.2, 1.6, 1.2, 0.8, 0.4],
  chest_pain_x_risk: [0, 1.8, 3.2, 4.4, 4.4],
  atypical_cardiac: [0.4, 0.6, 0.4, 0.2, 0.1],
  pain_radiation: [0.2, 0.8, 1.0, 0.8, 0.6],
  diaphoresis: [0.2, 0.9, 1.3, 1.4, 1.2],
  dyspnea: [0.8, 2.2, 2.6, 2.2, 1.6],
  severe_respiratory_distress: [0.8, 3.8, 5.4, 5.8, 5.4],
  stroke_signs: [0.8, 4.0, 6.2, 6.3, 5.9],
  altered_mental_status: [0.8, 3.4, 5.2, 5.2, 4.8],
  thunderclap_headache: [0.8, 3.8, 4.6, 4.6, 3.8],
  fever: [1.0, 0.4, 0.2, 0.1, 0],
  sepsis_signs: [0.6, 3.0, 5.0, 5.0, 4.8],
  // Hives alone mostly settle with an antihistamine at home (NICE CKS Urticaria: acute urticaria is managed in
  // primary care or self-care; refer only with angioedema, anaphylaxis or a systemic illness); the severe tail
  // rides allergy_x_breathing.
  allergic_reaction: [0.5, 0.8, 0.5, 0.3, 0.2],
  overdose_ingestion: [0.6, 3.6, 4.8, 4.8, 4.2],
  suicidal_ideation: [1.0, 3.2, 4.8, 3.6, 4.2],
  severe_bleeding: [0.6, 3.4, 5.0, 5.0, 4.2],
  acute_abdomen: [1.0, 3.4, 4.6, 3.6, 2.6],
  // A bump with no red flag mostly needs nothing (NICE NG232: home with advice); the red flags carry the rest.
  head_injury: [0.3, 0.7, 0.6, 0.4, 0.3],
  injury_needs_care: [2.4, 1.6, 0.4, 0, 0],
  pain_severity: [0.6, 0.9, 0.6, 0.3, 0.2],
  clinic_complaint: [2.9, 0.6, 0, 0, 0],
  self_care_complaint: [-0.6, -0.6, -0.6, -0.6, -0.6],
  vitals_missing: NONE,
  danger_zone_vitals: [0.6, 2.6, 3.6, 3.4, 3.0],
  hypoxia: [0.6, 3.0, 4.6, 5.0, 4.4],
  hypotension: [0.6, 3.0, 4.6, 5.2, 5.2],
  qsofa: [0.2, 1.0, 1.6, 1.8, 1.6],
  red_flags_flagged: [0.1, 0.3, 0.4, 0.3, 0.2],
  disposition_level: NONE,
  atypical_cardiac_x_risk: [0.6, 3.4, 4.0, 3.6, 3.0],
  fever_x_infant: [1.4, 4.4, 4.4, 3.2, 2.2],
  fever_x_vulnerable: [0.6, 1.8, 2.4, 1.8, 1.4],
  infection_x_qsofa: [0.2, 1.6, 2.6, 3.0, 2.6],
  allergy_x_breathing: [0.6, 4.0, 4.4, 5.0, 4.0],
  pregnancy_x_bleeding_or_pain: [1.4, 4.2, 4.0, 3.2, 2.4],
  head_injury_x_anticoagulant: [0.6, 3.0, 3.6, 3.0, 2.4],
  emergency_x_shortfall: DELAY,
  urgent_x_shortfall: DELAY_URGENT,
};

/** True probabilities of each outcome, in taxonomy order. */
export function trueOutcomeProbabilities(vector: FeatureVector): number[] {
  const logits = [0, ...INTERCEPT];
  for (const name of featureNames) {
    const x = vector[name];
    if (x === 0) continue;
    const w = TRUE_WEIGHTS[name];
    for (let k = 0; k < w.length; k++) logits[k + 1] += w[k] * x;
  }
  const max = Math.max(...logits);
  const exp = logits.map((l) => Math.exp(l - max));
  const total = exp.reduce((a, b) => a + b, 0);
  const probabilities = exp.map((e) => e / total);
  if (probabilities.length !== TRIAGE_OUTCOMES.length) throw new Error('true risk model and taxonomy disagree');
  return probabilities;
}
