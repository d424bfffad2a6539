import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { inclusionPath, merkleRoot, rootFromPath } from '../../src/audit/merkle.js';

const leafOfBytes = (hex: string) => crypto.createHash('sha256').update(Buffer.concat([Buffer.from([0]), Buffer.from(hex, 'hex')])).digest('hex');

// The RFC 6962 test vectors of Certificate Transparency's reference implementation.
const CT_LEAVES = ['', '00', '10', '2021', '3031', '40414243', '5051525354555657', '606162636465666768696a6b6c6d6e6f'].map(leafOfBytes);
const CT_ROOTS = [
  '6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d',
  'fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125',
  'aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77',
  'd37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7',
  '4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4',
  '76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef',
  'ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c',
  '5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328',
];

const leaves = (n: number) => Array.from({ length: n }, (_, i) => leafOfBytes(Buffer.from(`row ${i}`).toString('hex')));

describe('the Merkle tree of a block', () => {
  it('when built over the RFC 6962 test leaves, then every prefix has the published root', () => {
    CT_ROOTS.forEach((root, i) => expect(merkleRoot(CT_LEAVES.slice(0, i + 1))).toBe(root));
  });

  it('when any leaf of a tree of any size up to 33 is proven, then its path leads to the root, and to nothing else from another leaf', () => {
    for (let n = 1; n <= 33; n++) {
      const tree = leaves(n);
      const root = merkleRoot(tree);
      for (let i = 0; i < n; i++) {
        const path = inclusionPath(tree, i);
        expect(rootFromPath(tree[i], i, n, path)).toBe(root);
        if (n > 1) expect(rootFromPath(tree[(i + 1) % n], i, n, path)).not.toBe(root);
      }
    }
  });

  it('when a path is shortened, lengthened, or claimed for another position or size, then it leads nowhere', () => {
    const tree = leaves(11);
    const root = merkleRoot(tree);
    const path = inclusionPath(tree, 6);
    expect(rootFromPath(tree[6], 6, 11, path.slice(1))).not.toBe(root);
    expect(rootFromPath(tree[6], 6, 11, [...path, root])).toBeNull();
    expect(rootFromPath(tree[6], 5, 11, path)).not.toBe(root);
    expect(rootFromPath(tree[6], 6, 7, path)).not.toBe(root);
    expect(rootFromPath(tree[6], 11, 11, path)).toBeNull();
  });

  it('when two leaves swap places, then the root changes (order is committed)', () => {
    const tree = leaves(4);
    expect(merkleRoot([tree[1], tree[0], tree[2], tree[3]])).not.toBe(merkleRoot(tree));
    expect(merkleRoot(tree.slice(0, 3))).not.toBe(merkleRoot(tree));
  });
});
