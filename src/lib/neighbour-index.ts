/**
 * Exact nearest neighbours over standardised feature vectors. Banks hold thousands of rows,
 * so a linear scan (a few hundred microseconds) beats the upkeep of a tree.
 */
export interface Neighbour {
  row: number;
  distance: number;
}

export class NeighbourIndex {
  private readonly data: Float64Array;
  readonly size: number;

  constructor(
    vectors: ArrayLike<number>[],
    readonly dims: number,
    private readonly groupOf: (row: number) => number,
    private readonly groups: number,
  ) {
    this.size = vectors.length;
    this.data = new Float64Array(this.size * dims);
    vectors.forEach((v, i) => this.data.set(Array.from(v), i * dims));
  }

  /** The k nearest rows of each group (e.g. each final outcome), nearest first. */
  nearestPerGroup(z: ArrayLike<number>, k: number): Neighbour[][] {
    const best: Neighbour[][] = Array.from({ length: this.groups }, () => []);
    // A group's k-th best squared distance so far: a row's sum stops as soon as it passes it.
    const bound = new Float64Array(this.groups).fill(Infinity);
    const { data, dims } = this;
    for (let i = 0; i < this.size; i++) {
      const g = this.groupOf(i);
      const limit = bound[g];
      let d = 0;
      const base = i * dims;
      for (let j = 0; j < dims && d < limit; j++) {
        const t = data[base + j] - z[j];
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

  nearest(z: ArrayLike<number>): Neighbour | undefined {
    let bestRow = -1;
    let bestD = Infinity;
    for (let i = 0; i < this.size; i++) {
      let d = 0;
      const base = i * this.dims;
      for (let j = 0; j < this.dims && d < bestD; j++) {
        const t = this.data[base + j] - z[j];
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
