import path from 'node:path';
import { ConfigError, type Config } from '../config.js';
import type { Logger } from '../logger.js';
import type { LoadedDomain } from '../packs/load-domains.js';
import { BankAnchorIndex } from './embedded/bank-anchor-index.js';
import type { EmbeddedWorldModel } from './embedded/embedded-world-model.js';
import { createOpenAIWorldModel } from './openai/openai-world-model.js';
import type { WorldModel } from './world-model.js';

/**
 * One world model per backend and model name, created once (one connection pool and one breaker
 * each), chosen per domain by its policy, else by WORLD_MODEL_BACKEND / WORLD_MODEL_NAME.
 */
export function buildWorldModels(config: Config, domains: ReadonlyMap<string, LoadedDomain>, embedded: EmbeddedWorldModel, logger: Logger) {
  const byDomain = new Map<string, WorldModel>();
  const remote = new Map<string, WorldModel>();
  const taxonomies = Object.fromEntries([...domains.values()].map((d) => [d.name, d.outcomes.map((o) => o.name)]));
  const anchors = new BankAnchorIndex(embedded);
  for (const d of domains.values()) {
    const backend = d.policy.world_model.backend ?? config.worldModel.backend;
    if (backend === 'embedded') {
      byDomain.set(d.name, embedded);
      continue;
    }
    if (!config.worldModel.url) throw new ConfigError(`the ${d.name} policy asks for the openai world model, but WORLD_MODEL_URL is not set`);
    const model = d.policy.world_model.model ?? config.worldModel.name;
    let wm = remote.get(model);
    if (!wm) {
      wm = createOpenAIWorldModel(
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
      );
      remote.set(model, wm);
    }
    byDomain.set(d.name, wm);
  }
  return {
    worldModels: [embedded, ...remote.values()],
    worldModelFor: (d: LoadedDomain): WorldModel => byDomain.get(d.name) ?? embedded,
  };
}
