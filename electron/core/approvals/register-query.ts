import type { LoanFilters, ViewingFilters } from '../../../shared/contract/registers-dto.js';
import { normalizeCaseNo } from '../../../shared/rules/case-number.js';
import { nextDay, officeDayStart } from '../../../shared/rules/office-time.js';
import type { Db } from '../db/open.js';
import { LOAN_CASE_ID } from './loans-service.js';

/**
 * Which entries of the viewing and lending registers match a filter, in which order: the one
 * query behind the screens, the dashboard and the exported documents, so a printed register
 * holds exactly what the screen showed for the same filter.
 */

/** On screen: what needs attention first. In a document: the order entries were made, as in a paper register. */
export type RegisterOrder = 'screen' | 'register';

/** The filter's office days as instants: from the start of the first day to the start of the day after the last. */
export function period(f: { from?: string; to?: string }, timeZone: string): { from: string | null; to: string | null } {
  return { from: f.from ? officeDayStart(f.from, timeZone) : null, to: f.to ? officeDayStart(nextDay(f.to), timeZone) : null };
}

/** Part of a text, any case; a case number as cases are numbered ([ ] and 〔 〕 alike, full-width digits). */
export const words = (text: string | undefined): string | null => (text ? text.toLowerCase() : null);
const caseWords = (text: string | undefined): string | null => (text ? normalizeCaseNo(text) : null);
export const has = (column: string, param: string) => `instr(lower(${column}), @${param}) > 0`;

/** The legacy boolean (`open`, `out`) is the same filter as the state it names. */
function viewingState(f: ViewingFilters): number | null {
  const state = f.state ?? (f.open === undefined ? undefined : f.open ? 'open' : 'closed');
  return state === undefined ? null : state === 'open' ? 1 : 0;
}

export function viewingIds(db: Db, f: ViewingFilters, timeZone: string, order: RegisterOrder, limit: number | null): number[] {
  const sql = `SELECT v.id FROM viewings v JOIN access_requests q ON q.id = v.request_id LEFT JOIN cases c ON c.id = q.case_id
    WHERE (@from IS NULL OR v.opened_at >= @from) AND (@to IS NULL OR v.opened_at < @to)
      AND (@person IS NULL OR ${has('v.person', 'person')})
      AND (@caseNo IS NULL OR instr(c.case_no, @caseNo) > 0)
      AND (@open IS NULL OR (v.closed_at IS NULL) = @open)
    ORDER BY v.id ${order === 'screen' ? 'DESC' : 'ASC'} LIMIT @limit`;
  const params = { ...period(f, timeZone), person: words(f.person), caseNo: caseWords(f.caseNo), open: viewingState(f), limit: limit ?? -1 };
  return (db.prepare(sql).all(params) as { id: number }[]).map((r) => r.id);
}

export function loanIds(db: Db, f: LoanFilters, timeZone: string, today: string, order: RegisterOrder, limit: number | null): number[] {
  const state = f.state ?? (f.out === undefined ? null : f.out ? 'out' : 'returned');
  // On screen what is out comes first, the most overdue at the top; then what came back, newest first.
  const screen = 'l.returned_at IS NOT NULL, CASE WHEN l.returned_at IS NULL THEN l.due_on END, l.id DESC';
  const sql = `SELECT l.id FROM loans l LEFT JOIN cases c ON c.id = ${LOAN_CASE_ID}
    WHERE (@from IS NULL OR l.lent_at >= @from) AND (@to IS NULL OR l.lent_at < @to)
      AND (@borrower IS NULL OR ${has("json_extract(l.borrower, '$.name')", 'borrower')} OR ${has("json_extract(l.borrower, '$.department')", 'borrower')})
      AND (@caseNo IS NULL OR instr(c.case_no, @caseNo) > 0)
      AND (@state IS NULL OR (@state = 'out' AND l.returned_at IS NULL) OR (@state = 'overdue' AND l.returned_at IS NULL AND l.due_on < @today)
        OR (@state = 'returned' AND l.returned_at IS NOT NULL))
    ORDER BY ${order === 'screen' ? screen : 'l.id'} LIMIT @limit`;
  const params = { ...period(f, timeZone), borrower: words(f.borrower), caseNo: caseWords(f.caseNo), state, today, limit: limit ?? -1 };
  return (db.prepare(sql).all(params) as { id: number }[]).map((r) => r.id);
}
