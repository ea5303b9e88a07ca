import type { StatisticsDto, StatisticsGroup, StatisticsSeriesKey } from '../../../shared/contract/statistics-dto.js';
import { nextDay, officeDayStart, officeTime } from '../../../shared/rules/office-time.js';
import type { Db } from '../db/open.js';
import { gapsOf, type TimedClip } from '../search/timeline.js';
import type { StatisticsPeriod } from './statistics-period.js';

type Series = StatisticsDto['series'];
export interface ChartData {
  categories: string[];
  series: Series;
}

const IN_PERIOD = 'd.day >= @from AND d.day <= @to';
const HOUR = 3600;
const share = (part: number, whole: number) => (whole > 0 ? Number(((part / whole) * 100).toFixed(1)) : 0);

/** Rows keyed by month, spread over every month of the period (a month with nothing is zeros). */
function byMonth<R extends { month: string }>(period: StatisticsPeriod, rows: R[], series: [StatisticsSeriesKey, (r: R | undefined) => number][]): ChartData {
  const found = new Map(rows.map((r) => [r.month, r]));
  return { categories: period.months, series: series.map(([key, value]) => ({ key, values: period.months.map((m) => value(found.get(m))) })) };
}

function sums<R>(db: Db, period: StatisticsPeriod, select: string, groupBy: string | null): R[] {
  return db.prepare(`SELECT ${select} FROM statistics_days d WHERE ${IN_PERIOD} ${groupBy ? `GROUP BY ${groupBy}` : ''}`).all({ from: period.from, to: period.to }) as R[];
}

interface Recorded {
  label: string;
  records: number;
  seconds: number;
}

/** Recordings and hours per month, officer or camera; officers and cameras with the most first (no officer or camera: an empty label). */
export function recordings(db: Db, period: StatisticsPeriod, group: StatisticsGroup): ChartData {
  const values = (rows: Recorded[]): Series => [
    { key: 'records', values: rows.map((r) => r.records) },
    { key: 'hours', values: rows.map((r) => r.seconds / HOUR) },
  ];
  if (group === 'month') {
    const rows = sums<Recorded & { month: string }>(db, period, "substr(d.day, 1, 7) AS month, sum(d.records) AS records, sum(d.seconds) AS seconds", 'month');
    return byMonth(period, rows, [
      ['records', (r) => r?.records ?? 0],
      ['hours', (r) => (r?.seconds ?? 0) / HOUR],
    ]);
  }
  const label = group === 'officer' ? "coalesce((SELECT a.display_name FROM accounts a WHERE a.id = d.officer_id), '')" : 'd.device_no';
  const key = group === 'officer' ? 'd.officer_id' : 'd.device_no';
  const rows = sums<Recorded>(db, period, `${label} AS label, sum(d.records) AS records, sum(d.seconds) AS seconds`, `${key} HAVING sum(d.records) > 0 ORDER BY records DESC, label`);
  return { categories: rows.map((r) => r.label), series: values(rows) };
}

/** Per month: records judged on time and late (against the upload deadline at import), and the late share of those judged. */
export function timeliness(db: Db, period: StatisticsPeriod): ChartData {
  const rows = sums<{ month: string; judged: number; late: number }>(
    db,
    period,
    'substr(d.day, 1, 7) AS month, sum(d.judged) AS judged, sum(d.late_day + d.late_3days + d.late_week + d.late_more) AS late',
    'month',
  );
  return byMonth(period, rows, [
    ['onTime', (r) => (r ? r.judged - r.late : 0)],
    ['late', (r) => r?.late ?? 0],
    ['lateShare', (r) => share(r?.late ?? 0, r?.judged ?? 0)],
  ]);
}

/** How late the late records of the period were: up to a day, three days, a week, more. */
export function lateness(db: Db, period: StatisticsPeriod): ChartData {
  const buckets = ['lateDay', 'late3Days', 'lateWeek', 'lateMore'] as const;
  const [row] = sums<Record<(typeof buckets)[number], number | null>>(
    db,
    period,
    'sum(d.late_day) AS lateDay, sum(d.late_3days) AS late3Days, sum(d.late_week) AS lateWeek, sum(d.late_more) AS lateMore',
    null,
  );
  return { categories: [...buckets], series: [{ key: 'late', values: buckets.map((b) => row?.[b] ?? 0) }] };
}

/** Per month: records not linked to any case, and those linked. */
export function unlinked(db: Db, period: StatisticsPeriod): ChartData {
  const rows = sums<{ month: string; records: number; unlinked: number }>(db, period, 'substr(d.day, 1, 7) AS month, sum(d.records) AS records, sum(d.unlinked) AS unlinked', 'month');
  return byMonth(period, rows, [
    ['unlinked', (r) => r?.unlinked ?? 0],
    ['linked', (r) => (r ? r.records - r.unlinked : 0)],
  ]);
}

/**
 * Counts the camera days of the period not counted since their clips last changed: a video
 * starting after a real gap in the camera's day, as the timeline shows it. A camera at a time,
 * with a turn of the event loop between: the first count of a year of a million records reads
 * every clip once, and took the process for tens of seconds in one piece (bench:catalog).
 */
export async function countInterruptions(db: Db, period: StatisticsPeriod): Promise<void> {
  const params = { from: period.from, to: period.to };
  const stale = db
    .prepare(
      `SELECT d.day, d.device_no FROM statistics_days d WHERE ${IN_PERIOD} AND d.device_no != '' GROUP BY d.day, d.device_no HAVING sum(d.videos) > 0
       EXCEPT SELECT i.day, i.device_no FROM statistics_interruptions i WHERE i.day >= @from AND i.day <= @to`,
    )
    .all(params) as { day: string; device_no: string }[];
  if (stale.length > 0) {
    // One read per camera over its stale days, not one per day: a first count of a year of a million records reads each clip once.
    const days = new Map<string, Set<string>>();
    for (const s of stale) days.set(s.device_no, (days.get(s.device_no) ?? new Set()).add(s.day));
    const clips = db.prepare(
      `SELECT substr(s.recorded_at, 1, 10) AS day, s.recorded_at AS start, s.media_type AS mediaType, m.duration_seconds AS duration
       FROM record_search s LEFT JOIN record_media m ON m.record_id = s.record_id
       WHERE s.device_no = @device AND s.recorded_at >= @from AND s.recorded_at < @until ORDER BY s.recorded_at, s.record_id`,
    );
    const put = db.prepare('INSERT OR REPLACE INTO statistics_interruptions (day, device_no, interruptions) VALUES (?, ?, ?)');
    for (const [device, wanted] of days) {
      // The app may have closed meanwhile (a start-up warm-up outlived by a quick close).
      if (!db.open) return;
      db.transaction(() => {
        const sorted = [...wanted].sort();
        const byDay = new Map<string, TimedClip[]>();
        for (const c of clips.all({ device, from: sorted[0], until: nextDay(sorted[sorted.length - 1]!) }) as (TimedClip & { day: string })[]) {
          if (!wanted.has(c.day)) continue;
          const list = byDay.get(c.day) ?? [];
          list.push(c);
          byDay.set(c.day, list);
        }
        for (const day of sorted) put.run(day, device, gapsOf(byDay.get(day) ?? []).filter((g) => g.interrupted).length);
      })();
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }
}

/** Interruptions per camera over the period, from the counts `countInterruptions` keeps. */
export function interruptions(db: Db, period: StatisticsPeriod): ChartData {
  const params = { from: period.from, to: period.to };
  const counted = new Map(
    (db.prepare('SELECT i.device_no AS camera, sum(i.interruptions) AS n FROM statistics_interruptions i WHERE i.day >= @from AND i.day <= @to GROUP BY i.device_no').all(params) as { camera: string; n: number }[]).map(
      (r) => [r.camera, r.n],
    ),
  );
  const rows = (
    db.prepare(`SELECT d.device_no AS camera, sum(d.videos) AS videos FROM statistics_days d WHERE ${IN_PERIOD} AND d.device_no != '' GROUP BY d.device_no HAVING sum(d.videos) > 0`).all(params) as {
      camera: string;
      videos: number;
    }[]
  )
    .map((r) => ({ ...r, interruptions: counted.get(r.camera) ?? 0 }))
    .sort((a, b) => b.interruptions - a.interruptions || (a.camera < b.camera ? -1 : 1));
  return {
    categories: rows.map((r) => r.camera),
    series: [
      { key: 'interruptions', values: rows.map((r) => r.interruptions) },
      { key: 'videos', values: rows.map((r) => r.videos) },
    ],
  };
}

/** Viewings opened and loans lent per month of the office's clock (the registers keep UTC instants). */
export function lending(db: Db, period: StatisticsPeriod, timeZone: string): ChartData {
  const range = { from: officeDayStart(period.from, timeZone), to: officeDayStart(nextDay(period.to), timeZone) };
  const perMonth = (sql: string) => {
    const counts = new Map<string, number>();
    for (const { at } of db.prepare(sql).all(range) as { at: string }[]) {
      const month = officeTime(at, timeZone).slice(0, 7);
      counts.set(month, (counts.get(month) ?? 0) + 1);
    }
    return period.months.map((m) => counts.get(m) ?? 0);
  };
  return {
    categories: period.months,
    series: [
      { key: 'viewings', values: perMonth('SELECT opened_at AS at FROM viewings WHERE opened_at >= @from AND opened_at < @to') },
      { key: 'loans', values: perMonth('SELECT lent_at AS at FROM loans WHERE lent_at >= @from AND lent_at < @to') },
    ],
  };
}

/** Bytes the store holds of the records each month of the period brought (by the day they were recorded), and all it holds now. */
export function storageGrowth(db: Db, period: StatisticsPeriod): { months: number[]; usedBytes: number } {
  const rows = sums<{ month: string; bytes: number }>(db, period, 'substr(d.day, 1, 7) AS month, sum(d.bytes) AS bytes', 'month');
  const found = new Map(rows.map((r) => [r.month, r.bytes]));
  const used = db.prepare('SELECT coalesce(sum(bytes), 0) AS bytes FROM statistics_days').get() as { bytes: number };
  return { months: period.months.map((m) => found.get(m) ?? 0), usedBytes: used.bytes };
}
