import { factAt, type Reading } from '../reading/reading.js';
import type { ActiveFactor, Features } from '../types.js';

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

/** The crew's exposure to the task itself: all zero when the action stands the work down. */
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
 * The numeric view of a reading that the embedded world model learns from; `values` is aligned with
 * it. Every value is computed from `reading.facts` and `reading.action` only. An unknown fact gives the
 * neutral value (0): the model is not told "no wind" when the wind is unknown, and the rules'
 * `missing_information` carries the risk of not knowing.
 */
export const featureNames = [...SITE_FEATURES, ...TASK_FEATURES] as const;
export type FeatureName = (typeof featureNames)[number];

/** How much a kind of work can hurt people when something goes wrong (fatal-four exposure). */
const KIND_HAZARD_TIER: Record<string, number> = {
  crane_lift: 1, steel_erection: 1, demolition: 0.9, trenching: 0.9, confined_space: 0.9, excavation: 0.8, electrical_work: 0.8, roofing_work: 0.8,
  equipment_maintenance: 0.7, aerial_lift: 0.7, scaffold_work: 0.7, hot_work: 0.6, concrete_pour: 0.5, ladder: 0.5, general_work: 0.3, stop_work: 0,
};

/** Physical exertion of the work, which multiplies heat strain (NIOSH 2016-106, metabolic heat). */
const KIND_EXERTION: Record<string, number> = {
  concrete_pour: 1, roofing_work: 1, demolition: 1, trenching: 0.8, steel_erection: 0.8, scaffold_work: 0.7, general_work: 0.6, excavation: 0.5,
  hot_work: 0.6, confined_space: 0.7, equipment_maintenance: 0.5, electrical_work: 0.4, aerial_lift: 0.4, crane_lift: 0.4, ladder: 0.5, stop_work: 0,
};

/**
 * Wind limits when the equipment gives none: 20 mph for crane lifts (1926.1431(k)(8) for personnel and
 * a common manufacturer limit), 28 mph (12.5 m/s) for outdoor MEWPs (ANSI/SAIA A92.20), and OSHA's
 * "high wind" (30 mph where material is handled at an exposed height, 40 mph otherwise).
 */
const DEFAULT_WIND_LIMIT_MPH: Record<string, number> = {
  crane_lift: 20, aerial_lift: 28, steel_erection: 30, roofing_work: 30, scaffold_work: 30,
};
const DEFAULT_WIND_LIMIT_OTHER = 40;

/** Height at which fall protection is required: 1926.501(b)(1), 1926.451(g)(1), 1926.760(a)(1), 1926.453(b)(2)(v). */
const FALL_TRIGGER_FT: Record<string, number> = { scaffold_work: 10, steel_erection: 15, aerial_lift: 0 };
const DEFAULT_FALL_TRIGGER_FT = 6;
const HEAVY_KINDS = new Set(['crane_lift', 'excavation', 'trenching', 'demolition', 'steel_erection', 'concrete_pour']);
const EXPOSED_KINDS = new Set(['aerial_lift', 'scaffold_work', 'roofing_work', 'steel_erection']);

const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));
const round = (x: number, digits = 1): string => String(Math.round(x * 10 ** digits) / 10 ** digits);
const cToF = (c: number): number => (c * 9) / 5 + 32;

/** Minimum clearance: 1926.1408 Table A for cranes (20 ft while the voltage is unknown); 1926.600(a)(6) otherwise. */
export function requiredClearanceFt(kind: string, kv: number | undefined): number {
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

/** NWS heat index bands, in °C: caution 26.7, extreme caution 32.2, danger 39.4, extreme danger 51.7. */
export function heatBand(hiC: number): string | undefined {
  if (hiC >= 51.7) return 'NWS extreme danger';
  if (hiC >= 39.4) return 'NWS danger';
  if (hiC >= 32.2) return 'NWS extreme caution';
  if (hiC >= 26.7) return 'NWS caution';
  return undefined;
}

/** Typed access to the reading's facts; unknown stays undefined. */
export function factsOf(reading: Reading) {
  const at = (name: string) => factAt(reading.facts, name);
  return {
    num: (name: string): number | undefined => {
      const v = at(name);
      return typeof v === 'number' ? v : undefined;
    },
    bool: (name: string): boolean | undefined => {
      const v = at(name);
      return typeof v === 'boolean' ? v : undefined;
    },
    str: (name: string): string | undefined => {
      const v = at(name);
      return typeof v === 'string' ? v : undefined;
    },
    list: (name: string): string[] => {
      const v = at(name);
      return Array.isArray(v) ? v : [];
    },
  };
}

/** Turns a reading into the model's features and the named risk factors behind them; never throws. */
export function featurize(reading: Reading): Features {
  const F = factsOf(reading);
  const f = Object.fromEntries(featureNames.map((n) => [n, 0])) as Record<FeatureName, number>;
  const factors: ActiveFactor[] = [];
  const add = (factor: ActiveFactor) => void factors.push(factor);
  const standsDown = reading.action.effect === 'stands_down';
  const kind = F.str('task.kind') ?? 'general_work';
  const tier = KIND_HAZARD_TIER[kind] ?? 0.3;

  f.kind_hazard_tier = tier;
  f.postpones_work = standsDown ? 1 : 0;

  // Heat. Without humidity, the air temperature stands in for the index (it is the index at about 40% RH).
  const hi = F.num('heat.index_c') ?? F.num('heat.temperature_c');
  if (hi !== undefined) {
    f.heat_index_excess = clamp((hi - 26.7) / 5, 0, 6);
    f.heat_danger_band = hi >= 39.4 ? 1 : 0;
  }
  f.heat_symptoms = F.bool('heat.symptoms') ? 1 : 0;
  f.heat_controls_missing = F.bool('heat.controls') === false ? 1 : 0;
  f.heat_controls_confirmed = F.bool('heat.controls') === true ? 1 : 0;
  const unacclimatized = F.bool('heat.acclimatized') === false || (F.num('crew.new_workers') ?? 0) > 0 ? 1 : 0;
  f.heat_x_exertion = f.heat_index_excess * (KIND_EXERTION[kind] ?? 0.6);
  f.heat_x_symptoms = f.heat_index_excess * f.heat_symptoms;
  f.heat_x_no_controls = f.heat_index_excess * f.heat_controls_missing;
  f.heat_x_unacclimatized = f.heat_index_excess * unacclimatized;
  if (hi !== undefined && hi >= 32.2) {
    add({
      id: 'heat_stress',
      factor: 'heat stress',
      detail: `heat index ${round(hi, 0)} °C (${round(cToF(hi), 0)} °F), ${heatBand(hi)}`,
      features: ['heat_index_excess', 'heat_danger_band', 'heat_x_exertion'],
      recommendation: 'Water, rest and shade: cool water at hand, scheduled breaks in shade, heavy work moved to the cooler hours',
    });
  }
  if (f.heat_symptoms) {
    add({
      id: 'heat_symptoms',
      factor: 'worker with heat-illness symptoms',
      detail: `observed: ${F.list('heat.symptom_words').join(', ') || 'signs of heat illness'}`,
      features: ['heat_symptoms', 'heat_x_symptoms'],
      recommendation: 'Take the worker out of the heat, cool and watch them, and keep them off the task today',
    });
  }
  if (f.heat_controls_missing && hi !== undefined && hi >= 26.7) {
    add({ id: 'heat_controls_missing', factor: 'no water, rest or shade', detail: 'water, rest and shade not all in place', features: ['heat_controls_missing', 'heat_x_no_controls'], recommendation: 'Set up shade and cool water at the work area before work continues' });
  }

  // Wind against the equipment's limit; unknown wind is neutral here and asked for by the rules.
  const peak = F.num('wind.peak_mph');
  const limit = F.num('wind.limit_mph') ?? DEFAULT_WIND_LIMIT_MPH[kind] ?? DEFAULT_WIND_LIMIT_OTHER;
  if (peak !== undefined) {
    f.wind_limit_ratio = clamp(peak / limit, 0, 3);
    f.wind_over_limit = clamp((peak - limit) / 5, 0, 6);
  }
  const speed = F.num('wind.speed_mph');
  const gust = F.num('wind.gust_mph');
  if (speed !== undefined && gust !== undefined) f.gustiness = clamp((gust - speed) / 10, 0, 3);
  f.suspended_load = kind === 'crane_lift' || kind === 'steel_erection' || F.bool('site.suspended_load') ? 1 : 0;
  f.wind_x_exposure = f.wind_over_limit * (f.suspended_load || EXPOSED_KINDS.has(kind) ? 1 : 0);
  if (f.wind_over_limit > 0) {
    add({
      id: 'wind_above_limit',
      factor: `wind above ${kind === 'crane_lift' ? 'crane' : kind === 'aerial_lift' ? 'aerial lift' : 'work'} limit`,
      detail: [gust !== undefined ? `gusts ${round(gust, 0)} mph` : '', speed !== undefined ? `wind ${round(speed, 0)} mph` : '', `limit ${round(limit, 0)} mph`].filter(Boolean).join(', '),
      features: ['wind_over_limit', 'wind_limit_ratio', 'wind_x_exposure', 'gustiness'],
      recommendation: `Postpone until wind and gusts stay below ${round(limit, 0)} mph`,
    });
  }

  // Weather, light, fatigue, training.
  const lightningMiles = F.num('weather.lightning_miles');
  f.lightning_or_storm = F.bool('weather.lightning') && !(lightningMiles !== undefined && lightningMiles > 10) ? 1 : 0;
  if (f.lightning_or_storm) add({ id: 'lightning', factor: 'lightning or thunderstorm nearby', detail: lightningMiles !== undefined ? `lightning ${round(lightningMiles)} miles away` : 'lightning reported', features: ['lightning_or_storm'], recommendation: 'Stop exposed and elevated work; wait 30 minutes after the last thunder' });
  const temp = F.num('heat.temperature_c');
  f.wet_or_icy = F.bool('weather.wet') || F.bool('weather.rain') || (temp !== undefined && temp <= 0) ? 1 : 0;
  f.night_or_low_light = F.bool('crew.night') || F.bool('site.low_light') ? 1 : 0;
  f.night_x_heavy_equipment = f.night_or_low_light * (HEAVY_KINDS.has(kind) || F.bool('site.heavy_equipment') ? 1 : 0);
  const hours = F.num('crew.hours_on_site');
  if (hours !== undefined) {
    f.hours_over_8 = clamp((hours - 8) / 4, 0, 3);
    f.extended_shift = hours >= 12 ? 1 : 0;
  }
  const days = F.num('crew.consecutive_days') ?? 0;
  f.fatigue_signs = Math.min(1, (F.bool('crew.fatigued') ? 1 : 0) + (days >= 10 ? 1 : days >= 7 ? 0.5 : 0));
  f.fatigue_x_hazard = f.hours_over_8 * tier;
  if ((hours !== undefined && hours >= 10) || f.fatigue_signs > 0) {
    add({ id: 'fatigue', factor: 'crew fatigue', detail: [hours !== undefined ? `${round(hours)} h on site` : '', days >= 7 ? `${days} consecutive days` : '', F.bool('crew.fatigued') ? 'signs of fatigue observed' : ''].filter(Boolean).join(', '), features: ['hours_over_8', 'extended_shift', 'fatigue_signs', 'fatigue_x_hazard'], recommendation: 'Bring in a rested crew or move the task to the next shift' });
  }
  const size = F.num('crew.size');
  const newWorkers = F.num('crew.new_workers') ?? 0;
  f.untrained_crew = Math.min(1, (size && size > 0 ? (2 * newWorkers) / size : newWorkers > 0 ? 1 : 0) + (F.bool('crew.untrained') ? 1 : 0) + (F.bool('crew.operator_certified') === false ? 1 : 0));
  f.untrained_x_hazard = f.untrained_crew * tier;
  if (f.untrained_crew > 0) add({ id: 'untrained_crew', factor: F.bool('crew.operator_certified') === false ? 'uncertified operator' : 'new or untrained workers', detail: newWorkers > 0 ? `${newWorkers} new worker(s)` : 'training not complete', features: ['untrained_crew', 'untrained_x_hazard'], recommendation: 'Pair new workers with experienced ones and use only certified operators and qualified riggers' });

  // Briefings, shortcuts, pressure, history.
  // The briefing features read the record; an action that skips the briefing is the skip feature's.
  const briefing = F.bool('crew.briefing_recorded') ?? F.bool('crew.briefed');
  f.briefing_not_done = briefing === false ? 1 : 0;
  f.briefing_done = briefing === true ? 1 : 0;
  if (f.briefing_not_done) add({ id: 'briefing_not_done', factor: 'pre-task briefing not done', detail: 'pre-task briefing not done', features: ['briefing_not_done'], recommendation: 'Hold the pre-task briefing (hazards, controls, stop-work authority) before starting' });
  const removed = F.list('safeguards.removed');
  f.skips_safety_step = removed.length > 0 ? 1 : 0;
  f.hazard_count = Math.min(F.num('site.hazard_count') ?? 0, 6) / 3;
  f.skip_x_hazard = f.skips_safety_step * (1 + f.hazard_count);
  if (removed.length > 0) add({ id: 'safety_step_skipped', factor: 'action skips a safety step', detail: `the action removes or skips: ${removed.join(', ')}`, features: ['skips_safety_step', 'skip_x_hazard'], recommendation: 'Do not skip the step; build the time for it into the schedule' });
  f.schedule_pressure = F.bool('site.schedule_pressure') ? 1 : 0;
  f.mitigating_action = Math.min(1, (F.num('plan.mitigations') ?? 0) / 2);
  f.recent_near_miss = F.bool('site.near_miss') ? 1 : 0;
  const defect = F.bool('equipment.defect') || F.bool('scaffold.tagged_out') || F.bool('equipment.inspected') === false || F.bool('scaffold.inspected') === false || F.bool('trench.inspected') === false;
  const ground = F.bool('trench.cave_in_signs') === true;
  f.defect_or_unstable_ground = defect || ground ? 1 : 0;
  if (defect) add({ id: 'equipment_defect', factor: 'equipment defect or inspection not done', detail: 'defect, red tag or missed inspection', features: ['defect_or_unstable_ground'], recommendation: 'Tag the equipment out of service until a competent person has inspected it' });
  if (ground) add({ id: 'unstable_ground', factor: 'signs of unstable ground', detail: 'cracks, sloughing or water at the excavation', features: ['defect_or_unstable_ground'], recommendation: 'Get everyone out of the excavation until a competent person has re-inspected it' });

  // Falls.
  const height = F.num('fall.height_ft');
  if (height !== undefined) f.height_scaled = clamp(height, 0, 60) / 20;
  const trigger = FALL_TRIGGER_FT[kind] ?? DEFAULT_FALL_TRIGGER_FT;
  if (F.bool('fall.at_height') && F.bool('fall.protected') === false && !(height !== undefined && height < trigger)) {
    f.fall_protection_missing = 1;
    add({ id: 'fall_protection_missing', factor: 'work at height without fall protection', detail: `${height !== undefined ? `${round(height, 0)} ft` : 'height not given'}, required from ${trigger} ft`, features: ['fall_protection_missing', 'height_scaled'], recommendation: 'Install guardrails or have every worker tied off to a rated anchor before work at height' });
  }

  // Excavations.
  const depth = F.num('trench.depth_ft');
  if (F.bool('trench.present')) {
    if (depth !== undefined) f.trench_depth_scaled = clamp(depth, 0, 20) / 10;
    if (F.bool('trench.protected') === false && !(depth !== undefined && depth < 5) && !F.bool('trench.stable_rock')) {
      f.trench_unprotected = clamp((depth ?? 5) / 5, 1, 4);
      add({ id: 'trench_unprotected', factor: 'trench without protective system', detail: `${depth !== undefined ? `depth ${round(depth)} ft` : 'depth not given'}; required from 5 ft`, features: ['trench_unprotected', 'trench_depth_scaled'], recommendation: 'Keep everyone out until a trench box, shoring or sloping is in place and a competent person has inspected it' });
    }
  }

  // Power lines.
  const distance = F.num('power_line.distance_ft');
  const kv = F.num('power_line.voltage_kv');
  if (distance !== undefined && !F.bool('power_line.deenergized')) {
    const required = requiredClearanceFt(kind, kv);
    f.power_line_clearance_deficit = clamp((required - distance) / required, 0, 1);
    if (f.power_line_clearance_deficit > 0) add({ id: 'power_line_clearance', factor: 'inside power-line clearance', detail: `${round(distance)} ft from the line${kv !== undefined ? ` (${round(kv)} kV)` : ''}; minimum ${round(required)} ft`, features: ['power_line_clearance_deficit'], recommendation: 'Have the utility de-energise and ground the line, or keep all equipment outside the clearance with a dedicated spotter' });
  }

  // Hazardous energy, load, fire.
  if (F.bool('loto.required') && (F.bool('loto.applied') === false || F.bool('loto.live_work'))) {
    f.lockout_missing = 1;
    add({ id: 'lockout_missing', factor: 'no lockout/tagout', detail: F.bool('loto.live_work') ? 'work on energised parts' : 'energy sources not locked and tagged out', features: ['lockout_missing'], recommendation: 'Isolate, lock and tag every energy source and verify zero energy before anyone works on it' });
  }
  const loadPct = F.num('crane.load_pct');
  if (loadPct !== undefined) {
    f.load_near_capacity = clamp((loadPct - 75) / 25, 0, 3);
    if (f.load_near_capacity > 0) add({ id: 'load_near_capacity', factor: 'load near rated capacity', detail: `${round(loadPct, 0)}% of rated capacity`, features: ['load_near_capacity'], recommendation: 'Treat it as a critical lift: written lift plan, verified weights, or a larger crane' });
  }
  if (F.bool('hot_work.present')) {
    const parts = [F.bool('hot_work.fire_watch') === false ? 'no fire watch' : '', F.bool('hot_work.permit') === false ? 'no hot work permit' : '', F.bool('hot_work.combustibles_near') ? 'combustibles nearby' : ''].filter(Boolean);
    f.hot_work_fire_risk = 0.5 * parts.length;
    if (parts.length > 0) add({ id: 'hot_work_fire', factor: 'hot work without fire precautions', detail: parts.join(', '), features: ['hot_work_fire_risk'], recommendation: 'Clear combustibles within 35 ft, issue a hot work permit and post a fire watch with an extinguisher' });
  }
  if (f.recent_near_miss) add({ id: 'recent_near_miss', factor: 'recent near miss on this task', detail: 'a near miss was reported', features: ['recent_near_miss'], recommendation: 'Review the near miss with the crew and fix its cause before continuing' });
  if (f.night_or_low_light) add({ id: 'night_work', factor: 'night work or low light', detail: f.night_x_heavy_equipment ? 'heavy equipment in use' : 'low light reported', features: ['night_or_low_light', 'night_x_heavy_equipment'], recommendation: 'Light the work area, add spotters and high-visibility gear' });
  if (f.schedule_pressure) add({ id: 'schedule_pressure', factor: 'schedule pressure', detail: 'hurry or deadline named', features: ['schedule_pressure'], recommendation: 'Re-plan the schedule rather than compress the safety steps' });

  // Standing the work down takes the crew out of the task's hazards; the conditions stay named.
  if (standsDown) for (const name of TASK_FEATURES) f[name] = 0;
  return { values: featureNames.map((n) => (Number.isFinite(f[n]) ? f[n] : 0)), factors, text: reading.text };
}
