import { z } from 'zod';
import { FutureStepSchema } from '../../banks/trajectory.js';

/**
 * One future on the wire, exactly the design's shape, so any server fine-tuned for Foresight can
 * serve it: `{"steps": [{"t", "event", "outcome", "reward"}], "final_outcome", "risk_factors": []}`.
 * `final_outcome` is restricted to the domain's taxonomy, and a future may not run past the horizon.
 */
export function futureSchema(outcomes: readonly string[], horizon: number) {
  return z.object({
    steps: z.array(FutureStepSchema).min(1).max(horizon),
    final_outcome: z.enum(outcomes as [string, ...string[]]),
    risk_factors: z.array(z.string().min(1).max(500)).max(50),
  });
}

export type FutureSchema = ReturnType<typeof futureSchema>;

/** The JSON Schema sent as `response_format`, generated from the zod schema so the two cannot drift. */
export function responseJsonSchema(schema: z.ZodType): Record<string, unknown> {
  const { $schema: _dialect, ...jsonSchema } = z.toJSONSchema(schema) as Record<string, unknown>;
  return jsonSchema;
}

/**
 * One step of a step-wise rollout. `t` is not asked for: the rollout knows which step it asked for.
 * `state` holds only the fields the step changed; they are merged into the simulated state.
 */
export const StepOutputSchema = z.object({
  event: FutureStepSchema.shape.event,
  outcome: FutureStepSchema.shape.outcome,
  reward: FutureStepSchema.shape.reward,
  state: z.record(z.string(), z.unknown()).default({}),
  risk_factors: z.array(z.string().min(1).max(500)).max(50).default([]),
});
export type StepOutput = z.infer<typeof StepOutputSchema>;
