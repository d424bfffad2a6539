import type { Queryable } from '../db/database.js';
import type { PolicyVersion, PolicyVersionStore } from './policy-version-store.js';
import { digestOf, policyVersionContent, versionOfText } from './replay-digest.js';

export class PgPolicyVersionStore implements PolicyVersionStore {
  constructor(private readonly db: Queryable) {}

  async record(v: PolicyVersion): Promise<void> {
    // Replicas starting together race to insert the same version: the first row stands.
    await this.db.query(
      `INSERT INTO policy_versions (domain, version, text, first_seen, hash) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (domain, version) DO NOTHING`,
      [v.domain, v.version, v.text, v.firstSeen, digestOf(policyVersionContent(v))],
    );
  }

  async text(domain: string, version: string): Promise<string | null> {
    const { rows } = await this.db.query<{ text: string }>('SELECT text FROM policy_versions WHERE domain = $1 AND version = $2', [domain, version]);
    const text = rows[0]?.text;
    // The version is the text's sha256: a text changed behind the service's back is not that version.
    return text !== undefined && versionOfText(text) === version ? text : null;
  }
}
