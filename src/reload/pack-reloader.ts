import path from 'node:path';
import { bankCases } from '../cases/bank-cases.js';
import type { NewCase } from '../cases/case-store.js';
import { isDatabaseUnavailable } from '../db/database.js';
import { AppError } from '../errors.js';
import type { Logger } from '../logger.js';
import { bankKey, PackError, type LoadedDomain } from '../packs/load-domains.js';
import type { PolicyVersionStore } from '../replay/policy-version-store.js';
import { recordPolicyVersions } from '../replay/policy-texts.js';
import type { LivePacks, PackGeneration } from './live-packs.js';

export type ReloadTrigger = 'admin' | 'SIGHUP';

/** One domain in the answer to a reload. */
export interface DomainReload {
  domain: string;
  changed: boolean;
  policy_version: { from: string; to: string };
  /** The files whose content changed, relative to PACKS_DIR. */
  files: string[];
}

/** The answer to a reload that was applied (or found nothing to apply). */
export interface ReloadReport {
  reloaded_at: string;
  trigger: ReloadTrigger;
  changed: boolean;
  domains: DomainReload[];
  world_model: { embedded_version: { from: string; to: string } };
  duration_ms: number;
}

/** The cases of a bank, as start-up seeds them (src/cases/pg-case-store.ts). */
export interface CaseSeeding {
  importBank(domain: string, bankHash: string, cases: () => NewCase[]): Promise<number>;
  reembed(domain: string): Promise<number>;
}

export interface PackReloaderDeps {
  packs: LivePacks;
  packsDir: string;
  /** Loads and validates every pack and policy, as start-up does; throws a PackError naming the file. */
  load(): ReadonlyMap<string, LoadedDomain>;
  /** The generation for freshly loaded domains, keeping what did not change since `previous`. */
  build(domains: ReadonlyMap<string, LoadedDomain>, previous: PackGeneration): Promise<PackGeneration>;
  policyTexts: PolicyVersionStore;
  /** The case store searches use: it embeds by the embedders in force, and drops what it holds of a domain it changes. */
  cases: CaseSeeding;
  now(): Date;
  logger: Logger;
}

/** The files of a domain, relative to PACKS_DIR, and what in a loaded domain each one decides. */
const FILES: { file: (d: string) => string; same: (a: LoadedDomain, b: LoadedDomain) => boolean }[] = [
  { file: (d) => `policies/${d}.yaml`, same: (a, b) => a.policyVersion === b.policyVersion },
  { file: (d) => `domains/${d}/pack.yaml`, same: (a, b) => JSON.stringify([a.title, a.outcomes, a.personal, a.headline]) === JSON.stringify([b.title, b.outcomes, b.personal, b.headline]) },
  { file: (d) => `domains/${d}/catalogue.yaml`, same: (a, b) => a.catalogue.hash === b.catalogue.hash },
  { file: (d) => `domains/${d}/trajectories.jsonl`, same: (a, b) => a.bank.hash === b.bank.hash },
  { file: (d) => `domains/${d}/prompt.md`, same: (a, b) => a.prompt === b.prompt },
];

/**
 * Loads the packs and policies again without a restart (SIGHUP, or POST /v1/admin/reload). Everything
 * is loaded and checked first, as at start-up: each file, the embedded model of a changed bank, the
 * world model each policy asks for, the policy texts recorded by version for replays, the cases of a
 * new bank. Only then is the new generation swapped in, in one step. Any failure leaves the old one
 * serving and says which file and why. Reloads run one at a time.
 */
export class PackReloader {
  #tail: Promise<unknown> = Promise.resolve();
  #stopped = false;
  readonly #log: Logger;

  constructor(private readonly deps: PackReloaderDeps) {
    this.#log = deps.logger.child({ module: 'reload' });
  }

  /** Queued behind a reload already running, so two never interleave; the later one sees the files as they are then. */
  reload(trigger: ReloadTrigger): Promise<ReloadReport> {
    const run = this.#tail.then(() => this.#reload(trigger));
    this.#tail = run.catch(() => undefined);
    return run;
  }

  /** Refuses new reloads and waits for the one running, so the database outlives it. */
  async stop(): Promise<void> {
    this.#stopped = true;
    await this.#tail;
  }

  async #reload(trigger: ReloadTrigger): Promise<ReloadReport> {
    if (this.#stopped) throw new AppError('not_ready', 'the service is stopping; nothing was reloaded');
    const started = performance.now();
    const before = this.deps.packs.current;
    let next: PackGeneration;
    let report: Omit<ReloadReport, 'world_model' | 'duration_ms'>;
    let newBanks: LoadedDomain[];
    let newEmbedders: LoadedDomain[];
    try {
      const domains = this.deps.load();
      this.#sameDomains(before.domains, domains);
      const changes = [...domains.values()].map((d): DomainReload => {
        const old = before.domains.get(d.name)!;
        const files = FILES.filter((f) => !f.same(old, d)).map((f) => f.file(d.name));
        return { domain: d.name, changed: files.length > 0, policy_version: { from: old.policyVersion, to: d.policyVersion }, files };
      });
      report = { reloaded_at: this.deps.now().toISOString(), trigger, changed: changes.some((c) => c.changed), domains: changes };
      if (!report.changed) {
        const embedded = before.embedded.version;
        this.#log.info({ trigger }, 'reload: the packs and policies on disk are those in force; nothing changed');
        return { ...report, world_model: { embedded_version: { from: embedded, to: embedded } }, duration_ms: Math.round(performance.now() - started) };
      }
      next = await this.deps.build(domains, before);
      // The text of every version run under is on record before the first evaluation under it.
      const policies = await recordPolicyVersions(this.deps.policyTexts, domains.values(), this.deps.packsDir, this.deps.now());
      for (const s of policies.skipped) {
        const file = path.join(this.deps.packsDir, 'policies', `${s.domain}.yaml`);
        throw new PackError(file, `its text could not be recorded for replays (${s.reason.startsWith(file) ? s.reason.slice(file.length).replace(/^:?\s*/, '') : s.reason}); reload again once it is written`);
      }
      newBanks = [...domains.values()].filter((d) => d.bank.hash !== before.domains.get(d.name)!.bank.hash);
      // A new catalogue reads the bank anew too, so its case embedder is new even when the bank is not.
      newEmbedders = [...domains.values()].filter((d) => bankKey(d) !== bankKey(before.domains.get(d.name)!));
      for (const d of newBanks) {
        const added = await this.deps.cases.importBank(d.name, d.bank.hash, () => bankCases(d));
        if (added > 0) this.#log.info({ domain: d.name, cases: added }, 'new bank imported as historical cases');
      }
    } catch (err) {
      throw this.#refused(trigger, err);
    }
    this.deps.packs.swap(next);
    // After the swap, as start-up does after the import: the stored embeddings (those imported just
    // now were made by the embedder then in force) follow the new embedder.
    for (const d of newEmbedders) {
      try {
        const n = await this.deps.cases.reembed(d.name);
        if (n > 0) this.#log.info({ domain: d.name, cases: n }, 'case embeddings recomputed for a new bank or catalogue');
      } catch (err) {
        this.#log.warn({ domain: d.name, err: (err as Error).message }, 'case embeddings not recomputed; similar cases are approximate until the next reload or restart');
      }
    }
    const done: ReloadReport = {
      ...report,
      world_model: { embedded_version: { from: before.embedded.version, to: next.embedded.version } },
      duration_ms: Math.round(performance.now() - started),
    };
    this.#log.info(
      { trigger, changed: done.domains.filter((d) => d.changed).map((d) => ({ domain: d.domain, files: d.files, from: d.policy_version.from, to: d.policy_version.to })), ms: done.duration_ms },
      'packs and policies reloaded',
    );
    return done;
  }

  #sameDomains(before: ReadonlyMap<string, LoadedDomain>, after: ReadonlyMap<string, LoadedDomain>) {
    const added = [...after.keys()].filter((d) => !before.has(d));
    const removed = [...before.keys()].filter((d) => !after.has(d));
    if (added.length === 0 && removed.length === 0) return;
    const what = [added.length > 0 ? `added ${added.join(', ')}` : '', removed.length > 0 ? `removed ${removed.join(', ')}` : ''].filter(Boolean).join('; ');
    throw new PackError(path.join(this.deps.packsDir, 'domains'), `the set of domains changed (${what}); a reload keeps the domains the service started with: restart to add or remove one`);
  }

  /** What the caller is told, and the log says, when a reload is refused. */
  #refused(trigger: ReloadTrigger, err: unknown): unknown {
    const fsError = err as NodeJS.ErrnoException;
    const problem = err instanceof PackError ? { file: err.file, problem: err.problem } : typeof fsError?.code === 'string' && typeof fsError.path === 'string' ? { file: fsError.path, problem: fsError.message } : undefined;
    if (problem) {
      const relative = path.relative(this.deps.packsDir, problem.file);
      const file = relative.startsWith('..') || path.isAbsolute(relative) ? problem.file : relative || '.';
      this.#log.warn({ trigger, file, problem: problem.problem }, 'reload refused; the packs and policies in force keep serving');
      return new AppError('reload_rejected', `${file}: ${problem.problem}`, { file, problem: problem.problem }, { cause: err });
    }
    if (err instanceof AppError || isDatabaseUnavailable(err)) {
      this.#log.warn({ trigger, err: (err as Error).message }, 'reload failed; the packs and policies in force keep serving');
      return err;
    }
    this.#log.error({ trigger, err }, 'reload failed; the packs and policies in force keep serving');
    return err;
  }
}
