import type { LeafRef, SealedBlock } from './block.js';

/** Transaction ids as decimal text (PostgreSQL xid8: 64-bit, never wraps). `hi: null` is open-ended: the unsealed tail. */
export interface XidRange {
  lo: string;
  hi: string | null;
}

/** A row as verify sees it: its leaf, and what is wrong with it when its stored content no longer matches. */
export interface AuditedRow extends LeafRef {
  problem?: string;
}

/** What is ready to seal: every committed row below the oldest transaction still in flight, above the last block. */
export interface SealDraft {
  previous: SealedBlock | null;
  lo: string;
  hi: string;
  tables: string[];
  /** Database time, so replicas with skewed clocks agree on the order of blocks. */
  sealedAt: string;
  leaves: LeafRef[];
}

/** A row located for an inclusion proof: its leaf, the block that seals it (null while pending), and what its digest covers. */
export interface LocatedRow {
  leaf: LeafRef;
  block: SealedBlock | null;
  content: Record<string, unknown>;
}

/** The sealed audit trail: blocks over append-only tables, and the public keys that signed them. */
export interface AuditLedger {
  /** In one transaction: reads the draft and stores the block `build` makes of it. Null when nothing new has committed. */
  sealNext(build: (draft: SealDraft) => SealedBlock): Promise<SealedBlock | null>;
  blocks(afterHeight: number, limit: number): Promise<SealedBlock[]>;
  block(height: number): Promise<SealedBlock | null>;
  latestBlock(): Promise<SealedBlock | null>;
  /** The tables the database says are sealed, in the order blocks list them. */
  sealedTables(): Promise<string[]>;
  /** Rows of one table in a transaction range, recomputed from their stored content, in seq order. */
  auditRows(table: string, range: XidRange, afterSeq: number, limit: number): Promise<AuditedRow[]>;
  /** The leaves a block commits to, in order. */
  leavesOf(block: SealedBlock): Promise<LeafRef[]>;
  locate(table: string, id: string): Promise<LocatedRow | null>;
  publicKeys(): Promise<Map<string, string>>;
  /** Stores a public key under its id; refuses when a different key is already stored under that id. */
  registerKey(keyId: string, publicKeyPem: string): Promise<void>;
}

/** A singleton job per database (the sealer, a sweeper): the lease is held until `expires`, on database time. */
export interface LeaseStore {
  /** Takes the lease, or renews it when this holder already has it; false while someone else holds it. */
  acquire(name: string, holder: string, ttlMs: number): Promise<boolean>;
  release(name: string, holder: string): Promise<void>;
}

export class UnknownSealedTableError extends Error {
  override name = 'UnknownSealedTableError';
  constructor(readonly tables: string[]) {
    super(`the database seals tables this code does not know: ${tables.join(', ')}; a newer replica must seal`);
  }
}
