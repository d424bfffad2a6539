type State = Record<string, unknown>;

function isPlainObject(value: unknown): value is State {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A step's reported changes, merged into the simulated state (nested objects field by field). */
export function applyStateChanges(state: State, changes: State): State {
  const next: State = { ...state };
  for (const [key, value] of Object.entries(changes)) {
    next[key] = isPlainObject(next[key]) && isPlainObject(value) ? applyStateChanges(next[key], value) : value;
  }
  return next;
}

/**
 * Anchoring, as in the seed article's `_blend_states`: the simulation keeps its own direction
 * (its fields win, numbers lean `alpha` towards it) while the real state pulls drifted numbers back
 * and fills in what the simulation has lost.
 */
export function groundState(simulated: State, real: State, alpha = 0.7): State {
  const grounded: State = { ...real };
  for (const [key, value] of Object.entries(simulated)) {
    const anchor = real[key];
    if (typeof value === 'number' && typeof anchor === 'number' && Number.isFinite(value) && Number.isFinite(anchor)) {
      grounded[key] = alpha * value + (1 - alpha) * anchor;
    } else if (isPlainObject(value) && isPlainObject(anchor)) {
      grounded[key] = groundState(value, anchor, alpha);
    } else {
      grounded[key] = value;
    }
  }
  return grounded;
}
