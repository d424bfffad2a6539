import type { PgSealedTable } from '../audit/pg-sealed-tables.js';
import { sealedRowTable } from '../audit/sealed-row-table.js';
import { ESCALATION_COLUMNS, escalationFromRow, SIGN_OFF_COLUMNS, signOffFromRow, type EscalationRow, type SignOffRow } from './pg-sign-off-store.js';
import { escalationContent, signOffContent } from './sign-off-digest.js';

export const escalationsTable = sealedRowTable<EscalationRow>({
  name: 'escalations',
  alias: 'x',
  columns: ESCALATION_COLUMNS,
  idColumn: 'evaluation_id',
  idOf: (r) => r.evaluation_id,
  contentOf: (r) => escalationContent(escalationFromRow(r)),
  problem: 'its content (review terms, deadline, action hash) no longer matches its hash',
});

export const signOffsTable = sealedRowTable<SignOffRow>({
  name: 'sign_offs',
  alias: 's',
  columns: SIGN_OFF_COLUMNS,
  contentOf: (r) => signOffContent(signOffFromRow(r)),
  problem: 'its content (choice, reason, signer, times) no longer matches its hash',
});

/** The sign-off tables, sealed since migration 0006 (which lists them in audit_sealed_tables). */
export const SIGN_OFF_SEALED_TABLES: readonly PgSealedTable[] = [escalationsTable, signOffsTable];
