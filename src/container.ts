import crypto from 'node:crypto';
import path from 'node:path';
import { buildApp } from './app.js';
import { auditSignerFor } from './audit/audit-signer.js';
import { PgAuditLedger } from './audit/pg-audit-ledger.js';
import { PgEvaluationStore } from './audit/pg-evaluation-store.js';
import { PgLeaseStore } from './audit/pg-lease-store.js';
import { SEALED_TABLES } from './audit/pg-sealed-tables.js';
import { AuditSealer } from './audit/sealer.js';
import type { AuditSigner } from './audit/signing-key.js';
import { bankCases, caseEmbedders } from './cases/bank-cases.js';
import { PgCaseStore } from './cases/pg-case-store.js';
import type { Config } from './config.js';
import { openDatabase, type Database } from './db/database.js';
import { migrate, readMigrations } from './db/migrate.js';
import type { EvaluateDeps } from './evaluation/evaluate.js';
import { createAuthenticator } from './http/auth.js';
import { createMetrics, type Metrics } from './http/metrics.js';
import { ROLES, type CreatedKey } from './keys/key-store.js';
import { bootstrapKeys, PgKeyStore } from './keys/pg-key-store.js';
import { createLogger, type Logger } from './logger.js';
import { DOMAIN_MODULES } from './packs/domain-modules.js';
import { loadDomains, type LoadedDomain } from './packs/load-domains.js';
import { PROJECT_ROOT } from './lib/project-root.js';
import { EmbeddedWorldModel } from './world-model/embedded/embedded-world-model.js';
import { buildWorldModels } from './world-model/build-world-models.js';
import { meteredWorldModels } from './world-model/metered-world-model.js';
import { buildGeneration, LivePacks } from './reload/live-packs.js';
import { PackReloader, type ReloadReport, type ReloadTrigger } from './reload/pack-reloader.js';
import type { WorldModel } from './world-model/world-model.js';
import { LocalDecisionSignal } from './signoff/decision-signal.js';
import { PgDecisionListener } from './signoff/pg-decision-listener.js';
import { PgIdempotencyStore } from './signoff/pg-idempotency-store.js';
import { PgSignOffStore } from './signoff/pg-sign-off-store.js';
import { SignOffService } from './signoff/sign-off-service.js';
import { TimeoutSweeper } from './signoff/timeout-sweeper.js';
import { PgDeliveryStore } from './webhooks/pg-delivery-store.js';
import { PgPolicyVersionStore } from './replay/pg-policy-version-store.js';
import { PgReplayStore } from './replay/pg-replay-store.js';
import { recordPolicyVersions } from './replay/policy-texts.js';
import { ReplayService } from './replay/replay-service.js';
import { OutcomeService } from './outcomes/outcome-service.js';
import { PgCalibrationStore } from './outcomes/pg-calibration-store.js';
import { PgOutcomeStore } from './outcomes/pg-outcome-store.js';
import { WebhookDispatcher } from './webhooks/webhook-dispatcher.js';
import { ListingService } from './listing/listing-service.js';
import { PgListingStore } from './listing/pg-listing-store.js';
import { PersonalDataService } from './privacy/personal-data-service.js';
import { personalFieldsOf, PgPersonalDataStore } from './privacy/pg-personal-store.js';
import { PgConsoleStore } from './console/pg-console-store.js';


export interface ContainerOptions {
  logger?: Logger;
  /** Overrides for tests: a schema on a shared PostgreSQL server, a PGlite directory. */
  database?: { schema?: string; pgliteDir?: string; pgliteFrom?: Blob };
  /** Replaces the world model a domain uses (tests of failure modes). */
  worldModelFor?: (domain: LoadedDomain, embedded: EmbeddedWorldModel) => WorldModel;
  /** The clock of keys and auth (when a rotated-out secret stops, how long a verified key is cached) and of sign-off deadlines and expiries (tests move it). */
  clock?: () => Date;
}

export interface Container {
  app: ReturnType<typeof buildApp>;
  config: Config;
  logger: Logger;
  db: Database;
  /** The domains in force: a reload swaps them whole. */
  domains: ReadonlyMap<string, LoadedDomain>;
  /** The embedded model in force (learned again when a reload brings a new bank). */
  readonly embedded: EmbeddedWorldModel;
  keys: PgKeyStore;
  evaluations: PgEvaluationStore;
  /** The Prometheus registry /metrics serves (the bench reads it in process). */
  metrics: Metrics;
  /** The sealed audit trail: blocks, the sealer (tests call `sealer.seal()`), the key that signs. */
  audit: { ledger: PgAuditLedger; sealer: AuditSealer; signer: AuditSigner };
  /** Sign-off: reviews, the timeout sweeper (tests call `sweeper.sweep()`), webhook deliveries. */
  signOffs: { service: SignOffService; sweeper: TimeoutSweeper; deliveries: PgDeliveryStore };
  /** Replays of stored evaluations (each recorded; none stores an evaluation). */
  replays: ReplayService;
  /** Keys created on this start because the database had none: shown once, never again. */
  bootstrapKeys: CreatedKey[];
  startup: Record<string, number>;
  /** Loads the packs and policies again, checked first; a broken file keeps those in force (an AppError naming it). */
  reload(trigger: ReloadTrigger): Promise<ReloadReport>;
  /** Stops accepting evaluations, then closes world models and the database, in reverse order of creation. */
  stop(): Promise<void>;
}

export async function createContainer(config: Config, opts: ContainerOptions = {}): Promise<Container> {
  const logger = opts.logger ?? createLogger(config.logLevel);
  const log = logger.child({ module: 'container' });
  // First: a server database without a configured signing key must not start at all.
  const { signer: auditSigner, generated: auditKeyFile } = auditSignerFor(config, opts.database?.pgliteDir ?? path.join(config.dataDir, 'pglite'));
  const t0 = performance.now();
  // What start-up derives from the banks is kept under DATA_DIR: a restart does not read them again.
  const load = () =>
    loadDomains(config.packsDir, DOMAIN_MODULES, {
      cacheDir: config.cacheDir,
      onCacheError: (err) => log.warn({ err: err.message }, 'bank cache unusable; derived from the bank instead'),
    });
  const domains = load();
  const tPacks = performance.now();
  const embedded = new EmbeddedWorldModel(domains.values());
  const tModel = performance.now();

  const db = await openDatabase({
    url: config.database.url,
    poolSize: config.database.poolSize,
    pgliteDir: opts.database?.pgliteDir ?? path.join(config.dataDir, 'pglite'),
    pgliteFrom: opts.database?.pgliteFrom,
    schema: opts.database?.schema,
    logger: logger.child({ module: 'db' }),
  });
  let stopSignal: (() => Promise<void>) | undefined;
  try {
    const applied = await migrate(db, readMigrations(path.join(PROJECT_ROOT, 'migrations')));
    if (applied.length > 0) log.info({ applied }, 'migrations applied');
    const tDb = performance.now();

    // The packs in force, and what is derived from them, swapped whole by a reload (src/reload).
    const models = buildWorldModels(config, domains, embedded, logger, { anchorModel: () => packs.current.embedded });
    const packs = new LivePacks({ domains, embedded, embedders: caseEmbedders(domains.values()), worldModelFor: models.worldModelFor });
    const cases = new PgCaseStore(db, packs.embedders);
    for (const d of domains.values()) {
      const added = await cases.importBank(d.name, d.bank.hash, () => bankCases(d));
      if (added > 0) log.info({ domain: d.name, cases: added }, 'bank imported as historical cases');
      const reembedded = await cases.reembed(d.name);
      if (reembedded > 0) log.info({ domain: d.name, cases: reembedded }, 'case embeddings recomputed for a new bank');
    }
    await cases.warm(domains.keys());
    const tCases = performance.now();

    const keys = new PgKeyStore(db, { now: opts.clock });
    const created = config.bootstrapKeys ? await bootstrapKeys(db, ROLES, { now: opts.clock }) : [];
    // Each domain's personal fields (its pack's `personal:`) are kept apart from the row, erasable (hash scheme 3).
    const evaluations = new PgEvaluationStore(db, { personalPaths: (domain) => packs.domains.get(domain)?.personal ?? [], ...(config.audit.groupCommit ? {} : { groupCommit: false }) });
    const personal = new PersonalDataService({ store: new PgPersonalDataStore(db), keys, clock: opts.clock, newId: () => crypto.randomUUID() });
    const ledger = new PgAuditLedger(db, SEALED_TABLES);
    await ledger.registerKey(auditSigner.keyId, auditSigner.publicKeyPem);
    if (auditKeyFile) log.info({ file: auditKeyFile, keyId: auditSigner.keyId }, 'audit signing key generated');
    const sealer = new AuditSealer({
      ledger,
      leases: new PgLeaseStore(db),
      signer: auditSigner,
      intervalMs: config.audit.sealIntervalMs,
      leaseMs: config.audit.sealLeaseMs,
      logger: logger.child({ module: 'audit' }),
    });
    const worldModels = () => [packs.current.embedded, ...models.remote];
    const metrics = createMetrics(worldModels, {
      pool: () => db.pool,
      lastSealedAt: async () => {
        const b = await ledger.latestBlock();
        return b ? new Date(b.sealed_at) : null;
      },
    });
    // Every world-model call is seen by the metrics: batch sizes, and the futures that were unusable.
    const metered = meteredWorldModels(metrics, (domain, outcome) => packs.domains.get(domain)?.outcomeByName.has(outcome) ?? false);
    // Waiters of long polls: on a server, woken by one LISTEN connection per replica; on PGlite every writer is in this process.
    const decisionSignal = config.database.url ? new PgDecisionListener(config.database.url, logger.child({ module: 'signoff' })) : new LocalDecisionSignal();
    stopSignal = () => decisionSignal.stop();
    if (decisionSignal instanceof PgDecisionListener) await decisionSignal.start();
    const deliveries = new PgDeliveryStore(db);
    const webhooks = new WebhookDispatcher({ ...config.webhooks, deliveries, logger: logger.child({ module: 'webhooks' }) });
    const signOffs = new SignOffService({
      store: new PgSignOffStore(db, { notify: db.engine === 'postgres' }),
      domains: packs.domains,
      keys,
      signal: decisionSignal,
      webhooks,
      defaultWebhookUrl: config.webhooks.url,
      clock: opts.clock,
      newId: () => crypto.randomUUID(),
      logger: logger.child({ module: 'signoff' }),
    });
    const sweeper = new TimeoutSweeper({
      leases: new PgLeaseStore(db),
      recordTimeouts: () => signOffs.recordTimeouts(),
      intervalMs: config.signOff.sweepIntervalMs,
      leaseMs: config.signOff.sweepLeaseMs,
      logger: logger.child({ module: 'signoff' }),
    });
    const evaluateDeps: EvaluateDeps = {
      domains: packs.domains,
      // Each domain object runs on the models of the generation it was loaded in.
      worldModelFor: (d) => metered(opts.worldModelFor ? opts.worldModelFor(d, packs.generationOf(d).embedded) : packs.worldModelFor(d)),
      // A getter: the embedded model in force. evaluate-routes copies these deps per evaluation, in the tick it looks the domain up.
      get fallback() {
        return metered(packs.current.embedded);
      },
      cases,
      store: evaluations,
      pendingEscalations: signOffs,
      // The clock tests move: an escalation's review deadline runs from its created_at.
      now: opts.clock ?? (() => new Date()),
      newId: () => crypto.randomUUID(),
      newSeed: () => crypto.randomInt(0, 2 ** 31 - 1),
    };
    // The text of every policy version run under, so a replay can show what a policy change changed.
    const policyTexts = new PgPolicyVersionStore(db);
    const policies = await recordPolicyVersions(policyTexts, domains.values(), config.packsDir, evaluateDeps.now());
    for (const s of policies.skipped) log.warn(s, 'policy text not stored');
    const replays = new ReplayService({
      under: {
        domains: packs.domains,
        worldModelFor: evaluateDeps.worldModelFor,
        get fallback() {
          return evaluateDeps.fallback;
        },
      },
      policyTexts,
      replays: new PgReplayStore(db),
      now: evaluateDeps.now,
      newId: () => crypto.randomUUID(),
    });
    const reloader = new PackReloader({
      packs,
      packsDir: config.packsDir,
      load,
      build: (next, previous) => buildGeneration(next, models.route, previous),
      policyTexts,
      cases,
      now: evaluateDeps.now,
      logger,
    });
    let stopping = false;
    const app = buildApp({
      logger,
      db,
      auth: createAuthenticator(keys, { ttlMs: config.authCacheTtlMs, now: opts.clock }),
      evaluate: evaluateDeps,
      evaluations,
      audit: ledger,
      signOffs,
      idempotency: new PgIdempotencyStore(db),
      replays,
      outcomes: new OutcomeService({ store: new PgOutcomeStore(db), domains: packs.domains, keys, clock: opts.clock, newId: () => crypto.randomUUID() }),
      calibration: new PgCalibrationStore(db),
      personal,
      listing: new ListingService({
        store: new PgListingStore(db),
        personalFields: (ids) => personalFieldsOf(db, ids),
        personal,
        domains: packs.domains,
        clock: opts.clock,
        exportPageSize: config.listing.exportPageSize,
      }),
      worldModels,
      metrics,
      reload: () => reloader.reload('admin'),
      bodyLimit: config.bodyLimit,
      trustProxy: config.http.trustProxy,
      maxConcurrentEvaluations: config.maxConcurrentEvaluations,
      isStopping: () => stopping,
      // Buckets refill on the clock tests move, or on a monotonic one.
      rateLimit: { perKey: config.rateLimit.perKey, now: opts.clock ? () => opts.clock!().getTime() : undefined },
      evaluateTimeoutMs: config.evaluateTimeoutMs,
      console: { store: new PgConsoleStore(db), clock: opts.clock },
    });
    const startup = {
      packs_ms: Math.round(tPacks - t0),
      model_ms: Math.round(tModel - tPacks),
      database_ms: Math.round(tDb - tModel),
      cases_ms: Math.round(tCases - tDb),
      total_ms: Math.round(performance.now() - t0),
    };
    log.info({ ...startup, engine: db.engine, domains: [...domains.keys()], worldModel: embedded.version }, 'ready');
    sealer.start();
    sweeper.start();
    return {
      app,
      config,
      logger,
      db,
      domains: packs.domains,
      get embedded() {
        return packs.current.embedded;
      },
      keys,
      evaluations,
      metrics,
      audit: { ledger, sealer, signer: auditSigner },
      signOffs: { service: signOffs, sweeper, deliveries },
      replays,
      bootstrapKeys: created,
      startup,
      reload: (trigger) => reloader.reload(trigger),
      async stop() {
        stopping = true;
        // A reload under way finishes first: it may be writing to the database.
        await reloader.stop();
        for (const wm of [...models.worldModels].reverse()) await wm.close();
        // Long polls answer now; webhook retries still pending are given up (their attempts are recorded).
        await decisionSignal.stop();
        await sweeper.stop();
        await webhooks.stop();
        // Seals what was answered before the stop, while the database is still open.
        await sealer.stop();
        await db.close();
      },
    };
  } catch (err) {
    await stopSignal?.().catch(() => {});
    await db.close().catch(() => {});
    throw err;
  }
}
