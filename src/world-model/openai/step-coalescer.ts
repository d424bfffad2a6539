import type { CallScope } from './guarded-transport.js';
import type { StepRequest } from './prompt.js';

export interface CoalescerOptions {
  /** How long the first step of a batch waits for company. */
  windowMs: number;
  /** Steps per batch; a full batch goes at once. */
  maxBatch: number;
}

export interface StepCall {
  model: string;
  /** The domain's prompt and the step asked for, rendered by whichever endpoint sends them. */
  prompt: string;
  step: StepRequest;
  seed: number;
  temperature: number;
}

/** Sends a batch of steps; answers with each step's text, in order (null when the server gave none or an unreadable one). */
export type SendSteps = (calls: StepCall[], scope: CallScope) => Promise<Array<string | null>>;

interface Pending extends StepCall {
  scope: CallScope;
  settled: boolean;
  resolve(text: string | null): void;
  reject(err: unknown): void;
}

/**
 * Coalesces the steps of concurrent rollouts (across evaluations) into batches, so a step of 64
 * rollouts costs about one model call. A step whose caller gives up leaves the batch;
 * the batch itself is abandoned only when no step in it is still wanted.
 */
export class StepCoalescer {
  /** A request has one model and one temperature, so only steps that agree on both can share it. */
  private readonly queues = new Map<string, { pending: Pending[]; timer?: NodeJS.Timeout }>();
  private closedWith: unknown;

  constructor(
    private readonly send: SendSteps,
    private readonly options: CoalescerOptions,
  ) {}

  /** The text of the step's choice, or null when the server gave none or an unreadable one. */
  submit(call: StepCall, scope: CallScope): Promise<string | null> {
    if (this.closedWith !== undefined) return Promise.reject(this.closedWith);
    if (scope.signal.aborted) return Promise.reject(scope.signal.reason);
    return new Promise((resolve, reject) => {
      const key = `${call.model}\0${call.temperature}`;
      let queue = this.queues.get(key);
      if (!queue) this.queues.set(key, (queue = { pending: [] }));
      queue.pending.push({ ...call, scope, settled: false, resolve, reject });
      if (queue.pending.length >= this.options.maxBatch) this.flush(key);
      else queue.timer ??= setTimeout(() => this.flush(key), this.options.windowMs);
    });
  }

  /** Fails every step not yet sent; steps already in a request fail with their request. */
  close(err: unknown): void {
    this.closedWith = err;
    for (const queue of this.queues.values()) {
      clearTimeout(queue.timer);
      for (const item of queue.pending.splice(0)) item.reject(err);
    }
    this.queues.clear();
  }

  private flush(key: string): void {
    const queue = this.queues.get(key);
    if (!queue) return;
    clearTimeout(queue.timer);
    queue.timer = undefined;
    const batch = queue.pending.splice(0, this.options.maxBatch).filter((item) => {
      if (item.scope.signal.aborted) item.reject(item.scope.signal.reason);
      return !item.scope.signal.aborted;
    });
    if (queue.pending.length > 0) queue.timer = setTimeout(() => this.flush(key), this.options.windowMs);
    else this.queues.delete(key);
    if (batch.length > 0) void this.dispatch(batch);
  }

  private async dispatch(batch: Pending[]): Promise<void> {
    const request = new AbortController();
    let live = batch.length;
    const detach = batch.map((item) => {
      const onAbort = () => {
        if (item.settled) return;
        item.settled = true;
        item.reject(item.scope.signal.reason);
        if (--live === 0) request.abort(item.scope.signal.reason);
      };
      item.scope.signal.addEventListener('abort', onAbort, { once: true });
      return () => item.scope.signal.removeEventListener('abort', onAbort);
    });
    const scope: CallScope = { signal: request.signal, deadline: Math.max(...batch.map((item) => item.scope.deadline)) };
    try {
      const texts = await this.send(batch, scope);
      batch.forEach((item, i) => settle(item, () => item.resolve(texts[i] ?? null)));
    } catch (err) {
      for (const item of batch) settle(item, () => item.reject(err));
    } finally {
      for (const remove of detach) remove();
    }
  }
}

function settle(item: Pending, how: () => void): void {
  if (item.settled) return;
  item.settled = true;
  how();
}
