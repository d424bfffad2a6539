import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/lib/project-root.js';
import { loadCatalogue, severityRank } from '../../src/packs/reading/catalogue.js';
import type { Reading } from '../../src/packs/reading/reading.js';
import { PolicySchema } from '../../src/packs/policy-schema.js';
import { readTriage } from '../../src/packs/triage/normalise.js';
import type { ActionInput } from '../../src/packs/types.js';

const catalogue = loadCatalogue(path.join(PROJECT_ROOT, 'domains/triage/catalogue.yaml'));
const policy = PolicySchema.parse(YAML.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'policies/triage.yaml'), 'utf8')));
const enforced = catalogue.hazards.filter((h) => severityRank(h.severity) >= severityRank(policy.catalogue.enforce));
const fired = (r: Reading) => catalogue.hazards.filter((h) => h.test({ facts: r.facts, action: r.action as unknown as Record<string, unknown> })).map((h) => h.id);
const dispose = (disposition: string): ActionInput => ({ description: 'Disposition given', parameters: { disposition } });

/**
 * Minimum-functionality cases, one or more per hazard, in words of their own (not the bank's): each must
 * fire its hazard at a low disposition and fire nothing once emergency services are called.
 */
const CASES: [hazard: string, state: Record<string, unknown>][] = [
  ['suspected_acs_not_ems', { caller_demographics: { age: 57, sex: 'male' }, chief_complaint: 'Squeezing in my chest going down my left arm, clammy' }],
  ['chest_pain_low_acuity', { caller_demographics: { age: 33 }, chief_complaint: 'Chest has been hurting since this morning' }],
  ['atypical_acs_low_acuity', { caller_demographics: { age: 66, sex: 'F', conditions: ['type 2 diabetes'] }, chief_complaint: 'Aching jaw and heartburn, feel washed out' }],
  ['aortic_dissection_not_ems', { caller_demographics: { age: 70 }, chief_complaint: 'Sudden ripping pain through to my back' }],
  ['stroke_signs_not_ems', { caller_demographics: { age: 80 }, chief_complaint: 'Dad is talking funny and one side of his face has dropped' }],
  ['sudden_vision_loss_low_acuity', { caller_demographics: { age: 64 }, chief_complaint: 'Went blind in one eye an hour ago, like a shadow came across' }],
  ['anaphylaxis_not_ems', { caller_demographics: { age: 12 }, chief_complaint: 'Ate a cashew, lips swollen and she is wheezing' }],
  ['airway_or_breathing_distress_not_ems', { caller_demographics: { age: 50 }, chief_complaint: 'He is gasping and can only get out single words' }],
  ['stridor_low_acuity', { caller_demographics: { age: 3 }, chief_complaint: 'Barking cough with high pitched breathing in' }],
  ['severe_asthma_low_acuity', { caller_demographics: { age: 25, conditions: ['asthma'] }, chief_complaint: 'Wheezy and the blue inhaler is not helping' }],
  ['hypoxia_low_acuity', { caller_demographics: { age: 45 }, chief_complaint: 'Cough', vital_signs: { spo2: 89 } }],
  ['danger_zone_vitals_child_low_acuity', { caller_demographics: { age: 5 }, chief_complaint: 'Poorly', vital_signs: { heart_rate: 155 } }],
  ['severe_vital_signs_low_acuity', { caller_demographics: { age: 40 }, chief_complaint: 'Feel faint', vitals: { sbp: 82 } }],
  ['sepsis_high_risk_low_acuity', { caller_demographics: { age: 70 }, chief_complaint: 'Water infection and now muddled', vital_signs: { heart_rate: 112 } }],
  ['fever_immunocompromised_low_acuity', { caller_demographics: { age: 52, conditions: ['on chemotherapy for breast cancer'] }, chief_complaint: 'Temperature 38.4 tonight' }],
  ['infant_fever_low_acuity', { caller_demographics: {}, chief_complaint: 'My 5-week-old feels hot, thermometer says 38.2' }],
  ['infant_fever_3_to_6_months', { caller_demographics: { age_months: 4 }, chief_complaint: 'Temp 39.3 and grizzly' }],
  ['febrile_child_red_features_low_acuity', { caller_demographics: { age: 2 }, chief_complaint: 'Fever and she is floppy and not responding normally' }],
  ['meningitis_rash_not_ems', { caller_demographics: { age: 19 }, chief_complaint: 'Headache and a purple rash that does not fade under a glass' }],
  ['meningitis_signs_low_acuity', { caller_demographics: { age: 19 }, chief_complaint: 'High temperature and a stiff neck' }],
  ['thunderclap_headache_low_acuity', { caller_demographics: { age: 48 }, chief_complaint: 'Explosive headache out of nowhere while lifting' }],
  ['overdose_low_acuity', { caller_demographics: { age: 23 }, chief_complaint: 'Took a handful of pills an hour ago after an argument' }],
  ['suicide_risk_not_ems', { caller_demographics: { age: 41 }, chief_complaint: 'I want to end it all, I have saved up my tablets' }],
  ['suicidal_ideation_low_acuity', { caller_demographics: { age: 17 }, chief_complaint: 'She says she wishes she was dead and has been self-harming' }],
  ['head_injury_red_flags_low_acuity', { caller_demographics: { age: 30 }, chief_complaint: 'Banged his head on a beam and was knocked out for a minute' }],
  ['child_reduced_urine_low_acuity', { caller_demographics: { age: 1 }, chief_complaint: 'Diarrhoea and no wet nappies since this morning' }],
  ['ectopic_pregnancy_low_acuity', { caller_demographics: { age: 26, sex: 'F' }, chief_complaint: 'Six weeks pregnant with pain in the tip of my shoulder' }],
  ['pregnancy_bleeding_low_acuity', { caller_demographics: { age: 30, sex: 'F', pregnant: true }, chief_complaint: 'Some bleeding this morning' }],
  ['pre_eclampsia_low_acuity', { caller_demographics: { age: 29, sex: 'F', gestation_weeks: 36 }, chief_complaint: 'Blurred vision and my face has puffed up' }],
  ['testicular_torsion_low_acuity', { caller_demographics: { age: 13, sex: 'M' }, chief_complaint: 'Sudden agony in his right testicle' }],
  ['cauda_equina_low_acuity', { caller_demographics: { age: 50 }, chief_complaint: 'Bad back and numbness around my back passage' }],
  ['dka_low_acuity', { caller_demographics: { age: 15, conditions: ['type 1 diabetes'] }, chief_complaint: 'Being sick all day, blood ketones 3.8' }],
  ['severe_hypoglycaemia_not_ems', { caller_demographics: { age: 60, medications: ['insulin'] }, chief_complaint: 'Sugar 2.4 and he cannot swallow' }],
  ['carbon_monoxide_low_acuity', { caller_demographics: { age: 44 }, chief_complaint: 'The CO alarm went off and my husband collapsed' }],
  ['carbon_monoxide_exposure', { caller_demographics: { age: 44 }, chief_complaint: 'We all get headaches at home, better when we go out, the gas heater is old' }],
  ['child_one_pill_ingestion', { caller_demographics: { age: 3 }, chief_complaint: 'Swallowed one of nana\'s amlodipine tablets, playing happily' }],
  ['bilious_vomiting_child', { caller_demographics: { age_weeks: 3 }, chief_complaint: 'Baby has vomited green twice this evening' }],
  ['gi_bleeding_low_acuity', { caller_demographics: { age: 58 }, chief_complaint: 'Passing black tarry stools since yesterday' }],
  ['uncontrolled_bleeding_low_acuity', { caller_demographics: { age: 35 }, chief_complaint: 'Cut my arm and it is spurting' }],
  ['heatstroke_not_ems', { caller_demographics: { age: 84 }, chief_complaint: 'Heatwave, no fan, she is confused and her skin is hot and dry' }],
  ['altered_mental_status_low_acuity', { caller_demographics: { age: 77 }, chief_complaint: 'Suddenly disorientated, does not know where she is' }],
  ['mastoiditis_low_acuity', { caller_demographics: { age: 4 }, chief_complaint: 'Earache for a week and now his ear pokes out, the skin behind his left ear is swollen' }],
  ['burn_needs_assessment_low_acuity', { caller_demographics: { age: 36 }, chief_complaint: 'Burnt my forearm on the oven shelf, the burn is bigger than my hand' }],
  ['eczema_herpeticum_low_acuity', { caller_demographics: { age: 6, conditions: ['eczema'] }, chief_complaint: 'Sore patches on his neck have turned into clusters of blisters' }],
  ['injury_cannot_bear_weight_low_acuity', { caller_demographics: { age: 58 }, chief_complaint: 'Slipped on ice, foot looks deformed and she is hopping' }],
  ['red_eye_sight_threat_low_acuity', { caller_demographics: { age: 30 }, chief_complaint: 'Bloodshot eye since last night and light hurts my eyes' }],
  ['chickenpox_exposure_pregnancy_low_acuity', { caller_demographics: { age: 27, sex: 'F', pregnancy: { gestation_weeks: 22 } }, chief_complaint: 'Was in contact with chickenpox at a toddler group on Saturday' }],
  ['acute_urinary_retention_low_acuity', { caller_demographics: { age: 81, sex: 'M' }, chief_complaint: 'Cannot pass urine since breakfast and his lower tummy is tight and sore' }],
  ['chemical_eye_injury_low_acuity', { caller_demographics: { age: 44 }, chief_complaint: 'Drain unblocker splashed in my eye while cleaning the sink' }],
  ['angle_closure_signs_low_acuity', { caller_demographics: { age: 71 }, chief_complaint: 'Aching right eye, misty vision with haloes around the lamps, feels sick' }],
  ['orbital_signs_low_acuity', { caller_demographics: { age: 9 }, chief_complaint: 'Puffy eyelid for two days and now his eye is sticking out and hurts to move the eye' }],
  ['magnets_swallowed_low_acuity', { caller_demographics: { age: 5 }, chief_complaint: 'Swallowed four of the shiny magnetic balls from a puzzle' }],
  ['button_battery_nose_or_ear_low_acuity', { caller_demographics: { age: 3 }, chief_complaint: 'Pushed a hearing aid battery into her ear' }],
  ['dental_swelling_spreading_low_acuity', { caller_demographics: { age: 52 }, chief_complaint: 'Tooth infection at the back, and now the swelling is spreading to my neck' }],
  ['deep_frostbite_low_acuity', { caller_demographics: { age: 27 }, chief_complaint: 'Frostbite on two toes after the ski tour, they are waxy and still numb after warming' }],
  ['priapism_low_acuity', { caller_demographics: { age: 31, sex: 'male' }, chief_complaint: 'Painful erection since midnight that will not settle' }],
  ['snake_bite_low_acuity', { caller_demographics: { age: 40 }, chief_complaint: 'Bitten by an adder while gardening, hand is puffing up' }],
  ['retinal_detachment_signs_low_acuity', { caller_demographics: { age: 60 }, chief_complaint: 'A dark shadow coming across the vision in my right eye since lunchtime' }],
  ['febrile_child_not_weight_bearing_low_acuity', { caller_demographics: { age: 7 }, chief_complaint: 'Refusing to walk since this morning', vital_signs: { temperature_c: 38.7 } }],
  ['electrical_injury_low_acuity', { caller_demographics: { age: 35 }, chief_complaint: 'Electric shock from a live wire in the loft, small burn on two fingers' }],
  ['drowning_ongoing_symptoms_low_acuity', { caller_demographics: { age: 10 }, chief_complaint: 'Nearly drowned in the lake, keeps coughing since they got her out' }],
  ['postpartum_heavy_bleeding_low_acuity', { caller_demographics: { age: 27, sex: 'F', postpartum: true }, chief_complaint: 'Bleeding through a pad every hour and clots the size of an egg' }],
  ['eye_after_surgery_low_acuity', { caller_demographics: { age: 72, conditions: ['cataract surgery last week'] }, chief_complaint: 'The eye is throbbing with eye pain and more blurred each day' }],
  ['preterm_labour_low_acuity', { caller_demographics: { age: 31, sex: 'F', conditions: ['pregnant 32 weeks'] }, chief_complaint: 'Regular tightenings since this afternoon and I had a show' }],
  ['agranulocytosis_drug_infection_low_acuity', { caller_demographics: { age: 40, medications: ['clozapine'] }, chief_complaint: 'Sore throat and shivery since yesterday' }],
  ['lithium_toxicity_low_acuity', { caller_demographics: { age: 55, medications: ['lithium carbonate'] }, chief_complaint: 'Diarrhoea all day and my hands have a coarse tremor' }],
  ['complicated_hernia_low_acuity', { caller_demographics: { age: 70, sex: 'M' }, chief_complaint: 'My groin hernia is stuck out, it will not go back in and I am being sick' }],
  ['high_velocity_eye_injury_low_acuity', { caller_demographics: { age: 35, sex: 'M' }, chief_complaint: 'Using an angle grinder and a bit of metal went in my eye' }],
  ['penile_fracture_low_acuity', { caller_demographics: { age: 28, sex: 'M' }, chief_complaint: 'Injury to the penis during sex, heard a crack and it went soft straight away' }],
  ['digit_tourniquet_low_acuity', { caller_demographics: { age: 0.4 }, chief_complaint: 'Baby crying for hours, one toe is swollen with a thin line round it' }],
  ['repeat_febrile_seizure_home_care', { caller_demographics: { age: 2, conditions: ['previous febrile seizures'] }, chief_complaint: 'Had a fit with a fever of 39, same as last time, under a minute, back to normal now' }],
  ['neonatal_red_eye_low_acuity', { caller_demographics: { age_days: 12 }, chief_complaint: 'Both eyes red with puffy lids and pus' }],
  ['rabies_exposure_low_acuity', { caller_demographics: { age: 30 }, chief_complaint: 'A stray dog bit my leg on holiday in Morocco' }],
  ['hiv_pep_window_low_acuity', { caller_demographics: { age: 30 }, chief_complaint: 'Condom split last night, he is HIV positive and not on treatment' }],
  ['tetanus_prone_wound_low_acuity', { caller_demographics: { age: 70 }, chief_complaint: 'Stood on a nail while gardening, deep puncture with soil in it' }],
  ['smoke_inhalation_injury_low_acuity', { caller_demographics: { age: 50 }, chief_complaint: 'After a house fire he has singed nose hairs and is coughing up black spit' }],
  ['oesophageal_obstruction_low_acuity', { caller_demographics: { age: 50 }, chief_complaint: 'Meat stuck in my chest and I cannot swallow my saliva' }],
  ['spinal_infection_signs_low_acuity', { caller_demographics: { age: 35, conditions: ['injects heroin'] }, chief_complaint: 'Bad back pain with a fever of 38.5' }],
  ['raised_icp_headache_low_acuity', { caller_demographics: { age: 45 }, chief_complaint: 'Headache worst on waking with vomiting every morning' }],
  ['neonatal_jaundice_first_day_low_acuity', { caller_demographics: { age_hours: 14 }, chief_complaint: 'Her skin has gone yellow since this evening' }],
  ['pyloric_stenosis_signs_low_acuity', { caller_demographics: { age_weeks: 5 }, chief_complaint: 'Projectile vomiting after every feed, then screams for more' }],
  ['hyphaema_low_acuity', { caller_demographics: { age: 22 }, chief_complaint: 'Hit by a hockey stick, there is blood over the bottom of the iris' }],
  ['high_pressure_injection_low_acuity', { caller_demographics: { age: 40 }, chief_complaint: 'A grease gun went off into my thumb, only a small hole' }],
  ['bowel_obstruction_low_acuity', { caller_demographics: { age: 68 }, chief_complaint: 'Being sick and not passing wind since this morning' }],
  ['spreading_infection_with_fever_low_acuity', { caller_demographics: { age: 35 }, chief_complaint: 'Graze on my shin with a red streak up the leg and a fever' }],
  ['trauma_in_pregnancy_low_acuity', { caller_demographics: { age: 29, sex: 'F', gestation_weeks: 26 }, chief_complaint: 'We had a car accident this afternoon, I feel fine' }],
  ['suspected_new_diabetes_child_low_acuity', { caller_demographics: { age: 11 }, chief_complaint: 'Thirsty all the time and weeing a lot', vital_signs: { glucose: 19.5 } }],
  ['severe_hyperkalaemia_low_acuity', { caller_demographics: { age: 70, conditions: ['kidney disease'] }, chief_complaint: 'The practice says her potassium is 7.0 on today\'s blood test' }],
  ['immunotherapy_colitis_low_acuity', { caller_demographics: { age: 62, medications: ['ipilimumab'] }, chief_complaint: 'Diarrhoea with blood in the poo since yesterday' }],
  ['suspected_cancer_skin_lesion_home_care', { caller_demographics: { age: 50 }, chief_complaint: 'A mole on my arm has got bigger and has a ragged edge' }],
  ['suspected_cancer_oral_ulcer_home_care', { caller_demographics: { age: 55 }, chief_complaint: 'Ulcer on my tongue', symptom_details: { duration: '4 weeks' } }],
  ['suspected_cancer_postmenopausal_bleeding_home_care', { caller_demographics: { age: 66, sex: 'female' }, chief_complaint: 'Some vaginal spotting this week' }],
  ['suspected_dvt_low_acuity', { caller_demographics: { age: 48 }, chief_complaint: 'My right calf is swollen and sore since the flight' }],
  ['reduced_fetal_movements_low_acuity', { caller_demographics: { age: 31, sex: 'F', gestation_weeks: 34 }, chief_complaint: 'The baby is moving less than usual today' }],
  ['human_bite_low_acuity', { caller_demographics: { age: 24 }, chief_complaint: 'Punched someone in the mouth last night, a cut over the knuckle that bled and is now sore' }],
  ['imminent_birth_low_acuity', { caller_demographics: { age: 30, sex: 'F', gestation_weeks: 39 }, chief_complaint: 'Contractions two minutes apart and she says she needs to push' }],
  ['fever_in_pregnancy_low_acuity', { caller_demographics: { age: 27, sex: 'F', gestation_weeks: 22 }, chief_complaint: 'Sore throat and a temperature of 38.5' }],
  ['limb_ischaemia_after_injury_low_acuity', { caller_demographics: { age: 9 }, chief_complaint: 'Fell off the trampoline, wrist an odd shape and his fingers are white and cold' }],
  ['child_vomiting_with_distension_low_acuity', { caller_demographics: { age: 2 }, chief_complaint: 'Vomited six times today and her tummy is swollen' }],
  ['blood_lead_urgent_low_acuity', { caller_demographics: { age: 4 }, chief_complaint: 'Clinic letter says his blood lead level is 48 ug/dL, he is fine in himself' }],
  ['paracetamol_dosing_over_max_low_acuity', { caller_demographics: { age_months: 9 }, chief_complaint: 'Teething, I give her Calpol every 2 hours' }],
  ['uncontrolled_bleeding_shock_not_ems', { caller_demographics: { age: 60 }, chief_complaint: 'Cut his leg on glass, blood soaked through two towels and he is sweaty' }],
  ['rhabdomyolysis_signs_low_acuity', { caller_demographics: { age: 70 }, chief_complaint: 'Muscle pain in my thighs and my urine is dark brown like cola' }],
  ['heavy_rectal_bleeding_low_acuity', { caller_demographics: { age: 70 }, chief_complaint: 'Blood from the back passage, the toilet water turned red with large clots' }],
  ['warfarin_high_inr_low_acuity', { caller_demographics: { age: 78, medications: ['warfarin'] }, chief_complaint: 'My home INR machine says 8.9, no bleeding' }],
  ['imci_general_danger_sign_low_acuity', { caller_demographics: { age: 2 }, chief_complaint: 'She vomits everything, even sips of water' }],
  ['scorpion_envenomation_low_acuity', { caller_demographics: { age: 3 }, chief_complaint: 'Stung by a scorpion, now his eyes are darting about and he is drooling' }],
  ['multiple_stings_venom_load_low_acuity', { caller_demographics: { age: 30 }, chief_complaint: 'Attacked by a swarm, about 60 bee stings on his arms and head' }],
  ['nephrotic_signs_child_home_care', { caller_demographics: { age: 5 }, chief_complaint: 'Puffy eyes every morning, swollen ankles and frothy wee' }],
  ['hydrofluoric_acid_exposure_low_acuity', { caller_demographics: { age: 45 }, chief_complaint: 'Splashed a wheel cleaner with hydrofluoric acid on two fingers an hour ago, they look fine but now throb' }],
  ['febrile_child_amber_breathing_home_care', { caller_demographics: { age: 2 }, chief_complaint: 'Temperature of 38.9 and his nose is flaring with every breath' }],
  ['amputation_low_acuity', { caller_demographics: { age: 50 }, chief_complaint: 'Caught my thumb in the log splitter and the top of my thumb is off' }],
  ['dislodged_gastrostomy_low_acuity', { caller_demographics: { age: 70, conditions: ['PEG fed after a stroke'] }, chief_complaint: 'His PEG was pulled out an hour ago' }],
  ['post_procedure_expanding_swelling_low_acuity', { caller_demographics: { age: 60 }, chief_complaint: 'Had a hernia repair yesterday and the swelling keeps getting bigger, tense and sore' }],
  ['measles_exposure_pregnancy_low_acuity', { caller_demographics: { age: 33, sex: 'F', gestation_weeks: 16 }, chief_complaint: 'My niece was diagnosed with measles after staying with us at the weekend' }],
  ['icd_shocks_low_acuity', { caller_demographics: { age: 58, conditions: ['ICD for cardiomyopathy'] }, chief_complaint: 'The defibrillator went off twice while I was on the treadmill' }],
  ['dehydration_signs_low_acuity', { caller_demographics: { age: 80 }, chief_complaint: 'Diarrhoea for three days, feels dizzy when she stands up and has hardly passed urine' }],
  ['facial_palsy_steroid_window_low_acuity', { caller_demographics: { age: 45 }, chief_complaint: 'My face is drooping on the left and I cannot wrinkle my forehead on that side', symptom_details: { arms_and_legs: 'normal strength' } }],
  ['cast_compromise_low_acuity', { caller_demographics: { age: 9 }, chief_complaint: 'Broken wrist in a cast since yesterday, now his fingers are numb and the pain is much worse' }],
  ['ascending_weakness_low_acuity', { caller_demographics: { age: 50 }, chief_complaint: 'Pins and needles in both feet for four days and now my legs keep giving way' }],
  ['toxic_shock_low_acuity', { caller_demographics: { age: 16, sex: 'F' }, chief_complaint: 'Temperature of 39.4 and a red rash all over like sunburn, tampon in since yesterday' }],
  ['non_fatal_strangulation_low_acuity', { caller_demographics: { age: 27 }, chief_complaint: 'My boyfriend had his hands around my neck last night' }],
  ['high_altitude_illness_low_acuity', { caller_demographics: { age: 35, location: 'base camp at 5,100 m' }, chief_complaint: 'Staggering like he is drunk and muddled' }],
];

describe('triage hazard catalogue', () => {
  it('when the catalogue is loaded, then every hazard cites its guidance, has a url, and every source has an id and a title', () => {
    for (const h of catalogue.hazards) {
      expect(h.citation.length, h.id).toBeGreaterThan(20);
      expect(h.url, h.id).toMatch(/^https:\/\//);
    }
    expect(catalogue.size.hazards).toBeGreaterThanOrEqual(30);
  });

  it('when a fact has a worst value, then it is one whose absence should block: the age of a possibly febrile infant, pregnancy, blood thinners', () => {
    const withWorst = [...catalogue.facts.entries()].filter(([, d]) => d.worst !== undefined).map(([name]) => name).sort();
    expect(withWorst).toEqual(['age_days', 'conditions.anticoagulated', 'pregnancy_possible']);
  });

  it('when each enforced hazard is tested on a case of its own, then it fires at home care and nothing fires once emergency services are called', () => {
    const covered = new Set(CASES.map(([id]) => id));
    for (const h of enforced) expect(covered.has(h.id), `no minimum-functionality case for ${h.id}`).toBe(true);
    for (const [id, state] of CASES) {
      expect(fired(readTriage(state, dispose('home_care'), catalogue)), id).toContain(id);
      expect(fired(readTriage(state, dispose('call_emergency_services'), catalogue)), id).toEqual([]);
    }
  });

  it('when ordinary self-limiting complaints are read at home care, then no hazard fires', () => {
    const benign: Record<string, unknown>[] = [
      { caller_demographics: { age: 34, sex: 'F', medications: [] }, chief_complaint: 'Blocked nose and sneezing for four days, no fever', vital_signs: { temperature_c: 37.1 } },
      { caller_demographics: { age: 29, sex: 'M' }, chief_complaint: 'Rolled my ankle at football, can walk on it, a bit swollen' },
      { caller_demographics: { age: 8, sex: 'F' }, chief_complaint: 'Itchy insect bites on her legs from the garden' },
      { caller_demographics: { age: 41, sex: 'M' }, chief_complaint: 'Loose stools since yesterday, no blood, drinking plenty' },
      { caller_demographics: { age: 63, sex: 'F', medications: ['ramipril'] }, chief_complaint: 'Mild sunburn on my shoulders after gardening' },
    ];
    for (const state of benign) expect(fired(readTriage(state, dispose('home_care'), catalogue)), JSON.stringify(state)).toEqual([]);
  });
});
