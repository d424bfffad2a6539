import crypto from 'node:crypto';
import { contentDigest } from '../audit/evaluation-digest.js';
import { sealedRowTable } from '../audit/sealed-row-table.js';

/** What happened to a key: one append-only, sealed row per change (migration 0012). */
export type KeyEventKind = 'created' | 'rotated' | 'revoked';

export interface KeyEvent {
  id: string;
  keyId: string;
  kind: KeyEventKind;
  at: Date;
  /** The key after the change (never its secret or a hash of it); a rotation's grace end. */
  details: Record<string, unknown>;
}

const keyEventContent = (e: KeyEvent): Record<string, unknown> => ({
  table: 'key_events',
  id: e.id,
  key_id: e.keyId,
  kind: e.kind,
  at: e.at.toISOString(),
  details: e.details,
});

/** The values of a key_events insert ($n … $n+5), to run in the same statement as the change it records. */
export function keyEventValues(keyId: string, kind: KeyEventKind, at: Date, details: Record<string, unknown>): unknown[] {
  const event: KeyEvent = { id: crypto.randomUUID(), keyId, kind, at, details: JSON.parse(JSON.stringify(details)) as Record<string, unknown> };
  return [event.id, keyId, kind, at.toISOString(), JSON.stringify(event.details), contentDigest(keyEventContent(event))];
}

interface KeyEventRow {
  id: string;
  seq: number;
  txid?: string;
  key_id: string;
  kind: KeyEventKind;
  at: Date;
  details: Record<string, unknown>;
  hash: string;
}

export const keyEventsTable = sealedRowTable<KeyEventRow>({
  name: 'key_events',
  alias: 'ke',
  columns: 'ke.id::text AS id, ke.seq, ke.txid::text AS txid, ke.key_id, ke.kind, ke.at, ke.details, ke.hash',
  contentOf: (r) => keyEventContent({ id: r.id, keyId: r.key_id, kind: r.kind, at: new Date(r.at), details: r.details }),
  problem: 'its content (which key, what changed, when) no longer matches its hash',
});
