import type { ActionInput, ActiveFactor, Features } from '../../../src/packs/types.js';
import { ACTION_KINDS, type ActionKind } from '../../../src/packs/construction_safety/state-schema.js';

/** Conditions on site: they bear on whoever is there, whatever the action. */
const SITE_FEATURES = [
  'heat_index_excess',
  'heat_danger_band',
  'heat_symptoms',
  'heat_controls_missing',
  'heat_controls_confirmed',
  'gustiness',
  'lightning_or_storm',
  'wet_or_icy',
  'night_or_low_light',
  'hours_over_8',
  'extended_shift',
  'fatigue_signs',
  'untrained_crew',
  'briefing_not_done',
  'briefing_done',
  'skips_safety_step',
  'schedule_pressure',
  'defect_or_unstable_ground',
  'recent_near_miss',
  'hazard_count',
  'mitigating_action',
  'postpones_work',
  'heat_x_symptoms',
  'heat_x_no_controls',
  'heat_x_unacclimatized',
] as const;

/** The crew's exposure to the task itself: all zero when the action stops the work. */
const TASK_FEATURES = [
  'kind_hazard_tier',
  'wind_limit_ratio',
  'wind_over_limit',
  'wind_x_exposure',
  'suspended_load',
  'height_scaled',
  'fall_protection_missing',
  'trench_depth_scaled',
  'trench_unprotected',
  'power_line_clearance_deficit',
  'lockout_missing',
  'load_near_capacity',
  'hot_work_fire_risk',
  'heat_x_exertion',
  'fatigue_x_hazard',
  'night_x_heavy_equipment',
  'untrained_x_hazard',
  'skip_x_hazard',
] as const;

/**
 * The numeric view of a state+action that the embedded world model learns from and that the
 * generator's true risk model is written in; `values` is aligned with it. Names with `_x_` are
 * explicit interactions, because e.g. the risk of heat depends on how hard the work is and whether
 * water, rest and shade are in place.
 */
export const featureNames = [...SITE_FEATURES, ...TASK_FEATURES] as const;
export type FeatureName = (typeof featureNames)[number];
export type FeatureVector = Record<FeatureName, number>;

/** How much a kind of work can hurt people when something goes wrong (fatal-four exposure). */
const KIND_HAZARD_TIER: Record<ActionKind, number> = {
  crane_lift: 1,
  steel_erection: 1,
  demolition: 0.9,
  trenching: 0.9,
  excavation: 0.8,
  electrical_work: 0.8,
  roofing_work: 0.8,
  equipment_maintenance: 0.7,
  aerial_lift: 0.7,
  scaffold_work: 0.7,
  hot_work: 0.6,
  concrete_pour: 0.5,
  general_work: 0.3,
  stop_work: 0,
};

/** Physical exertion of the work, which multiplies heat strain (NIOSH 2016-106, metabolic heat). */
const KIND_EXERTION: Record<ActionKind, number> = {
  concrete_pour: 1,
  roofing_work: 1,
  demolition: 1,
  trenching: 0.8,
  steel_erection: 0.8,
  scaffold_work: 0.7,
  general_work: 0.6,
  excavation: 0.5,
  hot_work: 0.6,
  equipment_maintenance: 0.5,
  electrical_work: 0.4,
  aerial_lift: 0.4,
  crane_lift: 0.4,
  stop_work: 0,
};

/**
 * Wind limits when neither the state nor the action gives the equipment's own: 20 mph for crane
 * lifts (the personnel-hoisting limit of 1926.1431(k), USACE EM 385-1-1 16.I and a common manufacturer
 * limit), 28 mph (12.5 m/s) for outdoor-rated MEWPs (ANSI/SAIA A92.20-2020), and OSHA's "high wind"
 * (1926.968): 30 mph where material is handled at an exposed height, 40 mph for everything else.
 */
export const DEFAULT_WIND_LIMIT_MPH: Record<ActionKind, number> = {
  crane_lift: 20,
  aerial_lift: 28,
  steel_erection: 30,
  roofing_work: 30,
  scaffold_work: 30,
  concrete_pour: 40,
  excavation: 40,
  trenching: 40,
  hot_work: 40,
  electrical_work: 40,
  equipment_maintenance: 40,
  demolition: 40,
  general_work: 40,
  stop_work: 40,
};

/** Height at which fall protection is required: 1926.501(b)(1), 1926.451(g)(1), 1926.760(a)(1), 1926.453(b)(2)(v). */
const FALL_TRIGGER_FT: Partial<Record<ActionKind, number>> = { scaffold_work: 10, steel_erection: 15, aerial_lift: 0 };
const DEFAULT_FALL_TRIGGER_FT = 6;

const HEAVY_KINDS = new Set<ActionKind>(['crane_lift', 'excavation', 'trenching', 'demolition', 'steel_erection', 'concrete_pour']);
const HEAVY_EQUIPMENT = /(crane|excavator|loader|dozer|truck|forklift|telehandler|backhoe|skid steer|pump|grader|roller)/i;

// ---------------------------------------------------------------- reading sloppy input

const asRecord = (v: unknown): Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
const asNumber = (v: unknown): number | undefined => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const asString = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const asStrings = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string') : typeof v === 'string' ? [v] : [];

type Status = 'done' | 'not_done' | 'unknown';
const DONE = /^(true|yes|y|done|complete|completed|in[ _-]?place|ok|passed|current|installed|applied|verified|held|signed|issued|present|available|provided|assigned|posted|confirmed)$/;
const NOT_DONE =
  /^(false|no|n|none|pending|missing|skipped|skip|not[ _-]?done|not[ _-]?applied|not[ _-]?installed|overdue|failed|expired|lapsed|incomplete|partial|absent|unavailable|not[ _-]?available|waived|bypassed|removed)$/;

/** Reads a compliance item or a control written as a boolean or a status word. */
export function statusOf(v: unknown): Status {
  if (typeof v === 'boolean') return v ? 'done' : 'not_done';
  if (typeof v === 'number') return v > 0 ? 'done' : 'not_done';
  const s = asString(v)?.trim().toLowerCase();
  if (!s) return 'unknown';
  if (DONE.test(s)) return 'done';
  if (NOT_DONE.test(s)) return 'not_done';
  return 'unknown';
}

/**
 * Whether a control is missing. The proposed action's own words win, because they say what will be
 * done ("work the panel live" whatever the lockout field says); then the recorded status; then what
 * was observed on site.
 */
function controlMissing(actionSaysMissing: string | undefined, actionSaysInPlace: boolean, status: Status, observedMissing: string | undefined): boolean {
  if (actionSaysMissing !== undefined) return true;
  if (actionSaysInPlace) return false;
  if (status !== 'unknown') return status === 'not_done';
  return observedMissing !== undefined;
}

function firstStatus(...values: unknown[]): Status {
  for (const v of values) {
    const s = statusOf(v);
    if (s !== 'unknown') return s;
  }
  return 'unknown';
}

const NEGATOR = /\b(no|not|none|without|denies|denied|never|nobody|zero|free of)\b/i;

/**
 * Whether some clause mentions the pattern without negating it just before ("no one reported
 * dizziness" is not a symptom). Negation is only looked for in the same comma-separated segment.
 */
function affirmed(texts: readonly string[], pattern: RegExp): string | undefined {
  for (const text of texts) {
    for (const clause of text.split(/[.;!?\n]|\bbut\b/i)) {
      const m = pattern.exec(clause);
      if (!m) continue;
      const before = clause.slice(0, m.index).split(',').pop() ?? '';
      if (!NEGATOR.test(before)) return clause.trim();
    }
  }
  return undefined;
}

/** The first number the pattern captures in the text. */
function numberIn(pattern: RegExp, text: string): number | undefined {
  const m = pattern.exec(text);
  return m ? Number(m[1]) : undefined;
}

const mentions = (texts: readonly string[], pattern: RegExp): boolean => texts.some((t) => pattern.test(t));

// ---------------------------------------------------------------- text patterns

const SYMPTOMS =
  /(light-?headed|dizz(y|iness)|faint(ed|ing)?\b|nause(a|ous)|vomit|heat (cramps|rash|exhaustion|stroke)|cramp(s|ing)\b|headache|confus(ed|ion)|sluggish|stopped sweating|heavy sweating|collaps)/i;
const FATIGUE = /(fatigue|tired|exhausted|drowsy|sleepy|yawning|nodding off|double shift|back-to-back shifts|no sleep|worn out)/i;
const NEAR_MISS = /(near[- ]miss|close call|almost (hit|fell|struck|dropped)|dropped (a |an |the )?(tool|load|object|beam)|load swung|swinging load|struck by)/i;
const DEFECT =
  /(defect|damaged|frayed|cracked|\bleak|malfunction|out of service|failed inspection|worn (sling|cable|rope|rigging)|broken|missing (pin|guard|toe ?board|plank)|inspection overdue|overdue inspection)/i;
const UNSTABLE_GROUND = /(soil (is )?crack|cracks? (in|along) the (soil|trench|edge|wall)|fissure|slough|bulging wall|undermined|water seep|spoil (pile )?(at|on) the edge)/i;
const LIGHTNING = /(lightning|thunder)/i;
const WET = /(rain|drizzle|\bwet\b|snow|\bice\b|\bicy\b|sleet|frost|slippery|\bmud)/i;
const LOW_LIGHT = /(\bnight\b|after dark|overnight|graveyard|\bfog|poor visibility|low visibility|limited visibility|dusk)/i;
const UNTRAINED =
  /(new hire|first (day|week) on|untrained|not trained|no training|green crew|inexperienced|temporary workers|temp workers|day laborers|not certified|uncertified|unqualified|certification (expired|lapsed))/i;
const PRESSURE =
  /(save time|behind schedule|(days?|weeks?) behind|make up (lost )?time|hurry|\brush(ed|ing)?\b|\basap\b|before the deadline|deadline|push through|finish (this|the) (section|pour|lift) first|quickly)/i;
const SAFETY_STEP =
  '(briefing|toolbox talk|tailgate|safety meeting|pre-?task|pre-?pour|pre-?lift|jha|jsa|inspection|harness(es)?|fall protection|guardrails?|tie-?off|tying off|lockout|tagout|loto|permit|spotter|signal person|fire watch|shoring|trench box|shield|tag lines?|water breaks?|rest breaks?|hydration|gas test|atmospheric test|outriggers?|barricades?|engineering survey)';
const SKIP = new RegExp(
  `\\b(skip(ping|s)?|omit(ting)?|bypass(ing)?|forgo(ing)?|ignor(e|ing)|disabl(e|ing)|remov(e|ing)|without( (a|the|any))?|no)\\b[^.;]{0,40}?\\b${SAFETY_STEP}`,
  'gi',
);
const MITIGATION =
  /(after (the |a )?(pre-?\w+ )?(briefing|toolbox talk|inspection)|hold (the |a )?(pre-?\w+ )?(briefing|toolbox talk)|briefing (first|completed|held)|tag lines?|signal person|spotter|shade|water|rest breaks?|cool(ing)? (tent|station|down)|tied off|tie off|harness|guardrails? (installed|in place)|install(ing)? (the )?guardrails?|trench box|shoring|shield|\bbench(ing)?\b|sloping|engineering survey|barricades|locked out|lockout|de-?energi[sz]ed|fire watch|hot work permit|reduce(d)? (the )?load|rotate (the )?crew|fresh crew|relief crew|move (the )?work to (the )?morning|start at dawn|extra lighting|light towers?)/gi;
/** Kept identical to the stand-down pattern of the policy's hard rules, so both read an action the same way. */
const POSTPONE = /^\s*(please )?(do not|don.t|postpone|delay|defer|suspend|halt|stop|pause|cancel|reschedule|hold off|stand (the crew |everyone )?down|wait)/i;
const HEAT_CONTROLS_MISSING =
  /(no shade|without shade|lack of shade|no (drinking )?water|water (cooler|jug)s? (is |are )?empty|no (rest|water|hydration|cool-?down) breaks?|without (rest|water|hydration) breaks?|no hydration|no cooling)/i;
const HEAT_CONTROLS_PRESENT =
  /(shade (tent|structure|canopy)s? (set up|in place|up|provided)|water,? rest,? (and )?shade|cooling (tent|station)|hydration breaks every|rest breaks every|shade and water)/i;
const FALL_MISSING =
  /(without (a |any )?(harness|fall protection|guardrails?|tie-?off|lanyard)|no (harness|fall protection|guardrails?|tie-?off)|not tied off|untied|harness(es)? (not available|missing)|guardrails? (removed|missing|down))/i;
const FALL_IN_PLACE = /(tied off|tie off to|guardrails? (are )?(installed|in place)|install(ing)? (the )?guardrails?|with (a |their )?harness(es)? on)/i;
const TRENCH_IN_PLACE = /(set the trench box|trench box (is )?(set|in place)|inspects? the shoring|shoring (is )?(installed|in place)|bench(ed)? the (excavation )?walls|slop(e|ed) the walls)/i;
const LOTO_IN_PLACE = /(apply(ing)? (lockout|loto)|locked out|lockout\/tagout applied|verify zero energy|tested dead)/i;
const TRENCH_UNPROTECTED = /(unshored|no shoring|without (a |any )?(trench box|shoring|shield|protective system)|no trench box|no protective system|vertical walls?)/i;
const LOTO_MISSING =
  /(without (a |any )?(lockout|loto|locking out|tagout)|skip(ping)? (the )?(lockout|loto)|no (lockout|loto)|not (locked|tagged) out|while (it is |it's )?(still )?(running|energi[sz]ed|live)|\blive (work|panel|circuit|wires?)|work(ing)? (on )?(the )?(panel|circuit|bus|line)s? (live|hot|energi[sz]ed)|energi[sz]ed (panel|circuit|bus|conductors?))/i;
const LOTO_WORK = /(maint|repair|service|servic|clear (a |the )?jam|replace (the )?(belt|blade|bearing)|adjust|lubricat|unjam)/i;
const HOT_WORK_TEXT = /(weld|torch|cutting|grind|braz|solder|plasma)/i;
const COMBUSTIBLES = /(combustible|flammable|sawdust|insulation|fuel|solvent|oily rags|wood shavings|cardboard)/i;
const POWER_LINE_TEXT = /(\d+(?:\.\d+)?)\s*(?:ft|feet|foot|')\s*(?:from|of|away from)\s*(?:the\s+)?(?:overhead\s+|energi[sz]ed\s+|live\s+)?(?:power ?lines?|lines|conductors|wires)/i;
const HEIGHT_TEXT = /(\d+(?:\.\d+)?)\s*(ft|feet|foot|m|metres|meters)\b\s*(high|up|above|elevation|fall|drop|roof|edge|tall)|at (\d+(?:\.\d+)?)\s*(ft|feet|m)\b/i;
const DEPTH_TEXT = /(\d+(?:\.\d+)?)\s*(?:ft|feet|foot|-foot|')[ -]?(?:deep|trench|excavation|cut)/i;

const KIND_FROM_TEXT: Array<[ActionKind, RegExp]> = [
  ['stop_work', POSTPONE],
  ['crane_lift', /(crane|hoist|rigging|\bpick\b|\blift of\b|lift the (truss|beam|panel|unit|load))/i],
  ['trenching', /trench/i],
  ['excavation', /(excavat|\bdig\b|digging)/i],
  ['concrete_pour', /(concrete|pour\b|slab|footing)/i],
  ['roofing_work', /(roof|shingle)/i],
  ['aerial_lift', /(aerial lift|boom lift|scissor lift|bucket truck|\bmewp\b|cherry picker)/i],
  ['scaffold_work', /scaffold/i],
  ['steel_erection', /(steel erection|connector|set (the )?(steel|beams?|joists?)|erect (the )?steel|ironwork)/i],
  ['hot_work', HOT_WORK_TEXT],
  ['electrical_work', /(electric|wiring|panel|circuit|conduit|feeder|breaker|switchgear)/i],
  ['equipment_maintenance', LOTO_WORK],
  ['demolition', /(demoli|tear down|teardown|wrecking)/i],
];

const KNOWN_KINDS = new Set<string>(ACTION_KINDS);

/**
 * The kind of work the action performs; `stop_work` when it postpones. A missing or unknown kind is
 * read from the description; undefined when the description does not say ("Proceed with the lift").
 */
export function actionKind(action: ActionInput): ActionKind | undefined {
  const kind = asString(action.kind)?.trim().toLowerCase();
  if (kind && KNOWN_KINDS.has(kind)) return kind as ActionKind;
  return inferKind(asString(action.description) ?? '');
}

function inferKind(text: string): ActionKind | undefined {
  return KIND_FROM_TEXT.find(([, re]) => re.test(text))?.[0];
}

/**
 * The task whose hazards are present: the action's kind, else the task's (an agent that sends
 * "Proceed with the lift" without a kind still means the crane lift in `task_description`), else
 * general work. When the action stops work, the task's hazards are named but nobody is exposed.
 */
export function exposureKind(state: Record<string, unknown>, action: ActionInput): ActionKind {
  const kind = actionKind(action);
  if (kind !== undefined && kind !== 'stop_work') return kind;
  const fromTask = inferKind(asString(state.task_description) ?? '');
  return fromTask && fromTask !== 'stop_work' ? fromTask : 'general_work';
}

// ---------------------------------------------------------------- heat

/** NWS heat index (Rothfusz regression with its published adjustments), °C in and out. */
export function heatIndexC(temperatureC: number, humidityPct: number): number {
  const t = (temperatureC * 9) / 5 + 32;
  const rh = humidityPct;
  let hi = 0.5 * (t + 61 + (t - 68) * 1.2 + rh * 0.094);
  if ((hi + t) / 2 >= 80) {
    hi =
      -42.379 + 2.04901523 * t + 10.14333127 * rh - 0.22475541 * t * rh - 0.00683783 * t * t - 0.05481717 * rh * rh +
      0.00122874 * t * t * rh + 0.00085282 * t * rh * rh - 0.00000199 * t * t * rh * rh;
    if (rh < 13 && t >= 80 && t <= 112) hi -= ((13 - rh) / 4) * Math.sqrt((17 - Math.abs(t - 95)) / 17);
    if (rh > 85 && t >= 80 && t <= 87) hi += ((rh - 85) / 10) * ((87 - t) / 5);
  }
  return ((hi - 32) * 5) / 9;
}

/** NWS heat index bands, in °C: caution 26.7, extreme caution 32.2, danger 39.4, extreme danger 51.7. */
export function heatBand(hiC: number): string | undefined {
  if (hiC >= 51.7) return 'NWS extreme danger';
  if (hiC >= 39.4) return 'NWS danger';
  if (hiC >= 32.2) return 'NWS extreme caution';
  if (hiC >= 26.7) return 'NWS caution';
  return undefined;
}

// ---------------------------------------------------------------- power lines

/** Minimum clearance: cranes 1926.1408 (20 ft unless the utility confirms the voltage, then Table A); other equipment 1926.600(a)(6). */
export function requiredClearanceFt(kind: ActionKind, kv: number | undefined): number {
  if (kind === 'crane_lift' || kind === 'steel_erection') {
    if (kv === undefined) return 20;
    if (kv <= 50) return 10;
    if (kv <= 200) return 15;
    if (kv <= 350) return 20;
    if (kv <= 500) return 25;
    if (kv <= 750) return 35;
    return 45;
  }
  return kv === undefined || kv <= 50 ? 10 : 10 + ((kv - 50) * 0.4) / 12;
}

// ---------------------------------------------------------------- the featuriser

const round = (x: number, digits = 1): string => String(Math.round(x * 10 ** digits) / 10 ** digits);
const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));
const cToF = (c: number): number => (c * 9) / 5 + 32;

interface Texts {
  observations: string[];
  environment: string[];
  task: string;
  action: string;
  hazards: string[];
  equipment: string[];
}

function collectTexts(state: Record<string, unknown>, action: ActionInput): Texts {
  const env = asRecord(state.environmental_conditions);
  const crew = asRecord(state.crew_status);
  const params = asRecord(action.parameters);
  return {
    observations: [
      ...asStrings(state.recent_observations),
      ...asStrings(crew.observations),
      ...asStrings(crew.morning_observations),
      ...asStrings(crew.notes),
      ...asStrings(state.notes),
    ],
    environment: [env.weather, env.visibility, env.precipitation, env.conditions, env.notes].flatMap(asStrings),
    task: asString(state.task_description) ?? '',
    action: [asString(action.description) ?? '', ...Object.values(params).flatMap(asStrings)].join('. '),
    hazards: asStrings(state.active_hazards),
    equipment: asStrings(state.equipment_in_use),
  };
}

/** Turns a schema-valid state and action into features and named risk factors; never throws. */
export function featurize(state: Record<string, unknown>, action: ActionInput): Features {
  const env = asRecord(state.environmental_conditions);
  const crew = asRecord(state.crew_status);
  const compliance = asRecord(state.compliance_status);
  const limits = asRecord(state.equipment_limits);
  const params = asRecord(action.parameters);
  const texts = collectTexts(state, action);
  const kind = exposureKind(state, action);
  const f = Object.fromEntries(featureNames.map((n) => [n, 0])) as FeatureVector;
  const factors: ActiveFactor[] = [];
  const add = (factor: ActiveFactor): void => void factors.push(factor);
  /** Sets a 0/1 feature and, when it is on, names the factor it carries (built only then). */
  const flag = <T>(name: FeatureName, found: T | undefined | false, factor: (found: T) => ActiveFactor): void => {
    f[name] = found ? 1 : 0;
    if (found) add(factor(found));
  };

  f.kind_hazard_tier = KIND_HAZARD_TIER[kind];
  const postpones = actionKind(action) === 'stop_work' || POSTPONE.test(asString(action.description) ?? '');
  f.postpones_work = postpones ? 1 : 0;

  // Heat: NWS bands; the danger band starts at 103 °F (39.4 °C).
  const temp = asNumber(env.temperature_c);
  const humidity = asNumber(env.humidity_pct);
  const hi = asNumber(env.heat_index_c) ?? (temp !== undefined ? (humidity !== undefined ? heatIndexC(temp, humidity) : temp) : undefined);
  if (hi !== undefined) {
    f.heat_index_excess = clamp((hi - 26.7) / 5, 0, 6);
    f.heat_danger_band = hi >= 39.4 ? 1 : 0;
  }
  const symptom = affirmed(texts.observations, SYMPTOMS);
  f.heat_symptoms = symptom ? 1 : 0;
  const heatControls = firstStatus(compliance.heat_illness_controls, compliance.water_rest_shade, compliance.shade, compliance.hydration);
  const controlsMissingText = [...texts.observations, ...texts.environment].find((t) => HEAT_CONTROLS_MISSING.test(t));
  f.heat_controls_missing = heatControls === 'not_done' || controlsMissingText ? 1 : 0;
  f.heat_controls_confirmed = f.heat_controls_missing === 0 && (heatControls === 'done' || mentions(texts.observations, HEAT_CONTROLS_PRESENT)) ? 1 : 0;
  const newWorkers = asNumber(crew.new_workers) ?? 0;
  const unacclimatized = crew.heat_acclimatized === false || newWorkers > 0 ? 1 : 0;
  f.heat_x_exertion = f.heat_index_excess * KIND_EXERTION[kind];
  f.heat_x_symptoms = f.heat_index_excess * f.heat_symptoms;
  f.heat_x_no_controls = f.heat_index_excess * f.heat_controls_missing;
  f.heat_x_unacclimatized = f.heat_index_excess * unacclimatized;
  if (hi !== undefined && hi >= 32.2) {
    const parts = [`heat index ${round(hi, 0)} °C (${round(cToF(hi), 0)} °F), ${heatBand(hi)}`];
    if (temp !== undefined) parts.push(`temperature ${round(temp)} °C`);
    if (humidity !== undefined) parts.push(`humidity ${round(humidity, 0)}%`);
    add({
      id: 'heat_stress',
      factor: 'heat stress',
      detail: parts.join(', '),
      features: ['heat_index_excess', 'heat_danger_band', 'heat_x_exertion'],
      recommendation: 'Water, rest and shade: cool water at hand, scheduled breaks in shade, heavy work moved to the cooler hours',
    });
  }
  if (symptom) {
    add({
      id: 'heat_symptoms',
      factor: 'worker with heat-illness symptoms',
      detail: `observed: "${symptom.slice(0, 120)}"${hi !== undefined ? `; heat index ${round(hi, 0)} °C` : ''}`,
      features: ['heat_symptoms', 'heat_x_symptoms'],
      recommendation: 'Take the worker out of the heat, cool and watch them, and keep them off the task today',
    });
  }
  if (f.heat_controls_missing && hi !== undefined && hi >= 26.7) {
    add({
      id: 'heat_controls_missing',
      factor: 'no water, rest or shade',
      detail: controlsMissingText ? `observed: "${controlsMissingText.slice(0, 120)}"` : `heat illness controls: ${String(compliance.heat_illness_controls ?? compliance.water_rest_shade ?? 'not in place')}`,
      features: ['heat_controls_missing', 'heat_x_no_controls'],
      recommendation: 'Set up shade and cool water at the work area before work continues',
    });
  }
  if (unacclimatized && hi !== undefined && hi >= 26.7) {
    add({
      id: 'unacclimatized_in_heat',
      factor: 'workers not acclimatised to heat',
      detail: newWorkers > 0 ? `${newWorkers} new worker(s); heat index ${round(hi, 0)} °C` : `crew not acclimatised; heat index ${round(hi, 0)} °C`,
      features: ['heat_x_unacclimatized'],
      recommendation: 'Phase new workers in (about 20% of a full heat exposure on day one) and watch them closely',
    });
  }

  // Wind against the equipment's limit.
  const wind = asNumber(env.wind_mph);
  const gust = asNumber(env.gust_mph);
  const peak = Math.max(wind ?? 0, gust ?? 0);
  const limit = asNumber(params.max_wind_mph) ?? asNumber(limits.max_wind_mph) ?? DEFAULT_WIND_LIMIT_MPH[kind];
  f.wind_limit_ratio = clamp(peak / limit, 0, 3);
  f.wind_over_limit = clamp((peak - limit) / 5, 0, 6);
  f.gustiness = gust !== undefined && wind !== undefined ? clamp((gust - wind) / 10, 0, 3) : 0;
  const hazardText = texts.hazards.join(' ');
  f.suspended_load = kind === 'crane_lift' || kind === 'steel_erection' || /suspended|overhead load/i.test(hazardText) ? 1 : 0;
  // A platform or a worker at an exposed height catches the wind as a suspended load does.
  const exposed = f.suspended_load || ['aerial_lift', 'scaffold_work', 'roofing_work', 'steel_erection'].includes(kind) ? 1 : 0;
  f.wind_x_exposure = f.wind_over_limit * exposed;
  const windDetail = [gust !== undefined ? `gusts ${round(gust, 0)} mph` : '', wind !== undefined ? `wind ${round(wind, 0)} mph` : '', `limit ${round(limit, 0)} mph`]
    .filter(Boolean)
    .join(', ');
  const equipmentName = kind === 'crane_lift' ? 'crane' : kind === 'aerial_lift' ? 'aerial lift' : 'work';
  if (f.wind_over_limit > 0) {
    add({
      id: 'wind_above_limit',
      factor: `wind above ${equipmentName} limit`,
      detail: windDetail,
      features: ['wind_over_limit', 'wind_limit_ratio', 'wind_x_exposure', 'gustiness'],
      recommendation: `Postpone until wind and gusts stay below ${round(limit, 0)} mph`,
    });
  } else if (f.wind_limit_ratio >= 0.8 && limit < 40) {
    add({
      id: 'wind_near_limit',
      factor: `wind near ${equipmentName} limit`,
      detail: windDetail,
      features: ['wind_limit_ratio', 'gustiness'],
      recommendation: 'Have the competent person watch the anemometer and stop at the limit',
    });
  }

  // Weather and light.
  const lightning = env.lightning === true || affirmed(texts.environment, LIGHTNING) !== undefined;
  flag('lightning_or_storm', lightning, () => ({
    id: 'lightning',
    factor: 'lightning or thunderstorm nearby',
    detail: texts.environment.join('; ').slice(0, 120) || 'lightning reported',
    features: ['lightning_or_storm'],
    recommendation: 'Stop exposed and elevated work; wait 30 minutes after the last thunder',
  }));
  const wet = affirmed([...texts.environment, ...texts.observations], WET) !== undefined || (temp !== undefined && temp <= 0);
  flag('wet_or_icy', wet, () => ({
    id: 'wet_or_icy',
    factor: 'wet or icy surfaces',
    detail: [texts.environment.join('; '), temp !== undefined ? `temperature ${round(temp)} °C` : ''].filter(Boolean).join('; ').slice(0, 120),
    features: ['wet_or_icy'],
    recommendation: 'Clear and treat walking surfaces; add traction and slow the work down',
  }));
  const hour = /T(\d{2}):/.exec(asString(state.timestamp) ?? '')?.[1];
  const nightByClock = hour !== undefined && (Number(hour) >= 20 || Number(hour) < 6);
  const night = nightByClock || /night|overnight|graveyard/i.test(asString(crew.shift) ?? '') || mentions([texts.task, texts.action, ...texts.environment], LOW_LIGHT);
  f.night_or_low_light = night ? 1 : 0;
  const heavy = HEAVY_KINDS.has(kind) || texts.equipment.some((e) => HEAVY_EQUIPMENT.test(e)) ? 1 : 0;
  f.night_x_heavy_equipment = f.night_or_low_light * heavy;
  if (night) {
    add({
      id: 'night_work',
      factor: 'night work or low light',
      detail: [nightByClock ? `starts ${hour}:00` : '', asString(crew.shift) ? `shift: ${asString(crew.shift)}` : '', heavy ? 'heavy equipment in use' : '']
        .filter(Boolean)
        .join(', ') || 'low light reported',
      features: ['night_or_low_light', 'night_x_heavy_equipment'],
      recommendation: 'Light the work area (at least 5 foot-candles, more at the task), add spotters and high-visibility gear',
    });
  }

  // Fatigue: injury hazard rises with long days (NIOSH 2004-143; Dembe et al. 2005).
  const hours = asNumber(crew.hours_on_site);
  f.hours_over_8 = hours !== undefined ? clamp((hours - 8) / 4, 0, 3) : 0;
  f.extended_shift = hours !== undefined && hours >= 12 ? 1 : 0;
  const fatigueText = affirmed(texts.observations, FATIGUE);
  const days = asNumber(crew.consecutive_days) ?? 0;
  f.fatigue_signs = Math.min(1, (fatigueText ? 1 : 0) + (days >= 10 ? 1 : days >= 7 ? 0.5 : 0));
  f.fatigue_x_hazard = f.hours_over_8 * f.kind_hazard_tier;
  if ((hours !== undefined && hours >= 10) || f.fatigue_signs > 0) {
    const parts = [hours !== undefined ? `${round(hours)} h on site` : '', days >= 7 ? `${days} consecutive days` : '', fatigueText ? `observed: "${fatigueText.slice(0, 80)}"` : ''];
    add({
      id: 'fatigue',
      factor: 'crew fatigue',
      detail: parts.filter(Boolean).join(', '),
      features: ['hours_over_8', 'extended_shift', 'fatigue_signs', 'fatigue_x_hazard'],
      recommendation: 'Bring in a rested crew or move the task to the next shift',
    });
  }

  // Training and certification.
  const size = asNumber(crew.size);
  const untrainedText = affirmed([...texts.observations, texts.task, texts.action], UNTRAINED);
  const untrainedParts = [
    newWorkers > 0 ? `${newWorkers} new worker(s)${size ? ` of ${size}` : ''}` : '',
    crew.training_complete === false ? 'training not complete' : '',
    crew.operator_certified === false ? 'operator not certified' : '',
    untrainedText ? `observed: "${untrainedText.slice(0, 80)}"` : '',
  ].filter(Boolean);
  f.untrained_crew = Math.min(
    1,
    (size && size > 0 ? (2 * newWorkers) / size : newWorkers > 0 ? 1 : 0) +
      (crew.training_complete === false ? 1 : 0) +
      (crew.operator_certified === false ? 1 : 0) +
      (untrainedText ? 1 : 0),
  );
  f.untrained_x_hazard = f.untrained_crew * f.kind_hazard_tier;
  if (f.untrained_crew > 0) {
    add({
      id: 'untrained_crew',
      factor: crew.operator_certified === false ? 'uncertified operator' : 'new or untrained workers',
      detail: untrainedParts.join(', '),
      features: ['untrained_crew', 'untrained_x_hazard'],
      recommendation: 'Pair new workers with experienced ones and use only certified operators and qualified riggers',
    });
  }

  // Briefings, shortcuts and pressure.
  const briefing = firstStatus(compliance.pre_task_briefing, compliance.briefing, compliance.toolbox_talk, compliance.jha, compliance.pre_lift_meeting);
  f.briefing_not_done = briefing === 'not_done' ? 1 : 0;
  f.briefing_done = briefing === 'done' ? 1 : 0;
  if (briefing === 'not_done') {
    add({
      id: 'briefing_not_done',
      factor: 'pre-task briefing not done',
      detail: `pre-task briefing: ${String(compliance.pre_task_briefing ?? compliance.briefing ?? compliance.toolbox_talk ?? compliance.jha ?? compliance.pre_lift_meeting)}`,
      features: ['briefing_not_done'],
      recommendation: 'Hold the pre-task briefing (hazards, controls, stop-work authority) before starting',
    });
  }
  const actionText = texts.action;
  const skips = [...actionText.matchAll(SKIP)].map((m) => m[0]);
  f.skips_safety_step = skips.length > 0 ? 1 : 0;
  const hazards = texts.hazards.length;
  f.hazard_count = Math.min(hazards, 6) / 3;
  f.skip_x_hazard = f.skips_safety_step * (1 + f.hazard_count);
  if (skips.length > 0) {
    add({
      id: 'safety_step_skipped',
      factor: 'action skips a safety step',
      detail: `"${skips.join('", "').slice(0, 120)}" in the proposed action`,
      features: ['skips_safety_step', 'skip_x_hazard'],
      recommendation: 'Do not skip the step; build the time for it into the schedule',
    });
  }
  const pressure = PRESSURE.exec(actionText)?.[0] ?? affirmed(texts.observations, PRESSURE);
  flag('schedule_pressure', pressure, (said) => ({
    id: 'schedule_pressure',
    factor: 'schedule pressure',
    detail: `"${said.slice(0, 80)}"`,
    features: ['schedule_pressure'],
    recommendation: 'Re-plan the schedule rather than compress the safety steps',
  }));
  const mitigations = new Set([...actionText.replace(SKIP, ' ').matchAll(MITIGATION)].map((m) => m[0].toLowerCase()));
  const structured = [params.spotter, params.signal_person, params.tag_lines, params.fire_watch].filter((v) => statusOf(v) === 'done').length;
  f.mitigating_action = Math.min(1, (mitigations.size + structured) / 2);

  // Falls.
  const heightText = HEIGHT_TEXT.exec(`${texts.action}. ${texts.task}`);
  const heightFromText = heightText
    ? (() => {
        const value = Number(heightText[1] ?? heightText[4]);
        const unit = (heightText[2] ?? heightText[5] ?? 'ft').toLowerCase();
        return unit.startsWith('m') ? value * 3.281 : value;
      })()
    : undefined;
  const height = asNumber(params.height_ft) ?? heightFromText;
  f.height_scaled = height !== undefined ? clamp(height, 0, 60) / 20 : 0;
  const trigger = FALL_TRIGGER_FT[kind] ?? DEFAULT_FALL_TRIGGER_FT;
  const fallStatus = firstStatus(params.fall_protection, compliance.fall_protection);
  const fallSaid = FALL_MISSING.exec(actionText)?.[0];
  const fallText = fallSaid ?? affirmed(texts.observations, FALL_MISSING);
  const atHeight = height === undefined ? fallText !== undefined || kind === 'aerial_lift' : height >= trigger;
  const fallMissing = atHeight && controlMissing(fallSaid, FALL_IN_PLACE.test(actionText), fallStatus, fallText);
  flag('fall_protection_missing', fallMissing, () => ({
    id: 'fall_protection_missing',
    factor: 'work at height without fall protection',
    detail: [height !== undefined ? `${round(height, 0)} ft` : 'height not given', `fall protection: ${fallText ? `"${fallText}"` : String(params.fall_protection ?? compliance.fall_protection)}`, `required from ${trigger} ft`].join(', '),
    features: ['fall_protection_missing', 'height_scaled'],
    recommendation: 'Install guardrails or have every worker tied off to a rated anchor before work at height',
  }));

  // Trenches: protective system from 5 ft, 1926.652(a)(1).
  const depth = asNumber(params.depth_ft) ?? numberIn(DEPTH_TEXT, `${texts.action}. ${texts.task}`);
  const trenchWork = kind === 'trenching' || kind === 'excavation' || depth !== undefined;
  const protection = asString(params.protective_system) ?? asString(compliance.protective_system) ?? asString(compliance.trench_protection);
  const protectionStatus = protection === undefined ? 'unknown' : /^(none|no|false|missing|not[ _-]?installed)$/i.test(protection.trim()) ? 'not_done' : 'done';
  const trenchSaid = TRENCH_UNPROTECTED.exec(actionText)?.[0];
  const trenchText = trenchSaid ?? affirmed(texts.observations, TRENCH_UNPROTECTED);
  const stableRock = /stable[ _-]?rock/i.test(asString(params.soil_type) ?? '');
  f.trench_depth_scaled = trenchWork && depth !== undefined ? clamp(depth, 0, 20) / 10 : 0;
  const deepEnough = depth === undefined ? trenchText !== undefined : depth >= 5;
  const unprotected = trenchWork && deepEnough && !stableRock && controlMissing(trenchSaid, TRENCH_IN_PLACE.test(actionText), protectionStatus, trenchText);
  f.trench_unprotected = unprotected ? clamp((depth ?? 5) / 5, 1, 4) : 0;
  if (unprotected) {
    add({
      id: 'trench_unprotected',
      factor: 'trench without protective system',
      detail: `${depth !== undefined ? `depth ${round(depth)} ft` : 'depth not given'}, protective system: ${protection ?? (trenchText ? `"${trenchText}"` : 'none')}; required from 5 ft`,
      features: ['trench_unprotected', 'trench_depth_scaled'],
      recommendation: 'Keep everyone out until a trench box, shoring or sloping is in place and a competent person has inspected it',
    });
  }

  // Overhead power lines.
  const distance = asNumber(params.power_line_distance_ft) ?? numberIn(POWER_LINE_TEXT, [texts.action, texts.task, ...texts.observations].join('. '));
  const kv = asNumber(params.line_voltage_kv);
  const deenergized = params.lines_deenergized === true || /de-?energi[sz]ed and grounded/i.test(actionText);
  if (distance !== undefined && !deenergized) {
    const required = requiredClearanceFt(kind, kv);
    f.power_line_clearance_deficit = clamp((required - distance) / required, 0, 1);
    if (f.power_line_clearance_deficit > 0) {
      add({
        id: 'power_line_clearance',
        factor: 'inside power-line clearance',
        detail: `${round(distance)} ft from the line${kv !== undefined ? ` (${round(kv)} kV)` : ''}; minimum ${round(required)} ft`,
        features: ['power_line_clearance_deficit'],
        recommendation: 'Have the utility de-energise and ground the line, or keep all equipment outside the clearance with a dedicated spotter',
      });
    }
  }

  // Hazardous energy: 1926.417, 29 CFR 1910.147.
  const lotoWork = kind === 'equipment_maintenance' || kind === 'electrical_work' || LOTO_WORK.test(actionText);
  const lotoStatus = firstStatus(params.lockout_tagout, compliance.lockout_tagout, compliance.loto);
  const lotoText = LOTO_MISSING.exec(actionText)?.[0];
  const lotoMissing = lotoWork && controlMissing(lotoText, LOTO_IN_PLACE.test(actionText), lotoStatus, undefined);
  flag('lockout_missing', lotoMissing, () => ({
    id: 'lockout_missing',
    factor: 'no lockout/tagout',
    detail: `lockout/tagout: ${lotoText ? `"${lotoText}"` : String(params.lockout_tagout ?? compliance.lockout_tagout ?? compliance.loto)}`,
    features: ['lockout_missing'],
    recommendation: 'Isolate, lock and tag every energy source and verify zero energy before anyone works on it',
  }));

  // Load against rated capacity.
  const rated = asNumber(params.rated_capacity_lbs) ?? asNumber(limits.rated_capacity_lbs);
  const loadLbs = asNumber(params.load_lbs);
  const loadPct = asNumber(params.load_pct_capacity) ?? (loadLbs !== undefined && rated !== undefined ? (100 * loadLbs) / rated : undefined);
  if (loadPct !== undefined) {
    f.load_near_capacity = clamp((loadPct - 75) / 25, 0, 3);
    if (f.load_near_capacity > 0) {
      add({
        id: 'load_near_capacity',
        factor: 'load near rated capacity',
        detail: `${round(loadPct, 0)}% of rated capacity`,
        features: ['load_near_capacity'],
        recommendation: 'Treat it as a critical lift: written lift plan, verified weights, or a larger crane',
      });
    }
  }

  // Equipment condition, fire, history.
  const defectText = affirmed(texts.observations, DEFECT);
  const groundText = affirmed(texts.observations, UNSTABLE_GROUND);
  const inspection = firstStatus(compliance.equipment_inspection, compliance.inspection, compliance.crane_inspection, compliance.scaffold_inspection, compliance.trench_inspection);
  f.defect_or_unstable_ground = defectText || groundText || inspection === 'not_done' ? 1 : 0;
  if (groundText) {
    add({
      id: 'unstable_ground',
      factor: 'signs of unstable ground',
      detail: `observed: "${groundText.slice(0, 100)}"`,
      features: ['defect_or_unstable_ground'],
      recommendation: 'Get everyone out of the excavation until a competent person has re-inspected it',
    });
  }
  if (defectText || inspection === 'not_done') {
    add({
      id: 'equipment_defect',
      factor: 'equipment defect or inspection not done',
      detail: defectText ? `observed: "${defectText.slice(0, 100)}"` : 'inspection not done',
      features: ['defect_or_unstable_ground'],
      recommendation: 'Tag the equipment out of service until a competent person has inspected it',
    });
  }
  const hotWork = kind === 'hot_work' || HOT_WORK_TEXT.test(actionText);
  if (hotWork) {
    const noWatch = firstStatus(params.fire_watch, compliance.fire_watch) === 'not_done' || /without (a )?fire watch|no fire watch/i.test(actionText);
    const noPermit = firstStatus(params.hot_work_permit, compliance.hot_work_permit) === 'not_done';
    const combustibles = affirmed([...texts.observations, texts.task, texts.action], COMBUSTIBLES) !== undefined;
    f.hot_work_fire_risk = 0.5 * (Number(noWatch) + Number(noPermit) + Number(combustibles));
    if (f.hot_work_fire_risk > 0) {
      add({
        id: 'hot_work_fire',
        factor: 'hot work without fire precautions',
        detail: [noWatch ? 'no fire watch' : '', noPermit ? 'no hot work permit' : '', combustibles ? 'combustibles nearby' : ''].filter(Boolean).join(', '),
        features: ['hot_work_fire_risk'],
        recommendation: 'Clear combustibles within 35 ft, issue a hot work permit and post a fire watch with an extinguisher',
      });
    }
  }
  const nearMissText = affirmed(texts.observations, NEAR_MISS);
  flag('recent_near_miss', nearMissText, (seen) => ({
    id: 'recent_near_miss',
    factor: 'recent near miss on this task',
    detail: `observed: "${seen.slice(0, 100)}"`,
    features: ['recent_near_miss'],
    recommendation: 'Review the near miss with the crew and fix its cause before continuing',
  }));

  // Stopping the work takes the crew out of the task's hazards: the conditions stay (and are still
  // named as factors), but nothing the task itself would expose people to applies.
  if (postpones) for (const name of TASK_FEATURES) f[name] = 0;

  return {
    values: featureNames.map((n) => (Number.isFinite(f[n]) ? f[n] : 0)),
    factors,
    text: [texts.task, asString(action.description) ?? '', ...texts.observations, ...texts.hazards].filter(Boolean).join(' | '),
  };
}

/** Feature values by name, for the generator's risk model and for tests. */
export function featureVector(values: readonly number[]): FeatureVector {
  return Object.fromEntries(featureNames.map((n, i) => [n, values[i] ?? 0])) as FeatureVector;
}
