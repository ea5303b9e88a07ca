import type { CaseKind } from './case-number.js';

/**
 * Which month's county ledger a case belongs to (004, the 报送要求 under each ledger): a penalty
 * case counts in the month it closed, not the month it was filed; an inspection that found hazards
 * counts in the month of the re-check, one that found none in the month of the inspection. The
 * seed gives no rule for coercion cases; they count like penalty cases, when they closed.
 */
export interface LedgerDates {
  kind: CaseKind;
  closedOn: string | null;
  /** The day of the inspection (检查时间), for inspection cases. */
  inspectedOn: string | null;
  /** Hazards found (发现隐患数); null while nobody has entered it. */
  hazardsFound: number | null;
  /** The day of the re-check (复检日期). */
  recheckedOn: string | null;
}

/** Why a case is not on any ledger yet: the day that would place it is still missing. */
export type LedgerWait = 'not_closed' | 'not_inspected' | 'hazards_unknown' | 'not_rechecked';

export type LedgerPlacement = { day: string; basis: 'closed' | 'inspected' | 'rechecked' } | { day: null; waiting: LedgerWait };

export function ledgerPlacement(c: LedgerDates): LedgerPlacement {
  if (c.kind !== 'inspection') return c.closedOn ? { day: c.closedOn, basis: 'closed' } : { day: null, waiting: 'not_closed' };
  if (!c.inspectedOn) return { day: null, waiting: 'not_inspected' };
  if (c.hazardsFound === null) return { day: null, waiting: 'hazards_unknown' };
  if (c.hazardsFound === 0) return { day: c.inspectedOn, basis: 'inspected' };
  return c.recheckedOn ? { day: c.recheckedOn, basis: 'rechecked' } : { day: null, waiting: 'not_rechecked' };
}

/** Whether the case is on the ledger for the days `from` through `to` (inclusive, YYYY-MM-DD). */
export function onLedger(c: LedgerDates, from: string, to: string): boolean {
  const p = ledgerPlacement(c);
  return p.day !== null && p.day >= from && p.day <= to;
}

/** The reporting month before `today`'s (the ledger due on the 1st), as its first and last day. */
export function previousMonth(today: string): { from: string; to: string } {
  const [y, m] = today.split('-').map(Number) as [number, number];
  const year = m === 1 ? y - 1 : y;
  const month = m === 1 ? 12 : m - 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const mm = String(month).padStart(2, '0');
  return { from: `${year}-${mm}-01`, to: `${year}-${mm}-${String(last).padStart(2, '0')}` };
}

/** The first and last day of the calendar month "YYYY-MM". */
export function monthDays(month: string): { from: string; to: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return previousMonth(m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`);
}

/** The month "YYYY-MM" a period is, when it is exactly one calendar month (a ledger that can be reported). */
export function wholeMonth(from: string, to: string): string | null {
  const month = from.slice(0, 7);
  const days = monthDays(month);
  return days.from === from && days.to === to ? month : null;
}
