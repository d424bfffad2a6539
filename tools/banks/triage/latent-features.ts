/**
 * The generator's own reading of the scenarios it writes: a verbatim copy of the featuriser the bank
 * was generated with (regular expressions over the raw request and all). The service never imports
 * it; the service reads requests with src/packs/triage/normalise.ts, and the true risk model here is
 * defined over these features, so the shipped bank stays byte-identical to what this regenerates.
 */
import type { ActionInput, ActiveFactor, Features } from '../../../src/packs/types.js';
import { CONDITIONS, LEXICON } from './lexicon.js';
import { DISPOSITIONS, dispositionLevel } from '../../../src/packs/triage/outcomes.js';
import { findPositive, hasPositive, normaliseText, segmentsOf, type TextSegment } from './text-match.js';

export const featureNames = [
  // who is calling
  'age_decades',
  'age_65_plus',
  'infant_under_90_days',
  'cardiac_risk',
  'immunocompromised',
  'anticoagulated',
  'pregnant',
  // what they describe
  'chest_pain',
  'chest_pain_x_risk',
  'atypical_cardiac',
  'pain_radiation',
  'diaphoresis',
  'dyspnea',
  'severe_respiratory_distress',
  'stroke_signs',
  'altered_mental_status',
  'thunderclap_headache',
  'fever',
  'sepsis_signs',
  'allergic_reaction',
  'overdose_ingestion',
  'suicidal_ideation',
  'severe_bleeding',
  'acute_abdomen',
  'head_injury',
  'injury_needs_care',
  'pain_severity',
  'clinic_complaint',
  'self_care_complaint',
  // what was measured
  'vitals_missing',
  'danger_zone_vitals',
  'hypoxia',
  'hypotension',
  'qsofa',
  // what the agent saw and chose
  'red_flags_flagged',
  'disposition_level',
  // combinations where the risk lives
  'atypical_cardiac_x_risk',
  'fever_x_infant',
  'fever_x_vulnerable',
  'infection_x_qsofa',
  'allergy_x_breathing',
  'pregnancy_x_bleeding_or_pain',
  'head_injury_x_anticoagulant',
  'emergency_x_shortfall',
  'urgent_x_shortfall',
] as const;
export type FeatureName = (typeof featureNames)[number];
export type FeatureVector = Record<FeatureName, number>;

type Rec = Record<string, unknown>;

function rec(value: unknown): Rec {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Rec) : {};
}
function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}
function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string').map(normaliseText) : [];
}
function clamp(value: number, lo = 0, hi = 1): number {
  return Math.min(hi, Math.max(lo, value));
}
function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/** Roles whose words are the agent's own (questions, advice), not the caller's account. */
const AGENT_ROLE = /assistant|agent|nurse|system|bot|^ai$|triage|operator|dispatcher|clinician|tool/i;

interface Vitals {
  hr?: number;
  rr?: number;
  spo2?: number;
  tempC?: number;
  sbp?: number;
  dbp?: number;
}

function readVitals(raw: unknown): Vitals {
  const v = rec(raw);
  const bp = typeof v.blood_pressure === 'string' ? /(\d{2,3})\s*\/\s*(\d{2,3})/.exec(v.blood_pressure) : null;
  const tempF = num(v.temperature_f);
  const tempAny = num(v.temperature);
  const tempC = num(v.temperature_c) ?? (tempF !== undefined ? (tempF - 32) / 1.8 : undefined) ?? (tempAny !== undefined ? (tempAny > 45 ? (tempAny - 32) / 1.8 : tempAny) : undefined);
  return {
    hr: num(v.heart_rate) ?? num(v.hr) ?? num(v.pulse),
    rr: num(v.respiratory_rate) ?? num(v.rr),
    spo2: num(v.spo2) ?? num(v.oxygen_saturation) ?? num(v.o2_sat),
    tempC,
    sbp: num(v.systolic_bp) ?? (bp ? Number(bp[1]) : undefined),
    dbp: num(v.diastolic_bp) ?? (bp ? Number(bp[2]) : undefined),
  };
}

/** ESI danger-zone heart and breathing rates by age (ESI Implementation Handbook). */
function dangerLimits(ageYears: number): { hr: number; rr: number } {
  if (ageYears < 0.25) return { hr: 180, rr: 50 };
  if (ageYears < 3) return { hr: 160, rr: 40 };
  if (ageYears < 8) return { hr: 140, rr: 30 };
  return { hr: 100, rr: 20 };
}

function ageInYears(demographics: Rec): number | undefined {
  const years = num(demographics.age);
  if (years !== undefined) return years;
  const months = num(demographics.age_months);
  if (months !== undefined) return months / 12;
  const days = num(demographics.age_days);
  return days !== undefined ? days / 365.25 : undefined;
}

function severityFrom(segments: readonly TextSegment[], details: Rec): number {
  let best = 0;
  for (const [key, value] of Object.entries(details)) {
    const n = num(value);
    if (n !== undefined && /pain|severity|score|scale/i.test(key) && n >= 0 && n <= 10) best = Math.max(best, n / 10);
  }
  for (const segment of segments) {
    if (segment.negated) continue;
    for (const m of segment.text.matchAll(/\b(\d{1,2})\s*(?:\/|out\s+of)\s*10\b/gi)) {
      const n = Number(m[1]);
      if (n <= 10) best = Math.max(best, n / 10);
    }
    if (/\b(?:excruciating|unbearable|worst)\b/i.test(segment.text)) best = Math.max(best, 1);
    else if (/\b(?:severe|intense|terrible|agoni\w*)\b/i.test(segment.text)) best = Math.max(best, 0.8);
    else if (/\bmoderate\b/i.test(segment.text)) best = Math.max(best, 0.5);
    else if (/\bmild\b/i.test(segment.text)) best = Math.max(best, 0.25);
  }
  return best;
}

function describeAge(age: number | undefined): string {
  if (age === undefined) return 'age not given';
  if (age < 2 / 12) return `${Math.max(0, Math.round(age * 52))}-week-old`;
  if (age < 2) return `${Math.round(age * 12)}-month-old`;
  return `${Math.round(age)}-year-old`;
}

/** Everything the featuriser reads, parsed once. */
interface Reading {
  age?: number;
  female: boolean;
  male: boolean;
  conditions: string[];
  segments: TextSegment[];
  vitals: Vitals;
  vitalsMissing: boolean;
  disposition: string;
  level: number;
  complaint: string;
  redFlags: string[];
}

function read(state: Rec, action: ActionInput): Reading {
  const demographics = rec(state.caller_demographics);
  const sex = typeof demographics.sex === 'string' ? demographics.sex.trim().toLowerCase() : '';
  const complaint = typeof state.chief_complaint === 'string' ? normaliseText(state.chief_complaint) : '';
  const redFlags = strings(state.red_flags_identified);
  const callerTurns = (Array.isArray(state.conversation_history) ? state.conversation_history : [])
    .map(rec)
    .filter((turn) => typeof turn.content === 'string' && !AGENT_ROLE.test(String(turn.role ?? '')))
    .map((turn): TextSegment => ({ text: normaliseText(turn.content as string), negated: false }));
  const segments: TextSegment[] = [
    { text: complaint, negated: false },
    ...segmentsOf(state.symptom_details),
    ...callerTurns,
    ...redFlags.map((text): TextSegment => ({ text, negated: false })),
  ];
  const vitals = readVitals(state.vital_signs);
  const disposition = String(action.parameters?.disposition ?? '');
  return {
    age: ageInYears(demographics),
    female: /^(f|female|woman|girl|w)$/.test(sex),
    male: /^(m|male|man|boy)$/.test(sex),
    conditions: [...strings(demographics.conditions), ...strings(demographics.medications)],
    segments,
    vitals,
    vitalsMissing: Object.values(vitals).every((v) => v === undefined),
    disposition,
    level: dispositionLevel(disposition),
    complaint,
    redFlags,
  };
}

function hasCondition(r: Reading, pattern: RegExp): boolean {
  return r.conditions.some((c) => pattern.test(c)) || hasPositive(r.segments, pattern);
}

/** Hand-set weights of how time-critical a presentation is (0–2.5); it scales the harm of a low disposition. */
function emergencyBurden(v: FeatureVector, cardiac: number): number {
  return clamp(
    1.6 * cardiac +
      1.5 * v.stroke_signs +
      1.4 * v.severe_respiratory_distress +
      0.5 * v.dyspnea +
      1.2 * v.altered_mental_status +
      1.2 * v.thunderclap_headache +
      1.0 * v.sepsis_signs +
      1.0 * v.infection_x_qsofa +
      1.3 * v.fever_x_infant +
      0.5 * v.fever_x_vulnerable +
      1.4 * v.allergy_x_breathing +
      1.1 * v.overdose_ingestion +
      1.1 * v.suicidal_ideation +
      1.2 * v.pregnancy_x_bleeding_or_pain +
      1.1 * v.severe_bleeding +
      0.6 * v.acute_abdomen +
      0.8 * v.head_injury_x_anticoagulant +
      0.8 * v.danger_zone_vitals +
      1.0 * v.hypoxia +
      1.0 * v.hypotension,
    0,
    2.5,
  );
}

/** Presentations that need a clinician today (0–2); harmed by home care or a 48-hour wait. */
function urgentBurden(v: FeatureVector): number {
  return clamp(
    0.5 * v.fever + 0.4 * v.pain_severity + 0.7 * v.injury_needs_care + 0.5 * v.clinic_complaint + 0.3 * v.head_injury + 0.6 * v.acute_abdomen + 0.3 * v.dyspnea + 0.3 * v.danger_zone_vitals,
    0,
    2,
  );
}

/** How strongly the picture suggests an acute coronary syndrome (0–1), typical or atypical. */
function cardiacPicture(v: FeatureVector): number {
  const anyCardiacPain = v.chest_pain > 0 || v.atypical_cardiac > 0 ? 1 : 0;
  return clamp(
    0.15 * v.chest_pain +
      0.35 * v.chest_pain_x_risk +
      0.2 * v.pain_radiation * anyCardiacPain +
      0.2 * v.diaphoresis * anyCardiacPain +
      0.1 * v.dyspnea * anyCardiacPain +
      0.6 * v.atypical_cardiac_x_risk,
  );
}

interface FactorContext {
  r: Reading;
  v: FeatureVector;
  found: Partial<Record<string, string>>;
  cardiac: number;
  emergency: number;
  urgent: number;
}

function vitalsDetail(r: Reading): string[] {
  const out: string[] = [];
  const limits = dangerLimits(r.age ?? 30);
  const { hr, rr, spo2, sbp, tempC } = r.vitals;
  if (hr !== undefined && (hr > limits.hr || (hr < 50 && (r.age ?? 30) >= 8))) out.push(`heart rate ${hr} (danger zone ${hr < 50 ? '<50' : `>${limits.hr}`})`);
  if (rr !== undefined && rr > limits.rr) out.push(`respiratory rate ${rr} (danger zone >${limits.rr})`);
  if (spo2 !== undefined && spo2 < 92) out.push(`SpO2 ${spo2}% (<92%)`);
  if (sbp !== undefined && sbp < 90) out.push(`systolic BP ${sbp} mmHg (<90)`);
  if (tempC !== undefined && tempC >= 38) out.push(`temperature ${tempC.toFixed(1)} °C`);
  return out;
}

function who(r: Reading): string {
  const sex = r.female ? 'woman' : r.male ? 'man' : 'caller';
  const conditions = r.conditions.length > 0 ? ` with ${r.conditions.slice(0, 3).join(', ')}` : '';
  return `${describeAge(r.age)} ${sex}${conditions}`;
}

function listFound(found: Partial<Record<string, string>>, keys: string[]): string {
  return keys
    .map((k) => found[k])
    .filter((s): s is string => s !== undefined)
    .join(', ');
}

/** The named risk factors present, each tied to the features that carry it. */
function factorsOf({ r, v, found, cardiac, emergency }: FactorContext): ActiveFactor[] {
  const factors: ActiveFactor[] = [];
  const shortfall = v.emergency_x_shortfall > 0 && r.level <= 2 ? ['emergency_x_shortfall'] : [];
  const add = (f: ActiveFactor): void => {
    factors.push(f);
  };
  if (v.chest_pain > 0 && (cardiac >= 0.5 || (r.age ?? 40) >= 35)) {
    add({
      id: 'possible_acs',
      factor: 'possible heart attack (chest pain pattern)',
      detail: `${who(r)}: ${listFound(found, ['chestPain', 'radiation', 'diaphoresis', 'dyspnea', 'fatigueOrNausea'])}`,
      features: ['chest_pain', 'chest_pain_x_risk', 'pain_radiation', 'diaphoresis', ...shortfall],
      recommendation: 'Advise calling emergency services now (do not drive); an ECG is needed within 10 minutes of arrival',
    });
  } else if (v.atypical_cardiac > 0 && cardiac >= 0.15) {
    const absentChest = r.segments.some((s) => s.negated && LEXICON.chestPain.test(s.text));
    add({
      id: 'atypical_acs',
      factor: 'possible heart attack with atypical symptoms',
      detail: `${who(r)}: ${listFound(found, ['jawPain', 'armPain', 'epigastric', 'backOrNeck', 'radiation', 'fatigueOrNausea'])}${absentChest ? '; no chest pain (common in women, diabetics and older adults)' : ''}`,
      features: ['atypical_cardiac', 'atypical_cardiac_x_risk', 'pain_radiation', 'diaphoresis', ...shortfall],
      recommendation: 'Treat as possible acute coronary syndrome: emergency assessment with ECG; ask about exertional onset, sweating, breathlessness and cardiac history',
    });
  }
  if (v.stroke_signs > 0) {
    add({
      id: 'stroke_signs',
      factor: 'possible stroke (BE-FAST signs)',
      detail: listFound(found, ['strokeFace', 'strokeArm', 'strokeSpeech', 'strokeEyes', 'strokeBalance', 'strokeWord']),
      features: ['stroke_signs', ...shortfall],
      recommendation: 'Call emergency services now and note the time last known well; thrombolysis and thrombectomy are time-limited',
    });
  }
  if (v.allergy_x_breathing > 0) {
    add({
      id: 'anaphylaxis',
      factor: 'possible anaphylaxis',
      detail: listFound(found, ['allergy', 'severeRespiratory', 'dyspnea']),
      features: ['allergy_x_breathing', 'allergic_reaction', ...shortfall],
      recommendation: 'Call emergency services; use an adrenaline (epinephrine) auto-injector if one is available',
    });
  } else if (v.severe_respiratory_distress > 0 || v.hypoxia > 0) {
    add({
      id: 'respiratory_distress',
      factor: 'severe breathing difficulty or airway threat',
      detail: [found.severeRespiratory, found.dyspnea, r.vitals.spo2 !== undefined && r.vitals.spo2 < 92 ? `SpO2 ${r.vitals.spo2}%` : undefined].filter(Boolean).join(', '),
      features: ['severe_respiratory_distress', 'hypoxia', 'dyspnea', ...shortfall],
      recommendation: 'Call emergency services; keep the caller upright and on the line',
    });
  } else if (v.dyspnea > 0) {
    add({
      id: 'dyspnea',
      factor: 'shortness of breath',
      detail: found.dyspnea ?? 'shortness of breath',
      features: ['dyspnea', ...shortfall],
      recommendation: 'Ask whether they can speak in full sentences, about lip colour and chest pain; measure SpO2 if possible',
    });
  }
  if (v.altered_mental_status > 0) {
    add({
      id: 'altered_mental_status',
      factor: 'altered mental status, fainting or seizure',
      detail: found.alteredMental ?? 'altered mental status',
      features: ['altered_mental_status', 'qsofa', ...shortfall],
      recommendation: 'Emergency assessment; check glucose if possible and ask about head injury, drugs and fever',
    });
  }
  if (v.thunderclap_headache > 0) {
    add({
      id: 'thunderclap_headache',
      factor: 'sudden severe (thunderclap) headache',
      detail: found.thunderclap ?? 'sudden severe headache',
      features: ['thunderclap_headache', ...shortfall],
      recommendation: 'Emergency department now: sudden severe headache needs urgent imaging to exclude a brain bleed',
    });
  }
  if (v.fever_x_infant > 0) {
    add({
      id: 'infant_fever',
      factor: 'fever in an infant under 3 months',
      detail: [describeAge(r.age), found.fever, r.vitals.tempC !== undefined ? `temperature ${r.vitals.tempC.toFixed(1)} °C` : undefined].filter(Boolean).join(', '),
      features: ['fever_x_infant', 'infant_under_90_days', ...shortfall],
      recommendation: 'Same-hour medical evaluation (emergency department): fever under 3 months can be the only sign of serious bacterial infection',
    });
  }
  if (v.sepsis_signs > 0 || v.infection_x_qsofa >= 0.6 || (v.fever > 0 && v.hypotension > 0)) {
    add({
      id: 'possible_sepsis',
      factor: 'possible sepsis',
      detail: [found.sepsis, found.fever, found.alteredMental, ...vitalsDetail(r), r.vitals.sbp !== undefined && r.vitals.sbp <= 100 && r.vitals.sbp >= 90 ? `systolic BP ${r.vitals.sbp} mmHg (qSOFA: 100 or less)` : undefined].filter(Boolean).join(', '),
      features: ['sepsis_signs', 'infection_x_qsofa', 'qsofa', ...shortfall],
      recommendation: 'Emergency assessment: sepsis needs antibiotics within the hour',
    });
  } else if (v.fever_x_vulnerable > 0) {
    add({
      id: 'fever_vulnerable',
      factor: 'fever in an immunocompromised or older patient',
      detail: `${who(r)}; ${found.fever ?? 'fever'}`,
      features: ['fever_x_vulnerable', 'immunocompromised', ...shortfall],
      recommendation: 'Same-day assessment; emergency department if confused, breathless, or chemotherapy in the last 6 weeks',
    });
  }
  if (v.overdose_ingestion > 0) {
    add({
      id: 'overdose',
      factor: 'overdose or poisoning',
      detail: found.overdose ?? 'ingestion',
      features: ['overdose_ingestion', ...shortfall],
      recommendation: 'Call emergency services or poison control now; ask what, how much and when',
    });
  }
  if (v.suicidal_ideation > 0) {
    add({
      id: 'suicidal_ideation',
      factor: 'suicidal thoughts or self-harm',
      detail: found.suicidal ?? 'suicidal ideation',
      features: ['suicidal_ideation', ...shortfall],
      recommendation: 'Stay on the line; assess plan and means; connect to emergency services or the 988 Suicide & Crisis Lifeline',
    });
  }
  if (v.pregnancy_x_bleeding_or_pain > 0) {
    add({
      id: 'pregnancy_bleeding',
      factor: 'bleeding or pain in pregnancy',
      detail: listFound(found, ['pregnancy', 'vaginalBleedingOrPain']),
      features: ['pregnancy_x_bleeding_or_pain', 'pregnant', ...shortfall],
      recommendation: 'Emergency assessment to exclude ectopic pregnancy or placental bleeding',
    });
  }
  if (v.severe_bleeding > 0) {
    add({
      id: 'severe_bleeding',
      factor: 'severe or internal bleeding',
      detail: found.severeBleeding ?? 'bleeding',
      features: ['severe_bleeding', 'anticoagulated', ...shortfall],
      recommendation: 'Direct pressure for external bleeding; emergency services for uncontrolled or internal bleeding',
    });
  }
  if (v.acute_abdomen > 0) {
    add({
      id: 'acute_abdomen',
      factor: 'severe or localised abdominal pain',
      detail: found.acuteAbdomen ?? 'abdominal pain',
      features: ['acute_abdomen', 'pain_severity', ...shortfall],
      recommendation: 'Emergency department assessment for a surgical cause (appendicitis, obstruction, aneurysm)',
    });
  }
  if (v.head_injury_x_anticoagulant > 0) {
    add({
      id: 'head_injury_anticoagulant',
      factor: 'head injury on blood thinners',
      detail: `${found.headInjury ?? 'head injury'}; on anticoagulant`,
      features: ['head_injury_x_anticoagulant', 'anticoagulated', ...shortfall],
      recommendation: 'Emergency department for a CT scan: anticoagulation raises the risk of a delayed brain bleed',
    });
  }
  const vitals = vitalsDetail(r).filter((d) => !d.startsWith('temperature'));
  if (v.danger_zone_vitals > 0 || v.hypoxia > 0 || v.hypotension > 0) {
    add({
      id: 'danger_zone_vitals',
      factor: 'danger-zone vital signs',
      detail: vitals.join(', '),
      features: ['danger_zone_vitals', 'hypoxia', 'hypotension', ...shortfall],
      recommendation: 'Vital signs in the ESI danger zone call for emergency-level care',
    });
  }
  if (emergency >= 1 && r.level <= 2) {
    add({
      id: 'low_acuity_disposition',
      factor: 'low-acuity disposition for a time-critical presentation',
      detail: `${r.disposition} for a presentation that needs emergency assessment`,
      features: ['emergency_x_shortfall', 'disposition_level'],
      recommendation: 'Escalate the disposition to emergency services or the emergency department',
    });
  } else if (emergency >= 1.5 && r.level === 3) {
    add({
      id: 'self_transport',
      factor: 'own transport for a presentation that may need an ambulance',
      detail: 'emergency_department (own transport) with signs that can deteriorate on the way',
      features: ['emergency_x_shortfall'],
      recommendation: 'Consider calling emergency services instead of travelling by car',
    });
  }
  if (r.level === 0 && (v.injury_needs_care > 0 || v.clinic_complaint > 0)) {
    add({
      id: 'needs_clinician',
      factor: 'complaint that usually needs a clinician',
      detail: `home_care for ${listFound(found, ['injuryNeedsCare', 'clinicComplaint']) || 'this complaint'}`,
      features: ['urgent_x_shortfall', 'injury_needs_care', 'clinic_complaint'],
      recommendation: 'Offer a clinic or urgent-care appointment (examination, X-ray or antibiotics may be needed)',
    });
  }
  return factors;
}

const SERIOUS = new Set([
  'possible_acs',
  'dyspnea',
  'fever_vulnerable',
  'acute_abdomen',
  'self_transport',
  'atypical_acs',
  'stroke_signs',
  'anaphylaxis',
  'respiratory_distress',
  'altered_mental_status',
  'thunderclap_headache',
  'infant_fever',
  'possible_sepsis',
  'overdose',
  'suicidal_ideation',
  'pregnancy_bleeding',
  'severe_bleeding',
  'head_injury_anticoagulant',
  'danger_zone_vitals',
  'low_acuity_disposition',
]);

/** Whether a factor (by id) marks a time-critical presentation rather than a routine one. */
export function isSeriousFactor(id: string): boolean {
  return SERIOUS.has(id);
}

export interface Featurized extends Features {
  vector: FeatureVector;
  /** Hand-set composites the interactions are built from (exposed for the generator's narratives). */
  emergency: number;
  urgent: number;
}

export function featurizeTriage(state: Record<string, unknown>, action: ActionInput): Featurized {
  const r = read(state, action);
  const found: Partial<Record<string, string>> = {};
  const find = (key: keyof typeof LEXICON): number => {
    const hit = findPositive(r.segments, LEXICON[key]);
    if (hit !== undefined) found[key] = hit.toLowerCase();
    return hit === undefined ? 0 : 1;
  };
  const age = r.age;
  const ageOr = age ?? 40;
  const diabetes = hasCondition(r, CONDITIONS.diabetes);
  const heart = r.conditions.some((c) => CONDITIONS.heartDisease.test(c));
  const riskPoints =
    (diabetes ? 1 : 0) +
    (heart ? 1 : 0) +
    (['hypertension', 'lipids', 'smoker', 'familyHistory', 'kidney'] as const).filter((k) => r.conditions.some((c) => CONDITIONS[k].test(c))).length * 0.5 +
    (ageOr >= 65 ? 1 : 0) +
    ((r.male && ageOr >= 45) || (r.female && ageOr >= 55) ? 0.5 : 0);
  const cardiacRisk = clamp(riskPoints / 2);
  const immuno = hasCondition(r, CONDITIONS.immunocompromised) ? 1 : 0;
  const anticoag = hasCondition(r, CONDITIONS.anticoagulant) ? 1 : 0;
  const pregnant = r.conditions.some((c) => CONDITIONS.pregnancy.test(c)) || find('pregnancy') > 0 ? 1 : 0;

  const chest = find('chestPain');
  const locations = find('jawPain') + find('armPain') + find('epigastric') + find('backOrNeck');
  const companions = find('fatigueOrNausea');
  const atypical = clamp((locations + (locations > 0 || chest > 0 ? companions : 0)) / 3);
  const stroke = clamp((find('strokeFace') + find('strokeArm') + find('strokeSpeech') + find('strokeEyes') + find('strokeBalance') + (r.redFlags.some((f) => LEXICON.strokeWord.test(f)) ? 1 : 0)) / 2);
  if (r.redFlags.some((f) => LEXICON.strokeWord.test(f))) found.strokeWord = 'stroke flagged';
  const ams = find('alteredMental');
  const { hr, rr, spo2, sbp, tempC } = r.vitals;
  const feverText = find('fever');
  const fever = feverText > 0 || (tempC !== undefined && tempC >= 38) ? 1 : 0;
  const hypothermicInfant = tempC !== undefined && tempC < 36 && ageOr < 0.25;
  const sepsisText = find('sepsis');
  const limits = dangerLimits(ageOr);
  const dangerCount =
    (hr !== undefined && (hr > limits.hr || (hr < 50 && ageOr >= 8)) ? 1 : 0) + (rr !== undefined && rr > limits.rr ? 1 : 0) + (spo2 !== undefined && spo2 < 92 ? 1 : 0);
  const hypotensionLimit = ageOr >= 10 ? 90 : 70 + 2 * Math.max(0, ageOr);
  const qsofa = ((rr !== undefined && rr >= 22 && ageOr >= 12 ? 1 : 0) + (sbp !== undefined && sbp <= 100 && ageOr >= 12 ? 1 : 0) + ams) / 3;
  const severeResp = find('severeRespiratory');
  const dyspnea = find('dyspnea');
  const allergy = find('allergy');
  const pregnancyTrouble = pregnant ? find('vaginalBleedingOrPain') : 0;
  const headInjury = find('headInjury');
  const infant = ageOr < 0.25 ? 1 : 0;
  const vulnerable = immuno > 0 || ageOr >= 65 ? 1 : 0;
  const redFlagCount = r.redFlags.length;
  const hypotension = sbp !== undefined && sbp < hypotensionLimit ? clamp(0.4 + (hypotensionLimit - sbp) / 40) : 0;

  const partial = {
    age_decades: round(clamp(ageOr / 10, 0, 10)),
    age_65_plus: ageOr >= 65 ? 1 : 0,
    infant_under_90_days: infant,
    cardiac_risk: round(cardiacRisk),
    immunocompromised: immuno,
    anticoagulated: anticoag,
    pregnant,
    chest_pain: chest,
    chest_pain_x_risk: round(chest * clamp(cardiacRisk + (ageOr >= 35 ? 0.5 : 0))),
    atypical_cardiac: round(atypical),
    pain_radiation: find('radiation'),
    diaphoresis: find('diaphoresis'),
    dyspnea,
    severe_respiratory_distress: severeResp,
    stroke_signs: round(stroke),
    altered_mental_status: ams,
    thunderclap_headache: find('thunderclap'),
    fever,
    sepsis_signs: sepsisText > 0 || hypothermicInfant ? 1 : 0,
    allergic_reaction: allergy,
    overdose_ingestion: find('overdose'),
    suicidal_ideation: find('suicidal'),
    severe_bleeding: find('severeBleeding'),
    acute_abdomen: find('acuteAbdomen'),
    head_injury: headInjury,
    injury_needs_care: find('injuryNeedsCare'),
    pain_severity: round(severityFrom(r.segments, rec(state.symptom_details))),
    clinic_complaint: find('clinicComplaint'),
    self_care_complaint: find('selfCareComplaint'),
    vitals_missing: r.vitalsMissing ? 1 : 0,
    danger_zone_vitals: round(dangerCount / 3),
    hypoxia: spo2 !== undefined && spo2 < 92 ? round(clamp(0.3 + (91 - spo2) / 10)) : 0,
    hypotension: round(hypotension),
    qsofa: round(qsofa),
    red_flags_flagged: round(clamp(redFlagCount / 3)),
    disposition_level: r.level / (DISPOSITIONS.length - 1),
    atypical_cardiac_x_risk: round(atypical * clamp(cardiacRisk + (r.female && ageOr >= 40 ? 0.25 : 0))),
    fever_x_infant: fever * infant,
    fever_x_vulnerable: fever * vulnerable,
    infection_x_qsofa: round(Math.max(fever, sepsisText) * qsofa),
    allergy_x_breathing: allergy * Math.max(severeResp, dyspnea, hypotension > 0 ? 1 : 0, ams),
    pregnancy_x_bleeding_or_pain: pregnancyTrouble,
    head_injury_x_anticoagulant: headInjury * anticoag,
    emergency_x_shortfall: 0,
    urgent_x_shortfall: 0,
  } satisfies FeatureVector;
  const cardiac = cardiacPicture(partial);
  const emergency = emergencyBurden(partial, cardiac);
  const urgent = urgentBurden(partial);
  const vector: FeatureVector = {
    ...partial,
    emergency_x_shortfall: round(emergency * ((DISPOSITIONS.length - 1 - r.level) / (DISPOSITIONS.length - 1))),
    urgent_x_shortfall: round(urgent * (Math.max(0, 2 - r.level) / 2)),
  };
  const factors = factorsOf({ r, v: vector, found, cardiac, emergency, urgent });
  const actionText = typeof action.description === 'string' ? normaliseText(action.description) : '';
  const text = [r.complaint, ...r.segments.slice(1).filter((s) => !s.negated).map((s) => s.text), actionText, r.disposition].filter(Boolean).join(' | ');
  return { values: featureNames.map((name) => vector[name]), factors, text, vector, emergency, urgent };
}

export function featurize(state: Record<string, unknown>, action: ActionInput): Features {
  const { values, factors, text } = featurizeTriage(state, action);
  return { values, factors, text };
}
