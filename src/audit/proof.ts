import { leafHash, type LeafRef } from './block.js';
import { PROOF_FORMAT, type InclusionProof } from './check-proof.js';
import type { AuditLedger } from './ledger.js';
import { inclusionPath } from './merkle.js';

export interface PendingProof {
  format: typeof PROOF_FORMAT;
  /** Stored and committed, not sealed yet: the next seal (within the seal interval) includes it. */
  status: 'pending';
  record: Record<string, unknown>;
  leaf: LeafRef;
}

/** The inclusion proof of one row, or null when there is no such row. */
export async function inclusionProof(ledger: AuditLedger, table: string, id: string): Promise<InclusionProof | PendingProof | null> {
  const located = await ledger.locate(table, id);
  if (!located) return null;
  const { leaf, block, content } = located;
  if (!block) return { format: PROOF_FORMAT, status: 'pending', record: content, leaf };
  const leaves = (await ledger.leavesOf(block)).map(leafHash);
  const index = leaves.indexOf(leafHash(leaf));
  if (index < 0) throw new Error(`${table} row ${id} is in the range of block ${block.height} but not among its leaves: run audit verify`);
  const publicKey = (await ledger.publicKeys()).get(block.key_id);
  if (!publicKey) throw new Error(`block ${block.height} is signed by key ${block.key_id}, which the database does not hold: run audit verify`);
  return {
    format: PROOF_FORMAT,
    status: 'sealed',
    record: content,
    leaf,
    leaf_index: index,
    tree_size: leaves.length,
    path: inclusionPath(leaves, index),
    block,
    public_key: publicKey,
  };
}
