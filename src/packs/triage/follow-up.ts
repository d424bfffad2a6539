import type { ActionInput } from '../types.js';
import { featurizeTriage } from './features.js';

interface Question {
  text: string;
  /** Already asked or already known when this matches the conversation, the details or the questions asked. */
  known: RegExp;
}

const q = (text: string, known: RegExp): Question => ({ text, known });

const CARDIAC = [
  q('Did it start with exertion, and does activity make it worse?', /exert|activity|walking|stairs|at rest|while resting/i),
  q('Are you sweating or clammy?', /sweat|clammy|diaphore/i),
  q('Any shortness of breath?', /breath|\bsob\b|winded/i),
  q('Does the pain spread to your arm, jaw, neck or back?', /radiat|spread|goes to|arm|jaw|neck|back/i),
  q('Any history of heart disease, stents or a previous heart attack?', /heart|cardiac|stent|coronary|angina|\bmi\b|bypass/i),
  q('When exactly did it start, and is it constant or coming and going?', /\bsince\b|\bfor\s+(?:\d+|an?|one|two|three|several)\b|minutes?|hours?|onset|started/i),
];
const STROKE = [
  q('When were they last known to be well?', /last (?:known|seen) well|since|minutes? ago|hours? ago|woke/i),
  q('Can they smile evenly, raise both arms and repeat a simple sentence?', /smile|face|droop|arm|speech|slur/i),
  q('Any sudden loss of vision or balance?', /vision|sight|balance|unsteady/i),
];
const FEVER = [
  q('What is the measured temperature?', /temp|\d{2}(?:\.\d)?\s*°?\s*[cf]\b|38|39|40/i),
  q('Any confusion, drowsiness, or a rash that does not fade under a glass?', /confus|drows|rash|sleepy|letharg/i),
  q('Any condition or treatment that weakens the immune system, such as chemotherapy?', /chemo|immun|transplant|steroid|cancer/i),
  q('Are they drinking and passing urine normally?', /drink|urin|pee|wet diaper|feeding/i),
];
const HEADACHE = [
  q('Did it come on suddenly, reaching full strength within a minute?', /sudden|thunderclap|gradual|slowly|onset/i),
  q('Any stiff neck, fever or confusion?', /stiff neck|neck|fever|confus/i),
  q('Any recent head injury, and are you on blood thinners?', /head injury|hit (?:his|her|my) head|fall|fell|thinner|warfarin|apixaban|anticoag/i),
];
const BREATHING = [
  q('Can you speak in full sentences?', /sentence|words at a time|speaking/i),
  q('What colour are your lips and face?', /lips|blue|grey|gray|pale|colou?r/i),
  q('Any chest pain?', /chest/i),
];
const ABDOMEN = [
  q('Could you be pregnant?', /pregnan|period|lmp/i),
  q('Any vomiting blood or black stools?', /blood|black|tarry|coffee/i),
  q('Where exactly is the pain, and has it moved?', /right|left|lower|upper|navel|moved|location/i),
];
const MENTAL_HEALTH = [
  q('Are you having thoughts of ending your life, and do you have a plan or the means?', /plan|means|suicid|end (?:my|his|her) life/i),
  q('Have you taken anything, such as pills or alcohol?', /took|taken|pills|overdose|alcohol|drank/i),
  q('Is someone with you right now?', /with (?:me|him|her)|alone|family|friend/i),
];
const INJURY = [
  q('Can you bear weight on it or move it?', /bear weight|walk|move it|can_bear_weight/i),
  q('Any numbness, tingling, or an odd shape to the limb?', /numb|tingl|deform|bent|angle/i),
];
const HEAD_INJURY = [
  q('Did they lose consciousness or vomit after the injury?', /conscious|vomit|knocked out/i),
  q('Are they on blood thinners such as warfarin or apixaban?', /thinner|warfarin|apixaban|rivaroxaban|anticoag|eliquis|xarelto/i),
];
const ALLERGY = [
  q('Any swelling of the lips, tongue or throat, or trouble breathing?', /lip|tongue|throat|breath|wheez/i),
  q('Do you have an adrenaline (epinephrine) auto-injector?', /epi-?pen|adrenaline|epinephrine|auto-?injector/i),
];
const PREGNANCY = [
  q('How many weeks pregnant are you?', /weeks/i),
  q('How heavy is the bleeding, and is there one-sided or shoulder-tip pain?', /heavy|pads|clots|one side|shoulder/i),
];
const VITALS = q('Can you measure the pulse, temperature or oxygen level?', /pulse|heart rate|spo2|oxygen|temperature/i);
const AGE = q('How old is the patient?', /\byears?\b|\bold\b|weeks?|months?/i);

const MAX_QUESTIONS = 6;

function textOf(value: unknown): string {
  try {
    return JSON.stringify(value ?? '') ?? '';
  } catch {
    return '';
  }
}

/** The questions still worth asking for this presentation, most important first. */
export function followUpQuestions(state: Record<string, unknown>, action: ActionInput): string[] {
  const { vector: v } = featurizeTriage(state, action);
  const complaint = typeof state.chief_complaint === 'string' ? state.chief_complaint : '';
  // Everything already said or asked, pertinent negatives included: a documented "no sweating" is an answer.
  const known = [complaint, textOf(state.symptom_details), textOf(state.conversation_history), textOf(state.questions_asked), textOf(state.red_flags_identified), textOf(state.caller_demographics)].join(' \n ');
  const topics: Question[][] = [];
  if (v.chest_pain > 0 || v.atypical_cardiac > 0) topics.push(CARDIAC);
  if (v.stroke_signs > 0 || /dizz|numb|weak|speech|vision|balance/i.test(complaint)) topics.push(STROKE);
  if (v.severe_respiratory_distress > 0 || v.dyspnea > 0) topics.push(BREATHING);
  if (v.allergic_reaction > 0) topics.push(ALLERGY);
  if (v.suicidal_ideation > 0 || v.overdose_ingestion > 0 || /depress|hopeless|hurt (?:my|him|her)self/i.test(complaint)) topics.push(MENTAL_HEALTH);
  if (v.thunderclap_headache > 0 || /headache|head ache|migraine/i.test(complaint)) topics.push(HEADACHE);
  if (v.fever > 0 || v.sepsis_signs > 0) topics.push(FEVER);
  if (v.pregnancy_x_bleeding_or_pain > 0 || v.pregnant > 0) topics.push(PREGNANCY);
  if (v.acute_abdomen > 0 || /abdom|stomach|belly|tummy|pelvic/i.test(complaint)) topics.push(ABDOMEN);
  if (v.head_injury > 0) topics.push(HEAD_INJURY);
  if (v.injury_needs_care > 0 || /sprain|twist|fell|fall|injur|broke/i.test(complaint)) topics.push(INJURY);
  const vitalsMissing = v.vitals_missing > 0;
  const ageMissing = typeof (state.caller_demographics as Record<string, unknown> | undefined)?.age !== 'number';
  const candidates = [...(ageMissing ? [AGE] : []), ...topics.flat(), ...(vitalsMissing && topics.length > 0 ? [VITALS] : [])];
  const questions: string[] = [];
  for (const question of candidates) {
    if (questions.length >= MAX_QUESTIONS) break;
    if (question.known.test(known) || questions.includes(question.text)) continue;
    questions.push(question.text);
  }
  return questions;
}
