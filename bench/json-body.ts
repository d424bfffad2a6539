import { pathToFileURL } from 'node:url';
import { jsonTextProblem } from '../src/http/json-body.js';
import { fmt, percentile } from './support.js';

/**
 * The body check's cost against JSON.parse alone, on bodies shaped like evaluate requests (state with
 * long conversation histories and observation lists), grown to 100 KB and 1 MB, plus a key-heavy body
 * (many small objects: the scanner's worst case per byte).
 */
function evaluateLike(targetBytes: number): string {
  const turns: unknown[] = [];
  const state = {
    ticket_id: 'T-1', category: 'access', priority: 'high', description: 'Reset MFA for a contractor account',
    conversation_history: turns, resolution_status: 'open', information_gathered: { user_verified: false, manager: 'j.doe' }, turns_elapsed: 4,
  };
  const body = { domain: 'helpdesk', state, action: { description: 'Reset the MFA device', kind: 'mfa_reset', parameters: { user: 'c.smith', notify: true } }, options: { rollouts: 32, horizon: 5 } };
  let size = JSON.stringify(body).length;
  for (let i = 0; size < targetBytes; i++) {
    const turn = { role: i % 2 ? 'agent' : 'user', content: `Turn ${i}: the caller says the \"old phone\" was lost — café, naïve, 日本語 ${'words '.repeat(20)}`, at: 1_700_000_000 + i, sentiment: -0.25 + (i % 5) / 10 };
    turns.push(turn);
    size += JSON.stringify(turn).length + 1;
  }
  return JSON.stringify(body);
}

function keyHeavy(targetBytes: number): string {
  const rows: Record<string, number>[] = [];
  const row = { a: 1, b: 2, c: 3, d: 4, e: 5, f: 6 };
  const rowBytes = JSON.stringify(row).length + 1;
  for (let size = 10; size < targetBytes; size += rowBytes) rows.push({ ...row });
  return JSON.stringify({ rows });
}

/**
 * Milliseconds per call of each function, measured interleaved (one call of each per round) so load
 * from other processes falls on all of them alike: the fastest round (what the code costs) and the median.
 */
function timeInterleaved(fns: (() => unknown)[], budgetMs: number): { min: number; median: number }[] {
  for (const fn of fns) for (let i = 0; i < 5; i++) fn();
  const samples: number[][] = fns.map(() => []);
  const end = performance.now() + budgetMs;
  while (performance.now() < end || samples[0].length < 15) {
    fns.forEach((fn, k) => {
      const t = performance.now();
      fn();
      samples[k].push(performance.now() - t);
    });
  }
  return samples.map((s) => ({ min: Math.min(...s), median: percentile(s, 50) }));
}

export async function benchJsonBody(): Promise<string[]> {
  const lines = [
    'JSON body check (duplicate and __proto__ keys, depth, numbers beyond a double, surrogates) against JSON.parse — ms per body, fastest round (median)',
    '  body              size    JSON.parse          check               check+parse         ratio fastest (median)',
  ];
  const bodies: [string, string][] = [
    ['evaluate-like', evaluateLike(100_000)],
    ['evaluate-like', evaluateLike(1_000_000)],
    ['key-heavy', keyHeavy(100_000)],
    ['key-heavy', keyHeavy(1_000_000)],
  ];
  const cell = (t: { min: number; median: number }) => `${fmt(t.min, 3)} (${fmt(t.median, 3)})`.padEnd(20);
  for (const [name, text] of bodies) {
    if (jsonTextProblem(text) !== undefined) throw new Error(`the ${name} body should pass the check`);
    const [parse, check, both] = timeInterleaved(
      [
        () => JSON.parse(text),
        () => jsonTextProblem(text),
        () => {
          jsonTextProblem(text);
          return JSON.parse(text);
        },
      ],
      1500,
    );
    lines.push(`  ${name.padEnd(14)} ${`${Math.round(text.length / 1000)} KB`.padStart(8)}   ${cell(parse)}${cell(check)}${cell(both)}${fmt(both.min / parse.min)}× (${fmt(both.median / parse.median)}×)`);
  }
  return lines;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) console.log((await benchJsonBody()).join('\n'));
