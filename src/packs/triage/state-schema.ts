import { z } from 'zod';
import { DISPOSITIONS } from './outcomes.js';

const Text = z.string().max(4000);

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
    conditions: z.array(Text).max(100).optional(),
    medications: z.array(Text).max(100).optional(),
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
    blood_pressure: z.string().regex(/^\s*\d{2,3}\s*\/\s*\d{2,3}\s*$/, 'blood pressure as "systolic/diastolic", e.g. "122/78"').optional(),
    glucose_mg_dl: measured(0, 3000).optional(),
  })
  .loose();

export const ConversationTurnSchema = z.object({ role: z.string().min(1).max(40), content: Text }).loose();

export const TriageStateSchema = z
  .object({
    // Often empty or missing when the caller only says "my 3-week-old": the age is then read from the text.
    caller_demographics: CallerDemographicsSchema.optional(),
    chief_complaint: z.string().trim().min(1).max(2000),
    symptom_details: z.record(z.string(), z.unknown()).optional(),
    vital_signs: VitalSignsSchema.nullable().optional(),
    conversation_history: z.array(ConversationTurnSchema).max(200).optional(),
    red_flags_identified: z.array(Text).max(100).optional(),
    questions_asked: z.array(Text).max(200).optional(),
  })
  .loose();
export type TriageState = z.infer<typeof TriageStateSchema>;

export const DispositionSchema = z.enum(DISPOSITIONS);

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
