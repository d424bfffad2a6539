import { z } from 'zod';
import { isoTime, MEASUREMENT_TEXT, textItems, toolArguments } from '../reading/record-shapes.js';

/**
 * Kinds of work the pack knows. Unknown kinds are accepted (agents invent their own) and are
 * featurised as `general_work`; a missing kind is inferred from the action's description.
 */
export const ACTION_KINDS = [
  'crane_lift',
  'concrete_pour',
  'excavation',
  'trenching',
  'roofing_work',
  'aerial_lift',
  'scaffold_work',
  'steel_erection',
  'hot_work',
  'electrical_work',
  'equipment_maintenance',
  'demolition',
  'general_work',
  /** Postpone, pause or stop the task: no work is done. */
  'stop_work',
] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];

const Finite = z.number().finite();
const NonNegative = Finite.min(0);
/**
 * A list of texts; a bare number in it ("4,000 gal water truck" split by a YAML flow list) is kept as its text,
 * one text is a list of one, and a record in it is its fields as one text (record-shapes.ts).
 */
const Texts = z.preprocess(textItems, z.array(z.union([z.string(), Finite.transform((n) => String(n))])));
/**
 * A compliance item is a status word ("completed", "pending", "skipped"), a yes/no, a count, or a record of
 * its own (a pre-pour checklist, a job hazard analysis with its items): the normaliser reads each shape.
 */
const ComplianceValue = z.union([z.string(), z.boolean(), Finite, z.null(), Texts, z.record(z.string(), z.unknown())]);

/** An ISO 8601 date-time, or Unix seconds or milliseconds as a number. */
const Timestamp = z.preprocess(
  isoTime,
  z.string().refine((s) => !Number.isNaN(Date.parse(s)), 'an ISO 8601 date-time such as 2024-07-15T14:30:00, or Unix seconds'),
);

/**
 * A number in range, or a measurement as text with its unit ("40 km/h" in `wind_mph` is read as 24.9 mph).
 * Written bare or in the field's own unit (`own`), the number must pass the field's range as a number would;
 * in another unit, a field that cannot be negative still refuses a minus sign.
 */
const measured = (number: z.ZodNumber, own: RegExp) =>
  z.union([
    number,
    z
      .string()
      .max(40)
      .regex(MEASUREMENT_TEXT, 'a number, or a number with its unit, e.g. "25 mph"')
      .refine((text) => {
        const m = /^\s*([-+]?[\d.]+)(.*)$/.exec(text);
        if (!m) return true; // not a measurement: the pattern above refuses it
        const [, written, rest] = m;
        const value = Number(written);
        const unit = rest.trim().toLowerCase();
        return unit === '' || own.test(unit) ? number.safeParse(value).success : value >= 0 || (number.minValue ?? -Infinity) < 0;
      }, 'outside the range the field takes'),
  ]);
const CELSIUS = /^(°\s*)?c$|^(deg(rees)?\s*)?c(elsius)?$/;
const PERCENT = /^(%|pct|percent)$/;
const MPH = /^(mph|mi\/h|miles per hour)$/;

export const EnvironmentalConditionsSchema = z
  .object({
    temperature_c: measured(Finite.min(-60).max(65), CELSIUS).optional(),
    humidity_pct: measured(Finite.min(0).max(100), PERCENT).optional(),
    /** When absent it is computed from temperature and humidity (NWS heat index). */
    heat_index_c: measured(Finite.min(-60).max(80), CELSIUS).optional(),
    wind_mph: measured(NonNegative.max(200), MPH).optional(),
    gust_mph: measured(NonNegative.max(250), MPH).optional(),
    /** Free text such as "clear", "light rain", "thunderstorms 10 miles west". */
    weather: z.string().optional(),
    visibility: z.string().optional(),
    precipitation: z.string().optional(),
    lightning: z.boolean().optional(),
  })
  .loose();

export const CrewStatusSchema = z
  .object({
    size: measured(z.number().int().min(0).max(1000), /^(workers?|people|persons?|crew|staff)$/).optional(),
    hours_on_site: measured(NonNegative.max(48), /^(h|hrs?|hours?)$/).optional(),
    /** "day", "night", "swing". */
    shift: z.string().optional(),
    consecutive_days: z.number().int().min(0).max(60).optional(),
    heat_trained: z.boolean().optional(),
    heat_acclimatized: z.boolean().optional(),
    /** Workers in their first weeks on this site or trade. */
    new_workers: z.number().int().min(0).max(1000).optional(),
    training_complete: z.boolean().optional(),
    operator_certified: z.boolean().optional(),
    certifications: Texts.optional(),
    observations: Texts.optional(),
    morning_observations: Texts.optional(),
  })
  .loose();

export const EquipmentLimitsSchema = z
  .object({
    /** The manufacturer's or lift plan's wind limit for the equipment in use. */
    max_wind_mph: Finite.positive().max(100).optional(),
    rated_capacity_lbs: Finite.positive().optional(),
  })
  .loose();

export const ConstructionStateSchema = z
  .object({
    site_id: z.string().min(1),
    timestamp: Timestamp.optional(),
    task_description: z.string().min(1),
    // Either may be left out (indoor work, a record that has none) or sent as null: every fact in it is then
    // unknown, and an action that rests on one (a lift and its wind) asks for it instead of assuming calm.
    environmental_conditions: EnvironmentalConditionsSchema.nullish().transform((v) => v ?? {}),
    crew_status: CrewStatusSchema.nullish().transform((v) => v ?? {}),
    equipment_in_use: Texts.default([]),
    active_hazards: Texts.default([]),
    recent_observations: Texts.default([]),
    // A record of items; one text of them ("all permits current") is kept as `{notes}`; null is none.
    compliance_status: z
      .union([z.record(z.string(), ComplianceValue), z.string().transform((notes) => ({ notes }))])
      .nullish()
      .transform((v) => v ?? {}),
    equipment_limits: EquipmentLimitsSchema.optional(),
  })
  .loose();
export type ConstructionState = z.infer<typeof ConstructionStateSchema>;

/**
 * A yes/no control that agents also write as a status word ("none", "in_place"), a count ("tag_lines: 2",
 * "spotters: 0"), a list of words, or a record of its own (a permit with its checks, an isolation record):
 * the normaliser reads each shape.
 */
const ControlValue = z.union([z.boolean(), z.string(), Finite, Texts, z.record(z.string(), z.unknown())]);

export const ActionParametersSchema = z
  .object({
    height_ft: NonNegative.max(2000).optional(),
    depth_ft: NonNegative.max(200).optional(),
    /** "none", "sloping", "benching", "shoring", "shielding", "trench_box". */
    protective_system: z.string().optional(),
    soil_type: z.string().optional(),
    fall_protection: ControlValue.optional(),
    load_lbs: NonNegative.optional(),
    rated_capacity_lbs: Finite.positive().optional(),
    load_pct_capacity: NonNegative.max(500).optional(),
    power_line_distance_ft: NonNegative.optional(),
    line_voltage_kv: NonNegative.max(1000).optional(),
    lines_deenergized: z.boolean().optional(),
    lockout_tagout: ControlValue.optional(),
    fire_watch: ControlValue.optional(),
    hot_work_permit: ControlValue.optional(),
    spotter: ControlValue.optional(),
    signal_person: ControlValue.optional(),
    tag_lines: ControlValue.optional(),
    max_wind_mph: Finite.positive().max(100).optional(),
  })
  .loose();

export const ConstructionActionSchema = z
  .object({
    description: z.string().trim().min(1),
    kind: z.string().min(1).optional(),
    parameters: z.preprocess(toolArguments, ActionParametersSchema.optional()),
  })
  .loose();
export type ConstructionAction = z.infer<typeof ConstructionActionSchema>;
