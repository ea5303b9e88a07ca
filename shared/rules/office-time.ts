import { wallClockOf } from './deadline.js';

/**
 * An instant as the office reads it: its own wall clock (settings timeliness.timeZone), never
 * raw UTC and never the zone of whichever PC prints it. "2026-05-01 10:10:00".
 */
export function officeTime(instant: string | Date, timeZone: string): string {
  return wallClockOf(new Date(instant), timeZone).replace('T', ' ');
}

/**
 * The instant an office day (YYYY-MM-DD) begins on the office's clock, as ISO UTC: what a period
 * "from 2026-11-01 to 2026-11-30" means in the database, whose times are UTC instants. The zone's
 * offset is read at the moment itself (twice, so a day that starts in a changed offset is right).
 */
export function officeDayStart(day: string, timeZone: string): string {
  const midnight = Date.parse(`${day}T00:00:00Z`);
  let instant = midnight;
  for (let i = 0; i < 2; i++) instant = midnight - (Date.parse(`${wallClockOf(new Date(instant), timeZone)}Z`) - instant);
  return new Date(instant).toISOString();
}

/** The office day after `day`: a period's end is exclusive at the start of the day after its last. */
export function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}
