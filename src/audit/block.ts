import crypto from 'node:crypto';
import { canonicalJson } from '../lib/canonical-json.js';
import { leafHashOf } from './merkle.js';

/**
 * A sealed block, in the exact form that is hashed, signed, served and exported: it commits to every
 * row of the listed tables written by a transaction with an id in [lo_xid, hi_xid), in table then
 * `seq` order, through their Merkle root, and to the previous block through its hash.
 */
export interface BlockHeader {
  height: number;
  lo_xid: string;
  hi_xid: string;
  tables: string[];
  row_count: number;
  merkle_root: string;
  prev_hash: string | null;
  sealed_at: string;
  key_id: string;
}

export interface SealedBlock extends BlockHeader {
  hash: string;
  /** Ed25519 over `signedBytes(header)`, base64. */
  signature: string;
}

/** One row as a block commits to it: which row, where in its table's order, and the digest of its content. */
export interface LeafRef {
  table: string;
  id: string;
  seq: number;
  digest: string;
}

const BLOCK_DOMAIN = 'foresight-audit-block/1\n';

export function headerOf(block: BlockHeader): BlockHeader {
  const { height, lo_xid, hi_xid, tables, row_count, merkle_root, prev_hash, sealed_at, key_id } = block;
  return { height, lo_xid, hi_xid, tables, row_count, merkle_root, prev_hash, sealed_at, key_id };
}

/** What the signature covers: the header alone, canonically encoded, behind a domain tag. */
export function signedBytes(header: BlockHeader): Buffer {
  return Buffer.from(BLOCK_DOMAIN + canonicalJson(headerOf(header)), 'utf8');
}

export function blockHash(header: BlockHeader): string {
  return crypto.createHash('sha256').update(signedBytes(header)).digest('hex');
}

/** Seq and id are part of the leaf, so moving a row in its table's order changes the root. */
export function leafHash(leaf: LeafRef): string {
  return leafHashOf(canonicalJson({ table: leaf.table, id: leaf.id, seq: leaf.seq, digest: leaf.digest }));
}

export function verifyBlockSignature(header: BlockHeader, signature: string, publicKeyPem: string): boolean {
  try {
    return crypto.verify(null, signedBytes(header), crypto.createPublicKey(publicKeyPem), Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}
