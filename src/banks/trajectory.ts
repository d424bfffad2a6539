import { z } from 'zod';

export const FutureStepSchema = z.object({
  t: z.number().int().min(0),
  event: z.string().min(1).max(2000),
  /** A label of the simulated state at this step (e.g. "elevated_risk"); the final step carries the final outcome. */
  outcome: z.string().min(1).max(100),
  reward: z.number().min(-10).max(10),
});
export type FutureStep = z.infer<typeof FutureStepSchema>;

/** One row of `domains/<d>/trajectories.jsonl`: a state, the action taken, and what followed. */
export const TrajectoryRowSchema = z.object({
  id: z.string().min(1),
  split: z.enum(['train', 'heldout']),
  state: z.record(z.string(), z.unknown()),
  action: z.object({ description: z.string(), kind: z.string().optional(), parameters: z.record(z.string(), z.unknown()).optional() }).loose(),
  steps: z.array(FutureStepSchema).min(1),
  final_outcome: z.string(),
  risk_factors: z.array(z.string()),
  /** Synthetic rows only: the generator's true probabilities, for validation. */
  true_risk: z.object({ incident: z.number().min(0).max(1), adverse: z.number().min(0).max(1) }).optional(),
  synthetic: z.boolean().default(false),
});
export type TrajectoryRow = z.infer<typeof TrajectoryRowSchema>;
