import type { Database, Queryable } from '../db/database.js';
import { normaliseNewKey, type ApiKey, type CreatedKey, type KeyStore, type NewKey, type Role, type Rotation, type VerifiedKey } from './key-store.js';
import { keyEventValues } from './key-events.js';
import { formatToken, hasValidTag, newKeyId, newSecret, parseToken, secretDigest, secretMatches } from './token.js';

interface KeyRow {
  id: string;
  name: string;
  role: Role;
  owner: string;
  domains: string[] | null;
  secret_hash: string;
  previous_secret_hash: string | null;
  previous_valid_until: Date | null;
  created_at: Date;
  rotated_at: Date | null;
  revoked_at: Date | null;
  rate_limit_per_second: number | null;
  rate_limit_burst: number | null;
  /** The current or the previous secret predates tags (migration 0010): its tokens are still looked up. */
  untagged_secret: boolean;
}

const toKey = (r: KeyRow): ApiKey => ({
  id: r.id,
  name: r.name,
  role: r.role,
  owner: r.owner,
  domains: r.domains,
  createdAt: r.created_at,
  revokedAt: r.revoked_at,
  rotatedAt: r.rotated_at,
  rateLimit: r.rate_limit_per_second !== null && r.rate_limit_burst !== null ? { perSecond: r.rate_limit_per_second, burst: r.rate_limit_burst } : null,
});

/**
 * The event of a key change, inserted in the same statement as the change and only when it took
 * effect (a row in k); `first` is the parameter number of the first of keyEventValues()' six values.
 */
const recordEvent = (first: number) =>
  `INSERT INTO key_events (id, key_id, kind, at, details, hash)
   SELECT $${first}::uuid, $${first + 1}::text, $${first + 2}::text, $${first + 3}::timestamptz, $${first + 4}::jsonb, $${first + 5}::text FROM k`;

export interface KeyStoreOptions {
  /**
   * The clock that decides when a rotated-out secret stops. The service's own clock, not the
   * database's, so tests can move it; replicas' clocks agree well enough for grace periods of minutes.
   */
  now?: () => Date;
}

export class PgKeyStore implements KeyStore {
  private readonly now: () => Date;
  /** The deployment's tag key, read once, and whether any live key still has a secret from before tags. */
  private tags?: Promise<{ tagKey: Buffer; untaggedLive: boolean }>;

  constructor(
    private readonly db: Queryable,
    options: KeyStoreOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
  }

  async create(spec: NewKey): Promise<CreatedKey> {
    const k = normaliseNewKey(spec);
    const id = newKeyId();
    const secret = newSecret((await this.tagState()).tagKey, id);
    const now = this.now();
    const details = { name: k.name, role: k.role, owner: k.owner, domains: k.domains, rate_limit: k.rateLimit ?? null };
    const { rows } = await this.db.query<KeyRow>(
      `WITH k AS (
         INSERT INTO api_keys (id, name, role, owner, domains, secret_hash, created_at, rate_limit_per_second, rate_limit_burst)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING *
       ), e AS (${recordEvent(10)})
       SELECT * FROM k`,
      [id, k.name, k.role, k.owner, k.domains, secretDigest(secret), now, k.rateLimit?.perSecond ?? null, k.rateLimit?.burst ?? null, ...keyEventValues(id, 'created', now, details)],
    );
    return { ...toKey(rows[0]), token: formatToken(id, secret) };
  }

  async verify(token: string): Promise<VerifiedKey | null> {
    const parsed = parseToken(token);
    if (!parsed) return null;
    // Checked in memory: a forged token never reaches the query below, unless keys from before tags
    // are still live, and then only for those keys.
    const { tagKey, untaggedLive } = await this.tagState();
    const tagged = hasValidTag(tagKey, parsed);
    if (!tagged && !untaggedLive) return null;
    const row = await this.row(parsed.id);
    if (!row || row.revoked_at || (!tagged && !row.untagged_secret)) return null;
    if (secretMatches(row.secret_hash, parsed.secret)) return { key: toKey(row), validUntil: null };
    const until = row.previous_valid_until;
    if (until && until > this.now() && secretMatches(row.previous_secret_hash, parsed.secret)) {
      return { key: toKey(row), validUntil: until };
    }
    return null;
  }

  async get(id: string): Promise<ApiKey | null> {
    const row = await this.row(id);
    return row ? toKey(row) : null;
  }

  async list(): Promise<ApiKey[]> {
    const { rows } = await this.db.query<KeyRow>('SELECT * FROM api_keys ORDER BY created_at, id');
    return rows.map(toKey);
  }

  async rotate(id: string, graceMs: number): Promise<Rotation | null> {
    if (!Number.isFinite(graceMs) || graceMs < 0) throw new RangeError('the grace period must be zero or more milliseconds');
    const now = this.now();
    const secret = newSecret((await this.tagState()).tagKey, id);
    // One previous secret at a time: rotating again inside a grace period ends the older one now.
    const until = graceMs > 0 ? new Date(now.getTime() + graceMs) : null;
    const { rows } = await this.db.query<KeyRow>(
      `WITH k AS (
         UPDATE api_keys
            SET previous_secret_hash = CASE WHEN $3::timestamptz IS NULL THEN NULL ELSE secret_hash END,
                previous_valid_until = $3::timestamptz,
                secret_hash = $2, rotated_at = $4,
                untagged_secret = untagged_secret AND $3::timestamptz IS NOT NULL
          WHERE id = $1 AND revoked_at IS NULL
          RETURNING *
       ), e AS (${recordEvent(5)})
       SELECT * FROM k`,
      [id, secretDigest(secret), until, now, ...keyEventValues(id, 'rotated', now, { previous_secret_valid_until: until ? until.toISOString() : null })],
    );
    if (!rows[0]) return null;
    return { key: { ...toKey(rows[0]), token: formatToken(id, secret) }, previousValidUntil: until };
  }

  async revoke(id: string): Promise<boolean> {
    const now = this.now();
    const { rows } = await this.db.query<{ id: string }>(
      `WITH k AS (UPDATE api_keys SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL RETURNING id), e AS (${recordEvent(3)})
       SELECT id FROM k`,
      [id, now, ...keyEventValues(id, 'revoked', now, {})],
    );
    return rows.length > 0;
  }

  async count(): Promise<number> {
    const { rows } = await this.db.query<{ n: number }>('SELECT count(*)::int AS n FROM api_keys WHERE revoked_at IS NULL');
    return rows[0].n;
  }

  private tagState(): Promise<{ tagKey: Buffer; untaggedLive: boolean }> {
    this.tags ??= this.db
      .query<{ tag_key: Buffer; untagged_live: boolean }>(
        `SELECT tag_key, EXISTS (SELECT 1 FROM api_keys WHERE untagged_secret AND revoked_at IS NULL) AS untagged_live FROM api_key_tag_key`,
      )
      .then(({ rows }) => {
        if (!rows[0]) throw new Error('api_key_tag_key is empty: migration 0010 has not run');
        return { tagKey: rows[0].tag_key, untaggedLive: rows[0].untagged_live };
      })
      .catch((err) => {
        // A database that was down must not stay "down" for this store: the next call asks again.
        this.tags = undefined;
        throw err;
      });
    return this.tags;
  }

  private async row(id: string): Promise<KeyRow | undefined> {
    const { rows } = await this.db.query<KeyRow>('SELECT * FROM api_keys WHERE id = $1', [id]);
    return rows[0];
  }
}

// Replicas starting together on an empty database agree on one set of bootstrap keys.
const BOOTSTRAP_LOCK_KEY = 7_365_201_946;

/** Whom bootstrap keys belong to until someone replaces them with keys of named people and systems. */
export const BOOTSTRAP_OWNER = 'bootstrap';

/** On a database with no keys at all, one key per role, created once; otherwise none. */
export async function bootstrapKeys(db: Database, roles: readonly Role[], options: KeyStoreOptions = {}): Promise<CreatedKey[]> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [BOOTSTRAP_LOCK_KEY]);
    const { rows } = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM api_keys');
    if (rows[0].n > 0) return [];
    const store = new PgKeyStore(tx, options);
    const created: CreatedKey[] = [];
    for (const role of roles) created.push(await store.create({ name: `bootstrap-${role}`, role, owner: BOOTSTRAP_OWNER }));
    return created;
  });
}
