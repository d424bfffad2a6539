import { benchAdaptive } from './adaptive-sampling.js';
import { benchAuditWrites } from './audit-writes.js';
import { benchEmbedded } from './evaluate-embedded.js';
import { benchJsonBody } from './json-body.js';
import { benchLoadTable } from './load-table.js';
import { benchNewSituation } from './new-situation.js';
import { BENCH_RATE_LIMIT } from './support.js';
import { benchOpenAI } from './openai-batching.js';
import { benchSimilarCases } from './similar-cases.js';
import { benchWorkers } from './workers.js';

// Benchmarks print figures measured in this one run; they never run inside `npm test`.
const only = process.argv[2];
const benches: [string, () => Promise<string[]>][] = [
  ['load-table', benchLoadTable],
  ['new-situation', benchNewSituation],
  ['workers', benchWorkers],
  ['embedded-postgres', () => benchEmbedded('postgres')],
  ['embedded-pglite', () => benchEmbedded('pglite')],
  ['openai', benchOpenAI],
  ['adaptive', benchAdaptive],
  ['similar-cases', benchSimilarCases],
  ['audit-writes', benchAuditWrites],
  ['json-body', benchJsonBody],
];

console.log(`foresight bench — ${new Date().toISOString()} — node ${process.version}, ${(await import('node:os')).cpus().length} cores; per-key rate limit: ${BENCH_RATE_LIMIT} (RATE_LIMIT_PER_KEY)\n`);
for (const [name, run] of benches) {
  if (only ? only !== name : name === 'new-situation') continue; // new-situation repeats two load-table rows: only on its own
  const started = performance.now();
  const lines = await run();
  console.log(`${lines.join('\n')}\n  (${name}: ${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
}
