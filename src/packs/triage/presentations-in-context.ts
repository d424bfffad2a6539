import type { ReadingBuilder } from '../reading/reading.js';
import type { Findings } from './findings.js';
import { PAIN_ANY } from './read-text.js';
import { altitudeUnclear } from './altitude.js';

/**
 * Presentations whose meaning depends on the findings around them, read once every field is read (as in
 * named-presentations.ts). Each one is a class of public guidance, cited at its rule: a finding that reads as acute but is
 * the expected course of something already named (a face droop that takes in the forehead, swelling under a fresh cast,
 * bleeding after the abortion medicines, a product on the skin only), read so only when its reassuring parts are read
 * and no danger of the acute reading is; or a danger whose parts the words say separately (both legs weak with tingling
 * feet, fever and a sunburn-like rash with a tampon in, pressure on the neck by another person). Unknown is not safe:
 * any blocker keeps the finding as it was.
 */

type Vitals = Record<string, unknown>;

const num = (v: unknown) => (typeof v === 'number' ? v : undefined);

function vitalsOf(b: ReadingBuilder): Vitals {
  return typeof b.facts.vitals === 'object' && b.facts.vitals !== null ? (b.facts.vitals as Vitals) : {};
}

function temperatureAtLeast(b: ReadingBuilder, celsius: number): boolean {
  const t = num(vitalsOf(b).temperature_c);
  return t !== undefined && t >= celsius;
}

function shock(b: ReadingBuilder): boolean {
  const v = vitalsOf(b);
  const hr = num(v.heart_rate);
  const sbp = num(v.systolic_bp);
  return (hr !== undefined && hr > 100) || (sbp !== undefined && sbp < 90);
}

const affirmedAny = (f: Findings, names: readonly string[]) => names.some((n) => f.affirmed.has(n));

/** Signs beside a facial droop that make it a stroke or another emergency, not a facial nerve palsy. */
const FACIAL_PALSY_BLOCKERS = ['stroke_arm', 'stroke_speech', 'stroke_named', 'vision_loss', 'balance_loss', 'confusion', 'drowsy', 'unconscious', 'seizure', 'fainted',
  'thunderclap_headache', 'head_injury', 'loss_of_consciousness', 'bilateral_leg_weakness'];

/**
 * Weakness of one side of the face that takes in the forehead (the brow cannot be raised or the forehead wrinkled) with the
 * arms and legs said to be strong, and no speech, vision, balance or conscious-level change, is the lower motor neurone
 * weakness of a facial nerve palsy (NICE CKS Bell's palsy: forehead involved, no other neurological signs; a forehead that
 * is spared suggests a stroke). From age 16 (NICE NG128 reads suspected stroke from 16). The face droop is read as a facial
 * palsy, which needs a clinician the same day for steroids within 72 hours and eye care (a hazard of its own); a forehead
 * said to move, an unknown limb strength or any blocker keeps the stroke sign.
 */
function facialNervePalsy(b: ReadingBuilder, f: Findings): void {
  const face = f.affirmed.get('stroke_face');
  const forehead = f.flags.get('exposure.forehead_weak');
  const limbsStrong = f.denied.get('stroke_arm');
  const age = num(b.facts.age_years);
  if (!face || !forehead || !limbsStrong || age === undefined || age < 16) return;
  if (f.flags.has('exposure.forehead_spared') || affirmedAny(f, FACIAL_PALSY_BLOCKERS)) return;
  if (f.affirmed.has('headache') && f.affirmed.has('sudden_onset')) return;
  f.affirmed.delete('stroke_face');
  f.affirm('facial_palsy', `${face}; ${forehead}`);
  b.set('presentation.forehead_involving_facial_palsy', true, `${face}; ${forehead}; ${limbsStrong}`);
}

/** The fracture words of the injury vocabulary: an injury said to be a fracture or a broken bone. */
const FRACTURE_QUOTE = /fractur|broken|broke/iu;

/**
 * A fracture already set in a cast or a backslab is an injury that has been treated: swelling of the fingers or toes that
 * settles with elevation is its expected course (hospital cast-care advice), and the fracture clinic follows it. Pain that
 * keeps rising or is severe (7/10 or more, or a severe word), numbness or tingling, fingers or toes pale, cold or blue, a
 * cast said to be too tight, fingers or toes that cannot be moved, pain on moving them, or a pulse not felt is
 * compartment syndrome or a compromised limb until shown otherwise (NHS Compartment syndrome: acute compartment syndrome is
 * a medical emergency, go to A&E): then the fracture stays and the cast's danger is read as its own finding. The
 * reassurance needs its fact: the swelling said (by the caller) to settle with the limb raised; unsaid, the injury stays.
 */
function fractureInCast(b: ReadingBuilder, f: Findings): void {
  const injury = f.affirmed.get('injury_needs_care');
  const cast = f.flags.get('exposure.cast_applied') ?? f.flags.get('exposure.cast_tight');
  if (!cast) return;
  const danger = [
    f.flags.get('exposure.limb_numb'), f.flags.get('exposure.limb_cold_pale'), f.flags.get('exposure.pulse_not_felt'), f.flags.get('exposure.cast_tight'),
    f.flags.get('exposure.digits_wont_move'), f.flags.get('exposure.stretch_pain'), f.affirmed.get('limb_ischaemia'), f.affirmed.get('stroke_arm'),
    f.affirmed.get('severe'), f.flags.get('course.worsening'),
    (num(b.facts.pain_score) ?? 0) >= 7 ? b.provenance.pain_score ?? 'pain 7/10 or more' : undefined,
  ].filter((x): x is string => x !== undefined);
  if (danger.length > 0) {
    f.affirm('cast_compromise', `${cast}; ${danger.slice(0, 3).join('; ')}`);
    return;
  }
  if (!injury || !FRACTURE_QUOTE.test(injury) || f.affirmed.has('deformity')) return;
  // The reassuring fact must be read: swelling said to settle when the limb is raised (the caller's words).
  const settles = f.flags.get('text.swelling_settles_raised');
  if (!settles) return;
  f.affirmed.delete('injury_needs_care');
  b.set('presentation.treated_fracture_in_cast', true, `${injury}; ${cast}; ${settles}`);
}

/** How much of the bleeding after the abortion medicines is too much, or what else is wrong (NHS Abortion: get help). */
const ABORTION_BLEED_DANGERS = ['heavy_postpartum_bleeding', 'uncontrolled_bleeding', 'fainted', 'near_faint', 'loss_of_consciousness', 'unconscious', 'confusion', 'drowsy',
  'fever', 'rigors', 'severe_abdominal_pain', 'severe', 'one_sided_pain', 'shoulder_tip_pain', 'mottled_skin', 'sepsis_named', 'severe_breathing', 'vomiting'];

/**
 * Bleeding after early medical abortion medicines (mifepristone, misoprostol: the abortion pills) heavier than a period,
 * with clots and cramps, is the expected course for days (NHS Abortion, what happens: heavy bleeding with large clots for
 * a few days; get help for soaking 2 or more pads an hour for 2 hours, a high temperature, severe pain not eased by
 * painkillers, or feeling faint or unwell). Up to 10 weeks (the gestation of early medical abortion at home), from the
 * caller's own account: then the bleeding and its clots are not the bleeding of a pregnancy that goes on. A pad count an
 * hour, a faint, a fever or a temperature of 38 C, shock vitals, severe, one-sided or shoulder-tip pain, a pain of 7/10 or
 * more, a worsening course or a heavy loss other than clots (pads counted, soaking, a rate an hour) keeps the bleeding
 * (and ectopic pregnancy is read as ever). A gestation over 10 weeks keeps it; an unknown one keeps it unless a fever is
 * said to be absent as well.
 */
/** Words of a heavy loss that clots do not explain: pads counted, soaking, a rate per hour. */
const HEAVY_LOSS_WORDS = /\bpads?\b|\bsoak|\bper hour\b|\ban hour\b|\bevery hour\b|\bhourly\b|\btowels?\b|\bpouring\b|\bgushing\b/iu;

function bleedingAfterMedicalAbortion(b: ReadingBuilder, f: Findings): void {
  const medicines = f.flags.get('exposure.medical_abortion');
  // The abortion medicines are taken in a pregnancy: until it is shown to have ended, she is read as pregnant (so a
  // one-sided pain is read as a possible ectopic pregnancy, and too much bleeding as bleeding in pregnancy).
  if (medicines && !f.conditions.has('pregnant')) f.condition('pregnant', medicines);
  const bleeding = f.affirmed.get('vaginal_bleeding');
  if (!medicines || !bleeding) return;
  // The gestation must be within the 10 weeks of early medical abortion at home. An unknown gestation is not taken as
  // early on its own: it needs a fever said to be absent as well (the caller's words), or the bleeding stays.
  const weeks = num(b.facts.gestation_weeks);
  if (weeks !== undefined && weeks > 10) return;
  if (weeks === undefined && !(f.denied.has('fever') && !f.affirmed.has('fever'))) return;
  const heavy = f.affirmed.get('heavy_blood_loss');
  const at = heavy === undefined ? -1 : heavy.indexOf(': "');
  const heavyWords = heavy === undefined ? '' : at >= 0 ? heavy.slice(at) : heavy;
  // Clots only: a pad count, soaking or a rate an hour in the same words is too much bleeding, clots or not.
  const clotsOnly = heavy === undefined || (/clot/iu.test(heavyWords) && !HEAVY_LOSS_WORDS.test(heavyWords) && !f.flags.has('text.pad_rate'));
  if (!clotsOnly || affirmedAny(f, ABORTION_BLEED_DANGERS) || temperatureAtLeast(b, 38) || shock(b) || f.flags.has('course.worsening')) return;
  if ((num(b.facts.pain_score) ?? 0) >= 7) return;
  f.affirmed.delete('vaginal_bleeding');
  f.affirmed.delete('pv_bleeding');
  if (heavy !== undefined) f.affirmed.delete('heavy_blood_loss');
  b.set('presentation.expected_bleeding_after_medical_abortion', true, `${medicines}; ${bleeding}`);
}

/** Signs that a product has done harm beyond the skin, or reached the mouth, eyes or airway. */
const SKIN_ONLY_BLOCKERS = ['oral_exposure', 'vomiting', 'cough', 'drowsy', 'confusion', 'unconscious', 'seizure', 'dyspnea', 'severe_breathing', 'stridor', 'throat_swelling',
  'cannot_swallow', 'drooling', 'red_eye', 'eye_pain', 'chemical_eye_injury', 'burn', 'burn_deep', 'blistering', 'overdose', 'self_harm', 'suicidal'];

/**
 * A household product (a laundry capsule, a cleaner) said to be on the skin, washed off, with the mouth said not to have
 * been reached and no sign in the mouth, eyes, airway or on the skin, is a skin exposure: wash with water and watch for
 * irritation (NPIS / TOXBASE public first aid; UK NPIS liquid detergent capsule case series: skin-only exposures give mild
 * irritation at most). The route must be read both ways (on the skin, and the mouth denied): unknown stays a poisoning.
 * The product must be named as a household one (a laundry capsule, detergent, soap) and said washed off, with the eyes not
 * said to be reached; an agent that acts through the skin (a pesticide, a weedkiller, an organophosphate, a fentanyl or
 * other medicated patch, hydrofluoric acid) stays a poisoning.
 */
function skinOnlyProductExposure(b: ReadingBuilder, f: Findings): void {
  const poisoning = f.affirmed.get('poisoning');
  const skin = f.flags.get('exposure.on_skin');
  const mouthDenied = f.denied.get('oral_exposure');
  if (!poisoning || !skin || !mouthDenied) return;
  if (affirmedAny(f, SKIN_ONLY_BLOCKERS) || f.flags.has('exposure.one_pill_drug') || f.flags.has('exposure.swallow_word') || b.facts.paracetamol_g !== undefined) return;
  // The reassurance needs a household product, said washed off, and the eyes not reached; an agent that acts through the
  // skin (a pesticide, a weedkiller, an organophosphate, a fentanyl or other medicated patch, hydrofluoric acid) stays a poisoning.
  const product = f.flags.get('text.household_product');
  const washed = f.flags.get('text.washed_off');
  if (!product || !washed || f.flags.has('text.eyes') || f.flags.has('text.through_skin_agent')) return;
  f.affirmed.delete('poisoning');
  b.set('exposure.skin_only_product', true, `${poisoning}; ${skin}; ${mouthDenied}; ${product}; ${washed}`);
}

/** Four weeks: Guillain-Barre weakness reaches its worst within about four weeks of onset (NHS; NICE CKS). */
const GBS_MAX_ONSET_HOURS = 28 * 24;

/**
 * Weakness of both legs (legs weak or giving way, cannot climb the stairs) with numbness or tingling of a limb, new within
 * about four weeks, is suspected Guillain-Barre syndrome (NHS Guillain-Barre syndrome: tingling or numbness in the feet or
 * hands and weakness that spreads; go to A&E or call 999 if it spreads quickly or affects breathing or swallowing; NICE
 * CKS: suspected GBS needs emergency admission). A complaint said to have lasted longer keeps its own reading.
 */
function ascendingWeakness(b: ReadingBuilder, f: Findings): void {
  const legs = f.affirmed.get('bilateral_leg_weakness');
  const tingling = f.flags.get('exposure.limb_numb');
  if (!legs || !tingling) return;
  const onset = num(b.facts.onset_hours);
  if (onset !== undefined && onset > GBS_MAX_ONSET_HOURS) return;
  f.affirm('ascending_weakness', `${legs}; ${tingling}`);
}

/**
 * A tampon, a menstrual cup or a similar device (or nasal packing) with a fever and either a widespread sunburn-like rash,
 * or vomiting or diarrhoea with dizziness, a near-faint, a faint, confusion or low blood pressure, is toxic shock syndrome
 * until shown otherwise (NHS Toxic shock syndrome: a high temperature, flu-like symptoms, being sick or diarrhoea, a
 * sunburn-like rash, dizziness or fainting, with a tampon or menstrual cup: call 999 or go to A&E, and take the tampon out).
 */
function toxicShock(b: ReadingBuilder, f: Findings): void {
  const device = f.flags.get('exposure.tss_device');
  const fever = f.affirmed.get('fever') ?? (temperatureAtLeast(b, 38) ? b.provenance['vitals.temperature_c'] ?? 'temperature 38 C or more' : undefined);
  if (!device || !fever) return;
  const rash = f.affirmed.get('sunburn_rash');
  const gut = f.affirmed.get('vomiting') ?? f.affirmed.get('diarrhoea');
  const sbp = num(vitalsOf(b).systolic_bp);
  const circulation = f.affirmed.get('near_faint') ?? f.affirmed.get('fainted') ?? f.affirmed.get('confusion') ?? (sbp !== undefined && sbp < 90 ? 'systolic below 90' : undefined);
  const sign = rash ?? (gut && circulation ? `${gut}; ${circulation}` : undefined);
  if (sign) f.affirm('toxic_shock_signs', `${device}; ${fever}; ${sign}`);
}

/** Signs beside breathlessness at altitude that make it more than the expected breathlessness of exertion there. */
const ALTITUDE_BREATHING_BLOCKERS = ['severe_breathing', 'stridor', 'chest_pain', 'wheeze', 'cough', 'coughing_blood', 'fainted', 'confusion', 'drowsy', 'balance_loss', 'unconscious', 'mottled_skin'];
/** A breathing rate above this at altitude is more than the breathlessness of exertion (a sign of HAPE, WMS 2019). */
const ALTITUDE_MAX_RR = 20;

/**
 * Breathlessness said to come on with exertion and said not to be there at rest, at a stated altitude of 2,500 m or more,
 * with a saturation measured at or above the value expected for that altitude, is the expected breathlessness of exertion
 * at altitude (WMS Clinical Practice Guidelines for acute altitude illness, 2019: breathlessness on exertion is normal at
 * altitude; breathlessness at rest, a fall in exercise tolerance, a cough or a low saturation for the altitude is high
 * altitude pulmonary oedema). Unknown rest breathing, an unmeasured saturation, an unclear altitude, a cough, a worsening
 * course or a breathing rate above 20 keeps the breathlessness.
 */
function exertionalBreathlessnessAtAltitude(b: ReadingBuilder, f: Findings): void {
  const altitude = num(b.facts.altitude_m);
  const breathless = f.affirmed.get('dyspnea');
  if (f.flags.has('text.cough')) return;
  const restDenied = f.denied.get('at_rest');
  if (altitude === undefined || altitude < 2500 || altitudeUnclear(b) || !breathless || !restDenied || f.affirmed.has('at_rest')) return;
  const spo2 = num(vitalsOf(b).spo2);
  if (spo2 === undefined || !(spo2 >= 92 || b.facts.spo2_expected_for_altitude === true)) return;
  if (affirmedAny(f, ALTITUDE_BREATHING_BLOCKERS) || f.flags.has('course.worsening')) return;
  const rr = num(vitalsOf(b).respiratory_rate);
  if (rr !== undefined && rr > ALTITUDE_MAX_RR) return;
  f.affirmed.delete('dyspnea');
  b.set('presentation.exertional_breathlessness_at_altitude', true, `${breathless}; ${restDenied}; SpO2 ${spo2}% at ${altitude} m`);
}

/** Signs beside a numb injured limb that make it a stroke, a spinal or a head injury, not the injury's own nerve sign. */
const INJURED_LIMB_NUMB_BLOCKERS = ['stroke_face', 'stroke_speech', 'stroke_named', 'vision_loss', 'balance_loss', 'confusion', 'drowsy', 'unconscious', 'seizure', 'head_injury',
  'loss_of_consciousness', 'neck_pain', 'back_pain', 'headache', 'bilateral_sciatica', 'saddle_numbness', 'bilateral_leg_weakness'];

/**
 * Numbness or tingling of an arm or hand that has just been injured (a fracture, a dislocation, a deformity) is a sign of
 * that injury (NHS 111 Wales Broken arm or wrist: tingling and numbness are signs of the break; go to A&E or a minor
 * injuries unit), not one-sided numbness of a stroke. Only a numbness read by its limb and quality is so read (a word of
 * weakness, a side of the body, a face, speech or vision sign, or a head, neck or back injury keeps the stroke sign); the
 * injury keeps its own need for same-day care.
 */
function numbnessOfInjuredLimb(b: ReadingBuilder, f: Findings): void {
  const arm = f.affirmed.get('stroke_arm');
  const numb = f.flags.get('exposure.limb_numb');
  const injury = f.affirmed.get('injury_needs_care') ?? f.affirmed.get('deformity');
  if (!arm || !numb || arm !== numb || !injury) return;
  if (f.flags.has('exposure.limb_weak') || affirmedAny(f, INJURED_LIMB_NUMB_BLOCKERS)) return;
  f.affirmed.delete('stroke_arm');
  b.set('presentation.numbness_of_injured_limb', true, `${numb}; ${injury}`);
}

/** What keeps bleeding in early pregnancy a reason for the early pregnancy unit (NICE NG126 1.3.1, 1.4). */
const EARLY_BLEED_DANGERS = ['abdominal_pain', 'severe_abdominal_pain', 'one_sided_pain', 'shoulder_tip_pain', 'back_pain', 'fainted', 'near_faint', 'heavy_blood_loss', 'heavy_postpartum_bleeding',
  'uncontrolled_bleeding', 'fever', 'rigors', 'vomiting', 'severe', 'confusion'];

/**
 * Bleeding in a pregnancy of under 6 weeks, with pain said to be absent and no risk factor for an ectopic pregnancy, is
 * managed expectantly (NICE NG126 1.3.2: expectant management for a pregnancy of less than 6 weeks with bleeding but no
 * pain and no risk factors such as a previous ectopic pregnancy; a repeat urine pregnancy test after 7 to 10 days, and
 * return if symptoms continue or pain develops). The gestation must be known, pain denied in the caller's words (and no pain
 * word said), and
 * nothing of an ectopic risk (a previous ectopic, tubal surgery, a coil, IVF) read; any pain, faint, heavy loss, fever or
 * shock keeps the bleeding.
 */
function earlyPregnancyBleedingUnderSixWeeks(b: ReadingBuilder, f: Findings): void {
  const bleeding = f.affirmed.get('vaginal_bleeding');
  const weeks = num(b.facts.gestation_weeks);
  // Pain denied in the caller's words, and no pain word said anywhere: an affirmed pain outweighs any denial.
  const noPain = f.affirmed.has(PAIN_ANY) ? undefined : f.flags.get('exposure.pain_denied') ?? f.denied.get(PAIN_ANY);
  const pregnant = b.facts.pregnant === true || f.conditions.has('pregnant');
  if (!bleeding || !pregnant || weeks === undefined || weeks >= 6 || !noPain) return;
  if (f.conditions.has('ectopic_risk') || affirmedAny(f, EARLY_BLEED_DANGERS) || (num(b.facts.pain_score) ?? 0) > 0 || shock(b) || temperatureAtLeast(b, 38)) return;
  f.affirmed.delete('vaginal_bleeding');
  f.affirmed.delete('pv_bleeding');
  b.set('presentation.early_pregnancy_bleeding_expectant', true, `${bleeding}; ${b.provenance.gestation_weeks ?? `${weeks} weeks`}; ${noPain}`);
}

/**
 * Reads the presentations of this file into findings (before they become facts). Called from named-presentations.ts.
 */
export function settlePresentationsInContext(b: ReadingBuilder, f: Findings): void {
  facialNervePalsy(b, f);
  fractureInCast(b, f);
  bleedingAfterMedicalAbortion(b, f);
  skinOnlyProductExposure(b, f);
  ascendingWeakness(b, f);
  toxicShock(b, f);
  exertionalBreathlessnessAtAltitude(b, f);
  numbnessOfInjuredLimb(b, f);
  earlyPregnancyBleedingUnderSixWeeks(b, f);
  f.affirmed.delete(PAIN_ANY);
  f.denied.delete(PAIN_ANY);
}
