import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { WorldModel } from '../../src/world-model/world-model.js';
import { copyPacks, type PacksCopy } from '../support/packs-copy.js';
import { SCENARIOS } from '../support/scenarios.js';
import { startService, type TestService } from '../support/service.js';

const POLICY = 'policies/construction_safety.yaml';
const calm = SCENARIOS.calmCraneLift.body;

/** Holds the next simulation until released: an evaluation caught in flight. */
function simulationGate() {
  let hold: { entered: () => void; released: Promise<void> } | undefined;
  const wrapped = new WeakMap<WorldModel, WorldModel>();
  return {
    worldModelFor(_d: unknown, embedded: WorldModel): WorldModel {
      let wm = wrapped.get(embedded);
      if (!wm) {
        wm = {
          backend: embedded.backend,
          version: embedded.version,
          knowsProbabilities: embedded.knowsProbabilities,
          async simulate(req) {
            const h = hold;
            hold = undefined;
            if (h) {
              h.entered();
              await h.released;
            }
            return embedded.simulate(req);
          },
          health: () => embedded.health(),
          close: () => embedded.close(),
        };
        wrapped.set(embedded, wm);
      }
      return wm;
    },
    /** Resolves `entered` once the next simulation waits; it goes on when `release` is called. */
    arm() {
      let release!: () => void;
      let entered!: () => void;
      const inside = new Promise<void>((r) => (entered = r));
      hold = { entered, released: new Promise<void>((r) => (release = r)) };
      return { inside, release: () => release() };
    },
  };
}

describe('reloading packs and policies over HTTP', () => {
  let packs: PacksCopy;
  let svc: TestService;
  let original: string;
  let versionNow: string;
  const gate = simulationGate();
  let problemSchema: z.ZodType;
  let answerSchema: z.ZodType;

  const evaluate = async () => {
    const res = await request(svc.app).post('/v1/evaluate').set(svc.auth('agent')).send(calm);
    expect(res.status).toBe(200);
    return res.body as { evaluation_id: string; decision: string; policy: { version: string }; risk: { thresholds: Record<string, number> } };
  };
  const reload = () => request(svc.app).post('/v1/admin/reload').set(svc.auth('admin'));
  const withThreshold = (text: string, rate: string) => {
    const edited = text.replace(/^(thresholds:\n {2}incident_rate: )[\d.]+$/m, `$1${rate}`);
    expect(edited).not.toBe(text);
    return edited;
  };

  beforeAll(async () => {
    packs = copyPacks();
    original = packs.read(POLICY);
    versionNow = packs.versionOf(original);
    svc = await startService('pglite', { env: { PACKS_DIR: packs.dir }, worldModelFor: gate.worldModelFor });
    const doc = (await request(svc.app).get('/openapi.json')).body;
    const op = doc.paths['/v1/admin/reload'].post;
    answerSchema = z.fromJSONSchema(op.responses['200'].content['application/json'].schema);
    problemSchema = z.fromJSONSchema(doc.components.schemas.Problem);
    expect(op.responses['422']).toBeDefined();
  });
  afterAll(async () => {
    await svc?.stop();
    packs?.remove();
  });

  it('when nothing on disk changed, then a reload answers 200 with every domain unchanged', async () => {
    const res = await reload();
    expect(res.status).toBe(200);
    expect(answerSchema.safeParse(res.body).error).toBeUndefined();
    expect(res.body.changed).toBe(false);
    expect(res.body.domains.map((d: { domain: string }) => d.domain)).toEqual(['construction_safety', 'helpdesk', 'triage']);
    expect(res.body.domains.every((d: { changed: boolean; policy_version: { from: string; to: string } }) => !d.changed && d.policy_version.from === d.policy_version.to)).toBe(true);
  });

  it('when a threshold is edited and an admin reloads, then the answer names old and new versions, and the next evaluation, the domain and a replay use the new policy', async () => {
    const before = await evaluate();
    expect(before.policy.version).toBe(versionNow);
    expect(before.risk.thresholds.incident_rate).toBe(0.3);

    const edited = withThreshold(original, '0.25');
    packs.write(POLICY, edited);
    const res = await reload();
    expect(res.status).toBe(200);
    expect(answerSchema.safeParse(res.body).error).toBeUndefined();
    expect(res.body.changed).toBe(true);
    const cs = res.body.domains.find((d: { domain: string }) => d.domain === 'construction_safety');
    expect(cs).toEqual({ domain: 'construction_safety', changed: true, policy_version: { from: versionNow, to: packs.versionOf(edited) }, files: [POLICY] });
    expect(res.body.domains.filter((d: { changed: boolean }) => d.changed)).toHaveLength(1);
    // A policy edit does not touch what the model learned.
    expect(res.body.world_model.embedded_version.from).toBe(res.body.world_model.embedded_version.to);
    versionNow = packs.versionOf(edited);

    const after = await evaluate();
    expect(after.policy.version).toBe(versionNow);
    expect(after.risk.thresholds.incident_rate).toBe(0.25);
    const domain = await request(svc.app).get('/v1/domains/construction_safety').set(svc.auth('supervisor'));
    expect(domain.body.policy_version).toBe(versionNow);
    // The new text was recorded by version, as at start-up: a replay shows what the edit changed.
    const replay = await request(svc.app).post(`/v1/evaluations/${before.evaluation_id}/replay`).set(svc.auth('auditor'));
    expect(replay.status).toBe(200);
    expect(replay.body.policy).toMatchObject({ then: before.policy.version, now: versionNow, changed: true });
    expect(replay.body.policy.text_diff.lines).toContain('+   incident_rate: 0.25');
  });

  it.each([
    ['is not YAML', POLICY, (t: string) => `${t}\nthresholds: [unclosed\n`, /not valid YAML/],
    ['breaks the policy schema', POLICY, (t: string) => withThreshold(t, '1.5'), /thresholds\.incident_rate/],
    ['asks for a bound it cannot show', POLICY, (t: string) => withThreshold(t, '0.0001'), /no approval is provable within rollouts\.max/],
    ['breaks the pack schema', 'domains/construction_safety/pack.yaml', (t: string) => t.replace(/^title: .*$/m, 'title: 42'), /^domains\/construction_safety\/pack\.yaml: title: /],
  ])('when a file %s, then the reload is refused naming it, and evaluations go on under the version in force', async (_what, file, breakIt, problem) => {
    const good = packs.read(file);
    packs.write(file, breakIt(good));
    try {
      const res = await reload();
      expect(res.status).toBe(422);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(problemSchema.safeParse(res.body).error).toBeUndefined();
      expect(res.body.code).toBe('reload_rejected');
      expect(res.body.file).toBe(file);
      expect(`${res.body.file}: ${res.body.problem}`).toBe(res.body.detail);
      expect(res.body.detail).toMatch(problem);
      expect((await evaluate()).policy.version).toBe(versionNow);
    } finally {
      packs.write(file, good);
    }
    // Nothing was swapped: with the good file back, there is nothing to reload.
    const again = await reload();
    expect(again.status).toBe(200);
    expect(again.body.changed).toBe(false);
  });

  it('when a domain’s pack directory disappears, then the reload is refused: a reload keeps the domains it started with', async () => {
    const fs = await import('node:fs');
    const path = await import('node:path');
    const dir = path.join(packs.dir, 'domains', 'helpdesk');
    const aside = path.join(packs.dir, 'helpdesk-aside');
    fs.renameSync(dir, aside);
    try {
      const res = await reload();
      expect(res.status).toBe(422);
      expect(res.body.file).toBe('domains');
      expect(res.body.detail).toMatch(/removed helpdesk/);
      expect((await request(svc.app).get('/v1/domains').set(svc.auth('agent'))).body.domains).toHaveLength(3);
    } finally {
      fs.renameSync(aside, dir);
    }
  });

  it('when an evaluation is in flight during a reload, then it finishes on the policy it began with, and the next one runs on the new', async () => {
    const held = gate.arm();
    const inFlight = request(svc.app)
      .post('/v1/evaluate')
      .set(svc.auth('agent'))
      .send({ ...calm, options: { deadline_ms: 10_000 } })
      .then((r) => r);
    await held.inside;
    const edited = withThreshold(original, '0.2');
    packs.write(POLICY, edited);
    const res = await reload();
    expect(res.status).toBe(200);
    expect(res.body.domains[0].policy_version).toEqual({ from: versionNow, to: packs.versionOf(edited) });
    held.release();
    const first = await inFlight;
    expect(first.status).toBe(200);
    expect(first.body.policy.version).toBe(versionNow);
    expect(first.body.risk.thresholds.incident_rate).toBe(0.25);
    versionNow = packs.versionOf(edited);
    const next = await evaluate();
    expect(next.policy.version).toBe(versionNow);
    expect(next.risk.thresholds.incident_rate).toBe(0.2);
  });

  it('when two reloads are asked in the same instant (an admin call and a SIGHUP), then they run one after the other: the second finds nothing left to change', async () => {
    const edited = withThreshold(original, '0.15');
    packs.write(POLICY, edited);
    // Straight to the container, so that both start in one tick whatever HTTP's timing.
    const [a, b] = await Promise.all([svc.container.reload('admin'), svc.container.reload('SIGHUP')]);
    expect([a.trigger, b.trigger]).toEqual(['admin', 'SIGHUP']);
    expect(a.domains[0].policy_version).toEqual({ from: versionNow, to: packs.versionOf(edited) });
    expect(b.domains[0].policy_version).toEqual({ from: packs.versionOf(edited), to: packs.versionOf(edited) });
    expect(b.changed).toBe(false);
    versionNow = packs.versionOf(edited);
    expect((await evaluate()).policy.version).toBe(versionNow);
  });

  it('when a key of any other role asks for a reload, then it is refused with 403 and nothing is reloaded', async () => {
    packs.write(POLICY, original);
    try {
      for (const role of ['agent', 'supervisor', 'auditor', 'operator'] as const) {
        const res = await request(svc.app).post('/v1/admin/reload').set(svc.auth(role));
        expect(res.status).toBe(403);
        expect(res.body.code).toBe('forbidden');
      }
      expect((await evaluate()).policy.version).toBe(versionNow);
    } finally {
      const res = await reload();
      expect(res.status).toBe(200);
      versionNow = packs.versionOf(original);
    }
    expect((await evaluate()).policy.version).toBe(versionNow);
  });

  it('when a bank changes, then the reload learns it before the swap: the embedded model is new, and evaluations answer with it and its cases', async () => {
    const bank = 'domains/construction_safety/trajectories.jsonl';
    const rows = packs.read(bank).trimEnd().split('\n');
    packs.write(bank, `${rows.slice(0, -40).join('\n')}\n`);
    const res = await reload();
    expect(res.status).toBe(200);
    expect(res.body.domains.find((d: { domain: string }) => d.domain === 'construction_safety').files).toEqual([bank]);
    const { from, to } = res.body.world_model.embedded_version;
    expect(to).not.toBe(from);
    // Only the changed domain's part of the version moves.
    expect(to.split(',').filter((part: string) => !from.split(',').includes(part))).toHaveLength(1);
    const ev = await request(svc.app).post('/v1/evaluate').set(svc.auth('agent')).send(calm);
    expect(ev.status).toBe(200);
    expect(ev.body.world_model.version).toBe(to);
    expect(ev.body.policy.version).toBe(versionNow);
    expect(ev.body.similar_cases.length).toBeGreaterThan(0);
  });
});
