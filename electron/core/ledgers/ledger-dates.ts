import type { LedgerFacts } from '../../../shared/contract/ledgers-dto.js';
import type { CaseKind } from '../../../shared/rules/case-number.js';
import type { LedgerDates } from '../../../shared/rules/ledger-period.js';
import { ledgerFactsOf } from '../cases/cases-service.js';

/** What of a case decides its place on the county ledger: its kind, closing day and ledger facts. */
export function ledgerDates(kind: CaseKind, closedOn: string | null, facts: LedgerFacts): LedgerDates {
  return { kind, closedOn, inspectedOn: facts.inspectedOn, hazardsFound: facts.hazardsFound, recheckedOn: facts.recheckedOn };
}

/** The columns of `cases c` that ledgerDatesOf reads. */
export const LEDGER_COLUMNS = 'c.kind, c.closed_on, c.ledger_facts';

export interface LedgerRow {
  kind: CaseKind;
  closed_on: string | null;
  ledger_facts: string | null;
}

/** The same, from a case's row: so the spot check draws from exactly the cases the ledger lists. */
export function ledgerDatesOf(row: LedgerRow): LedgerDates {
  return ledgerDates(row.kind, row.closed_on, ledgerFactsOf(row.ledger_facts));
}
