import type { FutureStep } from '../../banks/trajectory.js';
import { mixSeed } from '../../lib/random.js';
import type { AnchorIndex } from '../anchor-index.js';
import type { Future, SimulateRequest, SimulateResult } from '../world-model.js';
import { inParallel } from './batcher.js';
import { StepOutputSchema } from './future-schema.js';
import { parseJsonAs } from './parse-json.js';
import { applyStateChanges, groundState } from './ground-state.js';
import type { CallScope } from './guarded-transport.js';
import type { StepCoalescer } from './step-coalescer.js';

export interface StepwiseContext {
  model: string;
  prompt: string;
  outcomes: readonly string[];
  coalescer: StepCoalescer;
  anchors?: AnchorIndex;
  anchorEvery: number;
  /** Told each time a rollout is grounded on a real state. */
  onAnchor?: () => void;
}

type RolloutRequest = Pick<SimulateRequest, 'domain' | 'state' | 'action' | 'horizon' | 'seed' | 'temperature'>;

/**
 * One rollout, one model call per step. After every `anchorEvery` steps (unless the rollout ends
 * there) the simulated state is grounded on the nearest real state of the bank, and what really
 * followed that state rides along in the next prompts. Any unreadable step drops the whole rollout.
 */
async function rollout(req: RolloutRequest, index: number, ctx: StepwiseContext, scope: CallScope): Promise<Future | null> {
  let state = req.state;
  let realContinuation: FutureStep[] | undefined;
  const steps: FutureStep[] = [];
  const riskFactors = new Set<string>();
  for (let t = 0; t < req.horizon; t++) {
    const step = { ...req, outcomes: ctx.outcomes, t, state, steps, realContinuation };
    const text = await ctx.coalescer.submit({ model: ctx.model, prompt: ctx.prompt, step, seed: mixSeed(req.seed, index, t), temperature: req.temperature }, scope);
    const output = parseJsonAs(StepOutputSchema, text);
    if (!output) return null;
    const last = t === req.horizon - 1;
    if (last && !ctx.outcomes.includes(output.outcome)) return null;
    // Steps are numbered from 1, like the bank and single-pass futures.
    steps.push({ t: t + 1, event: output.event, outcome: output.outcome, reward: output.reward });
    for (const factor of output.risk_factors) riskFactors.add(factor);
    state = applyStateChanges(state, output.state);
    if (!last && ctx.anchors && (t + 1) % ctx.anchorEvery === 0) {
      const anchor = ctx.anchors.nearest(req.domain, state, req.action);
      if (anchor) {
        state = groundState(state, anchor.state);
        realContinuation = anchor.steps;
        ctx.onAnchor?.();
      }
    }
  }
  return { steps, final_outcome: steps[steps.length - 1].outcome, risk_factors: [...riskFactors] };
}

export async function simulateStepwise(req: SimulateRequest, ctx: StepwiseContext, scope: CallScope): Promise<SimulateResult> {
  const rollouts = Array.from({ length: req.rollouts }, (_, i) => (signal: AbortSignal) => rollout(req, req.firstIndex + i, ctx, { signal, deadline: scope.deadline }));
  const results = await inParallel(rollouts, scope.signal);
  const futures = results.filter((future): future is Future => future !== null);
  return { futures, invalid: results.length - futures.length };
}
