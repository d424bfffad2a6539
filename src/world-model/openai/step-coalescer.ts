import type { CallScope } from './guarded-transport.js';
import type { Choices } from './transport.js';

export interface CoalescerOptions {
  /** How long the first step of a batch waits for company. */
  windowMs: number;
  /** Prompts per request; a full batch goes at once. */
  maxBatch: number;
}

/** Sends one `/v1/completions` request for a batch of prompts (one choice per prompt). */
export type SendPrompts = (batch: { model: string; prompts: string[]; seed: number; temperature: number }, scope: CallScope) => Promise<Choices>;

export interface StepCall {
  model: string;
  prompt: string;
  seed: number;
  temperature: number;
}

interface Pending extends StepCall {
  scope: CallScope;
  settled: boolean;
  resolve(text: string | null): void;
  reject(err: unknown): void;
}

/**
 * Coalesces the steps of concurrent rollouts (across evaluations) into prompt-array requests, so
 * a step of 64 rollouts costs about one model call. A step whose caller gives up leaves the batch;
 * the request itself is abandoned only when no step in it is still wanted.
 */
export class StepCoalescer {
  /** A request has one model and one temperature, so only steps that agree on both can share it. */
  private readonly queues = new Map<string, { pending: Pending[]; timer?: NodeJS.Timeout }>();
  private closedWith: unknown;

  constructor(
    private readonly send: SendPrompts,
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
      // The protocol has one seed per request: a step sent alone reproduces on servers that honour
      // seeds; a coalesced batch depends on which evaluations happened to share it.
      const { model, seed, temperature } = batch[0];
      const choices = await this.send({ model, prompts: batch.map((item) => item.prompt), seed, temperature }, scope);
      // With n = 1 the server numbers choices by prompt: index = prompt index.
      const byIndex = new Map<number, string | null>();
      for (const choice of choices ?? []) {
        if (choice && !byIndex.has(choice.index)) byIndex.set(choice.index, choice.finishReason === 'length' ? null : choice.text);
      }
      batch.forEach((item, i) => settle(item, () => item.resolve(byIndex.get(i) ?? null)));
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
