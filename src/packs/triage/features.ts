import { factAt, type Reading } from '../reading/reading.js';
import type { ActiveFactor, Features } from '../types.js';
import { DISPOSITIONS, dispositionLevel } from './outcomes.js';

/**
 * The triage featuriser over the reading: the same feature names the embedded model has always
 * learned (the bank is read through the normaliser at start-up, so the model learns these values),
 * computed from `reading.facts` and `reading.action` only. An unknown fact contributes the neutral
 * value (no finding; an age of 40 for the age-scaled weights), never a reassuring one: the risk of
 * what is unknown is carried by `missing_information`, not by the model.
 */

export const featureNames = [
  // who is calling
  'age_decades', 'age_65_plus', 'infant_under_90_days', 'cardiac_risk', 'immunocompromised', 'anticoagulated', 'pregnant',
  // what they describe
  'chest_pain', 'chest_pain_x_risk', 'atypical_cardiac', 'pain_radiation', 'diaphoresis', 'dyspnea', 'severe_respiratory_distress',
  'stroke_signs', 'altered_mental_status', 'thunderclap_headache', 'fever', 'sepsis_signs', 'allergic_reaction', 'overdose_ingestion',
  'suicidal_ideation', 'severe_bleeding', 'acute_abdomen', 'head_injury', 'injury_needs_care', 'pain_severity', 'clinic_complaint', 'self_care_complaint',
  // what was measured
  'vitals_missing', 'danger_zone_vitals', 'hypoxia', 'hypotension', 'qsofa',
  // what the agent saw and chose
  'red_flags_flagged', 'disposition_level',
  // combinations where the risk lives
  'atypical_cardiac_x_risk', 'fever_x_infant', 'fever_x_vulnerable', 'infection_x_qsofa', 'allergy_x_breathing', 'pregnancy_x_bleeding_or_pain',
  'head_injury_x_anticoagulant', 'emergency_x_shortfall', 'urgent_x_shortfall',
] as const;
export type FeatureName = (typeof featureNames)[number];
export type FeatureVector = Record<FeatureName, number>;

/** The age the age-scaled weights use when the age is unknown (the middle of the adult range). */
const NEUTRAL_AGE = 40;

const clamp = (value: number, lo = 0, hi = 1) => Math.min(hi, Math.max(lo, value));
const round = (value: number) => Math.round(value * 1000) / 1000;

export interface TriageView {
  age?: number;
  ageOr: number;
  female: boolean;
  male: boolean;
  level: number;
  disposition: string;
  /** 1 when a symptom is affirmed, else 0. */
  s(name: string): number;
  /** A condition is known to be present. */
  c(name: string): boolean;
  n(name: string): number | undefined;
}

export function viewOf(reading: Reading): TriageView {
  const f = reading.facts;
  const num = (name: string) => {
    const v = factAt(f, name);
    return typeof v === 'number' ? v : undefined;
  };
  const age = num('age_years');
  const disposition = reading.action.disposition ?? '';
  return {
    age,
    ageOr: age ?? NEUTRAL_AGE,
    female: f.sex === 'female',
    male: f.sex === 'male',
    level: dispositionLevel(disposition),
    disposition,
    s: (name) => (factAt(f, `symptoms.${name}`) === true ? 1 : 0),
    c: (name) => factAt(f, `conditions.${name}`) === true,
    n: num,
  };
}

/** ESI danger-zone heart and breathing rates by age (ESI Implementation Handbook v4, ch. 6). */
export function dangerLimits(ageYears: number): { hr: number; rr: number } {
  if (ageYears < 0.25) return { hr: 180, rr: 50 };
  if (ageYears < 3) return { hr: 160, rr: 40 };
  if (ageYears < 8) return { hr: 140, rr: 30 };
  return { hr: 100, rr: 20 };
}

function painSeverity(reading: Reading, v: TriageView): number {
  const score = v.n('pain_score');
  const words = reading.facts.severity;
  const fromWords = v.s('thunderclap_headache') > 0 ? 1 : words === 'severe' ? 0.8 : words === 'moderate' ? 0.5 : words === 'mild' ? 0.25 : 0;
  return Math.max(score !== undefined ? clamp(score / 10) : 0, fromWords);
}

/** Hand-set weights of how time-critical a presentation is (0–2.5); it scales the harm of a low disposition. */
function emergencyBurden(x: FeatureVector, cardiac: number): number {
  return clamp(
    1.6 * cardiac + 1.5 * x.stroke_signs + 1.4 * x.severe_respiratory_distress + 0.5 * x.dyspnea + 1.2 * x.altered_mental_status +
      1.2 * x.thunderclap_headache + 1.0 * x.sepsis_signs + 1.0 * x.infection_x_qsofa + 1.3 * x.fever_x_infant + 0.5 * x.fever_x_vulnerable +
      1.4 * x.allergy_x_breathing + 1.1 * x.overdose_ingestion + 1.1 * x.suicidal_ideation + 1.2 * x.pregnancy_x_bleeding_or_pain +
      1.1 * x.severe_bleeding + 0.6 * x.acute_abdomen + 0.8 * x.head_injury_x_anticoagulant + 0.8 * x.danger_zone_vitals + 1.0 * x.hypoxia + 1.0 * x.hypotension,
    0,
    2.5,
  );
}

/** Presentations that need a clinician today (0–2); harmed by home care or a 48-hour wait. */
function urgentBurden(x: FeatureVector): number {
  return clamp(
    0.5 * x.fever + 0.4 * x.pain_severity + 0.7 * x.injury_needs_care + 0.5 * x.clinic_complaint + 0.3 * x.head_injury + 0.6 * x.acute_abdomen + 0.3 * x.dyspnea + 0.3 * x.danger_zone_vitals,
    0,
    2,
  );
}

function cardiacPicture(x: FeatureVector): number {
  const anyCardiacPain = x.chest_pain > 0 || x.atypical_cardiac > 0 ? 1 : 0;
  return clamp(0.15 * x.chest_pain + 0.35 * x.chest_pain_x_risk + 0.2 * x.pain_radiation * anyCardiacPain + 0.2 * x.diaphoresis * anyCardiacPain + 0.1 * x.dyspnea * anyCardiacPain + 0.6 * x.atypical_cardiac_x_risk);
}

export interface TriageFeatures extends Features {
  vector: FeatureVector;
  emergency: number;
  urgent: number;
}

export function featurizeReading(reading: Reading): TriageFeatures {
  const v = viewOf(reading);
  const { s, c, n, ageOr } = v;
  const riskPoints =
    (c('diabetes') ? 1 : 0) + (c('heart_disease') ? 1 : 0) + 0.5 * (n('conditions.cardiac_risk_factors') ?? 0) + (ageOr >= 65 ? 1 : 0) +
    ((v.male && ageOr >= 45) || (v.female && ageOr >= 55) ? 0.5 : 0);
  const cardiacRisk = clamp(riskPoints / 2);
  const pregnant = reading.facts.pregnant === true ? 1 : 0;
  const chest = s('chest_pain');
  const locations = s('jaw_pain') + s('arm_pain') + s('epigastric_pain') + Math.max(s('neck_pain'), s('upper_back_pain'));
  const companions = Math.max(s('fatigue'), s('nausea'));
  const atypical = clamp((locations + (locations > 0 || chest > 0 ? companions : 0)) / 3);
  const stroke = clamp((s('stroke_face') + s('stroke_arm') + s('stroke_speech') + s('vision_loss') + s('balance_loss') + s('stroke_named')) / 2);
  const ams = Math.max(s('confusion'), s('drowsy'), s('unconscious'), s('seizure'), s('fainted'));
  const hr = n('vitals.heart_rate');
  const rr = n('vitals.respiratory_rate');
  // A saturation at or above the value expected at the altitude the patient is at is not hypoxia there (altitude.ts).
  const spo2Raw = n('vitals.spo2');
  const spo2 = spo2Raw !== undefined && reading.facts.spo2_expected_for_altitude === true ? Math.max(spo2Raw, 92) : spo2Raw;
  const sbp = n('vitals.systolic_bp');
  const tempC = n('vitals.temperature_c');
  const gcs = n('vitals.gcs');
  const fever = s('fever') > 0 || s('rigors') > 0 || (tempC !== undefined && tempC >= 38) ? 1 : 0;
  const hypothermicInfant = tempC !== undefined && tempC < 36 && ageOr < 0.25;
  const sepsisText = Math.max(s('mottled_skin'), s('rigors'), s('non_blanching_rash'), s('reduced_urine'), s('sepsis_named'));
  const limits = dangerLimits(ageOr);
  const dangerCount = (hr !== undefined && (hr > limits.hr || (hr < 50 && ageOr >= 8)) ? 1 : 0) + (rr !== undefined && rr > limits.rr ? 1 : 0) + (spo2 !== undefined && spo2 < 92 ? 1 : 0);
  const hypotensionLimit = ageOr >= 10 ? 90 : 70 + 2 * Math.max(0, ageOr);
  const amsOrGcs = Math.max(ams, gcs !== undefined && gcs < 15 ? 1 : 0);
  const qsofa = ((rr !== undefined && rr >= 22 && ageOr >= 12 ? 1 : 0) + (sbp !== undefined && sbp <= 100 && ageOr >= 12 ? 1 : 0) + amsOrGcs) / 3;
  const allergy = Math.max(s('allergen_exposure'), s('anaphylaxis_named'), s('hives'));
  // A hoarse voice is an airway sign only in an allergic reaction; on its own it is a cold or laryngitis.
  const severeResp = Math.max(s('severe_breathing'), s('stridor'), s('throat_swelling'), s('hoarse_voice') * allergy);
  const dyspnea = s('dyspnea');
  const pregnancyTrouble = pregnant ? Math.max(s('vaginal_bleeding'), s('abdominal_pain'), s('one_sided_pain'), s('shoulder_tip_pain')) : 0;
  const headInjury = s('head_injury');
  const infant = ageOr < 0.25 ? 1 : 0;
  const vulnerable = c('immunocompromised') || ageOr >= 65 ? 1 : 0;
  const hypotension = sbp !== undefined && sbp < hypotensionLimit ? clamp(0.4 + (hypotensionLimit - sbp) / 40) : 0;
  const painScore = painSeverity(reading, v);
  const vitalsKnown = [hr, rr, spo2, sbp, tempC].some((x) => x !== undefined);
  const flags = n('red_flags_raised') ?? 0;
  const acuteAbdomen = Math.max(s('severe_abdominal_pain'), s('abdominal_pain') > 0 && (reading.facts.severity === 'severe' || (n('pain_score') ?? 0) >= 7) ? 1 : 0);

  const partial = {
    age_decades: round(clamp(ageOr / 10, 0, 10)),
    age_65_plus: ageOr >= 65 ? 1 : 0,
    infant_under_90_days: infant,
    cardiac_risk: round(cardiacRisk),
    immunocompromised: c('immunocompromised') ? 1 : 0,
    anticoagulated: c('anticoagulated') ? 1 : 0,
    pregnant,
    chest_pain: chest,
    chest_pain_x_risk: round(chest * clamp(cardiacRisk + (ageOr >= 35 ? 0.5 : 0))),
    atypical_cardiac: round(atypical),
    pain_radiation: s('cardiac_radiation'),
    diaphoresis: s('sweating'),
    dyspnea,
    severe_respiratory_distress: severeResp,
    stroke_signs: round(stroke),
    altered_mental_status: ams,
    thunderclap_headache: Math.max(s('thunderclap_headache'), s('headache') * Math.max(s('sudden_onset'), s('neck_stiffness'))),
    fever,
    sepsis_signs: sepsisText > 0 || hypothermicInfant ? 1 : 0,
    allergic_reaction: allergy,
    overdose_ingestion: Math.max(s('overdose'), s('poisoning')),
    suicidal_ideation: Math.max(s('suicidal'), s('self_harm')),
    severe_bleeding: Math.max(s('vomiting_blood'), s('black_stool'), s('uncontrolled_bleeding')),
    acute_abdomen: acuteAbdomen,
    head_injury: headInjury,
    injury_needs_care: s('injury_needs_care'),
    pain_severity: round(painScore),
    // Tummy pain that comes with a named self-care complaint (a tummy bug, constipation, period pain) is that complaint.
    clinic_complaint: Math.max(s('clinic_complaint'), s('abdominal_pain') * (1 - s('epigastric_pain')) * (1 - s('self_care_complaint'))),
    self_care_complaint: s('self_care_complaint'),
    vitals_missing: vitalsKnown ? 0 : 1,
    danger_zone_vitals: round(dangerCount / 3),
    hypoxia: spo2 !== undefined && spo2 < 92 ? round(clamp(0.3 + (91 - spo2) / 10)) : 0,
    hypotension: round(hypotension),
    qsofa: round(qsofa),
    red_flags_flagged: round(clamp(flags / 3)),
    disposition_level: v.level / (DISPOSITIONS.length - 1),
    atypical_cardiac_x_risk: round(atypical * clamp(cardiacRisk + (v.female && ageOr >= 40 ? 0.25 : 0))),
    fever_x_infant: fever * infant,
    fever_x_vulnerable: fever * vulnerable,
    infection_x_qsofa: round(Math.max(fever, s('infection'), sepsisText) * qsofa),
    allergy_x_breathing: allergy * Math.max(severeResp, dyspnea, hypotension > 0 ? 1 : 0, ams),
    pregnancy_x_bleeding_or_pain: pregnancyTrouble,
    head_injury_x_anticoagulant: headInjury * (c('anticoagulated') ? 1 : 0),
    emergency_x_shortfall: 0,
    urgent_x_shortfall: 0,
  } satisfies FeatureVector;
  const cardiac = cardiacPicture(partial);
  const emergency = emergencyBurden(partial, cardiac);
  const urgent = urgentBurden(partial);
  const vector: FeatureVector = {
    ...partial,
    emergency_x_shortfall: round(emergency * ((DISPOSITIONS.length - 1 - v.level) / (DISPOSITIONS.length - 1))),
    urgent_x_shortfall: round(urgent * (Math.max(0, 2 - v.level) / 2)),
  };
  return { values: featureNames.map((name) => vector[name]), factors: factorsOf(reading, v, vector, emergency), text: reading.text, vector, emergency, urgent };
}

export function featurize(reading: Reading): Features {
  const { values, factors, text } = featurizeReading(reading);
  return { values, factors, text };
}

// ------------------------------------------------------------------------------ named factors

function describeAge(age: number | undefined): string {
  if (age === undefined) return 'age not given';
  if (age < 2 / 12) return `${Math.max(0, Math.round(age * 52))}-week-old`;
  if (age < 2) return `${Math.round(age * 12)}-month-old`;
  return `${Math.round(age)}-year-old`;
}

export function who(reading: Reading): string {
  const v = viewOf(reading);
  const sex = v.female ? 'woman' : v.male ? 'man' : 'caller';
  const conditions = ['diabetes', 'heart_disease', 'immunocompromised', 'anticoagulated', 'asthma'].filter((k) => v.c(k)).map((k) => k.replace('_', ' '));
  return `${describeAge(v.age)} ${sex}${conditions.length > 0 ? ` with ${conditions.join(', ')}` : ''}`;
}

/** The evidence for a symptom, from the reading's provenance ("state.chief_complaint: \"chest pain\""). */
function evidence(reading: Reading, names: string[]): string {
  return names
    .filter((name) => factAt(reading.facts, `symptoms.${name}`) === true)
    .map((name) => reading.provenance[`symptoms.${name}`] ?? name)
    .slice(0, 4)
    .join('; ');
}

interface FactorSpec {
  id: string;
  factor: string;
  when: (x: FeatureVector) => boolean;
  symptoms: string[];
  features: FeatureName[];
  recommendation: string;
}

const FACTORS: readonly FactorSpec[] = [
  { id: 'possible_acs', factor: 'possible heart attack (chest pain pattern)', when: (x) => x.chest_pain > 0 && x.chest_pain_x_risk >= 0.5, symptoms: ['chest_pain', 'cardiac_radiation', 'sweating', 'dyspnea', 'nausea'], features: ['chest_pain', 'chest_pain_x_risk', 'pain_radiation', 'diaphoresis'], recommendation: 'Advise calling emergency services now (do not drive); an ECG is needed within 10 minutes of arrival' },
  { id: 'atypical_acs', factor: 'possible heart attack with atypical symptoms', when: (x) => x.chest_pain === 0 && x.atypical_cardiac_x_risk >= 0.15, symptoms: ['jaw_pain', 'arm_pain', 'epigastric_pain', 'neck_pain', 'upper_back_pain', 'fatigue', 'nausea'], features: ['atypical_cardiac', 'atypical_cardiac_x_risk'], recommendation: 'Treat as possible acute coronary syndrome: emergency assessment with ECG' },
  { id: 'stroke_signs', factor: 'possible stroke (BE-FAST signs)', when: (x) => x.stroke_signs > 0, symptoms: ['stroke_face', 'stroke_arm', 'stroke_speech', 'vision_loss', 'balance_loss', 'stroke_named'], features: ['stroke_signs'], recommendation: 'Call emergency services now and note the time last known well' },
  { id: 'anaphylaxis', factor: 'possible anaphylaxis', when: (x) => x.allergy_x_breathing > 0, symptoms: ['allergen_exposure', 'throat_swelling', 'dyspnea', 'hives'], features: ['allergy_x_breathing', 'allergic_reaction'], recommendation: 'Call emergency services; use an adrenaline auto-injector if available' },
  { id: 'respiratory_distress', factor: 'severe breathing difficulty or airway threat', when: (x) => x.allergy_x_breathing === 0 && (x.severe_respiratory_distress > 0 || x.hypoxia > 0), symptoms: ['severe_breathing', 'stridor', 'throat_swelling', 'dyspnea'], features: ['severe_respiratory_distress', 'hypoxia'], recommendation: 'Call emergency services; keep the caller upright and on the line' },
  { id: 'altered_mental_status', factor: 'altered mental status, fainting or seizure', when: (x) => x.altered_mental_status > 0, symptoms: ['confusion', 'drowsy', 'unconscious', 'seizure', 'fainted'], features: ['altered_mental_status', 'qsofa'], recommendation: 'Emergency assessment; check glucose and ask about head injury, drugs and fever' },
  { id: 'thunderclap_headache', factor: 'sudden severe (thunderclap) headache', when: (x) => x.thunderclap_headache > 0, symptoms: ['thunderclap_headache', 'headache', 'sudden_onset', 'neck_stiffness'], features: ['thunderclap_headache'], recommendation: 'Emergency department now: sudden severe headache needs urgent imaging' },
  { id: 'infant_fever', factor: 'fever in an infant under 3 months', when: (x) => x.fever_x_infant > 0, symptoms: ['fever'], features: ['fever_x_infant', 'infant_under_90_days'], recommendation: 'Same-hour medical evaluation (emergency department)' },
  { id: 'possible_sepsis', factor: 'possible sepsis', when: (x) => x.sepsis_signs > 0 || x.infection_x_qsofa >= 0.6, symptoms: ['fever', 'rigors', 'mottled_skin', 'non_blanching_rash', 'reduced_urine', 'confusion'], features: ['sepsis_signs', 'infection_x_qsofa', 'qsofa'], recommendation: 'Emergency assessment: sepsis needs antibiotics within the hour' },
  { id: 'fever_vulnerable', factor: 'fever in an immunocompromised or older patient', when: (x) => x.fever_x_vulnerable > 0 && x.sepsis_signs === 0, symptoms: ['fever'], features: ['fever_x_vulnerable', 'immunocompromised'], recommendation: 'Same-day assessment; emergency department if confused or breathless' },
  { id: 'overdose', factor: 'overdose or poisoning', when: (x) => x.overdose_ingestion > 0, symptoms: ['overdose', 'poisoning'], features: ['overdose_ingestion'], recommendation: 'Emergency department or poison control now; ask what, how much and when' },
  { id: 'suicidal_ideation', factor: 'suicidal thoughts or self-harm', when: (x) => x.suicidal_ideation > 0, symptoms: ['suicidal', 'self_harm', 'suicide_plan'], features: ['suicidal_ideation'], recommendation: 'Stay on the line; assess plan and means; connect to emergency services or 988' },
  { id: 'pregnancy_bleeding', factor: 'bleeding or pain in pregnancy', when: (x) => x.pregnancy_x_bleeding_or_pain > 0, symptoms: ['vaginal_bleeding', 'one_sided_pain', 'shoulder_tip_pain', 'abdominal_pain'], features: ['pregnancy_x_bleeding_or_pain', 'pregnant'], recommendation: 'Emergency assessment to exclude ectopic pregnancy or placental bleeding' },
  { id: 'severe_bleeding', factor: 'severe or internal bleeding', when: (x) => x.severe_bleeding > 0, symptoms: ['vomiting_blood', 'black_stool', 'uncontrolled_bleeding'], features: ['severe_bleeding', 'anticoagulated'], recommendation: 'Emergency services for uncontrolled or internal bleeding' },
  { id: 'acute_abdomen', factor: 'severe or localised abdominal pain', when: (x) => x.acute_abdomen > 0, symptoms: ['severe_abdominal_pain', 'abdominal_pain'], features: ['acute_abdomen', 'pain_severity'], recommendation: 'Emergency department assessment for a surgical cause' },
  { id: 'head_injury_anticoagulant', factor: 'head injury on blood thinners', when: (x) => x.head_injury_x_anticoagulant > 0, symptoms: ['head_injury'], features: ['head_injury_x_anticoagulant', 'anticoagulated'], recommendation: 'Emergency department for a CT scan' },
  { id: 'danger_zone_vitals', factor: 'danger-zone vital signs', when: (x) => x.danger_zone_vitals > 0 || x.hypoxia > 0 || x.hypotension > 0, symptoms: [], features: ['danger_zone_vitals', 'hypoxia', 'hypotension'], recommendation: 'Vital signs in the ESI danger zone call for emergency-level care' },
];

function vitalsDetail(reading: Reading): string {
  const v = viewOf(reading);
  const parts = [
    ['vitals.heart_rate', 'HR'], ['vitals.respiratory_rate', 'RR'], ['vitals.spo2', 'SpO2'], ['vitals.systolic_bp', 'SBP'], ['vitals.temperature_c', 'T °C'], ['vitals.gcs', 'GCS'],
  ].flatMap(([k, label]) => (v.n(k) !== undefined ? [`${label} ${v.n(k)}`] : []));
  return parts.join(', ');
}

function factorsOf(reading: Reading, v: TriageView, x: FeatureVector, emergency: number): ActiveFactor[] {
  const shortfall: FeatureName[] = x.emergency_x_shortfall > 0 && v.level <= 2 ? ['emergency_x_shortfall'] : [];
  const factors: ActiveFactor[] = [];
  for (const spec of FACTORS) {
    if (!spec.when(x)) continue;
    const detail = spec.id === 'danger_zone_vitals' ? vitalsDetail(reading) : `${who(reading)}: ${evidence(reading, spec.symptoms) || spec.factor}`;
    factors.push({ id: spec.id, factor: spec.factor, detail, features: [...spec.features, ...shortfall], recommendation: spec.recommendation });
  }
  if (emergency >= 1 && v.level <= 2) {
    factors.push({ id: 'low_acuity_disposition', factor: 'low-acuity disposition for a time-critical presentation', detail: `${v.disposition} for a presentation that needs emergency assessment`, features: ['emergency_x_shortfall', 'disposition_level'], recommendation: 'Escalate the disposition to emergency services or the emergency department' });
  } else if (emergency >= 1.5 && v.level === 3) {
    factors.push({ id: 'self_transport', factor: 'own transport for a presentation that may need an ambulance', detail: 'emergency_department (own transport) with signs that can deteriorate on the way', features: ['emergency_x_shortfall'], recommendation: 'Consider calling emergency services instead of travelling by car' });
  }
  if (v.level === 0 && (x.injury_needs_care > 0 || x.clinic_complaint > 0)) {
    factors.push({ id: 'needs_clinician', factor: 'complaint that usually needs a clinician', detail: `home_care for ${evidence(reading, ['injury_needs_care', 'clinic_complaint']) || 'this complaint'}`, features: ['urgent_x_shortfall', 'injury_needs_care', 'clinic_complaint'], recommendation: 'Offer a clinic or urgent-care appointment' });
  }
  return factors;
}

const SERIOUS = new Set(FACTORS.map((f) => f.id).filter((id) => id !== 'fever_vulnerable').concat(['low_acuity_disposition', 'self_transport']));

/** Whether a factor (by id) marks a time-critical presentation rather than a routine one. */
export function isSeriousFactor(id: string): boolean {
  return SERIOUS.has(id);
}
