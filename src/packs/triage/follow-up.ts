import { factAt, type Reading } from '../reading/reading.js';
import { featurizeReading } from './features.js';

/**
 * The questions still worth asking for a presentation, from the reading: a question is skipped when
 * the facts it would settle are already known (present or denied) or `questions_asked` covered them.
 */

interface Question {
  text: string;
  /** Facts the answer would settle (dotted, under `facts`); a symptom name also matches `questions_asked`. */
  settles: string[];
}

const q = (text: string, ...settles: string[]): Question => ({ text, settles });

const CARDIAC = [
  q('Did it start with exertion, and does activity make it worse?', 'symptoms.exertional', 'symptoms.at_rest'),
  q('Are you sweating or clammy?', 'symptoms.sweating'),
  q('Any shortness of breath?', 'symptoms.dyspnea'),
  q('Does the pain spread to your arm, jaw, neck or back?', 'symptoms.cardiac_radiation', 'symptoms.jaw_pain', 'symptoms.arm_pain'),
  q('Any history of heart disease, stents or a previous heart attack?', 'conditions.heart_disease'),
];
const STROKE = [
  q('When were they last known to be well?', 'onset_hours'),
  q('Can they smile evenly, raise both arms and repeat a simple sentence?', 'symptoms.stroke_face', 'symptoms.stroke_arm', 'symptoms.stroke_speech'),
  q('Any sudden loss of vision or balance?', 'symptoms.vision_loss', 'symptoms.balance_loss'),
];
const FEVER = [
  q('What is the measured temperature?', 'vitals.temperature_c'),
  q('Any confusion, drowsiness, or a rash that does not fade under a glass?', 'symptoms.confusion', 'symptoms.drowsy', 'symptoms.non_blanching_rash'),
  q('Any condition or treatment that weakens the immune system, such as chemotherapy?', 'conditions.immunocompromised'),
  q('Are they drinking and passing urine normally?', 'symptoms.reduced_urine', 'symptoms.dehydration'),
];
const HEADACHE = [
  q('Did it come on suddenly, reaching full strength within a minute?', 'symptoms.sudden_onset', 'symptoms.thunderclap_headache'),
  q('Any stiff neck, fever or confusion?', 'symptoms.neck_stiffness', 'symptoms.fever', 'symptoms.confusion'),
  q('Any recent head injury, and are you on blood thinners?', 'symptoms.head_injury', 'conditions.anticoagulated'),
];
const BREATHING = [
  q('Can you speak in full sentences?', 'symptoms.severe_breathing'),
  q('What colour are your lips and face?', 'symptoms.mottled_skin'),
  q('Any chest pain?', 'symptoms.chest_pain'),
];
const ABDOMEN = [
  q('Could you be pregnant?', 'pregnancy_possible', 'pregnant'),
  q('Any vomiting blood or black stools?', 'symptoms.vomiting_blood', 'symptoms.black_stool'),
  q('Where exactly is the pain, and has it moved?', 'symptoms.one_sided_pain', 'symptoms.severe_abdominal_pain'),
];
const MENTAL_HEALTH = [
  q('Are you having thoughts of ending your life, and do you have a plan or the means?', 'symptoms.suicide_plan'),
  q('Have you taken anything, such as pills or alcohol?', 'symptoms.overdose', 'symptoms.poisoning'),
];
const HEAD_INJURY = [
  q('Did they lose consciousness or vomit after the injury?', 'symptoms.loss_of_consciousness', 'symptoms.vomiting'),
  q('Are they on blood thinners such as warfarin or apixaban?', 'conditions.anticoagulated'),
];
const ALLERGY = [
  q('Any swelling of the lips, tongue or throat, or trouble breathing?', 'symptoms.throat_swelling', 'symptoms.dyspnea'),
  q('Do you have an adrenaline (epinephrine) auto-injector?', 'symptoms.anaphylaxis_named'),
];
const PREGNANCY = [
  q('How many weeks pregnant are you?', 'gestation_weeks'),
  q('How heavy is the bleeding, and is there one-sided or shoulder-tip pain?', 'symptoms.one_sided_pain', 'symptoms.shoulder_tip_pain'),
];
const VITALS = q('Can you measure the pulse, temperature or oxygen level?', 'vitals.heart_rate', 'vitals.temperature_c', 'vitals.spo2');
const AGE = q('How old is the patient?', 'age_years');

const MAX_QUESTIONS = 6;

export function followUpQuestions(reading: Reading): string[] {
  const { vector: x } = featurizeReading(reading);
  const asked = new Set(Array.isArray(reading.facts.asked) ? reading.facts.asked : []);
  const settled = (question: Question) =>
    question.settles.some((fact) => factAt(reading.facts, fact) !== undefined || asked.has(fact.slice(fact.indexOf('.') + 1)));
  const s = (name: string) => factAt(reading.facts, `symptoms.${name}`) === true;
  const topics: Question[][] = [];
  if (x.chest_pain > 0 || x.atypical_cardiac > 0) topics.push(CARDIAC);
  if (x.stroke_signs > 0 || s('fatigue')) topics.push(STROKE);
  if (x.severe_respiratory_distress > 0 || x.dyspnea > 0) topics.push(BREATHING);
  if (x.allergic_reaction > 0) topics.push(ALLERGY);
  if (x.suicidal_ideation > 0 || x.overdose_ingestion > 0) topics.push(MENTAL_HEALTH);
  if (x.thunderclap_headache > 0 || s('headache')) topics.push(HEADACHE);
  if (x.fever > 0 || x.sepsis_signs > 0) topics.push(FEVER);
  if (x.pregnancy_x_bleeding_or_pain > 0 || x.pregnant > 0) topics.push(PREGNANCY);
  if (x.acute_abdomen > 0 || s('abdominal_pain')) topics.push(ABDOMEN);
  if (x.head_injury > 0) topics.push(HEAD_INJURY);
  const candidates = [...(reading.facts.age_years === undefined ? [AGE] : []), ...topics.flat(), ...(x.vitals_missing > 0 && topics.length > 0 ? [VITALS] : [])];
  const questions: string[] = [];
  for (const question of candidates) {
    if (questions.length >= MAX_QUESTIONS) break;
    if (settled(question) || questions.includes(question.text)) continue;
    questions.push(question.text);
  }
  return questions;
}
