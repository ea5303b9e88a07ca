import { describe, expect, it } from 'vitest';
import { nextDay, officeDayStart, officeTime } from '../../../shared/rules/office-time.js';

describe('office days as instants', () => {
  it('starts an office day at midnight on the office clock, whatever the zone', () => {
    expect(officeDayStart('2026-11-01', 'Asia/Shanghai')).toBe('2026-10-31T16:00:00.000Z');
    expect(officeTime(officeDayStart('2026-11-01', 'Asia/Shanghai'), 'Asia/Shanghai')).toBe('2026-11-01 00:00:00');
    expect(officeDayStart('2026-11-01', 'UTC')).toBe('2026-11-01T00:00:00.000Z');
    // A day that begins in a changed offset (summer time starts and ends in the night before).
    expect(officeDayStart('2026-03-29', 'Europe/Berlin')).toBe('2026-03-28T23:00:00.000Z');
    expect(officeDayStart('2026-10-25', 'Europe/Berlin')).toBe('2026-10-24T22:00:00.000Z');
  });

  it('counts the day after across months and years', () => {
    expect(nextDay('2026-11-30')).toBe('2026-12-01');
    expect(nextDay('2026-12-31')).toBe('2027-01-01');
    expect(nextDay('2028-02-28')).toBe('2028-02-29');
  });
});
