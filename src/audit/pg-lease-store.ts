import type { Queryable } from '../db/database.js';
import type { LeaseStore } from './ledger.js';

export class PgLeaseStore implements LeaseStore {
  constructor(private readonly db: Queryable) {}

  async acquire(name: string, holder: string, ttlMs: number): Promise<boolean> {
    // Database time on both sides of the comparison: replicas' clocks never decide who holds it.
    const { rows } = await this.db.query(
      `INSERT INTO audit_leases (name, holder, expires_at) VALUES ($1, $2, now() + $3 * interval '1 millisecond')
       ON CONFLICT (name) DO UPDATE SET holder = EXCLUDED.holder, expires_at = EXCLUDED.expires_at
         WHERE audit_leases.holder = EXCLUDED.holder OR audit_leases.expires_at < now()
       RETURNING holder`,
      [name, holder, ttlMs],
    );
    return rows.length === 1;
  }

  async release(name: string, holder: string): Promise<void> {
    await this.db.query('DELETE FROM audit_leases WHERE name = $1 AND holder = $2', [name, holder]);
  }
}
