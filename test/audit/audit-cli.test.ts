import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/process.js';
import { behindTheServicesBack, newSigner, openHarness, sampleRecord, sealUntilSettled } from './audit-helpers.js';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'foresight-audit-cli-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));
const pgliteDir = path.join(dataDir, 'pglite');

const foresight = (...args: string[]) => runCli(args, { DATA_DIR: dataDir, LOG_LEVEL: 'silent' });

describe('foresight audit', () => {
  const ids: string[] = [];
  const checkpointFile = path.join(dataDir, 'checkpoint.json');

  it('when the trail is intact, then `audit verify` says OK and `audit export-checkpoint` writes a signed checkpoint', async () => {
    const h = await openHarness('pglite', { pgliteDir });
    for (let i = 0; i < 3; i++) {
      const r = sampleRecord(i);
      ids.push(r.id);
      await h.store.append(r);
    }
    await sealUntilSettled(h.sealer, h.ledger);
    await h.close();
    const verified = await foresight('audit', 'verify');
    expect(verified.stderr).toBe('');
    expect(verified.code).toBe(0);
    expect(verified.stdout).toMatch(/^OK: 1 blocks, 3 rows sealed, 0 pending/);
    const exported = await foresight('audit', 'export-checkpoint', '--out', checkpointFile);
    expect(exported.code).toBe(0);
    expect(JSON.parse(fs.readFileSync(checkpointFile, 'utf8'))).toMatchObject({ format: 'foresight-audit-checkpoint/1', block: { height: 1, row_count: 3 } });
    const against = await foresight('audit', 'verify', '--checkpoint', checkpointFile);
    expect(against.code).toBe(0);
    expect(against.stdout).toMatch(/checkpoint at block 1: matches/);
  });

  it('when the history is replaced behind the service’s back and sealed again with another key, then only `audit verify --checkpoint` fails, naming the block', async () => {
    const attacker = newSigner();
    const h = await openHarness('pglite', { pgliteDir, signer: attacker });
    await behindTheServicesBack(h.db, (tx) => tx.query("UPDATE evaluations SET decision = 'approve' WHERE id = $1", [ids[0]]));
    // A row changed without its hash: plain verify names it.
    await h.close();
    const changed = await foresight('audit', 'verify');
    expect(changed.code).toBe(1);
    expect(changed.stdout).toMatch(new RegExp(`^BROKEN[\\s\\S]*first problem: evaluations row ${ids[0]}`));

    const again = await openHarness('pglite', { pgliteDir, signer: attacker });
    const { evaluationDigest } = await import('../../src/audit/evaluation-digest.js');
    const rec = (await again.store.get(ids[0]))!;
    // Now consistently: the row rehashed, the old blocks gone, the history sealed anew with the attacker's key.
    await behindTheServicesBack(again.db, async (tx) => {
      await tx.query('UPDATE evaluations SET hash = $2 WHERE id = $1', [ids[0], evaluationDigest(rec)]);
      await tx.query('DELETE FROM audit_blocks');
    });
    await sealUntilSettled(again.sealer, again.ledger);
    await again.close();
    const consistent = await foresight('audit', 'verify');
    expect(consistent.code).toBe(0);
    const detected = await foresight('audit', 'verify', '--checkpoint', checkpointFile);
    expect(detected.code).toBe(1);
    expect(detected.stdout).toMatch(/checkpoint at block 1: DOES NOT MATCH/);
    expect(detected.stdout).toMatch(/first problem: block 1 differs from the checkpoint/);
  });
});
