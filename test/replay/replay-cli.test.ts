import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/database.js';
import { ENGINES, POSTGRES_URL } from '../support/engines.js';
import { runCli } from '../support/process.js';
import { SCENARIOS } from '../support/scenarios.js';
import { cliEnv, LOWERED_SITE_THRESHOLD, newPlace, openService, removePlace, replaceOnce, shippedPolicy, tokensOf, type Place } from './replay-support.js';

/** `foresight replay …` as a real process, the way an operator runs it (it learns the models in scope: up to the test's timeout). */
const foresight = (place: Place, ...args: string[]) => runCli(['replay', ...args], { LOG_LEVEL: 'silent', ...cliEnv(place) }, 180_000);

describe.each(ENGINES)('foresight replay on %s', (engine) => {
  let place: Place;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'foresight-candidate-test-'));
  const candidate = path.join(dir, 'construction_safety.yaml');
  const broken = path.join(dir, 'broken.yaml');
  const calm: string[] = [];
  let pour = '';

  beforeAll(async () => {
    place = newPlace(engine);
    const svc = await openService(place);
    const agent = { Authorization: `Bearer ${tokensOf(svc).agent}` };
    const ask = async (body: object, seed: number) => (await request(svc.app).post('/v1/evaluate').set(agent).send({ ...body, options: { seed } })).body;
    for (const seed of [1, 2, 3]) {
      const r = await ask(SCENARIOS.calmCraneLift.body, seed);
      expect(r.decision).toBe('approve');
      calm.push(r.evaluation_id);
    }
    const p = await ask(SCENARIOS.hotPourWithoutBriefing.body, 4);
    expect(p.decision).toBe('escalate');
    pour = p.evaluation_id;
    // Another domain: a site candidate replays site evaluations only.
    expect((await ask(SCENARIOS.sprainedAnkleHomeCare.body, 5)).decision).toBe('approve');
    await svc.stop();
    const shipped = shippedPolicy('construction_safety');
    fs.writeFileSync(candidate, replaceOnce(shipped, LOWERED_SITE_THRESHOLD.from, LOWERED_SITE_THRESHOLD.to));
    fs.writeFileSync(broken, replaceOnce(shipped, LOWERED_SITE_THRESHOLD.from, '  incident_rate: 1.5\n'));
  });
  afterAll(async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    if (place) await removePlace(place);
  });

  it('when a candidate policy lowers the site threshold, then the summary counts the approvals it would turn into escalations, with their ids and the reason', async () => {
    const run = await foresight(place, '--since', '1h', '--policy', candidate, '--json');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const r = JSON.parse(run.stdout);
    expect(r.window.domain).toBe('construction_safety');
    expect(r.replayed).toBe(4);
    expect(r.decisions_changed).toBe(3);
    expect(r.approve_to_escalate.count).toBe(3);
    expect([...r.approve_to_escalate.examples].sort()).toEqual([...calm].sort());
    expect(r.escalate_to_approve.count).toBe(0);
    const reason = r.reasons.find((x: { code: string }) => x.code === 'incident_rate_above_threshold');
    expect(reason).toMatchObject({ kind: 'rate', fired_now_not_then: 3, fired_then_not_now: 0 });
    expect(reason.examples).not.toContain(pour);
    expect(r.not_replayed.count).toBe(0);
    expect(r.policy.version).toBe(`sha256:${crypto.createHash('sha256').update(fs.readFileSync(candidate)).digest('hex')}`);
    expect(r.policy.version).not.toBe(r.policy.current_version);
    expect(r.policy.diff.lines).toEqual(expect.arrayContaining(['-   incident_rate: 0.3', '+   incident_rate: 0.05']));
  });

  it('when the window is replayed under the current policy, then no decision changes; with --limit, it stops there and says so', async () => {
    const current = await foresight(place, '--since', '1h', '--domain', 'construction_safety');
    expect(current.code).toBe(0);
    expect(current.stdout).toMatch(/^Replayed 4 evaluations \(.*domain construction_safety\) under the current policies\./);
    expect(current.stdout).toMatch(/Decisions changed: 0 of 4/);
    expect(current.stdout).toMatch(/Anything changed \(decision, rates, reasons or futures\): 0; unchanged: 4/);
    const limited = await foresight(place, '--since', '1h', '--policy', candidate, '--limit', '2');
    expect(limited.code).toBe(0);
    expect(limited.stdout).toMatch(/^Replayed 2 evaluations/);
    expect(limited.stdout).toMatch(/approve → escalate {2}2 {2}e\.g\. /);
    expect(limited.stdout).toMatch(/Stopped at --limit 2/);
    expect(limited.stdout).toMatch(/\+ {3}incident_rate: 0\.05/);
  });

  it('when the candidate policy is invalid or the window is wrong, then it fails with a message naming the problem', async () => {
    const bad = await foresight(place, '--since', '1h', '--policy', broken);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain(broken);
    expect(bad.stderr).toMatch(/thresholds\.incident_rate/);
    const missing = await foresight(place, '--since', '1h', '--policy', path.join(dir, 'nope.yaml'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/cannot be read/);
    const backwards = await foresight(place, '--since', '1h', '--until', '2h');
    expect(backwards.code).toBe(1);
    expect(backwards.stderr).toMatch(/--since .* must be before --until/);
    const nonsense = await foresight(place, '--since', 'yesterday');
    expect(nonsense.code).toBe(1);
    expect(nonsense.stderr).toMatch(/neither an ISO time/);
  });

  it('when the replays are done, then nothing was written: no evaluation, no replay, and the candidate policy is not stored', async () => {
    const db = await openDatabase(engine === 'postgres' ? { url: POSTGRES_URL, schema: place.schema } : { pgliteDir: place.pgliteDir });
    try {
      const count = async (sql: string, params: unknown[] = []) => (await db.query<{ n: number }>(sql, params)).rows[0].n;
      expect(await count('SELECT count(*)::int AS n FROM evaluations')).toBe(5);
      expect(await count('SELECT count(*)::int AS n FROM replays')).toBe(0);
      const version = `sha256:${crypto.createHash('sha256').update(fs.readFileSync(candidate)).digest('hex')}`;
      expect(await count('SELECT count(*)::int AS n FROM policy_versions WHERE version = $1', [version])).toBe(0);
      expect(await count('SELECT count(*)::int AS n FROM policy_versions')).toBe(3);
    } finally {
      await db.close();
    }
  });
});
