import CircuitBreaker from 'opossum';
import { WorldModelError } from '../world-model.js';

export type BreakerState = 'closed' | 'open' | 'half_open';

export interface BreakerOptions {
  name: string;
  /** How long the breaker stays open before one probe may try the backend again. */
  resetTimeoutMs: number;
  /** Failures in fewer calls than this within the rolling window never open the breaker. */
  volumeThreshold: number;
  errorThresholdPercentage?: number;
  rollingWindowMs?: number;
  /** Errors that say nothing about the backend's health (a caller that went away). */
  isNotBackendFault?: (err: unknown) => boolean;
  onStateChange?: (state: BreakerState) => void;
}

export interface Breaker {
  /** Runs one attempt against the backend; while open, rejects at once without touching it. */
  run<T>(attempt: () => Promise<T>): Promise<T>;
  state(): BreakerState;
  shutdown(): void;
}

type Attempt = () => Promise<unknown>;

/** One opossum breaker per backend, around single transport attempts (retries sit outside it). */
export function createBreaker(options: BreakerOptions): Breaker {
  const breaker = new CircuitBreaker<[Attempt], unknown>((attempt: Attempt) => attempt(), {
    name: options.name,
    // Deadlines come from each evaluation, so the breaker must not impose its own timeout.
    timeout: false,
    resetTimeout: options.resetTimeoutMs,
    volumeThreshold: options.volumeThreshold,
    errorThresholdPercentage: options.errorThresholdPercentage ?? 50,
    rollingCountTimeout: options.rollingWindowMs ?? 10_000,
    errorFilter: options.isNotBackendFault ?? (() => false),
    enableSnapshots: false,
  });
  const state = (): BreakerState => (breaker.opened ? 'open' : breaker.halfOpen ? 'half_open' : 'closed');
  if (options.onStateChange) {
    const report = options.onStateChange;
    breaker.on('open', () => report('open'));
    breaker.on('halfOpen', () => report('half_open'));
    breaker.on('close', () => report('closed'));
  }

  return {
    async run<T>(attempt: () => Promise<T>): Promise<T> {
      try {
        return (await breaker.fire(attempt)) as T;
      } catch (err) {
        if (CircuitBreaker.isOurError(err as Error)) {
          const message = breaker.isShutdown ? 'the world model client is closed' : "the world model's circuit breaker is open: recent calls failed";
          throw new WorldModelError('world_model_unavailable', message, { cause: err });
        }
        throw err;
      }
    },
    state,
    shutdown: () => breaker.shutdown(),
  };
}
