import type { PgSealedTable } from '../audit/pg-sealed-tables.js';
import { sealedRowTable } from '../audit/sealed-row-table.js';
import { REPLAY_COLUMNS, replayFromRow, type ReplayRow } from './pg-replay-store.js';
import { replayContent } from './replay-digest.js';

/** `replays`: each row's hash covers all its content, who replayed included. */
export const replaysTable = sealedRowTable<ReplayRow>({
  name: 'replays',
  alias: 'r',
  columns: REPLAY_COLUMNS,
  contentOf: (row) => replayContent(replayFromRow(row)),
  problem: 'its content (who replayed, when, versions, decisions or summary) no longer matches its hash',
});

/**
 * This module's sealed tables, since migration 0008 (which lists them in audit_sealed_tables).
 * policy_versions is append-only but not sealed: each text is named by its own sha256, which every
 * evaluation's sealed row holds, so a rewritten text cannot pass for the version (the store checks).
 */
export const REPLAY_SEALED_TABLES: readonly PgSealedTable[] = [replaysTable];
