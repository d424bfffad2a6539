import crypto from 'node:crypto';
import type { Database } from '../db/database.js';
import type { ApiKey, CreatedKey, KeyStore, Role } from './key-store.js';

// Tokens are `fsk_<id>_<secret>`: the id finds the row, the secret (256 random bits) is checked
// against its SHA-256. A fast hash is right here: the secret is random, not a guessable password.
const TOKEN = /^fsk_([0-9a-f]{16})_([A-Za-z0-9_-]{43})$/;

const digest = (secret: string) => crypto.createHash('sha256').update(secret).digest();

interface KeyRow {
  id: string;
  name: string;
  role: Role;
  secret_hash: string;
  created_at: Date;
  revoked_at: Date | null;
}

const toKey = (r: KeyRow): ApiKey => ({ id: r.id, name: r.name, role: r.role, createdAt: r.created_at, revokedAt: r.revoked_at });

export class PgKeyStore implements KeyStore {
  constructor(private readonly db: Database) {}

  async create(name: string, role: Role): Promise<CreatedKey> {
    const id = crypto.randomBytes(8).toString('hex');
    const secret = crypto.randomBytes(32).toString('base64url');
    const { rows } = await this.db.query<KeyRow>(
      'INSERT INTO api_keys (id, name, role, secret_hash) VALUES ($1, $2, $3, $4) RETURNING *',
      [id, name, role, digest(secret).toString('hex')],
    );
    return { ...toKey(rows[0]), token: `fsk_${id}_${secret}` };
  }

  async verify(token: string): Promise<ApiKey | null> {
    const m = TOKEN.exec(token);
    if (!m) return null;
    const { rows } = await this.db.query<KeyRow>('SELECT * FROM api_keys WHERE id = $1', [m[1]]);
    const row = rows[0];
    if (!row || row.revoked_at) return null;
    const ok = crypto.timingSafeEqual(Buffer.from(row.secret_hash, 'hex'), digest(m[2]));
    return ok ? toKey(row) : null;
  }

  async list(): Promise<ApiKey[]> {
    const { rows } = await this.db.query<KeyRow>('SELECT * FROM api_keys ORDER BY created_at, id');
    return rows.map(toKey);
  }

  async revoke(id: string): Promise<boolean> {
    const { rowCount } = await this.db.query('UPDATE api_keys SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL', [id]);
    return (rowCount ?? 0) > 0;
  }

  async count(): Promise<number> {
    const { rows } = await this.db.query<{ n: number }>('SELECT count(*)::int AS n FROM api_keys WHERE revoked_at IS NULL');
    return rows[0].n;
  }
}

// Replicas starting together on an empty database agree on one set of bootstrap keys.
const BOOTSTRAP_LOCK_KEY = 7_365_201_946;

/** On a database with no live keys, one key per role, created once; otherwise none. */
export async function bootstrapKeys(db: Database, roles: readonly Role[]): Promise<CreatedKey[]> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [BOOTSTRAP_LOCK_KEY]);
    const { rows } = await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM api_keys');
    if (rows[0].n > 0) return [];
    const store = new PgKeyStore({ ...db, query: (text, params) => tx.query(text, params) });
    const created: CreatedKey[] = [];
    for (const role of roles) created.push(await store.create(`bootstrap-${role}`, role));
    return created;
  });
}
