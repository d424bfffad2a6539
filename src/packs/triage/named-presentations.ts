import type { ReadingBuilder } from '../reading/reading.js';
import type { Findings } from './findings.js';
import { settlePresentationsInContext } from './presentations-in-context.js';

/**
 * Named presentations read from findings that only mean something together, once every field is read. Each one is a
 * class of public guidance (cited at its rule), not a case: a low-risk presentation that a single word makes look acute
 * (a non-blanching patch over the sacrum, black stools on iron, the pelvic pain of pregnancy), read as what it is only
 * when its own findings are there and no danger of the acute reading is; or an acute presentation whose parts the words
 * say separately (a cold, pulseless hand below an injury). Unknown is not safe: every low-risk reading needs its
 * reassuring findings to be read, and any blocker keeps the finding as it was.
 */

type Vitals = Record<string, unknown>;

function vitalsOf(b: ReadingBuilder): Vitals {
  return typeof b.facts.vitals === 'object' && b.facts.vitals !== null ? (b.facts.vitals as Vitals) : {};
}

const num = (v: unknown) => (typeof v === 'number' ? v : undefined);

/** Signs that an infection or illness is systemic: none may be read for a low-risk reading of a skin or stool finding. */
const SYSTEMIC_SIGNS = ['fever', 'rigors', 'drowsy', 'confusion', 'unconscious', 'mottled_skin', 'sepsis_named', 'severe_breathing', 'fainted'];

function feverMeasured(b: ReadingBuilder): boolean {
  const t = num(vitalsOf(b).temperature_c);
  return t !== undefined && t >= 38;
}

function shockVitals(b: ReadingBuilder): boolean {
  const v = vitalsOf(b);
  const hr = num(v.heart_rate);
  const sbp = num(v.systolic_bp);
  return (hr !== undefined && hr > 100) || (sbp !== undefined && sbp < 90);
}

/**
 * Non-blanching redness of intact skin over a pressure site (the sacrum, a heel, a hip) is a category 1 pressure ulcer
 * (NICE CG179 Pressure ulcers; NPIAP/EPUAP 2019 classification: intact skin with non-blanchable erythema), a clinic
 * complaint for the district or tissue viability nurse, not the non-blanching rash of meningococcal disease. From age 16;
 * spots, purple or petechial words, a fever or any systemic sign keep the rash.
 */
function pressureUlcer(b: ReadingBuilder, f: Findings): void {
  const rash = f.affirmed.get('non_blanching_rash');
  const site = f.flags.get('exposure.pressure_site');
  const age = num(b.facts.age_years);
  if (!rash || !site || age === undefined || age < 16) return;
  if (f.flags.has('exposure.rash_spots') || SYSTEMIC_SIGNS.some((s) => f.affirmed.has(s)) || feverMeasured(b)) return;
  f.affirmed.delete('non_blanching_rash');
  f.affirm('clinic_complaint', `${rash}; ${site}`);
  b.set('presentation.pressure_ulcer_intact_skin', true, `${rash}; ${site}`);
}

/**
 * Black or dark green stools on oral iron or bismuth are the medicine's colouring (NHS Ferrous sulfate and ferrous
 * fumarate: black poo is a common side effect; NHS Bismuth subsalicylate), not melaena, when nothing of a bleed is read:
 * no sticky or tarry look, no blood vomited, no faint, dizziness, pain or vomiting, no anticoagulant, no fast pulse or low
 * blood pressure (NHS Vomiting blood / blood in poo: black, sticky, tar-like poo needs A&E).
 */
function medicineColouredStool(b: ReadingBuilder, f: Findings): void {
  const black = f.affirmed.get('black_stool');
  const medicine = f.conditions.get('stool_colouring_medicine');
  if (!black || !medicine) return;
  const bleedSigns = ['vomiting_blood', 'bloody_stool', 'fainted', 'dizzy', 'lightheaded', 'vomiting', 'abdominal_pain', 'severe_abdominal_pain', 'overdose', 'poisoning', 'uncontrolled_bleeding'];
  if (f.flags.has('exposure.tarry_stool') || bleedSigns.some((s) => f.affirmed.has(s)) || f.conditions.has('anticoagulated') || shockVitals(b)) return;
  f.affirmed.delete('black_stool');
  b.set('presentation.medicine_coloured_stool', true, `${black}; ${medicine}`);
}

/**
 * A wound whose closure (staples, stitches, clips) is due out, told as healed, is a practice-nurse follow-up (NHS Stitches:
 * removed after 5 to 14 days), not a new wound or head injury: the injury was assessed and closed days ago. The wound's
 * own dangers keep it: infection, pus, spreading redness, fever, bleeding, a new headache, vomiting, drowsiness or confusion.
 */
function closureFollowUp(b: ReadingBuilder, f: Findings): void {
  const removal = f.flags.get('exposure.closure_removal');
  const healed = f.flags.get('exposure.wound_healed');
  const onset = num(b.facts.onset_hours);
  const assessed = f.flags.get('course.hospital_assessed');
  if (!removal || !healed || !(assessed !== undefined || (onset !== undefined && onset >= 72))) return;
  const woundDanger = ['infection', 'fever', 'uncontrolled_bleeding', 'headache', 'vomiting', 'drowsy', 'confusion', 'seizure', 'unconscious', 'clinic_complaint'];
  if (woundDanger.some((s) => f.affirmed.has(s)) || feverMeasured(b) || f.flags.has('course.worsening')) return;
  for (const s of ['injury_needs_care', 'skin_broken', 'head_injury']) f.affirmed.delete(s);
  b.set('presentation.wound_closure_follow_up', true, `${removal}; ${healed}`);
}

/**
 * Pelvic girdle pain in pregnancy (NHS Pelvic pain in pregnancy, PGP or SPD; RCOG Pelvic girdle pain and pregnancy):
 * pain over the pubic bone or the joints of the pelvis, brought on by stairs, turning in bed or standing on one leg, often
 * clicking. Its site and its movement trigger must be read, and bleeding denied; contractions, waters, fever, reduced
 * movements, one-sided or severe abdominal pain or a urinary sign keep it a pain of pregnancy. It stays a clinic complaint
 * (physiotherapy referral); the pain's severity is read as ever.
 */
function pelvicGirdlePain(b: ReadingBuilder, f: Findings): void {
  const pain = f.affirmed.get('abdominal_pain');
  const site = f.flags.get('exposure.pelvic_girdle_site');
  const trigger = f.flags.get('exposure.pelvic_girdle_trigger');
  if (b.facts.pregnant !== true && !f.conditions.has('pregnant')) return;
  if (!pain || !site || !trigger || !f.denied.has('vaginal_bleeding')) return;
  const pregnancyDanger = ['vaginal_bleeding', 'contractions', 'regular_contractions', 'waters_broken', 'fever', 'reduced_fetal_movements', 'one_sided_pain',
    'shoulder_tip_pain', 'severe_abdominal_pain', 'vomiting', 'headache', 'fainted', 'urge_to_push'];
  if (pregnancyDanger.some((s) => f.affirmed.has(s)) || feverMeasured(b)) return;
  f.affirmed.delete('abdominal_pain');
  f.affirm('clinic_complaint', `${pain}; ${site}; ${trigger}`);
  b.set('presentation.pelvic_girdle_pain', true, `${site}; ${trigger}`);
}

/**
 * One extra dose, by accident, of a medicine whose NHS page says an extra dose is unlikely to harm (statins, proton pump
 * inhibitors: NHS Atorvastatin, Simvastatin, Omeprazole "how and when to take": taking an extra dose by accident is
 * unlikely to harm you) is no overdose: two tablets or fewer counted, the mistake told, from age 12, no other drug that can
 * kill in one tablet, no paracetamol, no self-harm and no symptom.
 */
function lowHarmExtraDose(b: ReadingBuilder, f: Findings): void {
  const overdose = f.affirmed.get('overdose');
  const drug = f.flags.get('exposure.extra_dose_low_harm_drug');
  const mistake = f.flags.get('course.by_mistake');
  // "Took my simvastatin twice", "a double dose": one extra dose, two doses in all, when no tablets are counted.
  const oneExtra = f.flags.get('course.one_extra_dose');
  const pills = num(b.facts.pills_taken) ?? (oneExtra !== undefined ? 2 : undefined);
  const age = num(b.facts.age_years);
  if (!overdose || !drug || !mistake || pills === undefined || pills > 2 || age === undefined || age < 12) return;
  const blockers = ['self_harm', 'suicidal', 'poisoning', 'drowsy', 'confusion', 'unconscious', 'seizure', 'vomiting', 'dyspnea', 'chest_pain', 'fainted'];
  if (blockers.some((s) => f.affirmed.has(s)) || f.flags.has('exposure.one_pill_drug') || b.facts.paracetamol_g !== undefined) return;
  f.affirmed.delete('overdose');
  b.set('ingestion.extra_dose_low_harm', true, `${overdose}; ${drug}; ${mistake}; ${b.provenance.pills_taken ?? oneExtra}`);
}

/** Ibuprofen swallowed by accident below this many mg per kg causes no significant toxicity (TOXBASE / NPIS; StatPearls). */
const IBUPROFEN_NON_TOXIC_MG_PER_KG = 100;

/**
 * Ibuprofen swallowed by accident, counted, at a dose per kg of body weight below 100 mg/kg, with no symptom, is no poisoning
 * to send to hospital (NPIS TOXBASE ibuprofen: under 100 mg/kg no treatment is needed, observe at home; StatPearls Ibuprofen
 * Toxicity: under 100 mg/kg symptoms are unlikely). Every part must be read: the tablets counted (the larger of the count of
 * tablets taken and a count said before the strength), the strength in mg (the
 * largest amount said near ibuprofen, so a total read as a strength only raises the dose) and the weight in kg. Self-harm,
 * any symptom, another drug that can kill in one tablet or paracetamol keeps it a poisoning; an overdose word is never cleared.
 */
function ibuprofenBelowToxicDose(b: ReadingBuilder, f: Findings): void {
  const strength = num(b.facts.ibuprofen_mg);
  // The tablets counted anywhere, or said before the strength: the larger count counts.
  const counted = num(b.facts.pills_taken);
  const before = num(b.facts.ibuprofen_tablets);
  const pills = counted === undefined ? before : before === undefined ? counted : Math.max(counted, before);
  const weight = num(b.facts.weight_kg);
  if (strength === undefined || pills === undefined || weight === undefined || weight <= 0) return;
  const perKg = Math.round((strength * pills / weight) * 10) / 10;
  const countFrom = pills === counted ? b.provenance.pills_taken : b.provenance.ibuprofen_tablets;
  b.set('ibuprofen_mg_per_kg', perKg, `${countFrom} x ${b.provenance.ibuprofen_mg} / ${b.provenance.weight_kg}`);
  const poisoning = f.affirmed.get('poisoning');
  if (!poisoning || f.affirmed.has('overdose') || perKg >= IBUPROFEN_NON_TOXIC_MG_PER_KG) return;
  const blockers = ['self_harm', 'suicidal', 'drowsy', 'confusion', 'unconscious', 'seizure', 'vomiting', 'vomiting_blood', 'abdominal_pain', 'dyspnea', 'fainted', 'cannot_swallow'];
  if (blockers.some((s) => f.affirmed.has(s)) || f.flags.has('exposure.one_pill_drug') || b.facts.paracetamol_g !== undefined || f.flags.has('exposure.paracetamol_named')) return;
  f.affirmed.delete('poisoning');
  b.set('ingestion.below_toxic_dose', true, `${poisoning}; ibuprofen ${perKg} mg/kg`);
}

/**
 * A pulse that cannot be felt, or a hand or foot pale or cold, below an injury (a deformity, a swelling or a fall read) is
 * a limb whose blood supply is compromised: the vascular emergency of a displaced fracture (NICE NG38 Fractures (non-complex):
 * an absent pulse or a pale, cold limb needs immediate referral; BOAST Supracondylar fractures of the humerus in children:
 * the perfused or pulseless hand is an emergency). Both parts must be read; a cold hand without an injury is none.
 */
function limbIschaemia(b: ReadingBuilder, f: Findings): void {
  const pulse = f.flags.get('exposure.pulse_not_felt');
  const pale = f.flags.get('exposure.limb_cold_pale');
  const injury = f.affirmed.get('deformity') ?? f.affirmed.get('injury_needs_care') ?? f.flags.get('exposure.fall') ?? f.affirmed.get('dangerous_mechanism');
  if (!injury || !(pulse || pale)) return;
  if (!pulse && !f.affirmed.has('deformity')) return;
  f.affirm('limb_ischaemia', [pulse, pale, injury].filter((x) => x !== undefined).join('; '));
}

/** A limb out of shape after an injury needs an X-ray the same day (NHS Broken arm or wrist: an odd shape: A&E). */
function deformedLimb(f: Findings): void {
  const deformity = f.affirmed.get('deformity');
  if (deformity) f.affirm('injury_needs_care', deformity);
}

/**
 * A bat or a monkey named in the account with a bite, nip or scratch told of (not always in the same clause: "picked up a
 * grounded bat ... it nipped me") is a rabies exposure (NHS Rabies: medical help immediately if bitten or scratched by a
 * bat in the UK, even with no mark; UKHSA post-exposure guidelines).
 */
function batOrMonkeyBite(f: Findings): void {
  const animal = f.flags.get('exposure.rabies_animal');
  const bite = f.flags.get('exposure.bitten') ?? f.affirmed.get('animal_bite');
  if (animal && bite) f.affirm('rabies_exposure', `${animal}; ${bite}`);
}

/** What keeps a lump below the kneecap a complaint for a clinician (NHS Osgood-Schlatter disease: see a GP for these). */
const KNEE_LUMP_BLOCKERS = ['fever', 'rigors', 'injury_needs_care', 'not_weight_bearing', 'deformity', 'infection', 'hip_pain', 'severe', 'night_pain', 'spreading_redness'];

/**
 * A painful bony lump just below the kneecap in a child of 8 to 15 is the lump of Osgood-Schlatter disease (NHS
 * Osgood-Schlatter disease: common in active children, worse with sport and kneeling, usually settles with rest, ice and
 * painkillers), a self-care complaint, not a lump to examine: its site and the age must be read, and a fever, an injury,
 * a limb that cannot bear weight, hip pain (a slipped upper femoral epiphysis of this age refers pain to the knee), spreading
 * redness, night pain or a pain scored 7 or more keep it a complaint for a clinician. The caller's lump quote is matched, so
 * a second complaint for a clinician stays one.
 */
export function osgoodSchlatterLump(b: ReadingBuilder, f: Findings, lump: string): boolean {
  const site = f.flags.get('exposure.below_kneecap');
  const age = num(b.facts.age_years);
  if (!site || age === undefined || age < 8 || age >= 16) return false;
  if (KNEE_LUMP_BLOCKERS.some((s) => f.affirmed.has(s)) || feverMeasured(b) || (num(b.facts.pain_score) ?? 0) >= 7) return false;
  f.affirm('self_care_complaint', `${lump}; ${site}`);
  b.set('presentation.osgood_schlatter_pattern', true, `${lump}; ${site}; age ${age}`);
  return true;
}

export function settleNamedPresentations(b: ReadingBuilder, f: Findings): void {
  batOrMonkeyBite(f);
  pressureUlcer(b, f);
  medicineColouredStool(b, f);
  closureFollowUp(b, f);
  pelvicGirdlePain(b, f);
  lowHarmExtraDose(b, f);
  ibuprofenBelowToxicDose(b, f);
  limbIschaemia(b, f);
  deformedLimb(f);
  settlePresentationsInContext(b, f);
}
