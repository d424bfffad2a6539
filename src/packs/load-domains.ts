import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { z } from 'zod';
import { TrajectoryRowSchema, type TrajectoryRow } from '../banks/trajectory.js';
import { PolicySchema, type Policy } from './policy-schema.js';
import { rateInterval } from '../evaluation/risk-stats.js';
import { loadCatalogue, severityRank, type Catalogue, type CatalogueHazard } from './reading/catalogue.js';
import type { ActionReading, Reading } from './reading/reading.js';
import { diskCache, type DiskCache } from './bank-cache.js';
import { compileRule, type CompiledRule } from './rules/index.js';
import { parsePersonalPath, type PersonalPath } from '../privacy/personal-paths.js';
import type { ActionInput, DomainModule, OutcomeDef } from './types.js';

const PackFileSchema = z
  .object({
    name: z.string(),
    title: z.string(),
    outcomes: z
      .array(
        z.object({
          name: z.string().regex(/^[a-z][a-z0-9_]*$/),
          description: z.string(),
          severity: z.number().int().min(0),
          incident: z.boolean(),
          adverse: z.boolean(),
          reward: z.number(),
          care_level: z.number().int().min(0).optional(),
        }),
      )
      .min(2),
    /** Where the domain's requests carry personal data (src/privacy/personal-paths.ts): kept apart, masked, erasable. */
    personal: z.array(z.string()).max(200).default([]),
    /** The request field whose text heads an evaluation in lists (a one-liner; masked when it is personal). */
    headline: z.string().optional(),
  })
  .loose();

export interface Bank {
  rows: TrajectoryRow[];
  /** sha256 of the file: names the data the embedded model learned from. */
  hash: string;
}

/**
 * Readings and features of a bank depend only on the bank's bytes, the catalogue and the code of
 * this process, so they are kept per process by those hashes (a second container, a test, a reload
 * does not read 18,000 rows again) and on disk under the domain's cache directory (a restart does not).
 */
const bankReadingCache = new Map<string, Reading[]>();
const bankDigestCache = new Map<string, BankDigest>();
export const bankKey = (domain: Pick<LoadedDomain, 'name' | 'bank' | 'catalogue'>) => `${domain.name}:${domain.bank.hash}:${domain.catalogue.hash}`;

/** The reading of every bank row, computed once per process (validation reads it whole). */
export function bankReadings(domain: Pick<LoadedDomain, 'name' | 'bank' | 'catalogue' | 'read'>): Reading[] {
  const key = bankKey(domain);
  let readings = bankReadingCache.get(key);
  if (!readings) {
    readings = domain.bank.rows.map((r) => domain.read(r.state, r.action as ActionInput));
    bankReadingCache.set(key, readings);
  }
  return readings;
}

/** What start-up needs of each bank row's reading: its features, its action, its summary and text. */
export interface BankDigest {
  features: number[][];
  actions: ActionReading[];
  summaries: string[];
  texts: string[];
}

type DigestDomain = Pick<LoadedDomain, 'name' | 'bank' | 'catalogue' | 'module' | 'read' | 'cache'>;

/** The bank's digest: from this process, from the disk cache, or read now (and stored). */
export function bankDigest(domain: DigestDomain): BankDigest {
  const key = bankKey(domain);
  let digest = bankDigestCache.get(key);
  if (!digest) {
    digest = domain.cache.get(`bank-${domain.name}`, key, () => {
      const readings = bankReadings(domain);
      return {
        features: readings.map((r) => domain.module.featurize(r).values),
        actions: readings.map((r) => r.action),
        summaries: readings.map((r) => domain.module.summarize(r)),
        texts: readings.map((r) => r.text),
      };
    });
    bankDigestCache.set(key, digest);
  }
  return digest;
}

/** The featuriser's values of every bank row. */
export function bankFeatures(domain: DigestDomain): number[][] {
  return bankDigest(domain).features;
}

export interface LoadedDomain {
  name: string;
  title: string;
  module: DomainModule;
  outcomes: OutcomeDef[];
  outcomeByName: ReadonlyMap<string, OutcomeDef>;
  policy: Policy;
  /** `sha256:<hex>` of the policy file's bytes. */
  policyVersion: string;
  /** The policy's own hard rules. */
  rules: CompiledRule[];
  /** The catalogue hazards the policy enforces (severity at or above `policy.catalogue.enforce`). */
  hazardRules: CatalogueHazard[];
  catalogue: Catalogue;
  /** The pack's one reading of a request. */
  read(state: Record<string, unknown>, action: ActionInput): Reading;
  /** The fewest futures whose interval can show every threshold met (0 bad of N): what an approval needs on a sampled backend. */
  rolloutsToApprove: number;
  prompt: string;
  bank: Bank;
  /** Where what is derived from the bank is kept between starts (nowhere, when no directory is given). */
  cache: DiskCache;
  /** The paths of personal data in this domain's requests (pack.yaml `personal:`). */
  personal: PersonalPath[];
  /** The request path whose text heads a list item (pack.yaml `headline:`). */
  headline?: PersonalPath;
}

/** A broken pack or policy stops start-up (and refuses a reload); the message names the file and the problem. */
export class PackError extends Error {
  override name = 'PackError';
  constructor(
    readonly file: string,
    readonly problem: string,
  ) {
    super(`${file}: ${problem}`);
  }
}

function fail(file: string, problem: string): never {
  throw new PackError(file, problem);
}

function zodProblems(err: z.ZodError): string {
  return err.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
}

function readYaml(file: string): unknown {
  try {
    return YAML.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    return fail(file, (err as Error).message);
  }
}

function parseYaml(file: string, text: string): unknown {
  try {
    return YAML.parse(text);
  } catch (err) {
    return fail(file, `not valid YAML: ${(err as Error).message}`);
  }
}

export function loadPolicy(
  file: string,
  domain: Pick<LoadedDomain, 'name' | 'module' | 'outcomeByName'>,
): Pick<LoadedDomain, 'policy' | 'policyVersion' | 'rules' | 'rolloutsToApprove'> {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (err) {
    return fail(file, `cannot be read: ${(err as Error).message}`);
  }
  const parsed = PolicySchema.safeParse(parseYaml(file, bytes.toString('utf8')));
  if (!parsed.success) fail(file, zodProblems(parsed.error));
  const policy = parsed.data;
  if (policy.domain !== domain.name) fail(file, `policy is for domain '${policy.domain}', expected '${domain.name}'`);
  for (const { outcome } of policy.zero_tolerance) {
    if (!domain.outcomeByName.has(outcome)) fail(file, `zero_tolerance names '${outcome}', which is not an outcome of ${domain.name}`);
  }
  const rolloutsToApprove = approvalRollouts(policy);
  if (rolloutsToApprove > policy.rollouts.max) {
    fail(file, `no approval is provable within rollouts.max = ${policy.rollouts.max}: 0 bad futures of ${policy.rollouts.max} still leave an upper bound of ${upperBoundOfZero(policy, policy.rollouts.max).toFixed(4)} (confidence ${policy.confidence}), above the smallest threshold or max_probability; raise rollouts.max or the bound`);
  }
  const ids = new Set<string>();
  const rules = policy.hard_rules.map((r) => {
    if (ids.has(r.id)) fail(file, `hard rule '${r.id}' is defined twice`);
    ids.add(r.id);
    try {
      return compileRule(r);
    } catch (err) {
      return fail(file, `hard rule '${r.id}' does not compile: ${(err as Error).message}`);
    }
  });
  for (const ex of policy.examples) {
    const state = domain.module.stateSchema.safeParse(ex.input.state);
    const action = domain.module.actionSchema.safeParse(ex.input.action);
    if (!state.success) fail(file, `example '${ex.name}': state is invalid: ${zodProblems(state.error)}`);
    if (!action.success) fail(file, `example '${ex.name}': action is invalid: ${zodProblems(action.error)}`);
  }
  return { policy, policyVersion: `sha256:${crypto.createHash('sha256').update(bytes).digest('hex')}`, rules, rolloutsToApprove };
}

const upperBoundOfZero = (policy: Policy, n: number) => rateInterval(policy.interval, 0, n, policy.confidence)[1];

/**
 * The smallest N at which 0 bad futures of N put every bound (the thresholds, and each zero-tolerance
 * `max_probability`) within reach: below it, a sampled backend cannot show an approval. With the
 * `point` rule, the policy minimum.
 */
export function approvalRollouts(policy: Policy): number {
  if (policy.decision_rule === 'point') return policy.rollouts.min;
  const bounds = [policy.thresholds.incident_rate, policy.thresholds.adverse_rate, ...policy.zero_tolerance.map((z) => z.max_probability)].filter((b): b is number => b !== undefined);
  const tightest = Math.min(...bounds);
  let n = policy.rollouts.min;
  while (n <= 4096 && upperBoundOfZero(policy, n) > tightest) n++;
  return n;
}

/** Parsed banks by the sha256 of their bytes: a second load in this process (a test, a replay) does not parse 6,000 rows again. */
const parsedBanks = new Map<string, TrajectoryRow[]>();

export function loadBank(file: string, outcomeByName: ReadonlyMap<string, OutcomeDef>): Bank {
  if (!fs.existsSync(file)) fail(file, 'the trajectory bank is missing (run `npm run banks`)');
  const text = fs.readFileSync(file, 'utf8');
  const hash = crypto.createHash('sha256').update(text).digest('hex');
  const known = parsedBanks.get(hash);
  if (known && known.every((r) => outcomeByName.has(r.final_outcome))) return { rows: known, hash };
  const rows: TrajectoryRow[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i].trim()) continue;
    let json: unknown;
    try {
      json = JSON.parse(lines[i]);
    } catch {
      fail(file, `line ${i + 1} is not valid JSON`);
    }
    const row = TrajectoryRowSchema.safeParse(json);
    if (!row.success) fail(file, `line ${i + 1}: ${zodProblems(row.error)}`);
    if (!outcomeByName.has(row.data.final_outcome)) fail(file, `line ${i + 1}: unknown outcome '${row.data.final_outcome}'`);
    rows.push(row.data);
  }
  if (rows.length === 0) fail(file, 'the trajectory bank is empty');
  parsedBanks.set(hash, rows);
  return { rows, hash };
}

function enforcedHazards(catalogue: Catalogue, policy: Policy, policyFile: string, rules: CompiledRule[]): CatalogueHazard[] {
  const floor = severityRank(policy.catalogue.enforce);
  const enforced = catalogue.hazards.filter((h) => severityRank(h.severity) >= floor);
  for (const h of enforced) {
    if (rules.some((r) => r.id === h.id)) fail(policyFile, `hard rule '${h.id}' has the id of a catalogue hazard`);
  }
  for (const r of rules) {
    for (const f of r.reads) {
      if (!catalogue.facts.has(f) && ![...catalogue.facts.keys()].some((k) => k.startsWith(`${f}.`))) {
        fail(policyFile, `hard rule '${r.id}' reads facts.${f}, which the catalogue's facts dictionary does not define`);
      }
    }
  }
  const known = new Set([...rules, ...enforced].map((r) => r.id));
  for (const ex of policy.examples) {
    for (const code of ex.expect.reasons) {
      if (code.startsWith('hard_rule:') && !known.has(code.slice('hard_rule:'.length))) {
        fail(policyFile, `example '${ex.name}' expects ${code}, but no such rule or enforced hazard exists`);
      }
    }
  }
  return enforced;
}

/** Loads every domain that has a pack directory, a policy and a code module. */
export function loadDomains(rootDir: string, modules: ReadonlyMap<string, DomainModule>, opts: { cacheDir?: string; onCacheError?: (err: Error) => void } = {}): Map<string, LoadedDomain> {
  const cache = diskCache(opts.cacheDir, opts.onCacheError);
  const domainsDir = path.join(rootDir, 'domains');
  if (!fs.existsSync(domainsDir)) throw new PackError(domainsDir, 'no domains directory');
  const loaded = new Map<string, LoadedDomain>();
  for (const name of fs.readdirSync(domainsDir).sort()) {
    const dir = path.join(domainsDir, name);
    if (!fs.statSync(dir).isDirectory()) continue;
    const packFile = path.join(dir, 'pack.yaml');
    const pack = PackFileSchema.safeParse(readYaml(packFile));
    if (!pack.success) fail(packFile, zodProblems(pack.error));
    if (pack.data.name !== name) fail(packFile, `name '${pack.data.name}' does not match its directory '${name}'`);
    const module = modules.get(name) ?? fail(packFile, `no code module for domain '${name}' (src/packs/domain-modules.ts)`);
    const personal = pack.data.personal.map((text, i) => {
      const parsed = parsePersonalPath(text);
      return parsed.ok ? parsed.path : fail(packFile, `personal.${i}: ${parsed.problem}`);
    });
    if (new Set(pack.data.personal).size !== personal.length) fail(packFile, 'personal: a path is listed twice');
    let headline: PersonalPath | undefined;
    if (pack.data.headline !== undefined) {
      const parsed = parsePersonalPath(pack.data.headline);
      if (!parsed.ok) fail(packFile, `headline: ${parsed.problem}`);
      if (parsed.path.includes('*')) fail(packFile, 'headline: one field, without *');
      headline = parsed.path;
    }
    const outcomes = [...pack.data.outcomes].sort((a, b) => a.severity - b.severity);
    const outcomeByName = new Map(outcomes.map((o) => [o.name, o]));
    if (outcomeByName.size !== outcomes.length) fail(packFile, 'outcome names must be unique');
    const policyFile = path.join(rootDir, 'policies', `${name}.yaml`);
    if (!fs.existsSync(policyFile)) fail(policyFile, `domain '${name}' has no policy`);
    const policy = loadPolicy(policyFile, { name, module, outcomeByName });
    const promptFile = path.join(dir, 'prompt.md');
    const prompt = fs.existsSync(promptFile) ? fs.readFileSync(promptFile, 'utf8') : fail(promptFile, 'missing');
    const bank = loadBank(path.join(dir, 'trajectories.jsonl'), outcomeByName);
    const catalogueFile = path.join(dir, 'catalogue.yaml');
    if (!fs.existsSync(catalogueFile)) fail(catalogueFile, `domain '${name}' has no hazard catalogue`);
    let catalogue: Catalogue;
    try {
      catalogue = loadCatalogue(catalogueFile);
    } catch (err) {
      return fail(catalogueFile, (err as Error).message);
    }
    const hazardRules = enforcedHazards(catalogue, policy.policy, policyFile, policy.rules);
    const read = (state: Record<string, unknown>, action: ActionInput) => module.read(state, action, catalogue);
    loaded.set(name, { name, title: pack.data.title, module, outcomes, outcomeByName, prompt, bank, catalogue, hazardRules, read, cache, personal, headline, ...policy });
  }
  if (loaded.size === 0) throw new PackError(domainsDir, 'no domain packs found');
  return loaded;
}
