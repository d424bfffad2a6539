import { pino, type Logger } from 'pino';
import { z } from 'zod';
import { mixSeed } from '../../lib/random.js';
import type { AnchorIndex } from '../anchor-index.js';
import {
  WorldModelError,
  type Future,
  type SimulateRequest,
  type SimulateResult,
  type WorldModel,
  type WorldModelHealth,
} from '../world-model.js';
import { inParallel, sliceRollouts, type RequestSlice } from './batcher.js';
import { BoundedSemaphore } from './bounded-semaphore.js';
import { createBreaker, type BreakerState } from './breaker.js';
import { asWorldModelError, deadlineScope } from './deadline.js';
import { futureSchema, responseJsonSchema, type FutureSchema } from './future-schema.js';
import { CallerWentAway, guardTransport, type CallScope } from './guarded-transport.js';
import { createKeepAliveFetch } from './keep-alive-fetch.js';
import { parseJsonAs } from './parse-json.js';
import { futureMessages, loadDomainPrompts, type ChatMessage } from './prompt.js';
import { DEFAULT_RETRY, describe } from './retry.js';
import { StepCoalescer } from './step-coalescer.js';
import { createStepSender, isEndpointUnsupported, type StepwiseEndpoint } from './step-sender.js';
import { simulateStepwise } from './stepwise.js';
import { createTransport } from './transport.js';

const Positive = z.number().int().positive();

export const OpenAIWorldModelOptionsSchema = z.object({
  baseURL: z.url(),
  /** Servers such as vLLM often need none, but the SDK insists on a non-empty key. */
  apiKey: z.string().min(1).default('none'),
  model: z.string().min(1),
  /** Per-domain model names (a policy's `world_model.model`), served by the same backend. */
  models: z.record(z.string(), z.string().min(1)).default({}),
  maxPerRequest: Positive.default(16),
  maxInFlight: Positive.default(32),
  maxQueue: z.number().int().min(0).default(256),
  breaker: z
    .object({ resetTimeoutMs: Positive.default(10_000), volumeThreshold: Positive.default(5), errorThresholdPercentage: z.number().min(1).max(100).default(50) })
    .prefault({}),
  retry: z
    .object({
      maxAttempts: Positive.default(DEFAULT_RETRY.maxAttempts),
      baseDelayMs: z.number().min(0).default(DEFAULT_RETRY.baseDelayMs),
      maxDelayMs: z.number().min(0).default(DEFAULT_RETRY.maxDelayMs),
      minAttemptMs: z.number().min(0).default(DEFAULT_RETRY.minAttemptMs),
    })
    .prefault({}),
  /** The `domains/` directory: `<promptDir>/<domain>/prompt.md` is read once, at construction. */
  promptDir: z.string().min(1),
  /** Outcome names per domain; a future's `final_outcome` must be one of its domain's. */
  taxonomies: z.record(z.string(), z.array(z.string().min(1)).min(1)),
  maxTokensPerFuture: Positive.default(1024),
  maxTokensPerStep: Positive.default(256),
  /** Where step-wise batches go: `auto` uses `/v1/completions` until the server says it has none, then chat. */
  stepwiseEndpoint: z.enum(['completions', 'chat', 'auto']).default('auto'),
  stepwise: z
    .object({ anchorEvery: Positive.default(4), windowMs: z.number().min(0).default(2), maxBatch: Positive.default(64) })
    .prefault({}),
});

export type OpenAIWorldModelOptions = z.input<typeof OpenAIWorldModelOptionsSchema>;

export interface OpenAIWorldModelDeps {
  logger?: Logger;
  /** Grounds step-wise rollouts on the bank; without it they run unanchored. */
  anchors?: AnchorIndex;
}

export interface OpenAIWorldModel extends WorldModel {
  health(): WorldModelHealth & { detail: { breaker: BreakerState; stepwise_endpoint: StepwiseEndpoint } & Record<string, unknown> };
}

/** A `WorldModel` served by any OpenAI-compatible server (vLLM, a hosted model, the fake in tests). */
export function createOpenAIWorldModel(input: OpenAIWorldModelOptions, deps: OpenAIWorldModelDeps = {}): OpenAIWorldModel {
  const options = OpenAIWorldModelOptionsSchema.parse(input);
  const log = (deps.logger ?? pino({ enabled: false })).child({ module: 'world-model.openai', model: options.model });
  const domains = Object.keys(options.taxonomies);
  const prompts = loadDomainPrompts(options.promptDir, domains);

  const counters = { requests: 0, invalid: 0, anchored: 0, failures: {} as Record<string, number> };
  const http = createKeepAliveFetch({ maxSockets: options.maxInFlight });
  const transport = createTransport({ baseURL: options.baseURL, apiKey: options.apiKey, fetch: http.fetch, logger: log });
  const semaphore = new BoundedSemaphore(options.maxInFlight, options.maxQueue);
  const breaker = createBreaker({
    name: `world-model:${options.baseURL}`,
    ...options.breaker,
    isNotBackendFault: (err) => err instanceof CallerWentAway || isEndpointUnsupported(err),
    onStateChange: (state) => log.warn({ breaker: state }, 'world model circuit breaker changed state'),
  });
  const guarded = guardTransport(transport, { semaphore, breaker, retry: options.retry, onAttempt: () => counters.requests++ });
  const modelFor = (domain: string) => options.models[domain] ?? options.model;
  const stepSender = createStepSender(guarded, { endpoint: options.stepwiseEndpoint, maxTokensPerStep: options.maxTokensPerStep }, log);
  const coalescer = new StepCoalescer(stepSender.send, options.stepwise);
  const closing = new AbortController();

  const schemas = new Map<string, { schema: FutureSchema; jsonSchema: Record<string, unknown> }>();
  function schemaFor(domain: string, horizon: number) {
    const key = `${domain}\0${horizon}`;
    let entry = schemas.get(key);
    if (!entry) {
      const schema = futureSchema(options.taxonomies[domain], horizon);
      entry = { schema, jsonSchema: responseJsonSchema(schema) };
      schemas.set(key, entry);
    }
    return entry;
  }

  async function requestSlice(req: SimulateRequest, messages: ChatMessage[], slice: RequestSlice, scope: CallScope): Promise<SimulateResult> {
    const { schema, jsonSchema } = schemaFor(req.domain, req.horizon);
    const choices = await guarded.chat(
      {
        model: modelFor(req.domain),
        messages,
        n: slice.n,
        seed: mixSeed(req.seed, slice.firstIndex),
        temperature: req.temperature,
        max_completion_tokens: options.maxTokensPerFuture,
        response_format: { type: 'json_schema', json_schema: { name: 'future', schema: jsonSchema, strict: true } },
      },
      scope,
    );
    // One future per index; a missing, duplicated, truncated or invalid choice is counted, never repaired.
    const byIndex = new Map<number, Future>();
    for (const choice of choices ?? []) {
      if (!choice || choice.index >= slice.n || byIndex.has(choice.index) || choice.finishReason === 'length') continue;
      const future = parseJsonAs(schema, choice.text);
      if (future) byIndex.set(choice.index, future);
    }
    const futures = [...byIndex.entries()].sort(([a], [b]) => a - b).map(([, future]) => future);
    return { futures, invalid: slice.n - futures.length };
  }

  async function simulateSinglePass(req: SimulateRequest, prompt: string, scope: CallScope): Promise<SimulateResult> {
    const slices = sliceRollouts(req.firstIndex, req.rollouts, options.maxPerRequest);
    const messages = futureMessages(prompt, { ...req, outcomes: options.taxonomies[req.domain] });
    const results = await inParallel(
      slices.map((slice) => (signal: AbortSignal) => requestSlice(req, messages, slice, { signal, deadline: scope.deadline })),
      scope.signal,
    );
    return { futures: results.flatMap((r) => r.futures), invalid: results.reduce((sum, r) => sum + r.invalid, 0) };
  }

  async function simulate(req: SimulateRequest): Promise<SimulateResult> {
    if (closing.signal.aborted) throw new WorldModelError('world_model_unavailable', 'the world model client is closed');
    const prompt = prompts.get(req.domain);
    if (prompt === undefined) throw new WorldModelError('world_model_unavailable', `the openai world model is not configured for domain '${req.domain}'`);
    if (req.signal.aborted || Date.now() >= req.deadline) throw new WorldModelError('deadline_exceeded', 'the deadline passed before simulation started');
    if (req.rollouts <= 0) return { futures: [], invalid: 0 };

    const scope = deadlineScope(req.deadline, [req.signal, closing.signal]);
    try {
      const result =
        req.mode === 'stepwise'
          ? await simulateStepwise(
              req,
              {
                model: modelFor(req.domain),
                prompt,
                outcomes: options.taxonomies[req.domain],
                coalescer,
                anchors: deps.anchors,
                anchorEvery: req.anchorEvery ?? options.stepwise.anchorEvery,
                onAnchor: () => counters.anchored++,
              },
              scope,
            )
          : await simulateSinglePass(req, prompt, scope);
      counters.invalid += result.invalid;
      return result;
    } catch (err) {
      const failure = closing.signal.aborted
        ? new WorldModelError('world_model_unavailable', 'the world model client closed during the call', { cause: err })
        : asWorldModelError(err, scope, describe);
      counters.failures[failure.reason] = (counters.failures[failure.reason] ?? 0) + 1;
      log.warn({ reason: failure.reason, domain: req.domain, err: failure.message }, 'world model call failed');
      throw failure;
    } finally {
      scope.dispose();
    }
  }

  return {
    backend: 'openai',
    version: `openai:${[options.model, ...Object.entries(options.models).map(([domain, model]) => `${domain}=${model}`)].join(',')}+prompts:${prompts.hash}`,
    simulate,
    health() {
      const state = breaker.state();
      return {
        ready: !closing.signal.aborted && state !== 'open',
        detail: {
          breaker: state,
          model: options.model,
          stepwise_endpoint: stepSender.endpoint(),
          in_flight: semaphore.inFlight,
          queued: semaphore.queued,
          requests_total: counters.requests,
          invalid_futures_total: counters.invalid,
          anchored_total: counters.anchored,
          failures_total: { ...counters.failures },
        },
      };
    },
    async close() {
      if (closing.signal.aborted) return;
      const closed = new WorldModelError('world_model_unavailable', 'the world model client is closed');
      closing.abort(closed);
      coalescer.close(closed);
      semaphore.rejectWaiting(closed);
      breaker.shutdown();
      http.close();
    },
  };
}
