import type { FutureStep, TrajectoryRow } from '../../../src/banks/trajectory.js';
import { mixSeed, mulberry32, sampleIndex, type Random } from '../../../src/lib/random.js';
import type { ActiveFactor } from '../../../src/packs/types.js';
import { featureNames, featureVector, featurize, heatIndexC, type FeatureName, type FeatureVector } from './latent-features.js';
import type { ActionKind } from '../../../src/packs/construction_safety/state-schema.js';
import { classifyOutcome, OUTCOMES } from '../../../src/packs/construction_safety/taxonomy.js';

export { BANK_SEED, BANK_SIZE } from '../../../src/banks/bank-defaults.js';
/** Every fifth row (by index) is held out for validation. */
const HELDOUT_EVERY = 5;

// ---------------------------------------------------------------- the true risk model

/**
 * How a risk spreads over the bad outcomes, in taxonomy order (risk_mitigated … serious_incident).
 * Falls, cave-ins, struck-by and contact with energy are the "fatal four" (OSHA's focus four):
 * they weigh toward serious outcomes; heat mostly produces first-aid and recordable illness.
 */
const PROFILES = {
  severe: [-0.3, 0, 0, 0.8, 0.45, 1.0, 2.1],
  heat: [-0.3, 0, 0, 0.6, 1.2, 1.05, 1.1],
  general: [-0.3, 0, 0, 1.0, 0.9, 0.95, 1.45],
  mitigation: [1, 0, 0.1, -0.6, -0.6, -0.7, -1],
  postpone: [1.2, 0, 3.2, -3.2, -3.2, -3.6, -6],
} as const;
type Profile = keyof typeof PROFILES;

/** Log-odds of each outcome against `no_incident` for work with no risk factor at all. */
const INTERCEPTS = [-0.35, 0, -1.8, -3.4, -4.1, -4.8, -10.8];

/**
 * Hand-set weights of the true model, each with the profile it spreads over. The magnitudes encode
 * the guidance cited in domains/construction_safety/README.md; they are not fitted to any data.
 */
const TRUE_WEIGHTS: Partial<Record<FeatureName, readonly [number, Profile]>> = {
  kind_hazard_tier: [0.7, 'severe'],
  heat_index_excess: [0.12, 'heat'],
  heat_danger_band: [0.3, 'heat'],
  heat_symptoms: [0.55, 'heat'],
  heat_controls_missing: [0.2, 'heat'],
  heat_controls_confirmed: [0.5, 'mitigation'],
  wind_limit_ratio: [0.55, 'severe'],
  wind_over_limit: [0.6, 'severe'],
  gustiness: [0.2, 'severe'],
  lightning_or_storm: [1.2, 'severe'],
  wet_or_icy: [0.45, 'general'],
  night_or_low_light: [0.3, 'general'],
  hours_over_8: [0.3, 'general'],
  extended_shift: [0.3, 'general'],
  fatigue_signs: [0.55, 'general'],
  untrained_crew: [0.45, 'general'],
  briefing_not_done: [0.4, 'general'],
  briefing_done: [0.35, 'mitigation'],
  skips_safety_step: [0.7, 'general'],
  schedule_pressure: [0.3, 'general'],
  height_scaled: [0.15, 'severe'],
  fall_protection_missing: [2.6, 'severe'],
  trench_depth_scaled: [0.2, 'severe'],
  trench_unprotected: [1.9, 'severe'],
  power_line_clearance_deficit: [6.5, 'severe'],
  lockout_missing: [3.3, 'severe'],
  load_near_capacity: [0.8, 'severe'],
  suspended_load: [0.25, 'severe'],
  defect_or_unstable_ground: [0.8, 'severe'],
  hot_work_fire_risk: [1.1, 'severe'],
  recent_near_miss: [0.45, 'general'],
  hazard_count: [0.15, 'general'],
  mitigating_action: [0.8, 'mitigation'],
  postpones_work: [1, 'postpone'],
  heat_x_exertion: [0.22, 'heat'],
  heat_x_symptoms: [0.22, 'heat'],
  heat_x_no_controls: [0.15, 'heat'],
  heat_x_unacclimatized: [0.2, 'heat'],
  fatigue_x_hazard: [0.4, 'general'],
  night_x_heavy_equipment: [0.45, 'severe'],
  untrained_x_hazard: [0.5, 'general'],
  skip_x_hazard: [0.25, 'general'],
  wind_x_exposure: [0.5, 'severe'],
};

/** The generator's true outcome probabilities for a featurised state+action (a softmax of a linear function). */
export function trueOutcomeProbabilities(values: readonly number[]): number[] {
  const logits = [...INTERCEPTS];
  featureNames.forEach((name, j) => {
    const w = TRUE_WEIGHTS[name];
    if (!w || values[j] === 0) return;
    const profile = PROFILES[w[1]];
    for (let k = 0; k < logits.length; k++) logits[k] += w[0] * profile[k] * values[j];
  });
  const max = Math.max(...logits);
  const exps = logits.map((l) => Math.exp(l - max));
  const total = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / total);
}

/** How much a factor pushes toward harm under the true model, to pick the story a bad future tells. */
function factorWeight(factor: ActiveFactor, f: FeatureVector): number {
  return factor.features.reduce((s, name) => {
    const w = TRUE_WEIGHTS[name as FeatureName];
    return w && w[1] !== 'mitigation' && w[1] !== 'postpone' ? s + w[0] * (f[name as FeatureName] ?? 0) : s;
  }, 0);
}

// ---------------------------------------------------------------- sampling helpers

const pick = <T>(rng: Random, items: readonly T[]): T => items[Math.floor(rng() * items.length)];
const uniform = (rng: Random, lo: number, hi: number): number => lo + (hi - lo) * rng();
const whole = (rng: Random, lo: number, hi: number): number => Math.floor(uniform(rng, lo, hi + 1));
const chance = (rng: Random, p: number): boolean => rng() < p;
const tenth = (x: number): number => Math.round(x * 10) / 10;

/** How dangerous a sampled scenario is meant to be; risky ones are over-sampled so rare outcomes appear. */
type Level = 0 | 1 | 2 | 3;
const LEVEL_WEIGHTS = [0.28, 0.3, 0.26, 0.16];
const byLevel = (level: Level, values: readonly [number, number, number, number]): number => values[level];
const rangeByLevel = (rng: Random, level: Level, ranges: readonly [number, number][]): number => uniform(rng, ...ranges[level]);

// ---------------------------------------------------------------- text pools

const NEUTRAL_OBSERVATIONS = [
  'housekeeping good on the deck',
  'access routes clear',
  'all workers wearing hard hats and vests',
  'barricades in place around the work zone',
  'first-aid kit checked this morning',
  'delivery arrived on time',
  'toolbox talk topic: hand safety',
  'site walk found no open items',
];
const SYMPTOM_OBSERVATIONS = [
  'one worker reported lightheadedness',
  'a laborer said he felt dizzy after lunch',
  'worker complained of headache and nausea',
  'finisher looks sluggish and flushed',
  'crew member had muscle cramps at the last break',
];
const HEAT_MISSING_OBSERVATIONS = ['no shade at the mixing station', 'water cooler empty since noon', 'no rest breaks taken since 10:00', 'no shade structure on the roof'];
const HEAT_PRESENT_OBSERVATIONS = ['shade tent set up by the pump', 'water, rest and shade in place', 'hydration breaks every 30 minutes', 'cooling station at the gate'];
const FATIGUE_OBSERVATIONS = ['crew looks tired after a double shift', 'foreman reports the crew is exhausted', 'two workers yawning and slow to respond', 'operator says he is worn out'];
const PRESSURE_OBSERVATIONS = ['schedule is two days behind', 'general contractor wants it finished before the deadline', 'owner asked the crew to hurry'];
const NEAR_MISS_OBSERVATIONS = ['near miss yesterday: load swung close to a rigger', 'close call this morning: dropped tool from the deck', 'worker almost fell at the leading edge last week'];
const DEFECT_OBSERVATIONS = ['frayed wire rope noted on the hoist line', 'hydraulic leak on an outrigger', 'damaged guardrail on level 3', 'cracked plank on the work platform'];
const WET_OBSERVATIONS = ['deck is wet and slippery', 'icy patches on the walkway', 'mud on the haul road'];
const UNTRAINED_OBSERVATIONS = ['two new hires on their first day', 'crew includes temp workers from an agency', 'helper is inexperienced with rigging'];
const WEATHER_CALM = ['clear', 'sunny', 'overcast', 'partly cloudy', 'hazy'];
const WEATHER_WET = ['light rain', 'drizzle', 'sleet showers', 'rain easing'];
const WEATHER_STORM = ['thunderstorms 8 miles west', 'lightning seen to the south', 'thunder heard, storm approaching'];

// ---------------------------------------------------------------- scenario families

interface Scenario {
  kind: ActionKind;
  task: string;
  equipment: string[];
  hazards: string[];
  /** Proceed wordings; `{task}` is not used so each reads naturally. */
  proceed: string[];
  careful: string[];
  shortcut: string[];
  postpone: string[];
  env?: Partial<{ temperature_c: number; humidity_pct: number; wind_mph: number; gust_mph: number; weather: string }>;
  parameters: Record<string, unknown>;
  compliance: Record<string, unknown>;
  observations: string[];
  limits?: Record<string, number>;
  summer?: boolean;
  crew?: Record<string, unknown>;
}

type Family = (rng: Random, level: Level) => Scenario;

function windFor(rng: Random, level: Level, ranges: readonly [number, number][]): { wind_mph: number; gust_mph: number } {
  const wind = Math.round(rangeByLevel(rng, level, ranges));
  return { wind_mph: wind, gust_mph: wind + whole(rng, 2, level >= 2 ? 12 : 8) };
}

const craneLift: Family = (rng, level) => {
  const truss = chance(rng, 0.6);
  const limit = chance(rng, 0.35) ? pick(rng, [20, 20, 25, 30]) : undefined;
  const nearLines = chance(rng, byLevel(level, [0.06, 0.14, 0.26, 0.4]));
  const load = Math.round(rangeByLevel(rng, level, [[25, 70], [45, 88], [55, 98], [70, 112]]));
  const mitigated = chance(rng, 0.5);
  return {
    kind: 'crane_lift',
    task: truss ? pick(rng, ['Crane lift of roof truss', 'Crane lift of roof trusses, bay 4', 'Set roof truss with mobile crane']) : pick(rng, ['Crane lift of rooftop HVAC unit', 'Lift precast wall panel into place', 'Hoist rebar cage into the footing', 'Lift steel beam bundle to level 3']),
    equipment: [pick(rng, ['mobile crane', 'mobile crane', 'crawler crane', 'tower crane']), ...(chance(rng, 0.4) ? ['rigging'] : [])],
    hazards: ['suspended_load', ...(nearLines ? ['overhead_power_lines'] : []), ...(chance(rng, 0.2) ? ['pinch_points'] : [])],
    proceed: ['Proceed with crane lift', 'Go ahead with the lift', 'Start the pick now', 'Continue lifting the truss', 'Proceed with the lift as planned'],
    careful: ['Proceed with the lift after the pre-lift briefing, with tag lines and a signal person', 'Lift with tag lines and a signal person; keep the crew clear of the load path', 'Proceed with the lift at reduced load with a spotter watching the wind'],
    shortcut: ['Proceed with the lift without tag lines to save time', 'Skip the pre-lift meeting and start the pick', 'Start the lift now, no signal person available', 'Proceed with the lift without waiting for the wind to drop'],
    postpone: ['Postpone the lift until gusts drop below the limit', 'Hold off on the lift until the wind eases', 'Stand the crew down and reschedule the pick for the morning'],
    env: windFor(rng, level, [[0, 12], [8, 20], [15, 27], [20, 35]]),
    parameters: {
      load_pct_capacity: load,
      ...(nearLines ? { power_line_distance_ft: Math.round(rangeByLevel(rng, level, [[18, 45], [10, 30], [6, 22], [3, 15]])), ...(chance(rng, 0.5) ? { line_voltage_kv: pick(rng, [13.8, 34.5, 69, 138]) } : {}) } : {}),
      ...(mitigated ? { tag_lines: true, signal_person: true } : {}),
    },
    compliance: { ...(chance(rng, 0.5) ? { lift_plan: level < 2 || chance(rng, 0.5) ? 'approved' : 'pending' } : {}) },
    observations: [],
    limits: limit !== undefined ? { max_wind_mph: limit } : undefined,
    crew: { operator_certified: chance(rng, byLevel(level, [0, 0.03, 0.07, 0.14])) ? false : true },
  };
};

const concretePour: Family = (rng, level) => ({
  kind: 'concrete_pour',
  task: pick(rng, ['Concrete pour, foundation section B', 'Concrete pour, foundation section A', 'Slab pour, level 2 deck', 'Footing pour along grid line C', 'Pour the loading dock slab']),
  equipment: ['concrete mixer', 'pump truck', ...(chance(rng, 0.7) ? ['vibrators'] : [])],
  hazards: ['heavy_equipment', 'wet_concrete', ...(chance(rng, 0.6) ? ['heat_stress'] : [])],
  proceed: ['Proceed with the pour', 'Start the pour now', 'Continue the pour to finish the section', 'Go ahead with the concrete pour'],
  careful: ['Hold the pre-pour briefing, set up shade and water, then start the pour', 'Proceed with the pour with rest breaks in the shade every hour', 'Start the pour at dawn with a relief crew and water at the pump'],
  shortcut: ['Skip pre-pour safety briefing to save time; proceed with pour', 'Proceed with the pour without water breaks to finish the section', 'Skip the briefing and push through the pour before the deadline'],
  postpone: ['Postpone the pour until the evening cools down', 'Delay the pour to tomorrow morning', 'Stop the pour and rest the crew in the shade'],
  env: {},
  parameters: {},
  compliance: {},
  observations: [],
  summer: true,
});

const trenching: Family = (rng, level) => {
  const depth = tenth(rangeByLevel(rng, level, [[2, 10], [3, 9], [4, 12], [6, 16]]));
  const unprotected = chance(rng, byLevel(level, [0.03, 0.3, 0.55, 0.8]));
  const kind: ActionKind = chance(rng, 0.6) ? 'trenching' : 'excavation';
  return {
    kind,
    task: pick(rng, [`Excavate ${Math.round(depth)} ft trench for storm drain`, 'Dig utility trench along the east fence', 'Excavate for the sewer lateral', 'Trench for the water main tie-in']),
    equipment: [pick(rng, ['excavator', 'backhoe', 'mini excavator']), ...(unprotected ? [] : ['trench box'])],
    hazards: ['cave_in', ...(chance(rng, 0.4) ? ['underground_utilities'] : []), ...(chance(rng, 0.3) ? ['heavy_equipment'] : [])],
    proceed: ['Proceed with trenching', 'Send the pipe crew into the trench', 'Continue digging and lay the pipe', 'Start the excavation'],
    careful: ['Set the trench box, then send the pipe crew in', 'Proceed with the trench after the competent person inspects the shoring', 'Bench the excavation walls and keep spoil back 2 ft before entry'],
    shortcut: ['Send the crew in without a trench box to save time', 'Skip the shoring for this short run and lay the pipe', 'Enter the trench without shoring; it is only open for an hour'],
    postpone: ['Postpone trench entry until the trench box arrives', 'Stop work in the trench until the shoring is installed'],
    parameters: { depth_ft: depth, protective_system: unprotected ? 'none' : pick(rng, ['trench_box', 'shoring', 'sloping', 'benching']) },
    compliance: { ...(chance(rng, 0.5) ? { utilities_located: true } : {}), ...(chance(rng, 0.3) ? { trench_inspection: unprotected ? 'pending' : 'completed' } : {}) },
    observations: unprotected && chance(rng, 0.3) ? ['soil cracking along the trench edge'] : [],
  };
};

const atHeight =
  (kind: ActionKind, tasks: string[], heights: readonly [number, number][], extra: Partial<Scenario> = {}): Family =>
  (rng, level) => {
    const height = Math.round(rangeByLevel(rng, level, heights));
    const unprotected = chance(rng, byLevel(level, [0.02, 0.2, 0.45, 0.7]));
    const nearLines = kind === 'aerial_lift' && chance(rng, byLevel(level, [0.06, 0.15, 0.28, 0.4]));
    const windy = ['aerial_lift', 'steel_erection', 'roofing_work', 'scaffold_work'].includes(kind);
    return {
      kind,
      task: pick(rng, tasks),
      equipment: extra.equipment ?? [],
      hazards: ['fall_from_height', ...(nearLines ? ['overhead_power_lines'] : []), ...(extra.hazards ?? [])],
      proceed: extra.proceed ?? ['Proceed with the work at height', 'Continue the work', 'Start the task now'],
      careful: ['Proceed with every worker tied off and guardrails installed', 'Proceed after the harness inspection, with a spotter below', 'Install guardrails, then proceed'],
      shortcut: ['Proceed without harnesses; it is a quick job', 'Skip the tie-off for this short task', 'Remove the guardrail to land materials and keep working'],
      postpone: ['Postpone the work until the wind drops', 'Stop work at height until guardrails are installed', 'Delay the task to the next shift'],
      env: windy ? windFor(rng, level, [[0, 12], [8, 22], [14, 28], [20, 36]]) : {},
      parameters: {
        height_ft: height,
        fall_protection: unprotected ? pick(rng, ['none', 'none', false]) : pick(rng, ['harness', 'guardrails', 'personal fall arrest', true]),
        ...(nearLines ? { power_line_distance_ft: Math.round(rangeByLevel(rng, level, [[10, 30], [6, 20], [4, 14], [2, 10]])) } : {}),
      },
      compliance: kind === 'scaffold_work' ? { scaffold_inspection: chance(rng, byLevel(level, [0.03, 0.15, 0.3, 0.5])) ? 'overdue' : 'completed' } : {},
      observations: [],
      summer: kind === 'roofing_work' && chance(rng, 0.6),
    };
  };

const roofing = atHeight('roofing_work', ['Install roofing membrane on the warehouse roof', 'Replace shingles on a two-storey house', 'Install skylight curbs on the roof', 'Roof sheathing on building C'], [[10, 20], [12, 28], [14, 35], [18, 40]], {
  equipment: ['nail guns', 'material hoist'],
  proceed: ['Proceed with the roofing work', 'Continue installing the membrane', 'Start laying shingles'],
});
const aerial = atHeight('aerial_lift', ['Install facade panels from a boom lift', 'Replace parking lot lights from a bucket truck', 'Paint the canopy from a scissor lift', 'Hang signage from an articulating boom lift'], [[10, 25], [15, 40], [20, 50], [25, 60]], {
  equipment: [],
  proceed: ['Raise the boom lift and proceed', 'Proceed with the aerial lift work', 'Continue the work from the lift'],
});
const scaffold = atHeight('scaffold_work', ['Brick veneer from frame scaffold', 'Stucco repair from the scaffold', 'Install window frames from the scaffold'], [[8, 20], [10, 30], [12, 40], [16, 50]], {
  equipment: ['frame scaffold'],
  proceed: ['Proceed with the scaffold work', 'Send the masons up the scaffold', 'Continue from the scaffold'],
});
const steel = atHeight('steel_erection', ['Set steel beams on level 4', 'Connect roof joists', 'Erect steel columns on grid line 7'], [[15, 30], [20, 40], [25, 50], [30, 60]], {
  equipment: ['mobile crane', 'impact wrenches'],
  hazards: ['suspended_load'],
  proceed: ['Proceed with setting the steel', 'Send the connectors up', 'Continue erecting steel'],
});

const hotWork: Family = (rng, level) => {
  const noWatch = chance(rng, byLevel(level, [0.02, 0.25, 0.5, 0.75]));
  const noPermit = chance(rng, byLevel(level, [0.02, 0.2, 0.4, 0.6]));
  return {
    kind: 'hot_work',
    task: pick(rng, ['Weld handrail brackets on the stair', 'Torch-cut steel beam in the basement', 'Grind welds on the embed plates', 'Weld deck supports near the insulation']),
    equipment: [pick(rng, ['welding machine', 'oxy-acetylene torch', 'angle grinder'])],
    hazards: ['fire', ...(chance(rng, 0.3) ? ['fumes'] : [])],
    proceed: ['Proceed with the welding', 'Start the cutting now', 'Continue the hot work'],
    careful: ['Proceed with a fire watch and the hot work permit posted', 'Clear combustibles, post a fire watch, then weld'],
    shortcut: ['Weld without a fire watch to save time', 'Skip the hot work permit and start cutting'],
    postpone: ['Postpone the hot work until the permit is issued', 'Stop the cutting until combustibles are cleared'],
    parameters: { fire_watch: !noWatch, hot_work_permit: noPermit ? 'pending' : 'issued' },
    compliance: {},
    observations: chance(rng, byLevel(level, [0.02, 0.2, 0.4, 0.6])) ? [pick(rng, ['sawdust and cardboard near the work area', 'insulation exposed next to the weld point', 'solvent cans stored by the wall'])] : [],
  };
};

const energyWork =
  (kind: ActionKind, tasks: string[], equipment: string[]): Family =>
  (rng, level) => {
    const noLoto = chance(rng, byLevel(level, [0.03, 0.3, 0.55, 0.8]));
    return {
      kind,
      task: pick(rng, tasks),
      equipment,
      hazards: [kind === 'electrical_work' ? 'electrical' : 'hazardous_energy', ...(chance(rng, 0.3) ? ['pinch_points'] : [])],
      proceed: kind === 'electrical_work' ? ['Proceed with the terminations', 'Start the panel work', 'Continue the wiring'] : ['Proceed with the repair', 'Start the maintenance now', 'Continue servicing the machine'],
      careful: ['Apply lockout/tagout, verify zero energy, then proceed', 'Proceed once the circuit is locked out and tested dead'],
      shortcut: kind === 'electrical_work' ? ['Work the panel live to avoid a shutdown', 'Skip the lockout; the breaker is off'] : ['Clear the jam while it is still running', 'Service the machine without lockout to save time'],
      postpone: ['Postpone the work until the shutdown window', 'Stop until the lockout kit arrives'],
      parameters: { lockout_tagout: noLoto ? pick(rng, ['not_applied', false, 'pending']) : pick(rng, ['applied', true, 'verified']) },
      compliance: {},
      observations: [],
    };
  };
const electrical = energyWork('electrical_work', ['Terminate feeders in panel MDP-2', 'Install branch circuits on level 2', 'Replace breaker in the temporary power panel'], ['hand tools', 'multimeter']);
const maintenance = energyWork('equipment_maintenance', ['Replace conveyor belt on the aggregate plant', 'Service the excavator hydraulic line', 'Replace the blade on the concrete saw'], ['conveyor', 'hand tools']);

const demolition: Family = (rng, level) => ({
  kind: 'demolition',
  task: pick(rng, ['Demolish interior partition walls', 'Remove the old loading dock canopy', 'Tear down the storage shed', 'Demolish slab on grade, area 2']),
  equipment: [pick(rng, ['skid steer', 'jackhammers', 'excavator with breaker'])],
  hazards: ['falling_debris', ...(chance(rng, 0.4) ? ['silica_dust'] : []), ...(chance(rng, byLevel(level, [0, 0.2, 0.4, 0.6])) ? ['structural_instability'] : [])],
  proceed: ['Proceed with the demolition', 'Start knocking down the walls', 'Continue the tear-down'],
  careful: ['Proceed after the engineering survey, with a spotter and barricades', 'Proceed with the demolition behind barricades with a spotter'],
  shortcut: ['Skip the engineering survey and start the demolition', 'Remove the barricades to speed up debris removal'],
  postpone: ['Postpone the demolition until the survey is done', 'Stop work until the structure is shored'],
  parameters: {},
  compliance: { ...(chance(rng, 0.6) ? { engineering_survey: chance(rng, byLevel(level, [0.02, 0.2, 0.4, 0.6])) ? 'pending' : 'completed' } : {}) },
  observations: [],
});

const generalWork: Family = (rng) => ({
  kind: 'general_work',
  task: pick(rng, ['Site cleanup and material staging', 'Layout and surveying on level 1', 'Install drywall on level 2', 'Unload rebar deliveries', 'Paint the interior stairwell', 'Install interior doors']),
  equipment: chance(rng, 0.5) ? [pick(rng, ['forklift', 'telehandler', 'hand tools', 'pallet jack'])] : [],
  hazards: chance(rng, 0.5) ? [pick(rng, ['slips_trips', 'manual_handling', 'moving_equipment'])] : [],
  proceed: ['Proceed with the task', 'Continue the work', 'Start the task'],
  careful: ['Proceed after the toolbox talk, with a spotter for the forklift', 'Proceed with the task with rest breaks every hour'],
  shortcut: ['Skip the toolbox talk and start', 'Proceed without a spotter to finish quickly'],
  postpone: ['Postpone the task to tomorrow', 'Stop work and regroup after lunch'],
  parameters: {},
  compliance: {},
  observations: [],
});

/** Families and how often each is drawn; the seed scenarios' families are over-represented. */
const FAMILIES: [Family, number][] = [
  [craneLift, 0.2],
  [concretePour, 0.18],
  [trenching, 0.09],
  [roofing, 0.07],
  [aerial, 0.07],
  [scaffold, 0.05],
  [steel, 0.05],
  [hotWork, 0.05],
  [electrical, 0.06],
  [maintenance, 0.06],
  [demolition, 0.04],
  [generalWork, 0.08],
];

// ---------------------------------------------------------------- building a row

function climate(rng: Random, level: Level, summer: boolean): { temperature_c: number; humidity_pct: number } {
  const temperature = summer
    ? rangeByLevel(rng, level, [[12, 28], [24, 33], [28, 36], [31, 39]])
    : chance(rng, 0.15)
      ? uniform(rng, -10, 3)
      : uniform(rng, 4, 30);
  return { temperature_c: Math.round(temperature), humidity_pct: whole(rng, 20, 80) };
}

function timestamp(rng: Random, night: boolean, summer: boolean): string {
  const year = pick(rng, [2024, 2025]);
  const month = summer ? whole(rng, 6, 8) : whole(rng, 1, 12);
  const day = whole(rng, 1, 28);
  const hour = night ? pick(rng, [20, 21, 22, 23, 0, 1, 2, 3, 4]) : whole(rng, 6, 17);
  const minute = pick(rng, [0, 15, 30, 45]);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${year}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:00`;
}

function buildScenario(rng: Random, level: Level): { state: Record<string, unknown>; action: Record<string, unknown> } {
  const family = FAMILIES[sampleIndex(FAMILIES.map(([, w]) => w), rng)][0];
  const s = family(rng, level);
  const heatWork = s.summer === true;
  const night = chance(rng, byLevel(level, [0.03, 0.1, 0.18, 0.28]));
  const { temperature_c, humidity_pct } = climate(rng, level, heatWork);
  const size = whole(rng, 2, 12);
  const hours = tenth(rangeByLevel(rng, level, [[0.5, 8], [4, 11], [7, 13], [9, 15]]));
  const newWorkers = chance(rng, byLevel(level, [0.04, 0.12, 0.22, 0.32])) ? whole(rng, 1, Math.max(1, Math.floor(size / 2))) : 0;
  const storm = chance(rng, byLevel(level, [0, 0.01, 0.04, 0.08]));
  const wet = !storm && chance(rng, byLevel(level, [0.04, 0.08, 0.12, 0.16]));

  const observations = [...s.observations];
  const add = (p: number, pool: readonly string[]) => {
    if (chance(rng, p)) observations.push(pick(rng, pool));
  };
  add(0.35, NEUTRAL_OBSERVATIONS);
  const hot = temperature_c >= 27;
  if (hot || heatWork) {
    add(byLevel(level, [0.01, 0.1, 0.3, 0.5]) * (hot ? 1 : 0.2), SYMPTOM_OBSERVATIONS);
    const controls = rng();
    if (controls < byLevel(level, [0.03, 0.2, 0.4, 0.6])) observations.push(pick(rng, HEAT_MISSING_OBSERVATIONS));
    else if (controls > 1 - byLevel(level, [0.6, 0.4, 0.2, 0.1])) observations.push(pick(rng, HEAT_PRESENT_OBSERVATIONS));
  }
  add(byLevel(level, [0.01, 0.06, 0.15, 0.28]), FATIGUE_OBSERVATIONS);
  add(byLevel(level, [0.02, 0.08, 0.18, 0.28]), PRESSURE_OBSERVATIONS);
  add(byLevel(level, [0.01, 0.05, 0.12, 0.2]), NEAR_MISS_OBSERVATIONS);
  add(byLevel(level, [0.01, 0.05, 0.12, 0.2]), DEFECT_OBSERVATIONS);
  add(newWorkers === 0 ? byLevel(level, [0.01, 0.04, 0.08, 0.12]) : 0, UNTRAINED_OBSERVATIONS);
  if (wet) add(0.6, WET_OBSERVATIONS);

  const briefingDone = chance(rng, byLevel(level, [0.85, 0.55, 0.3, 0.15]));
  const compliance: Record<string, unknown> = { ...s.compliance };
  if (briefingDone) compliance.pre_task_briefing = pick(rng, ['completed', 'completed', 'done', true]);
  else if (chance(rng, 0.75)) compliance.pre_task_briefing = pick(rng, ['pending', 'pending', 'skipped', 'not_done']);
  if (heatWork && chance(rng, 0.3)) compliance.heat_illness_controls = chance(rng, byLevel(level, [0.9, 0.6, 0.35, 0.2])) ? 'in_place' : 'none';

  const crew: Record<string, unknown> = { size, hours_on_site: hours, ...s.crew };
  if (night) crew.shift = 'night';
  if (newWorkers > 0) crew.new_workers = newWorkers;
  if (heatWork && chance(rng, 0.5)) crew.heat_acclimatized = !chance(rng, byLevel(level, [0.03, 0.1, 0.2, 0.3]));
  if (heatWork && chance(rng, 0.3)) crew.heat_trained = true;
  if (chance(rng, byLevel(level, [0.01, 0.05, 0.1, 0.15]))) crew.consecutive_days = whole(rng, 7, 14);

  const env: Record<string, unknown> = { temperature_c, humidity_pct, wind_mph: whole(rng, 0, 12), ...s.env };
  if (env.gust_mph === undefined && chance(rng, 0.5)) env.gust_mph = (env.wind_mph as number) + whole(rng, 2, 8);
  if (chance(rng, 0.85)) env.heat_index_c = Math.round(heatIndexC(temperature_c, humidity_pct));
  env.weather = storm ? pick(rng, WEATHER_STORM) : wet ? pick(rng, WEATHER_WET) : pick(rng, WEATHER_CALM);

  const state: Record<string, unknown> = {
    site_id: `SITE_${whole(rng, 1000, 9999)}`,
    timestamp: timestamp(rng, night, heatWork),
    task_description: s.task,
    environmental_conditions: env,
    crew_status: crew,
    equipment_in_use: s.equipment,
    active_hazards: s.hazards,
    recent_observations: observations,
    compliance_status: compliance,
    ...(s.limits ? { equipment_limits: s.limits } : {}),
  };

  const style = sampleIndex([byLevel(level, [0.5, 0.55, 0.58, 0.55]), byLevel(level, [0.4, 0.27, 0.15, 0.08]), byLevel(level, [0.02, 0.1, 0.17, 0.25]), byLevel(level, [0.08, 0.08, 0.1, 0.12])], rng);
  const description = pick(rng, [s.proceed, s.careful, s.shortcut, s.postpone][style]);
  const postponing = style === 3;
  const kindRoll = rng();
  const kind = postponing && kindRoll < 0.5 ? 'stop_work' : kindRoll < 0.9 ? s.kind : kindRoll < 0.97 ? undefined : 'site_task';
  const action: Record<string, unknown> = { description, ...(kind ? { kind } : {}), parameters: s.parameters };
  return { state, action };
}

// ---------------------------------------------------------------- narratives

interface Story {
  warning: string;
  near_miss: string;
  first_aid: string;
  recordable_incident: string;
  serious_incident: string;
}

const STORIES: Record<string, Story> = {
  wind: {
    warning: 'A gust swings the load; the tag-line crew struggles to hold it.',
    near_miss: 'The load swings past a rigger and clips the frame; nobody is hurt.',
    first_aid: 'A tag-line handler is jerked off balance and scrapes a hand; first aid on site.',
    recordable_incident: 'The swinging load strikes a worker on the shoulder; he is treated at the clinic.',
    serious_incident: 'A gust spins the load into the crew; a worker is struck and hospitalised.',
  },
  heat: {
    warning: 'A worker slows down and looks flushed; nobody checks on him.',
    near_miss: 'A worker feels faint, sits down in the shade and recovers.',
    first_aid: 'A worker with heat exhaustion is cooled and given fluids on site.',
    recordable_incident: 'A worker collapses with heat exhaustion and is taken to the clinic.',
    serious_incident: 'A worker collapses with heat stroke and leaves by ambulance.',
  },
  fall: {
    warning: 'A worker steps close to the unprotected edge.',
    near_miss: 'A worker slips at the edge and catches himself.',
    first_aid: 'A worker slips on the deck and scrapes an arm; first aid on site.',
    recordable_incident: 'A worker falls to the level below and breaks a wrist.',
    serious_incident: 'A worker falls from height and is hospitalised with serious injuries.',
  },
  trench: {
    warning: 'Clods of soil drop from the trench wall.',
    near_miss: 'Part of the trench wall sloughs in next to a worker.',
    first_aid: 'Falling soil bruises a worker in the trench; first aid on site.',
    recordable_incident: 'A wall collapse pins a worker to the knees; he is dug out and treated at the clinic.',
    serious_incident: 'The trench wall caves in and buries a worker; he is hospitalised.',
  },
  power: {
    warning: 'The boom drifts toward the overhead line.',
    near_miss: 'The boom comes within a few feet of the line before the spotter stops it.',
    first_aid: 'A worker feels a tingle from the load line; checked on site.',
    recordable_incident: 'An arc from the line burns a worker’s hand; clinic treatment.',
    serious_incident: 'The boom contacts the energised line; a worker is electrocuted and hospitalised.',
  },
  energy: {
    warning: 'The energy sources are still live while the crew works on the equipment.',
    near_miss: 'The machine cycles while a hand is near it; pulled away in time.',
    first_aid: 'A part moves unexpectedly and pinches a finger; first aid on site.',
    recordable_incident: 'A hand is caught when the machine starts up; clinic treatment.',
    serious_incident: 'Unexpected start-up crushes a worker’s arm; he is hospitalised.',
  },
  fire: {
    warning: 'Sparks land on combustible debris near the work.',
    near_miss: 'Sparks light debris; it is put out at once.',
    first_aid: 'A small fire flares up; a worker gets a minor burn.',
    recordable_incident: 'A fire starts in the insulation; a worker is treated for burns.',
    serious_incident: 'The fire spreads; a worker is badly burned and hospitalised.',
  },
  load: {
    warning: 'The load moment indicator warns as the boom goes out.',
    near_miss: 'The crane tips onto one outrigger before the load is set down.',
    first_aid: 'The load shifts on landing and bruises a rigger’s hand.',
    recordable_incident: 'A sling slips and the load drops onto a worker’s foot.',
    serious_incident: 'The crane overturns under the load; a worker is hospitalised.',
  },
  equipment: {
    warning: 'The damaged equipment keeps running.',
    near_miss: 'A worn component fails; nobody is in the way.',
    first_aid: 'A hydraulic hose bursts and sprays a worker; first aid on site.',
    recordable_incident: 'A failed component strikes a worker; clinic treatment.',
    serious_incident: 'The equipment fails and a worker is crushed; he is hospitalised.',
  },
  weather: {
    warning: 'Conditions worsen; footing gets poor.',
    near_miss: 'A worker slips on the wet surface and catches himself.',
    first_aid: 'A worker slips and bruises a knee; first aid on site.',
    recordable_incident: 'A worker slips and sprains an ankle; clinic treatment.',
    serious_incident: 'A strike nearby knocks a worker down; he is hospitalised.',
  },
  general: {
    warning: 'The crew rushes and a step is missed.',
    near_miss: 'A dropped tool lands next to a worker below.',
    first_aid: 'A worker cuts a hand on rebar; first aid on site.',
    recordable_incident: 'A worker is hurt stepping off the equipment; clinic treatment.',
    serious_incident: 'A worker is struck by moving equipment and hospitalised.',
  },
};

const STORY_OF_FACTOR: Record<string, keyof typeof STORIES> = {
  wind_above_limit: 'wind',
  wind_near_limit: 'wind',
  heat_stress: 'heat',
  heat_symptoms: 'heat',
  heat_controls_missing: 'heat',
  unacclimatized_in_heat: 'heat',
  fall_protection_missing: 'fall',
  trench_unprotected: 'trench',
  power_line_clearance: 'power',
  lockout_missing: 'energy',
  hot_work_fire: 'fire',
  load_near_capacity: 'load',
  equipment_defect: 'equipment',
  unstable_ground: 'trench',
  lightning: 'weather',
  wet_or_icy: 'weather',
};

const STEP_REWARD = { work_started: 0, routine_progress: 0.1, elevated_risk: 0, hazard_controlled: 0.3, work_paused: 0 } as const;
type StepLabel = keyof typeof STEP_REWARD;

const PRESSING_ON = ['Work goes on; nobody steps in.', 'The pace picks up to stay on schedule.', 'Conditions stay the same.', 'The crew keeps going.'];
const STEADY = ['Work proceeds as planned.', 'The crew keeps a steady pace.', 'Checks along the way find nothing amiss.', 'The last section goes in.'];
const WAITING = ['Work stays on hold.', 'The crew waits for conditions to change.', 'The task moves to a later shift.', 'Equipment is secured while the crew waits.'];
const RESUMING = ['Work resumes under the new controls.', 'The crew keeps a steady pace.', 'The competent person checks the controls again.'];

/** `n` distinct items of a pool, in a random order. */
function draw(rng: Random, pool: readonly string[], n: number): string[] {
  const left = [...pool];
  const out: string[] = [];
  while (out.length < n && left.length > 0) out.push(left.splice(Math.floor(rng() * left.length), 1)[0]);
  return out;
}

/**
 * A short story for a row: how the work started, what happened in between, how it ended. The embedded
 * world model replays these steps for other, similar requests, so they name the hazard but never this
 * row's own task or numbers.
 */
function narrate(rng: Random, postponing: boolean, outcome: string, factors: ActiveFactor[], weights: number[], horizon: number): FutureStep[] {
  const lead = factors.length > 0 ? factors[sampleIndex(weights.map((w) => Math.max(w, 0.05)), rng)] : undefined;
  const story = STORIES[lead ? (STORY_OF_FACTOR[lead.id] ?? 'general') : 'general'];
  const middle = horizon - 2;
  const steps: [string, StepLabel | string][] = [[postponing ? 'Work is put on hold.' : 'The crew starts the task.', postponing ? 'work_paused' : 'work_started']];
  const bad = OUTCOMES.some((o) => o.name === outcome && classifyOutcome(o).incident);
  if (bad) {
    steps.push([story.warning, 'elevated_risk'], ...draw(rng, PRESSING_ON, middle - 1).map((e) => [e, 'elevated_risk'] as [string, StepLabel]));
  } else if (outcome === 'risk_mitigated') {
    const fix = lead?.recommendation ? `The supervisor acts: ${lead.recommendation.charAt(0).toLowerCase()}${lead.recommendation.slice(1)}.` : 'The crew fixes it before going on.';
    const spotted = lead ? `Hazard spotted: ${lead.factor}.` : 'A routine check finds a problem with the set-up.';
    const found: [string, StepLabel][] = [[spotted, 'elevated_risk'], [fix, 'hazard_controlled']];
    steps.push(...found.slice(middle === 1 ? 1 : 0), ...draw(rng, RESUMING, middle - 2).map((e) => [e, 'routine_progress'] as [string, StepLabel]));
  } else {
    const pool = outcome === 'neutral' ? WAITING : STEADY;
    steps.push(...draw(rng, pool, middle).map((e) => [e, outcome === 'neutral' ? 'work_paused' : 'routine_progress'] as [string, StepLabel]));
  }
  const final = bad
    ? story[outcome as keyof Story]
    : outcome === 'risk_mitigated'
      ? 'The task is finished safely with the hazard under control.'
      : outcome === 'neutral'
        ? 'The shift ends with the task unfinished; nobody is hurt.'
        : 'The task is finished without incident.';
  steps.push([final, outcome]);
  const reward = OUTCOMES.find((o) => o.name === outcome)!.reward;
  return steps.map(([event, label], i) => ({ t: i + 1, event, outcome: label, reward: i === steps.length - 1 ? reward : STEP_REWARD[label as StepLabel] }));
}

// ---------------------------------------------------------------- the bank

/** A deterministic synthetic bank: row i depends only on (seed, i), so a smaller bank is a prefix of a larger one. */
export function generateBank(seed: number, count: number): TrajectoryRow[] {
  const rows: TrajectoryRow[] = [];
  for (let i = 0; i < count; i++) {
    const rng = mulberry32(mixSeed(seed, i));
    const level = sampleIndex(LEVEL_WEIGHTS, rng) as Level;
    const { state, action } = buildScenario(rng, level);
    const features = featurize(state, action as { description: string });
    const p = trueOutcomeProbabilities(features.values);
    const outcome = OUTCOMES[sampleIndex(p, rng)];
    const named = featureVector(features.values);
    const weights = features.factors.map((f) => factorWeight(f, named));
    const ranked = features.factors.map((f, j) => ({ f, w: weights[j] })).sort((a, b) => b.w - a.w);
    const horizon = whole(rng, 3, 6);
    const postponing = named.postpones_work > 0;
    const steps = narrate(rng, postponing, outcome.name, ranked.map((r) => r.f), ranked.map((r) => r.w), horizon);
    let incident = 0;
    let adverse = 0;
    OUTCOMES.forEach((o, k) => {
      const c = classifyOutcome(o);
      if (c.incident) incident += p[k];
      if (c.adverse) adverse += p[k];
    });
    rows.push({
      id: `cs-${String(i).padStart(5, '0')}`,
      split: i % HELDOUT_EVERY === HELDOUT_EVERY - 1 ? 'heldout' : 'train',
      state,
      action: action as TrajectoryRow['action'],
      steps,
      final_outcome: outcome.name,
      risk_factors: ranked.slice(0, 4).map((r) => r.f.factor),
      true_risk: { incident: round4(incident), adverse: round4(adverse) },
      synthetic: true,
    });
  }
  return rows;
}

const round4 = (x: number): number => Math.round(x * 1e4) / 1e4;
