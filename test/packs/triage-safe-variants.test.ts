import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startService, type TestService } from '../support/service.js';

/**
 * Ordinary presentations that public self-care and primary-care guidance (NHS inform and NHS.uk
 * self-care pages, NICE CKS) sends home, to a pharmacy or to a clinic, each written in our own
 * words and in a different shape (EHR-style vitals, free text only, a parent on the phone, the
 * reassuring negatives a nurse records). Each must be approved through the whole service, and its
 * dangerous twin (the same call with one red flag added) must be escalated: the reading fires on
 * the finding a hazard cites, not on a word nearby, a negated mention, a question, a worry or a
 * relative's history.
 */

type Json = Record<string, unknown>;
type Disposition = 'home_care' | 'clinic_48h' | 'urgent_care_today';

interface Variant {
  id: string;
  /** What the guidance says about it (the source of the gold). */
  source: string;
  disposition: Disposition;
  description: string;
  state: Json;
  /** The red flag added to make the twin. */
  flag: string;
  twin: (state: Json) => Json;
}

const clone = (s: Json): Json => structuredClone(s);
/** The twin: one more turn from the caller. */
const says = (text: string) => (s: Json): Json => {
  const c = clone(s);
  const history = Array.isArray(c.conversation_history) ? [...(c.conversation_history as Json[])] : [];
  history.push({ role: 'caller', content: text });
  c.conversation_history = history;
  return c;
};
/** The twin: the complaint grows a clause. */
const complains = (text: string) => (s: Json): Json => ({ ...clone(s), chief_complaint: `${String(s.chief_complaint ?? '')}. ${text}` });
/** The twin: a detail field of its own. */
const detail = (key: string, value: unknown) => (s: Json): Json => {
  const c = clone(s);
  c.symptom_details = { ...((c.symptom_details as Json) ?? {}), [key]: value };
  return c;
};
/** The twin: a measured vital sign. */
const vital = (values: Json) => (s: Json): Json => {
  const c = clone(s);
  c.vital_signs = { ...((c.vital_signs as Json) ?? {}), ...values };
  return c;
};
const adult = (age: number, sex: 'female' | 'male', extra: Json = {}): Json => ({ caller_demographics: { age, sex, ...extra } });
const caller = (content: string): Json => ({ role: 'caller', content });
const agent = (content: string): Json => ({ role: 'agent', content });

const VARIANTS: Variant[] = [
  {
    id: 'common-cold',
    source: 'NHS Common cold: rest, fluids, paracetamol; NICE CKS Common cold',
    disposition: 'home_care',
    description: 'Self-care for a cold: rest, fluids, paracetamol, see a pharmacist',
    state: {
      ...adult(34, 'male'),
      chief_complaint: 'Blocked nose and sneezing for 4 days',
      vital_signs: { temperature_c: 37.3, heart_rate: 76, respiratory_rate: 14, spo2: 98 },
      conversation_history: [caller('Streaming nose, sneezing, bit of a croaky throat. Eating and drinking normally, just feel rubbish.')],
    },
    flag: 'chest pain with sweating',
    twin: says("Since this morning I've had a crushing pain in my chest and I'm drenched in sweat."),
  },
  {
    id: 'flu-like-illness',
    source: 'NHS Flu: rest, keep warm, drink fluids, paracetamol; NICE CKS Influenza (healthy adults)',
    disposition: 'home_care',
    description: 'Advise rest, fluids and paracetamol or ibuprofen for flu symptoms; safety-net',
    state: {
      ...adult(29, 'female', { conditions: [], medications: [] }),
      chief_complaint: 'Aching all over with a temperature',
      symptom_details: { duration_days: 2, temperature: '38.3', aches: 'muscles and joints', appetite: 'reduced', drinking: 'well', breathing: 'normal' },
      conversation_history: [caller('Came on yesterday, aching everywhere and tired, a dry cough and a headache. I can still get up and make tea.')],
    },
    flag: 'breathing fast with blue lips',
    twin: says("She's breathing really fast now and her lips look blue."),
  },
  {
    id: 'sore-throat-feverpain-low',
    source: 'NICE NG84 Sore throat (FeverPAIN 0-1: no antibiotic, self-care)',
    disposition: 'home_care',
    description: 'Self-care for a sore throat: salt-water gargles, lozenges, paracetamol',
    state: {
      ...adult(22, 'female'),
      chief_complaint: 'Sore throat 2 days',
      symptom_details: { fever: 'no', tonsils: 'red, no white spots', cough: 'yes, a little', swallowing: 'sore but managing food and drink', voice: 'normal' },
    },
    flag: 'cannot swallow saliva and drooling',
    twin: detail('saliva', "can't swallow her own spit, drooling"),
  },
  {
    id: 'sinusitis',
    source: 'NICE NG79 / CKS Sinusitis (acute): self-care for 10 days or less; NHS Sinusitis',
    disposition: 'home_care',
    description: 'Self-care for sinusitis: painkillers, saline nasal rinses, warm compress',
    state: {
      ...adult(41, 'male'),
      chief_complaint: 'Blocked nose and pain over the cheeks after a cold',
      conversation_history: [
        caller("Had a cold last week and now my face aches round my cheeks and eyes, worse when I bend forward. Green snot. About six days now."),
        agent('Any swelling or redness around the eye, problems with your vision, or a severe headache?'),
        caller('No, none of that. Eyes are fine.'),
      ],
    },
    flag: 'swelling round the eye and double vision',
    twin: says("The skin round my left eye has gone red and puffy and I'm seeing double."),
  },
  {
    id: 'otitis-media-child',
    source: 'NICE NG91 / CKS Otitis media (acute): most resolve in 3 days; paracetamol or ibuprofen; NHS Earache',
    // Pharmacy First / GP within 48 hours: the bank this service learns from counts an earache left at home as a clinic visit missed.
    disposition: 'clinic_48h',
    description: 'Pain relief and fluids for earache; GP or pharmacy review within 48 hours if not settling',
    state: {
      caller_demographics: { age: 4, sex: 'male' },
      chief_complaint: 'Earache since last night',
      symptom_details: { ear: 'right ear pain, pulling at it', temperature_c: 37.9, discharge: false, drinking: 'yes', playing: 'yes, after Calpol' },
      conversation_history: [
        { role: 'parent', content: "He woke up crying with his ear. After some Calpol he's been watching cartoons and had his breakfast." },
        agent('Is there any swelling or redness behind the ear, or is his ear sticking out?'),
        { role: 'parent', content: 'No, it looks normal behind the ear.' },
      ],
    },
    flag: 'drowsy and floppy',
    twin: says("Now he's gone really drowsy and floppy, I can hardly wake him."),
  },
  {
    id: 'conjunctivitis',
    source: 'NHS Conjunctivitis: usually clears in 2 weeks; clean with cooled boiled water; pharmacist',
    disposition: 'home_care',
    description: 'Advise bathing the eyes with cooled boiled water and a pharmacist for drops',
    state: {
      caller_demographics: { age: 31, sex: 'female' },
      chief_complaint: 'Red gritty eyes with sticky discharge',
      symptom_details: { both_eyes: true, vision: 'normal', pain: 'gritty, not painful', light_sensitivity: 'no', contact_lenses: 'no' },
    },
    flag: 'sudden loss of vision',
    twin: complains('This afternoon she suddenly lost the vision in her right eye'),
  },
  {
    id: 'hay-fever',
    source: 'NHS Hay fever: antihistamines, pharmacist; NICE CKS Allergic rhinitis',
    disposition: 'home_care',
    description: 'Antihistamines and a steroid nasal spray from the pharmacy',
    state: {
      ...adult(19, 'male'),
      chief_complaint: 'Itchy eyes and sneezing every summer',
      conversation_history: [caller("It's the pollen again, itchy eyes, runny nose and sneezing all day. Breathing's fine, no wheeze.")],
    },
    flag: 'lips and tongue swelling after a peanut',
    twin: says('I just ate a cookie with peanuts and my lips and tongue are swelling up and my throat feels tight.'),
  },
  {
    id: 'gastroenteritis-fluids-down',
    source: 'NHS Diarrhoea and vomiting: drink fluids, usually stops in a few days',
    disposition: 'home_care',
    description: 'Self-care for a tummy bug: small sips often, rest, oral rehydration',
    state: {
      ...adult(45, 'female'),
      chief_complaint: 'Vomiting and diarrhoea since last night',
      symptom_details: { vomiting: 'twice overnight, none since 6am', diarrhoea: 'watery, 5 times', blood_in_stool: 'no', fluids: 'keeping water down', urine: 'passing normally' },
    },
    flag: 'blood in the vomit',
    twin: detail('vomit', 'there was blood in the vomit, like coffee grounds'),
  },
  {
    id: 'constipation',
    source: 'NHS Constipation: fibre, fluids, exercise; pharmacist laxatives',
    disposition: 'home_care',
    description: 'Diet advice and an over-the-counter laxative from the pharmacist',
    state: {
      ...adult(52, 'female'),
      chief_complaint: "Haven't opened my bowels for 4 days",
      conversation_history: [caller("I'm a bit bloated and straining. Still passing wind, eating fine, no blood, no weight loss. Happens when I travel.")],
    },
    flag: 'black tarry stools',
    twin: says("When I did finally go it was black and tarry, and I feel faint."),
  },
  {
    id: 'heartburn-young-adult',
    source: 'NHS Heartburn and acid reflux: lifestyle, antacids from a pharmacist; NICE CKS Dyspepsia (no alarm features under 55)',
    disposition: 'home_care',
    description: 'Antacids and lifestyle advice for reflux; see GP if it lasts 3 weeks',
    state: {
      ...adult(24, 'male'),
      chief_complaint: 'Burning feeling after meals',
      conversation_history: [
        caller('Burning behind my breastbone after spicy food and when I lie down, sour taste in my mouth. Had it on and off for a week.'),
        agent('Any trouble swallowing, weight loss, vomiting or black stools?'),
        caller('No, none of those.'),
      ],
    },
    flag: 'vomiting blood',
    twin: says('Actually I just threw up and there was bright red blood in it.'),
  },
  {
    id: 'mechanical-back-pain',
    source: 'NICE NG59 Low back pain: stay active, NSAIDs; NHS Back pain',
    disposition: 'home_care',
    description: 'Keep active, ibuprofen, heat pack; physio self-referral if not settling',
    state: {
      ...adult(38, 'male'),
      chief_complaint: 'Lower back pain after lifting boxes',
      symptom_details: { onset: 'yesterday lifting at work', leg_symptoms: 'none', bladder_bowel: 'normal', numbness: 'none', fever: 'no', walking: 'stiff but walking' },
      vital_signs: { temperature_c: 36.8 },
    },
    flag: 'numbness around the bottom and cannot pass urine',
    twin: says("Since this morning I can't feel the toilet paper when I wipe and I can't pass urine."),
  },
  {
    id: 'ankle-sprain-ottawa-negative',
    source: 'NHS Sprains and strains: RICE; Ottawa ankle rules (no bony tenderness, able to bear weight: no X-ray)',
    disposition: 'home_care',
    description: 'Rest, ice, compression and elevation; paracetamol; see a GP if not improving in a week',
    state: {
      ...adult(27, 'female'),
      chief_complaint: 'Twisted ankle playing netball',
      symptom_details: { weight_bearing: 'walked four steps, limping', bony_tenderness: 'none at the ankle bones', swelling: 'mild on the outer side', deformity: 'no' },
    },
    flag: 'bone sticking out',
    twin: detail('appearance', 'the ankle is at a strange angle with bone showing'),
  },
  {
    id: 'minor-burn',
    source: 'NHS Burns and scalds: cool under running water 20 minutes, cover with cling film; small burns at home',
    disposition: 'home_care',
    description: 'Cool the burn under running water, cover loosely, paracetamol',
    state: {
      ...adult(33, 'female'),
      chief_complaint: 'Splashed with hot water from the kettle',
      conversation_history: [caller("Small red patch on the back of my hand, about the size of a coin, it's sore but no blisters. I held it under the cold tap for twenty minutes.")],
    },
    flag: 'face burn with a hoarse voice after a fire',
    twin: says('There was also a small kitchen fire; my voice has gone hoarse and I am struggling to breathe.'),
  },
  {
    id: 'insect-bite',
    source: 'NHS Insect bites and stings: wash, cold compress, antihistamine; see a GP if swelling spreads',
    disposition: 'home_care',
    description: 'Cold compress, antihistamine and hydrocortisone cream from the pharmacy',
    state: {
      caller_demographics: { age: 9, sex: 'female' },
      chief_complaint: 'Mosquito bites on her legs',
      symptom_details: { spreading_redness: false, swelling: 'small itchy lumps', fever: false, breathing: 'normal' },
      conversation_history: [{ role: 'mother', content: "She's got a few itchy bites from the camping trip. She's fine in herself, running around." }],
    },
    flag: 'throat swelling and wheezing after a wasp sting',
    twin: says('She has just been stung by a wasp and her face is swelling up and she is wheezing.'),
  },
  {
    id: 'mild-eczema',
    source: 'NICE CKS Eczema (atopic): emollients, mild topical steroid; NHS Atopic eczema',
    disposition: 'clinic_48h',
    description: 'Emollients and a GP appointment this week for a review of the eczema',
    state: {
      caller_demographics: { age_months: 18, sex: 'male' },
      chief_complaint: 'Dry itchy patches in the creases of his elbows',
      symptom_details: { weeping: false, fever: false, feeding: 'normal', sleep: 'scratching at night' },
    },
    flag: 'a non-blanching rash with a fever',
    twin: says("He's got a high temperature now and some purple spots on his tummy that don't fade when I press a glass on them."),
  },
  {
    id: 'head-lice',
    source: 'NHS Head lice and nits: wet combing or pharmacy lotion',
    disposition: 'home_care',
    description: 'Wet combing with a detection comb; lotion from a pharmacist',
    state: {
      caller_demographics: { age: 7, sex: 'female' },
      chief_complaint: 'School said she has nits',
      conversation_history: [{ role: 'parent', content: 'Itchy scalp and I can see little eggs near the roots. Otherwise she is completely well.' }],
    },
    flag: 'stiff neck with a rash',
    twin: says("Now she's got a high temperature, a stiff neck and a rash that won't fade."),
  },
  {
    id: 'threadworms',
    source: 'NHS Threadworms: mebendazole from a pharmacy for the whole household, hygiene',
    disposition: 'home_care',
    description: 'Mebendazole from the pharmacy for the whole family and hygiene advice',
    state: {
      caller_demographics: { age: 5, sex: 'male' },
      chief_complaint: 'Itchy bottom at night, saw small white worms',
      symptom_details: { tummy_pain: 'no', appetite: 'normal', sleeping: 'restless from itching' },
    },
    flag: 'breathing fast with grunting',
    twin: says('He is breathing fast and grunting with every breath, and he is very pale.'),
  },
  {
    id: 'mouth-ulcers',
    source: 'NHS Mouth ulcers: usually heal in 1-2 weeks; pharmacy gels; see a dentist or GP if over 3 weeks',
    disposition: 'home_care',
    description: 'Antiseptic mouthwash and a numbing gel from the pharmacy',
    state: {
      ...adult(36, 'female'),
      chief_complaint: 'Two painful mouth ulcers for 5 days',
      conversation_history: [caller('Little white sores inside my lip, sting when I eat crisps. I bit my cheek last week. I feel well otherwise.')],
    },
    flag: 'worst headache of her life',
    twin: says('Then about an hour ago the worst headache of my life came on all of a sudden.'),
  },
  {
    id: 'period-pain',
    source: 'NHS Period pain: ibuprofen, heat, exercise; NICE CKS Dysmenorrhoea',
    disposition: 'home_care',
    description: 'Ibuprofen, a hot water bottle and gentle exercise for period pain',
    state: {
      ...adult(20, 'female', { pregnant: false }),
      chief_complaint: 'Cramping lower tummy pain on day one of my period',
      symptom_details: { pattern: 'same as every month', bleeding: 'normal period flow', pregnancy_test: 'negative', fever: 'no', pain_score: 5 },
    },
    flag: 'collapsed and cannot be woken',
    twin: says('She just collapsed in the bathroom and she is not responding to me.'),
  },
  {
    id: 'vaginal-thrush',
    source: 'NHS Thrush: antifungal from a pharmacist; NICE CKS Candida vulvovaginal',
    disposition: 'home_care',
    description: 'Pharmacy antifungal treatment for thrush',
    state: {
      ...adult(30, 'female', { pregnant: false }),
      chief_complaint: 'Itching and thick white discharge',
      conversation_history: [caller("It's like cottage cheese, itchy and sore. I had thrush before and it felt the same. I'm not pregnant and I don't have a temperature.")],
    },
    flag: 'confused with a high fever',
    twin: says("I'm calling back for her, she's confused and burning up, her heart is racing."),
  },
  {
    id: 'uncomplicated-uti',
    source: 'NICE NG109 UTI (lower): women not pregnant, no upper-tract signs: pharmacy or GP, back-up antibiotic',
    disposition: 'clinic_48h',
    description: 'GP or Pharmacy First appointment within 48 hours for a urine infection',
    state: {
      ...adult(32, 'female', { pregnant: false }),
      chief_complaint: 'Burning when I wee and going all the time',
      symptom_details: { loin_pain: 'no', fever: 'no', vomiting: 'no', blood_in_urine: 'no', pregnancy_possible: 'no', duration_days: 2 },
    },
    flag: 'rigors, loin pain and confusion',
    twin: says('She is now shaking uncontrollably, confused and her heart rate is 135.'),
  },
  {
    id: 'mild-headache',
    source: 'NHS Headaches: rest, fluids, paracetamol; NICE CKS Headache assessment (no red flags)',
    disposition: 'home_care',
    description: 'Fluids, rest and paracetamol for a mild headache; safety-net',
    state: {
      ...adult(35, 'male'),
      chief_complaint: 'Headache since this afternoon',
      symptom_details: { severity: 'mild', onset: 'gradual after a long day at the computer', vomiting: 'no', neck_stiffness: 'no', rash: 'no', vision: 'normal', fever: 'no' },
    },
    flag: 'sudden thunderclap headache',
    twin: detail('onset_description', 'came on suddenly like being hit on the back of the head, worst ever'),
  },
  {
    id: 'tension-headache',
    source: 'NICE CG150 Headaches in over 12s: tension-type headache, simple analgesia',
    disposition: 'home_care',
    description: 'Self-care for tension headache: paracetamol, posture, breaks, sleep',
    state: {
      ...adult(44, 'female'),
      chief_complaint: 'Tight band around my head most afternoons',
      conversation_history: [
        caller("It's like a band squeezing my forehead, usually at the end of a stressful work day. Paracetamol takes the edge off."),
        agent('Is it the worst headache you have ever had, or did it come on suddenly? Any weakness, confusion or a stiff neck?'),
        caller("No, nothing like that, it builds up slowly. I'm just worried because my mum had a stroke."),
      ],
    },
    flag: 'face drooping and slurred speech',
    twin: says('Oh no, her face has dropped on one side and her speech is slurred.'),
  },
  {
    id: 'minor-cut',
    source: 'NHS Cuts and grazes: press to stop bleeding, clean, cover with a plaster',
    disposition: 'home_care',
    description: 'Clean the cut, apply pressure and cover with a plaster',
    state: {
      ...adult(26, 'male'),
      chief_complaint: 'Small cut on my finger from a vegetable peeler',
      symptom_details: { bleeding: 'stopped after 5 minutes of pressure', depth: 'shallow', length: 'under 1 cm', numbness: 'no', tetanus: 'up to date' },
    },
    flag: 'bleeding that will not stop',
    twin: says("It's started again and now it's spurting and won't stop bleeding even with pressure."),
  },
  {
    id: 'nosebleed-stopped',
    source: 'NHS Nosebleed: pinch the soft part for 10-15 minutes, lean forward; A&E if it lasts over 10-15 minutes',
    disposition: 'home_care',
    description: 'Nosebleed advice: lean forward and pinch, avoid blowing the nose',
    state: {
      caller_demographics: { age: 11, sex: 'male' },
      chief_complaint: 'Nosebleed, now stopped',
      conversation_history: [{ role: 'parent', content: 'He had a nosebleed after football, we pinched it for ten minutes leaning forward and it stopped. He feels fine.' }],
    },
    flag: 'head injury with vomiting',
    twin: says('He also got a ball kicked into his head and he has been sick three times since.'),
  },
  {
    id: 'teething',
    source: 'NHS Baby teething symptoms: teething rings, sugar-free gel, paracetamol from 2 months',
    disposition: 'home_care',
    description: 'Teething advice: chilled teething ring, sugar-free painkiller for babies',
    state: {
      caller_demographics: { age_months: 8, sex: 'female' },
      chief_complaint: 'Dribbling and chewing everything, red cheek',
      symptom_details: { temperature: '37.6 C', feeding: 'taking milk well', wet_nappies: 'normal', rash: 'none' },
    },
    flag: 'no wet nappies and floppy',
    twin: says('No wet nappy since yesterday and she has gone very floppy.'),
  },
  {
    id: 'nappy-rash',
    source: 'NHS Nappy rash: leave the nappy off, barrier cream; see a health visitor if not better',
    disposition: 'home_care',
    description: 'Nappy-free time and a barrier cream; pharmacist if no better in a few days',
    state: {
      caller_demographics: { age_months: 10, sex: 'male' },
      chief_complaint: 'Red sore skin in the nappy area',
      conversation_history: [
        { role: 'parent', content: "His bottom is red and sore since he had a runny poo. He's happy, feeding well and plenty of wet nappies." },
        agent('Does he have a temperature, or is there a rash anywhere else that does not fade with a glass?'),
        { role: 'parent', content: 'No temperature and no other rash.' },
      ],
    },
    flag: 'drowsy with a purple rash',
    twin: says("He's got purple spots spreading on his legs and he's very sleepy and hard to wake."),
  },
  {
    id: 'well-child-fever-3y',
    source: 'NICE NG143 Fever in under 5s (green: normal colour, responds normally, content, smiles, awake, normal cry): home care with safety-netting',
    // NICE says home care; the bank this service learns from sends a febrile child to a clinic about a third of the time, so the
    // model's own risk escalates home care (a reason the model gives, not a misreading). A GP review within 48 hours fits both.
    disposition: 'clinic_48h',
    description: 'Fluids, paracetamol or ibuprofen if distressed, GP review if the fever lasts; check on her at night',
    state: {
      caller_demographics: { age: 3, sex: 'female' },
      chief_complaint: 'Temperature of 38.5 since this morning',
      vital_signs: { temperature_c: 38.5, heart_rate: 130, respiratory_rate: 26 },
      symptom_details: { drinking: 'yes, lots of juice', playing: 'yes', rash: 'no', neck_stiffness: 'no', breathing: 'normal', wet_nappies: 'yes, normal' },
      conversation_history: [{ role: 'parent', content: "She's a bit warm and clingy but she's playing with her dolls and drinking well. No rash, no neck stiffness." }],
    },
    flag: 'non-blanching rash',
    twin: says('I just noticed tiny purple spots on her chest that do not fade under a glass.'),
  },
  {
    id: 'cough-five-days',
    source: 'NICE NG120 Cough (acute): most last 3-4 weeks, self-care; NHS Cough',
    disposition: 'home_care',
    description: 'Self-care for a cough: honey and lemon, fluids, rest; see the GP if it lasts 3 weeks',
    state: {
      ...adult(48, 'male'),
      chief_complaint: 'Cough for 5 days',
      vital_signs: { SpO2: '97%', pulse: 82, RR: 16, temp: '37.5 C' },
      symptom_details: { sputum: 'clear', breathless: false, chest_pain: false, blood: 'no' },
    },
    flag: 'oxygen 89% and breathless',
    twin: vital({ SpO2: '89%', RR: 28 }),
  },
  {
    id: 'chickenpox-well-child',
    source: 'NHS Chickenpox: stay off nursery, paracetamol, calamine; see a GP if the skin is hot and painful',
    disposition: 'home_care',
    description: 'Chickenpox care: paracetamol, cooling gel, keep off nursery until spots crust',
    state: {
      caller_demographics: { age: 4, sex: 'male' },
      chief_complaint: 'Itchy spotty rash, nursery has chickenpox',
      conversation_history: [{ role: 'parent', content: 'Lots of itchy blisters on his tummy and back, some crusting already. Slight temperature yesterday. He is eating and playing.' }],
    },
    flag: 'struggling to breathe',
    twin: says('Now he is struggling to breathe and can only say a couple of words.'),
  },
  {
    id: 'verruca',
    source: 'NHS Warts and verrucas: often go away on their own; pharmacy salicylic acid',
    disposition: 'home_care',
    description: 'Salicylic acid treatment from the pharmacy and cover at the pool',
    state: {
      ...adult(16, 'female'),
      chief_complaint: 'Verruca on the sole of my foot',
      conversation_history: [caller("There's a hard bit of skin with black dots on my foot, a bit sore walking. Had it a couple of months.")],
    },
    flag: 'took an overdose',
    twin: says('I also took a whole packet of paracetamol an hour ago because I want to die.'),
  },
  {
    id: 'acne',
    source: 'NICE NG198 Acne vulgaris: topical treatment in primary care; NHS Acne',
    disposition: 'clinic_48h',
    description: 'GP appointment to discuss acne treatment',
    state: {
      ...adult(17, 'male'),
      chief_complaint: 'Spots on my face and back not helped by pharmacy creams',
      symptom_details: { duration: 'about a year', scarring: 'a little', mood: 'a bit self-conscious' },
    },
    flag: 'has a plan to kill himself',
    twin: says("Honestly I've planned to kill myself tonight, I've got the pills saved up."),
  },
  {
    id: 'mild-anxiety',
    source: 'NICE CG113 Generalised anxiety disorder (step 1-2: education, self-help, GP); NHS Generalised anxiety disorder',
    disposition: 'clinic_48h',
    description: 'GP appointment this week and self-referral to talking therapies',
    state: {
      ...adult(28, 'female'),
      chief_complaint: 'Feeling anxious and not sleeping well',
      conversation_history: [
        caller("I keep worrying about work and money, my heart flutters when I'm stressed and I can't switch off at night. It's been a few weeks."),
        agent('Have you had any thoughts of harming yourself or ending your life?'),
        caller("No, nothing like that, I just want some help to cope. My brother self-harmed when he was a teenager, so I wanted to ask early."),
      ],
    },
    flag: 'thoughts of ending her life with a plan',
    twin: says('Actually, I have been thinking about ending my life and I have the tablets ready.'),
  },
  {
    id: 'sprained-wrist-urgent-care',
    source: 'NHS Sprains and strains; NHS Broken arm or wrist (minor injuries unit for an X-ray if unsure)',
    disposition: 'urgent_care_today',
    description: 'Minor injuries unit today for an X-ray of the wrist',
    state: {
      ...adult(55, 'female'),
      chief_complaint: 'Fell on outstretched hand, sore wrist',
      symptom_details: { swelling: 'moderate', deformity: 'none', fingers: 'can move them, normal feeling', head_injury: 'no', blackout: 'no' },
      vital_signs: { heart_rate: 84, bp: '132/80' },
    },
    flag: 'hit her head and is on warfarin',
    twin: says('She also banged her head on the kerb when she fell, and she takes warfarin.'),
  },
  {
    id: 'small-burn-urgent-care',
    source: 'NHS Burns and scalds: go to a minor injuries unit for a burn larger than the palm or one that blisters',
    disposition: 'urgent_care_today',
    description: 'Urgent treatment centre today to have the blistered burn dressed',
    state: {
      ...adult(40, 'male'),
      chief_complaint: 'Burn on forearm from an oven tray, blistered',
      conversation_history: [caller("It's about the size of my palm, blistered, I ran it under the cold tap. Not on my face or hands, no trouble breathing.")],
    },
    flag: 'chest pain radiating to the arm',
    twin: says('I also have a heavy pain across my chest going down my left arm, and I feel sick.'),
  },
  {
    id: 'pharyngitis-teen-free-text',
    source: 'NICE NG84 Sore throat (acute), NHS Sore throat (self-care, pharmacist)',
    disposition: 'home_care',
    description: 'Paracetamol, lots of fluids, throat lozenges; see a pharmacist',
    state: {
      chief_complaint: '15 year old with a sore throat and croaky voice since Monday, eating soft food, no fever, no rash, breathing fine',
    },
    flag: 'stiff neck and a rash that does not fade',
    twin: complains('Now has a high temperature, a stiff neck and a rash that does not fade with a glass'),
  },
  {
    id: 'gastro-child-parent',
    source: 'NICE CG84 Diarrhoea and vomiting in under 5s (no red or amber signs: home, oral fluids); NHS Diarrhoea and vomiting',
    disposition: 'home_care',
    description: 'Keep offering small drinks often; oral rehydration; safety-net advice',
    state: {
      caller_demographics: { age: 2, sex: 'female' },
      chief_complaint: 'Tummy bug',
      vital_signs: { temp: 37.8 },
      conversation_history: [
        { role: 'mother', content: 'She was sick twice this morning and has had loose nappies, but she is keeping her milk down now.' },
        agent('Is she having wet nappies, and is she alert and responding to you as usual?'),
        { role: 'mother', content: 'Yes, two wet nappies since lunch, and she is babbling and playing. No blood in the nappy.' },
      ],
    },
    flag: 'no wet nappies and very sleepy',
    twin: says('Update: no wet nappies all day now and she is very sleepy and floppy.'),
  },
  {
    id: 'muscle-strain-ehr',
    source: 'NHS Sprains and strains: rest, ice, painkillers; NHS inform Muscle injuries',
    disposition: 'home_care',
    description: 'RICE and ibuprofen gel for a calf strain; physiotherapy if no better',
    state: {
      patient: { age_years: 46, sex: 'M' },
      chief_complaint: 'Pulled calf muscle running',
      vitals: { HR: 72, BP: '128/78', Temp: '98.6F', RR: 14, o2sat: 98 },
      notes: 'Felt a twinge in the calf at mile 3. Walking with a limp. No swelling of the whole leg, no chest pain, no breathlessness. No recent surgery or flights.',
    },
    flag: 'chest pain and coughing blood',
    twin: complains('Now sudden sharp chest pain, short of breath, coughing up blood and sweating'),
  },
  {
    id: 'cold-sore',
    source: 'NHS Cold sores: pharmacy antiviral cream, usually heal in 10 days',
    disposition: 'home_care',
    description: 'Antiviral cream from the pharmacist for a cold sore',
    state: {
      ...adult(23, 'female'),
      chief_complaint: 'Tingling blister on my lip',
      conversation_history: [caller('Cold sore again, I get them when I am run down. No eye symptoms, feel fine.')],
    },
    flag: 'slurred speech and arm weakness',
    twin: says("My flatmate says my speech is slurred and I can't lift my right arm."),
  },
  {
    id: 'dry-cough-wheezy-known-asthma-controlled',
    source: 'NHS Asthma (use the reliever; if it helps and symptoms settle, see the GP or asthma nurse within 48 hours)',
    disposition: 'clinic_48h',
    description: 'Asthma review with the practice nurse this week; reliever as needed',
    state: {
      ...adult(30, 'male', { conditions: ['asthma'] }),
      chief_complaint: 'Using my blue inhaler a bit more this week with a cold',
      symptom_details: { reliever: 'helps within minutes', speaking: 'full sentences', night_waking: 'once this week', peak_flow: 'about 90% of my best' },
    },
    flag: 'inhaler not helping and cannot speak in full sentences',
    twin: says("Now the inhaler isn't helping at all and he can't finish a sentence."),
  },
  {
    id: 'bump-on-head-toddler-no-flags',
    source: 'NICE NG232 Head injury (no risk factors: home with advice); NHS Head injury and concussion',
    disposition: 'home_care',
    description: 'Head injury advice: watch at home, ice pack, paracetamol; safety-net',
    state: {
      caller_demographics: { age: 3, sex: 'male' },
      chief_complaint: 'Bumped his forehead on the coffee table',
      symptom_details: { loss_of_consciousness: 'no', vomiting: 'no', cried_immediately: 'yes', behaviour: 'normal, back to playing', lump: 'small bruise' },
    },
    flag: 'vomiting repeatedly and drowsy',
    twin: says('He has vomited three times now and is very drowsy.'),
  },
  {
    id: 'chest-wall-strain-worried',
    source: 'NHS Chest pain (pain that is worse when you press on your chest or move, after exercise: often a pulled muscle); NICE CKS Chest pain',
    disposition: 'clinic_48h',
    description: 'Ibuprofen gel and rest; GP appointment if not easing within a few days',
    state: {
      ...adult(27, 'male', { conditions: [], medications: [] }),
      chief_complaint: 'Sore ribs after bench press',
      conversation_history: [
        caller("I'm worried it could be a heart attack because my dad died of one, but it only hurts when I press on my ribs or twist, since the gym yesterday."),
        agent('Any breathlessness, sweating, or pain spreading to your arm or jaw?'),
        caller('No, none of that. I feel fine otherwise.'),
      ],
    },
    flag: 'crushing pain with sweating and breathlessness',
    twin: says('Now it is a crushing pain in the middle of my chest, I am sweating and short of breath.'),
  },
  {
    id: 'cystitis-asks-about-sepsis',
    source: 'NICE NG109 UTI (lower) and NHS Sepsis: a question about sepsis is not a sign of it',
    disposition: 'clinic_48h',
    description: 'Pharmacy First or GP within 48 hours for a urine infection, with sepsis safety-netting',
    state: {
      ...adult(36, 'female', { pregnant: false }),
      chief_complaint: 'Stinging when passing urine since yesterday',
      conversation_history: [
        caller('Could this turn into sepsis? I read about it online. I have no temperature, no back pain and I am not being sick.'),
        agent('Are you pregnant, or could you be?'),
        caller('No, I had a negative test last week.'),
      ],
    },
    flag: 'mottled skin and confusion with a fever',
    twin: says('Her skin looks mottled, she is confused and very hot.'),
  },
  {
    id: 'gastro-negatives-listed',
    source: 'NHS Diarrhoea and vomiting (self-care unless blood, signs of dehydration, or it lasts more than a week)',
    disposition: 'home_care',
    description: 'Fluids little and often, rest, oral rehydration sachets; call back if no better in 3 days',
    state: {
      ...adult(58, 'male'),
      chief_complaint: 'Diarrhoea after a barbecue',
      symptom_details: { absent: ['blood in stool', 'black stools', 'vomiting blood', 'severe tummy pain', 'fever'], drinking: 'yes', urine: 'normal' },
      conversation_history: [caller('There is no blood in it and nothing black, I have not vomited. I am drinking plenty of water.')],
    },
    flag: 'vomiting blood',
    twin: says('I have just vomited blood, a lot of it.'),
  },
  {
    id: 'heat-rash-word-nearby',
    source: 'NHS Heat rash (prickly heat): keep cool, usually clears in a few days',
    disposition: 'home_care',
    description: 'Keep cool, loose cotton clothing, calamine lotion',
    state: {
      caller_demographics: { age: 6, sex: 'female' },
      chief_complaint: 'Prickly red spots on her back in the hot weather',
      conversation_history: [{ role: 'dad', content: "It's heat rash, the same as last summer. She's been in the paddling pool, drinking loads and is her usual self. Spots fade when pressed." }],
    },
    flag: 'confused and very hot after a day in the sun',
    twin: says('Now she is confused, not making sense and her skin is hot and dry.'),
  },
  {
    id: 'palpitations-after-coffee',
    source: 'NHS Heart palpitations (often caused by caffeine, stress or exercise; see a GP if they keep coming back)',
    disposition: 'clinic_48h',
    description: 'GP appointment this week; cut down caffeine',
    state: {
      ...adult(25, 'female'),
      chief_complaint: 'Heart fluttering after energy drinks, now settled',
      vital_signs: { heart_rate: 84, bp: '118/76', spo2: 99 },
      conversation_history: [caller('It only lasted a few seconds, no chest pain, no fainting, no breathlessness. I had three energy drinks revising for exams.')],
    },
    flag: 'fainted with chest pain',
    twin: says('I just passed out in the kitchen and now my chest hurts.'),
  },
  {
    id: 'back-strain-regular-paracetamol',
    source: 'NHS Back pain (keep moving, painkillers such as paracetamol or ibuprofen); NHS Paracetamol for adults (up to 4 g in 24 hours)',
    disposition: 'home_care',
    description: 'Keep active, heat pack, carry on with the painkillers at the usual dose',
    state: {
      ...adult(46, 'male', { medications: ['paracetamol 1 g up to four times a day'] }),
      chief_complaint: 'Lower back ache after digging the garden',
      symptom_details: { duration_days: 3, legs: 'no numbness or weakness', bladder_and_bowels: 'normal' },
      conversation_history: [caller("Stiff and sore low down since the weekend, eases when I walk about. I'm sticking to two paracetamol four times a day.")],
    },
    flag: 'far more paracetamol than the daily maximum',
    twin: says('To be honest I have been taking extra, with the cold and flu sachets it comes to about 9 grams a day.'),
  },
  {
    id: 'cold-in-a-house-with-a-gas-fire',
    source: 'NHS Common cold (self-care); NHS Carbon monoxide poisoning (pets or others in the home unwell too)',
    disposition: 'home_care',
    description: 'Self-care for a cold: rest, fluids, paracetamol',
    state: {
      ...adult(37, 'female'),
      chief_complaint: 'Runny nose and a sore throat',
      conversation_history: [caller('Blocked up and sneezing for two days. We sit by the gas fire in the evenings, I just wanted to check what helps.')],
    },
    flag: 'the pets unwell too',
    twin: says("Now I think of it, the dog's been listless and off her food as well."),
  },
  {
    id: 'type1-sick-day-normal-ketones',
    source: 'NHS Type 1 diabetes sick day rules (keep taking insulin, check ketones; ketones under 0.6 mmol/L are normal); NHS Diabetic ketoacidosis',
    disposition: 'home_care',
    description: 'Sick-day rules: keep taking insulin, test sugar and ketones every few hours, plenty of fluids',
    state: {
      ...adult(27, 'female', { conditions: ['type 1 diabetes'], medications: ['insulin pump'] }),
      chief_complaint: 'Head cold, sugars up a little',
      symptom_details: { blood_ketone_mmol: 0.2, eating: 'yes, normal meals' },
      conversation_history: [caller('Sugars have been 12 to 13 with this cold, ketones 0.2 on the meter, eating and drinking fine.')],
    },
    flag: 'vomiting with high ketones',
    twin: says('Update: I have been sick three times and the meter now says ketones 3.1.'),
  },
];

interface Answer {
  decision: string;
  reasons: { code: string }[];
  risk?: { adverse_rate?: number };
  reading?: { facts?: unknown };
}

describe('triage: ordinary presentations approve and one red flag escalates (through the service)', () => {
  let svc: TestService;
  beforeAll(async () => {
    svc = await startService('pglite');
  }, 180_000);
  afterAll(async () => {
    await svc?.stop();
  });

  const evaluate = async (state: Json, v: Variant) => {
    const res = await request(svc.app)
      .post('/v1/evaluate')
      .set(svc.auth('agent'))
      .send({ domain: 'triage', state, action: { kind: 'disposition', description: v.description, parameters: { disposition: v.disposition } } });
    expect(res.status).toBe(200);
    return res.body as Answer;
  };
  const why = (body: Answer) => `${body.reasons.map((r) => r.code).join(', ')} adverse=${body.risk?.adverse_rate} ${JSON.stringify(body.reading?.facts ?? {}).slice(0, 1200)}`;

  it('when the variants are listed, then there are at least 40, each of its own presentation', () => {
    expect(VARIANTS.length).toBeGreaterThanOrEqual(40);
    expect(new Set(VARIANTS.map((v) => v.id)).size).toBe(VARIANTS.length);
  });

  it.each(VARIANTS.map((v) => [v.id, v] as const))('%s: when the safe call is evaluated, then it is approved', async (_id, v) => {
    const body = await evaluate(v.state, v);
    expect(body.decision, why(body)).toBe('approve');
  });

  it.each(VARIANTS.map((v) => [`${v.id} + ${v.flag}`, v] as const))('%s: when the red flag is added, then it is escalated', async (_id, v) => {
    const body = await evaluate(v.twin(v.state), v);
    expect(body.decision, why(body)).toBe('escalate');
  });
});
