/**
 * Wakes long polls when a decision about an evaluation lands. Waiters are callbacks in memory: they
 * hold no database connection while they wait, only for the read after they wake.
 */
export interface DecisionSignal {
  /** Resolves when `evaluationId` may have changed, after `ms`, on `abort`, or when the signal stops; never rejects. */
  wait(evaluationId: string, ms: number, abort?: AbortSignal): Promise<void>;
  /** Wakes this replica's waiters on `evaluationId` (other replicas hear of it through the database). */
  changed(evaluationId: string): void;
  stop(): Promise<void>;
}

/** The waiters of one replica. On its own it is the whole signal for an embedded database, whose writers all live in this process. */
export class LocalDecisionSignal implements DecisionSignal {
  private readonly waiters = new Map<string, Set<() => void>>();
  private stopped = false;

  wait(evaluationId: string, ms: number, abort?: AbortSignal): Promise<void> {
    if (this.stopped || ms <= 0 || abort?.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const set = this.waiters.get(evaluationId) ?? new Set();
      this.waiters.set(evaluationId, set);
      const done = () => {
        clearTimeout(timer);
        abort?.removeEventListener('abort', done);
        set.delete(done);
        if (set.size === 0 && this.waiters.get(evaluationId) === set) this.waiters.delete(evaluationId);
        resolve();
      };
      const timer = setTimeout(done, ms);
      timer.unref();
      abort?.addEventListener('abort', done, { once: true });
      set.add(done);
    });
  }

  changed(evaluationId: string): void {
    for (const wake of [...(this.waiters.get(evaluationId) ?? [])]) wake();
  }

  /** Wakes everyone (they re-read): after a reconnect, when notifications may have been missed. */
  wakeAll(): void {
    for (const id of [...this.waiters.keys()]) this.changed(id);
  }

  get waiting(): number {
    let n = 0;
    for (const s of this.waiters.values()) n += s.size;
    return n;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wakeAll();
  }
}
