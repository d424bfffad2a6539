import type { Database, Queryable } from '../db/database.js';
import { normaliseNewKey, type ApiKey, type CreatedKey, type KeyStore, type NewKey, type Role, type Rotation, type VerifiedKey } from './key-store.js';
import { formatToken, newKeyId, newSecret, parseToken, secretDigest, secretMatches } from './token.js';

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
});

export interface KeyStoreOptions {
  /**
   * The clock that decides when a rotated-out secret stops. The service's own clock, not the
   * database's, so tests can move it; replicas' clocks agree well enough for grace periods of minutes.
   */
  now?: () => Date;
}

export class PgKeyStore implements KeyStore {
  private readonly now: () => Date;

  constructor(
    private readonly db: Queryable,
    options: KeyStoreOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
  }

  async create(spec: NewKey): Promise<CreatedKey> {
    const k = normaliseNewKey(spec);
    const id = newKeyId();
    const secret = newSecret();
    const { rows } = await this.db.query<KeyRow>(
      `INSERT INTO api_keys (id, name, role, owner, domains, secret_hash, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING *`,
      [id, k.name, k.role, k.owner, k.domains, secretDigest(secret), this.now()],
    );
    return { ...toKey(rows[0]), token: formatToken(id, secret) };
  }

  async verify(token: string): Promise<VerifiedKey | null> {
    const parsed = parseToken(token);
    if (!parsed) return null;
    const row = await this.row(parsed.id);
    if (!row || row.revoked_at) return null;
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
    const secret = newSecret();
    // One previous secret at a time: rotating again inside a grace period ends the older one now.
    const until = graceMs > 0 ? new Date(now.getTime() + graceMs) : null;
    const { rows } = await this.db.query<KeyRow>(
      `UPDATE api_keys
          SET previous_secret_hash = CASE WHEN $3::timestamptz IS NULL THEN NULL ELSE secret_hash END,
              previous_valid_until = $3::timestamptz,
              secret_hash = $2, rotated_at = $4
        WHERE id = $1 AND revoked_at IS NULL
        RETURNING *`,
      [id, secretDigest(secret), until, now],
    );
    if (!rows[0]) return null;
    return { key: { ...toKey(rows[0]), token: formatToken(id, secret) }, previousValidUntil: until };
  }

  async revoke(id: string): Promise<boolean> {
    const { rowCount } = await this.db.query('UPDATE api_keys SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL', [id, this.now()]);
    return (rowCount ?? 0) > 0;
  }

  async count(): Promise<number> {
    const { rows } = await this.db.query<{ n: number }>('SELECT count(*)::int AS n FROM api_keys WHERE revoked_at IS NULL');
    return rows[0].n;
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
