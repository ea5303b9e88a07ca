import { describe, expect, it } from 'vitest';
import { ledgerPlacement, monthDays, onLedger, previousMonth, wholeMonth, type LedgerDates } from '../../../shared/rules/ledger-period.js';

const none: LedgerDates = { kind: 'penalty', closedOn: null, inspectedOn: null, hazardsFound: null, recheckedOn: null };

describe('ledger reporting periods (004 报送要求)', () => {
  it('puts a penalty case filed in September and closed in October in October', () => {
    const c = { ...none, closedOn: '2026-10-03' };
    expect(onLedger(c, '2026-09-01', '2026-09-30')).toBe(false);
    expect(onLedger(c, '2026-10-01', '2026-10-31')).toBe(true);
    expect(ledgerPlacement({ ...none })).toEqual({ day: null, waiting: 'not_closed' });
  });

  it('puts an inspection with hazards in the re-check month and one without in the inspection month', () => {
    const withHazards = { ...none, kind: 'inspection' as const, inspectedOn: '2026-09-28', hazardsFound: 2, recheckedOn: '2026-10-09' };
    expect(onLedger(withHazards, '2026-09-01', '2026-09-30')).toBe(false);
    expect(onLedger(withHazards, '2026-10-01', '2026-10-31')).toBe(true);
    const clean = { ...withHazards, hazardsFound: 0, recheckedOn: null };
    expect(ledgerPlacement(clean)).toEqual({ day: '2026-09-28', basis: 'inspected' });
    expect(ledgerPlacement({ ...withHazards, recheckedOn: null })).toEqual({ day: null, waiting: 'not_rechecked' });
    expect(ledgerPlacement({ ...withHazards, hazardsFound: null })).toEqual({ day: null, waiting: 'hazards_unknown' });
    expect(ledgerPlacement({ ...withHazards, inspectedOn: null })).toEqual({ day: null, waiting: 'not_inspected' });
  });

  it('counts coercion cases by their closing day, and includes both ends of the period', () => {
    const c = { ...none, kind: 'coercion' as const, closedOn: '2026-10-31' };
    expect(onLedger(c, '2026-10-01', '2026-10-31')).toBe(true);
    expect(onLedger(c, '2026-10-31', '2026-10-31')).toBe(true);
    expect(onLedger(c, '2026-11-01', '2026-11-30')).toBe(false);
  });

  it('names last month on the 1st, across a year and a leap February', () => {
    expect(previousMonth('2026-11-01')).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    expect(previousMonth('2027-01-01')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(previousMonth('2028-03-01')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(previousMonth('2027-03-15')).toEqual({ from: '2027-02-01', to: '2027-02-28' });
  });

  it('knows a whole calendar month from any other period', () => {
    expect(monthDays('2026-12')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(monthDays('2028-02')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(wholeMonth('2026-10-01', '2026-10-31')).toBe('2026-10');
    expect(wholeMonth('2026-10-01', '2026-10-30')).toBeNull();
    expect(wholeMonth('2026-10-02', '2026-10-31')).toBeNull();
    expect(wholeMonth('2026-10-01', '2026-11-30')).toBeNull();
  });
});
