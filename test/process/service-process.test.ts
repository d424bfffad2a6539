import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/lib/project-root.js';
import { SCENARIOS } from '../support/scenarios.js';

interface Running {
  child: ChildProcess;
  port: number;
  stdout: () => string;
  exited: Promise<number | null>;
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'foresight-proc-'));

/** The real service process, as `npm start` runs it, on an ephemeral port with its own data directory. */
async function startProcess(): Promise<Running> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, 'src/main.ts')], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'debug' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (err += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setInterval(() => {
      const line = out.split('\n').find((l) => l.includes('"msg":"listening"'));
      if (line) {
        clearInterval(timer);
        resolve(JSON.parse(line).port);
      }
    }, 50);
    exited.then((code) => {
      clearInterval(timer);
      reject(new Error(`exited with ${code}: ${err}`));
    });
  });
  return { child, port, stdout: () => out, exited };
}

afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

describe('the service as a process', () => {
  let evaluationId = '';
  let keys: Record<string, string> = {};

  it('when started on an empty data directory, then it writes one key per role once to a file (never the log) and answers a first evaluation', async () => {
    const svc = await startProcess();
    try {
      // In a file only this user can read, which the log names; never in the log itself.
      const file = path.join(dataDir, 'bootstrap-keys.txt');
      expect(svc.stdout()).toContain(file);
      keys = Object.fromEntries([...fs.readFileSync(file, 'utf8').matchAll(/^(agent|supervisor|auditor|admin)\s+(fsk_\S+)$/gm)].map((m) => [m[1], m[2]]));
      expect(Object.keys(keys).sort()).toEqual(['admin', 'agent', 'auditor', 'supervisor']);
      const res = await fetch(`http://127.0.0.1:${svc.port}/v1/evaluate`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${keys.agent}` },
        body: JSON.stringify(SCENARIOS.gustyCraneLift.body),
      });
      const body = (await res.json()) as { decision: string; evaluation_id: string };
      expect(res.status).toBe(200);
      expect(body.decision).toBe('escalate');
      evaluationId = body.evaluation_id;
      // Logs carry request ids, never the keys or the state.
      expect(svc.stdout()).toMatch(/"requestId":"[0-9a-f-]{36}"/);
      expect(svc.stdout()).not.toMatch(/fsk_/);
    } finally {
      svc.child.kill('SIGTERM');
      expect(await svc.exited).toBe(0);
    }
  });

  it('when restarted on the same data directory, then no new keys are printed and the evaluation is still there', async () => {
    const svc = await startProcess();
    try {
      expect(svc.stdout()).not.toMatch(/fsk_/);
      const res = await fetch(`http://127.0.0.1:${svc.port}/v1/evaluations/${evaluationId}`, { headers: { authorization: `Bearer ${keys.auditor}` } });
      expect(res.status).toBe(200);
      expect(((await res.json()) as { decision: string }).decision).toBe('escalate');
    } finally {
      svc.child.kill('SIGTERM');
      expect(await svc.exited).toBe(0);
    }
  });

  it('when SIGTERM arrives during an evaluation, then the evaluation is answered and stored before the process exits', async () => {
    const svc = await startProcess();
    const pending = fetch(`http://127.0.0.1:${svc.port}/v1/evaluate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${keys.agent}` },
      body: JSON.stringify(SCENARIOS.hotPourWithoutBriefing.body),
    });
    // Signal once the server has the request in hand.
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        if (/"path":"\/v1\/evaluate","msg":"request received"/.test(svc.stdout())) {
          clearInterval(timer);
          resolve();
        }
      }, 1);
    });
    svc.child.kill('SIGTERM');
    const res = await pending;
    expect(res.status).toBe(200);
    const body = (await res.json()) as { decision: string; evaluation_id: string };
    expect(await svc.exited).toBe(0);
    const again = await startProcess();
    try {
      const read = await fetch(`http://127.0.0.1:${again.port}/v1/evaluations/${body.evaluation_id}`, { headers: { authorization: `Bearer ${keys.auditor}` } });
      expect(read.status).toBe(200);
    } finally {
      again.child.kill('SIGTERM');
      await again.exited;
    }
  });
});
