import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import YAML from 'yaml';
import { loadDomains, PackError, type LoadedDomain } from '../packs/load-domains.js';
import { PolicySchema } from '../packs/policy-schema.js';
import type { DomainModule } from '../packs/types.js';

/** A candidate policy that cannot be replayed under: the message names the file and the problem. */
export class CandidatePolicyError extends Error {
  override name = 'CandidatePolicyError';
}

export interface CandidatePolicy {
  /** The candidate's domain, loaded as the service would load it with this policy in place. */
  domain: LoadedDomain;
  /** The file's text, held in memory only: a candidate is never written to the database. */
  text: string;
}

/**
 * Loads a candidate policy file exactly as a shipped one is loaded: the same schema, the same checks
 * (rules compile, examples validate, the bound can be shown within rollouts.max, no rule shadows a
 * catalogue hazard), by giving the loader a packs directory of its own in which the candidate is the
 * domain's policy and the domain's pack is the current one.
 */
export function loadCandidatePolicy(file: string, packsDir: string, current: ReadonlyMap<string, LoadedDomain>, modules: ReadonlyMap<string, DomainModule>): CandidatePolicy {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (err) {
    throw new CandidatePolicyError(`${file}: cannot be read (${(err as Error).message})`);
  }
  let yaml: unknown;
  try {
    yaml = YAML.parse(bytes.toString('utf8'));
  } catch (err) {
    throw new CandidatePolicyError(`${file}: not valid YAML (${(err as Error).message})`);
  }
  const parsed = PolicySchema.safeParse(yaml);
  if (!parsed.success) {
    throw new CandidatePolicyError(`${file}: not a valid policy: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`);
  }
  const name = parsed.data.domain;
  if (!current.has(name)) throw new CandidatePolicyError(`${file}: the policy is for domain '${name}', which is not loaded (known: ${[...current.keys()].join(', ')})`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'foresight-candidate-'));
  const staged = path.join(dir, 'policies', `${name}.yaml`);
  try {
    fs.mkdirSync(path.join(dir, 'domains'));
    fs.symlinkSync(path.resolve(packsDir, 'domains', name), path.join(dir, 'domains', name), 'dir');
    fs.mkdirSync(path.join(dir, 'policies'));
    fs.writeFileSync(staged, bytes);
    const loaded = loadDomains(dir, modules).get(name)!;
    return { domain: loaded, text: bytes.toString('utf8') };
  } catch (err) {
    if (err instanceof PackError) throw new CandidatePolicyError(err.message.split(staged).join(file));
    throw err;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
