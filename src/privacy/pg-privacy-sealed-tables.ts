import type { PgSealedTable } from '../audit/pg-sealed-tables.js';
import { sealedRowTable } from '../audit/sealed-row-table.js';
import { ERASURE_COLUMNS, erasureFromRow, READ_COLUMNS, readFromRow, type ErasureRow, type ReadRow } from './pg-personal-store.js';
import { erasureContent, personalReadContent } from './privacy-records.js';

export const personalErasuresTable = sealedRowTable<ErasureRow>({
  name: 'personal_erasures',
  alias: 'pe',
  columns: ERASURE_COLUMNS,
  contentOf: (r) => erasureContent(erasureFromRow(r)),
  problem: 'its content (what was erased, who, why, when) no longer matches its hash',
});

export const personalReadsTable = sealedRowTable<ReadRow>({
  name: 'personal_data_reads',
  alias: 'pr',
  columns: READ_COLUMNS,
  contentOf: (r) => personalReadContent(readFromRow(r)),
  problem: 'its content (who read which evaluations, by which route, when) no longer matches its hash',
});

/** This module's tables, sealed since migration 0009 (which lists them in audit_sealed_tables). */
export const PRIVACY_SEALED_TABLES: readonly PgSealedTable[] = [personalErasuresTable, personalReadsTable];
