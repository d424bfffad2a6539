import fs from 'node:fs';
import path from 'node:path';
import type { LoadedDomain } from '../packs/load-domains.js';
import type { PolicyVersionStore } from './policy-version-store.js';
import { versionOfText } from './replay-digest.js';

export interface RecordedPolicies {
  recorded: string[];
  /** Policies whose file no longer holds the version that was loaded (edited since start-up): not stored. */
  skipped: { domain: string; reason: string }[];
}

/**
 * The text of a loaded domain's policy, read again from its file, or why it cannot be had: the text
 * counts only when it still hashes to the version the service loaded (and can be stored as text).
 */
export function policyTextOf(packsDir: string, domain: Pick<LoadedDomain, 'name' | 'policyVersion'>): { text: string } | { problem: string } {
  const file = path.join(packsDir, 'policies', `${domain.name}.yaml`);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    return { problem: `${file}: ${(err as Error).message}` };
  }
  // Text that is not valid UTF-8 or holds U+0000 would not hash to its version once stored.
  if (versionOfText(text) !== domain.policyVersion || text.includes('\u0000')) return { problem: `${file} changed after it was loaded, or is not plain UTF-8 text` };
  return { text };
}

/** Stores the text of each loaded policy under its version, at start-up (the first replica to load a version stores it). */
export async function recordPolicyVersions(store: PolicyVersionStore, domains: Iterable<LoadedDomain>, packsDir: string, now: Date): Promise<RecordedPolicies> {
  const out: RecordedPolicies = { recorded: [], skipped: [] };
  for (const d of domains) {
    const found = policyTextOf(packsDir, d);
    if ('problem' in found) {
      out.skipped.push({ domain: d.name, reason: found.problem });
      continue;
    }
    await store.record({ domain: d.name, version: d.policyVersion, text: found.text, firstSeen: now });
    out.recorded.push(`${d.name}/${d.policyVersion}`);
  }
  return out;
}
