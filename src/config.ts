import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';
import { parseSigningKey } from './audit/signing-key.js';
import { rateLimitOf, type RateLimit } from './keys/rate-limit-spec.js';

const boolish = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().default('0.0.0.0'),
  /** A PostgreSQL server; when unset, embedded PGlite on disk under DATA_DIR. */
  DATABASE_URL: z.string().url().optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  /**
   * Service processes sharing the port (node:cluster), each with its own pool, caches and limits, like
   * replicas. More than 1 needs DATABASE_URL: PGlite is one process's database.
   */
  WORKERS: z.coerce.number().int().min(1).max(64).default(1),
  DATA_DIR: z.string().default('./data'),
  /** What start-up derives from the banks (readings, fitted models), keyed by content and code; default DATA_DIR/cache. An image can ship it warm. */
  CACHE_DIR: z.string().min(1).optional(),
  /** Where domain packs and policies live (the repository root by default). */
  PACKS_DIR: z.string().default('.'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  BODY_LIMIT: z.string().regex(/^\d+(b|kb|mb)$/i, 'a size such as 256kb').default('256kb'),
  /** On first start, create one key per role and write them once to DATA_DIR/bootstrap-keys.txt (mode 0600). */
  BOOTSTRAP_KEYS: boolish.default(true),
  /** Each API key's token bucket, per replica: a rate such as 50/s, 600/m, or `off` (keys with a limit of their own keep it). */
  RATE_LIMIT_PER_KEY: z.string().default('50/s'),
  /** How many requests a key may make at once before the rate applies; default: two seconds' worth. */
  RATE_LIMIT_BURST: z.string().optional(),
  /** Longest an evaluate request may take before it is answered 503 with decision escalate. */
  EVALUATE_TIMEOUT_MS: z.coerce.number().int().min(100).max(600000).default(15000),
  /** Time to receive a whole request (headers and body) from the client. */
  HTTP_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).max(600000).default(30000),
  /** Time to receive a request's headers. */
  HTTP_HEADERS_TIMEOUT_MS: z.coerce.number().int().min(100).max(600000).default(10000),
  /**
   * Proxies in front of the service whose X-Forwarded-Proto / -For are believed: `off` (default), a hop count
   * ("1"), or a comma-separated list of addresses, CIDRs and Express's names (loopback, linklocal, uniquelocal).
   * Behind a TLS-terminating proxy it makes the console's cookies Secure.
   */
  TRUST_PROXY: z.string().default('off'),
  /** How long an idle kept-alive connection stays open. */
  HTTP_KEEP_ALIVE_TIMEOUT_MS: z.coerce.number().int().min(0).max(600000).default(5000),
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
  /** Ed25519 private key that signs audit blocks (PEM, or base64 of PKCS#8 DER or of a 32-byte seed). Required with DATABASE_URL. */
  AUDIT_SIGNING_KEY: z.string().min(1).optional(),
  /** Group commit: evaluations stored at the same moment share one commit (`false`: each commits on its own). Either way no answer precedes its commit. */
  AUDIT_GROUP_COMMIT: boolish.default(true),
  /** How often the leased sealer seals new rows into a block (0: only on demand and at stop). */
  AUDIT_SEAL_INTERVAL_MS: z.coerce.number().int().min(0).max(3600000).default(1000),
  /** How long a sealer that stopped renewing keeps other replicas from taking over. */
  AUDIT_SEAL_LEASE_MS: z.coerce.number().int().min(100).max(3600000).default(15000),
  /** How often the leased sweeper records review timeouts (0: never; reads show overdue reviews as timed out regardless). */
  SIGN_OFF_SWEEP_INTERVAL_MS: z.coerce.number().int().min(0).max(3600000).default(5000),
  /** How long a sweeper that stopped renewing keeps other replicas from taking over. */
  SIGN_OFF_SWEEP_LEASE_MS: z.coerce.number().int().min(100).max(3600000).default(15000),
  /** Where escalations and their decisions are announced, unless a policy names its own `notify.webhook_url`. */
  WEBHOOK_URL: z.url({ protocol: /^https?$/ }).optional(),
  /** Signs every webhook (HMAC-SHA256); without it no webhook is sent. */
  WEBHOOK_SECRET: z.string().min(16, 'at least 16 characters').optional(),
  WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(6),
  /** The wait before the first retry; it doubles for every retry after. */
  WEBHOOK_RETRY_BASE_MS: z.coerce.number().int().min(1).max(3600000).default(1000),
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(60000).default(5000),
  /** Rows per database page of `GET /v1/evaluations/export`: what memory holds at once, whatever the total. */
  EXPORT_PAGE_SIZE: z.coerce.number().int().min(1).max(5000).default(500),
});

export interface Config {
  port: number;
  host: string;
  database: { url?: string; poolSize: number };
  /** Service processes on the port (1: this process serves; more: it supervises that many workers). */
  workers: number;
  dataDir: string;
  /** Where start-up's derived bank data is cached. */
  cacheDir: string;
  packsDir: string;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  bodyLimit: string;
  bootstrapKeys: boolean;
  /** The default token bucket of every key without one of its own; null: no default limit. */
  rateLimit: { perKey: RateLimit | null };
  evaluateTimeoutMs: number;
  http: { requestTimeoutMs: number; headersTimeoutMs: number; keepAliveTimeoutMs: number; trustProxy: TrustProxy };
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
  audit: { signingKey?: string; sealIntervalMs: number; sealLeaseMs: number; groupCommit: boolean };
  signOff: { sweepIntervalMs: number; sweepLeaseMs: number };
  webhooks: { url?: string; secret?: string; maxAttempts: number; retryBaseMs: number; timeoutMs: number };
  listing: { exportPageSize: number };
}

/** Express's `trust proxy`: nobody, the first N hops, or the listed addresses, CIDRs and names. */
export type TrustProxy = false | number | string[];

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * TRUST_PROXY read. "true" and "all" are refused: trusting every hop lets any client claim HTTPS or an
 * address by sending the header itself.
 */
export function trustProxyOf(value: string): TrustProxy {
  const v = value.trim().toLowerCase();
  if (v === 'off' || v === 'false' || v === '' || v === '0') return false;
  if (v === 'true' || v === 'all' || v === '*') throw new ConfigError('invalid configuration: TRUST_PROXY must name the proxies (a hop count, addresses, CIDRs, loopback, linklocal or uniquelocal), not trust every hop');
  if (/^\d{1,2}$/.test(v)) return Number(v);
  const entries = v.split(',').map((x) => x.trim()).filter(Boolean);
  for (const x of entries) {
    const [address, bits, extra] = x.split('/');
    const family = isIP(address);
    const okBits = bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= (family === 6 ? 128 : 32));
    if (!(PROXY_NAMES.has(x) || (family !== 0 && okBits && extra === undefined))) throw new ConfigError(`invalid configuration: TRUST_PROXY: '${x}' is not an address, a CIDR, loopback, linklocal or uniquelocal`);
  }
  return entries;
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
  if (e.AUDIT_SIGNING_KEY) {
    try {
      parseSigningKey(e.AUDIT_SIGNING_KEY);
    } catch (err) {
      throw new ConfigError(`invalid configuration: AUDIT_SIGNING_KEY: ${(err as Error).message}`);
    }
  }
  let perKey: RateLimit | null = null;
  if (e.RATE_LIMIT_PER_KEY.trim() === 'off') {
    if (e.RATE_LIMIT_BURST !== undefined) throw new ConfigError('invalid configuration: RATE_LIMIT_BURST needs a RATE_LIMIT_PER_KEY other than off');
  } else {
    try {
      perKey = rateLimitOf(e.RATE_LIMIT_PER_KEY, e.RATE_LIMIT_BURST);
    } catch (err) {
      throw new ConfigError(`invalid configuration: RATE_LIMIT_PER_KEY/RATE_LIMIT_BURST: ${(err as Error).message}`);
    }
  }
  if (e.HTTP_HEADERS_TIMEOUT_MS > e.HTTP_REQUEST_TIMEOUT_MS) {
    throw new ConfigError('invalid configuration: HTTP_HEADERS_TIMEOUT_MS must not exceed HTTP_REQUEST_TIMEOUT_MS');
  }
  if (e.WEBHOOK_URL && !e.WEBHOOK_SECRET) {
    throw new ConfigError('invalid configuration: WEBHOOK_SECRET is required when WEBHOOK_URL is set (webhooks are always signed)');
  }
  return {
    port: e.PORT,
    host: e.HOST,
    database: { url: e.DATABASE_URL, poolSize: e.DATABASE_POOL_SIZE },
    workers: e.WORKERS,
    dataDir: path.resolve(e.DATA_DIR),
    cacheDir: path.resolve(e.CACHE_DIR ?? path.join(e.DATA_DIR, 'cache')),
    packsDir: path.resolve(e.PACKS_DIR),
    logLevel: e.LOG_LEVEL,
    bodyLimit: e.BODY_LIMIT,
    bootstrapKeys: e.BOOTSTRAP_KEYS,
    rateLimit: { perKey },
    evaluateTimeoutMs: e.EVALUATE_TIMEOUT_MS,
    http: { requestTimeoutMs: e.HTTP_REQUEST_TIMEOUT_MS, headersTimeoutMs: e.HTTP_HEADERS_TIMEOUT_MS, keepAliveTimeoutMs: e.HTTP_KEEP_ALIVE_TIMEOUT_MS, trustProxy: trustProxyOf(e.TRUST_PROXY) },
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
    audit: { signingKey: e.AUDIT_SIGNING_KEY, sealIntervalMs: e.AUDIT_SEAL_INTERVAL_MS, sealLeaseMs: e.AUDIT_SEAL_LEASE_MS, groupCommit: e.AUDIT_GROUP_COMMIT },
    signOff: { sweepIntervalMs: e.SIGN_OFF_SWEEP_INTERVAL_MS, sweepLeaseMs: e.SIGN_OFF_SWEEP_LEASE_MS },
    webhooks: {
      url: e.WEBHOOK_URL,
      secret: e.WEBHOOK_SECRET,
      maxAttempts: e.WEBHOOK_MAX_ATTEMPTS,
      retryBaseMs: e.WEBHOOK_RETRY_BASE_MS,
      timeoutMs: e.WEBHOOK_TIMEOUT_MS,
    },
    listing: { exportPageSize: e.EXPORT_PAGE_SIZE },
  };
}
