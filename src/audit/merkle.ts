import crypto from 'node:crypto';

/**
 * A Merkle tree in the shape of RFC 6962 / RFC 9162 (Certificate Transparency): leaves and inner
 * nodes are hashed with different prefixes, so a leaf can never pass for a node, and the tree is
 * split at the largest power of two, so an inclusion proof is the standard audit path that any
 * CT-style verifier can check. Hashes are lowercase hex of SHA-256.
 */

const sha256 = (...parts: Buffer[]) => crypto.createHash('sha256').update(Buffer.concat(parts)).digest();

export function leafHashOf(data: string): string {
  return sha256(Buffer.from([0]), Buffer.from(data, 'utf8')).toString('hex');
}

export function nodeHash(left: string, right: string): string {
  return sha256(Buffer.from([1]), Buffer.from(left, 'hex'), Buffer.from(right, 'hex')).toString('hex');
}

/** The largest power of two strictly below n (n ≥ 2). */
function split(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

export function merkleRoot(leaves: readonly string[]): string {
  if (leaves.length === 0) return sha256().toString('hex');
  const root = (lo: number, hi: number): string => {
    if (hi - lo === 1) return leaves[lo];
    const k = split(hi - lo);
    return nodeHash(root(lo, lo + k), root(lo + k, hi));
  };
  return root(0, leaves.length);
}

/** The audit path of leaf `index`, from the leaf upwards (RFC 9162 §2.1.3.1). */
export function inclusionPath(leaves: readonly string[], index: number): string[] {
  if (index < 0 || index >= leaves.length) throw new RangeError(`leaf ${index} is outside a tree of ${leaves.length}`);
  const path = (m: number, lo: number, hi: number): string[] => {
    if (hi - lo === 1) return [];
    const k = split(hi - lo);
    return m < k ? [...path(m, lo, lo + k), merkleRoot(leaves.slice(lo + k, hi))] : [...path(m - k, lo + k, hi), merkleRoot(leaves.slice(lo, lo + k))];
  };
  return path(index, 0, leaves.length);
}

/** The root an audit path leads to from a leaf hash, or null when the path cannot belong to a tree of that size (RFC 9162 §2.1.3.2). */
export function rootFromPath(leafHash: string, index: number, size: number, path: readonly string[]): string | null {
  if (!Number.isInteger(index) || !Number.isInteger(size) || index < 0 || index >= size) return null;
  let fn = index;
  let sn = size - 1;
  let r = leafHash;
  for (const p of path) {
    if (sn === 0) return null;
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 ? r : null;
}
