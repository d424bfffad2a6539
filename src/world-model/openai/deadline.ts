import { WorldModelError } from '../world-model.js';

export interface DeadlineScope {
  /** Aborted at the deadline, or as soon as any parent signal aborts. */
  signal: AbortSignal;
  deadline: number;
  dispose(): void;
}

/**
 * The evaluation's deadline as a signal that every wait and request below listens to, so a hung
 * model costs the deadline and not a second more.
 */
export function deadlineScope(deadline: number, parents: AbortSignal[]): DeadlineScope {
  const controller = new AbortController();
  const abort = (reason: unknown) => controller.abort(reason);
  const listeners = parents.map((parent) => {
    const onAbort = () => abort(parent.reason);
    if (parent.aborted) onAbort();
    else parent.addEventListener('abort', onAbort, { once: true });
    return () => parent.removeEventListener('abort', onAbort);
  });
  const timer = setTimeout(() => abort(new DOMException('the deadline passed', 'TimeoutError')), Math.max(0, deadline - Date.now()));
  return {
    signal: controller.signal,
    deadline,
    dispose() {
      clearTimeout(timer);
      for (const remove of listeners) remove();
    },
  };
}

/** Every failure leaves the adapter as a WorldModelError with the reason the evaluation reports. */
export function asWorldModelError(err: unknown, scope: { signal: AbortSignal; deadline: number }, describe: (err: unknown) => string): WorldModelError {
  if (err instanceof WorldModelError) return err;
  if (scope.signal.aborted || Date.now() >= scope.deadline) {
    const message = Date.now() >= scope.deadline ? 'the deadline passed before the world model answered' : 'the evaluation was aborted before the world model answered';
    return new WorldModelError('deadline_exceeded', message, { cause: err });
  }
  return new WorldModelError('world_model_unavailable', describe(err), { cause: err });
}
