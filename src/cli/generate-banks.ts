import fs from 'node:fs';
import path from 'node:path';
import { BANK_SEED, BANK_SIZE } from '../banks/bank-defaults.js';
import { DOMAIN_MODULES } from '../packs/domain-modules.js';


/** One JSON object per line, in generation order: the exact bytes the bank tests compare against. */
export function serialiseBank(rows: unknown[]): string {
  return rows.map((r) => JSON.stringify(r)).join('\n') + '\n';
}

/** Writes domains/<d>/trajectories.jsonl from each domain's seeded generator. */
export function writeBanks(root: string, only?: string): string[] {
  const out: string[] = [];
  for (const [name, module] of DOMAIN_MODULES) {
    if (only && only !== name) continue;
    const started = performance.now();
    const rows = module.generateBank(BANK_SEED, BANK_SIZE);
    const file = path.join(root, 'domains', name, 'trajectories.jsonl');
    fs.writeFileSync(file, serialiseBank(rows));
    out.push(`${name}: ${rows.length} rows → ${path.relative(root, file)} (${Math.round(performance.now() - started)} ms)`);
  }
  if (only && out.length === 0) throw new Error(`unknown domain '${only}'`);
  return out;
}
