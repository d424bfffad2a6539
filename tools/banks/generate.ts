/**
 * Regenerates the synthetic trajectory banks (`domains/<d>/trajectories.jsonl`) from each domain's
 * seeded generator. Tooling, not service code: the service only reads the banks it ships.
 *   npm run banks [-- --domain D]
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { BANK_SEED, BANK_SIZE } from '../../src/banks/bank-defaults.js';
import type { TrajectoryRow } from '../../src/banks/trajectory.js';
import { PROJECT_ROOT } from '../../src/lib/project-root.js';
import { generateBank as constructionSafety } from './construction_safety/generator.js';
import { generateBank as helpdesk } from './helpdesk/generator.js';
import { withoutSeedScenarios } from './seed-scenarios.js';
import { generateBank as triage } from './triage/generator.js';

export const GENERATORS: ReadonlyMap<string, (seed: number, count: number) => TrajectoryRow[]> = new Map([
  ['construction_safety', constructionSafety],
  ['helpdesk', helpdesk],
  ['triage', triage],
]);

/** The rows a domain's bank ships: its generator's, less any that repeat a seed scenario word for word. */
export function bankRows(domain: string, seed = BANK_SEED, size = BANK_SIZE): TrajectoryRow[] {
  const generate = GENERATORS.get(domain);
  if (!generate) throw new Error(`unknown domain '${domain}'`);
  return withoutSeedScenarios(generate(seed, size));
}

/** One JSON object per line, in generation order: the exact bytes the bank tests compare against. */
export function serialiseBank(rows: unknown[]): string {
  return rows.map((r) => JSON.stringify(r)).join('\n') + '\n';
}

export function writeBanks(root: string, only?: string): string[] {
  const out: string[] = [];
  for (const name of GENERATORS.keys()) {
    if (only && only !== name) continue;
    const started = performance.now();
    const rows = bankRows(name);
    const file = path.join(root, 'domains', name, 'trajectories.jsonl');
    fs.writeFileSync(file, serialiseBank(rows));
    out.push(`${name}: ${rows.length} rows → ${path.relative(root, file)} (${Math.round(performance.now() - started)} ms)`);
  }
  if (only && out.length === 0) throw new Error(`unknown domain '${only}'`);
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({ options: { domain: { type: 'string' } } });
  for (const line of writeBanks(PROJECT_ROOT, values.domain)) process.stdout.write(`${line}\n`);
}
