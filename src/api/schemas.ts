import { z } from 'zod';
import { EFFECTIVE_DECISIONS } from '../signoff/review.js';

/**
 * The answers of the HTTP API as zod schemas: the OpenAPI document (`/openapi.json`) is generated
 * from them, the typed client (`src/client`) parses every answer with them, and the tests check
 * real answers against them. Objects are loose: a field added later does not break an old client;
 * a field removed or retyped does.
 */

const Interval = z.tuple([z.number(), z.number()]);

export const ReasonSchema = z.object({
  code: z.string().describe('`hard_rule:<id>`, a gate (`missing_information`, `unfamiliar_situation`, …) or a rate reason'),
  message: z.string(),
  citation: z.string().optional(),
  url: z.string().optional(),
}).loose();

export const RiskSchema = z.object({
  rollouts: z.number().int(),
  valid_rollouts: z.number().int(),
  incident_rate: z.number().min(0).max(1).optional(),
  incident_rate_ci: Interval.optional(),
  adverse_rate: z.number().min(0).max(1).optional(),
  adverse_rate_ci: Interval.optional(),
  basis: z.enum(['model_probability', 'sampled_futures']).describe('which number decided: the model’s probabilities or the share of sampled futures'),
  decision_rule: z.enum(['upper_bound', 'point']),
  thresholds: z.record(z.string(), z.number()),
  confidence: z.number(),
}).loose();

export const ReviewSchema = z.object({
  effective_decision: z.enum(EFFECTIVE_DECISIONS),
  sign_offs_required: z.number().int().optional(),
  sign_offs_received: z.number().int().optional(),
  sign_offs_remaining: z.number().int().optional(),
  review_deadline: z.string().nullable().optional(),
  decided_at: z.string().nullable().optional(),
  expires_at: z.string().nullable().optional(),
  feedback: z.array(z.string()).optional().describe('the reasons people gave, for the agent'),
  history: z.array(z.unknown()).optional(),
}).loose();

export const FutureSchema = z.object({
  index: z.number().int(),
  final_outcome: z.string(),
  incident: z.boolean(),
  adverse: z.boolean(),
  steps: z.array(z.object({ t: z.number().int(), event: z.string(), outcome: z.string() }).loose()),
  risk_factors: z.array(z.string()),
}).loose();

export const EvaluateAnswerSchema = z.object({
  evaluation_id: z.string(),
  decision: z.enum(['approve', 'escalate']),
  effective_decision: z.enum(EFFECTIVE_DECISIONS).describe('the decision in force now: a sign-off, a timeout or an expiry changes it'),
  action_hash: z.string().describe('sha256 of the canonical domain, state and action: what an approval is bound to'),
  risk: RiskSchema,
  reasons: z.array(ReasonSchema),
  explanation: z.string(),
  risk_factors: z.array(z.object({ factor: z.string(), detail: z.string().optional(), share: z.number() }).loose()),
  recommendations: z.array(z.string()),
  questions_to_ask: z.array(z.unknown()).optional(),
  reading: z.object({ facts: z.record(z.string(), z.unknown()), sources: z.record(z.string(), z.string()), action: z.record(z.string(), z.unknown()) }).loose(),
  similar_cases: z.array(z.object({ case_id: z.string(), summary: z.string(), outcome: z.string(), similarity: z.number() }).loose()),
  futures: z.array(FutureSchema),
  policy: z.object({ domain: z.string(), version: z.string() }).loose(),
  world_model: z.object({ backend: z.string(), version: z.string(), seed: z.number().int(), degraded: z.boolean() }).loose(),
  override: z.object({ allowed: z.boolean(), href: z.string().optional() }).loose().optional(),
  review: ReviewSchema.optional(),
  repeated: z.boolean().optional().describe('true when this is a pending escalation asked for before'),
  created_at: z.string(),
}).loose();
export type EvaluateAnswer = z.infer<typeof EvaluateAnswerSchema>;

/** GET /v1/evaluations/:id: the answer as stored, with the review and the stored request. */
export const StoredEvaluationSchema = EvaluateAnswerSchema.extend({
  request: z.record(z.string(), z.unknown()).optional(),
  review: ReviewSchema,
}).loose();
export type StoredEvaluationAnswer = z.infer<typeof StoredEvaluationSchema>;

export const CheckAnswerSchema = z.object({
  covered: z.boolean(),
  reason: z.string(),
  action_hash: z.string().describe('the hash of the action presented'),
}).loose();
export type CheckAnswer = z.infer<typeof CheckAnswerSchema>;

export const ProblemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  code: z.string(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  request_id: z.string().optional(),
  decision: z.literal('escalate').optional().describe('on evaluate: a refusal is never an approval'),
  errors: z.array(z.object({ path: z.string(), message: z.string() }).loose()).optional(),
}).loose();
export type Problem = z.infer<typeof ProblemSchema>;

export const HealthSchema = z.object({ status: z.string() }).loose();

const VersionChange = z.object({ from: z.string(), to: z.string() });

/** The answer of POST /v1/admin/reload once the packs and policies on disk loaded (changed or not). */
export const ReloadAnswerSchema = z.object({
  reloaded_at: z.string(),
  trigger: z.enum(['admin', 'SIGHUP']),
  changed: z.boolean().describe('whether anything in force changed; false when the files on disk are those already loaded'),
  domains: z.array(z.object({
    domain: z.string(),
    changed: z.boolean(),
    policy_version: VersionChange.describe('the policy version before and after (evaluations answer with the new one from now on)'),
    files: z.array(z.string()).describe('the files whose content changed, relative to PACKS_DIR'),
  }).loose()),
  world_model: z.object({ embedded_version: VersionChange }).loose(),
  duration_ms: z.number(),
}).loose();
export type ReloadAnswer = z.infer<typeof ReloadAnswerSchema>;
