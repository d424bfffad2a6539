import path from 'node:path';
import { ConfigError, type Config } from '../config.js';
import type { Logger } from '../logger.js';
import { PackError, type LoadedDomain } from '../packs/load-domains.js';
import { BankAnchorIndex } from './embedded/bank-anchor-index.js';
import type { EmbeddedWorldModel } from './embedded/embedded-world-model.js';
import { createOpenAIWorldModel } from './openai/openai-world-model.js';
import type { WorldModel } from './world-model.js';

/**
 * One world model per backend and model name, created once (one connection pool and one breaker
 * each), chosen per domain by its policy, else by WORLD_MODEL_BACKEND / WORLD_MODEL_NAME.
 *
 * `route` chooses among the clients built here for domains loaded again later (src/reload): a
 * reloaded policy may move a domain between the embedded model and a client that exists, but a
 * client is built only at start-up, with the prompts and outcomes read then. `anchorModel` gives the
 * embedded model in force, whose bank step-wise rollouts anchor on (by default, `embedded`).
 */
export function buildWorldModels(
  config: Config,
  domains: ReadonlyMap<string, LoadedDomain>,
  embedded: EmbeddedWorldModel,
  logger: Logger,
  opts: { anchorModel?: () => EmbeddedWorldModel } = {},
) {
  const remote = new Map<string, WorldModel>();
  const taxonomies = Object.fromEntries([...domains.values()].map((d) => [d.name, d.outcomes.map((o) => o.name)]));
  const prompts = new Map([...domains.values()].map((d) => [d.name, d.prompt]));
  const anchorModel = opts.anchorModel ?? (() => embedded);
  const anchors = new BankAnchorIndex({ model: (domain) => anchorModel().model(domain) });
  const remoteFor = (d: LoadedDomain): string | undefined => {
    const backend = d.policy.world_model.backend ?? config.worldModel.backend;
    return backend === 'embedded' ? undefined : (d.policy.world_model.model ?? config.worldModel.name);
  };
  for (const d of domains.values()) {
    const model = remoteFor(d);
    if (model === undefined || remote.has(model)) continue;
    if (!config.worldModel.url) throw new ConfigError(`the ${d.name} policy asks for the openai world model, but WORLD_MODEL_URL is not set`);
    remote.set(
      model,
      createOpenAIWorldModel(
        {
          baseURL: config.worldModel.url,
          apiKey: config.worldModel.apiKey,
          model,
          maxPerRequest: config.worldModel.maxPerRequest,
          maxInFlight: config.worldModel.maxInFlight,
          maxQueue: config.worldModel.maxQueue,
          breaker: { resetTimeoutMs: config.worldModel.breakerResetMs },
          stepwiseEndpoint: config.worldModel.stepwiseEndpoint,
          promptDir: path.join(config.packsDir, 'domains'),
          taxonomies,
        },
        { logger, anchors },
      ),
    );
  }

  /** The world model of each domain of `next`, over the clients above; a PackError says what needs a restart. */
  const route = (next: ReadonlyMap<string, LoadedDomain>, nextEmbedded: EmbeddedWorldModel): ((d: LoadedDomain) => WorldModel) => {
    const byDomain = new Map<string, WorldModel>();
    for (const d of next.values()) {
      const model = remoteFor(d);
      if (model === undefined) {
        byDomain.set(d.name, nextEmbedded);
        continue;
      }
      const policyFile = path.join(config.packsDir, 'policies', `${d.name}.yaml`);
      const client = remote.get(model) ?? fail(policyFile, `the policy asks for the openai world model '${model}', which was not started with the service; restart to use it`);
      if (taxonomies[d.name]?.join('\n') !== d.outcomes.map((o) => o.name).join('\n')) {
        fail(path.join(config.packsDir, 'domains', d.name, 'pack.yaml'), `the outcomes changed, but the openai world model reads them at start-up; restart to apply`);
      }
      if (prompts.get(d.name) !== d.prompt) fail(path.join(config.packsDir, 'domains', d.name, 'prompt.md'), 'the prompt changed, but the openai world model reads it at start-up; restart to apply');
      byDomain.set(d.name, client);
    }
    return (d) => byDomain.get(d.name) ?? nextEmbedded;
  };

  return {
    /** The models to close at stop (the embedded one is the one given here). */
    worldModels: [embedded, ...remote.values()],
    /** The clients of OpenAI-compatible servers alone. */
    remote: [...remote.values()],
    worldModelFor: route(domains, embedded),
    route,
  };
}

function fail(file: string, problem: string): never {
  throw new PackError(file, problem);
}
