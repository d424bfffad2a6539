import path from 'node:path';
import { z } from 'zod';

const boolish = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default('0.0.0.0'),
  /** A PostgreSQL server; when unset, embedded PGlite on disk under DATA_DIR. */
  DATABASE_URL: z.string().url().optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  DATA_DIR: z.string().default('./data'),
  /** Where domain packs and policies live (the repository root by default). */
  PACKS_DIR: z.string().default('.'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  BODY_LIMIT: z.string().regex(/^\d+(b|kb|mb)$/i, 'a size such as 256kb').default('256kb'),
  /** Print newly created bootstrap keys on first start (to stdout, once). */
  BOOTSTRAP_KEYS: boolish.default(true),
  WORLD_MODEL_BACKEND: z.enum(['embedded', 'openai']).default('embedded'),
  WORLD_MODEL_URL: z.string().url().optional(),
  WORLD_MODEL_NAME: z.string().default('foresight-world-model'),
  WORLD_MODEL_API_KEY: z.string().default('none'),
  WORLD_MODEL_MAX_PER_REQUEST: z.coerce.number().int().min(1).max(128).default(16),
  WORLD_MODEL_MAX_IN_FLIGHT: z.coerce.number().int().min(1).max(1024).default(32),
  WORLD_MODEL_MAX_QUEUE: z.coerce.number().int().min(0).max(100000).default(256),
  WORLD_MODEL_BREAKER_RESET_MS: z.coerce.number().int().min(100).default(10000),
  /** Step-wise rollouts: prompt arrays on /v1/completions, parallel chat requests, or completions falling back to chat. */
  WORLD_MODEL_STEPWISE_ENDPOINT: z.enum(['auto', 'completions', 'chat']).default('auto'),
  /** Cap on evaluations running at once in this replica; over it the answer is a fast 503. */
  MAX_CONCURRENT_EVALUATIONS: z.coerce.number().int().min(1).max(10000).default(64),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).default(10000),
  /** How long a verified API key is trusted without asking the database again (0: never cached). */
  AUTH_CACHE_TTL_MS: z.coerce.number().int().min(0).max(300000).default(5000),
});

export interface Config {
  port: number;
  host: string;
  database: { url?: string; poolSize: number };
  dataDir: string;
  packsDir: string;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  bodyLimit: string;
  bootstrapKeys: boolean;
  worldModel: {
    backend: 'embedded' | 'openai';
    url?: string;
    name: string;
    apiKey: string;
    maxPerRequest: number;
    maxInFlight: number;
    maxQueue: number;
    breakerResetMs: number;
    stepwiseEndpoint: 'auto' | 'completions' | 'chat';
  };
  maxConcurrentEvaluations: number;
  shutdownGraceMs: number;
  authCacheTtlMs: number;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** The only reader of the environment: parsed once, validated, passed down. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`invalid configuration: ${problems}`);
  }
  const e = parsed.data;
  if (e.WORLD_MODEL_BACKEND === 'openai' && !e.WORLD_MODEL_URL) {
    throw new ConfigError('invalid configuration: WORLD_MODEL_URL is required when WORLD_MODEL_BACKEND=openai');
  }
  return {
    port: e.PORT,
    host: e.HOST,
    database: { url: e.DATABASE_URL, poolSize: e.DATABASE_POOL_SIZE },
    dataDir: path.resolve(e.DATA_DIR),
    packsDir: path.resolve(e.PACKS_DIR),
    logLevel: e.LOG_LEVEL,
    bodyLimit: e.BODY_LIMIT,
    bootstrapKeys: e.BOOTSTRAP_KEYS,
    worldModel: {
      backend: e.WORLD_MODEL_BACKEND,
      url: e.WORLD_MODEL_URL,
      name: e.WORLD_MODEL_NAME,
      apiKey: e.WORLD_MODEL_API_KEY,
      maxPerRequest: e.WORLD_MODEL_MAX_PER_REQUEST,
      maxInFlight: e.WORLD_MODEL_MAX_IN_FLIGHT,
      maxQueue: e.WORLD_MODEL_MAX_QUEUE,
      breakerResetMs: e.WORLD_MODEL_BREAKER_RESET_MS,
      stepwiseEndpoint: e.WORLD_MODEL_STEPWISE_ENDPOINT,
    },
    maxConcurrentEvaluations: e.MAX_CONCURRENT_EVALUATIONS,
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
    authCacheTtlMs: e.AUTH_CACHE_TTL_MS,
  };
}
