import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import request from 'supertest';
import YAML from 'yaml';
import { createContainer, type Container, type ContainerOptions } from '../../src/container.js';
import type { CreatedKey, NewKey } from '../../src/keys/key-store.js';
import { PROJECT_ROOT } from '../../src/lib/project-root.js';
import { createLogger } from '../../src/logger.js';
import { POSTGRES_URL, type Engine } from '../support/engines.js';
import { testConfig } from '../support/service.js';

/** A clock the test moves: it starts at the real time and only moves when told. */
export class TestClock {
  private offsetMs = 0;
  readonly now = () => new Date(Date.now() + this.offsetMs);
  advance(ms: number): void {
    this.offsetMs += ms;
  }
}

export const MINUTE = 60_000;

export interface SignOffTestService {
  container: Container;
  app: Container['app'];
  clock: TestClock;
  schema?: string;
  /** Keys with owners of their own (the bootstrap keys all share the owner `bootstrap`). */
  people: Record<'agent' | 'alice' | 'aliceNight' | 'bob' | 'carol' | 'agentsOwnSupervisor' | 'triageOnly' | 'auditor' | 'admin', CreatedKey>;
  as(who: keyof SignOffTestService['people']): { Authorization: string };
  stop(): Promise<void>;
}

/**
 * A packs directory with the shipped domains and policies, each policy edited by `edit` (a policy
 * that needs two sign-offs, a webhook URL of its own): the service reads it as it would the shipped one.
 */
export function packsWith(edit: (domain: string, policy: Record<string, any>) => void): { dir: string; remove(): void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'foresight-packs-'));
  fs.symlinkSync(path.join(PROJECT_ROOT, 'domains'), path.join(dir, 'domains'), 'dir');
  fs.mkdirSync(path.join(dir, 'policies'));
  for (const file of fs.readdirSync(path.join(PROJECT_ROOT, 'policies')).filter((f) => f.endsWith('.yaml'))) {
    const policy = YAML.parse(fs.readFileSync(path.join(PROJECT_ROOT, 'policies', file), 'utf8'));
    edit(file.replace(/\.yaml$/, ''), policy);
    fs.writeFileSync(path.join(dir, 'policies', file), YAML.stringify(policy));
  }
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

export async function startSignOffService(
  engine: Engine,
  options: { env?: Record<string, string>; replicaOf?: SignOffTestService; clock?: TestClock; worldModelFor?: ContainerOptions['worldModelFor'] } = {},
): Promise<SignOffTestService> {
  const joined = options.replicaOf?.schema;
  const schema = joined ?? `test_${crypto.randomBytes(6).toString('hex')}`;
  const clock = options.clock ?? options.replicaOf?.clock ?? new TestClock();
  const container = await createContainer(testConfig(engine, { SIGN_OFF_SWEEP_INTERVAL_MS: '0', AUDIT_SEAL_INTERVAL_MS: '0', ...options.env }), {
    logger: createLogger('silent'),
    database: engine === 'postgres' ? { schema } : { pgliteDir: 'memory://' },
    clock: clock.now,
    worldModelFor: options.worldModelFor,
  });
  const make = (spec: NewKey) => container.keys.create(spec);
  const people = options.replicaOf
    ? options.replicaOf.people
    : {
        agent: await make({ name: 'site-bot', role: 'agent', owner: 'site-automation' }),
        alice: await make({ name: 'alice-day', role: 'supervisor', owner: 'alice@example.org' }),
        aliceNight: await make({ name: 'alice-night', role: 'supervisor', owner: 'alice@example.org' }),
        bob: await make({ name: 'bob', role: 'supervisor', owner: 'bob@example.org' }),
        carol: await make({ name: 'carol', role: 'supervisor', owner: 'carol@example.org' }),
        // The agent's owner holding a supervisor key as well: it must not approve its own request.
        agentsOwnSupervisor: await make({ name: 'site-automation-desk', role: 'supervisor', owner: 'site-automation' }),
        triageOnly: await make({ name: 'triage-desk', role: 'supervisor', owner: 'dave@example.org', domains: ['triage'] }),
        auditor: await make({ name: 'erin', role: 'auditor', owner: 'erin@example.org' }),
        admin: await make({ name: 'root', role: 'admin', owner: 'ops@example.org' }),
      };
  return {
    container,
    app: container.app,
    clock,
    schema: engine === 'postgres' ? schema : undefined,
    people,
    as: (who) => ({ Authorization: `Bearer ${people[who].token}` }),
    async stop() {
      await container.stop();
      if (engine === 'postgres' && !joined) {
        const client = new pg.Client({ connectionString: POSTGRES_URL });
        await client.connect();
        await client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
        await client.end();
      }
    },
  };
}

/** Polls `probe` until it returns something truthy, at most `ms`: for work the service does in the background. */
export async function eventually<T>(probe: () => Promise<T | undefined | null | false>, ms = 10_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > until) throw new Error(`not within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export const evaluateAs = (svc: SignOffTestService, who: keyof SignOffTestService['people'], body: object, headers: Record<string, string> = {}) =>
  request(svc.app).post('/v1/evaluate').set(svc.as(who)).set(headers).send(body);

export const signOff = (svc: SignOffTestService, who: keyof SignOffTestService['people'], id: string, body: object) =>
  request(svc.app).post(`/v1/evaluations/${id}/override`).set(svc.as(who)).send(body);
