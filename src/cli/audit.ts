import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { checkpointOf, checkpointProblems, CheckpointSchema, type Checkpoint } from '../audit/checkpoint.js';
import { PgAuditLedger } from '../audit/pg-audit-ledger.js';
import { SEALED_TABLES } from '../audit/pg-sealed-tables.js';
import { verifyAudit, type VerifyReport } from '../audit/verify.js';
import { loadConfig } from '../config.js';
import { openDatabase, type Database } from '../db/database.js';
import { migrate, readMigrations } from '../db/migrate.js';
import { PROJECT_ROOT } from '../lib/project-root.js';

export const AUDIT_USAGE = `  audit verify [--checkpoint FILE] [--json]
                                      walk every sealed block and row; name the first that does not
                                      match; with a checkpoint kept elsewhere, detect a rewritten
                                      history too. Exits 1 when broken
  audit export-checkpoint [--out FILE]
                                      the newest block, signed, with its public key: keep it elsewhere
`;

async function withLedger<T>(fn: (ledger: PgAuditLedger, db: Database) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const db = await openDatabase({ url: config.database.url, pgliteDir: path.join(config.dataDir, 'pglite') });
  try {
    await migrate(db, readMigrations(path.join(PROJECT_ROOT, 'migrations')));
    return await fn(new PgAuditLedger(db, SEALED_TABLES), db);
  } finally {
    await db.close();
  }
}

function describe(report: VerifyReport): string {
  const lines = [
    `${report.status.toUpperCase()}: ${report.blocks} blocks, ${report.rows_sealed} rows sealed, ${report.rows_pending} pending`,
    report.latest_block ? `  newest block ${report.latest_block.height} ${report.latest_block.hash} sealed ${report.latest_block.sealed_at} by ${report.latest_block.key_id}` : '  nothing sealed yet',
  ];
  if (report.checkpoint) lines.push(`  checkpoint at block ${report.checkpoint.height}: ${report.checkpoint.matches ? 'matches' : 'DOES NOT MATCH'}`);
  if (report.first_problem) lines.push(`  first problem: ${report.first_problem.message}`);
  if (report.status === 'pending') lines.push('  (pending rows are sealed by the running service within AUDIT_SEAL_INTERVAL_MS, and when it stops)');
  return lines.join('\n');
}

export async function auditCommand(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({ args, options: { checkpoint: { type: 'string' }, out: { type: 'string' }, json: { type: 'boolean' } }, allowPositionals: true });
  const [sub] = positionals;
  if (sub === 'verify') {
    let checkpoint: Checkpoint | undefined;
    if (values.checkpoint) {
      const parsed = CheckpointSchema.safeParse(JSON.parse(fs.readFileSync(values.checkpoint, 'utf8')));
      if (!parsed.success) throw new Error(`${values.checkpoint} is not a checkpoint: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
      const problems = checkpointProblems(parsed.data);
      if (problems.length > 0) throw new Error(`${values.checkpoint} does not hold together: ${problems.join('; ')}`);
      checkpoint = parsed.data;
    }
    const report = await withLedger((ledger) => verifyAudit(ledger, { checkpoint }));
    console.log(values.json ? JSON.stringify(report, null, 2) : describe(report));
    if (report.status === 'broken') process.exitCode = 1;
  } else if (sub === 'export-checkpoint') {
    const checkpoint = await withLedger(async (ledger) => {
      const block = await ledger.latestBlock();
      if (!block) throw new Error('no block has been sealed yet');
      const key = (await ledger.publicKeys()).get(block.key_id);
      if (!key) throw new Error(`the public key ${block.key_id} is missing: run foresight audit verify`);
      return checkpointOf(block, key);
    });
    const text = `${JSON.stringify(checkpoint, null, 2)}\n`;
    if (values.out) {
      fs.writeFileSync(values.out, text);
      console.log(`checkpoint of block ${checkpoint.block.height} written to ${values.out}`);
    } else process.stdout.write(text);
  } else {
    throw new Error(`usage:\n${AUDIT_USAGE}`);
  }
}
