import { z } from 'zod';
import { parseDuration } from '../keys/duration.js';
import { SEVERITIES } from './reading/catalogue.js';

const Rate = z.number().min(0).max(1);

/** `30m`, `1h`, `2h30m`: between a second and thirty days, kept as text so the policy reads as written. */
const PolicyDuration = z.string().refine((t) => {
  try {
    const ms = parseDuration(t);
    return ms >= 1_000 && ms <= 30 * 86_400_000;
  } catch {
    return false;
  }
}, 'a duration between 1s and 30d, such as 30m or 1h');

export const HardRuleSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9_]*$/, 'rule ids are snake_case'),
  /** An expression of the rule language (src/packs/rules/) over the reading, e.g. `action.kind == "crane_lift" && facts.wind.gust_mph > 20`. */
  when: z.string().min(1).max(2000),
  /** Plain language; `{path}` placeholders are filled from the reading, e.g. "Gusts {facts.wind.gust_mph} mph". */
  message: z.string().min(1),
  citation: z.string().min(1),
  recommendation: z.string().optional(),
});

export const PolicyExampleSchema = z.object({
  name: z.string(),
  input: z.object({ state: z.record(z.string(), z.unknown()), action: z.record(z.string(), z.unknown()) }),
  expect: z.object({
    decision: z.enum(['approve', 'escalate']),
    /** Reason codes that must be present (e.g. `hard_rule:crane_wind_limit`). */
    reasons: z.array(z.string()).default([]),
  }),
});

export const PolicySchema = z
  .object({
    domain: z.string(),
    description: z.string(),
    thresholds: z
      .object({ incident_rate: Rate.optional(), adverse_rate: Rate.optional() })
      .refine((t) => t.incident_rate !== undefined || t.adverse_rate !== undefined, 'at least one threshold is required'),
    /**
     * `upper_bound` (the default): approve only when the interval's upper bound is under the threshold.
     * `point`: the estimate decides once sampling reaches the maximum (weaker; for comparison only).
     */
    decision_rule: z.enum(['point', 'upper_bound']).default('upper_bound'),
    confidence: z.number().gt(0.5).lt(1).default(0.9),
    interval: z.enum(['wilson', 'beta']).default('wilson'),
    rollouts: z
      .object({ min: z.number().int().min(1).max(1024), max: z.number().int().min(1).max(1024), batch: z.number().int().min(1).max(1024) })
      .refine((r) => r.min <= r.max, 'rollouts.min must not exceed rollouts.max'),
    /** Below this share of valid futures the answer is escalate (insufficient_valid_rollouts). */
    min_valid_share: Rate.default(0.75),
    horizon: z.number().int().min(1).max(50),
    temperature: z.number().min(0).max(2).default(0.8),
    /**
     * Outcomes whose probability, for this action, must be shown to be at most `max_probability`: on a
     * sampled backend by the interval's upper bound, on the embedded model by its own probability.
     */
    zero_tolerance: z.array(z.object({ outcome: z.string(), max_probability: Rate }).strict()).default([]),
    /** Catalogue hazards at or above this severity are hard rules of the policy (reason `hard_rule:<id>`). */
    catalogue: z.object({ enforce: z.enum(SEVERITIES).default('high') }).strict().prefault({}),
    /**
     * A high-impact action escalates with `unfamiliar_situation` when more than `max_unread_share` of
     * the content words of its free text (at least `min_words` of them) are outside the pack's vocabulary,
     * and, unless `unaccounted` is `judge`, whenever its pack read no effect of it at all (`ActionReading.unaccounted`).
     */
    unfamiliar: z
      .object({
        max_unread_share: Rate.default(0.4),
        min_words: z.number().int().min(1).default(4),
        /**
         * A high-impact action whose pack read no effect of it (`ActionReading.unaccounted`): `escalate` asks a person
         * (fail closed, the default); `judge` leaves it to the model's rates on the rest of the request, and the answer
         * still says, in its reading, that no effect was read. A policy that chooses `judge` says why.
         */
        unaccounted: z.enum(['escalate', 'judge']).default('escalate'),
      })
      .strict()
      .prefault({}),
    deadline_ms: z.object({ default: z.number().int().positive(), max: z.number().int().positive() }),
    world_model: z
      .object({
        /** Overrides WORLD_MODEL_BACKEND for this domain. */
        backend: z.enum(['embedded', 'openai']).optional(),
        /** Overrides WORLD_MODEL_NAME for this domain (openai backend). */
        model: z.string().optional(),
        /** On a world-model failure: escalate (closed), or answer from the embedded model with `degraded: true`. */
        fallback: z.enum(['none', 'embedded']).default('none'),
        stepwise: z.boolean().default(false),
        anchor_every: z.number().int().min(1).default(4),
      })
      .prefault({}),
    override: z
      .object({
        allowed: z.boolean().default(true),
        /** Distinct supervisors (by owner, not by key) who must approve before an escalation is approved. */
        sign_offs: z.number().int().min(1).max(3).default(1),
        /** An escalation nobody decides within this becomes `denied_timed_out`: a timeout never approves. */
        review_timeout: PolicyDuration.default('30m'),
        /** How long an approval holds; a signer may give a shorter `expires_in`, never a longer one. */
        approval_ttl: PolicyDuration.default('1h'),
      })
      .prefault({}),
    /** Where escalations awaiting review, and their decisions, are announced (a signed webhook); WEBHOOK_URL when absent. */
    notify: z.object({ webhook_url: z.url({ protocol: /^https?$/ }).optional() }).strict().prefault({}),
    hard_rules: z.array(HardRuleSchema).default([]),
    examples: z.array(PolicyExampleSchema).default([]),
  })
  .strict();

export type Policy = z.infer<typeof PolicySchema>;
export type HardRule = z.infer<typeof HardRuleSchema>;
export type PolicyExample = z.infer<typeof PolicyExampleSchema>;
