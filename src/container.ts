import crypto from 'node:crypto';
import path from 'node:path';
import { buildApp } from './app.js';
import { PgEvaluationStore } from './audit/pg-evaluation-store.js';
import { bankCases, caseEmbedders } from './cases/bank-cases.js';
import { PgCaseStore } from './cases/pg-case-store.js';
import type { Config } from './config.js';
import { openDatabase, type Database } from './db/database.js';
import { migrate, readMigrations } from './db/migrate.js';
import type { EvaluateDeps } from './evaluation/evaluate.js';
import { createAuthenticator } from './http/auth.js';
import { ROLES, type CreatedKey } from './keys/key-store.js';
import { bootstrapKeys, PgKeyStore } from './keys/pg-key-store.js';
import { createLogger, type Logger } from './logger.js';
import { DOMAIN_MODULES } from './packs/domain-modules.js';
import { loadDomains, type LoadedDomain } from './packs/load-domains.js';
import { PROJECT_ROOT } from './lib/project-root.js';
import { EmbeddedWorldModel } from './world-model/embedded/embedded-world-model.js';
import { buildWorldModels } from './world-model/build-world-models.js';
import type { WorldModel } from './world-model/world-model.js';


export interface ContainerOptions {
  logger?: Logger;
  /** Overrides for tests: a schema on a shared PostgreSQL server, a PGlite directory. */
  database?: { schema?: string; pgliteDir?: string };
  /** Replaces the world model a domain uses (tests of failure modes). */
  worldModelFor?: (domain: LoadedDomain, embedded: EmbeddedWorldModel) => WorldModel;
}

export interface Container {
  app: ReturnType<typeof buildApp>;
  config: Config;
  logger: Logger;
  db: Database;
  domains: Map<string, LoadedDomain>;
  embedded: EmbeddedWorldModel;
  keys: PgKeyStore;
  evaluations: PgEvaluationStore;
  /** Keys created on this start because the database had none: shown once, never again. */
  bootstrapKeys: CreatedKey[];
  startup: Record<string, number>;
  /** Stops accepting evaluations, then closes world models and the database, in reverse order of creation. */
  stop(): Promise<void>;
}

export async function createContainer(config: Config, opts: ContainerOptions = {}): Promise<Container> {
  const logger = opts.logger ?? createLogger(config.logLevel);
  const log = logger.child({ module: 'container' });
  const t0 = performance.now();
  const domains = loadDomains(config.packsDir, DOMAIN_MODULES);
  const tPacks = performance.now();
  const embedded = new EmbeddedWorldModel(domains.values());
  const tModel = performance.now();

  const db = await openDatabase({
    url: config.database.url,
    poolSize: config.database.poolSize,
    pgliteDir: opts.database?.pgliteDir ?? path.join(config.dataDir, 'pglite'),
    schema: opts.database?.schema,
  });
  try {
    const applied = await migrate(db, readMigrations(path.join(PROJECT_ROOT, 'migrations')));
    if (applied.length > 0) log.info({ applied }, 'migrations applied');
    const tDb = performance.now();

    const cases = new PgCaseStore(db, caseEmbedders(domains.values()));
    for (const d of domains.values()) {
      const added = await cases.importBank(d.name, d.bank.hash, () => bankCases(d));
      if (added > 0) log.info({ domain: d.name, cases: added }, 'bank imported as historical cases');
      const reembedded = await cases.reembed(d.name);
      if (reembedded > 0) log.info({ domain: d.name, cases: reembedded }, 'case embeddings recomputed for a new bank');
    }
    const tCases = performance.now();

    const keys = new PgKeyStore(db);
    const created = config.bootstrapKeys ? await bootstrapKeys(db, ROLES) : [];
    const evaluations = new PgEvaluationStore(db);
    const { worldModels, worldModelFor } = buildWorldModels(config, domains, embedded, logger);
    const evaluateDeps: EvaluateDeps = {
      domains,
      worldModelFor: opts.worldModelFor ? (d) => opts.worldModelFor!(d, embedded) : worldModelFor,
      fallback: embedded,
      cases,
      store: evaluations,
      now: () => new Date(),
      newId: () => crypto.randomUUID(),
      newSeed: () => crypto.randomInt(0, 2 ** 31 - 1),
    };
    let stopping = false;
    const app = buildApp({
      logger,
      db,
      auth: createAuthenticator(keys, config.authCacheTtlMs),
      evaluate: evaluateDeps,
      evaluations,
      worldModels: () => worldModels,
      bodyLimit: config.bodyLimit,
      maxConcurrentEvaluations: config.maxConcurrentEvaluations,
      isStopping: () => stopping,
    });
    const startup = {
      packs_ms: Math.round(tPacks - t0),
      model_ms: Math.round(tModel - tPacks),
      database_ms: Math.round(tDb - tModel),
      cases_ms: Math.round(tCases - tDb),
      total_ms: Math.round(performance.now() - t0),
    };
    log.info({ ...startup, engine: db.engine, domains: [...domains.keys()], worldModel: embedded.version }, 'ready');
    return {
      app,
      config,
      logger,
      db,
      domains,
      embedded,
      keys,
      evaluations,
      bootstrapKeys: created,
      startup,
      async stop() {
        stopping = true;
        for (const wm of [...worldModels].reverse()) await wm.close();
        await db.close();
      },
    };
  } catch (err) {
    await db.close().catch(() => {});
    throw err;
  }
}
