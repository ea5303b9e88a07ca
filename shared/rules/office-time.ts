import { wallClockOf } from './deadline.js';

/**
 * An instant as the office reads it: its own wall clock (settings timeliness.timeZone), never
 * raw UTC and never the zone of whichever PC prints it. "2026-05-01 10:10:00".
 */
export function officeTime(instant: string | Date, timeZone: string): string {
  return wallClockOf(new Date(instant), timeZone).replace('T', ' ');
}
