import type { Database } from '../db/database.js';
import type { LeafRef, SealedBlock } from './block.js';
import { UnknownSealedTableError, type AuditLedger, type AuditedRow, type LocatedRow, type SealDraft, type XidRange } from './ledger.js';
import type { PgSealedTable } from './pg-sealed-tables.js';

const PAGE = 1_000;

interface BlockRow {
  height: number;
  lo_xid: string;
  hi_xid: string;
  tables: string[];
  row_count: number;
  merkle_root: string;
  prev_hash: string | null;
  sealed_at: Date;
  key_id: string;
  hash: string;
  signature: string;
}

const BLOCK_COLUMNS = 'height, lo_xid::text AS lo_xid, hi_xid::text AS hi_xid, tables, row_count, merkle_root, prev_hash, sealed_at, key_id, hash, signature';

const toBlock = (r: BlockRow): SealedBlock => ({ ...r, sealed_at: r.sealed_at.toISOString() });

export class PgAuditLedger implements AuditLedger {
  private readonly byName: Map<string, PgSealedTable>;

  constructor(
    private readonly db: Database,
    tables: readonly PgSealedTable[],
  ) {
    this.byName = new Map(tables.map((t) => [t.name, t]));
  }

  private table(name: string): PgSealedTable {
    const t = this.byName.get(name);
    if (!t) throw new UnknownSealedTableError([name]);
    return t;
  }

  async sealNext(build: (draft: SealDraft) => SealedBlock): Promise<SealedBlock | null> {
    return this.db.transaction(async (tx) => {
      // One snapshot for the whole seal; its xmin is taken by the first statement, before this
      // transaction has an id of its own. Every transaction below it has ended, so every row it
      // wrote is visible now and nothing can still join that range later.
      await tx.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
      const { rows: [at] } = await tx.query<{ horizon: string; now: Date }>('SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS horizon, now() AS now');
      const { rows: registered } = await tx.query<{ name: string }>('SELECT name FROM audit_sealed_tables ORDER BY name');
      const tables = registered.map((r) => r.name);
      const unknown = tables.filter((n) => !this.byName.has(n));
      if (unknown.length > 0) throw new UnknownSealedTableError(unknown);
      const { rows: [last] } = await tx.query<BlockRow>(`SELECT ${BLOCK_COLUMNS} FROM audit_blocks ORDER BY height DESC LIMIT 1`);
      const previous = last ? toBlock(last) : null;
      const lo = previous?.hi_xid ?? '0';
      if (BigInt(at.horizon) <= BigInt(lo)) return null;
      const leaves: LeafRef[] = [];
      for (const name of tables) leaves.push(...(await this.allLeaves(tx, this.table(name), { lo, hi: at.horizon })));
      if (leaves.length === 0) return null;
      const block = build({ previous, lo, hi: at.horizon, tables, sealedAt: at.now.toISOString(), leaves });
      await tx.query(
        `INSERT INTO audit_blocks (height, lo_xid, hi_xid, tables, row_count, merkle_root, prev_hash, sealed_at, key_id, hash, signature)
         VALUES ($1, $2::xid8, $3::xid8, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [block.height, block.lo_xid, block.hi_xid, block.tables, block.row_count, block.merkle_root, block.prev_hash, block.sealed_at, block.key_id, block.hash, block.signature],
      );
      return block;
    });
  }

  private async allLeaves(q: Parameters<PgSealedTable['leaves']>[0], table: PgSealedTable, range: XidRange): Promise<LeafRef[]> {
    const out: LeafRef[] = [];
    for (let after = 0; ; ) {
      const page = await table.leaves(q, range, after, PAGE);
      out.push(...page);
      if (page.length < PAGE) return out;
      after = page[page.length - 1].seq;
    }
  }

  async blocks(afterHeight: number, limit: number): Promise<SealedBlock[]> {
    const { rows } = await this.db.query<BlockRow>(`SELECT ${BLOCK_COLUMNS} FROM audit_blocks WHERE height > $1 ORDER BY height LIMIT $2`, [afterHeight, limit]);
    return rows.map(toBlock);
  }

  async block(height: number): Promise<SealedBlock | null> {
    const { rows } = await this.db.query<BlockRow>(`SELECT ${BLOCK_COLUMNS} FROM audit_blocks WHERE height = $1`, [height]);
    return rows[0] ? toBlock(rows[0]) : null;
  }

  async latestBlock(): Promise<SealedBlock | null> {
    const { rows } = await this.db.query<BlockRow>(`SELECT ${BLOCK_COLUMNS} FROM audit_blocks ORDER BY height DESC LIMIT 1`);
    return rows[0] ? toBlock(rows[0]) : null;
  }

  async sealedTables(): Promise<string[]> {
    const { rows } = await this.db.query<{ name: string }>('SELECT name FROM audit_sealed_tables ORDER BY name');
    return rows.map((r) => r.name);
  }

  auditRows(table: string, range: XidRange, afterSeq: number, limit: number): Promise<AuditedRow[]> {
    return this.table(table).audit(this.db, range, afterSeq, limit);
  }

  async leavesOf(block: SealedBlock): Promise<LeafRef[]> {
    const out: LeafRef[] = [];
    for (const name of block.tables) out.push(...(await this.allLeaves(this.db, this.table(name), { lo: block.lo_xid, hi: block.hi_xid })));
    return out;
  }

  async locate(table: string, id: string): Promise<LocatedRow | null> {
    const found = await this.table(table).locate(this.db, id);
    if (!found) return null;
    const { rows } = await this.db.query<BlockRow>(
      `SELECT ${BLOCK_COLUMNS} FROM audit_blocks WHERE hi_xid > $1::xid8 AND lo_xid <= $1::xid8 ORDER BY height LIMIT 1`,
      [found.txid],
    );
    return { leaf: found.leaf, content: found.content, block: rows[0] ? toBlock(rows[0]) : null };
  }

  async publicKeys(): Promise<Map<string, string>> {
    const { rows } = await this.db.query<{ key_id: string; public_key: string }>('SELECT key_id, public_key FROM audit_signing_keys');
    return new Map(rows.map((r) => [r.key_id, r.public_key]));
  }

  async registerKey(keyId: string, publicKeyPem: string): Promise<void> {
    await this.db.query(`INSERT INTO audit_signing_keys (key_id, algorithm, public_key) VALUES ($1, 'ed25519', $2) ON CONFLICT (key_id) DO NOTHING`, [keyId, publicKeyPem]);
    const { rows } = await this.db.query<{ public_key: string }>('SELECT public_key FROM audit_signing_keys WHERE key_id = $1', [keyId]);
    if (rows[0]?.public_key.trim() !== publicKeyPem.trim()) throw new Error(`the database holds a different public key under ${keyId}: the audit key table was altered`);
  }
}
