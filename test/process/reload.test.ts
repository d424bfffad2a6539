import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/lib/project-root.js';
import { copyPacks, type PacksCopy } from '../support/packs-copy.js';
import { exitWithin, killAll, processData, startServiceProcess, until, type ProcessData, type ServiceProcess } from '../support/process.js';
import { SCENARIOS } from '../support/scenarios.js';

const POLICY = 'policies/construction_safety.yaml';
// What start-up derives from the banks, shared with the in-process tests (keyed by content and code).
const CACHE = path.join(PROJECT_ROOT, 'data', 'cache');

describe('the service process, reloaded with SIGHUP', () => {
  let packs: PacksCopy;
  let data: ProcessData;
  let svc: ServiceProcess;
  let agentKey = '';
  let original = '';

  const evaluate = async () => {
    const res = await fetch(`${svc.url}/v1/evaluate`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${agentKey}` },
      body: JSON.stringify(SCENARIOS.calmCraneLift.body),
      signal: AbortSignal.timeout(10_000),
    });
    expect(res.status).toBe(200);
    return (await res.json()) as { policy: { version: string }; risk: { thresholds: Record<string, number> } };
  };
  /** The log lines of this process with `msg`, parsed. */
  const logged = (msg: string) => svc.stdout().split('\n').filter((l) => l.includes(`"msg":"${msg}"`)).map((l) => JSON.parse(l) as Record<string, unknown>);
  const withThreshold = (rate: string) => original.replace(/^(thresholds:\n {2}incident_rate: )[\d.]+$/m, `$1${rate}`);

  beforeAll(async () => {
    fs.mkdirSync(CACHE, { recursive: true });
    packs = copyPacks();
    original = packs.read(POLICY);
    data = await processData('pglite', { sharedCache: CACHE });
    svc = await startServiceProcess({ ...data.env, PACKS_DIR: packs.dir });
    const keys = fs.readFileSync(path.join(data.dataDir, 'bootstrap-keys.txt'), 'utf8');
    agentKey = /^agent\s+(fsk_\S+)$/m.exec(keys)![1];
  });
  afterAll(async () => {
    await killAll();
    await data?.remove();
    packs?.remove();
  });

  it('when a policy is edited and the process gets SIGHUP, then it logs the change and the next evaluation runs on the new version', async () => {
    expect((await evaluate()).policy.version).toBe(packs.versionOf(original));
    const edited = withThreshold('0.25');
    packs.write(POLICY, edited);
    svc.child.kill('SIGHUP');
    await until('the reload is logged', () => logged('packs and policies reloaded').length === 1, 20_000);
    const [line] = logged('packs and policies reloaded');
    expect(line.trigger).toBe('SIGHUP');
    expect(line.changed).toEqual([{ domain: 'construction_safety', files: [POLICY], from: packs.versionOf(original), to: packs.versionOf(edited) }]);
    const after = await evaluate();
    expect(after.policy.version).toBe(packs.versionOf(edited));
    expect(after.risk.thresholds.incident_rate).toBe(0.25);
  });

  it('when a broken policy is sent with SIGHUP, then the process says which file and why, and goes on serving the version in force', async () => {
    const inForce = packs.versionOf(withThreshold('0.25'));
    packs.write(POLICY, `${original}\nthresholds: [unclosed\n`);
    svc.child.kill('SIGHUP');
    await until('the refusal is logged', () => logged('reload refused; the packs and policies in force keep serving').length === 1, 20_000);
    const [line] = logged('reload refused; the packs and policies in force keep serving');
    expect(line).toMatchObject({ trigger: 'SIGHUP', file: POLICY });
    expect(String(line.problem)).toMatch(/not valid YAML/);
    expect(await exitWithin(svc, 0)).toBeNull();
    expect((await evaluate()).policy.version).toBe(inForce);
  });

  it('when SIGTERM follows the reloads, then the process still shuts down cleanly', async () => {
    svc.child.kill('SIGTERM');
    expect(await exitWithin(svc, 20_000)).toEqual({ code: 0, signal: null });
  });
});
