/**
 * Exact nearest neighbours over standardised feature vectors. Banks hold thousands of rows,
 * so a linear scan (a few hundred microseconds) beats the upkeep of a tree.
 */
export interface Neighbour {
  row: number;
  distance: number;
}

/**
 * Dimensions summed between two checks of a row's running distance against the bound. A check per
 * dimension costs a branch per multiply-add; four at a time visits a few more dimensions of a row
 * that is already too far, and is cheaper overall (the sum and its order are the same either way).
 */
const CHECK_EVERY = 4;

export class NeighbourIndex {
  private readonly data: Float64Array;
  /** Each row's group, read in the scan's inner loop (a call per row cost more than the lookup). */
  private readonly group: Uint32Array;
  readonly size: number;

  constructor(
    vectors: ArrayLike<number>[],
    readonly dims: number,
    groupOf: (row: number) => number,
    private readonly groups: number,
  ) {
    this.size = vectors.length;
    this.data = new Float64Array(this.size * dims);
    vectors.forEach((v, i) => this.data.set(Array.from(v), i * dims));
    this.group = Uint32Array.from({ length: this.size }, (_, i) => groupOf(i));
  }

  /**
   * The k nearest rows of each group (e.g. each final outcome), nearest first; among rows at the
   * same distance, the earlier row first.
   */
  nearestPerGroup(z: ArrayLike<number>, k: number): Neighbour[][] {
    const best: Neighbour[][] = Array.from({ length: this.groups }, () => []);
    // A group's k-th best squared distance so far: a row's sum stops as soon as it reaches it.
    const bound = new Float64Array(this.groups).fill(Infinity);
    const { data, dims, group, size } = this;
    const q = Float64Array.from(z);
    const blocked = dims - (dims % CHECK_EVERY);
    for (let i = 0, base = 0; i < size; i++, base += dims) {
      const g = group[i];
      const limit = bound[g];
      let d = 0;
      let j = 0;
      // Summed one term at a time, in dimension order, so the distance is bit for bit the plain sum.
      for (; j < blocked && d < limit; j += CHECK_EVERY) {
        const t0 = data[base + j] - q[j];
        const t1 = data[base + j + 1] - q[j + 1];
        const t2 = data[base + j + 2] - q[j + 2];
        const t3 = data[base + j + 3] - q[j + 3];
        d += t0 * t0;
        d += t1 * t1;
        d += t2 * t2;
        d += t3 * t3;
      }
      if (d >= limit) continue;
      for (; j < dims; j++) {
        const t = data[base + j] - q[j];
        d += t * t;
      }
      if (d >= limit) continue;
      const list = best[g];
      let at = list.length;
      while (at > 0 && list[at - 1].distance > d) at--;
      list.splice(at, 0, { row: i, distance: d });
      if (list.length > k) list.pop();
      if (list.length === k) bound[g] = list[k - 1].distance;
    }
    for (const list of best) for (const n of list) n.distance = Math.sqrt(n.distance);
    return best;
  }

  /** The single nearest row over every group (the earlier one on a tie). */
  nearest(z: ArrayLike<number>): Neighbour | undefined {
    const { data, dims, size } = this;
    const q = Float64Array.from(z);
    let bestRow = -1;
    let bestD = Infinity;
    for (let i = 0, base = 0; i < size; i++, base += dims) {
      let d = 0;
      for (let j = 0; j < dims && d < bestD; j++) {
        const t = data[base + j] - q[j];
        d += t * t;
      }
      if (d < bestD) {
        bestD = d;
        bestRow = i;
      }
    }
    return bestRow < 0 ? undefined : { row: bestRow, distance: Math.sqrt(bestD) };
  }
}
