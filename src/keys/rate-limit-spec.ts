/** A token bucket's shape: `perSecond` tokens come back each second, at most `burst` are held. */
export interface RateLimit {
  perSecond: number;
  burst: number;
}

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3_600 };

/** Above this a limit is no limit; below, a key could wait days for one request. */
const MAX_PER_SECOND = 1_000_000;
const MIN_PER_SECOND = 1 / 86_400;
const MAX_BURST = 10_000_000;

/** Unless given, a bucket holds two seconds' worth (the default 50/s holds 100), and at least one request. */
const defaultBurst = (perSecond: number): number => Math.max(1, Math.ceil(2 * perSecond));

/** `50/s`, `600/m`, `10/h` (decimals allowed) as requests per second; throws on anything else. */
function parseRate(text: string): number {
  const t = text.trim();
  const slash = t.indexOf('/');
  const amount = slash > 0 ? t.slice(0, slash) : '';
  const unit = slash > 0 ? t.slice(slash + 1) : '';
  // Number('') is 0 and Number('1e3') is 1000: only plain decimals are accepted.
  const plain = amount.length > 0 && [...amount].every((c) => (c >= '0' && c <= '9') || c === '.');
  const n = plain ? Number(amount) : NaN;
  if (!(unit in UNIT_SECONDS) || !Number.isFinite(n) || n <= 0) throw new Error(`'${text}' is not a rate (examples: 50/s, 600/m, 100/h)`);
  const perSecond = n / UNIT_SECONDS[unit];
  if (perSecond > MAX_PER_SECOND || perSecond < MIN_PER_SECOND) throw new Error(`'${text}': a rate is between 1/day and ${MAX_PER_SECOND}/s`);
  return perSecond;
}

/** A whole limit from a rate and an optional burst (a positive whole number). */
export function rateLimitOf(rate: string, burst?: string | number): RateLimit {
  const perSecond = parseRate(rate);
  if (burst === undefined || burst === '') return { perSecond, burst: defaultBurst(perSecond) };
  const b = typeof burst === 'number' ? burst : [...burst.trim()].every((c) => c >= '0' && c <= '9') && burst.trim() !== '' ? Number(burst.trim()) : NaN;
  if (!Number.isInteger(b) || b < 1 || b > MAX_BURST) throw new Error(`a burst is a whole number of requests from 1 to ${MAX_BURST}, not '${burst}'`);
  return { perSecond, burst: b };
}

export const formatRateLimit = (l: RateLimit): string => `${Number(l.perSecond.toPrecision(6))}/s burst ${l.burst}`;
