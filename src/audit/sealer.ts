import crypto from 'node:crypto';
import os from 'node:os';
import { startPeriodicTask } from '../lib/periodic-task.js';
import type { Logger } from '../logger.js';
import { blockHash, leafHash, signedBytes, type BlockHeader, type SealedBlock } from './block.js';
import { UnknownSealedTableError, type AuditLedger, type LeaseStore, type SealDraft } from './ledger.js';
import { merkleRoot } from './merkle.js';
import type { AuditSigner } from './signing-key.js';

export const SEALER_LEASE = 'audit-sealer';

/** The block a draft makes: pure, so verify and the tests build blocks exactly as the sealer does. */
export function buildBlock(draft: SealDraft, signer: AuditSigner): SealedBlock {
  const header: BlockHeader = {
    height: (draft.previous?.height ?? 0) + 1,
    lo_xid: draft.lo,
    hi_xid: draft.hi,
    tables: draft.tables,
    row_count: draft.leaves.length,
    merkle_root: merkleRoot(draft.leaves.map(leafHash)),
    prev_hash: draft.previous?.hash ?? null,
    sealed_at: draft.sealedAt,
    key_id: signer.keyId,
  };
  return { ...header, hash: blockHash(header), signature: signer.sign(signedBytes(header)) };
}

export interface SealResult {
  /** Whether this replica held the sealer's lease (only the holder seals). */
  leased: boolean;
  block: SealedBlock | null;
}

export interface SealerOptions {
  ledger: AuditLedger;
  leases: LeaseStore;
  signer: AuditSigner;
  /** 0: no timer; seals only when asked (tests) and on stop. */
  intervalMs: number;
  /** How long a holder that stopped renewing (a crashed replica) keeps others from sealing. */
  leaseMs: number;
  logger: Logger;
}

/**
 * One sealer per database, whichever replica holds the lease: it seals every row committed since the
 * last block into the next block. Writers never wait for it; it never waits for them.
 */
export class AuditSealer {
  private readonly holder = `${os.hostname()}:${process.pid}:${crypto.randomBytes(4).toString('hex')}`;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<SealResult> = Promise.resolve({ leased: false, block: null });
  private stopped = false;

  constructor(private readonly opts: SealerOptions) {}

  start(): void {
    if (this.opts.intervalMs <= 0 || this.timer) return;
    // Survives a database outage: rows committed before or during it are sealed once it is back.
    this.timer = startPeriodicTask({ intervalMs: this.opts.intervalMs, run: () => this.seal(), logger: this.opts.logger, what: 'audit sealing' });
  }

  /** Seals what has committed, if this replica holds the lease. Calls on one sealer never overlap. */
  seal(): Promise<SealResult> {
    const next = this.running.catch(() => undefined).then(() => this.sealOnce());
    this.running = next;
    return next;
  }

  private async sealOnce(): Promise<SealResult> {
    const { ledger, leases, signer, leaseMs, logger } = this.opts;
    if (!(await leases.acquire(SEALER_LEASE, this.holder, Math.max(leaseMs, 3 * this.opts.intervalMs)))) return { leased: false, block: null };
    try {
      const block = await ledger.sealNext((draft) => buildBlock(draft, signer));
      if (block) logger.debug({ height: block.height, rows: block.row_count }, 'audit block sealed');
      return { leased: true, block };
    } catch (err) {
      if (err instanceof UnknownSealedTableError) {
        // Let a replica that knows every table take over instead of holding the lease and sealing nothing.
        await leases.release(SEALER_LEASE, this.holder).catch(() => {});
        logger.error({ tables: err.tables }, err.message);
        return { leased: false, block: null };
      }
      // Two holders racing after a lease handover: the unique height lets one win; the other retries later.
      if (['23505', '40001'].includes((err as { code?: string }).code ?? '')) return { leased: true, block: null };
      throw err;
    }
  }

  /** Stops the timer, seals once more (what was answered before shutdown is sealed now), and hands the lease back. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    clearInterval(this.timer);
    try {
      await this.seal();
    } catch (err) {
      this.opts.logger.warn({ err }, 'final seal failed; the next sealer will seal these rows');
    }
    await this.opts.leases.release(SEALER_LEASE, this.holder).catch(() => {});
  }
}
