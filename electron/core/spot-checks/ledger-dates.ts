import type { LedgerDates } from '../../../shared/rules/ledger-period.js';
import type { CaseKind } from '../../../shared/rules/case-number.js';

/** What of a case row decides its place on the county ledger. */
export interface LedgerRow {
  kind: CaseKind;
  filed_on: string | null;
  closed_on: string | null;
}

/** The columns of `cases c` that ledgerDatesOf reads. */
export const LEDGER_COLUMNS = 'c.kind, c.filed_on, c.closed_on';

/**
 * A case's ledger facts, from its row. Cases don't yet hold the inspection's day, hazards or
 * re-check (the ledger facts being added alongside): until they do, the filing day stands for the
 * inspection and the hazards are unknown, so an inspection waits off the ledger rather than being
 * placed on an invented day. When the ledger facts arrive, they replace this function, and only it.
 */
export function ledgerDatesOf(row: LedgerRow): LedgerDates {
  return { kind: row.kind, closedOn: row.closed_on, inspectedOn: row.filed_on, hazardsFound: null, recheckedOn: null };
}
