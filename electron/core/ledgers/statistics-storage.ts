import type { StorageOutlook } from '../../../shared/contract/statistics-dto.js';
import { driveSpace } from '../base/drive-space.js';
import { addMonths } from './statistics-period.js';

/** How far ahead a projection is worth saying: beyond it the drive is "not full within N years". */
export const HORIZON_YEARS = 10;
/** The growth rate is the mean of this many recent whole months: one busy month shouldn't move the date much. */
export const RECENT_MONTHS = 6;

/**
 * The month the drive is full if the store keeps growing `perMonth` bytes a month from
 * `thisMonth` on: null when it doesn't grow, or not within the horizon.
 */
export function fullMonth(freeBytes: number, perMonth: number, thisMonth: string): string | null {
  if (!(perMonth > 0)) return null;
  const months = Math.ceil(freeBytes / perMonth);
  return months > HORIZON_YEARS * 12 ? null : addMonths(thisMonth, months);
}

/**
 * The growth a projection uses: the mean of the last RECENT_MONTHS whole months since recording
 * began, leaving out the month in progress (half a month would halve the rate) and the empty
 * months before the first recording (they are no growth, just no archive yet). Null while no whole
 * month has passed since then: "0 B a month" beside a store that grew this month would be wrong.
 */
export function growthRate(months: string[], bytes: number[], thisMonth: string): number | null {
  const first = bytes.findIndex((b) => b > 0);
  if (first < 0) return null;
  const whole = months.map((m, i) => ({ m, b: bytes[i] ?? 0 })).slice(first).filter((x) => x.m < thisMonth);
  const recent = whole.slice(-RECENT_MONTHS);
  return recent.length === 0 ? null : Math.round(recent.reduce((sum, x) => sum + x.b, 0) / recent.length);
}

/** Where the store drive stands, and when it is full at the period's recent growth. */
export function storageOutlook(storeDir: string, usedBytes: number, months: string[], bytes: number[], thisMonth: string): StorageOutlook {
  const space = driveSpace(storeDir);
  const growthPerMonthBytes = growthRate(months, bytes, thisMonth);
  return {
    usedBytes,
    freeBytes: space?.freeBytes ?? null,
    totalBytes: space?.totalBytes ?? null,
    growthPerMonthBytes,
    fullMonth: space && growthPerMonthBytes !== null ? fullMonth(space.freeBytes, growthPerMonthBytes, thisMonth) : null,
    horizonYears: HORIZON_YEARS,
  };
}
