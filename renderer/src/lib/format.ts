import dayjs, { type Dayjs } from 'dayjs';
import type { TFunction } from 'i18next';
import utc from 'dayjs/plugin/utc.js';
import timezone from 'dayjs/plugin/timezone.js';

dayjs.extend(utc);
dayjs.extend(timezone);

/**
 * Every time on screen is in the office's zone, never the PC's: a recording's camera time and
 * its import time must read alike in one row ("拍摄 10:10 / 导入 10:11", not "导入 01:11").
 * The zone comes with system.status, which every screen loads first.
 */
let officeZone = 'Asia/Shanghai';

export function setOfficeZone(zone: string): void {
  officeZone = zone;
}

/** An instant from the core (ISO, UTC) as the office's wall clock: 2026-11-20 09:30:00. */
export function formatInstant(iso: string | null | undefined, withSeconds = true): string {
  return iso ? dayjs(iso).tz(officeZone).format(withSeconds ? 'YYYY-MM-DD HH:mm:ss' : 'YYYY-MM-DD HH:mm') : '';
}

/** A wall-clock time the core keeps without a zone (camera time, deadlines), already the office's: 2026-11-20T09:30:00 → 2026-11-20 09:30:00. */
export function formatWallClock(wall: string | null | undefined, withSeconds = true): string {
  if (!wall) return '';
  const text = wall.replace('T', ' ');
  return withSeconds ? text.slice(0, 19) : text.slice(0, 16);
}

/** What a date-time picker shows, read as the office's wall clock, as the instant the core wants. */
export function officeInstant(picked: Dayjs): string {
  return dayjs.tz(picked.format('YYYY-MM-DDTHH:mm:ss'), officeZone).toISOString();
}

/** An instant from the core as a date-time picker's value: the office's wall clock at that instant (the inverse of officeInstant). */
export function officePickerValue(iso: string): Dayjs {
  return dayjs(dayjs(iso).tz(officeZone).format('YYYY-MM-DDTHH:mm:ss'));
}

/** Now on the office's wall clock, to the minute, as a date-time picker's value. */
export function officeNowPicker(): Dayjs {
  return dayjs(dayjs().tz(officeZone).format('YYYY-MM-DDTHH:mm'));
}

/** Today in the office, for examples and defaults. */
export function officeToday(): string {
  return dayjs().tz(officeZone).format('YYYY-MM-DD');
}

/** How late, as the library says it: whole hours up to two days, then whole days. */
export function lateText(t: TFunction, seconds: number): string {
  const hours = Math.round(seconds / 3600);
  return hours >= 48 ? t('library.lateDays', { n: Math.round(hours / 24) }) : t('library.lateHours', { n: Math.max(1, hours) });
}

/**
 * A span of time as people say it: "23 小时 58 分" from an hour up, "4 分 20 秒" below, "20 秒"
 * under a minute. Countdowns and durations read this way, never as 1438:20 or 23.9 小时.
 */
export function spanText(t: TFunction, seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (h > 0) return t('time.hoursMinutes', { h, m });
  if (m > 0) return t('time.minutesSeconds', { m, s: s % 60 });
  return t('time.seconds', { s });
}

const WORKSTATION = /^(.*) \((electron|browser|cli)\)$/;

/** Where something was done, in words: "档案室-PC（浏览器）" for the stored "档案室-PC (browser)". */
export function workstationText(t: TFunction, workstation: string): string {
  const m = WORKSTATION.exec(workstation);
  return m ? t('audit.shellOn', { host: m[1], shell: t(`audit.shell_${m[2]}`) }) : workstation;
}
