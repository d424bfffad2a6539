import { sealedRowTable } from '../audit/sealed-row-table.js';
import { outcomeContent } from './outcome-digest.js';
import { OUTCOME_COLUMNS, outcomeFromRow, type OutcomeRow } from './pg-outcome-store.js';

/**
 * The outcomes table (migration 0007 registers it): each row's hash covers all its content, the
 * reporter and the times included, so an outcome edited behind the service's back is named by verify.
 */
export const outcomesTable = sealedRowTable<OutcomeRow>({
  name: 'outcomes',
  alias: 'o',
  columns: OUTCOME_COLUMNS,
  contentOf: (row) => outcomeContent(outcomeFromRow(row)),
  problem: 'its content (outcome, times, notes, reporter) no longer matches its hash',
});
