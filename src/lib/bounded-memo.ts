/**
 * A pure function of a string, remembered for the first `max` distinct arguments: for the small, repeating
 * vocabularies of a hot path (object keys, fact names), where callers' own strings must not grow it without limit.
 */
export function boundedMemo<T>(fn: (key: string) => T, max: number): (key: string) => T {
  const kept = new Map<string, T>();
  return (key) => {
    let value = kept.get(key);
    if (value === undefined) {
      value = fn(key);
      if (kept.size < max) kept.set(key, value);
    }
    return value;
  };
}
