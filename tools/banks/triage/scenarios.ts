import type { Rng } from './generator.js';
import { DISPOSITIONS, type Disposition } from '../../../src/packs/triage/outcomes.js';

/**
 * Presentation families of the synthetic bank, from clearly safe to clearly dangerous, with the
 * disposition public guidance points to. Risky families are drawn more often than in real call
 * volumes (rare-event over-sampling), which changes how often a scenario appears, never what follows it.
 */

export interface Story {
  /** What deterioration looks like for this presentation. */
  worse: readonly string[];
  /** What was found, by final outcome (taxonomy order). */
  found: readonly [string, string, string, string, string, string];
}

interface Presentation {
  age: number;
  sex: 'F' | 'M';
  conditions?: string[];
  medications?: string[];
  complaint: string;
  details: Record<string, unknown>;
  /** Measured vitals; `undefined` lets the sampler decide between normal vitals and none. */
  vitals?: Record<string, unknown> | null;
  caller?: string[];
  /** What an attentive agent would list as red flags. */
  flags?: string[];
  /** Questions an agent may already have asked. */
  questions?: string[];
}

interface Family {
  id: string;
  weight: number;
  /** Care level (index into DISPOSITIONS) that guidance points to for this family. */
  correct: number;
  present(rng: Rng): Presentation;
  homeAdvice?: readonly string[];
  story: Story;
}

export interface Scenario {
  family: string;
  state: Record<string, unknown>;
  action: { description: string; kind: string; parameters: { disposition: Disposition } };
  story: Story;
}

const sexOf = (rng: Rng, femaleShare: number): 'F' | 'M' => (rng.chance(femaleShare) ? 'F' : 'M');
const RISK_CONDITIONS = ['hypertension', 'high cholesterol', 'smoker', 'type 2 diabetes', 'family history of heart disease'];
const OLDER_CONDITIONS = ['hypertension', 'atrial fibrillation', 'COPD', 'osteoarthritis', 'chronic kidney disease', 'type 2 diabetes'];
const hours = (rng: Rng): string => rng.pick(['30 minutes', 'an hour', '2 hours', '3 hours', 'since this morning', 'since last night']);

const BENIGN_STORY: Story['found'] = [
  'Symptoms settled with self-care within a few days.',
  'Seen in clinic; simple treatment advised and recovered.',
  'Seen in the emergency department; nothing serious found, discharged.',
  'Admitted for observation after an unexpected complication.',
  'Rare complication needing intensive care.',
  'Died of an unexpected complication.',
];

const FAMILIES: readonly Family[] = [
  // ---- clearly safe at home ----
  {
    id: 'common_cold',
    weight: 3,
    correct: 0,
    present: (rng) => ({
      age: rng.int(4, 70),
      sex: sexOf(rng, 0.5),
      complaint: rng.pick(['Runny nose and sore throat for 3 days', 'Stuffy nose and sneezing since the weekend', 'Cold symptoms with a mild cough', 'Scratchy throat and nasal congestion']),
      details: { severity: 'mild', associated: rng.some(['sneezing', 'mild cough', 'low energy', 'headache', 'low-grade fever'], 0.35), absent: rng.some(['shortness of breath', 'chest pain', 'high fever'], 0.6) },
      questions: rng.some(['Any trouble breathing?', 'How high is the temperature?'], 0.4),
    }),
    homeAdvice: ['Rest, fluids and paracetamol; call back if breathing becomes difficult', 'Self-care for a cold: fluids, rest, saline spray'],
    story: { worse: ['Cough worsens and a fever develops'], found: BENIGN_STORY },
  },
  {
    id: 'ankle_sprain',
    weight: 3,
    correct: 0,
    present: (rng) => ({
      age: rng.int(12, 62),
      sex: sexOf(rng, 0.45),
      complaint: rng.pick(['Twisted ankle stepping off a curb an hour ago', 'Rolled my ankle playing basketball', 'Sprained ankle this morning, a bit swollen', 'Twisted my ankle on the stairs']),
      details: { location: rng.pick(['right ankle', 'left ankle']), severity: rng.pick(['mild', 'mild', 'moderate']), associated: rng.some(['swelling', 'bruising'], 0.7), absent: ['numbness'], can_bear_weight: true },
      vitals: rng.chance(0.5) ? { heart_rate: rng.int(64, 88), systolic_bp: rng.int(110, 132), diastolic_bp: rng.int(68, 84), respiratory_rate: rng.int(12, 16), spo2: rng.int(97, 100), temperature_c: rng.real(36.4, 37.2) } : undefined,
      questions: rng.some(['Can you bear weight on it?', 'Any numbness or tingling?'], 0.6),
    }),
    homeAdvice: ['Rest, ice, compression and elevation at home; call back if it worsens', 'RICE at home and simple pain relief; see a clinician if you cannot walk on it'],
    story: { worse: ['Pain and swelling increase; walking becomes difficult'], found: ['Sprain healed with rest and ice.', 'Clinic review: ligament sprain, physiotherapy advised.', 'X-ray in the emergency department showed a small fracture; splinted.', 'Complicated fracture needing surgery.', 'Rare complication needing intensive care.', 'Died of an unexpected complication.'] },
  },
  {
    id: 'minor_cut',
    weight: 2,
    correct: 0,
    present: (rng) => ({
      age: rng.int(5, 75),
      sex: sexOf(rng, 0.5),
      complaint: rng.pick(['Small cut on finger from a kitchen knife', 'Scraped my knee falling off a bike', 'Minor cut on hand, bleeding stopped with pressure', 'Paper cut that keeps stinging']),
      details: { severity: 'mild', bleeding: 'stopped with pressure', absent: rng.some(['numbness', 'deep wound'], 0.6) },
      questions: rng.some(['Has the bleeding stopped?', 'When was your last tetanus shot?'], 0.5),
    }),
    homeAdvice: ['Clean the wound, apply a plaster, watch for infection', 'Wash, cover and keep clean at home'],
    story: { worse: ['Redness spreads around the cut'], found: BENIGN_STORY },
  },
  {
    id: 'back_strain',
    weight: 2,
    correct: 0,
    present: (rng) => ({
      age: rng.int(20, 62),
      sex: sexOf(rng, 0.45),
      complaint: rng.pick(['Lower back pain after lifting boxes', 'Back spasm after gardening', 'Pulled a muscle in my back at the gym', 'Back ache since moving furniture yesterday']),
      details: { severity: rng.pick(['mild', 'moderate']), absent: rng.some(['numbness', 'leg weakness', 'loss of bladder control', 'fever'], 0.7) },
      questions: rng.some(['Any numbness in the legs?', 'Any trouble passing urine?'], 0.5),
    }),
    homeAdvice: ['Stay active, heat and ibuprofen; call back if numbness or bladder problems', 'Self-care for back strain'],
    story: { worse: ['Pain spreads down the leg'], found: BENIGN_STORY },
  },
  {
    id: 'tension_headache',
    weight: 2,
    correct: 0,
    present: (rng) => ({
      age: rng.int(16, 60),
      sex: sexOf(rng, 0.6),
      complaint: rng.pick(['Mild headache since the afternoon, like a tight band', 'Tension headache after a long day at the screen', 'Dull headache, came on slowly over the day']),
      details: { severity: 'mild', onset: 'gradual', absent: rng.some(['fever', 'stiff neck', 'vision changes', 'weakness'], 0.7) },
    }),
    homeAdvice: ['Rest, fluids and paracetamol; call back if severe or sudden', 'Self-care for tension headache'],
    story: { worse: ['Headache persists for several days'], found: BENIGN_STORY },
  },
  {
    id: 'skin_minor',
    weight: 2,
    correct: 0,
    present: (rng) => ({
      age: rng.int(2, 80),
      sex: sexOf(rng, 0.5),
      complaint: rng.pick(['Mosquito bites that itch a lot', 'Mild sunburn on the shoulders', 'Mild rash on forearm after gardening', 'Sneezing and itchy eyes, hay fever season']),
      details: { severity: 'mild', absent: rng.some(['fever', 'swelling of lips', 'trouble breathing'], 0.6) },
    }),
    homeAdvice: ['Antihistamine and soothing cream at home', 'Cool compresses and moisturiser'],
    story: { worse: ['Itching keeps them awake'], found: BENIGN_STORY },
  },
  {
    id: 'mild_gastro',
    weight: 2,
    correct: 0,
    present: (rng) => ({
      age: rng.int(8, 70),
      sex: sexOf(rng, 0.5),
      complaint: rng.pick(['Mild diarrhea since yesterday, keeping fluids down', 'Upset stomach and loose stools after a takeaway', 'Queasy with loose stools, drinking fine']),
      details: { severity: 'mild', drinking: 'yes', absent: rng.some(['blood in stool', 'high fever', 'severe pain'], 0.7) },
    }),
    homeAdvice: ['Oral rehydration at home; call back if unable to keep fluids down', 'Fluids and bland diet'],
    story: { worse: ['Vomiting starts and fluids do not stay down'], found: ['Settled in two days with fluids.', 'Clinic: gastroenteritis, rehydration advice.', 'Dehydrated; IV fluids in the emergency department.', 'Admitted with dehydration and kidney strain.', 'Severe dehydration needing intensive care.', 'Died of an unexpected complication.'] },
  },
  {
    id: 'young_heartburn',
    weight: 2,
    correct: 0,
    present: (rng) => ({
      age: rng.int(18, 34),
      sex: sexOf(rng, 0.5),
      complaint: rng.pick(['Heartburn after a spicy dinner', 'Acid reflux after a big meal', 'Burning in the upper stomach after pizza']),
      details: { severity: 'mild', absent: rng.some(['jaw pain', 'arm pain', 'sweating', 'shortness of breath'], 0.7) },
    }),
    homeAdvice: ['Recommend antacid and call back if symptoms persist', 'Antacid, avoid late meals'],
    story: { worse: ['Burning returns each night'], found: ['Settled with antacids.', 'Clinic: reflux, medication started.', 'Emergency department: ECG normal, reflux.', 'Admitted: ulcer found.', 'Perforated ulcer needing surgery.', 'Died of an unexpected complication.'] },
  },
  // ---- a clinician within days ----
  {
    id: 'uti',
    weight: 3,
    correct: 1,
    present: (rng) => ({
      age: rng.int(18, 60),
      sex: sexOf(rng, 0.88),
      complaint: rng.pick(['Burning when urinating and peeing often since yesterday', 'Painful urination for two days', 'I think I have a UTI, burning when I pee']),
      details: { severity: rng.pick(['mild', 'moderate']), absent: rng.some(['fever', 'back pain', 'vomiting'], 0.7) },
      questions: rng.some(['Any fever?', 'Any back or side pain?', 'Could you be pregnant?'], 0.5),
    }),
    homeAdvice: ['Drink plenty of water and wait it out', 'Cranberry juice and fluids at home'],
    story: { worse: ['Fever and back pain develop'], found: ['Settled without treatment.', 'Clinic: urinary infection, antibiotics.', 'Kidney infection treated in the emergency department.', 'Admitted with kidney infection.', 'Urosepsis needing intensive care.', 'Died of urosepsis.'] },
  },
  {
    id: 'ear_or_throat',
    weight: 2,
    correct: 1,
    present: (rng) => ({
      age: rng.int(2, 40),
      sex: sexOf(rng, 0.5),
      complaint: rng.pick(['Ear pain since last night', 'Sore throat with white spots on the tonsils', 'Earache and pulling at the ear', 'Pink eye with sticky discharge']),
      details: { severity: rng.pick(['mild', 'moderate']), associated: rng.some(['fever', 'poor sleep'], 0.4), absent: rng.some(['stiff neck', 'drooling', 'trouble breathing'], 0.6) },
    }),
    homeAdvice: ['Pain relief at home and wait', 'Self-care and fluids'],
    story: { worse: ['Pain worsens and fever rises'], found: ['Settled without treatment.', 'Clinic: infection, antibiotics or drops.', 'Abscess drained in the emergency department.', 'Admitted with a deep neck infection.', 'Airway complication needing intensive care.', 'Died of a complication.'] },
  },
  {
    id: 'persistent_cough',
    weight: 1,
    correct: 1,
    present: (rng) => ({
      age: rng.int(18, 75),
      sex: sexOf(rng, 0.5),
      complaint: rng.pick(['Cough for three weeks that will not go away', 'Dry cough for weeks, otherwise well']),
      details: { severity: 'mild', absent: rng.some(['fever', 'coughing blood', 'weight loss', 'shortness of breath'], 0.7) },
    }),
    homeAdvice: ['Honey and fluids at home'],
    story: { worse: ['Cough persists for another month'], found: ['Cough faded over weeks.', 'Clinic: asthma or reflux treated.', 'Emergency department: pneumonia on X-ray, treated.', 'Admitted with pneumonia.', 'Respiratory failure needing intensive care.', 'Died of respiratory failure.'] },
  },
  {
    id: 'chest_wall_young',
    weight: 2,
    correct: 1,
    present: (rng) => ({
      age: rng.int(17, 32),
      sex: sexOf(rng, 0.5),
      complaint: rng.pick(['Chest pain when I press on my ribs, after the gym', 'Sharp chest ache, tender to the touch, after lifting weights', 'Chest wall pain after a coughing fit']),
      details: { severity: rng.pick(['mild', 'moderate']), absent: rng.some(['shortness of breath', 'sweating', 'arm pain', 'fainting'], 0.7) },
      questions: rng.some(['Does it hurt when you press on it?', 'Any shortness of breath?'], 0.5),
    }),
    homeAdvice: ['Rest and ibuprofen for a chest wall strain', 'Heat and rest; call back if breathless'],
    story: { worse: ['Pain becomes sharper on breathing'], found: ['Muscle strain settled.', 'Clinic: costochondritis.', 'Emergency department: small pneumothorax, observed.', 'Admitted: pulmonary embolism.', 'Large pulmonary embolism needing intensive care.', 'Died of pulmonary embolism.'] },
  },
  // Vulnerable callers with a harmless complaint (no fever, no red flag): without them the bank shows chemotherapy,
  // young babies and pregnancy only in dangerous families, and the fitted model learns the group itself as danger.
  {
    id: 'vulnerable_minor',
    weight: 2,
    correct: 0,
    present: (rng) => {
      const group = rng.pick(['immunocompromised', 'infant', 'pregnant'] as const);
      if (group === 'infant') {
        const weeks = rng.int(2, 12);
        return {
          age: Math.round((weeks / 52) * 1000) / 1000,
          sex: sexOf(rng, 0.5),
          complaint: rng.pick([`${weeks}-week-old brings up small amounts of milk after feeds`, 'Baby has a mild nappy rash', 'Baby has a blocked nose but feeding well', 'Young baby cries in the evenings, settles between']),
          details: { feeding: 'normal', wet_nappies: 'normal', severity: 'mild', absent: rng.some(['fever', 'green vomit', 'floppiness'], 0.8) },
          vitals: rng.chance(0.5) ? { temperature_c: rng.real(36.5, 37.3) } : undefined,
          questions: rng.some(['Any temperature?', 'Feeding and wet nappies normal?'], 0.6),
        };
      }
      if (group === 'pregnant') {
        return {
          age: rng.int(20, 40),
          sex: 'F' as const,
          conditions: [`pregnant ${rng.int(12, 36)} weeks`],
          complaint: rng.pick(['Heartburn after meals', 'Blocked nose and sneezing for two days', 'Mild constipation this week', 'Aching lower back by the end of the day']),
          details: { severity: 'mild', absent: rng.some(['bleeding', 'headache', 'swelling', 'tummy pain', 'fever'], 0.8) },
          vitals: rng.chance(0.5) ? { systolic_bp: rng.int(100, 124), diastolic_bp: rng.int(60, 80), temperature_c: rng.real(36.4, 37.2) } : undefined,
          questions: rng.some(['Any bleeding?', 'Any headache or swelling?'], 0.6),
        };
      }
      return {
        age: rng.int(25, 80),
        sex: sexOf(rng, 0.5),
        conditions: [rng.pick(['breast cancer on chemotherapy', 'lymphoma on chemotherapy', 'kidney transplant on tacrolimus'])],
        complaint: rng.pick(['Mild nausea, controlled with the anti-sickness tablets', 'Runny nose and sneezing, no temperature', 'Dry skin on the hands', 'Mild constipation']),
        details: { severity: 'mild', absent: rng.some(['fever', 'shivers', 'breathlessness'], 0.8) },
        vitals: rng.chance(0.6) ? { temperature_c: rng.real(36.3, 37.3), heart_rate: rng.int(64, 90) } : undefined,
        questions: rng.some(['Any temperature?', 'Any shivers?'], 0.6),
      };
    },
    homeAdvice: ['Self-care at home; call back at once if a temperature or shivers start', 'Simple measures at home and the usual team at the next visit'],
    story: { worse: ['A temperature develops'], found: BENIGN_STORY },
  },
  {
    id: 'hives_only',
    weight: 2,
    correct: 1,
    present: (rng) => ({
      age: rng.int(3, 60),
      sex: sexOf(rng, 0.5),
      complaint: rng.pick(['Hives all over after a new detergent', 'Itchy hives since this morning', 'Allergic reaction to a new medicine, hives on the arms']),
      details: { severity: 'mild', absent: rng.some(['trouble breathing', 'lip swelling', 'throat tightness', 'vomiting'], 0.8) },
      questions: rng.some(['Any swelling of lips or tongue?', 'Any trouble breathing?'], 0.6),
    }),
    homeAdvice: ['Antihistamine at home; call 911 if breathing becomes difficult'],
    story: { worse: ['Lips begin to swell'], found: ['Hives faded with antihistamines.', 'Clinic: allergy review.', 'Emergency department: treated for worsening reaction.', 'Admitted for observation after a severe reaction.', 'Anaphylaxis needing intensive care.', 'Died of anaphylaxis.'] },
  },
  {
    id: 'child_fever',
    weight: 3,
    correct: 1,
    present: (rng) => {
      const age = rng.pick([0.4, 0.5, 0.75, 1, 2, 3, 4, 6]);
      return {
        age,
        sex: sexOf(rng, 0.5),
        complaint: rng.pick(['Toddler with a fever for a day, drinking well', 'Child has a fever and runny nose, still playing', 'Fever of 38.8 since last night']),
        details: { severity: 'mild', drinking: 'yes', associated: rng.some(['runny nose', 'mild cough'], 0.5), absent: rng.some(['rash', 'stiff neck', 'trouble breathing', 'floppy'], 0.6) },
        vitals: rng.chance(0.4) ? { temperature_c: rng.real(38.0, 39.4) } : undefined,
        questions: rng.some(['How old is the child?', 'Is the child drinking and passing urine?', 'Any rash?'], 0.5),
      };
    },
    homeAdvice: ['Fluids and paracetamol; call back if drowsy or not drinking', 'Fever care at home'],
    story: { worse: ['The child becomes drowsy and stops drinking'], found: ['Viral fever settled.', 'Clinic: ear infection treated.', 'Emergency department: dehydration, fluids, discharged.', 'Admitted with pneumonia.', 'Sepsis needing intensive care.', 'Died of sepsis.'] },
  },
  {
    id: 'older_infant_fever',
    weight: 2,
    correct: 1,
    present: (rng) => ({
      age: rng.pick([0.3, 0.35, 0.4, 0.5, 0.6, 0.8]),
      sex: sexOf(rng, 0.5),
      complaint: rng.pick(['Baby has a fever but is feeding normally', 'My baby feels hot, temperature 38.5']),
      details: { severity: 'mild', feeding: 'normal', absent: rng.some(['rash', 'floppy', 'breathing problems'], 0.6) },
      vitals: rng.chance(0.5) ? { temperature_c: rng.real(38.0, 39.0) } : undefined,
    }),
    homeAdvice: ['Keep baby cool and feeding; call back if worse'],
    story: { worse: ['Baby feeds less and sleeps more'], found: ['Viral fever settled.', 'Clinic: ear infection.', 'Emergency department: urine infection, antibiotics.', 'Admitted with a kidney infection.', 'Sepsis needing intensive care.', 'Died of sepsis.'] },
  },
  {
    id: 'minor_head_bump',
    weight: 2,
    correct: 0,
    present: (rng) => ({
      age: rng.int(3, 60),
      sex: sexOf(rng, 0.5),
      complaint: rng.pick(['Bumped head on a cupboard door, small lump', 'Child hit her head on the table, cried straight away']),
      details: { severity: 'mild', absent: rng.some(['vomiting', 'loss of consciousness', 'confusion'], 0.8) },
      questions: rng.some(['Did they lose consciousness?', 'Any vomiting?'], 0.6),
    }),
    homeAdvice: ['Cold pack and observe at home for 24 hours', 'Head injury advice at home'],
    story: { worse: ['Headache worsens and vomiting starts'], found: ['Lump settled.', 'Clinic check: minor bruise.', 'Emergency department: concussion, discharged.', 'Admitted: small bleed on the scan.', 'Brain bleed needing surgery.', 'Died of a brain bleed.'] },
  },
  {
    id: 'vertigo',
    weight: 2,
    correct: 1,
    present: (rng) => ({
      age: rng.int(40, 82),
      sex: sexOf(rng, 0.6),
      conditions: rng.some(OLDER_CONDITIONS, 0.25),
      complaint: rng.pick(['Room spinning when I turn my head in bed', 'Dizzy spells when I look up, worse in the morning']),
      details: { severity: rng.pick(['mild', 'moderate']), absent: rng.some(['facial droop', 'slurred speech', 'arm weakness', 'headache'], 0.7) },
      questions: rng.some(['Any weakness or slurred speech?', 'Any new headache?'], 0.5),
    }),
    homeAdvice: ['Rest, move slowly, call back if speech or weakness changes'],
    story: { worse: ['Dizziness becomes constant with vomiting'], found: ['Positional vertigo settled.', 'Clinic: inner-ear vertigo treated.', 'Emergency department: dehydration, discharged.', 'Admitted: cerebellar stroke found.', 'Stroke needing intensive care.', 'Died of a stroke.'] },
  },
  {
    id: 'palpitations',
    weight: 1,
    correct: 1,
    present: (rng) => ({
      age: rng.int(18, 60),
      sex: sexOf(rng, 0.6),
      complaint: rng.pick(['Heart racing for a few minutes after coffee, now settled', 'Fluttering in my chest on and off today']),
      details: { severity: 'mild', absent: rng.some(['chest pain', 'fainting', 'shortness of breath'], 0.7) },
    }),
    homeAdvice: ['Cut down caffeine; call back if it returns with chest pain'],
    story: { worse: ['Racing heart returns and lasts an hour'], found: ['No further episodes.', 'Clinic: ECG monitor arranged.', 'Emergency department: fast heart rhythm converted.', 'Admitted with an arrhythmia.', 'Dangerous arrhythmia needing intensive care.', 'Died of an arrhythmia.'] },
  },
  // ---- same day ----
  {
    id: 'wrist_fracture',
    weight: 2,
    correct: 2,
    present: (rng) => ({
      age: rng.int(8, 80),
      sex: sexOf(rng, 0.55),
      complaint: rng.pick(['Fell on outstretched hand, wrist swollen, possible fracture', 'Arm looks bent at an angle after falling off a scooter', 'Fell and cannot move my wrist']),
      details: { severity: rng.pick(['moderate', 'severe', '7/10']), absent: rng.some(['numb fingers', 'bone sticking out'], 0.7) },
    }),
    homeAdvice: ['Ice and a sling at home', 'Rest and painkillers'],
    story: { worse: ['Swelling increases and fingers tingle'], found: ['Bruised, no fracture.', 'Urgent care X-ray: fracture, cast applied.', 'Emergency department: displaced fracture reduced.', 'Admitted for surgery on the fracture.', 'Compartment syndrome needing emergency surgery.', 'Died of a complication.'] },
  },
  {
    id: 'laceration',
    weight: 2,
    correct: 2,
    present: (rng) => ({
      age: rng.int(8, 75),
      sex: sexOf(rng, 0.45),
      complaint: rng.pick(['Deep cut on palm from broken glass, gaping', 'Gash on shin that probably needs stitches']),
      details: { severity: 'moderate', bleeding: 'controlled with pressure', absent: rng.some(['numbness', 'spurting'], 0.6) },
    }),
    homeAdvice: ['Tape it closed at home'],
    story: { worse: ['The wound opens and becomes red and hot'], found: ['Healed with a dressing.', 'Urgent care: stitches.', 'Emergency department: tendon repair.', 'Admitted with a wound infection.', 'Severe infection needing intensive care.', 'Died of a complication.'] },
  },
  {
    id: 'kidney_infection',
    weight: 2,
    correct: 2,
    present: (rng) => ({
      age: rng.int(18, 75),
      sex: sexOf(rng, 0.8),
      complaint: rng.pick(['Burning urination and now fever and back pain', 'UTI for days, now shivering and pain in my side']),
      details: { severity: 'moderate', associated: rng.some(['nausea', 'chills'], 0.5) },
      vitals: rng.chance(0.4) ? { temperature_c: rng.real(38.0, 39.5), heart_rate: rng.int(88, 112) } : undefined,
    }),
    homeAdvice: ['Fluids and paracetamol at home'],
    story: { worse: ['Fever climbs and vomiting starts'], found: ['Settled.', 'Urgent care: kidney infection, antibiotics.', 'Emergency department: IV antibiotics, discharged.', 'Admitted with a kidney infection.', 'Urosepsis needing intensive care.', 'Died of urosepsis.'] },
  },
  {
    id: 'mild_asthma',
    weight: 3,
    correct: 2,
    present: (rng) => ({
      age: rng.int(6, 55),
      sex: sexOf(rng, 0.5),
      conditions: ['asthma'],
      complaint: rng.pick(['Wheezing, inhaler helps a bit', 'Asthma flaring since yesterday, a bit short of breath', 'Tight chest and wheezing with a cold']),
      details: { severity: rng.pick(['mild', 'moderate']), speaking: 'full sentences', absent: rng.some(['blue lips', 'confusion'], 0.6) },
      vitals: rng.chance(0.3) ? { spo2: rng.int(93, 97), respiratory_rate: rng.int(18, 24) } : undefined,
    }),
    homeAdvice: ['Use the reliever inhaler every 4 hours at home'],
    story: { worse: ['Inhaler stops helping; speaking becomes hard'], found: ['Settled with the inhaler.', 'Urgent care: steroids and inhaler plan.', 'Emergency department: nebulisers, discharged.', 'Admitted with severe asthma.', 'Life-threatening asthma needing intensive care.', 'Died of asthma.'] },
  },
  {
    id: 'abdominal_moderate',
    weight: 2,
    correct: 2,
    present: (rng) => ({
      age: rng.int(12, 70),
      sex: sexOf(rng, 0.5),
      complaint: rng.pick(['Stomach pain since this morning with some nausea', 'Belly ache around the navel, off my food', 'Cramping abdominal pain for a day']),
      details: { severity: rng.pick(['moderate', '5/10', '6/10']), absent: rng.some(['vomiting blood', 'black stools', 'fever'], 0.6) },
    }),
    homeAdvice: ['Rest and light meals; call back if the pain moves or worsens'],
    story: { worse: ['Pain moves to the lower right and becomes severe'], found: ['Settled with rest.', 'Urgent care: gastritis.', 'Emergency department: scan normal, discharged.', 'Admitted: appendicitis, operated.', 'Perforated appendix needing intensive care.', 'Died of peritonitis.'] },
  },
  {
    id: 'atypical_lite',
    weight: 3,
    correct: 2,
    present: (rng) => ({
      age: rng.int(32, 56),
      sex: sexOf(rng, 0.75),
      conditions: rng.some(['high cholesterol', 'smoker'], 0.2),
      complaint: rng.pick(['Indigestion and tiredness since lunch', 'Upper stomach discomfort with nausea', 'Heartburn that will not settle, feeling tired']),
      details: { severity: rng.pick(['mild', 'moderate']), associated: rng.some(['fatigue', 'nausea'], 0.5), absent: rng.some(['chest pain', 'sweating', 'shortness of breath'], 0.6) },
      questions: rng.some(['Any chest pain or pressure?', 'Does it come on with exertion?'], 0.4),
    }),
    homeAdvice: ['Recommend antacid and call back if symptoms persist', 'Antacid and rest'],
    story: {
      worse: ['Discomfort spreads to the jaw and sweating starts'],
      found: ['Settled with antacids.', 'Clinic: reflux treated.', 'Emergency department: ECG and troponin normal.', 'Admitted: NSTEMI found on troponin.', 'Heart attack needing the cath lab.', 'Died of a heart attack.'],
    },
  },
  // ---- emergencies ----
  {
    id: 'typical_acs',
    weight: 7,
    correct: 4,
    present: (rng) => {
      const age = rng.int(44, 84);
      const radiates = rng.chance(0.7);
      return {
        age,
        sex: sexOf(rng, 0.25),
        conditions: rng.some(RISK_CONDITIONS, 0.3),
        complaint: rng.pick([`Chest pressure for ${rng.pick(['20 minutes', '30 minutes', 'an hour'])}`, 'Crushing chest pain', 'Tight chest and feeling unwell', 'Heavy feeling in my chest while walking']),
        details: {
          location: radiates ? rng.pick(['center of chest, radiating to left arm', 'behind the breastbone, spreading to the jaw', 'chest, radiating to both arms']) : 'center of chest',
          severity: rng.pick(['7/10', '8/10', 'severe', 'moderate', '6/10']),
          associated: rng.some(['sweating', 'nausea', 'shortness of breath', 'lightheaded'], 0.5),
        },
        caller: rng.some(['Something feels wrong', 'It started while I was walking the dog', 'I thought it was indigestion'], 0.4),
        flags: ['chest pain', ...(radiates ? ['pain radiating to arm or jaw'] : [])],
        questions: rng.some(['How severe is the pain?', 'Does the pain spread anywhere?', 'Are you sweating?', 'Any shortness of breath?'], 0.5),
      };
    },
    homeAdvice: ['Recommend antacid and call back if symptoms persist', 'Rest at home and take an aspirin; call back if not better'],
    story: {
      worse: ['Pain returns stronger with sweating and breathlessness', 'Collapses at home'],
      found: ['Pain settled; judged muscular.', 'Clinic: reflux, no cardiac cause found.', 'Emergency department: ECG and troponin normal, discharged.', 'NSTEMI confirmed; admitted to cardiology.', 'STEMI; emergency angioplasty in the cath lab.', 'Cardiac arrest; could not be resuscitated.'],
    },
  },
  {
    id: 'atypical_acs',
    weight: 8,
    correct: 4,
    present: (rng) => {
      const age = rng.int(40, 82);
      const exact = rng.chance(0.25);
      return {
        age: exact ? 45 : age,
        sex: exact ? 'F' : sexOf(rng, 0.7),
        conditions: exact ? ['diabetes'] : rng.chance(0.6) ? ['diabetes', ...rng.some(RISK_CONDITIONS.slice(0, 3), 0.3)] : rng.some(RISK_CONDITIONS, 0.3),
        complaint: exact ? 'Indigestion and jaw pain for 2 hours' : rng.pick([`Indigestion and jaw pain for ${hours(rng)}`, 'Jaw ache and heartburn since this afternoon', 'Upper stomach pain and unusual tiredness', 'Pain between the shoulder blades and nausea', 'Pain in my jaw and left arm ache']),
        details: {
          location: exact ? 'epigastric, radiating to jaw' : rng.pick(['epigastric, radiating to jaw', 'upper abdomen', 'jaw and neck', 'epigastric']),
          severity: rng.pick(['moderate', 'mild', 'moderate', '6/10']),
          associated: exact ? ['fatigue', 'mild nausea'] : rng.some(['fatigue', 'mild nausea', 'shortness of breath on stairs', 'lightheaded', 'cold sweat'], 0.4),
          absent: exact ? ['chest pain', 'arm pain', 'sweating'] : rng.some(['chest pain', 'arm pain', 'sweating', 'fever'], 0.6),
        },
        vitals: exact ? null : undefined,
        flags: rng.chance(0.3) ? ['possible cardiac symptoms in a diabetic'] : [],
      };
    },
    homeAdvice: ['Recommend antacid and call back if symptoms persist', 'Antacid and rest; see your GP if it continues'],
    story: {
      worse: ['Jaw pain persists and sweating begins four hours later', 'Becomes breathless and grey at home'],
      found: ['Settled with antacids; reflux.', 'Clinic: gallbladder pain.', 'Emergency department: ECG and troponin normal.', 'NSTEMI found; admitted to cardiology.', 'STEMI, delayed presentation; cath lab.', 'Cardiac arrest at home.'],
    },
  },
  {
    id: 'stroke',
    weight: 6,
    correct: 4,
    present: (rng) => {
      const signs = rng.some(['face drooping on one side', 'slurred speech', 'weakness in the left arm', 'sudden loss of vision in one eye', 'sudden loss of balance'], 0.5);
      const shown = signs.length > 0 ? signs : ['slurred speech'];
      return {
        age: rng.int(50, 92),
        sex: sexOf(rng, 0.5),
        conditions: rng.some(OLDER_CONDITIONS, 0.35),
        complaint: `${shown[0][0].toUpperCase()}${shown[0].slice(1)} since ${rng.pick(['30 minutes ago', 'an hour ago', 'breakfast', 'waking up'])}`,
        details: { onset: 'sudden', associated: shown.slice(1), absent: rng.some(['headache', 'fever'], 0.5) },
        caller: rng.some(['My husband is not making sense', 'Her smile looks lopsided'], 0.3),
        flags: rng.chance(0.6) ? ['possible stroke'] : [],
        questions: rng.some(['When was she last seen well?', 'Can he raise both arms?'], 0.5),
      };
    },
    homeAdvice: ['Lie down and rest; call back if not better in a few hours'],
    story: { worse: ['Weakness spreads and speech is lost', 'Becomes drowsy and hard to wake'], found: ['Symptoms resolved; migraine aura.', 'Clinic: Bell palsy.', 'Emergency department: TIA, discharged on treatment.', 'Ischaemic stroke; admitted to the stroke unit.', 'Large stroke; thrombectomy and intensive care.', 'Died of a massive stroke.'] },
  },
  {
    id: 'tia_resolved',
    weight: 2,
    correct: 4,
    present: (rng) => ({
      age: rng.int(50, 88),
      sex: sexOf(rng, 0.5),
      conditions: rng.some(OLDER_CONDITIONS, 0.35),
      complaint: rng.pick(['Speech was slurred for 10 minutes, now back to normal', 'Arm went weak for a few minutes this morning, fine now']),
      details: { onset: 'sudden', duration: '10 minutes', now: 'resolved' },
    }),
    homeAdvice: ['As it has settled, see your GP next week'],
    story: { worse: ['Symptoms return and do not settle'], found: ['No further episodes.', 'Clinic review: migraine.', 'Emergency department: TIA, started on treatment.', 'Admitted: stroke on the scan.', 'Major stroke needing intensive care.', 'Died of a stroke.'] },
  },
  {
    id: 'sepsis',
    weight: 6,
    correct: 4,
    present: (rng) => {
      const older = rng.chance(0.7);
      const abnormal = rng.chance(0.65);
      return {
        age: older ? rng.int(65, 94) : rng.int(25, 64),
        sex: sexOf(rng, 0.5),
        conditions: older ? rng.some(OLDER_CONDITIONS, 0.4) : rng.pick([['on chemotherapy'], ['kidney transplant'], ['type 2 diabetes'], []]),
        complaint: rng.pick(['Fever and confused since this morning', 'High temperature, shivering and very unwell', 'Fever with mottled skin and not passing urine', 'Feverish and breathing fast, feels like dying']),
        details: { associated: rng.some(['rigors', 'vomiting', 'drowsy'], 0.4) },
        vitals: abnormal
          ? { heart_rate: rng.int(104, 140), respiratory_rate: rng.int(21, 32), systolic_bp: rng.int(78, 104), temperature_c: rng.chance(0.85) ? rng.real(38.3, 40.2) : rng.real(34.8, 35.9), spo2: rng.int(88, 96) }
          : undefined,
        flags: rng.chance(0.5) ? ['possible sepsis'] : [],
      };
    },
    homeAdvice: ['Paracetamol and fluids; call back if worse'],
    story: { worse: ['Becomes drowsy and cold to touch', 'Blood pressure falls'], found: ['Viral illness settled.', 'Clinic: chest infection, antibiotics.', 'Emergency department: infection treated, discharged.', 'Sepsis; admitted for IV antibiotics.', 'Septic shock needing intensive care.', 'Died of septic shock.'] },
  },
  {
    id: 'neutropenic_fever',
    weight: 2,
    correct: 3,
    present: (rng) => ({
      age: rng.int(25, 80),
      sex: sexOf(rng, 0.5),
      conditions: [rng.pick(['breast cancer on chemotherapy', 'leukaemia on chemotherapy', 'lymphoma, chemo last week'])],
      complaint: rng.pick(['Temperature of 38.3 and feel unwell', 'Fever since tonight, had chemo last week']),
      details: { severity: 'moderate' },
      vitals: rng.chance(0.5) ? { temperature_c: rng.real(38.0, 39.2), heart_rate: rng.int(90, 118) } : undefined,
    }),
    homeAdvice: ['Paracetamol and rest; call back tomorrow'],
    story: { worse: ['Shaking chills begin overnight'], found: ['Fever settled.', 'Clinic: viral infection.', 'Emergency department: IV antibiotics, discharged.', 'Neutropenic sepsis; admitted.', 'Septic shock needing intensive care.', 'Died of neutropenic sepsis.'] },
  },
  {
    id: 'respiratory_distress',
    weight: 5,
    correct: 4,
    present: (rng) => {
      const severe = rng.chance(0.7);
      return {
        age: rng.int(3, 88),
        sex: sexOf(rng, 0.5),
        conditions: rng.some(['asthma', 'COPD', 'heart failure'], 0.4),
        complaint: severe ? rng.pick(['Can only speak a few words at a time, struggling to breathe', 'Lips turning blue and gasping', 'Severe shortness of breath, cannot breathe lying down']) : rng.pick(['Short of breath walking across the room', 'Breathing fast and wheezing badly']),
        details: { severity: 'severe', associated: rng.some(['chest tightness', 'cough', 'fever'], 0.3) },
        vitals: rng.chance(0.5) ? { spo2: rng.int(82, 92), respiratory_rate: rng.int(26, 40), heart_rate: rng.int(100, 135) } : undefined,
        flags: rng.chance(0.5) ? ['severe breathing difficulty'] : [],
      };
    },
    homeAdvice: ['Use the inhaler and rest; call back if not better'],
    story: { worse: ['Breathing becomes exhausted and slow', 'Turns grey and stops responding'], found: ['Settled with the inhaler.', 'Clinic: inhaler plan changed.', 'Emergency department: nebulisers and steroids, discharged.', 'Admitted with respiratory failure.', 'Intubated in intensive care.', 'Died of respiratory arrest.'] },
  },
  {
    id: 'pneumonia_hypoxia',
    weight: 2,
    correct: 3,
    present: (rng) => ({
      age: rng.int(55, 92),
      sex: sexOf(rng, 0.5),
      conditions: rng.some(OLDER_CONDITIONS, 0.4),
      complaint: rng.pick(['Cough with fever and short of breath for two days', 'Chesty cough, fever and breathless']),
      details: { severity: 'moderate' },
      vitals: { spo2: rng.int(87, 93), temperature_c: rng.real(37.8, 39.4), heart_rate: rng.int(92, 122), respiratory_rate: rng.int(20, 28) },
    }),
    homeAdvice: ['Rest and fluids; see your GP if not better'],
    story: { worse: ['Oxygen level drops and confusion starts'], found: ['Settled.', 'Clinic: antibiotics.', 'Emergency department: antibiotics, discharged.', 'Admitted with pneumonia on oxygen.', 'Respiratory failure needing intensive care.', 'Died of pneumonia.'] },
  },
  {
    id: 'anaphylaxis',
    weight: 4,
    correct: 4,
    present: (rng) => ({
      age: rng.int(3, 70),
      sex: sexOf(rng, 0.5),
      conditions: rng.some(['peanut allergy', 'asthma'], 0.4),
      complaint: rng.pick(['Stung by a bee, throat closing and hives', 'Ate peanuts, lips swelling and hard to breathe', 'Allergic reaction, tongue swelling and wheezing']),
      details: { onset: 'within minutes', associated: rng.some(['vomiting', 'dizziness', 'hives'], 0.5) },
      flags: rng.chance(0.6) ? ['possible anaphylaxis'] : [],
    }),
    homeAdvice: ['Take an antihistamine and watch at home'],
    story: { worse: ['Throat swelling worsens and voice goes hoarse', 'Collapses'], found: ['Settled with antihistamine.', 'Clinic: allergy referral.', 'Emergency department: adrenaline, observed, discharged.', 'Admitted after a biphasic reaction.', 'Airway compromise needing intensive care.', 'Died of anaphylaxis.'] },
  },
  {
    id: 'altered_mental_status',
    weight: 4,
    correct: 4,
    present: (rng) => ({
      age: rng.int(16, 92),
      sex: sexOf(rng, 0.5),
      conditions: rng.some(['type 1 diabetes', 'epilepsy', 'dementia', 'hypertension'], 0.3),
      complaint: rng.pick(['Dad is confused and not making sense since this morning', 'Very hard to wake up', 'Had a seizure, first one ever', 'Passed out and still drowsy']),
      details: { onset: rng.pick(['sudden', 'over hours']) },
      vitals: rng.chance(0.3) ? { heart_rate: rng.int(55, 130), glucose_mg_dl: rng.int(40, 400) } : undefined,
    }),
    homeAdvice: ['Let him sleep it off and call back in the morning'],
    story: { worse: ['Stops responding to voice'], found: ['Back to normal; low blood sugar corrected.', 'Clinic: medication side effect.', 'Emergency department: treated, discharged.', 'Admitted: infection or stroke found.', 'Intensive care after a prolonged seizure.', 'Died.'] },
  },
  {
    id: 'thunderclap_headache',
    weight: 4,
    correct: 3,
    present: (rng) => ({
      age: rng.int(22, 75),
      sex: sexOf(rng, 0.6),
      complaint: rng.pick(['Worst headache of my life, came on suddenly', 'Sudden explosive headache while lifting, then vomited', 'Headache with a stiff neck and fever']),
      details: { severity: rng.pick(['10/10', 'severe', 'excruciating']), onset: 'sudden' },
      flags: rng.chance(0.5) ? ['thunderclap headache'] : [],
    }),
    homeAdvice: ['Painkillers and rest in a dark room'],
    story: { worse: ['Becomes drowsy and confused'], found: ['Migraine, settled.', 'Clinic: migraine treatment.', 'Emergency department: scan normal, discharged.', 'Admitted: subarachnoid haemorrhage or meningitis.', 'Brain bleed needing neurosurgery and intensive care.', 'Died of a brain haemorrhage.'] },
  },
  {
    id: 'young_infant_fever',
    weight: 4,
    correct: 3,
    present: (rng) => {
      const weeks = rng.int(1, 12);
      return {
        age: Math.round((weeks / 52) * 1000) / 1000,
        sex: sexOf(rng, 0.5),
        complaint: rng.pick([`Baby is ${weeks} weeks old and has a fever`, 'Newborn feels hot, temperature 38.4', 'Young baby with a fever, feeding less']),
        details: { feeding: rng.pick(['less than usual', 'normal']), associated: rng.some(['sleepy', 'fussy'], 0.4) },
        vitals: rng.chance(0.6) ? { temperature_c: rng.real(38.0, 39.2) } : undefined,
        flags: rng.chance(0.5) ? ['fever under 3 months'] : [],
      };
    },
    homeAdvice: ['Paracetamol and keep the baby cool; call back if worse'],
    story: { worse: ['Baby becomes floppy and stops feeding'], found: ['Fever settled by itself.', 'Clinic: cold.', 'Emergency department: tests clear, discharged.', 'Admitted with a urine infection or meningitis.', 'Sepsis needing intensive care.', 'Died of sepsis.'] },
  },
  {
    id: 'overdose',
    weight: 3,
    correct: 4,
    present: (rng) => ({
      age: rng.pick([2, 3, rng.int(15, 70), rng.int(15, 70)]),
      sex: sexOf(rng, 0.5),
      complaint: rng.pick(['Took a whole bottle of paracetamol an hour ago', 'My toddler got into grandma\'s pills', 'Took too many of my sleeping tablets', 'Swallowed a handful of pills after an argument']),
      details: { when: rng.pick(['an hour ago', '30 minutes ago', 'unknown']) },
      flags: rng.chance(0.6) ? ['overdose'] : [],
    }),
    homeAdvice: ['Drink water and rest; call back if symptoms start'],
    story: { worse: ['Becomes drowsy and vomits'], found: ['Small amount; no effect.', 'Clinic follow-up after poison advice.', 'Emergency department: levels checked, discharged.', 'Admitted for antidote treatment.', 'Liver failure or coma needing intensive care.', 'Died of the overdose.'] },
  },
  {
    id: 'suicidal',
    weight: 4,
    correct: 4,
    present: (rng) => ({
      age: rng.int(14, 75),
      sex: sexOf(rng, 0.5),
      conditions: rng.some(['depression', 'anxiety'], 0.5),
      complaint: rng.pick(['I want to end my life, I have a plan', 'My son says he wants to die and has been cutting himself', 'Thinking about killing myself tonight', 'Feel hopeless, everyone would be better off dead']),
      details: { plan: rng.pick(['yes', 'unclear', 'no']), means: rng.pick(['pills at home', 'unknown']) },
      flags: rng.chance(0.6) ? ['suicidal ideation'] : [],
    }),
    homeAdvice: ['Try to get some sleep and see your GP this week'],
    story: { worse: ['Stops answering the phone'], found: ['Crisis passed with family support.', 'Clinic: mental health follow-up.', 'Emergency department: crisis assessment, discharged with a plan.', 'Admitted to a psychiatric unit.', 'Intensive care after a suicide attempt.', 'Died by suicide.'] },
  },
  {
    id: 'pregnancy_bleeding',
    weight: 3,
    correct: 3,
    present: (rng) => ({
      age: rng.int(18, 42),
      sex: 'F',
      conditions: [`pregnant ${rng.int(5, 14)} weeks`],
      complaint: rng.pick(['Vaginal bleeding and cramping', 'Spotting and sharp pain on one side', 'Bleeding with clots and shoulder tip pain']),
      details: { severity: rng.pick(['moderate', 'severe']) },
      flags: rng.chance(0.5) ? ['bleeding in pregnancy'] : [],
    }),
    homeAdvice: ['Rest at home and call the midwife tomorrow'],
    story: { worse: ['Pain worsens and she feels faint'], found: ['Bleeding settled; pregnancy ongoing.', 'Clinic scan: threatened miscarriage.', 'Emergency department: miscarriage managed.', 'Admitted with an ectopic pregnancy, operated.', 'Ruptured ectopic needing emergency surgery and intensive care.', 'Died of haemorrhage.'] },
  },
  {
    id: 'gi_bleed',
    weight: 3,
    correct: 3,
    present: (rng) => ({
      age: rng.int(35, 90),
      sex: sexOf(rng, 0.5),
      conditions: rng.some(['on warfarin', 'liver disease', 'takes ibuprofen daily'], 0.4),
      complaint: rng.pick(['Vomiting blood this evening', 'Black tarry stools and dizzy', 'Vomit looks like coffee grounds']),
      details: { associated: rng.some(['dizziness', 'weakness'], 0.5) },
      vitals: rng.chance(0.4) ? { heart_rate: rng.int(95, 130), systolic_bp: rng.int(82, 112) } : undefined,
    }),
    homeAdvice: ['Avoid food tonight and see the GP tomorrow'],
    story: { worse: ['Faints on the way to the bathroom'], found: ['Stopped by itself.', 'Clinic: iron tablets.', 'Emergency department: treated, discharged.', 'Admitted; bleeding ulcer treated by endoscopy.', 'Massive bleed needing transfusion and intensive care.', 'Died of haemorrhage.'] },
  },
  {
    id: 'severe_wound_bleeding',
    weight: 2,
    correct: 4,
    present: (rng) => ({
      age: rng.int(16, 80),
      sex: sexOf(rng, 0.3),
      complaint: rng.pick(['Cut my leg on a saw, bleeding will not stop', 'Deep gash on the arm, blood spurting']),
      details: { severity: 'severe' },
    }),
    homeAdvice: ['Press on it and wrap it tightly'],
    story: { worse: ['Becomes pale and faint from blood loss'], found: ['Bleeding stopped with pressure.', 'Clinic: dressing.', 'Emergency department: stitched.', 'Admitted for vessel repair.', 'Haemorrhagic shock needing intensive care.', 'Died of blood loss.'] },
  },
  {
    id: 'appendicitis',
    weight: 3,
    correct: 3,
    present: (rng) => ({
      age: rng.int(8, 65),
      sex: sexOf(rng, 0.5),
      complaint: rng.pick(['Severe pain in the lower right side of my belly', 'Stomach pain moved to the lower right and is getting worse', 'Severe abdominal pain, cannot stand up straight']),
      details: { severity: rng.pick(['8/10', 'severe']), associated: rng.some(['vomiting', 'fever'], 0.5) },
    }),
    homeAdvice: ['Painkillers and a hot water bottle'],
    story: { worse: ['Pain becomes constant and the belly goes rigid'], found: ['Settled; constipation.', 'Clinic: gastritis.', 'Emergency department: scan normal, discharged.', 'Appendicitis; operated.', 'Perforation and peritonitis needing intensive care.', 'Died of peritonitis.'] },
  },
  {
    id: 'head_injury_anticoagulant',
    weight: 3,
    correct: 3,
    present: (rng) => ({
      age: rng.int(62, 94),
      sex: sexOf(rng, 0.55),
      conditions: ['atrial fibrillation'],
      medications: [rng.pick(['warfarin', 'apixaban', 'rivaroxaban'])],
      complaint: rng.pick(['Fell and hit her head on the kitchen floor', 'Tripped and banged his head, has a lump', 'Slipped and hit the back of her head']),
      details: { severity: rng.pick(['mild', 'moderate']), absent: rng.some(['vomiting', 'loss of consciousness'], 0.5) },
    }),
    homeAdvice: ['Ice pack and rest; call back if drowsy'],
    story: { worse: ['Headache worsens and she becomes drowsy overnight'], found: ['Lump settled.', 'Clinic check.', 'Emergency department: CT normal, discharged.', 'Admitted with a small brain bleed.', 'Brain bleed needing neurosurgery.', 'Died of a brain bleed.'] },
  },
  {
    id: 'danger_vitals_vague',
    weight: 3,
    correct: 3,
    present: (rng) => ({
      age: rng.int(30, 90),
      sex: sexOf(rng, 0.5),
      conditions: rng.some(OLDER_CONDITIONS, 0.3),
      complaint: rng.pick(['Feel weak and dizzy today', 'Just not feeling right, very tired', 'Lightheaded when standing']),
      details: { severity: 'moderate' },
      vitals: { heart_rate: rng.int(118, 150), systolic_bp: rng.int(78, 98), spo2: rng.int(88, 95), respiratory_rate: rng.int(18, 28) },
    }),
    homeAdvice: ['Rest and fluids at home'],
    story: { worse: ['Collapses at home'], found: ['Felt better after fluids.', 'Clinic: medication adjusted.', 'Emergency department: treated, discharged.', 'Admitted: arrhythmia or bleeding found.', 'Shock needing intensive care.', 'Died.'] },
  },
];

const DESCRIPTIONS: Readonly<Record<Disposition, readonly string[]>> = {
  home_care: ['Self-care at home; call back if worse'],
  clinic_48h: ['Book a clinic appointment within 48 hours', 'See your GP in the next two days', 'Routine clinic visit this week'],
  urgent_care_today: ['Go to urgent care today', 'Visit an urgent care centre within the next few hours'],
  emergency_department: ['Go to the emergency department now', 'Have someone drive you to the ER now'],
  call_emergency_services: ['Call 911 now and stay on the line', 'Dispatching an ambulance; do not drive', 'Hang up and call emergency services immediately'],
};

/** Mostly the guided disposition, often under-triaged (the case the guardrail is for), sometimes over. */
function chooseLevel(rng: Rng, correct: number): number {
  const top = DISPOSITIONS.length - 1;
  const under = correct > 0 ? 0.38 : 0;
  const over = correct < top ? 0.2 : 0;
  const u = rng.next();
  if (u < under) return rng.weighted(Array.from({ length: correct }, (_, i) => (i === correct - 1 ? 2 : 1) + (i === 0 ? 1 : 0)));
  if (u < under + over) return rng.int(correct + 1, top);
  return correct;
}

function normalVitals(rng: Rng, age: number): Record<string, unknown> {
  if (age < 1) return { heart_rate: rng.int(110, 160), respiratory_rate: rng.int(28, 45), spo2: rng.int(96, 100), temperature_c: rng.real(36.5, 37.5) };
  if (age < 8) return { heart_rate: rng.int(85, 130), respiratory_rate: rng.int(20, 28), spo2: rng.int(96, 100), temperature_c: rng.real(36.5, 37.5) };
  return { heart_rate: rng.int(60, 96), blood_pressure: `${rng.int(105, 138)}/${rng.int(64, 86)}`, respiratory_rate: rng.int(12, 18), spo2: rng.int(95, 100), temperature_c: rng.real(36.3, 37.4) };
}

const FAMILY_WEIGHTS = FAMILIES.map((f) => f.weight);

export function sampleScenario(rng: Rng): Scenario {
  const family = FAMILIES[rng.weighted(FAMILY_WEIGHTS)];
  const p = family.present(rng);
  const level = chooseLevel(rng, family.correct);
  const disposition = DISPOSITIONS[level];
  const underTriaged = level < family.correct;
  // Agents that under-triage have usually missed the red flags; the bank reflects that.
  const flags = (p.flags ?? []).filter(() => rng.chance(underTriaged ? 0.25 : 0.8));
  const vitals = p.vitals !== undefined ? p.vitals : rng.chance(0.35) ? normalVitals(rng, p.age) : null;
  const conversation = (p.caller ?? []).flatMap((content) => [{ role: 'caller', content }]);
  const state: Record<string, unknown> = {
    caller_demographics: { age: p.age, sex: p.sex, conditions: p.conditions ?? [], ...(p.medications ? { medications: p.medications } : {}) },
    chief_complaint: p.complaint,
    symptom_details: p.details,
    vital_signs: vitals,
    conversation_history: conversation,
    red_flags_identified: flags,
    questions_asked: p.questions ?? [],
  };
  const description = level === 0 && family.homeAdvice ? rng.pick(family.homeAdvice) : rng.pick(DESCRIPTIONS[disposition]);
  return { family: family.id, state, action: { description, kind: 'disposition', parameters: { disposition } }, story: family.story };
}
