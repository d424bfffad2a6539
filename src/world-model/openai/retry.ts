import { setTimeout as sleep } from 'node:timers/promises';
import { APIConnectionError, APIError } from 'openai';
import { WorldModelError } from '../world-model.js';

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A retry is only worth it when at least this much time remains after the wait. */
  minAttemptMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { maxAttempts: 3, baseDelayMs: 25, maxDelayMs: 1_000, minAttemptMs: 20 };

interface Verdict {
  retryable: boolean;
  /** What the server asked for (429/503 Retry-After); otherwise the backoff decides. */
  retryAfterMs?: number;
}

/** `retry-after-ms` (OpenAI), else `Retry-After` in seconds or as an HTTP date. */
export function retryAfterMs(headers: Headers | undefined, now = Date.now()): number | undefined {
  const ms = Number(headers?.get('retry-after-ms') ?? NaN);
  if (Number.isFinite(ms) && ms >= 0) return ms;
  const value = headers?.get('retry-after');
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

function verdict(err: unknown): Verdict {
  if (err instanceof APIError && err.status !== undefined) {
    // 501 Not Implemented is the server's lasting answer for an endpoint it lacks, not a passing fault.
    const retryable = err.status === 408 || err.status === 429 || (err.status >= 500 && err.status !== 501);
    return { retryable, retryAfterMs: retryable ? retryAfterMs(err.headers) : undefined };
  }
  // Resets and refused connections; aborts are APIErrors without a status too, but the signal says so first.
  return { retryable: err instanceof APIConnectionError };
}

function backoffMs(attempt: number, policy: RetryPolicy, random: () => number): number {
  const exp = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return exp / 2 + random() * (exp / 2);
}

/**
 * Retries transient failures with jittered backoff, but only while the deadline leaves room for
 * another attempt; a Retry-After that reaches past the deadline ends the call at once.
 */
export async function withRetry<T>(
  attempt: () => Promise<T>,
  ctx: { deadline: number; signal: AbortSignal },
  policy: RetryPolicy = DEFAULT_RETRY,
  random: () => number = Math.random,
): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt();
    } catch (err) {
      if (ctx.signal.aborted || err instanceof WorldModelError) throw err;
      const { retryable, retryAfterMs: asked } = verdict(err);
      if (!retryable || n >= policy.maxAttempts) throw err;
      const wait = asked ?? backoffMs(n, policy, random);
      const remaining = ctx.deadline - Date.now();
      if (wait + policy.minAttemptMs > remaining) {
        const why = asked === undefined ? 'no time is left for a retry' : `the server asked to wait ${Math.round(asked)} ms, past the deadline`;
        throw new WorldModelError('world_model_unavailable', `${describe(err)}; ${why}`, { cause: err });
      }
      await sleep(wait, undefined, { signal: ctx.signal });
    }
  }
}

export function describe(err: unknown): string {
  if (err instanceof APIError && err.status !== undefined) return `the world model answered HTTP ${err.status}`;
  if (err instanceof APIConnectionError) return `cannot reach the world model (${err.message})`;
  return `the world model call failed (${err instanceof Error ? err.message : String(err)})`;
}
