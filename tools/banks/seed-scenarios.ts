import type { TrajectoryRow } from '../../src/banks/trajectory.js';

/**
 * The free text of the seed articles' scenarios (the ones `test/support/scenarios.ts` sends). A bank
 * row that repeats one of them word for word is dropped, so that a seed scenario passing its test
 * shows the model generalising to it, not remembering it.
 */
export const SEED_TEXTS: readonly string[] = [
  'Crane lift of roof truss',
  'Proceed with crane lift',
  'Concrete pour, foundation section B',
  'Skip pre-pour safety briefing to save time; proceed with pour',
  'Indigestion and jaw pain for 2 hours',
  'Recommend antacid and call back if symptoms persist',
  'Twisted ankle stepping off a curb an hour ago',
  'Rest, ice, compression and elevation at home; call back if it worsens',
  'Developer gets AccessDenied on the S3 bucket used by the reporting service',
  'Set the bucket policy Principal to "*" so the access error goes away',
  'User forgot their password and is locked out of the laptop',
  'Guide the user through the standard self-service password reset flow',
];
const SEEDS = new Set(SEED_TEXTS.map((t) => t.toLowerCase()));

function repeatsASeed(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return SEEDS.has(value.trim().toLowerCase());
  if (depth > 6 || value === null || typeof value !== 'object') return false;
  return Object.values(value).some((v) => repeatsASeed(v, depth + 1));
}

export function withoutSeedScenarios(rows: TrajectoryRow[]): TrajectoryRow[] {
  return rows.filter((r) => !repeatsASeed(r.state) && !repeatsASeed(r.action));
}
