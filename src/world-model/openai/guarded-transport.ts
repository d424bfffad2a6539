import type { ChatCompletionCreateParamsNonStreaming } from 'openai/resources/chat/completions';
import type { CompletionCreateParamsNonStreaming } from 'openai/resources/completions';
import type { Breaker } from './breaker.js';
import type { BoundedSemaphore } from './bounded-semaphore.js';
import { withRetry, type RetryPolicy } from './retry.js';
import type { Choices, Transport } from './transport.js';

/** Where a call may run: until `deadline`, or until `signal` aborts. */
export interface CallScope {
  signal: AbortSignal;
  deadline: number;
}

/** An attempt abandoned by its caller before the deadline: no verdict on the backend's health. */
export class CallerWentAway extends Error {
  override name = 'CallerWentAway';
}

export interface GuardedTransport {
  chat(body: ChatCompletionCreateParamsNonStreaming, scope: CallScope): Promise<Choices>;
  completions(body: CompletionCreateParamsNonStreaming, scope: CallScope): Promise<Choices>;
}

/**
 * The order matters: each retry re-enters the in-flight cap and the breaker, so a backoff does not
 * hold a slot, every attempt counts towards the breaker, and an open breaker ends the retries.
 */
export function guardTransport(
  transport: Transport,
  deps: { semaphore: BoundedSemaphore; breaker: Breaker; retry: RetryPolicy; onAttempt?: () => void },
): GuardedTransport {
  const guarded = (send: (signal: AbortSignal) => Promise<Choices>, scope: CallScope) =>
    withRetry(
      async () => {
        const release = await deps.semaphore.acquire(scope.signal);
        try {
          deps.onAttempt?.();
          return await deps.breaker.run(async () => {
            try {
              return await send(scope.signal);
            } catch (err) {
              if (scope.signal.aborted && Date.now() < scope.deadline) throw new CallerWentAway('aborted by the caller', { cause: err });
              throw err;
            }
          });
        } finally {
          release();
        }
      },
      scope,
      deps.retry,
    );
  return {
    chat: (body, scope) => guarded((signal) => transport.chat(body, signal), scope),
    completions: (body, scope) => guarded((signal) => transport.completions(body, signal), scope),
  };
}
