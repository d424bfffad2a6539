import { z } from 'zod';
import { DISPOSITIONS } from './outcomes.js';

const Text = z.string().max(4000);
/** A list of texts, or one text holding them: both are read the same way. */
const TextsOrText = z.union([z.array(Text).max(100), Text]);

/**
 * Ages are in years; infants may come as a fraction of a year, with `age_days` / `age_weeks` / `age_months`,
 * or as a short string with its unit ("6 weeks"), which the normaliser reads.
 */
export const CallerDemographicsSchema = z
  .object({
    age: z.union([z.number().min(0).max(130), z.string().trim().min(1).max(40)]).optional(),
    age_months: z.number().min(0).max(1560).optional(),
    age_days: z.number().min(0).max(50000).optional(),
    sex: z.string().max(40).optional(),
    // A list, or one text of them ("asthma, on salbutamol"), as many records keep it.
    conditions: TextsOrText.optional(),
    medications: TextsOrText.optional(),
  })
  .loose();

/**
 * A measurement as agents send it: a number, or a short text holding one with its unit ("72% on the
 * home oximeter", "110 bpm"). The normaliser reads the number and its unit; a text with no number in
 * it ("fast") is not a measurement and is refused.
 */
const measured = (min: number, max: number) =>
  z.union([z.number().min(min).max(max), z.string().max(80).regex(/[0-9]/, 'a number, or a measurement with its unit, e.g. "72%" or "110 bpm"')]);

/** Vital signs as numbers (or measurements with their unit); blood pressure as "122/78" or as systolic/diastolic numbers. */
export const VitalSignsSchema = z
  .object({
    heart_rate: measured(0, 400).optional(),
    respiratory_rate: measured(0, 150).optional(),
    spo2: measured(0, 100).optional(),
    temperature_c: measured(20, 46).optional(),
    temperature_f: measured(68, 115).optional(),
    systolic_bp: measured(0, 350).optional(),
    diastolic_bp: measured(0, 250).optional(),
    blood_pressure: z.string().regex(/^\s*\d{2,3}\s*\/\s*\d{2,3}\s*(mm\s*hg)?\s*$/i, 'blood pressure as "systolic/diastolic", e.g. "122/78" or "122/78 mmHg"').optional(),
    glucose_mg_dl: measured(0, 3000).optional(),
  })
  .loose();

/** A coded name of an observation: a short string, or a FHIR-like CodeableConcept ({text, coding: [{code, display}]}). */
const ObservationName = z.union([
  z.string().max(100),
  z.object({ text: z.string().max(200).optional(), coding: z.array(z.object({ code: z.string().max(100).optional(), display: z.string().max(200).optional() }).loose()).max(10).optional() }).loose(),
]);
const ObservationValue = z.union([z.number(), z.string().max(80)]);
const ObservationQuantity = z.object({ value: ObservationValue.optional(), unit: z.string().max(40).optional(), code: z.string().max(40).optional() }).loose();

/**
 * One observation as monitors and FHIR-like tools send it: its name (`code`, `name`, `type`, `label`, `display`…),
 * its `value` (or `valueQuantity: {value, unit}`) and its `unit`; a blood pressure may carry its two parts as
 * `component: [...]`. The normaliser reads it by its name with its unit; one it cannot read is reported as ignored.
 */
const ObservationBase = z
  .object({
    code: ObservationName.optional(),
    name: ObservationName.optional(),
    type: ObservationName.optional(),
    label: z.string().max(100).optional(),
    display: z.string().max(200).optional(),
    value: ObservationValue.optional(),
    valueQuantity: ObservationQuantity.optional(),
    value_quantity: ObservationQuantity.optional(),
    unit: z.string().max(40).optional(),
  })
  .loose();
export const ObservationSchema = ObservationBase.extend({ component: z.array(ObservationBase).max(10).optional() }).loose();

/**
 * `vital_signs` as agents send it: an object of named measurements, a short text of them ("pulse 112, SpO2 93%"),
 * or a list of observations ([{code: "SpO2", value: 85, unit: "%"}, …]). Each is bounded.
 */
export const VitalSignsFieldSchema = z.union([
  VitalSignsSchema,
  z.string().max(1000),
  z.array(z.union([ObservationSchema, z.string().max(200)])).max(50),
]);

export const ConversationTurnSchema = z.object({ role: z.string().min(1).max(40), content: Text }).loose();

export const TriageStateSchema = z
  .object({
    // Often empty or missing when the caller only says "my 3-week-old": the age is then read from the text.
    caller_demographics: CallerDemographicsSchema.optional(),
    chief_complaint: z.string().trim().min(1).max(2000),
    /** Key: value details (`radiation: left arm`), or one text of them. */
    symptom_details: z.union([z.record(z.string(), z.unknown()), Text]).optional(),
    vital_signs: VitalSignsFieldSchema.nullable().optional(),
    /** Turns as {role, content}, turns as bare texts, or the transcript as one text. */
    conversation_history: z.union([z.array(z.union([ConversationTurnSchema, Text])).max(200), z.string().max(20_000)]).optional(),
    red_flags_identified: TextsOrText.optional(),
    questions_asked: z.union([z.array(Text).max(200), Text]).optional(),
  })
  .loose();
export type TriageState = z.infer<typeof TriageStateSchema>;

/** A disposition as named here, whatever its case and separators ("Emergency Department", "urgent-care-today"). */
export const DispositionSchema = z.preprocess((v) => (typeof v === 'string' ? v.trim().toLowerCase().replace(/[\s-]+/g, '_') : v), z.enum(DISPOSITIONS));

/**
 * The disposition is read from `parameters.disposition`, or from `disposition` on the action itself (a tool
 * call that puts its one argument beside `kind`): both are an agent's ordinary shape. One of them must name a
 * known disposition; when both are sent and disagree, the reading reports an action contradiction.
 */
export const TriageActionSchema = z
  .object({
    description: z.string().trim().min(1).max(2000),
    /** e.g. `disposition`, or `question` when the agent asks before settling on its provisional disposition. */
    kind: z.string().max(100).optional(),
    disposition: DispositionSchema.optional(),
    parameters: z.object({ disposition: DispositionSchema.optional() }).loose().optional(),
  })
  .loose()
  .refine((a) => a.disposition !== undefined || a.parameters?.disposition !== undefined, {
    message: 'a disposition is required, in parameters.disposition or disposition',
    path: ['parameters', 'disposition'],
  });
export type TriageAction = z.infer<typeof TriageActionSchema>;
