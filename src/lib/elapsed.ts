/** Milliseconds since a `performance.now()` reading, to 0.01 ms. */
export function msSince(since: number): number {
  return Math.round((performance.now() - since) * 100) / 100;
}
