import crypto from 'node:crypto';
import os from 'node:os';
import type { LeaseStore } from '../audit/ledger.js';
import { startPeriodicTask } from '../lib/periodic-task.js';
import type { Logger } from '../logger.js';

export const SWEEPER_LEASE = 'sign-off-timeouts';

export interface TimeoutSweeperOptions {
  leases: LeaseStore;
  /** Writes the timeouts that are due; returns how many. */
  recordTimeouts(): Promise<number>;
  /** 0: no timer; sweeps only when asked (tests). Reads treat overdue reviews as timed out meanwhile. */
  intervalMs: number;
  leaseMs: number;
  logger: Logger;
}

/**
 * One sweeper per database, whichever replica holds its lease (on database time): it writes
 * `denied_timed_out` for escalations nobody decided before their deadline, so the record says so
 * and the webhook announces it. Until it runs, every read already shows the timeout.
 */
export class TimeoutSweeper {
  private readonly holder = `${os.hostname()}:${process.pid}:${crypto.randomBytes(4).toString('hex')}`;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<{ leased: boolean; recorded: number }> = Promise.resolve({ leased: false, recorded: 0 });

  constructor(private readonly opts: TimeoutSweeperOptions) {}

  start(): void {
    if (this.opts.intervalMs <= 0 || this.timer) return;
    // Survives a database outage; meanwhile reads show overdue reviews as timed out.
    this.timer = startPeriodicTask({ intervalMs: this.opts.intervalMs, run: () => this.sweep(), logger: this.opts.logger, what: 'the sign-off timeout sweep' });
  }

  /** One sweep, if this replica holds the lease; sweeps of one replica never overlap. */
  sweep(): Promise<{ leased: boolean; recorded: number }> {
    const next = this.running.catch(() => undefined).then(() => this.sweepOnce());
    this.running = next;
    return next;
  }

  private async sweepOnce() {
    const { leases, intervalMs, leaseMs } = this.opts;
    if (!(await leases.acquire(SWEEPER_LEASE, this.holder, Math.max(leaseMs, 3 * intervalMs)))) return { leased: false, recorded: 0 };
    const recorded = await this.opts.recordTimeouts();
    if (recorded > 0) this.opts.logger.info({ recorded }, 'review timeouts recorded');
    return { leased: true, recorded };
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running.catch(() => undefined);
    await this.opts.leases.release(SWEEPER_LEASE, this.holder).catch(() => {});
  }
}
