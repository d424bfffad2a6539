import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../src/audit/verify.js';
import { createContainer, type Container } from '../../src/container.js';
import { openDatabase } from '../../src/db/database.js';
import { createLogger } from '../../src/logger.js';
import { SCENARIOS } from '../support/scenarios.js';
import { testConfig } from '../support/service.js';
import { eventually } from '../signoff/sign-off-support.js';

/**
 * PGlite's data directory on a filesystem of its own that the test fills up: a tmpfs, which needs
 * root (CAP_SYS_ADMIN). Full is the fault that can be made faithfully here: as root, chmod does not
 * stop writes, and a read-only remount is refused while PGlite holds its files open for writing.
 * A full disk gives PGlite's two ways of failing that a read-only one gives too: a statement fails
 * (ERROR 53100, the instance lives on), or the backend dies (PANIC on a WAL or checkpoint write).
 */
function mount(dir: string, size: string): boolean {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
const unmount = (dir: string) => execFileSync('umount', ['-l', dir], { stdio: 'ignore' });

const probeDir = fs.mkdtempSync(path.join(os.tmpdir(), 'foresight-tmpfs-probe-'));
const canMount = mount(probeDir, '1m');
if (canMount) unmount(probeDir);
fs.rmSync(probeDir, { recursive: true, force: true });

describe.skipIf(!canMount)('when the embedded database runs out of disk', () => {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'foresight-disk-'));
  const mnt = path.join(base, 'mnt');
  const pgliteDir = path.join(mnt, 'pglite');
  const filler = path.join(mnt, 'filler');
  let container: Container;
  let agent: { Authorization: string };
  let n = 0;
  const acknowledged = new Map<string, string>();

  const evaluate = async () => {
    const res = await request(container.app).post('/v1/evaluate').set(agent).send({ ...SCENARIOS.calmCraneLift.body, options: { seed: ++n } }).timeout(30_000);
    if (res.status === 200) acknowledged.set(res.body.evaluation_id, res.body.decision);
    return res;
  };
  const readyz = () => request(container.app).get('/readyz').timeout(10_000);

  /** Writes until the filesystem refuses: ENOSPC for PGlite's next new block too. */
  const fill = () => {
    const fd = fs.openSync(filler, 'w');
    const chunk = Buffer.alloc(1 << 20);
    try {
      for (;;) fs.writeSync(fd, chunk);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOSPC') throw err;
    } finally {
      fs.closeSync(fd);
    }
  };
  const free = () => fs.rmSync(filler, { force: true });

  const expectEscalating503 = (res: request.Response) => {
    expect(res.status).toBe(503);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.decision).toBe('escalate');
    expect(JSON.stringify(res.body)).not.toMatch(/ENOSPC|No space|could not (extend|write|open)|pglite|\/tmp/i);
  };

  beforeAll(async () => {
    fs.mkdirSync(mnt);
    // Room for the database the service creates (about 130 MB with its WAL), and the rest to fill.
    if (!mount(mnt, '384m')) throw new Error('tmpfs mount failed');
    container = await createContainer(testConfig('pglite', { DATA_DIR: path.join(base, 'data'), AUDIT_SEAL_INTERVAL_MS: '200', SIGN_OFF_SWEEP_INTERVAL_MS: '200' }), {
      logger: createLogger('silent'),
      database: { pgliteDir },
    });
    agent = { Authorization: `Bearer ${container.bootstrapKeys.find((k) => k.role === 'agent')!.token}` };
  });
  afterAll(async () => {
    free();
    await container?.stop();
    // A PGlite instance that died keeps its files open: a lazy unmount detaches it all the same.
    if (fs.existsSync(mnt)) unmount(mnt);
    fs.rmSync(base, { recursive: true, force: true });
  });

  it('then evaluate answers 503 escalate and /readyz is not ready; once there is room, it resumes by itself', async () => {
    for (let i = 0; i < 3; i++) expect((await evaluate()).status).toBe(200);
    expect((await readyz()).status).toBe(200);

    fill();
    const notReady = await readyz();
    expect(notReady.status).toBe(503);
    expect(notReady.body.checks.database.ok).toBe(false);
    expect(JSON.stringify(notReady.body)).not.toMatch(/ENOSPC|No space|could not|\/tmp|mnt/i);
    // A row may still fit on a page PostgreSQL has already: the first that needs a new block is refused.
    const answers: request.Response[] = [];
    for (let i = 0; i < 60 && !answers.some((r) => r.status === 503); i++) answers.push(await evaluate());
    for (const res of answers) if (res.status !== 200) expectEscalating503(res);
    expect(answers.some((r) => r.status === 503)).toBe(true);
    expect((await request(container.app).get('/healthz')).status).toBe(200);

    free();
    await eventually(async () => (await readyz()).status === 200, 20_000);
    expect((await evaluate()).status).toBe(200);
  });

  it('when PGlite dies of it (a checkpoint cannot be written: PANIC), then the process goes on answering 503 escalate, and reopens the database once there is room', async () => {
    fill();
    // PostgreSQL checkpoints by itself (WAL volume, shutdown); asked here, it happens now rather than some time.
    await expect(container.db.query('CHECKPOINT')).rejects.toThrow(/No space left/);
    const t = Date.now();
    expectEscalating503(await evaluate());
    expect((await readyz()).status).toBe(503);
    expect((await request(container.app).get('/healthz')).status).toBe(200);
    // Before PGlite was fenced, the next statement spun inside WASM and the process never answered again.
    expect(Date.now() - t).toBeLessThan(10_000);

    free();
    await eventually(async () => (await readyz()).status === 200, 30_000);
    const after = await evaluate();
    expect(after.status).toBe(200);
    const read = await request(container.app).get(`/v1/evaluations/${after.body.evaluation_id}`).set(agent);
    expect(read.status).toBe(200);
  });

  it('then every acknowledged evaluation is on disk, sealed into a trail that verifies', async () => {
    expect(acknowledged.size).toBeGreaterThanOrEqual(5);
    // The sealer kept its timer through both faults.
    await eventually(async () => {
      const r = await verifyAudit(container.audit.ledger);
      return r.status === 'ok' && r.rows_pending === 0;
    }, 20_000);
    await container.stop();
    const db = await openDatabase({ pgliteDir });
    try {
      const { rows } = await db.query<{ id: string; decision: string }>('SELECT id, decision FROM evaluations WHERE id = ANY($1::uuid[])', [[...acknowledged.keys()]]);
      expect(new Map(rows.map((r) => [r.id, r.decision]))).toEqual(acknowledged);
    } finally {
      await db.close();
    }
    // Stopped already; afterAll must not stop it twice.
    container = undefined as unknown as Container;
  });
});
