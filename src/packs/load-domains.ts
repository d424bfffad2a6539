import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { z } from 'zod';
import { TrajectoryRowSchema, type TrajectoryRow } from '../banks/trajectory.js';
import { PolicySchema, type Policy } from './policy-schema.js';
import { compileRule, type CompiledRule } from './rules/index.js';
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
  })
  .loose();

export interface Bank {
  rows: TrajectoryRow[];
  /** sha256 of the file: names the data the embedded model learned from. */
  hash: string;
}

const bankFeatureCache = new WeakMap<Bank, number[][]>();

/** The featuriser's values of every bank row, computed once and shared (model training, case embedding, import). */
export function bankFeatures(domain: Pick<LoadedDomain, 'bank' | 'module'>): number[][] {
  let features = bankFeatureCache.get(domain.bank);
  if (!features) {
    features = domain.bank.rows.map((r) => domain.module.featurize(r.state, r.action as ActionInput).values);
    bankFeatureCache.set(domain.bank, features);
  }
  return features;
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
  rules: CompiledRule[];
  prompt: string;
  bank: Bank;
}

/** A broken pack or policy stops start-up; the message names the file and the problem. */
export class PackError extends Error {
  override name = 'PackError';
}

function fail(file: string, problem: string): never {
  throw new PackError(`${file}: ${problem}`);
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

export function loadPolicy(file: string, domain: Pick<LoadedDomain, 'name' | 'module' | 'outcomeByName'>): Omit<LoadedDomain, 'name' | 'title' | 'module' | 'outcomes' | 'outcomeByName' | 'prompt' | 'bank'> {
  const bytes = fs.readFileSync(file);
  const parsed = PolicySchema.safeParse(YAML.parse(bytes.toString('utf8')));
  if (!parsed.success) fail(file, zodProblems(parsed.error));
  const policy = parsed.data;
  if (policy.domain !== domain.name) fail(file, `policy is for domain '${policy.domain}', expected '${domain.name}'`);
  for (const o of policy.zero_tolerance) {
    if (!domain.outcomeByName.has(o)) fail(file, `zero_tolerance names '${o}', which is not an outcome of ${domain.name}`);
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
    for (const code of ex.expect.reasons) {
      if (code.startsWith('hard_rule:') && !ids.has(code.slice('hard_rule:'.length))) {
        fail(file, `example '${ex.name}' expects ${code}, but no such rule exists`);
      }
    }
  }
  return { policy, policyVersion: `sha256:${crypto.createHash('sha256').update(bytes).digest('hex')}`, rules };
}

export function loadBank(file: string, outcomeByName: ReadonlyMap<string, OutcomeDef>): Bank {
  if (!fs.existsSync(file)) fail(file, 'the trajectory bank is missing (run `npm run banks`)');
  const text = fs.readFileSync(file, 'utf8');
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
  return { rows, hash: crypto.createHash('sha256').update(text).digest('hex') };
}

/** Loads every domain that has a pack directory, a policy and a code module. */
export function loadDomains(rootDir: string, modules: ReadonlyMap<string, DomainModule>): Map<string, LoadedDomain> {
  const domainsDir = path.join(rootDir, 'domains');
  if (!fs.existsSync(domainsDir)) throw new PackError(`${domainsDir}: no domains directory`);
  const loaded = new Map<string, LoadedDomain>();
  for (const name of fs.readdirSync(domainsDir).sort()) {
    const dir = path.join(domainsDir, name);
    if (!fs.statSync(dir).isDirectory()) continue;
    const packFile = path.join(dir, 'pack.yaml');
    const pack = PackFileSchema.safeParse(readYaml(packFile));
    if (!pack.success) fail(packFile, zodProblems(pack.error));
    if (pack.data.name !== name) fail(packFile, `name '${pack.data.name}' does not match its directory '${name}'`);
    const module = modules.get(name) ?? fail(packFile, `no code module for domain '${name}' (src/packs/domain-modules.ts)`);
    const outcomes = [...pack.data.outcomes].sort((a, b) => a.severity - b.severity);
    const outcomeByName = new Map(outcomes.map((o) => [o.name, o]));
    if (outcomeByName.size !== outcomes.length) fail(packFile, 'outcome names must be unique');
    const policyFile = path.join(rootDir, 'policies', `${name}.yaml`);
    if (!fs.existsSync(policyFile)) fail(policyFile, `domain '${name}' has no policy`);
    const policy = loadPolicy(policyFile, { name, module, outcomeByName });
    const promptFile = path.join(dir, 'prompt.md');
    const prompt = fs.existsSync(promptFile) ? fs.readFileSync(promptFile, 'utf8') : fail(promptFile, 'missing');
    const bank = loadBank(path.join(dir, 'trajectories.jsonl'), outcomeByName);
    loaded.set(name, { name, title: pack.data.title, module, outcomes, outcomeByName, prompt, bank, ...policy });
  }
  if (loaded.size === 0) throw new PackError(`${domainsDir}: no domain packs found`);
  return loaded;
}
