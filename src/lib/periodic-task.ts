import type { Logger } from '../logger.js';

export interface PeriodicTaskOptions {
  intervalMs: number;
  run: () => Promise<unknown>;
  logger: Logger;
  /** What the task does, for the log: "sealing", "the sign-off timeout sweep". */
  what: string;
}

/**
 * Runs `run` every `intervalMs`, for a background task that must outlive a database outage: a failure
 * is logged when it starts and when it ends (not on every tick), and the timer goes on. A run still
 * waiting (on a database that does not answer) is not joined by another. The timer never keeps the
 * process alive.
 */
export function startPeriodicTask(opts: PeriodicTaskOptions): NodeJS.Timeout {
  let busy = false;
  let failingSince: number | undefined;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    opts
      .run()
      .then(() => {
        if (failingSince === undefined) return;
        opts.logger.info({ failedForMs: Date.now() - failingSince }, `${opts.what} works again`);
        failingSince = undefined;
      })
      .catch((err: unknown) => {
        if (failingSince === undefined) opts.logger.warn({ err }, `${opts.what} failed; retrying every ${opts.intervalMs} ms until it works`);
        else opts.logger.debug({ err }, `${opts.what} failed again`);
        failingSince ??= Date.now();
      })
      .finally(() => {
        busy = false;
      });
  }, opts.intervalMs);
  timer.unref();
  return timer;
}
