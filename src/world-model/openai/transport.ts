import OpenAI from 'openai';
import type { ChatCompletionCreateParamsNonStreaming } from 'openai/resources/chat/completions';
import type { CompletionCreateParamsNonStreaming } from 'openai/resources/completions';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { Fetch } from './keep-alive-fetch.js';
import { parseJsonAs } from './parse-json.js';

/** One choice as the adapter needs it, from either endpoint. */
export interface RawChoice {
  index: number;
  text: string | null;
  finishReason: string | null;
}

/** The choices of a well-formed answer; null when the body was not a readable completion at all. */
export type Choices = Array<RawChoice | null> | null;

export interface Transport {
  chat(body: ChatCompletionCreateParamsNonStreaming, signal: AbortSignal): Promise<Choices>;
  completions(body: CompletionCreateParamsNonStreaming, signal: AbortSignal): Promise<Choices>;
}

const EnvelopeSchema = z.object({ choices: z.array(z.unknown()) });
const ChoiceSchema = z.object({
  index: z.number().int().min(0),
  message: z.object({ content: z.string().nullish() }).loose().optional(),
  text: z.string().nullish(),
  finish_reason: z.string().nullish(),
});

function readChoices(bodyText: string): Choices {
  const envelope = parseJsonAs(EnvelopeSchema, bodyText);
  if (!envelope) return null;
  return envelope.choices.map((raw) => {
    const choice = ChoiceSchema.safeParse(raw);
    if (!choice.success) return null;
    const { index, message, text, finish_reason } = choice.data;
    return { index, text: message?.content ?? text ?? null, finishReason: finish_reason ?? null };
  });
}

function sdkLogger(log: Logger) {
  const at =
    (level: 'error' | 'warn' | 'info' | 'debug') =>
    (message: string, ...rest: unknown[]) =>
      log[level]({ sdk: rest }, message);
  return { error: at('error'), warn: at('warn'), info: at('info'), debug: at('debug') };
}

export interface TransportOptions {
  baseURL: string;
  apiKey: string;
  fetch: Fetch;
  logger: Logger;
}

/**
 * Single attempts over the `openai` SDK. Retries, deadlines and the breaker belong to the layers
 * above, so the SDK's own retries are off. Bodies are read raw: a malformed body is a count of
 * invalid futures, not a transport failure.
 */
export function createTransport(options: TransportOptions): Transport {
  const client = new OpenAI({
    baseURL: options.baseURL,
    apiKey: options.apiKey,
    // Explicit nulls keep the SDK from picking up OPENAI_* variables meant for something else.
    organization: null,
    project: null,
    adminAPIKey: null,
    webhookSecret: null,
    maxRetries: 0,
    fetch: options.fetch,
    logger: sdkLogger(options.logger),
    logLevel: 'warn',
  });
  return {
    async chat(body, signal) {
      const response = await client.chat.completions.create(body, { signal, maxRetries: 0 }).asResponse();
      return readChoices(await response.text());
    },
    async completions(body, signal) {
      const response = await client.completions.create(body, { signal, maxRetries: 0 }).asResponse();
      return readChoices(await response.text());
    },
  };
}
