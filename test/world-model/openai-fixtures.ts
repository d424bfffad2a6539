import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect } from 'vitest';
import type { Anchor, AnchorIndex } from '../../src/world-model/anchor-index.js';
import { createOpenAIWorldModel, type OpenAIWorldModel, type OpenAIWorldModelDeps, type OpenAIWorldModelOptions } from '../../src/world-model/openai/openai-world-model.js';
import { STEP_INPUT_HEADING } from '../../src/world-model/openai/prompt.js';
import { WorldModelError, type SimulateRequest, type SimulateResult } from '../../src/world-model/world-model.js';
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

/** A bank whose nearest real case is always the same one, counting how often rollouts are grounded. */
export class CountingAnchors implements AnchorIndex {
  calls = 0;
  nearest(): Anchor {
    this.calls++;
    return { state: { site_id: 'REAL_CASE', anchored_from_bank: true }, steps: [{ t: 0, event: 'the lift was postponed', outcome: 'risk_mitigated', reward: 1 }] };
  }
}

/** Every rollout came back whole: all futures valid, each with steps 0 … horizon - 1 and an outcome of the taxonomy. */
export function expectWholeRollouts(result: SimulateResult, rollouts: number, horizon: number): void {
  expect(result.invalid).toBe(0);
  expect(result.futures).toHaveLength(rollouts);
  for (const future of result.futures) {
    expect(future.steps.map((s) => s.t)).toEqual(Array.from({ length: horizon }, (_, t) => t + 1));
    expect(OUTCOMES).toContain(future.final_outcome);
  }
}

export interface StepInput {
  t: number;
  state: Record<string, unknown>;
  similar_real_case_continuation?: unknown;
}

/** The step inputs the server saw, from prompt arrays and chat messages alike, in arrival order. */
export function stepInputs(h: Harness): StepInput[] {
  return h.server.stats.log.flatMap((entry): StepInput[] => {
    if (entry.refused) return [];
    const prompts = (entry.body?.prompt as string[] | undefined) ?? [];
    const messages = (entry.body?.messages as Array<{ role: string; content: string }> | undefined) ?? [];
    return [
      ...prompts.map((prompt) => JSON.parse(prompt.slice(prompt.lastIndexOf(`${STEP_INPUT_HEADING}\n`) + STEP_INPUT_HEADING.length + 1).split('\n')[0])),
      ...messages.filter((m) => m.role === 'user').map((m) => JSON.parse(m.content)),
    ];
  });
}

/** Steps from `from` on, and only those, were grounded on CountingAnchors' real case, keeping the simulation's own fields. */
export function expectGroundedFrom(inputs: StepInput[], from: number): void {
  expect(inputs.length).toBeGreaterThan(0);
  for (const input of inputs) {
    const grounded = input.t >= from;
    expect(input.state.anchored_from_bank === true).toBe(grounded);
    expect(input.similar_real_case_continuation !== undefined).toBe(grounded);
    // The simulation's own fields win over the real case's.
    expect(input.state.site_id).toBe('SITE_1');
  }
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
