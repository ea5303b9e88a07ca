import { describe, expect, it } from 'vitest';
import { DEADLINE_PRESETS, deadlineFor, isWorkday, secondsLate, wallClockOf, type WorkCalendar } from '../../../shared/rules/deadline.js';

const plain: WorkCalendar = { holidays: [], workdays: [] };

describe('upload deadline', () => {
  it('gives 24 hours from the recording', () => {
    expect(deadlineFor('2026-11-20T09:30:00', DEADLINE_PRESETS.within24Hours, plain)).toBe('2026-11-21T09:30:00');
    expect(deadlineFor('2026-12-31T23:00:00', DEADLINE_PRESETS.within24Hours, plain)).toBe('2027-01-01T23:00:00');
  });

  it('gives the end of the second working day after the recording day', () => {
    // 2026-11-20 is a Friday: Monday and Tuesday count.
    expect(deadlineFor('2026-11-20T15:00:00', DEADLINE_PRESETS.within2Workdays, plain)).toBe('2026-11-24T23:59:59');
    // Recorded on a Saturday: Monday and Tuesday.
    expect(deadlineFor('2026-11-21T10:00:00', DEADLINE_PRESETS.within2Workdays, plain)).toBe('2026-11-24T23:59:59');
    // Recorded on a Monday: Tuesday and Wednesday.
    expect(deadlineFor('2026-11-23T08:00:00', DEADLINE_PRESETS.within2Workdays, plain)).toBe('2026-11-25T23:59:59');
  });

  it('follows the holiday calendar, including weekend workdays (调休)', () => {
    const calendar: WorkCalendar = { holidays: ['2026-11-23', '2026-11-24'], workdays: ['2026-11-22'] };
    expect(isWorkday('2026-11-22', calendar)).toBe(true);
    expect(isWorkday('2026-11-23', calendar)).toBe(false);
    // Friday recording: Sunday is worked (1), Monday and Tuesday are off, Wednesday (2).
    expect(deadlineFor('2026-11-20T15:00:00', DEADLINE_PRESETS.within2Workdays, calendar)).toBe('2026-11-25T23:59:59');
  });

  it('terminates on a calendar with no workdays at all', () => {
    const allOff: WorkCalendar = { holidays: Array.from({ length: 400 }, (_, i) => new Date(Date.UTC(2026, 0, 1) + i * 86_400_000).toISOString().slice(0, 10)), workdays: [] };
    expect(() => deadlineFor('2026-01-01T00:00:00', DEADLINE_PRESETS.within2Workdays, allOff)).not.toThrow();
  });

  it('counts lateness in seconds, zero when on time', () => {
    expect(secondsLate('2026-11-21T09:30:00', '2026-11-21T09:30:00')).toBe(0);
    expect(secondsLate('2026-11-21T08:00:00', '2026-11-21T09:30:00')).toBe(0);
    expect(secondsLate('2026-11-22T10:30:00', '2026-11-21T09:30:00')).toBe(90_000);
  });

  it('converts an instant to the office wall clock', () => {
    expect(wallClockOf(new Date('2026-11-20T01:30:00Z'), 'Asia/Shanghai')).toBe('2026-11-20T09:30:00');
    expect(wallClockOf(new Date('2026-11-20T16:30:00Z'), 'Asia/Shanghai')).toBe('2026-11-21T00:30:00');
  });
});
