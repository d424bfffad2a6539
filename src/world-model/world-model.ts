import type { FutureStep } from '../banks/trajectory.js';
import type { Reading } from '../packs/reading/reading.js';
import type { ActionInput, Features } from '../packs/types.js';

/** One simulated future, in the wire format every backend speaks. */
export interface Future {
  steps: FutureStep[];
  final_outcome: string;
  risk_factors: string[];
}

export interface SimulateRequest {
  domain: string;
  state: Record<string, unknown>;
  action: ActionInput;
  /** The pack's reading of the request and its features: a backend that featurises reads these, never the raw request again. */
  reading?: Reading;
  features?: Features;
  /** How many futures to produce in this call. */
  rollouts: number;
  /** Index of the first future: futures are seeded per index, so batches append deterministically. */
  firstIndex: number;
  horizon: number;
  seed: number;
  temperature: number;
  /** Aborted when the evaluation's deadline passes or the client goes away. */
  signal: AbortSignal;
  /** Epoch milliseconds after which no further work is useful. */
  deadline: number;
  /** `stepwise`: one model call per step, anchored on the bank every `anchorEvery` steps. Backends without it ignore it. */
  mode?: 'single_pass' | 'stepwise';
  anchorEvery?: number;
}

export interface SimulateResult {
  futures: Future[];
  /** Futures the backend produced that failed validation and were dropped. */
  invalid: number;
  /** The model's own probability of each final outcome, when it has one (the embedded model): it decides, the futures illustrate. */
  probabilities?: Record<string, number>;
}

export interface WorldModelHealth {
  ready: boolean;
  detail?: Record<string, unknown>;
}

/** The port: every world model (embedded, OpenAI-compatible) implements it. */
export interface WorldModel {
  readonly backend: string;
  /** Identifies the model and the data it learned from, recorded with every evaluation. */
  readonly version: string;
  /** Whether `simulate` returns outcome probabilities, so that the decision does not rest on sampling. */
  readonly knowsProbabilities?: boolean;
  simulate(req: SimulateRequest): Promise<SimulateResult>;
  health(): WorldModelHealth;
  close(): Promise<void>;
}

/** Thrown by adapters; the evaluation turns these into fail-closed reasons. */
export class WorldModelError extends Error {
  constructor(
    readonly reason: 'world_model_unavailable' | 'deadline_exceeded' | 'overloaded',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'WorldModelError';
  }
}
