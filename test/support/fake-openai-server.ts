/**
 * A fake OpenAI-compatible server on loopback, speaking the real protocol (node:http, no mocks):
 * `POST /v1/chat/completions` (n, json_schema response_format, seed), `POST /v1/completions` (prompt
 * arrays: one choice per prompt × n, `index = prompt index * n + j`), `GET /v1/models`. Either
 * completion endpoint can be switched off, as on servers that lack it.
 *
 * For tests and benchmarks: a fixed latency per request and per output token (counted from the
 * request's arrival, so the fake's own work is inside it, as a model server's is), injected faults,
 * and a log of every request. Futures come from a pluggable generator (default: deterministic and
 * simple); plug in the embedded model to make decisions through the fake meaningful.
 */
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { mixSeed, mulberry32 } from '../../src/lib/random.js';
import type { Future } from '../../src/world-model/world-model.js';
import { STEP_INPUT_HEADING } from '../../src/world-model/openai/prompt.js';

export interface GeneratorContext {
  endpoint: 'chat' | 'completions';
  /** From the request's input JSON (the last user message, or the step prompt's input section). */
  domain?: string;
  state?: Record<string, unknown>;
  action?: Record<string, unknown>;
  horizon: number;
  /** The allowed final outcomes: the json_schema's enum (single pass) or the step input's list (step-wise). */
  outcomes: string[];
  messages?: Array<{ role: string; content: string }>;
  prompt?: string;
  /** Step-wise only: the step asked for, and everything the step's input carried. */
  t?: number;
  input?: Record<string, unknown>;
  /** The request's seed (0 when absent) and the choice's index within the request. */
  seed: number;
  index: number;
}

/** What a step-wise completion answers with (see src/world-model/openai/future-schema.ts); a chat request asks for one with a json_schema named `step`. */
export interface FakeStep {
  event: string;
  outcome: string;
  reward: number;
  state?: Record<string, unknown>;
  risk_factors?: string[];
}

export type Fault =
  | { kind: 'status'; status: number }
  | { kind: 'rate_limit'; retryAfterSeconds: number }
  /** Never answers; the socket stays open until the client gives up or the server closes. */
  | { kind: 'hang' }
  /** Destroys the connection without an answer. */
  | { kind: 'reset' }
  /** 200 with a body that is not JSON. */
  | { kind: 'malformed' };

export interface Faults {
  fault?: Fault;
  /** How many completion requests the fault hits before it clears itself; default: all of them. */
  times?: number;
  /** Share of choices (0…1) replaced by invalid content: not JSON, an outcome outside the taxonomy, no steps. */
  invalidShare?: number;
}

export interface Latency {
  /** Added to every completion request. */
  latencyMs?: number;
  /** Added per output token of the longest choice (choices decode in parallel, as on vLLM). */
  perTokenMs?: number;
}

export interface FakeServerOptions extends Latency {
  model?: string;
  /** Endpoints the server offers (default: both); one switched off answers 404 as a server without it does. */
  endpoints?: { chat?: boolean; completions?: boolean };
  faults?: Faults;
  generate?: (ctx: GeneratorContext) => Future;
  generateStep?: (ctx: GeneratorContext) => FakeStep;
}

export interface RequestLogEntry {
  method: string;
  path: string;
  body: Record<string, unknown> | undefined;
  /** The fault injected into this request, if any. */
  fault?: Fault['kind'];
  /** Answered 404: the server has no such endpoint, or it was switched off. */
  refused?: boolean;
  receivedAt: number;
}

export interface FakeServerStats {
  /** Completion requests received (chat and completions), faulted ones included; refused ones show only in the log. */
  requests: number;
  /** The most requests the server held open at once since start or the last reset. */
  maxConcurrent: number;
  log: RequestLogEntry[];
  openConnections: number;
  /** Connections accepted since start: a client with a keep-alive pool opens few. */
  connections: number;
  invalidChoices: number;
  reset(): void;
}

export interface FakeOpenAIServer {
  /** Base URL for the SDK, ending in `/v1`. */
  url: string;
  stats: FakeServerStats;
  setFaults(faults: Faults): void;
  setLatency(latency: Latency): void;
  close(): Promise<void>;
}

const tokens = (text: string) => Math.ceil(text.length / 4);

export function defaultFuture(ctx: GeneratorContext): Future {
  const rng = mulberry32(mixSeed(ctx.seed, ctx.index));
  const final = ctx.outcomes[Math.floor(rng() * ctx.outcomes.length)] ?? 'unknown';
  const steps = Array.from({ length: ctx.horizon }, (_, t) => ({
    t,
    event: `simulated event ${t + 1} of ${ctx.horizon}`,
    outcome: t === ctx.horizon - 1 ? final : 'in_progress',
    reward: Math.round((rng() * 2 - 1) * 100) / 100,
  }));
  return { steps, final_outcome: final, risk_factors: rng() < 0.5 ? ['simulated risk'] : [] };
}

export function defaultStep(ctx: GeneratorContext): FakeStep {
  const rng = mulberry32(mixSeed(ctx.seed, ctx.index, ctx.t ?? 0));
  const last = ctx.t === ctx.horizon - 1;
  return {
    event: `simulated step ${ctx.t}`,
    outcome: last ? (ctx.outcomes[Math.floor(rng() * ctx.outcomes.length)] ?? 'unknown') : 'in_progress',
    reward: Math.round((rng() * 2 - 1) * 100) / 100,
    state: {},
    risk_factors: [],
  };
}

const INVALID_CHOICES = ['this is not JSON {', JSON.stringify({ steps: [{ t: 0, event: 'x', outcome: 'x', reward: 0 }], final_outcome: 'not_in_the_taxonomy', risk_factors: [] }), JSON.stringify({ final_outcome: 'x', risk_factors: [] })];

/** Exactly `share` of every request's choices are invalid, spread evenly, so tests can count them. */
function isInvalid(j: number, share: number): boolean {
  return Math.floor((j + 1) * share) > Math.floor(j * share);
}

function parseJson(text: string | undefined): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text ?? '');
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

type ResponseFormat = { json_schema?: { name?: string; schema?: { properties?: { final_outcome?: { enum?: string[] } } } } } | undefined;

function schemaOutcomes(body: Record<string, unknown>): string[] {
  return (body.response_format as ResponseFormat)?.json_schema?.schema?.properties?.final_outcome?.enum ?? [];
}

function asksForStep(body: Record<string, unknown>): boolean {
  return (body.response_format as ResponseFormat)?.json_schema?.name === 'step';
}

/** The fields of a request's input JSON that every generator sees. */
function inputFields(input: Record<string, unknown>) {
  return {
    domain: input.domain as string | undefined,
    state: input.state as Record<string, unknown> | undefined,
    action: input.action as Record<string, unknown> | undefined,
  };
}

/** What a step generator sees of a step's input, whichever endpoint carried it. */
function stepFields(input: Record<string, unknown>) {
  return {
    ...inputFields(input),
    horizon: Number(input.horizon ?? 1),
    outcomes: (input.final_outcomes as string[] | undefined) ?? [],
    t: Number(input.t ?? 0),
    input,
  };
}

function stepInput(prompt: string): Record<string, unknown> {
  const at = prompt.lastIndexOf(`${STEP_INPUT_HEADING}\n`);
  if (at < 0) return {};
  return parseJson(prompt.slice(at + STEP_INPUT_HEADING.length + 1).split('\n')[0]) ?? {};
}

export async function startFakeOpenAIServer(options: FakeServerOptions = {}): Promise<FakeOpenAIServer> {
  const model = options.model ?? 'fake-world-model';
  const generate = options.generate ?? defaultFuture;
  const generateStep = options.generateStep ?? defaultStep;
  let faults: Faults = options.faults ?? {};
  let latency: Required<Latency> = { latencyMs: options.latencyMs ?? 0, perTokenMs: options.perTokenMs ?? 0 };
  const offered = { chat: options.endpoints?.chat ?? true, completions: options.endpoints?.completions ?? true };
  let nextId = 1;
  let open = 0;
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();

  const stats: FakeServerStats = {
    requests: 0,
    maxConcurrent: 0,
    log: [],
    openConnections: 0,
    connections: 0,
    invalidChoices: 0,
    reset() {
      stats.requests = 0;
      stats.maxConcurrent = open;
      stats.log = [];
      stats.invalidChoices = 0;
    },
  };

  const takeFault = (): Fault | undefined => {
    const fault = faults.fault;
    if (!fault) return undefined;
    if (faults.times !== undefined && --faults.times <= 0) faults = { invalidShare: faults.invalidShare };
    return fault;
  };

  const sendJson = (res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };

  const later = (ms: number, fn: () => void) => {
    if (ms <= 0) return fn();
    const timer = setTimeout(() => {
      timers.delete(timer);
      fn();
    }, ms);
    timers.add(timer);
  };

  /** Choice contents: generated, or invalid where the share says so. */
  const contents = (count: number, make: (j: number) => string): string[] =>
    Array.from({ length: count }, (_, j) => {
      if (faults.invalidShare && isInvalid(j, faults.invalidShare)) {
        stats.invalidChoices++;
        return INVALID_CHOICES[j % INVALID_CHOICES.length];
      }
      return make(j);
    });

  const chat = (body: Record<string, unknown>) => {
    const n = Number(body.n ?? 1);
    const seed = Number(body.seed ?? 0);
    const messages = (body.messages ?? []) as Array<{ role: string; content: string }>;
    const input = parseJson([...messages].reverse().find((m) => m.role === 'user')?.content) ?? {};
    const texts = contents(n, (index) =>
      JSON.stringify(
        asksForStep(body)
          ? generateStep({ ...stepFields(input), endpoint: 'chat', messages, seed, index })
          : generate({ endpoint: 'chat', ...inputFields(input), horizon: Number(input.horizon ?? 3), outcomes: schemaOutcomes(body), messages, seed, index }),
      ),
    );
    const choices = texts.map((content, index) => ({ index, message: { role: 'assistant', content, refusal: null }, finish_reason: 'stop', logprobs: null }));
    return { texts, reply: { id: `chatcmpl-${nextId++}`, object: 'chat.completion', created: Math.floor(Date.now() / 1000), model, system_fingerprint: 'fake', choices } };
  };

  const completions = (body: Record<string, unknown>) => {
    const n = Number(body.n ?? 1);
    const seed = Number(body.seed ?? 0);
    const prompts = Array.isArray(body.prompt) ? (body.prompt as string[]) : [String(body.prompt ?? '')];
    const texts = prompts.flatMap((prompt, p) => {
      const input = stepInput(prompt);
      return contents(n, (j) => JSON.stringify(generateStep({ ...stepFields(input), endpoint: 'completions', prompt, seed, index: p * n + j })));
    });
    const choices = texts.map((text, index) => ({ index, text, finish_reason: 'stop', logprobs: null }));
    return { texts, reply: { id: `cmpl-${nextId++}`, object: 'text_completion', created: Math.floor(Date.now() / 1000), model, choices } };
  };

  const answer = (req: http.IncomingMessage, res: http.ServerResponse, raw: string, arrived: number) => {
    const path = (req.url ?? '/').split('?')[0];
    const body = parseJson(raw);
    const entry: RequestLogEntry = { method: req.method ?? 'GET', path, body, receivedAt: Date.now() };
    stats.log.push(entry);

    if (req.method === 'GET' && path === '/v1/models') {
      return sendJson(res, 200, { object: 'list', data: [{ id: model, object: 'model', created: 0, owned_by: 'foresight-tests' }] });
    }
    const name = req.method !== 'POST' ? undefined : path === '/v1/chat/completions' ? 'chat' : path === '/v1/completions' ? 'completions' : undefined;
    const endpoint = name && offered[name] ? { chat, completions }[name] : undefined;
    if (!endpoint) {
      entry.refused = true;
      return sendJson(res, 404, { error: { message: `no route ${req.method} ${path}`, type: 'invalid_request_error', param: null, code: null } });
    }
    if (!body) return sendJson(res, 400, { error: { message: 'the body is not JSON', type: 'invalid_request_error' } });

    stats.requests++;
    const fault = takeFault();
    entry.fault = fault?.kind;
    switch (fault?.kind) {
      case 'hang':
        return;
      case 'reset':
        return req.socket.destroy();
      case 'status':
        return later(latency.latencyMs, () => sendJson(res, fault.status, { error: { message: `injected ${fault.status}`, type: 'server_error' } }));
      case 'rate_limit':
        return sendJson(res, 429, { error: { message: 'injected rate limit', type: 'rate_limit_exceeded' } }, { 'retry-after': String(fault.retryAfterSeconds) });
      case 'malformed':
        return later(latency.latencyMs, () => {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end('{"id": "broken", "choices": [{"index": 0, "message": ');
        });
    }
    const { texts, reply } = endpoint(body);
    const completionTokens = texts.reduce((sum, text) => sum + tokens(text), 0);
    const promptTokens = tokens(raw);
    const usage = { prompt_tokens: promptTokens, completion_tokens: completionTokens, total_tokens: promptTokens + completionTokens };
    const longest = Math.max(0, ...texts.map(tokens));
    // The latency counts from the request's arrival: like a model server's, it includes the time spent
    // producing the choices, instead of adding the fake's own work on top of L.
    const due = latency.latencyMs + latency.perTokenMs * longest - (performance.now() - arrived);
    later(due, () => sendJson(res, 200, { ...reply, usage }));
  };

  const server = http.createServer((req, res) => {
    const arrived = performance.now();
    stats.maxConcurrent = Math.max(stats.maxConcurrent, ++open);
    res.on('close', () => open--);
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => answer(req, res, Buffer.concat(chunks).toString('utf8'), arrived));
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    stats.connections++;
    stats.openConnections = sockets.size;
    socket.on('close', () => {
      sockets.delete(socket);
      stats.openConnections = sockets.size;
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  let closed: Promise<void> | undefined;

  return {
    url: `http://127.0.0.1:${port}/v1`,
    stats,
    setFaults(next) {
      faults = { ...next };
    },
    setLatency(next) {
      latency = { latencyMs: next.latencyMs ?? latency.latencyMs, perTokenMs: next.perTokenMs ?? latency.perTokenMs };
    },
    close() {
      if (!closed) {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        closed = new Promise<void>((resolve) => server.close(() => resolve()));
        for (const socket of sockets) socket.destroy();
      }
      return closed;
    },
  };
}
