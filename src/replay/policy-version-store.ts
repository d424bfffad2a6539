/** The text of one policy version, as the service loaded it. */
export interface PolicyVersion {
  domain: string;
  /** `sha256:<hex>` of the file's bytes, as `evaluations.policy_version` holds it. */
  version: string;
  /** The YAML, exactly: its sha256 is the version. */
  text: string;
  firstSeen: Date;
}

/** Every policy version the service has run under, so replays and their diffs can show what changed. Append-only. */
export interface PolicyVersionStore {
  /** Stores a version the first time any replica loads it; later calls change nothing. */
  record(version: PolicyVersion): Promise<void>;
  /** The YAML of a version, or null when it was never stored (it predates migration 0008). */
  text(domain: string, version: string): Promise<string | null>;
}
