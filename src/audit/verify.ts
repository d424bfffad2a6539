import { blockHash, leafHash, verifyBlockSignature, type SealedBlock } from './block.js';
import type { Checkpoint } from './checkpoint.js';
import type { AuditLedger, XidRange } from './ledger.js';
import { merkleRoot } from './merkle.js';

export interface AuditProblem {
  kind: 'row' | 'block' | 'checkpoint';
  message: string;
  /** The block the problem is in (for a row: the block that seals it; absent for the unsealed tail). */
  height?: number;
  table?: string;
  id?: string;
  seq?: number;
}

export interface VerifyReport {
  /** ok: everything is sealed and matches; pending: it matches, and rows written since the last seal await the next; broken: see `first_problem`. */
  status: 'ok' | 'pending' | 'broken';
  blocks: number;
  rows_sealed: number;
  rows_pending: number;
  latest_block: { height: number; hash: string; sealed_at: string; key_id: string } | null;
  first_problem: AuditProblem | null;
  checkpoint?: { height: number; hash: string; matches: boolean };
  keys: string[];
}

const BLOCK_PAGE = 200;
const ROW_PAGE = 500;

/**
 * Walks every block from the first: its link to the previous block, its header hash, its signature,
 * then its rows, each recomputed from what is stored, against the block's count and Merkle root;
 * then the unsealed tail. Stops at the first thing that does not match and names it.
 */
export async function verifyAudit(ledger: AuditLedger, options: { checkpoint?: Checkpoint } = {}): Promise<VerifyReport> {
  const keys = await ledger.publicKeys();
  let previous: SealedBlock | null = null;
  let blocks = 0;
  let sealed = 0;
  let problem: AuditProblem | null = null;

  walk: for (let page = await ledger.blocks(0, BLOCK_PAGE); page.length > 0; page = await ledger.blocks(previous!.height, BLOCK_PAGE)) {
    for (const block of page) {
      problem = blockProblem(block, previous, keys) ?? (await rowsProblem(ledger, block));
      if (problem) break walk;
      previous = block;
      blocks++;
      sealed += block.row_count;
    }
  }

  let pending = 0;
  if (!problem) {
    const tail: XidRange = { lo: previous?.hi_xid ?? '0', hi: null };
    for (const table of await ledger.sealedTables()) {
      for (let after = 0; ; ) {
        const rows = await ledger.auditRows(table, tail, after, ROW_PAGE);
        const bad = rows.find((r) => r.problem);
        if (bad) {
          problem = { kind: 'row', table, id: bad.id, seq: bad.seq, message: `${table} row ${bad.id} (seq ${bad.seq}, not yet sealed): ${bad.problem}` };
          break;
        }
        pending += rows.length;
        if (rows.length < ROW_PAGE) break;
        after = rows[rows.length - 1].seq;
      }
      if (problem) break;
    }
  }

  let checkpoint: VerifyReport['checkpoint'];
  if (options.checkpoint) {
    const cp = options.checkpoint;
    const found = await ledger.block(cp.block.height);
    const matches = found !== null && found.hash === cp.block.hash && keys.get(cp.block.key_id)?.trim() === cp.public_key.trim();
    checkpoint = { height: cp.block.height, hash: cp.block.hash, matches };
    if (!matches && !problem) {
      problem = {
        kind: 'checkpoint',
        height: cp.block.height,
        message: !found
          ? `block ${cp.block.height} of the checkpoint is not in the database: the history was cut short or replaced`
          : found.hash !== cp.block.hash
            ? `block ${cp.block.height} differs from the checkpoint: the history up to it was rewritten`
            : `the public key ${cp.block.key_id} in the database differs from the checkpoint's`,
      };
    }
  }

  const latest = previous ? { height: previous.height, hash: previous.hash, sealed_at: previous.sealed_at, key_id: previous.key_id } : null;
  return {
    status: problem ? 'broken' : pending > 0 ? 'pending' : 'ok',
    blocks,
    rows_sealed: sealed,
    rows_pending: pending,
    latest_block: latest,
    first_problem: problem,
    ...(checkpoint ? { checkpoint } : {}),
    keys: [...keys.keys()].sort(),
  };
}

function blockProblem(block: SealedBlock, previous: SealedBlock | null, keys: Map<string, string>): AuditProblem | null {
  const expected = (previous?.height ?? 0) + 1;
  const at = (message: string): AuditProblem => ({ kind: 'block', height: block.height === expected ? block.height : expected, message });
  if (block.height !== expected) return at(`block ${expected} is missing (the next block is ${block.height})`);
  if (block.prev_hash !== (previous?.hash ?? null)) return at(`block ${block.height} does not link to block ${expected - 1}`);
  if (block.lo_xid !== (previous?.hi_xid ?? '0')) return at(`block ${block.height} does not start where block ${expected - 1} ends`);
  if (blockHash(block) !== block.hash) return at(`block ${block.height}'s header no longer matches its hash`);
  const pem = keys.get(block.key_id);
  if (!pem) return at(`block ${block.height} is signed by key ${block.key_id}, which the database does not hold`);
  if (!verifyBlockSignature(block, block.signature, pem)) return at(`block ${block.height}'s signature does not verify with key ${block.key_id}`);
  return null;
}

async function rowsProblem(ledger: AuditLedger, block: SealedBlock): Promise<AuditProblem | null> {
  const leaves: string[] = [];
  for (const table of block.tables) {
    for (let after = 0; ; ) {
      const rows = await ledger.auditRows(table, { lo: block.lo_xid, hi: block.hi_xid }, after, ROW_PAGE);
      for (const r of rows) {
        if (r.problem) return { kind: 'row', height: block.height, table, id: r.id, seq: r.seq, message: `${table} row ${r.id} (seq ${r.seq}, block ${block.height}): ${r.problem}` };
        leaves.push(leafHash(r));
      }
      if (rows.length < ROW_PAGE) break;
      after = rows[rows.length - 1].seq;
    }
  }
  if (leaves.length !== block.row_count) {
    return { kind: 'block', height: block.height, message: `block ${block.height} sealed ${block.row_count} rows; ${leaves.length} are there now (rows were deleted, added or moved)` };
  }
  if (merkleRoot(leaves) !== block.merkle_root) {
    return { kind: 'block', height: block.height, message: `the rows of block ${block.height} no longer match its Merkle root (a row was replaced or its order changed)` };
  }
  return null;
}
