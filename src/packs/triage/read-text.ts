import type { ReadingBuilder, ReadText } from '../reading/reading.js';
import { conditionalScopes, negationScopes, type Lexicon, type PhraseMatch, type Quantity, type Token } from '../reading/text.js';
import { toCelsius, toHours, toYears } from '../reading/units.js';
import type { Findings } from './findings.js';
import { measuredQuantities } from './text-quantities.js';

/**
 * Reads one tokenized text of a triage request with the catalogue's vocabulary: symptoms affirmed or
 * denied (NegEx scopes from reading/text.ts, questions and "if …" clauses affirm nothing), body site ×
 * quality pairs within a clause ("heavy feeling in the middle of my chest" is chest pain), conditions,
 * and numbers with what they measure ("BP 88/50", "temp 103F", "sats 89%", "3-week-old", "40 minutes
 * ago"). Linear in the tokens: every scan looks a bounded number of tokens around a match.
 */

/** Whose words these are, which decides what counts. */
export type TextMode = 'account' | 'flags' | 'conditions' | 'questions' | 'action' | 'agent';

export interface TextContext {
  b: ReadingBuilder;
  lexicon: Lexicon;
  findings: Findings;
  mode: TextMode;
  /** Everything read here is a pertinent negative (`symptom_details.absent`). */
  negate?: boolean;
}

/** Negation words that can open a vocabulary phrase ("can't lift", "no wet nappy", "doesn't fade"). */
const PHRASE_NEGATORS = new Set(["can't", 'cannot', "couldn't", "won't", "doesn't", "don't", "didn't", "hasn't", "haven't", "isn't", 'no', 'not', 'without', 'cant', 'dont', 'doesnt', 'didnt', 'hasnt', 'wont']);
/** Words that start a new statement: a negated list stops at them ("No fever, she has a rash"). */
const STATEMENT_STARTERS = new Set(['i', 'he', 'she', 'they', 'we', 'it', 'my', 'his', 'her', 'their', 'has', 'have', 'had', 'is', 'was', 'are', 'were', 'now', 'just', 'still', 'also', 'but', "it's", "she's", "he's", "i'm", "i've"]);
const COMPOSE_WINDOW = 6;
const VITAL_LOOKBACK = 6;

/** Body site × quality → symptom. A pair counts within a clause and a few tokens of each other. */
const COMPOSE: ReadonlyArray<[site: string, quality: string, symptom: string]> = [
  ['chest', 'pain', 'chest_pain'], ['jaw', 'pain', 'jaw_pain'], ['arm', 'pain', 'arm_pain'], ['head', 'pain', 'headache'],
  ['abdomen', 'pain', 'abdominal_pain'], ['testicle', 'pain', 'testicular_pain'], ['back', 'pain', 'back_pain'], ['neck', 'pain', 'neck_pain'],
  ['shoulder_tip', 'pain', 'shoulder_tip_pain'], ['one_side', 'abdomen', 'one_sided_pain'], ['vomit', 'blood', 'vomiting_blood'],
  ['arm', 'weak', 'stroke_arm'], ['hand', 'weak', 'stroke_arm'], ['one_side', 'weak', 'stroke_arm'], ['one_side', 'numb', 'stroke_arm'], ['arm', 'numb', 'stroke_arm'],
  ['face', 'droop', 'stroke_face'], ['face', 'numb', 'stroke_face'],
  ['throat', 'swelling', 'throat_swelling'], ['tongue', 'swelling', 'throat_swelling'], ['lips', 'swelling', 'throat_swelling'],
  ['face', 'swelling', 'facial_swelling'], ['hand', 'swelling', 'facial_swelling'],
  ['neck', 'stiff', 'neck_stiffness'], ['lips', 'blue', 'severe_breathing'], ['face', 'blue', 'mottled_skin'],
  ['eye', 'cant_see', 'vision_loss'], ['saddle', 'numb', 'saddle_numbness'],
  ['both_legs', 'pain', 'bilateral_sciatica'], ['both_legs', 'numb', 'bilateral_sciatica'], ['both_legs', 'weak', 'bilateral_sciatica'],
  ['chest', 'tearing', 'tearing_pain'], ['back', 'tearing', 'tearing_pain'], ['upper_back', 'tearing', 'tearing_pain'], ['upper_back', 'pain', 'upper_back_pain'], ['upper_back', 'radiates', 'cardiac_radiation'],
  ['vomit', 'green', 'bilious_vomiting'], ['fontanelle', 'bulging', 'bulging_fontanelle'], ['cry', 'cry_abnormal', 'abnormal_cry'],
  // A pet unwell in the same home: with a source of fumes, the household pattern of carbon monoxide (a flag, not a symptom).
  ['behind_ear', 'mastoid', 'mastoid_swelling'], ['eye', 'protruding', 'proptosis'], ['eye_position', 'protruding', 'proptosis'], ['hand', 'larger', 'burn_large'], ['eye', 'blurred', 'visual_disturbance'], ['eye', 'red', 'red_eye'], ['eye', 'pain', 'eye_pain'],
  ['pet', 'unwell', 'exposure.co_pattern'], ['arm', 'radiates', 'cardiac_radiation'], ['jaw', 'radiates', 'cardiac_radiation'], ['jaw', 'radiates', 'jaw_pain'], ['arm', 'radiates', 'arm_pain'], ['head', 'impact', 'head_injury'], ['substance', 'ingested', 'poisoning'], ['magnet', 'ingested', 'magnet_ingestion'], ['battery', 'in_nose_or_ear', 'battery_in_nose_or_ear'], ['neck', 'radiates', 'cardiac_radiation'], ['back', 'radiates', 'cardiac_radiation'],
  // Tightenings said to be regular (NHS Premature labour); a struck eye; an injured penis; a swollen or discoloured toe or finger.
  ['contractions', 'regular', 'regular_contractions'], ['eye', 'impact', 'eye_injury'], ['penis', 'impact', 'penile_injury'],
  ['penis', 'swelling', 'penile_injury'], ['digit', 'swelling', 'digit_swelling'], ['digit', 'blue', 'digit_swelling'],
  // Swollen lids (NHS Conjunctivitis, newborns); an animal's bite or scratch (NHS Rabies); a wound with soil or manure in it
  // (UKHSA Green Book ch. 30); saliva that cannot be swallowed and food that is stuck (ESGE 2016 food bolus).
  ['eyelid', 'swelling', 'eyelid_swelling'], ['eye', 'swollen_size', 'eyelid_swelling'], ['animal', 'bite', 'animal_bite'], ['wound', 'soiled', 'contaminated_wound'],
  ['saliva', 'cant_swallow', 'cannot_swallow_saliva'], ['food', 'stuck', 'food_bolus'],
  // Blood over the iris after a blow is a hyphaema (College of Optometrists CMG); blood on the white of the eye is not.
  ['iris', 'blood', 'hyphaema'],
  // An ulcer in the mouth or on the tongue (NICE NG12 1.8.1); a calf or leg swollen, and which leg (a flag: one side of the
  // legs is not itself a finding; NICE NG158 reads the swelling of one leg against the other).
  ['snuffbox', 'pain', 'injury_needs_care'], ['tongue', 'ulcer', 'oral_ulcer'], ['lips', 'ulcer', 'oral_ulcer'], ['mouth_inside', 'ulcer', 'oral_ulcer'],
  ['leg', 'swollen_size', 'leg_swelling'], ['one_side', 'leg', 'side.one_leg'], ['both_legs', 'swollen_size', 'side.both_legs_swollen'],
  // GTN or rest that relieved an episode (NICE CG95 1.3: typical angina is relieved by rest or GTN within about 5 minutes): a
  // course flag, read from the caller's account only, that settles nothing on its own (see normalise.ts, known stable angina).
  ['nitrate', 'relieved', 'course.nitrate_relieved'], ['rest', 'relieved', 'course.rest_relieved'],
  // A swallowed button battery (NHS / Alder Hey: A&E straight away); pain in the hip or groin, and a leg or foot shorter or
  // turned outwards (NHS Hip fracture), read together in normalise.ts.
  ['battery', 'ingested', 'battery_ingestion'], ['hip', 'pain', 'hip_pain'], ['lower_limb', 'rotated_short', 'leg_shortened_rotated'],
  // A tummy said to be swollen or bigger ("abdomen: looks swollen") is distended (NHS Bowel obstruction; NICE CG84). A pulse
  // that cannot be felt, and a hand or foot pale or cold, are flags read with an injury in named-presentations.ts (the
  // signs of a limb whose blood supply an injury has cut: a cold hand alone, on a winter walk, is none).
  ['abdomen', 'swollen_size', 'abdominal_distension'], ['pulse', 'not_felt', 'exposure.pulse_not_felt'], ['limb_end', 'cold_pale', 'exposure.limb_cold_pale'],
  // A limb's muscles said to hurt ("legs very painful", "thighs aching"): with dark cola-coloured urine, the muscle pain of
  // rhabdomyolysis (StatPearls Rhabdomyolysis; the hazard reads both).
  ['muscle', 'pain', 'muscle_pain_weakness'],
  // A feeding tube that has come out (read with a gastrostomy in devices-and-procedures.ts); dizziness on standing up and
  // dark or scanty urine, the signs of dehydration (NHS Dehydration).
  ['feeding_tube', 'dislodged', 'exposure.feeding_tube_out'], ['standing', 'dizzy', 'postural_dizziness'], ['urine', 'dark_scanty', 'concentrated_urine'],
  // A finger, thumb or toe said to be off ("the top of my thumb is off", "cut his finger off in the door"): an amputation
  // (NHS Cuts and grazes: a part of the body cut off is A&E), unless the clause names a thing taken off it (a ring, a plaster).
  ['digit', 'severed', 'amputation'],
  // A forehead that cannot wrinkle or raise the brow, in facial weakness (NICE CKS Bell's palsy: forehead involved). Both legs weak (NHS Guillain-Barre syndrome); numbness or tingling of
  // a limb or its end (with a cast: NHS Compartment syndrome; with both legs weak: Guillain-Barre). Read together in
  // presentations-in-context.ts.
  ['brow', 'weak', 'exposure.forehead_weak'], ['brow', 'brow_still', 'exposure.forehead_weak'], ['brow', 'droop', 'exposure.forehead_weak'],
  ['both_lower_limbs', 'weak', 'bilateral_leg_weakness'], ['limb_end', 'numb', 'exposure.limb_numb'], ['digit', 'numb', 'exposure.limb_numb'], ['hand', 'numb', 'exposure.limb_numb'],
  ['arm', 'numb', 'exposure.limb_numb'], ['leg', 'numb', 'exposure.limb_numb'], ['both_lower_limbs', 'numb', 'exposure.limb_numb'],
  ['arm', 'weak', 'exposure.limb_weak'], ['hand', 'weak', 'exposure.limb_weak'], ['one_side', 'weak', 'exposure.limb_weak'], ['one_side', 'numb', 'exposure.limb_weak'],
];
/** Flags a pair can set that only lower a risk: read from the caller's account alone (the agent's words never reassure). */
const ACCOUNT_ONLY_FLAGS = new Set(['exposure.forehead_weak']);
/** Things taken off a finger or toe: "took my ring off my finger" is no amputation. */
const TAKEN_OFF = new Set(['ring', 'rings', 'glove', 'gloves', 'plaster', 'plasters', 'bandage', 'bandages', 'dressing', 'dressings', 'sock', 'socks', 'shoe', 'shoes',
  'nail', 'nails', 'toenail', 'fingernail', 'skin', 'varnish', 'polish', 'splint', 'cast', 'boot', 'boots', 'wart', 'verruca', 'scab', 'tape', 'strapping', 'clip', 'oximeter', 'probe']);

/** Whether the clause around a digit and an "off" names a thing taken off it, or the "off" comes before the digit. */
function notSevered(tokens: readonly Token[], site: PhraseMatch, quality: PhraseMatch): boolean {
  if (quality.phrase === 'off' && quality.first < site.first) return true;
  for (let j = Math.max(0, Math.min(site.first, quality.first) - 4); j < tokens.length && j <= Math.max(site.last, quality.last) + 2; j++) {
    if (tokens[j].clause === site.clause && TAKEN_OFF.has(tokens[j].text)) return true;
  }
  return false;
}

const NUMBER_WORDS = new Map<string, number>([
  ['one', 1], ['two', 2], ['three', 3], ['four', 4], ['five', 5], ['six', 6], ['seven', 7], ['eight', 8], ['nine', 9], ['ten', 10], ['eleven', 11], ['twelve', 12],
  ['thirteen', 13], ['fourteen', 14], ['fifteen', 15], ['sixteen', 16], ['seventeen', 17], ['eighteen', 18], ['nineteen', 19], ['twenty', 20], ['thirty', 30],
  ['forty', 40], ['fifty', 50], ['sixty', 60], ['seventy', 70], ['eighty', 80], ['ninety', 90], ['a', 1], ['an', 1], ['half', 0.5], ['couple', 2], ['few', 3],
]);
const TIME_UNITS = new Map<string, 'minute' | 'hour' | 'day' | 'week' | 'month' | 'year'>([
  ['minute', 'minute'], ['minutes', 'minute'], ['min', 'minute'], ['mins', 'minute'], ['hour', 'hour'], ['hours', 'hour'], ['hr', 'hour'], ['hrs', 'hour'],
  ['day', 'day'], ['days', 'day'], ['week', 'week'], ['weeks', 'week'], ['wk', 'week'], ['wks', 'week'], ['month', 'month'], ['months', 'month'], ['mo', 'month'],
  ['year', 'year'], ['years', 'year'], ['yr', 'year'], ['yrs', 'year'],
]);
/** The word right before a number that makes "2 months" an age rather than a duration. */
const AGE_LEADS = new Set(['aged', 'age', "she's", "he's", "i'm", 'im', 'is', "baby's", "who's", 'being']);

export interface TextRead {
  /** The tokens the matches index into (those of the `ReadText`). */
  tokens: Token[];
  /** Every vocabulary match but the `general` words, with its negation; hypothetical ones included. */
  matches: PhraseMatch[];
  /** Per token: inside a question or an "if …" clause. */
  hypothetical: boolean[];
}

/** Reads the tokens of one text field (`source` names it: "state.chief_complaint"). */
export function readTokens(read: ReadText, ctx: TextContext): TextRead {
  const { lexicon, findings } = ctx;
  // The lexicon walks over joiners inside a phrase ("self-harming", "A&E"), so the tokens are read as they are.
  const { tokens, addressed, text: raw, path: source } = read;
  const found = lexicon.match(tokens, new Array<boolean>(tokens.length).fill(false));
  const negated = negationWithPhrases(tokens, found);
  const hypothetical = hypotheticalScopes(tokens, ctx.mode, found);
  const relatives = relativeHistoryScopes(tokens);
  const quote = (first: number, last: number) => `${source}: "${clip(raw.slice(tokens[first].start, tokens[last].end))}"`;
  const labels = measurementLabels(tokens, found);
  const settled = settledSeverityScopes(tokens);
  readContextWords(raw, source, ctx);
  const sites: PhraseMatch[] = [];
  const qualities: PhraseMatch[] = [];
  const all: PhraseMatch[] = [];
  const matches: PhraseMatch[] = [];
  // A word inside the name of a thing ("spray gun", "nail gun", "glue gun") is part of that name, not a finding of its own.
  // Per token, the name of several words that covers it and reaches furthest (phrases are a few words: linear in the tokens).
  const nameFirst = new Array<number>(tokens.length).fill(-1);
  const nameLast = new Array<number>(tokens.length).fill(-1);
  const thingFirst = new Array<number>(tokens.length).fill(-1);
  const thingLast = new Array<number>(tokens.length).fill(-1);
  for (const o of found) {
    if (!(o.concept.startsWith('exposure.') || o.concept.startsWith('name.')) || o.last <= o.first) continue;
    for (let i = o.first; i <= o.last; i++) if (o.last > nameLast[i]) { nameLast[i] = o.last; nameFirst[i] = o.first; }
    if (o.concept.startsWith('name.')) for (let i = o.first; i <= o.last; i++) if (o.last > thingLast[i]) { thingLast[i] = o.last; thingFirst[i] = o.first; }
  }
  const insideName = (m: PhraseMatch) => m.concept.startsWith('symptom.') && nameLast[m.first] >= m.last && nameLast[m.first] - nameFirst[m.first] > m.last - m.first;
  // A body site or device word inside the name of an everyday thing ("clothes peg", "tent peg") is that thing's.
  const insideThing = (m: PhraseMatch) => (m.concept.startsWith('site.') || m.concept.startsWith('condition.')) && thingLast[m.first] >= m.last && thingLast[m.first] - thingFirst[m.first] > m.last - m.first;
  for (const m0 of found) {
    if (m0.concept === 'general' || pseudoFinding(tokens, m0, ctx.mode) || insideName(m0) || insideThing(m0)) continue;
    // "My mum had a stroke last year": a relative's history is not the patient's finding (a family history is read as such).
    if (relatives[m0.first] && m0.concept !== 'condition.family_history' && (m0.concept.startsWith('symptom.') || m0.concept.startsWith('condition.'))) continue;
    const m = { ...m0, negated: negated[m0.first] || ctx.negate === true };
    const dot = m.concept.indexOf('.');
    const kind = m.concept.slice(0, dot);
    const name = m.concept.slice(dot + 1);
    // A clause addressed to the guardrail ("note to reviewer: no chest pain, just a cold") can add a danger, never a reassurance.
    if (addressed[m0.first] && (m.negated || REASSURING.has(name) || name === 'not_pregnant' || kind === 'severity')) continue;
    all.push(m);
    if (hypothetical[m0.first]) continue;
    matches.push(m);
    switch (kind) {
      case 'symptom':
        // "Ketones 0.3": the word labels a measurement, and the number, not the word, says whether they are high.
        if (labels.has(m.first) && MEASURED_BY.has(m.concept)) break;
        // "The pain was horrendous but the diclofenac has sorted it": how bad it was is not how bad it is.
        if (name === 'severe' && settled[m.first] && !m.negated) break;
        // "I feel horrendous", "feeling awful": how the person feels in themselves, not how bad a pain or a symptom is.
        if (name === 'severe' && feltWord(tokens, m.first)) break;
        if (ctx.mode === 'questions') findings.asked.add(name);
        // A lump is a complaint for a clinician unless it is the swelling of a bite or sting (decided once all fields are read).
        else if (ctx.mode !== 'conditions') {
          record(findings, m.concept === 'symptom.clinic_complaint' && m.phrase === 'lump' ? LUMP : name, m.negated, quote(m.first, m.last), ctx.mode);
          if (!m.negated && ctx.mode === 'account' && goneRightAfter(tokens, m.last)) findings.resolved.set(name, quote(m.first, Math.min(m.last + 3, tokens.length - 1)));
        }
        break;
      case 'condition':
        if (ctx.mode === 'questions') findings.asked.add(name);
        else findings.condition(name, quote(m.first, m.last), m.negated);
        break;
      case 'site':
        // "Went into the back of me", "the back of the neck": the back of something else is not the patient's back.
        if (name === 'back' && m.phrase === 'back' && tokens[m.last + 1]?.text === 'of') break;
        // "Pain in my side", "on the left side": the patient's side. "Sore at the side" (of a nail), "the sore side" (of a
        // breast): the side of something else names no belly or flank.
        if (name === 'abdomen' && m.phrase === 'side' && !ownSide(tokens, m.first)) break;
        sites.push({ ...m, concept: name });
        break;
      case 'quality':
        qualities.push({ ...m, concept: name });
        // Any pain word in the caller's account, said or denied ("no pain at all", `pain: none`): read as a pending finding
        // that presentations-in-context.ts reads and removes (a pain denied in early pregnancy bleeding, NICE NG126 1.3.2).
        if (name === 'pain' && ctx.mode === 'account') record(findings, PAIN_ANY, m.negated, quote(m.first, m.last), ctx.mode);
        break;
      case 'exposure':
        // A food allergen in the conditions or allergies list ("allergies: peanuts") is a known allergy.
        if (m.concept === 'exposure.food_allergen' && ctx.mode === 'conditions' && !m.negated) findings.condition('allergy', quote(m.first, m.last));
        // An amount that reassures ("one sip", "spat it out") is the caller's to tell: the agent's or the action's words never reassure.
        if (REASSURING_EXPOSURES.has(m.concept) && ctx.mode !== 'account') break;
        if (!m.negated && ctx.mode !== 'questions' && ctx.mode !== 'conditions') findings.flag(m.concept, quote(m.first, m.last));
        break;
      case 'course':
        // How the complaint is going, in the caller's account only; treatment under way may also sit in the medications list.
        // The agent's words ("improving as expected") never count: they can add a danger, never a reassurance.
        if (!m.negated && (ctx.mode === 'account' || (ctx.mode === 'conditions' && name === 'under_treatment'))) findings.flag(m.concept, quote(m.first, m.last));
        break;
      case 'severity':
        if (!m.negated && ctx.mode !== 'questions' && ctx.mode !== 'conditions') findings.severities.add(name as 'mild' | 'moderate');
        break;
      case 'normal':
        // "Breathing totally fine", "wide awake": the caller's own words for the normal counterpart of a finding deny it
        // (an affirmation anywhere else still wins). The agent's words never deny.
        if (!m.negated && ctx.mode === 'account') findings.deny(name, quote(m.first, m.last));
        break;
      default:
    }
  }
  // A phrase of three words or more already says what its words mean ("like being hit on the back of the head").
  const spans = matches.filter((m) => m.concept.startsWith('symptom.') && m.last - m.first >= 2);
  if (ctx.mode !== 'conditions') compose(sites, qualities, spans, { ...ctx, tokens }, quote, addressed);
  if (ctx.mode !== 'questions') {
    readNumbers(tokens, matches, hypothetical, ctx, quote);
    readParacetamol(tokens, matches, hypothetical, ctx.b, quote);
    readMagnetCount(tokens, matches, ctx.b, quote);
    readStingCount(tokens, hypothetical, ctx.b, quote);
    if (ctx.mode === 'account' && ctx.negate !== true) readTakenTwice(tokens, hypothetical, negated, findings, quote);
  }
  return { tokens, matches: all, hypothetical };
}

const FEEL_WORDS = new Set(['feel', 'feels', 'feeling', 'felt']);
const FEEL_FILLERS = new Set(['so', 'really', 'absolutely', 'just', 'pretty', 'quite', 'bloody', 'completely', 'totally']);

/** Words of how the callers say they look themselves ("I look awful", "I'm looking terrible"). */
const LOOK_WORDS = new Set(['look', 'looks', 'looking', 'looked']);
const FIRST_PERSON_LOOKERS = new Set(['i', "i'm", 'im']);

/**
 * A severity word said of how someone feels: a feel word right before it, past an intensifier or two. The same for
 * how callers say they look themselves ("I look awful" with a rash): an appearance grades no pain. Said of someone
 * else ("she looks awful") it is kept, as a carer's sense that a patient looks ill is a warning of its own.
 */
function feltWord(tokens: readonly Token[], at: number): boolean {
  for (let j = at - 1; j >= 0 && at - j <= 3; j--) {
    const w = tokens[j].text;
    if (FEEL_WORDS.has(w)) return true;
    if (LOOK_WORDS.has(w)) return FIRST_PERSON_LOOKERS.has(tokens[j - 1]?.text ?? '');
    if (!FEEL_FILLERS.has(w)) return false;
  }
  return false;
}

const SIDE_OWNERS = new Set(['my', 'his', 'her', 'their', 'your', 'in', 'down', 'on']);
const SIDE_QUALIFIERS = new Set(['left', 'right', 'lower', 'upper', 'one', 'the', 'a']);

/** Whether a bare "side" is the patient's: an owner ("my", "in", "on") before it, past side words or an article ("in the lower right side"). */
function ownSide(tokens: readonly Token[], at: number): boolean {
  // "The right side of the neck", "the left side of my face": the side of another part of the body is not the belly or flank
  // ("the left side of my tummy" still is).
  if (tokens[at + 1]?.text === 'of') {
    let k = at + 2;
    while (k < tokens.length && k - at <= 4 && SIDE_OF_FILLERS.has(tokens[k].text)) k++;
    if (OTHER_SIDE_PARTS.has(tokens[k]?.text ?? '')) return false;
  }
  for (let j = at - 1; j >= 0 && at - j <= 4; j--) {
    const w = tokens[j].text;
    if (SIDE_OWNERS.has(w)) return true;
    if (!SIDE_QUALIFIERS.has(w)) return false;
  }
  return false;
}

const SIDE_OF_FILLERS = new Set(['the', 'my', 'his', 'her', 'their', 'your', 'its']);
/** Parts of the body other than the belly or flank whose side may be named ("the right side of the neck"). */
const OTHER_SIDE_PARTS = new Set(['neck', 'head', 'face', 'forehead', 'jaw', 'mouth', 'tongue', 'lip', 'lips', 'nose', 'throat', 'scalp', 'skull', 'eye', 'ear', 'cheek',
  'foot', 'feet', 'toe', 'toes', 'heel', 'ankle', 'knee', 'leg', 'thigh', 'calf', 'shin', 'hand', 'finger', 'thumb', 'wrist', 'arm', 'elbow', 'shoulder', 'nail', 'breast', 'nipple', 'bed', 'road', 'house', 'pitch', 'body']);
/** Words that say a finding has passed ("gone", "settled"); "went" and "gone" only when not "went up", "gone higher". */
const GONE_WORDS = new Set(['gone', 'went', 'resolved', 'settled', 'cleared', 'stopped', 'broke', 'passed', 'sorted', 'eased', 'disappeared']);
const GONE_FILLERS = new Set(['has', 'had', 'have', 'is', 'was', 'now', 'all', 'completely', 'totally', 'since', 'then', 'finally', 'away']);
const RISING = new Set(['up', 'higher', 'high', 'to', 'back', 'into', 'worse', 'off', 'through', 'on']);

function goneWord(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  if (t === undefined || t.kind !== 'word' || !GONE_WORDS.has(t.text)) return false;
  if ((t.text === 'went' || t.text === 'gone' || t.text === 'passed') && RISING.has(tokens[i + 1]?.text ?? '')) return false;
  return true;
}

/** "The fever went", "fever has gone now": a word of passing right after the finding (a filler or two between). */
function goneRightAfter(tokens: readonly Token[], last: number): boolean {
  for (let j = last + 1; j < tokens.length && j - last <= 3; j++) {
    if (tokens[j].kind !== 'word') return false;
    if (goneWord(tokens, j)) return true;
    if (!GONE_FILLERS.has(tokens[j].text)) return false;
  }
  return false;
}

const PAST_MARKERS = new Set(['was', 'were', 'had']);

/**
 * Per token: inside the first part of a sentence told in the past ("was", "had") that a later "but" says has passed
 * ("I had a really bad pain but it's gone now", "the pain was horrendous but my diclofenac has sorted it"). A "still"
 * anywhere in the sentence keeps it current.
 */
function settledSeverityScopes(tokens: readonly Token[]): boolean[] {
  const out = new Array<boolean>(tokens.length).fill(false);
  let start = 0;
  for (let i = 0; i <= tokens.length; i++) {
    if (i < tokens.length && tokens[i].kind !== 'break') continue;
    let but = -1;
    let past = false;
    let still = false;
    let gone = false;
    for (let j = start; j < i; j++) {
      const w = tokens[j].text;
      if (w === 'still') still = true;
      if (but < 0 && PAST_MARKERS.has(w)) past = true;
      if (but < 0 && w === 'but') but = j;
      else if (but >= 0 && goneWord(tokens, j)) gone = true;
    }
    if (past && gone && !still && but >= 0) for (let j = start; j < but; j++) out[j] = true;
    start = i + 1;
  }
  return out;
}

/** The pending finding of any pain word, said or denied (see presentations-in-context.ts). */
export const PAIN_ANY = 'pain_any_pending';
/** The pending finding of a lump (see normalise.ts: a bite's or sting's lump is its local swelling). */
export const LUMP = 'lump_pending';
/** The pending finding of a burning in the chest (see normalise.ts: heartburn when reflux is named and nothing cardiac is). */
export const CHEST_BURNING = 'chest_burning_pending';

/** Symptoms whose word is also the label of their measurement: followed by a number, the number decides. */
const MEASURED_BY = new Set(['symptom.ketosis']);
const LABEL_REACH = 4;

/** Token indexes where a `vital.*` phrase starts that a number follows within its clause ("blood ketones 0.3 mmol"). */
function measurementLabels(tokens: readonly Token[], found: readonly PhraseMatch[]): Set<number> {
  const out = new Set<number>();
  for (const m of found) {
    if (!m.concept.startsWith('vital.')) continue;
    for (let j = m.last + 1; j < tokens.length && j - m.last <= LABEL_REACH; j++) {
      if (tokens[j].kind === 'break' || tokens[j].clause !== m.clause) break;
      if (tokens[j].kind === 'number') {
        out.add(m.first);
        break;
      }
    }
  }
  return out;
}

/** The agent's own words (the action) can add a danger, never a reassurance: no denials, no benign complaint. */
const REASSURING = new Set(['self_care_complaint', 'clinic_complaint', 'chest_wall_pain']);
/** Exposure flags that can only lower a risk: read from the caller's account alone. */
const REASSURING_EXPOSURES = new Set(['exposure.small_taste', 'exposure.cast_applied', 'exposure.medical_abortion', 'exposure.on_skin', 'exposure.pain_denied', 'exposure.below_kneecap']);

/** Relatives: a clause about one of them, told as history, describes someone other than the patient. */
const RELATIVES = new Set(['mum', 'mom', 'mother', 'mum\'s', 'mother\'s', 'dad', 'father', 'dad\'s', 'father\'s', 'brother', 'sister', 'brother\'s', 'sister\'s', 'grandma', 'grandmother', 'grandad', 'granddad', 'grandfather', 'grandpa', 'nan', 'nana', 'granny', 'gran', 'aunt', 'auntie', 'aunty', 'uncle', 'cousin', 'parents', 'sibling', 'siblings', 'relative', 'relatives', 'family',
  // Other people the caller knows of: a friend's appendicitis last year is a story, not a finding (told as happening, they may be the patient).
  'friend', "friend's", 'friends', 'colleague', "colleague's", 'neighbour', "neighbour's", 'neighbor', "neighbor's", 'classmate', 'guy', 'bloke', 'someone', "someone's", 'somebody', 'workmate', 'flatmate', 'housemate']);
/** What makes a clause about a relative history rather than what is happening now. */
const HISTORY_MARKERS = new Set(['died', 'dies', 'death', 'passed', 'history', 'ago', 'teenager', 'teen', 'child', 'runs', 'previously', 'once', 'used', 'ended']);
/** Words that bring a clause back to now or to the caller ("…years ago and now he has chest pain", "…and I have a headache"). */
const NOW_WORDS = new Set(['now', 'today', 'tonight', 'currently', 'suddenly', 'just', 'i', "i'm", 'im', "i've", 'ive', 'me', 'own', 'myself']);
const HISTORY_SPAN = 14;
const FIRST_PERSON = new Set(['i', "i'm", 'im', "i've", 'ive', 'me', 'myself']);

/**
 * Per token: inside a span about a relative's past ("my mum had a stroke last year", "my brother self-harmed when he
 * was a teenager", "my dad died of a heart attack"). The span runs from the relative word to the end of its clause, a
 * comma or a word that returns to the present, and counts only when it holds a marker of history; a relative whose
 * symptoms are told as happening ("my dad has chest pain") is the patient and is read as usual.
 */
function relativeHistoryScopes(tokens: readonly Token[]): boolean[] {
  const out = new Array<boolean>(tokens.length).fill(false);
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i].kind !== 'word' || !RELATIVES.has(tokens[i].text)) continue;
    let end = i + 1;
    let history = false;
    let had = false;
    for (; end < tokens.length && end - i <= HISTORY_SPAN; end++) {
      const u = tokens[end];
      // "My aunt had bowel cancer so I panic": the relative's "had" told as the reason for the caller's own worry is their history.
      if (NOW_WORDS.has(u.text) && had && FIRST_PERSON.has(u.text) && u.clause === tokens[i].clause) history = true;
      if (u.kind === 'break' || u.clause !== tokens[i].clause || (u.kind === 'symbol' && u.text === ',') || NOW_WORDS.has(u.text)) break;
      if (u.text === 'had') had = true;
      if (HISTORY_MARKERS.has(u.text) || (u.text === 'last' && (tokens[end + 1]?.text === 'year' || tokens[end + 1]?.text === 'month')) || (u.text === 'when' && ['he', 'she', 'they', 'i'].includes(tokens[end + 1]?.text ?? ''))) history = true;
    }
    if (!history) continue;
    for (let j = i; j < end; j++) out[j] = true;
    i = end - 1;
  }
  return out;
}

/** Words that make a named diagnosis a worry or a guess ("worried it might be meningitis"), not a finding. */
const WORRY = new Set(['worried', 'worry', 'worries', 'wonder', 'wondering', 'concerned', 'scared', 'afraid', 'might', 'maybe', 'could', 'think', 'thinks', 'thought', 'whether', 'unlikely', 'ruled', 'history', 'previous', 'previously', 'had', 'years',
  // What the caller read or heard about ("I've read about sepsis", "heard meningitis is going round") is not a diagnosis.
  'read', 'reading', 'heard', 'googled', 'googling', 'searched', 'article', 'articles', 'online', 'internet', 'news', 'leaflet']);
const SAFETY_NET = new Set(['safety', 'netting', 'safetynet', 'leaflet', 'advice', 'advise', 'advised', 'warning', 'awareness', 'information', 'educate', 'education', 'signs', 'symptoms', 'red']);
const GUESS = new Set(['worried', 'worry', 'worries', 'wonder', 'wondering', 'concerned', 'scared', 'afraid', 'might', 'maybe', 'could', 'whether', 'unlikely', 'ruled', 'fear', 'fears', 'feared', 'frightened']);
const NOT_CONFUSION = new Set(['about', 'by', 'whether', 'as', 'with', 'over']);
/** The vague words of the confusion vocabulary for a change in someone ("not herself"), as opposed to confusion itself. */
const VAGUE_CHANGE = new Set(['not himself', 'not herself', 'not themselves']);
const LONG_UNITS = new Set(['week', 'weeks', 'month', 'months', 'year', 'years']);
const DURATION_FILLERS = new Set(['about', 'around', 'over', 'nearly', 'almost', 'roughly', 'the', 'past', 'last', 'a', 'couple', 'of', 'few', 'several', 'two', 'three', 'four', 'five', 'six', 'many']);
const DURATION_REACH = 6;

/** "for about a month", "for weeks", "for the last 3 weeks": a length of weeks or more said right after a finding, in its sentence. */
function lastsWeeks(tokens: readonly Token[], from: number): boolean {
  let j = from;
  while (j < tokens.length && j - from < 3 && tokens[j].kind !== 'break' && tokens[j].text !== 'for') j++;
  if (tokens[j]?.text !== 'for') return false;
  for (let k = j + 1; k < tokens.length && k - j <= DURATION_REACH; k++) {
    const t = tokens[k];
    if (t.kind === 'break') return false;
    if (LONG_UNITS.has(t.text)) return true;
    if (!(t.kind === 'number' || DURATION_FILLERS.has(t.text))) return false;
  }
  return false;
}

/** Words after "worse" that name when an activity is done ("worse after football", "worse during matches"). */
const AFTER_ACTIVITY = new Set(['after', 'during']);
/** What after "after" makes it a time, not an activity: "worse after 2 days", "worse after a week", "worse after yesterday". */
const TIME_WORDS = new Set(['day', 'days', 'week', 'weeks', 'hour', 'hours', 'month', 'months', 'night', 'weekend', 'yesterday', 'today', 'tonight', 'morning',
  'evening', 'lunch', 'midnight', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday', 'that', 'this', 'it', 'starting', 'stopping', 'surgery', 'operation']);

function activityFollows(tokens: readonly Token[], at: number): boolean {
  const t = tokens[at];
  if (t === undefined || t.kind !== 'word' || TIME_WORDS.has(t.text) || NUMBER_WORDS.has(t.text)) return false;
  return !TIME_WORDS.has(tokens[at + 1]?.text ?? '');
}

/** Matches that look like a finding and are not: "hay fever", "confused about the dose", a worried "stroke?". */
const HANGING_POSITION = new Set(['down', 'out', 'off', 'from', 'loose', 'over', 'there', 'up', 'around', 'round', 'on', 'low']);
const USUAL_WORDS = new Set(['normal', 'usual', 'same', 'unchanged', 'regular']);
/** Words of a mild or comparative sleepiness (not "hard to wake", "floppy", "unrousable"). */
const MILD_SLEEPINESS = new Set(['sleepier', 'drowsier', 'more sleepy', 'more drowsy', 'drowsy', 'drowsiness', 'sleepier than usual', 'more sleepy than usual']);
/** Times of day said as recurring ("in the afternoons", "most evenings", "every afternoon"). */
const RECURRING_TIMES = new Set(['afternoons', 'evenings']);
const RECURRING_SINGULAR = new Set(['afternoon', 'evening']);

/** Whether a recurring time of day follows at `i` ("in the afternoons", "most evenings", "every afternoon"). */
function recurringTimeOfDay(tokens: readonly Token[], i: number): boolean {
  const a = tokens[i]?.text;
  const b = tokens[i + 1]?.text ?? '';
  const c = tokens[i + 2]?.text ?? '';
  if (a === 'in' && b === 'the' && RECURRING_TIMES.has(c)) return true;
  if ((a === 'most' || a === 'some') && RECURRING_TIMES.has(b)) return true;
  return a === 'every' && RECURRING_SINGULAR.has(b);
}

function pseudoFinding(tokens: readonly Token[], m: PhraseMatch, mode: TextMode): boolean {
  // "A non-drowsy antihistamine", "non-itchy": the prefix denies the word (a phrase that holds it, "non-blanching", starts at "non").
  if (tokens[m.first - 1]?.text === '-' && tokens[m.first - 2]?.text === 'non' && (m.concept.startsWith('symptom.') || m.concept.startsWith('quality.'))) return true;
  // "Hay fever" is an allergy; "fever-free for 48 hours" says the fever is not there (normal.fever denies it).
  if (m.concept === 'symptom.fever') return tokens[m.first - 1]?.text === 'hay' || tokens[m.last + 1]?.text === 'free' || (tokens[m.last + 1]?.text === '-' && tokens[m.last + 2]?.text === 'free');
  // "It's like toothache down my leg": a comparison says what the pain feels like, not which complaint it is.
  // Only the everyday complaints are read so; a danger named in a comparison still counts.
  if ((m.concept === 'symptom.clinic_complaint' || m.concept === 'symptom.self_care_complaint') && tokens[m.first - 1]?.text === 'like') return true;
  // "Worst on windy days", "worst in the mornings": when it is at its worst, not how bad it is.
  if (m.concept === 'symptom.severe' && m.phrase === 'worst' && WHEN_WORDS.has(tokens[m.last + 1]?.text ?? '')) return true;
  if (m.concept === 'symptom.stridor' && onlyWhenUpset(tokens, m)) return true;
  // "Whooping cough", "coughing fits that end in a whooping breath": the whoop after a bout of coughing is pertussis's
  // (NICE CKS Whooping cough), not the stridor at rest of an obstructed airway; its own dangers (apnoea, going blue, an
  // infant) are read apart.
  if (m.concept === 'symptom.stridor' && m.phrase === 'whooping' && coughNear(tokens, m)) return true;
  // "Checked arm drift on video", "tested for neck stiffness": what an examination looked for is not its result.
  if (m.concept.startsWith('symptom.') && testedFor(tokens, m.first)) return true;
  // "My lips feel floppy", "her mouth is floppy on one side": floppy said of a part of the face is the weakness of that
  // part, not a floppy, drowsy person.
  if (m.concept === 'symptom.drowsy' && m.phrase === 'floppy' && facePartNear(tokens, m)) return true;
  // "Nearly keeled over", "almost passed out": a near-faint (presyncope) is not a faint or a loss of consciousness.
  if ((m.concept === 'symptom.fainted' || m.concept === 'symptom.loss_of_consciousness' || m.concept === 'symptom.unconscious') && NEARLY.has(tokens[m.first - 1]?.text ?? '')) return true;
  // "Fine at rest", "OK when resting": the words say the complaint is not there at rest.
  if (m.concept === 'symptom.at_rest' && AT_REST_WELL.has(tokens[m.first - 1]?.text ?? '')) return true;
  if (m.concept === 'symptom.non_blanching_rash' && m.phrase === 'glass test' && blanchedInClause(tokens, m)) return true;
  // "Not herself for about a month": the vague words for a change in someone, told as lasting weeks or more, are a
  // long-standing unwellness, not the new-onset confusion of an altered mental state (ESI v4 ch. 4 reads new onset).
  if (m.concept === 'symptom.confusion' && VAGUE_CHANGE.has(m.phrase) && lastsWeeks(tokens, m.last + 1)) return true;
  // "Confused about the dose", "muddled by the leaflet": a worry about something, not an altered mental state. Only a
  // single word is read so: "asking the same question over and over" is repetition, whatever word follows it.
  if (m.concept === 'symptom.confusion') return m.first === m.last && NOT_CONFUSION.has(tokens[m.last + 1]?.text ?? '') && !(tokens[m.last + 1]?.text === 'over' && tokens[m.last + 2]?.text === 'and');
  // "Cut back training", "cut down on caffeine": the verb of doing less, not a wound.
  if (m.concept === 'symptom.skin_broken' && m.phrase === 'cut' && (tokens[m.last + 1]?.text === 'back' || (tokens[m.last + 1]?.text === 'down' && tokens[m.last + 2]?.text === 'on'))) return true;
  // "Something hanging down", "a cord hanging out": hanging as a position, not a means of suicide.
  if (m.concept === 'symptom.suicide_plan' && m.phrase === 'hanging' && HANGING_POSITION.has(tokens[m.last + 1]?.text ?? '')) return true;
  // "Pale urine, normal frequency": an attribute said to be as usual is no urinary frequency.
  if (m.phrase === 'frequency' && USUAL_WORDS.has(tokens[m.first - 1]?.text ?? '')) return true;
  // "A bit sleepier in the afternoons", "drowsy most evenings": a mild sleepiness at a recurring time of day is a pattern of
  // rest, not the new drowsiness of an altered mental state; "hard to wake in the afternoons" or "drowsy since lunch" still is.
  if (m.concept === 'symptom.drowsy' && MILD_SLEEPINESS.has(m.phrase) && recurringTimeOfDay(tokens, m.last + 1)) return true;
  // "Worse with stairs", "worse when I bend", "worse on turning": what brings it on (an aggravating factor), not a course
  // that is getting worse; "worse since yesterday", "getting worse" still are.
  if (m.concept === 'course.worsening' && m.phrase === 'worse' && AGGRAVATED_BY.has(tokens[m.last + 1]?.text ?? '') && !TIME_AFTER.has(tokens[m.last + 2]?.text ?? '')) return true;
  // "Worse after training", "worse during matches": an activity that brings it on; "worse after two days" is a course.
  if (m.concept === 'course.worsening' && m.phrase === 'worse' && AFTER_ACTIVITY.has(tokens[m.last + 1]?.text ?? '') && activityFollows(tokens, m.last + 2)) return true;
  // "I googled black stools and it said internal bleeding", "the website says sepsis": what a search or a web page said is
  // what the caller read, not a finding of the patient (as a diagnosis only read about names nothing). The caller's own
  // words before the search still count; only what follows the source's "said" in its sentence is hearsay.
  if (m.concept.startsWith('symptom.') && mode === 'account' && readSourceSaid(tokens, m)) return true;
  // "Bleeding gums", "his nose bled", "the cut is bleeding": bleeding said of another part of the body is not vaginal bleeding.
  if (m.concept === 'symptom.vaginal_bleeding' && GENERIC_BLEEDING.has(m.phrase) && otherBleedingSite(tokens, m)) return true;
  // In the agent's words, "ring the poison line" names a service to call, not a poisoning.
  if (m.concept === 'symptom.poisoning' && (mode === 'action' || mode === 'agent') && POISON_SERVICES.has(tokens[m.last + 1]?.text ?? '')) return true;
  if (mode !== 'flags' && m.concept.startsWith('symptom.') && m.concept.endsWith('_named')) {
    // "Stopping raises your stroke risk", "a higher risk of heart attack": a risk is not a presentation.
    if (RISK_WORDS.has(tokens[m.last + 1]?.text ?? '') || (tokens[m.first - 1]?.text === 'of' && RISK_WORDS.has(tokens[m.first - 2]?.text ?? ''))) return true;
    for (let j = m.first - 1; j >= 0 && tokens[j].clause === m.clause && m.first - j <= 8; j--) {
      if (WORRY.has(tokens[j].text)) return true;
      // "My head went straight to meningitis", "my mind jumped to sepsis": a thought, not a diagnosis.
      if (THOUGHT_MOVES.has(tokens[j].text) && (tokens[j - 1]?.text === 'head' || tokens[j - 1]?.text === 'mind')) return true;
      // "My wife says bites go septic", "my mum reckons it's meningitis": a lay opinion; a clinician's ("the GP said") still counts.
      if (SAY_VERBS.has(tokens[j].text) && (LAY_PEOPLE.has(tokens[j - 1]?.text ?? '') || RELATIVES.has(tokens[j - 1]?.text ?? ''))) return true;
    }
    // The agent's "sepsis safety-netting" or "meningitis warning signs leaflet" is advice about a diagnosis, not one.
    if (mode === 'action' || mode === 'agent') {
      for (let j = Math.max(0, m.first - 4); j < tokens.length && j <= m.last + 4; j++) if (tokens[j].clause === m.clause && SAFETY_NET.has(tokens[j].text)) return true;
    }
  }
  // "Worried about a heart attack" names no heart disease; "had a heart attack" does, so history words do not count here.
  if (mode !== 'flags' && mode !== 'conditions' && m.concept.startsWith('condition.')) {
    for (let j = m.first - 1; j >= 0 && tokens[j].clause === m.clause && m.first - j <= 6; j--) if (GUESS.has(tokens[j].text)) return true;
  }
  return false;
}

/** Parts of the face a side or a quality may be said of ("left eyebrow", "lips feel floppy"). */
const FACE_PARTS = new Set(['face', 'facial', 'forehead', 'eyebrow', 'eyebrows', 'brow', 'eyelid', 'eyelids', 'eye', 'cheek', 'mouth', 'lip', 'lips', 'smile', 'nostril', 'jaw']);
const FACE_REACH = 4;

/** Whether a part of the face is named a few words before a match, in its clause ("lips feel floppy"). */
function facePartNear(tokens: readonly Token[], m: PhraseMatch): boolean {
  for (let j = m.first - 1; j >= 0 && m.first - j <= FACE_REACH; j--) {
    if (tokens[j].kind === 'break' || tokens[j].clause !== m.clause || (tokens[j].kind === 'symbol' && tokens[j].text === ',')) return false;
    if (FACE_PARTS.has(tokens[j].text)) return true;
  }
  return false;
}

const RISK_WORDS = new Set(['risk', 'risks']);
/** Words that make a faint only a near one ("nearly passed out", "almost fainted"). */
const NEARLY = new Set(['nearly', 'almost', 'near']);
/** Words before "at rest" that say nothing is wrong then ("fine at rest", "ok at rest", "settles at rest"). */
const AT_REST_WELL = new Set(['fine', 'ok', 'okay', 'alright', 'normal', 'good', 'better', 'settles', 'settled', 'eases', 'eased', 'goes', 'comfortable']);
const POISON_SERVICES = new Set(['line', 'lines', 'centre', 'center', 'centres', 'centers', 'control', 'helpline', 'information', 'service', 'unit', 'hotline', 'number', 'specialist', 'specialists']);
/** The bleeding words of the vaginal-bleeding vocabulary that name no site of their own. */
const GENERIC_BLEEDING = new Set(['bleeding', 'bled', 'clots', 'blood loss', 'passing clots']);
/** Parts of the body, wounds and body fluids other than the vagina that bleeding may be said of. */
// Words a pregnant woman may use of vaginal bleeding (the toilet, her legs, being sick with it) are not here: unknown stays a danger.
const OTHER_BLEEDING_SITES = new Set(['gum', 'gums', 'nose', 'nosebleed', 'nostril', 'nostrils', 'mouth', 'lip', 'lips', 'tongue', 'tooth', 'teeth', 'brushing', 'toothbrush', 'floss', 'flossing', 'cut', 'cuts', 'wound', 'graze', 'finger', 'thumb', 'hand', 'arm', 'scalp', 'ear', 'ears', 'eye', 'nipple', 'nipples', 'mole', 'scab', 'bite', 'injection', 'cannula', 'stoma', 'shaving', 'calf', 'shin', 'knee', 'ankle', 'toe', 'toes', 'heel', 'elbow', 'wrist', 'puncture', 'punctures', 'marks', 'scratch', 'scratches', 'bitten', 'nipped'])
const BLEEDING_SITE_REACH = 4;

/** Whether a bleeding word's clause names another part of the body a few words either side ("gums bleed", "bleeding from the nose"). */
function otherBleedingSite(tokens: readonly Token[], m: PhraseMatch): boolean {
  for (let j = Math.max(0, m.first - BLEEDING_SITE_REACH); j < tokens.length && j <= m.last + BLEEDING_SITE_REACH; j++) {
    if (j >= m.first && j <= m.last) continue;
    if (tokens[j].clause !== m.clause || tokens[j].kind === 'break') continue;
    if (OTHER_BLEEDING_SITES.has(tokens[j].text)) return true;
  }
  return false;
}

/** Words after "worse" that name what brings a complaint on ("worse with stairs", "worse when bending", "worse on movement"). */
const AGGRAVATED_BY = new Set(['with', 'when', 'if', 'lying', 'moving', 'walking', 'bending', 'coughing', 'turning', 'standing', 'sitting', 'climbing', 'going', 'breathing', 'eating', 'touching', 'pressing', 'pressure', 'exercise', 'movement']);
/** Words after "worse with" that make it a course after all ("worse with time", "worse with each day"). */
const TIME_AFTER = new Set(['time', 'each', 'every', 'day', 'days', 'hour', 'hours', 'week', 'weeks', 'age']);
/** Where a caller read something: a search, the internet, a web page, a forum (not a device or app that measures). */
const READ_SOURCES = new Set(['googled', 'google', 'googling', 'internet', 'online', 'website', 'websites', 'web', 'article', 'forum', 'searched', 'search', 'chatgpt']);
const SOURCE_REACH = 10;

/**
 * Whether a finding comes after a say verb of a read source in its sentence ("I googled black stools and it said internal
 * bleeding", "online it says meningitis"): the say verb within a few tokens before the finding, the source within a few
 * tokens before the verb. A sentence break ends the search.
 */
function readSourceSaid(tokens: readonly Token[], m: PhraseMatch): boolean {
  for (let j = m.first - 1; j >= 0 && m.first - j <= SOURCE_REACH; j--) {
    // The say verb is in the finding's own clause: "it said a bleed, and she is bleeding now" keeps the second.
    if (tokens[j].kind === 'break' || tokens[j].clause !== m.clause || (tokens[j].kind === 'symbol' && tokens[j].text === ',')) return false;
    if (!SAY_VERBS.has(tokens[j].text) && tokens[j].text !== 'say' && tokens[j].text !== 'suggested' && tokens[j].text !== 'suggests') continue;
    for (let k = j - 1; k >= 0 && j - k <= SOURCE_REACH; k--) {
      if (tokens[k].kind === 'break') return false;
      if (READ_SOURCES.has(tokens[k].text)) return true;
    }
    return false;
  }
  return false;
}
const WHEN_WORDS = new Set(['on', 'in', 'at', 'when', 'after', 'during', 'around', 'first', 'between', 'before', 'overnight', 'mornings', 'evenings']);
const SAY_VERBS = new Set(['says', 'said', 'reckons', 'reckoned', 'thinks', 'swears', 'insists']);
const LAY_PEOPLE = new Set(['wife', 'husband', 'partner', 'boyfriend', 'girlfriend', 'mate', 'everyone', 'people', 'internet', 'google']);
const THOUGHT_MOVES = new Set(['went', 'goes', 'jumped', 'jumps', 'raced', 'leapt']);

const COUGH_WORDS = new Set(['cough', 'coughs', 'coughing', 'coughed', 'bout', 'bouts', 'fit', 'fits', 'paroxysm', 'paroxysms']);
const COUGH_REACH = 8;

/** A cough or a coughing bout within a few words of the finding, in its sentence. */
function coughNear(tokens: readonly Token[], m: PhraseMatch): boolean {
  for (let j = m.last + 1; j < tokens.length && j - m.last <= COUGH_REACH && tokens[j].kind !== 'break'; j++) if (COUGH_WORDS.has(tokens[j].text)) return true;
  for (let j = m.first - 1; j >= 0 && m.first - j <= COUGH_REACH && tokens[j].kind !== 'break'; j--) if (COUGH_WORDS.has(tokens[j].text)) return true;
  return false;
}

/** What sets off a croupy child's noise when it is not there at rest: then it is not stridor at rest (NICE CKS Croup, mild). */
const UPSET_WORDS = new Set(['cries', 'cry', 'crying', 'cried', 'upset', 'agitated', 'screaming', 'screams', 'coughs', 'coughing', 'distressed']);

/** "Noisy breathing only when he cries": the noise is qualified to upset within its clause. */
function onlyWhenUpset(tokens: readonly Token[], m: PhraseMatch): boolean {
  for (let j = m.last + 1; j < tokens.length && j - m.last <= 4; j++) {
    if (tokens[j].kind === 'break' || tokens[j].clause !== m.clause) return false;
    if (tokens[j].text !== 'only') continue;
    const w = tokens[j + 1]?.text;
    if (w !== 'when' && w !== 'if' && w !== 'while') return false;
    for (let k = j + 2; k < tokens.length && k - j <= 5; k++) {
      if (tokens[k].kind === 'break' || tokens[k].kind === 'symbol') return false;
      if (UPSET_WORDS.has(tokens[k].text)) return true;
    }
    return false;
  }
  return false;
}

/** The result words of a glass test that show the spots fade ("they go white", "faded"), said without a negation. */
const BLANCHED = new Set(['faded', 'fade', 'fades', 'fading', 'white', 'disappear', 'disappeared', 'disappears', 'vanish', 'vanished', 'blanch', 'blanched', 'blanches', 'blanching', 'paler', 'lighter']);
const GLASS_REACH = 12;

/** "Pressed a glass on the spots, they go white": the test is named with a result that says the rash blanches. */
function blanchedInClause(tokens: readonly Token[], m: PhraseMatch): boolean {
  const from = Math.max(0, m.first - GLASS_REACH);
  const to = Math.min(tokens.length - 1, m.last + GLASS_REACH);
  let sentence = true;
  for (let j = m.last + 1; j <= to && sentence; j++) {
    if (tokens[j].kind === 'break') sentence = false;
    else if (BLANCHED.has(tokens[j].text) && !negatedNear(tokens, j)) return true;
  }
  for (let j = m.first - 1; j >= from; j--) {
    if (tokens[j].kind === 'break') break;
    if (BLANCHED.has(tokens[j].text) && !negatedNear(tokens, j)) return true;
  }
  return false;
}

/** Whether one of the three words before `i` negates it ("don't fade", "did not go white", "never faded"). */
function negatedNear(tokens: readonly Token[], i: number): boolean {
  for (let j = i - 1; j >= 0 && i - j <= 3; j--) {
    if (tokens[j].kind === 'break' || (tokens[j].kind === 'symbol' && tokens[j].text === ',')) return false;
    if (PHRASE_NEGATORS.has(tokens[j].text) || tokens[j].text === 'never' || tokens[j].text === 'still' || tokens[j].text === "didn't" || tokens[j].text === "won't" || tokens[j].text === 'nor') return true;
  }
  return false;
}

function record(findings: Findings, symptom: string, negated: boolean, source: string, mode: TextMode = 'account'): void {
  if ((mode === 'action' || mode === 'agent') && (negated || REASSURING.has(symptom))) return;
  if (negated) findings.deny(symptom, source);
  else findings.affirm(symptom, source);
}

/** Sets the age in years and in days together, so a baby's age in days is not rounded through years. */
export function setAge(b: ReadingBuilder, years: number, source: string): void {
  if (b.has('age_years')) return;
  b.set('age_years', years, source);
  b.set('age_days', Math.round(years * 365.25), source);
}

function clip(s: string): string {
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}

/**
 * NegEx scopes, with one correction: a vocabulary phrase that opens with a negation word ("can't lift",
 * "no wet nappies", "doesn't fade") is a finding, so its negation word does not negate what follows.
 * Then a negated list runs on past its commas when it ends in "or" ("denies chest pain, arm pain or sweating").
 */
export function negationWithPhrases(tokens: readonly Token[], found: readonly PhraseMatch[]): boolean[] {
  let neutral: Token[] | undefined;
  for (const m of found) {
    if (m.concept === 'general' || !PHRASE_NEGATORS.has(tokens[m.first].text) || m.last === m.first) continue;
    neutral ??= [...tokens];
    neutral[m.first] = { ...tokens[m.first], text: '\u00b7' };
  }
  const negated = negationScopes(neutral ?? tokens);
  extendListNegation(tokens, negated);
  return negated;
}

const LAST_ITEM_WORDS = 6;

function extendListNegation(tokens: readonly Token[], negated: boolean[]): void {
  // "No swelling of her face or difficulty breathing": a scope cut at its "or" runs on to the end of that item.
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind !== 'word' || (t.text !== 'or' && t.text !== 'nor') || !negated[i - 1] || negated[i]) continue;
    let words = 0;
    for (let j = i + 1; j < tokens.length && words < 4; j++) {
      const u = tokens[j];
      if (u.kind === 'break' || u.clause !== t.clause || (u.kind === 'symbol' && u.text === ',') || STATEMENT_STARTERS.has(u.text)) break;
      negated[j] = true;
      if (u.kind === 'word' || u.kind === 'number') words++;
    }
  }
  for (let i = 1; i < tokens.length; i++) {
    const comma = tokens[i];
    if (comma.kind !== 'symbol' || comma.text !== ',' || !negated[i - 1]) continue;
    let j = i + 1;
    let words = 0;
    let sawOr = false;
    let ok = true;
    for (; j < tokens.length && j - i <= 30; j++) {
      const u = tokens[j];
      if (u.kind === 'break') break;
      if (u.clause !== comma.clause) {
        ok = false;
        break;
      }
      if (u.kind === 'symbol') {
        if (u.text === ',') words = 0;
        continue;
      }
      if (u.text === 'or' || u.text === 'nor') {
        sawOr = true;
        words = 0;
        continue;
      }
      if (u.text === 'and') continue;
      if (STATEMENT_STARTERS.has(u.text)) {
        ok = false;
        break;
      }
      // The last item, after its "or", may run a little longer ("or anyone on chemo at home"): it ends the list.
      if (++words > (sawOr ? LAST_ITEM_WORDS : 4)) {
        if (!sawOr) ok = false;
        break;
      }
    }
    if (ok && sawOr && j - i <= 30) for (let k = i + 1; k < j; k++) negated[k] = true;
  }
}

/** Openers of this domain that, like "if", name what is only watched for ("watch for drowsiness", "signs of sepsis"). */
const TRIAGE_CONDITIONS: readonly (readonly string[])[] = [['should'], ['watch', 'for'], ['monitor', 'for'], ['look', 'out'], ['signs', 'of'], ['such', 'as']];

/**
 * Questions ("Any chest pain?") and conditional clauses assert nothing: "if you develop chest pain, …",
 * "call back if fewer wet nappies, blood in the stool or drowsy" (the shared reading's condition scopes,
 * whose lists of alternatives run past their commas).
 */
function hypotheticalScopes(tokens: readonly Token[], mode: TextMode, found: readonly PhraseMatch[]): boolean[] {
  const agent = mode === 'action' || mode === 'agent';
  const out = conditionalScopes(agent ? safetyNetAsConditions(tokens, found) : tokens, TRIAGE_CONDITIONS);
  if (agent) {
    extendAdviceAlternatives(tokens, out);
    listThenCareAsCondition(tokens, out);
  }
  let sentenceStart = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind !== 'break') continue;
    if (t.text === '?') for (let j = sentenceStart; j < i; j++) out[j] = true;
    sentenceStart = i + 1;
  }
  return out;
}

/**
 * In the agent's advice, a sentence that has opened a condition keeps it through its list of alternatives: in
 * "see the GP if it isn't better, spreads into the folds with bright red spots, or she gets a high temperature"
 * and "see GP if not improving after 3 days, ear discharge, swelling or redness behind the ear" every item after
 * a comma, up to the end of the sentence, is one more reason to come back, however long the item before it or
 * whatever clause word ("after") cut the condition's own scope. Only a stretch that holds an "or" is a list.
 */
function extendAdviceAlternatives(tokens: readonly Token[], out: boolean[]): void {
  let opened = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind === 'break') {
      opened = false;
      continue;
    }
    if (out[i]) opened = true;
    else if (opened && t.kind === 'symbol' && t.text === ',') {
      let end = i + 1;
      let alternatives = false;
      for (; end < tokens.length && tokens[end].kind !== 'break'; end++) if (tokens[end].text === 'or' || tokens[end].text === 'nor') alternatives = true;
      if (!alternatives) continue;
      for (let j = i + 1; j < end; j++) out[j] = true;
      i = end - 1;
    }
  }
}

/** Verbs that send the caller to care: after a list of alternatives in the agent's words, the list is what to act on. */
const CARE_VERBS = new Set(['call', 'ring', 'phone', 'contact', 'seek', 'dial', 'go']);

/**
 * In the agent's advice, a condition can come before its instruction without an "if": "a temperature of 38 C or more,
 * fewer wet nappies, or seeming unwell are not teething - call 111 or GP". A sentence whose list of alternatives ("or")
 * is followed by a verb that sends the caller to care is read as "if any of these, call": the list asserts nothing.
 */
function listThenCareAsCondition(tokens: readonly Token[], out: boolean[]): void {
  let start = 0;
  let sawOr = -1;
  let commas = 0;
  let opened = -1;
  for (let i = 0; i <= tokens.length; i++) {
    const t = tokens[i];
    if (i === tokens.length || t.kind === 'break') {
      // "Safety info (feeding under half, no wet nappy in 12 h, pauses in breathing, blue: seek help / 999)": a list of
      // several comma-separated items (or with an "or") that a colon hands to a care instruction is "if any of these" too. From the bracket that opens the list when there is one, else from the start of the sentence.
      if (i < tokens.length && t.text === ':' && (commas >= 2 || sawOr >= 0) && careInstructionAt(tokens, i + 1)) {
        for (let j = opened >= start ? opened : start; j < i; j++) out[j] = true;
      }
      start = i + 1;
      sawOr = -1;
      commas = 0;
      continue;
    }
    if (t.kind === 'symbol' && t.text === ',') commas++;
    if (t.kind === 'symbol' && t.text === '(') {
      opened = i;
      commas = 0;
    }
    if (t.text === 'or') {
      if (sawOr < 0) sawOr = i;
      continue;
    }
    if (sawOr < 0 || t.kind !== 'word' || !CARE_VERBS.has(t.text) || i === start) continue;
    // Only a list that came before the verb: "call 111 or GP" alone opens nothing.
    for (let j = start; j < i; j++) out[j] = true;
    sawOr = -1;
    start = i + 1;
  }
}

/** Emergency and urgent numbers that stand for "call" in the agent's shorthand ("blue: 999"). */
const CARE_NUMBERS = new Set(['999', '911', '112', '111']);

/**
 * Whether a care instruction for what may come starts at token `i`: a verb that sends the caller to care, or an emergency
 * number, not said to be for now ("blue lips, floppy: call 999 now" asserts its list).
 */
function careInstructionAt(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i];
  if (t === undefined || !((t.kind === 'word' && CARE_VERBS.has(t.text)) || CARE_NUMBERS.has(t.text))) return false;
  for (let j = i + 1; j < tokens.length && j - i <= SAFETY_NET_REACH && tokens[j].kind !== 'break'; j++) if (NOW_CARE.has(tokens[j].text)) return false;
  return true;
}

/** The agent's safety-net verbs: "seek help at once for pain or fainting", "call back for any bleeding". */
const SAFETY_NET_VERBS = new Set(['seek', 'seeking', 'return', 'back', 'help', 'attention']);
const SAFETY_NET_REACH = 4;
/** The agent's self-monitoring advice: what it says to test or measure ("test sugar and ketones every few hours") is watched, not found. */
const CHECK_VERBS = new Set(['check', 'checking', 'test', 'testing', 'measure', 'measuring', 'recheck', 'monitor', 'monitoring']);

/**
 * The agent's advice names what to come back for: in its own words (the action, its turns), the "for" of a
 * safety-net verb opens a condition like "if" does, so its list ("for pain, heavier bleeding or fainting")
 * asserts nothing. Only the list after "for" is conditional: a disposition named before it still counts.
 * A verb of self-monitoring ("test", "check", "measure") opens one too: its objects are what to watch.
 */
function safetyNetAsConditions(tokens: readonly Token[], found: readonly PhraseMatch[]): readonly Token[] {
  let out: Token[] | undefined;
  const alternatives = orAhead(tokens);
  // "Call 999 for a rash that does not fade", "urgently (same day / A&E) for eye pain": a same-day or higher
  // disposition, or an urgency word, followed by "for" and a list of signs is the agent's safety net too.
  for (const m of found) {
    if (!URGENT_DISPOSITIONS.has(m.concept) || m.negated) continue;
    const at = safetyNetFor(tokens, m.last, alternatives);
    if (at !== undefined) (out ??= [...tokens])[at] = { ...tokens[at], text: 'if' };
  }
  for (let i = 0; i < tokens.length; i++) {
    // "Call your maternity unit straight away for pain below the ribs, a bad headache or vomiting": a contact and
    // how fast, then "for" and alternatives, is the agent's safety net wherever the contact is not a named disposition.
    // "At once" is how fast too ("call the unit at once for waters breaking, bleeding or reduced movements"); a bare
    // "once" ("once a day for pain") is how often, not how fast.
    if (tokens[i].kind === 'word' && ((HOW_FAST.has(tokens[i].text) && tokens[i].text !== 'away') || (tokens[i].text === 'once' && tokens[i - 1]?.text === 'at'))) {
      const at = safetyNetFor(tokens, i - 1, alternatives);
      if (at !== undefined) (out ??= [...tokens])[at] = { ...tokens[at], text: 'if' };
    }
    if (tokens[i].kind === 'word' && URGENCY_WORDS.has(tokens[i].text)) {
      const at = safetyNetFor(tokens, i, alternatives);
      if (at !== undefined) (out ??= [...tokens])[at] = { ...tokens[at], text: 'if' };
    }
    if (tokens[i].kind !== 'word') continue;
    // "Check in at A&E" is a disposition, not a test.
    if (CHECK_VERBS.has(tokens[i].text) && tokens[i + 1]?.text !== 'in' && tokens[i + 1]?.text !== 'into') {
      out ??= [...tokens];
      out[i] = { ...tokens[i], text: 'if' };
      continue;
    }
    // "Explain which new symptoms mean A&E", "told her when to call 999", "went through what would need the GP": what the
    // agent explains is the return advice, a condition on what may come; the disposition in it is not the one chosen.
    if (EXPLAIN_VERBS.has(tokens[i].text) && ADVICE_OPENERS.has(tokens[i + 1]?.text ?? '') && tokens[i + 1]?.kind === 'word' && explainsReturnAdvice(tokens, i + 1)) {
      out ??= [...tokens];
      out[i + 1] = { ...tokens[i + 1], text: 'if' };
      continue;
    }
    if (!SAFETY_NET_VERBS.has(tokens[i].text)) continue;
    for (let j = i + 1; j < tokens.length && j - i <= SAFETY_NET_REACH; j++) {
      const u = tokens[j];
      // A terminator word may sit between ("seek help at once for …"): only a sentence break or a comma stops the search.
      if (u.kind === 'break' || (u.kind === 'symbol' && u.text === ',')) break;
      if (u.text !== 'for' && !(u.text === 'with' && alternatives[j])) continue;
      out ??= [...tokens];
      out[j] = { ...u, text: 'if' };
      break;
    }
  }
  return out ?? tokens;
}

/** Dispositions that, followed by "for" and a list, are the agent's safety net ("call 999 for …", "A&E for …"), and home remedies "for" a symptom. */
const URGENT_DISPOSITIONS = new Set(['disposition.call_emergency_services', 'disposition.emergency_department', 'disposition.urgent_care_today',
  // "Paracetamol for fever or pain", "antihistamine for itching": a remedy for whatever may come, not a finding.
  'disposition.home_care']);
const URGENCY_WORDS = new Set(['urgently', 'urgent']);
/** Verbs of the agent's explaining, and the question words that open what it explains ("explain which symptoms mean A&E"). */
const EXPLAIN_VERBS = new Set(['explain', 'explained', 'explaining', 'tell', 'told', 'telling', 'advise', 'advised', 'advising', 'discuss', 'discussed', 'through', 'describe', 'described', 'list', 'listed', 'know']);
const ADVICE_OPENERS = new Set(['which', 'what', 'when']);
/** Words that make "which …"/"what …" a rule for what may come ("which symptoms mean", "what would need"); "when" needs "to". */
const ADVICE_RULE_WORDS = new Set(['mean', 'means', 'need', 'needs', 'would', 'should', 'warrant', 'warrants', 'require', 'requires']);
const ADVICE_REACH = 5;

/** Whether the question word at `at` opens return advice: "when to …", or "which/what" with a rule word within its clause. */
function explainsReturnAdvice(tokens: readonly Token[], at: number): boolean {
  if (tokens[at].text === 'when') return tokens[at + 1]?.text === 'to';
  for (let j = at + 1; j < tokens.length && j - at <= ADVICE_REACH; j++) {
    if (tokens[j].kind === 'break' || (tokens[j].kind === 'symbol' && tokens[j].text === ',')) return false;
    if (ADVICE_RULE_WORDS.has(tokens[j].text)) return true;
  }
  return false;
}
/** Words that make the care asked for now, not a safety net ("call an ambulance now for the bleeding"). */
const NOW_CARE = new Set(['now', 'today', 'tonight']);
/** How fast to go: with a list of alternatives after its "for", a safety net ("straight away for pain, bleeding or fever"). */
const HOW_FAST = new Set(['immediately', 'straight', 'right', 'away', 'urgently', 'promptly', 'quickly', 'once']);

/** Per token: whether the rest of its sentence after it holds an "or" (a list of alternatives). One backward pass. */
function orAhead(tokens: readonly Token[]): boolean[] {
  const out = new Array<boolean>(tokens.length).fill(false);
  let seen = false;
  for (let j = tokens.length - 1; j >= 0; j--) {
    out[j] = seen;
    if (tokens[j].kind === 'break') seen = false;
    else if (tokens[j].text === 'or' || tokens[j].text === 'nor') seen = true;
  }
  return out;
}
/** What may follow "for" when it names whom or what the care is for, or a finding already there ("for the bleeding", "for her", "for an X-ray"). */
const FOR_WHOM_OR_WHAT = new Set(['her', 'him', 'them', 'me', 'you', 'us', 'your', 'his', 'their', 'my', 'our', 'this', 'that', 'these', 'those', 'it', 'the', 'assessment', 'review', 'evaluation', 'treatment', 'tests', 'test', 'x', 'xray', 'scan', 'check', 'checkup', 'assistance', 'help', 'advice', 'ambulance', 'transport', 'stitches', 'antibiotics', 'dressing', 'dressings']);

/**
 * The "for" that opens the list of a safety net after token `from` (within a few tokens, before a comma or a
 * sentence break), unless the care is asked for now or what follows names the person, the purpose or a finding
 * already there: "call 999 for him", "call an ambulance now for the bleeding" stay dispositions the agent asserts.
 */
function safetyNetFor(tokens: readonly Token[], from: number, alternatives: readonly boolean[]): number | undefined {
  let urgent = false;
  for (let j = from + 1; j < tokens.length && j - from <= SAFETY_NET_REACH; j++) {
    const u = tokens[j];
    if (u.kind === 'break' || (u.kind === 'symbol' && u.text === ',') || NOW_CARE.has(u.text)) return undefined;
    // "A&E immediately for numbness, problems peeing or weakness": how fast to go, said of a list of alternatives, is
    // still the safety net; "call 999 now for him" (NOW_CARE) is care asked for now.
    if (HOW_FAST.has(u.text)) urgent = true;
    // "Call back at once with a fever, green vomit or poor feeding": "with" and a list of alternatives is "if" too.
    if (u.text !== 'for' && !(u.text === 'with' && alternatives[j])) continue;
    // "A&E straight away for any fresh blood": "any" says whatever may come, so it is the safety net with or without a list.
    if (tokens[j + 1]?.text === 'any') return j;
    if (urgent && !alternatives[j]) return undefined;
    let k = j + 1;
    if (tokens[k]?.text === 'a' || tokens[k]?.text === 'an') k++;
    const next = tokens[k];
    if (next === undefined || next.kind !== 'word' || FOR_WHOM_OR_WHAT.has(next.text)) return undefined;
    return j;
  }
  return undefined;
}

/** Parts of a limb below the hip or elbow whose side a "left" or "right" names: tingling there is in a nerve's territory, not one side of the body. */
const LIMB_PARTS = new Set(['calf', 'calves', 'shin', 'shins', 'foot', 'feet', 'toe', 'toes', 'ankle', 'heel', 'knee', 'thigh', 'buttock', 'hip', 'finger', 'fingers', 'thumb', 'wrist', 'elbow']);

/**
 * "Pins and needles in the outside of the left calf": a side word directly before a limb part says which calf, and
 * the part with its quality is what is described (a dermatome in sciatica, NICE CKS Sciatica), not numbness of one side
 * of the body (BE-FAST). "Numb down the left side", "left arm weak" still compose as before.
 */
function sideOfLimbPart(tokens: readonly Token[], side: PhraseMatch): boolean {
  const next = tokens[side.last + 1];
  return next !== undefined && next.kind === 'word' && LIMB_PARTS.has(next.text);
}

const SIDE_OF_FILLERS_FACE = new Set(['of', 'the', 'my', 'his', 'her', 'their', 'your']);

/**
 * "Can't raise the left eyebrow", "right side of her face is weak": a side word that names a side of the face (the part
 * right after it, or after "side of the") says where the weakness or numbness is: the face (BE-FAST F), not an arm.
 */
function sideOfFace(tokens: readonly Token[], side: PhraseMatch): boolean {
  for (let j = side.last + 1; j < tokens.length && j - side.last <= 4; j++) {
    const t = tokens[j];
    if (t.kind !== 'word') return false;
    if (FACE_PARTS.has(t.text)) return true;
    if (!SIDE_OF_FILLERS_FACE.has(t.text) && !(t.text === 'side' && j === side.last + 1)) return false;
  }
  return false;
}

/** Verbs of an examination: a finding named after them with "for" is what was tested for ("tested for neck stiffness"), not a result. */
const TEST_WORDS = new Set(['checked', 'checking', 'tested', 'testing', 'examined', 'screened']);
const TEST_REACH = 3;
/** Words that make a finding the name of a test ("arm drift", "the glass test", "grip strength"): what the test is, not its result. */
const NAMED_TEST_WORDS = new Set(['drift', 'test', 'tests', 'reflex', 'reflexes', 'strength', 'power', 'grip', 'sign']);

/**
 * Words read from a text as a whole, for the named presentations that need them (presentations-in-context.ts): a cough
 * said (not denied), swelling said to settle with elevation, a household product, a product washed off, an agent that acts
 * through the skin, and the eyes reached. A danger may come from any words but a question; a reassurance only from the
 * caller's account.
 */
const COUGH_WORD = /\bcough(?:s|ing|ed)?\b/giu;
const NEGATED_BEFORE = /\b(?:no|not|without|denies|denied|never|nor|none)\b[^.;,]{0,16}$/iu;
/** Just after a word: it is denied ("eyes: not touched", "eyes fine"). */
const NEGATED_AFTER = /^\s*[:\-=]?\s*(?:not|no|none|never|nil|clear|fine|ok|okay|normal|unaffected|untouched|spared|were not|are not|weren't|aren't|not involved)\b/iu;
const RAISED_WORDS = String.raw`(?:raised|raising|elevat\w*|propped|pillows?|above (?:the |his |her |my |their )?heart|arm up|leg up|hand up|foot up|held up|up on)`;
const SETTLE_WORDS = String.raw`(?:better|settles?|settled|settling|eases?|eased|easing|goes down|went down|gone down|going down|reduces?|reduced|improves?|improved|less|smaller|subsides?|subsided|subsiding)`;
const ELEVATION_SETTLES = new RegExp(String.raw`\b${SETTLE_WORDS}\b[^.;]{0,60}\b${RAISED_WORDS}\b|\b${RAISED_WORDS}\b[^.;]{0,60}\b${SETTLE_WORDS}\b`, 'iu');
const HOUSEHOLD_PRODUCT = /\b(?:laundry|washing|detergent|dishwasher|soap|soapy|shampoo|conditioner|washing[- ]up liquid|fabric softener|softener|capsule|capsules|pod|pods|liquitab|liquitabs|bubble bath|shower gel|hand ?wash|body wash|washing powder|cleaning spray|surface spray|multi-?surface)\b/iu;
const WASHED_OFF = /\b(?:wash(?:ed)?|rinsed?|wiped|sponged|cleaned)\b[^.;]{0,24}\b(?:off|away|under the tap|with water)\b|\b(?:washed|rinsed)\b/iu;
const THROUGH_SKIN = /\b(?:pesticides?|insecticides?|weed ?killers?|herbicides?|organophosphates?|paraquat|sheep dip|nerve agent|fentanyl|patch|patches|hydrofluoric|rust remover|phenol|nicotine|e-?liquid|vape liquid|methanol|cyanide|mercury|caustic|oven cleaner|drain cleaner|bleach|acid|alkali|lye)\b/iu;
const EYE_WORD = /\beyes?\b/giu;
/** A heavy loss counted in pads, soaking, or a rate an hour ("going through 3 pads per hour"): too much bleeding, clots or not. */
const PAD_RATE = /\bpads?\b[^.;]{0,24}\b(?:an|per|every|each|in an|in one|a single)\s+hours?\b|\bsoak(?:s|ed|ing)?\b|\bpads?\s+hourly\b|\b(?:full|filled|filling)\s+(?:a\s+)?(?:pad|pads|towel|towels)\b/giu;

function readContextWords(raw: string, source: string, ctx: TextContext): void {
  if (ctx.mode === 'questions' || ctx.negate === true) return;
  const text = raw.length > 4000 ? raw.slice(0, 4000) : raw;
  const where = (m: RegExpMatchArray | RegExpExecArray) => `${source}: "${clip(text.slice(Math.max(0, (m.index ?? 0) - 20), (m.index ?? 0) + m[0].length + 20))}"`;
  const said = (re: RegExp, name: string) => {
    for (const m of text.matchAll(re)) {
      if (NEGATED_BEFORE.test(text.slice(Math.max(0, (m.index ?? 0) - 24), m.index ?? 0))) continue;
      if (NEGATED_AFTER.test(text.slice((m.index ?? 0) + m[0].length, (m.index ?? 0) + m[0].length + 24))) continue;
      ctx.findings.flag(name, where(m));
      return;
    }
  };
  const agent = THROUGH_SKIN.exec(text);
  if (agent) ctx.findings.flag('text.through_skin_agent', where(agent));
  // A word in the agent's turn is most often its question ("any coughing?"), and in the action its safety net ("call back
  // if 2 pads an hour"): neither is a finding. These are read from the caller's account and the red flags listed.
  if (ctx.mode !== 'account' && ctx.mode !== 'flags') return;
  said(COUGH_WORD, 'text.cough');
  said(EYE_WORD, 'text.eyes');
  said(PAD_RATE, 'text.pad_rate');
  if (ctx.mode !== 'account') return;
  const settles = ELEVATION_SETTLES.exec(text);
  if (settles) ctx.findings.flag('text.swelling_settles_raised', where(settles));
  const product = HOUSEHOLD_PRODUCT.exec(text);
  if (product) ctx.findings.flag('text.household_product', where(product));
  const washed = WASHED_OFF.exec(text);
  if (washed) ctx.findings.flag('text.washed_off', where(washed));
}

/**
 * Whether the token at `at` is named as what an examination looked for: an examination verb a few words before it, in its
 * clause and with no punctuation between ("checked arm drift on video", "tested for leg weakness"). "Checked, and his arm
 * is weak" and "checked: the rash does not fade" are results.
 */
export function testedFor(tokens: readonly Token[], at: number): boolean {
  // Only "checked / tested / screened for X", or a test named ("checked arm drift"): "examined her stiff neck" is a finding.
  let sawFor = false;
  for (let j = at - 1; j >= 0 && at - j <= TEST_REACH + 1; j--) {
    const t = tokens[j];
    // "Tested positive for strep": a result, not what was looked for.
    if (t.kind === 'break' || t.kind === 'symbol' || t.clause !== tokens[at].clause || t.text === 'positive') return false;
    if (t.text === 'for') sawFor = true;
    if (TEST_WORDS.has(t.text)) return sawFor || namedTest(tokens, at);
  }
  return false;
}

/** Whether the words from `at` name a test ("arm drift", "glass test", "grip strength"), within its clause. */
function namedTest(tokens: readonly Token[], at: number): boolean {
  for (let j = at; j < tokens.length && j - at <= 2; j++) {
    const t = tokens[j];
    if (t.kind === 'break' || t.kind === 'symbol' || t.clause !== tokens[at].clause) return false;
    if (NAMED_TEST_WORDS.has(t.text)) return true;
  }
  return false;
}

function compose(sites: readonly PhraseMatch[], qualities: readonly PhraseMatch[], spans: readonly PhraseMatch[], ctx: TextContext & { tokens: readonly Token[] }, quote: (a: number, b: number) => string, addressed: readonly boolean[]): void {
  if (sites.length === 0 || qualities.length + sites.length < 2) return;
  const all = [...sites, ...qualities].sort((a, b) => a.first - b.first);
  // A sliding window over the matches in token order: each one meets those a few tokens after it, in its clause.
  for (let i = 0; i < all.length; i++) {
    const a = all[i];
    for (let k = i + 1; k < all.length && all[k].first - a.last <= COMPOSE_WINDOW; k++) {
      const b = all[k];
      if (b.clause !== a.clause) continue;
      const first = Math.min(a.first, b.first);
      const last = Math.max(a.last, b.last);
      if (spans.some((p) => p.first <= first && p.last >= last)) continue;
      for (const [site, quality, symptom] of COMPOSE) {
        if (!((a.concept === site && b.concept === quality) || (b.concept === site && a.concept === quality))) continue;
        if (site === 'one_side' && symptom !== 'side.one_leg' && sideOfLimbPart(ctx.tokens, a.concept === site ? a : b)) continue;
        // One side of the face, weak or numb, is a face sign (read by the face's own pairs or here), not an arm sign.
        if (site === 'one_side' && symptom === 'stroke_arm' && sideOfFace(ctx.tokens, a.concept === site ? a : b)) {
          const negatedFace = ctx.negate === true || a.negated || b.negated;
          if (ctx.mode === 'questions') ctx.findings.asked.add('stroke_face');
          else if (!(negatedFace && addressed[first])) record(ctx.findings, 'stroke_face', negatedFace, quote(first, last), ctx.mode);
          continue;
        }
        // "Checked arm drift on video", "tested for arm weakness": the test named, not its result.
        if (testedFor(ctx.tokens, a.first) || testedFor(ctx.tokens, b.first)) continue;
        // Pain under the ribs or in the upper tummy on one side (gallbladder, liver) is not the low one-sided pain of an ectopic pregnancy.
        if (symptom === 'one_sided_pain' && upperAbdomen(ctx.tokens, a.concept === 'abdomen' ? a : b)) continue;
        // One side of the belly is a pain only when a pain is said in its clause: "landed on her right side" names none.
        if (symptom === 'one_sided_pain' && !qualities.some((q) => q.concept === 'pain' && q.clause === a.clause)) continue;
        if (symptom === 'amputation' && notSevered(ctx.tokens, a.concept === site ? a : b, a.concept === site ? b : a)) continue;
        const negated = ctx.negate === true || a.negated || b.negated;
        // A burning behind the breastbone is read as its own finding: it is heartburn or chest pain, settled once all fields are read.
        const burning = symptom === 'chest_pain' && (a.concept === 'pain' ? a : b).phrase === 'burning' && ctx.mode !== 'questions';
        if (burning) {
          if (!(negated && addressed[first])) record(ctx.findings, CHEST_BURNING, negated, quote(first, last), ctx.mode);
          continue;
        }
        if (ctx.mode === 'questions') ctx.findings.asked.add(symptom);
        else if (symptom.includes('.')) {
          // How the complaint is going is the caller's to say, as for the course words: the agent's words never reassure.
          if ((symptom.startsWith('course.') || ACCOUNT_ONLY_FLAGS.has(symptom)) && ctx.mode !== 'account') continue;
          if (!negated && ctx.mode !== 'conditions') ctx.findings.flag(symptom, quote(first, last));
        } else if (!(negated && addressed[first])) record(ctx.findings, symptom, negated, quote(first, last), ctx.mode);
      }
    }
  }
}

// ------------------------------------------------------------------------------ numbers in text

/** An abdominal site said of the upper tummy: "under the ribs", "upper tummy", "right upper quadrant". */
function upperAbdomen(tokens: readonly Token[], m: PhraseMatch): boolean {
  if (m.phrase.includes('rib')) return true;
  for (let k = Math.max(0, m.first - 2); k <= m.last; k++) if (tokens[k]?.text === 'upper' || tokens[k]?.text === 'ruq') return true;
  return false;
}

/** "33+2 weeks" is 33 weeks and 2 days: the weeks are the number before the plus. */
function gestationWeeks(tokens: readonly Token[], q: { index: number; value: number }): number {
  const plus = tokens[q.index - 1];
  const weeks = tokens[q.index - 2];
  if (plus?.text === '+' && weeks?.kind === 'number' && weeks.value !== undefined && weeks.value >= 4 && weeks.value <= 44 && q.value <= 6) return weeks.value;
  return q.value;
}

/** "every 6 minutes", "every 5 to 7 minutes", "5-7 minutes apart": a number of minutes said as an interval. */
function intervalOf(tokens: readonly Token[], q: { index: number; last: number }): boolean {
  if (tokens[q.last + 1]?.text === 'apart') return true;
  const before = tokens[q.index - 1]?.text;
  if (before === 'every') return true;
  return (before === 'to' || before === '-') && tokens[q.index - 2]?.kind === 'number' && tokens[q.index - 3]?.text === 'every';
}

/** The quote of a number is built only when a fact is set: a long text repeats numbers that set nothing new. */
function lazyQuote(quote: (a: number, b: number) => string, first: number, last: number): () => string {
  let quoted: string | undefined;
  return () => (quoted ??= quote(first, last));
}

/** Facts known to be set, per reading (a fact once set stays set), so a long text does not look each one up again. */
const settled = new WeakMap<ReadingBuilder, Set<string>>();

/** Sets a fact read from text unless it is known, building its quote only then. */
const SCORE_NOW_WORDS = new Set(['now', 'currently', 'presently']);
const NOW_FILLERS = new Set(['is', "it's", 'its', 'down', 'to', 'about', 'around', 'only', 'just', 'pain', 'at', 'a']);

/** A pain score said to be the one now: "now 2/10", "it's now down to 3 out of 10", "currently about 4/10". */
function nowScore(tokens: readonly Token[], at: number): boolean {
  for (let j = at - 1; j >= 0 && at - j <= 4; j--) {
    const t = tokens[j];
    if (t.kind === 'break' || t.kind === 'number') return false;
    if (SCORE_NOW_WORDS.has(t.text)) return true;
    if (!NOW_FILLERS.has(t.text) && t.kind === 'word') return false;
  }
  return false;
}

function put(b: ReadingBuilder, fact: string, value: number, words: () => string): void {
  let known = settled.get(b);
  if (known === undefined) settled.set(b, (known = new Set()));
  if (known.has(fact)) return;
  if (!b.has(fact)) b.set(fact, value, words());
  known.add(fact);
}

function readNumbers(tokens: readonly Token[], matches: readonly PhraseMatch[], hypothetical: readonly boolean[], ctx: TextContext, quote: (a: number, b: number) => string): void {
  const { b, findings } = ctx;
  const vitalAt = new Map<number, { vital: string; first: number }>();
  for (const m of matches) if (m.concept.startsWith('vital.')) vitalAt.set(m.last, { vital: m.concept.slice('vital.'.length), first: m.first });
  const pregnancyMentioned = matches.some((m) => m.concept === 'condition.pregnant' && !m.negated);
  const substanceAt = new Set(matches.filter((m) => m.concept === 'site.substance' || m.concept === 'drug.paracetamol').map((m) => m.first));
  const contractionAt = new Set(matches.filter((m) => m.concept === 'site.contractions' && !m.negated).map((m) => m.clause));
  for (const q of measuredQuantities(tokens, (i) => nearestVital(tokens, i, vitalAt) !== undefined)) {
    if (hypothetical[q.index] || clockMinutes(tokens, q.index)) continue;
    const vitalWord = nearestVital(tokens, q.index, vitalAt);
    const vital = vitalWord?.vital;
    const words = lazyQuote(quote, vitalWord?.at ?? q.index, q.last);
    const next = tokens[q.last + 1];
    const over = q.over ?? (next?.text === 'over' && tokens[q.last + 2]?.kind === 'number' ? tokens[q.last + 2].value : undefined);
    if (ctx.mode === 'conditions' || ctx.mode === 'flags') {
      if (q.unit === 'week' && pregnancyMentioned) put(b, 'gestation_weeks', gestationWeeks(tokens, q), words);
      continue;
    }
    if (readPainScore(tokens, q, over)) {
      // "was 9/10, now 2/10": the score said to be now is the pain now, whatever score came before it.
      if (nowScore(tokens, q.index)) {
        b.set('pain_score', q.value, words(), true);
        put(b, 'pain_score', q.value, words);
      } else put(b, 'pain_score', q.value, words);
      continue;
    }
    if (q.unit === 'week' && (pregnancyMentioned || tokens[q.last + 1]?.text === 'pregnant' || tokens[q.last + 1]?.text === 'gestation')) {
      put(b, 'gestation_weeks', gestationWeeks(tokens, q), words);
      continue;
    }
    // "every 5 to 7 minutes", "6 minutes apart" beside a contraction word in the clause: the tightenings come regularly.
    if (q.unit === 'minute' && q.value <= 20 && intervalOf(tokens, q) && contractionAt.has(tokens[q.index].clause)) {
      findings.affirm('regular_contractions', words());
      continue;
    }
    // "took 16 paracetamol", "swallowed 20 of her sleeping tablets": a count of a named medicine.
    if (q.unit === undefined && countsSubstance(tokens, q.last + 1, substanceAt)) {
      if (regimenCount(tokens, q.index)) continue;
      put(b, 'pills_taken', q.value, words);
      if (q.value >= 10) findings.affirm('overdose', words());
      continue;
    }
    if (q.unit === 'pills' || q.unit === 'tablets') {
      if (regimenCount(tokens, q.index)) continue;
      put(b, 'pills_taken', q.value, words);
      if (q.value >= 10) findings.affirm('overdose', words());
      continue;
    }
    if (vital === 'blood_pressure' || (vital === undefined && over !== undefined && plausibleBp(q.value, over))) {
      if (over !== undefined && plausibleBp(q.value, over)) {
        put(b, 'vitals.systolic_bp', q.value, words);
        put(b, 'vitals.diastolic_bp', over, words);
      } else if (vital === 'blood_pressure' && q.unit === undefined && q.value >= 50 && q.value <= 260) put(b, 'vitals.systolic_bp', q.value, words);
      continue;
    }
    if (vital !== undefined && setVital(b, vital, q, words)) continue;
    if (q.unit === 'degC' || q.unit === 'degF') {
      const c = toCelsius(q.value, q.unit);
      if (c !== undefined && c >= 30 && c <= 44) put(b, 'vitals.temperature_c', c, words);
      continue;
    }
    if (q.unit === 'bpm' && q.value >= 20 && q.value <= 300) {
      put(b, 'vitals.heart_rate', q.value, words);
      continue;
    }
    if (q.unit === 'year' && tokens[q.index + 1]?.text === 'yo') {
      setAge(b, q.value, words());
      continue;
    }
    readTime(tokens, q, b, words);
  }
  readWordAges(tokens, hypothetical, b, quote);
}

/** "08:30": the minutes of a clock time (written touching the hour and its colon) measure nothing. */
function clockMinutes(tokens: readonly Token[], i: number): boolean {
  const colon = tokens[i - 1];
  const hour = tokens[i - 2];
  return colon !== undefined && hour !== undefined && colon.text === ':' && hour.kind === 'number' && colon.start === hour.end && tokens[i].start === colon.end;
}

/** Words that make a count of pills a pack or its schedule ("21 active pills then a 7-day break", "a pack of 28"). */
const REGIMEN_WORDS = new Set(['then', 'break', 'pack', 'packet', 'packs', 'prescribed']);
/** Words of taking: with one in its clause, a count is what was taken whatever else the clause says. */
const TAKING_WORDS = new Set(['took', 'taken', 'take', 'takes', 'taking', 'swallowed', 'swallow', 'swallowing', 'ate', 'eaten', 'eating', 'had', 'has', 'having', 'downed', 'necked', 'used', 'using', 'overdose', 'overdosed', 'extra', 'more', 'all', 'whole']);
const REGIMEN_REACH = 8;

/**
 * A count of pills that describes a regimen or a pack rather than what was swallowed: a schedule word in its
 * sentence, a few tokens either side, and no word of taking there (NHS: the number of tablets taken is what decides).
 */
function regimenCount(tokens: readonly Token[], i: number): boolean {
  let regimen = false;
  let from = i;
  while (from > 0 && i - from < REGIMEN_REACH && tokens[from - 1].kind !== 'break') from--;
  for (let j = from; j < tokens.length && j <= i + REGIMEN_REACH && tokens[j].kind !== 'break'; j++) {
    if (TAKING_WORDS.has(tokens[j].text)) return false;
    if (REGIMEN_WORDS.has(tokens[j].text)) regimen = true;
  }
  return regimen;
}

const POSSESSIVES = new Set(['my', 'her', 'his', 'their', 'the', 'your', 'our', "mum's", "dad's", "nan's"]);

/** Whether the tokens from `at` name a medicine counted by the number before them: "16 paracetamol", "20 of her tablets". */
function countsSubstance(tokens: readonly Token[], at: number, substanceAt: ReadonlySet<number>): boolean {
  let i = at;
  if (tokens[i]?.text === 'of') i++;
  if (tokens[i] !== undefined && POSSESSIVES.has(tokens[i].text)) i++;
  for (let k = 0; k < 2 && i + k < tokens.length; k++) if (substanceAt.has(i + k)) return true;
  return false;
}

const MAGNET_REACH = 4;

const TAKEN_VERBS = new Set(['took', 'taken', 'had', 'swallowed', 'given', 'gave', 'taking']);
/** After "twice", the words of a regimen ("twice a day", "twice daily"), not of a dose taken again. */
const TWICE_REGIMEN = new Set(['a', 'an', 'per', 'daily', 'weekly', 'each', 'every', 'nightly', 'yearly', 'monthly']);
const TWICE_REACH = 5;

/**
 * "Took my simvastatin twice", "she's had her tablets twice this morning": a dose taken again is an extra dose (the same
 * finding as "double dose"), and one extra dose (a flag the low-harm extra-dose reading counts as two doses in all). A
 * regimen ("twice a day", "twice daily"), a negation or a hypothetical says nothing.
 */
function readTakenTwice(tokens: readonly Token[], hypothetical: readonly boolean[], negated: readonly boolean[], findings: Findings, quote: (a: number, b: number) => string): void {
  for (let i = 1; i < tokens.length; i++) {
    if (tokens[i].text !== 'twice' || hypothetical[i] || negated[i] || TWICE_REGIMEN.has(tokens[i + 1]?.text ?? '')) continue;
    for (let j = i - 1; j >= 0 && i - j <= TWICE_REACH && tokens[j].kind !== 'break' && tokens[j].clause === tokens[i].clause; j--) {
      if (!TAKEN_VERBS.has(tokens[j].text)) continue;
      findings.affirm('extra_dose', quote(j, i));
      findings.flag('course.one_extra_dose', quote(j, i));
      break;
    }
  }
}

const STING_NOUNS = new Set(['stings', 'stingers']);
/** Words that may sit between a count and its stings ("about 40 bee stings", "over thirty wasp stings"). */
const STING_COUNT_FILLERS = new Set(['about', 'around', 'roughly', 'over', 'nearly', 'almost', 'at', 'least', 'than', 'more', 'bee', 'wasp', 'hornet', 'separate', 'individual']);
const STING_REACH = 4;

/**
 * How many stings (the venom load of a swarm attack): a count before "stings" ("40 stings", "about forty bee stings"), after
 * "number of stings" ("number of stings: about 40") or between "stung" and "times" ("stung about 30 times"). A hypothetical
 * mention counts nothing; the largest count of the call is kept.
 */
function readStingCount(tokens: readonly Token[], hypothetical: readonly boolean[], b: ReadingBuilder, quote: (a: number, b: number) => string): void {
  const valueAt = (t: Token | undefined) => (t === undefined ? undefined : t.kind === 'number' ? t.value : t.kind === 'word' && t.text !== 'a' && t.text !== 'an' && t.text !== 'half' ? NUMBER_WORDS.get(t.text) : undefined);
  const keep = (count: number | undefined, from: number, to: number) => {
    if (count === undefined || !Number.isInteger(count) || count < 2 || count > 5000 || hypothetical[from]) return;
    const known = b.facts.sting_count;
    if (typeof known !== 'number' || count > known) b.set('sting_count', count, quote(from, to), true);
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (t.kind !== 'word') continue;
    if (STING_NOUNS.has(t.text)) {
      for (let j = i - 1; j >= 0 && i - j <= STING_REACH && tokens[j].kind !== 'break'; j--) {
        const v = valueAt(tokens[j]);
        if (v !== undefined) { keep(v, j, i); break; }
        if (!STING_COUNT_FILLERS.has(tokens[j].text)) break;
      }
      if (tokens[i - 1]?.text === 'of' && tokens[i - 2]?.text === 'number') {
        for (let j = i + 1; j < tokens.length && j - i <= STING_REACH && tokens[j].kind !== 'break'; j++) {
          const v = valueAt(tokens[j]);
          if (v !== undefined) { keep(v, i - 2, j); break; }
        }
      }
    } else if (t.text === 'stung') {
      for (let j = i + 1; j + 1 < tokens.length && j - i <= STING_REACH && tokens[j].kind !== 'break'; j++) {
        const v = valueAt(tokens[j]);
        if (v !== undefined) {
          if (tokens[j + 1].text === 'times') keep(v, i, j + 1);
          break;
        }
      }
    }
  }
}

/**
 * How many magnets a magnet word counts (Wisconsin Poison Center: a single magnet may pass, two or more attract through
 * the bowel wall): a number a few words before it in its clause ("2 silver magnetic balls", "two of the magnets"), else
 * one for "a magnet" or "one magnet", else more than one for a plural ("swallowed magnets"), else unknown. A negated or
 * hypothetical mention counts nothing; the largest count of the call is kept.
 */
function readMagnetCount(tokens: readonly Token[], matches: readonly PhraseMatch[], b: ReadingBuilder, quote: (a: number, b: number) => string): void {
  for (const m of matches) {
    if (m.concept !== 'site.magnet' || m.negated) continue;
    const last = tokens[m.last].text;
    const plural = last.endsWith('s') && last !== 'neodymium';
    let count: number | undefined;
    for (let j = m.first - 1; j >= 0 && m.first - j <= MAGNET_REACH; j--) {
      const t = tokens[j];
      if (t.kind === 'break' || t.clause !== m.clause || (t.kind === 'symbol' && t.text === ',')) break;
      // "A set of magnets": an article before a plural counts the set, not the magnets.
      if (plural && (t.text === 'a' || t.text === 'an')) continue;
      const value = t.kind === 'number' ? t.value : t.kind === 'word' ? NUMBER_WORDS.get(t.text) : undefined;
      if (value !== undefined && Number.isInteger(value) && value > 0) {
        count = value;
        break;
      }
    }
    if (count === undefined && plural) count = 2;
    if (count === undefined) continue;
    const known = b.facts.magnet_count;
    if (typeof known !== 'number' || count > known) b.set('magnet_count', count, quote(m.first, m.last), true);
  }
}

/** Units of a mass of medicine, to grams. */
const GRAMS: ReadonlyMap<string, number> = new Map([['g', 1], ['gm', 1], ['gms', 1], ['gram', 1], ['grams', 1], ['mg', 0.001], ['milligrams', 0.001], ['milligram', 0.001]]);
/** How far (in tokens, within a sentence) an amount may sit from the paracetamol it measures. */
const PARACETAMOL_REACH = 15;

/**
 * Paracetamol taken, in grams: an amount with a mass unit ("8 g", "6000 mg", "ten grams") near a name of
 * paracetamol or a product that contains it (co-codamol, cold remedies). The largest amount read counts;
 * over 4 g is more than the adult maximum in 24 hours (NHS), read by the normaliser as an overdose.
 */
function readParacetamol(tokens: readonly Token[], matches: readonly PhraseMatch[], hypothetical: readonly boolean[], b: ReadingBuilder, quote: (a: number, b: number) => string): void {
  readDrugMass(tokens, matches, hypothetical, b, quote, 'drug.paracetamol', 'paracetamol_g', 1);
  // Ibuprofen, in mg: the largest amount said near its name ("two 200 mg ibuprofen", "ibuprofen 400 mg"); the normaliser
  // takes it for the strength of each tablet counted, so a total said as a strength only ever makes the dose look larger.
  // A count said before the strength ("two 200 mg ibuprofen tablets", "3 x 200 mg") is the tablets taken: `ibuprofen_tablets`.
  readDrugMass(tokens, matches, hypothetical, b, quote, 'drug.ibuprofen', 'ibuprofen_mg', 1000, 'ibuprofen_tablets');
}

function readDrugMass(tokens: readonly Token[], matches: readonly PhraseMatch[], hypothetical: readonly boolean[], b: ReadingBuilder, quote: (a: number, b: number) => string,
  concept: string, fact: string, perGramOut: number, countFact?: string): void {
  const named = matches.filter((m) => m.concept === concept && !m.negated).map((m) => m.first);
  if (named.length === 0) return;
  let k = 0;
  for (let i = 0; i + 1 < tokens.length; i++) {
    const t = tokens[i];
    const value = t.kind === 'number' ? t.value : t.kind === 'word' && t.text !== 'a' && t.text !== 'an' ? NUMBER_WORDS.get(t.text) : undefined;
    const perGram = GRAMS.get(tokens[i + 1].text);
    if (value === undefined || perGram === undefined || hypothetical[i] || tokens[i + 1].kind !== 'word') continue;
    // The paracetamol names are in token order: move to the first one that could still be in reach.
    while (k < named.length && named[k] < i - PARACETAMOL_REACH) k++;
    let near = false;
    for (let n = k; n < named.length && named[n] <= i + PARACETAMOL_REACH && !near; n++) {
      const [from, to] = named[n] < i ? [named[n], i] : [i, named[n]];
      near = true;
      for (let j = from; j <= to; j++) if (tokens[j].kind === 'break') near = false;
    }
    const grams = value * perGram;
    if (!near || grams <= 0 || grams > 200) continue;
    const amount = Math.round(grams * perGramOut * 1000) / 1000;
    const known = b.facts[fact];
    if (typeof known !== 'number' || amount > known) b.set(fact, amount, quote(i, i + 1), true);
    if (countFact === undefined) continue;
    const before = tokens[i - 1]?.text === 'x' || tokens[i - 1]?.text === '×' ? i - 2 : i - 1;
    const c = tokens[before];
    const count = c === undefined ? undefined : c.kind === 'number' ? c.value : c.kind === 'word' && c.text !== 'a' && c.text !== 'an' && c.text !== 'half' ? NUMBER_WORDS.get(c.text) : undefined;
    const knownCount = b.facts[countFact];
    if (count !== undefined && Number.isInteger(count) && count >= 1 && count <= 500 && (typeof knownCount !== 'number' || count > knownCount)) b.set(countFact, count, quote(before, i + 1), true);
  }
}

function nearestVital(tokens: readonly Token[], index: number, vitalAt: ReadonlyMap<number, { vital: string; first: number }>): { vital: string; at: number } | undefined {
  for (let j = index - 1; j >= 0 && index - j <= VITAL_LOOKBACK; j--) {
    if (tokens[j].kind === 'break' || tokens[j].kind === 'number') return undefined;
    const v = vitalAt.get(j);
    if (v !== undefined) return { vital: v.vital, at: v.first };
  }
  return undefined;
}

const plausibleBp = (sys: number, dia: number) => dia !== 10 && sys >= 50 && sys <= 260 && dia >= 20 && dia <= 160 && sys > dia;

/** "7/10", "8 out of 10", "pain score 6". */
function readPainScore(tokens: readonly Token[], q: Quantity, over: number | undefined): boolean {
  if (q.value > 10 || q.value < 0) return false;
  if (over === 10 && q.over === 10) return true;
  return tokens[q.last + 1]?.text === 'out' && tokens[q.last + 2]?.text === 'of' && tokens[q.last + 3]?.value === 10;
}

function setVital(b: ReadingBuilder, vital: string, q: Quantity, words: () => string): boolean {
  const v = q.value;
  switch (vital) {
    case 'heart_rate':
      if (v < 20 || v > 300) return false;
      put(b, 'vitals.heart_rate', v, words);
      return true;
    case 'respiratory_rate':
      if (v < 3 || v > 100) return false;
      put(b, 'vitals.respiratory_rate', v, words);
      return true;
    case 'spo2':
      if (v < 40 || v > 100 || (q.unit !== undefined && q.unit !== 'pct')) return false;
      put(b, 'vitals.spo2', v, words);
      return true;
    case 'temperature': {
      const c = q.unit === 'degC' || q.unit === 'degF' ? toCelsius(v, q.unit) : v >= 93 && v <= 110 ? toCelsius(v, 'degF') : v;
      if (c === undefined || c < 30 || c > 44) return false;
      put(b, 'vitals.temperature_c', c, words);
      return true;
    }
    case 'gcs':
      if (v < 3 || v > 15) return false;
      put(b, 'vitals.gcs', v, words);
      return true;
    case 'glucose': {
      const mgdl = q.unit === 'mmoll' || (q.unit !== 'mgdl' && v < 35) ? v * 18 : v;
      if (mgdl < 10 || mgdl > 2000) return false;
      put(b, 'vitals.glucose_mg_dl', mgdl, words);
      return true;
    }
    case 'ketones': {
      if (v < 0 || v > 15) return false;
      // Ketones are re-tested as a call goes on: the highest reading counts ("0.2 this morning, now 3.1").
      const known = b.facts.ketones_mmol;
      if (typeof known !== 'number' || v > known) b.set('ketones_mmol', v, words(), true);
      return true;
    }
    case 'potassium': {
      if (v < 1.5 || v > 10 || (q.unit !== undefined && q.unit !== 'mmoll')) return false;
      // A repeated potassium: the highest result of the call counts, as for ketones.
      const known = b.facts.potassium_mmol;
      if (typeof known !== 'number' || v > known) b.set('potassium_mmol', v, words(), true);
      return true;
    }
    case 'inr': {
      if (v < 0.5 || v > 20 || q.unit !== undefined) return false;
      // A repeated INR ("8.6, and 8.4 on a second strip"): the highest counts, as for potassium.
      const known = b.facts.inr;
      if (typeof known !== 'number' || v > known) b.set('inr', v, words(), true);
      return true;
    }
    default:
      return false;
  }
}

const FUTURE_LEADS = new Set(['in', 'within', 'after', 'over', 'by', 'takes', 'take', 'lasts', 'last', 'next']);

/** "started 40 minutes ago", "for 3 days": onset; "aged 67", "67 years old", "she's 2 months": age. */
function readTime(tokens: readonly Token[], q: Quantity, b: ReadingBuilder, words: () => string): void {
  const unit = q.unit;
  if (unit !== 'minute' && unit !== 'hour' && unit !== 'day' && unit !== 'week' && unit !== 'month' && unit !== 'year') return;
  const after = tokens[q.last + 1];
  const before = q.index > 0 ? tokens[q.index - 1] : undefined;
  const afterOld = after?.text === 'old' || (after?.text === '-' && tokens[q.last + 2]?.text === 'old');
  if (afterOld || (before?.kind === 'word' && AGE_LEADS.has(before.text) && after?.text !== 'ago')) {
    const years = toYears(q.value, unit === 'minute' || unit === 'hour' ? undefined : unit);
    if (years !== undefined && years <= 120 && unit !== 'minute' && unit !== 'hour') setAge(b, years, words());
    return;
  }
  // "Most settle in about 3 days", "within about a week": a time to come, not since when.
  if (before?.text === 'about' && FUTURE_LEADS.has(tokens[q.index - 2]?.text ?? '')) return;
  if (after?.text === 'ago' || (before?.kind === 'word' && (before.text === 'for' || before.text === 'past' || before.text === 'last' || before.text === 'about'))) {
    const hours = toHours(q.value, unit === 'month' || unit === 'year' ? undefined : unit);
    if (hours !== undefined && unit !== 'month' && unit !== 'year') put(b, 'onset_hours', hours, words);
  }
}

/** Ages and onsets written in words or with hyphens: "my 3-week-old", "six weeks old", "an hour ago". */
function readWordAges(tokens: readonly Token[], hypothetical: readonly boolean[], b: ReadingBuilder, quote: (a: number, b: number) => string): void {
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const value = t.kind === 'number' ? t.value : t.kind === 'word' ? NUMBER_WORDS.get(t.text) : undefined;
    if (value === undefined || hypothetical[i]) continue;
    let j = i + 1;
    if (tokens[j]?.text === '-') j++;
    const unit = tokens[j] ? TIME_UNITS.get(tokens[j].text) : undefined;
    if (!unit) continue;
    let k = j + 1;
    if (tokens[k]?.text === '-') k++;
    if (tokens[k]?.text === 'old' && unit !== 'minute' && unit !== 'hour') {
      const years = toYears(value, unit);
      if (years !== undefined && years <= 120) setAge(b, years, quote(i, k));
    } else if (tokens[j + 1]?.text === 'ago' && t.kind === 'word') {
      const hours = toHours(value, unit === 'month' || unit === 'year' ? undefined : unit);
      if (hours !== undefined && unit !== 'month' && unit !== 'year') b.set('onset_hours', hours, quote(i, j + 1));
    }
  }
}
