/**
 * The upload deadline (REQUIREMENTS §1): within 24 hours of recording (000 art.21) or within
 * 2 working days (001 art.17). Working days follow an editable calendar, because China moves
 * workdays around holidays (调休): a listed holiday is a day off even on a weekday, a listed
 * workday is worked even on a weekend.
 *
 * Times here are wall-clock strings in the office's time zone ("2026-11-20T09:30:00"), the way a
 * camera writes them; `wallClockOf` converts an instant.
 */
export type DeadlineRule = { kind: 'hours'; hours: number } | { kind: 'workdays'; days: number };

export const DEADLINE_PRESETS = {
  within24Hours: { kind: 'hours', hours: 24 },
  within2Workdays: { kind: 'workdays', days: 2 },
} as const satisfies Record<string, DeadlineRule>;

export interface WorkCalendar {
  /** Days off that would otherwise be workdays (法定节假日), YYYY-MM-DD. */
  holidays: string[];
  /** Weekend days that are worked (调休上班), YYYY-MM-DD. */
  workdays: string[];
}

const DAY_MS = 86_400_000;

function dayOf(wall: string): string {
  return wall.slice(0, 10);
}

function addDays(day: string, n: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

export function isWorkday(day: string, calendar: WorkCalendar): boolean {
  if (calendar.workdays.includes(day)) return true;
  if (calendar.holidays.includes(day)) return false;
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

function wallToMs(wall: string): number {
  return Date.parse(`${wall}Z`);
}

function msToWall(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19);
}

/**
 * The last moment the record may arrive. Hours: counted from the recording. Working days:
 * counted from the day after the recording, so the deadline is the end of the Nth working day.
 */
export function deadlineFor(recordedAt: string, rule: DeadlineRule, calendar: WorkCalendar): string {
  if (rule.kind === 'hours') return msToWall(wallToMs(recordedAt) + rule.hours * 3_600_000);
  let day = dayOf(recordedAt);
  let counted = 0;
  // A calendar can't hold more than a few weeks of consecutive days off; the bound keeps a
  // malformed one from looping forever.
  for (let guard = 0; counted < rule.days && guard < 366; guard++) {
    day = addDays(day, 1);
    if (isWorkday(day, calendar)) counted++;
  }
  return `${day}T23:59:59`;
}

/** How many seconds `later` is after `earlier` (0 when it isn't). */
export function secondsAfter(later: string, earlier: string): number {
  return Math.max(0, Math.round((wallToMs(later) - wallToMs(earlier)) / 1000));
}

/** Seconds past the deadline (0 when on time). */
export function secondsLate(arrivedAt: string, deadline: string): number {
  return secondsAfter(arrivedAt, deadline);
}

// Making a formatter costs ~100 times formatting with one: a catalogue's worth of dates (retention
// terms for a million records) took minutes before the formatter was kept per zone.
const formatters = new Map<string, Intl.DateTimeFormat>();

/** An instant as wall-clock time in a time zone, e.g. Asia/Shanghai. */
export function wallClockOf(instant: Date, timeZone: string): string {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
    formatters.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(instant).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}`;
}
