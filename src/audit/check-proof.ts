import { blockHash, leafHash, verifyBlockSignature, type LeafRef, type SealedBlock } from './block.js';
import { contentDigest } from './evaluation-digest.js';
import { rootFromPath } from './merkle.js';
import { keyIdOf } from './signing-key.js';

export const PROOF_FORMAT = 'foresight-inclusion-proof/1';

/** Evidence that one row is in a signed block: everything needed to check it offline, with node:crypto alone. */
export interface InclusionProof {
  format: typeof PROOF_FORMAT;
  status: 'sealed';
  /** Exactly what the row's digest covers. */
  record: Record<string, unknown>;
  leaf: LeafRef;
  leaf_index: number;
  tree_size: number;
  /** Sibling hashes from the leaf up to the block's Merkle root (RFC 9162 audit path). */
  path: string[];
  block: SealedBlock;
  public_key: string;
}

export interface ProofCheck {
  ok: boolean;
  problems: string[];
}

/**
 * Checks an inclusion proof without the service: the record hashes to the leaf, the path leads from
 * the leaf to the block's root, the header hashes to the block hash, and the signature verifies.
 * Pass `trustedKeys` (key id → PEM, e.g. from a checkpoint kept elsewhere) to trust those keys
 * rather than the one the proof carries.
 */
export function checkInclusionProof(proof: InclusionProof, options: { trustedKeys?: Record<string, string> } = {}): ProofCheck {
  const problems: string[] = [];
  const { record, leaf, block } = proof;
  if (proof.format !== PROOF_FORMAT || proof.status !== 'sealed') problems.push('this is not a sealed inclusion proof');
  if (record.id !== leaf.id || record.table !== leaf.table) problems.push('the record is not the row the leaf names');
  if (contentDigest(record) !== leaf.digest) problems.push("the record does not hash to the leaf's digest");
  if (proof.tree_size !== block.row_count) problems.push('the proof is for a tree of another size than the block');
  if (rootFromPath(leafHash(leaf), proof.leaf_index, proof.tree_size, proof.path) !== block.merkle_root) problems.push("the path does not lead to the block's Merkle root");
  if (blockHash(block) !== block.hash) problems.push('the block header does not match its hash');
  const key = options.trustedKeys ? options.trustedKeys[block.key_id] : proof.public_key;
  if (!key) problems.push(`key ${block.key_id} is not among the trusted keys`);
  else {
    let keyMatches = false;
    try {
      keyMatches = keyIdOf(key) === block.key_id;
    } catch {
      // An unreadable key is reported below as a mismatch.
    }
    if (!keyMatches) problems.push(`the public key is not key ${block.key_id}`);
    else if (!verifyBlockSignature(block, block.signature, key)) problems.push("the block's signature does not verify");
  }
  return { ok: problems.length === 0, problems };
}
