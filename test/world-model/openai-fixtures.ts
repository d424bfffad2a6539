import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { createOpenAIWorldModel, type OpenAIWorldModel, type OpenAIWorldModelDeps, type OpenAIWorldModelOptions } from '../../src/world-model/openai/openai-world-model.js';
import { WorldModelError, type SimulateRequest } from '../../src/world-model/world-model.js';
import { startFakeOpenAIServer, type FakeOpenAIServer, type FakeServerOptions } from '../support/fake-openai-server.js';

export const OUTCOMES = ['risk_mitigated', 'no_incident', 'neutral', 'near_miss', 'first_aid', 'recordable_incident', 'serious_incident'];
export const DOMAIN = 'construction_safety';
export const PROMPT = 'You simulate what happens on a construction site after a supervisor acts.';

export function writePromptDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'foresight-prompts-'));
  fs.mkdirSync(path.join(dir, DOMAIN));
  fs.writeFileSync(path.join(dir, DOMAIN, 'prompt.md'), PROMPT);
  return dir;
}

export function simulateRequest(overrides: Partial<SimulateRequest> = {}): SimulateRequest {
  return {
    domain: DOMAIN,
    state: { site_id: 'SITE_1', environmental_conditions: { wind_mph: 23, gust_mph: 31 }, crew_status: { size: 6, hours_on_site: 11 } },
    action: { description: 'Proceed with crane lift', kind: 'crane_lift' },
    rollouts: 16,
    firstIndex: 0,
    horizon: 3,
    seed: 7,
    temperature: 0.8,
    signal: new AbortController().signal,
    deadline: Date.now() + 5_000,
    ...overrides,
  };
}

export interface Harness {
  server: FakeOpenAIServer;
  wm: OpenAIWorldModel;
  close(): Promise<void>;
}

/** A fake server and an adapter pointed at it; `close()` tears both down. */
export async function startHarness(
  setup: { server?: FakeServerOptions; options?: Partial<OpenAIWorldModelOptions>; deps?: OpenAIWorldModelDeps } = {},
): Promise<Harness> {
  const server = await startFakeOpenAIServer(setup.server);
  const promptDir = writePromptDir();
  const wm = createOpenAIWorldModel(
    { baseURL: server.url, model: 'fake-world-model', promptDir, taxonomies: { [DOMAIN]: OUTCOMES }, retry: { baseDelayMs: 1 }, ...setup.options },
    setup.deps,
  );
  let closed: Promise<void> | undefined;
  return {
    server,
    wm,
    close() {
      closed ??= (async () => {
        await wm.close();
        await server.close();
        fs.rmSync(promptDir, { recursive: true, force: true });
      })();
      return closed;
    },
  };
}

/** Starts harnesses inside tests and closes each one after its test, passed or failed. */
export function harnessPerTest(): { start: typeof startHarness } {
  const started: Harness[] = [];
  afterEach(async () => {
    await Promise.all(started.splice(0).map((h) => h.close()));
  });
  return {
    async start(setup) {
      const harness = await startHarness(setup);
      started.push(harness);
      return harness;
    },
  };
}

/** The WorldModelError a call failed with; fails the test if it succeeded or failed otherwise. */
export async function failure(call: Promise<unknown>): Promise<WorldModelError> {
  const err = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(err instanceof WorldModelError)) throw new Error(`expected a WorldModelError, got ${err === undefined ? 'success' : String(err)}`);
  return err;
}
