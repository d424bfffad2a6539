import { APIError } from 'openai';
import type { Logger } from 'pino';
import { WorldModelError } from '../world-model.js';
import { inParallel } from './batcher.js';
import { responseJsonSchema, StepOutputSchema } from './future-schema.js';
import type { GuardedTransport } from './guarded-transport.js';
import { stepMessages, stepPrompt } from './prompt.js';
import { describe } from './retry.js';
import type { SendSteps } from './step-coalescer.js';
import type { RawChoice } from './transport.js';

export type StepwiseEndpoint = 'completions' | 'chat';

export interface StepSender {
  send: SendSteps;
  /** The endpoint step-wise batches go to now. */
  endpoint(): StepwiseEndpoint;
}

/**
 * The server lacks `/v1/completions` or its prompt-array form: a lasting answer about what it
 * offers, not about its health, so it is no reason to retry or to open the breaker.
 */
export function isEndpointUnsupported(err: unknown): err is APIError {
  if (!(err instanceof APIError)) return false;
  return err.status === 404 || err.status === 501 || (err.status === 400 && /unsupported|not supported|not implemented|\barray\b/i.test(err.message));
}

const textOf = (choice: RawChoice | null | undefined) => (!choice || choice.finishReason === 'length' ? null : choice.text);

/**
 * Sends coalesced steps as one prompt-array request to `/v1/completions`, or, where the server has
 * no such form, as one `/v1/chat/completions` request per step, bounded by the in-flight cap.
 * `auto` tries completions and, on the server's first "unsupported", moves to chat for good and
 * resends the batch that met it.
 */
export function createStepSender(
  guarded: GuardedTransport,
  options: { endpoint: StepwiseEndpoint | 'auto'; maxTokensPerStep: number },
  log: Logger,
): StepSender {
  let endpoint: StepwiseEndpoint = options.endpoint === 'chat' ? 'chat' : 'completions';
  const jsonSchema = responseJsonSchema(StepOutputSchema);

  const viaCompletions: SendSteps = async (calls, scope) => {
    // The protocol has one seed per request: a step sent alone reproduces on servers that honour
    // seeds; a coalesced batch depends on which evaluations happened to share it.
    const { model, seed, temperature } = calls[0];
    const prompt = calls.map((call) => stepPrompt(call.prompt, call.step));
    const choices = await guarded.completions({ model, prompt, n: 1, seed, temperature, max_tokens: options.maxTokensPerStep }, scope);
    // With n = 1 the server numbers choices by prompt: index = prompt index.
    const byIndex = new Map<number, string | null>();
    for (const choice of choices ?? []) if (choice && !byIndex.has(choice.index)) byIndex.set(choice.index, textOf(choice));
    return calls.map((_, i) => byIndex.get(i) ?? null);
  };

  const viaChat: SendSteps = (calls, scope) =>
    inParallel(
      calls.map((call) => async (signal: AbortSignal) => {
        const choices = await guarded.chat(
          {
            model: call.model,
            messages: stepMessages(call.prompt, call.step),
            n: 1,
            seed: call.seed,
            temperature: call.temperature,
            max_completion_tokens: options.maxTokensPerStep,
            // Not strict: `state` holds whichever fields the step changed, which strict mode cannot express.
            response_format: { type: 'json_schema', json_schema: { name: 'step', schema: jsonSchema, strict: false } },
          },
          { signal, deadline: scope.deadline },
        );
        return textOf(choices?.find((choice) => choice?.index === 0));
      }),
      scope.signal,
    );

  return {
    endpoint: () => endpoint,
    async send(calls, scope) {
      if (endpoint === 'chat') return viaChat(calls, scope);
      try {
        return await viaCompletions(calls, scope);
      } catch (err) {
        if (!isEndpointUnsupported(err)) throw err;
        if (options.endpoint === 'completions') {
          const why = 'the server offers no /v1/completions with prompt arrays, and step-wise rollouts are set to use only that';
          throw new WorldModelError('world_model_unavailable', `${describe(err)}: ${why}`, { cause: err });
        }
        if (endpoint === 'completions') {
          endpoint = 'chat';
          log.warn({ status: err.status }, 'the world model server offers no /v1/completions with prompt arrays; step-wise rollouts use /v1/chat/completions from now on');
        }
        return viaChat(calls, scope);
      }
    },
  };
}
