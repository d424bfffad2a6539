import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import YAML from 'yaml';
import { PROJECT_ROOT } from '../../src/lib/project-root.js';

const dirs: string[] = [];
const tempDir = (prefix: string) => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

/** Runs a project entry point as its own process and collects what it printed and how it ended. */
function run(script: string, args: string[], env: Record<string, string>, untilStdout?: RegExp): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, script), ...args], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, LOG_LEVEL: 'info', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => {
      stdout += d;
      if (untilStdout?.test(stdout)) child.kill('SIGTERM');
    });
    child.stderr.on('data', (d) => (stderr += d));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('foresight keys', () => {
  it('when keys are created, listed and revoked from the CLI, then the list shows roles, owners and states but never a secret', async () => {
    const env = { DATA_DIR: tempDir('foresight-cli-') };
    const created = await run('src/cli/foresight.ts', ['keys', 'create', '--role', 'supervisor', '--name', 'night-shift', '--owner', 'alice@example.org', '--domains', 'triage,helpdesk'], env);
    expect(created.code).toBe(0);
    const token = /fsk_([0-9a-f]{16})_\S{43}/.exec(created.stdout)!;
    expect(token).not.toBeNull();
    const id = token[1];
    const listed = await run('src/cli/foresight.ts', ['keys', 'list'], env);
    expect(listed.stdout).toMatch(new RegExp(`${id}\\s+supervisor\\s+active\\s+.*night-shift\\s+owner=alice@example.org\\s+domains=helpdesk,triage`));
    expect(listed.stdout).not.toContain(token[0]);
    const revoked = await run('src/cli/foresight.ts', ['keys', 'revoke', id], env);
    expect(revoked.code).toBe(0);
    expect((await run('src/cli/foresight.ts', ['keys', 'list'], env)).stdout).toMatch(new RegExp(`${id}\\s+supervisor\\s+revoked`));
    const again = await run('src/cli/foresight.ts', ['keys', 'revoke', id], env);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/no active key/);
  });

  it('when a key is rotated from the CLI, then a new secret is printed once with the end of the old one’s grace', async () => {
    const env = { DATA_DIR: tempDir('foresight-cli-') };
    const created = await run('src/cli/foresight.ts', ['keys', 'create', '--role', 'agent', '--name', 'triage-bot', '--owner', 'triage-team'], env);
    const [oldToken, id] = /fsk_([0-9a-f]{16})_\S{43}/.exec(created.stdout)!;
    const rotated = await run('src/cli/foresight.ts', ['keys', 'rotate', id, '--grace', '2h'], env);
    expect(rotated.code).toBe(0);
    const newToken = new RegExp(`fsk_${id}_\\S{43}`).exec(rotated.stdout)?.[0];
    expect(newToken).toBeDefined();
    expect(newToken).not.toBe(oldToken);
    expect(rotated.stdout).toMatch(/the old secret keeps working until \d{4}-\d\d-\d\dT/);
    expect((await run('src/cli/foresight.ts', ['keys', 'list'], env)).stdout).toMatch(new RegExp(`${id}\\s+agent\\s+active\\s+.*owner=triage-team\\s+rotated=`));
    const badGrace = await run('src/cli/foresight.ts', ['keys', 'rotate', id, '--grace', 'soon'], env);
    expect(badGrace.code).toBe(1);
    expect(badGrace.stderr).toMatch(/not a duration/);
  });

  it.each([
    ['no owner', ['--role', 'agent', '--name', 'x'], /--owner is required/],
    ['no name', ['--role', 'agent', '--owner', 'ops'], /--name is required/],
    ['an unknown role', ['--role', 'root', '--name', 'x', '--owner', 'ops'], /--role must be one of agent, supervisor, auditor, operator, admin/],
    ['an unknown domain', ['--role', 'supervisor', '--name', 'x', '--owner', 'ops', '--domains', 'nuclear_plant'], /unknown domain: nuclear_plant/],
    ['a domain scope on an agent', ['--role', 'agent', '--name', 'x', '--owner', 'ops', '--domains', 'triage'], /only supervisor keys/],
  ])('when a key is created with %s, then the CLI refuses it and creates nothing', async (_what, args, message) => {
    const env = { DATA_DIR: tempDir('foresight-cli-') };
    const res = await run('src/cli/foresight.ts', ['keys', 'create', ...args], env);
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(message);
    expect(res.stdout).not.toMatch(/fsk_/);
  });

  it('when the role matrix is asked for, then the CLI prints the table the README carries', async () => {
    const res = await run('src/cli/foresight.ts', ['keys', 'roles'], {});
    expect(res.code).toBe(0);
    const readme = fs.readFileSync(path.join(PROJECT_ROOT, 'README.md'), 'utf8');
    expect(readme).toContain(res.stdout.trim());
  });
});

describe('start-up that must not happen', () => {
  it('when a setting is invalid, then the service exits with status 2 and a message naming it', async () => {
    const res = await run('src/main.ts', [], { PORT: 'eighty', DATA_DIR: tempDir('foresight-bad-') });
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/PORT/);
  });

  it('when a policy has a broken rule, then the service exits with status 2 naming the file and the rule', async () => {
    const root = tempDir('foresight-packs-');
    fs.cpSync(path.join(PROJECT_ROOT, 'policies'), path.join(root, 'policies'), { recursive: true });
    fs.symlinkSync(path.join(PROJECT_ROOT, 'domains'), path.join(root, 'domains'));
    const file = path.join(root, 'policies/triage.yaml');
    const policy = YAML.parse(fs.readFileSync(file, 'utf8'));
    policy.hard_rules[1].when = 'state.caller_demographics.age >';
    fs.writeFileSync(file, YAML.stringify(policy));
    const res = await run('src/main.ts', [], { PACKS_DIR: root, DATA_DIR: tempDir('foresight-bad-') });
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('triage.yaml');
    expect(res.stderr).toContain(policy.hard_rules[1].id);
    expect(res.stdout).not.toMatch(/listening/);
  });
});

describe('logs', () => {
  it('when a triage call is evaluated, then the logs carry the request but none of the caller’s details', async () => {
    const dataDir = tempDir('foresight-logs-');
    const out = await new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, ['--import', 'tsx', path.join(PROJECT_ROOT, 'src/main.ts')], {
        cwd: PROJECT_ROOT,
        env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'trace' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      child.stdout.on('data', async (d) => {
        stdout += d;
        const listening = /"port":(\d+),"host":"127.0.0.1","msg":"listening"/.exec(stdout);
        if (!listening || stdout.includes('__sent__')) return;
        stdout += '__sent__';
        const key = /^agent\s+(fsk_\S+)$/m.exec(fs.readFileSync(path.join(dataDir, 'bootstrap-keys.txt'), 'utf8'))![1];
        const res = await fetch(`http://127.0.0.1:${listening[1]}/v1/evaluate`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
          body: JSON.stringify({
            domain: 'triage',
            state: { caller_demographics: { age: 45, sex: 'F', conditions: ['diabetes'], name: 'Maria Okonkwo' }, chief_complaint: 'Indigestion and jaw pain for 2 hours', symptom_details: {}, vital_signs: null, conversation_history: [{ role: 'caller', content: 'My phone is 555-0142' }], red_flags_identified: [], questions_asked: [] },
            action: { description: 'Recommend antacid', parameters: { disposition: 'home_care' } },
          }),
        });
        await res.json();
        setTimeout(() => child.kill('SIGTERM'), 100);
      });
      child.on('exit', () => resolve(stdout));
      child.on('error', reject);
    });
    const logs = out.split('\n').filter((l) => l.startsWith('{')).join('\n');
    expect(logs).toMatch(/"path":"\/v1\/evaluate".*"status":200/);
    for (const secret of ['Maria Okonkwo', '555-0142', 'jaw pain', 'fsk_']) expect(logs).not.toContain(secret);
  });
});
