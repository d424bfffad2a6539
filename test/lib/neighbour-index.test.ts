import { describe, expect, it } from 'vitest';
import { NeighbourIndex } from '../../src/lib/neighbour-index.js';
import { mulberry32 } from '../../src/lib/random.js';

/** The plain definition: every row's squared distance summed in dimension order, the k smallest per group, earlier row first on a tie. */
function reference(vectors: number[][], groupOf: (r: number) => number, groups: number, z: number[], k: number) {
  const all = vectors.map((v, row) => ({ row, d: v.reduce((s, x, j) => s + (x - z[j]) * (x - z[j]), 0) }));
  return Array.from({ length: groups }, (_, g) =>
    all
      .filter((n) => groupOf(n.row) === g)
      .sort((a, b) => a.d - b.d || a.row - b.row)
      .slice(0, k)
      .map((n) => ({ row: n.row, distance: Math.sqrt(n.d) })),
  );
}

describe('NeighbourIndex', () => {
  // Binary and continuous features, as the featurisers make them, with repeated rows so that ties occur.
  const rng = mulberry32(5);
  const make = (rows: number, dims: number) => {
    const vectors = Array.from({ length: rows }, () => Array.from({ length: dims }, (_, j) => (j % 3 === 0 ? Math.round(rng() * 4) / 2 : rng() < 0.2 ? 2.5 : -0.4)));
    for (let i = 0; i < rows / 10; i++) vectors[Math.floor(rng() * rows)] = [...vectors[Math.floor(rng() * rows)]];
    return vectors;
  };

  it.each([[1], [3], [4], [7], [43]])('when the rows have %i dimensions, then each group’s k nearest are exactly those of the plain definition, ties to the earlier row', (dims) => {
    const vectors = make(600, dims);
    const groupOf = (r: number) => (r * 7) % 5;
    const index = new NeighbourIndex(vectors, dims, groupOf, 5);
    for (let q = 0; q < 25; q++) {
      // Some queries are rows themselves (distance 0, and their duplicates tie with them).
      const z = q % 3 === 0 ? vectors[q * 11] : Array.from({ length: dims }, () => rng() * 3 - 1);
      for (const k of [1, 8, 60, 200]) expect(index.nearestPerGroup(z, k)).toEqual(reference(vectors, groupOf, 5, z, k));
    }
  });

  it('when the query is a typed array, then the answer is the same as for its plain array', () => {
    const vectors = make(300, 10);
    const index = new NeighbourIndex(vectors, 10, () => 0, 1);
    const z = Array.from({ length: 10 }, () => rng());
    expect(index.nearestPerGroup(Float64Array.from(z), 20)).toEqual(index.nearestPerGroup(z, 20));
  });

  it('when a group has no rows or the index is empty, then its list is empty', () => {
    expect(new NeighbourIndex([[1, 2]], 2, () => 0, 2).nearestPerGroup([0, 0], 3)).toEqual([[{ row: 0, distance: Math.sqrt(5) }], []]);
    expect(new NeighbourIndex([], 2, () => 0, 1).nearestPerGroup([0, 0], 3)).toEqual([[]]);
    expect(new NeighbourIndex([], 2, () => 0, 1).nearest([0, 0])).toBeUndefined();
  });

  it('when asked for the single nearest row, then it is the nearest over all groups, the earlier on a tie', () => {
    const vectors = make(400, 9);
    const index = new NeighbourIndex(vectors, 9, (r) => r % 3, 3);
    for (let q = 0; q < 20; q++) {
      const z = vectors[q * 13];
      const [best] = reference(vectors, () => 0, 1, z, 1)[0];
      expect(index.nearest(z)).toEqual(best);
    }
  });
});
