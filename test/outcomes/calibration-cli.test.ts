import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { calibrationReport } from '../../src/outcomes/calibration-report.js';
import { PgCalibrationStore } from '../../src/outcomes/pg-calibration-store.js';
import { PgOutcomeStore } from '../../src/outcomes/pg-outcome-store.js';
import { openHarness, sampleRecord } from '../audit/audit-helpers.js';
import { runCli } from '../support/process.js';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'foresight-calibration-cli-'));
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const foresight = (...args: string[]) => runCli(args, { DATA_DIR: dataDir, LOG_LEVEL: 'silent' });

describe('foresight calibration', () => {
  let httpReport: Record<string, unknown>;

  it('when outcomes were reported, then `calibration --json` prints the report the HTTP route gives', async () => {
    // The embedded database on disk, as `npm start` keeps it; the CLI opens it after the service has stopped.
    const h = await openHarness('pglite', { pgliteDir: path.join(dataDir, 'pglite') });
    try {
      const outcomes = new PgOutcomeStore(h.db);
      // p 0.1 → no incident, p 0.4 → near miss (both confirmed by an auditor); p 0.2 → near miss, reported by the agent only.
      const plan = [
        { p: 0.1, decision: 'approve', outcome: 'no_incident', confirmed: true },
        { p: 0.4, decision: 'escalate', outcome: 'near_miss', confirmed: true },
        { p: 0.2, decision: 'approve', outcome: 'near_miss', confirmed: false },
      ] as const;
      for (const [i, step] of plan.entries()) {
        const rec = sampleRecord(i, {
          decision: step.decision,
          worldModel: { backend: 'fake-calibrated', version: 'fake-calibrated-1' },
          response: { decision: step.decision, risk: { rollouts: 16, valid_rollouts: 16, incident_rate: step.p, adverse_rate: step.p } },
        });
        await h.store.append(rec);
        const reporter = step.confirmed
          ? ({ keyId: 'key-auditor', owner: 'erin@example.org', name: 'erin', role: 'auditor' } as const)
          : ({ keyId: 'key-agent-1', owner: 'site-automation', name: 'site-bot', role: 'agent' } as const);
        const flag = step.outcome !== 'no_incident';
        await outcomes.append({
          id: crypto.randomUUID(), evaluationId: rec.id, outcome: step.outcome, incident: flag, adverse: flag,
          occurredAt: new Date(rec.createdAt.getTime() + 60_000), notes: null, reporter, confirmed: step.confirmed, recordedAt: new Date(),
        });
      }
      // What GET /v1/domains/construction_safety/calibration answers: the route serves exactly this function's report.
      httpReport = JSON.parse(JSON.stringify(await calibrationReport(new PgCalibrationStore(h.db), { domain: 'construction_safety' })));
    } finally {
      await h.close();
    }
    const json = await foresight('calibration', '--domain', 'construction_safety', '--json');
    expect(json.stderr).toBe('');
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual(httpReport);
    // (0.1 − 0)² and (0.4 − 1)²: Brier (0.01 + 0.36) / 2 = 0.185.
    expect(JSON.parse(json.stdout).groups[0].confirmed.incident.brier).toBeCloseTo(0.185, 6);
  });

  it('when printed for a terminal, then it shows the headline apart from the agent’s reports, with the bins', async () => {
    const text = await foresight('calibration', '--domain', 'construction_safety');
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^Calibration of construction_safety/);
    expect(text.stdout).toMatch(/world model fake-calibrated-1/);
    expect(text.stdout).toMatch(/confirmed \(headline\):\n {4}incident: n=2 {2}predicted 25\.0% {2}observed 50\.0%\n {6}Brier 0\.1850/);
    expect(text.stdout).toMatch(/agent-reported only \(not in the headline\):\n {4}incident: n=1/);
    expect(text.stdout).toMatch(/\[0\.4, 0\.5\) +1 +40\.0% +100\.0%/);
    expect(text.stdout).toMatch(/escalated 1 \(33\.3%\)/);
  });

  it('when the domain is unknown or a time is malformed, then it exits non-zero before opening the database', async () => {
    const unknown = await foresight('calibration', '--domain', 'gardening');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/unknown domain: gardening/);
    const badSince = await foresight('calibration', '--domain', 'construction_safety', '--since', 'last week');
    expect(badSince.code).toBe(1);
    expect(badSince.stderr).toMatch(/--since must be an ISO date/);
    const window = await foresight('calibration', '--domain', 'construction_safety', '--since', '2020-01-01', '--until', '2020-02-01');
    expect(window.code).toBe(0);
    expect(window.stdout).toMatch(/No evaluations in the window/);
  });
});
