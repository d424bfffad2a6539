/** One request's share of an evaluation's futures: indices `firstIndex … firstIndex + n - 1`. */
export interface RequestSlice {
  firstIndex: number;
  n: number;
}

/**
 * Splits N futures into as few requests as the server allows. Slices have fixed boundaries (full
 * ones first), so the same futures always land in the same request with the same seed.
 */
export function sliceRollouts(firstIndex: number, rollouts: number, maxPerRequest: number): RequestSlice[] {
  const slices: RequestSlice[] = [];
  for (let offset = 0; offset < rollouts; offset += maxPerRequest) {
    slices.push({ firstIndex: firstIndex + offset, n: Math.min(maxPerRequest, rollouts - offset) });
  }
  return slices;
}

/**
 * Runs tasks in parallel; the first failure aborts the rest, since one failed slice already decides
 * the call and the others would only hold slots the next evaluation needs.
 */
export async function inParallel<T>(tasks: Array<(signal: AbortSignal) => Promise<T>>, parent: AbortSignal): Promise<T[]> {
  const siblings = new AbortController();
  const signal = AbortSignal.any([parent, siblings.signal]);
  try {
    return await Promise.all(
      tasks.map((task) =>
        task(signal).catch((err: unknown) => {
          siblings.abort(err);
          throw err;
        }),
      ),
    );
  } finally {
    siblings.abort();
  }
}
