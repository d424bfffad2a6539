import { WorldModelError } from '../world-model.js';

interface Waiter {
  grant(release: () => void): void;
  fail(err: unknown): void;
}

/**
 * Caps requests in flight to the backend. Callers beyond the cap wait in a bounded queue; beyond
 * that they are refused at once with `overloaded`, so a slow backend cannot build a pile-up.
 */
export class BoundedSemaphore {
  private active = 0;
  private readonly waiters: Waiter[] = [];

  constructor(
    private readonly maxInFlight: number,
    private readonly maxQueue: number,
  ) {}

  get inFlight(): number {
    return this.active;
  }

  get queued(): number {
    return this.waiters.length;
  }

  /** Resolves with a release function, to be called exactly once when the request is over. */
  acquire(signal: AbortSignal): Promise<() => void> {
    if (signal.aborted) return Promise.reject(signal.reason);
    if (this.active < this.maxInFlight) {
      this.active++;
      return Promise.resolve(this.releaser());
    }
    if (this.waiters.length >= this.maxQueue) {
      return Promise.reject(
        new WorldModelError('overloaded', `the world model has ${this.active} requests in flight and ${this.waiters.length} queued; try again shortly`),
      );
    }
    return new Promise((resolve, reject) => {
      const onAbort = () => {
        const i = this.waiters.indexOf(waiter);
        if (i >= 0) this.waiters.splice(i, 1);
        reject(signal.reason);
      };
      const waiter: Waiter = {
        grant: (release) => {
          signal.removeEventListener('abort', onAbort);
          resolve(release);
        },
        fail: (err) => {
          signal.removeEventListener('abort', onAbort);
          reject(err);
        },
      };
      signal.addEventListener('abort', onAbort, { once: true });
      this.waiters.push(waiter);
    });
  }

  /** Refuses everyone still waiting (shutdown). */
  rejectWaiting(err: unknown): void {
    for (const waiter of this.waiters.splice(0)) waiter.fail(err);
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.waiters.shift();
      // The slot passes straight to the next waiter, so the in-flight count never overshoots.
      if (next) next.grant(this.releaser());
      else this.active--;
    };
  }
}
