import type { TimelineDto } from '../../../shared/contract/timeline-dto.js';
import { scopeCondition, type SqlScope } from '../access/access-rule.js';
import type { Db } from '../db/open.js';

/** A gap shorter than this between clips of one camera is a file split, not an interruption. */
export const GAP_SECONDS = 10;

function seconds(wall: string): number {
  return Date.parse(`${wall}Z`) / 1000;
}

/** A clip as the gap rule reads it: when it starts on the camera's clock, how long it runs, what it is. */
export interface TimedClip {
  start: string;
  duration: number | null;
  mediaType: string;
}

/**
 * The gap before each clip of one camera's day (clips in start order) and whether it interrupted a
 * recording: a video starting more than GAP_SECONDS after everything before it ended.
 */
export function gapsOf(clips: readonly TimedClip[]): { gap: number | null; interrupted: boolean }[] {
  let previousEnd: number | null = null;
  return clips.map((c) => {
    const start = seconds(c.start);
    const gap = previousEnd === null ? null : Math.round(start - previousEnd);
    const end = start + (c.duration ?? 0);
    previousEnd = Math.max(previousEnd ?? end, end);
    return { gap, interrupted: gap !== null && gap > GAP_SECONDS && c.mediaType === 'video' };
  });
}

/**
 * One camera's day in time order, with the gaps between its clips: the rules want an
 * interrupted recording explained when it restarts (001 art.13–15), so each gap is visible.
 */
export function deviceDay(db: Db, deviceNo: string, day: string, scope: SqlScope): TimelineDto {
  const reach = scopeCondition(scope);
  const rows = db
    .prepare(
      `SELECT s.record_id AS id, r.original_name AS name, r.media_type AS mediaType, s.recorded_at AS start, m.duration_seconds AS duration, s.linked
       FROM record_search s JOIN records r ON r.id = s.record_id LEFT JOIN record_media m ON m.record_id = s.record_id
       WHERE s.device_no = @device AND s.recorded_at >= @from AND s.recorded_at <= @to AND ${reach.sql} ORDER BY s.recorded_at, s.record_id`,
    )
    .all({ ...reach.params, device: deviceNo, from: `${day}T00:00:00`, to: `${day}T23:59:59` }) as { id: number; name: string; mediaType: TimelineDto['clips'][number]['mediaType']; start: string; duration: number | null; linked: number }[];
  const gaps = gapsOf(rows);
  const clips = rows.map((r, i) => ({
    recordId: r.id,
    name: r.name,
    mediaType: r.mediaType,
    start: r.start,
    durationSeconds: r.duration,
    gapBeforeSeconds: gaps[i]?.gap ?? null,
    interrupted: gaps[i]?.interrupted ?? false,
    linked: r.linked > 0,
  }));
  return { deviceNo, day, clips };
}

/** The days a camera has recordings on, newest first, for the picker. */
export function deviceDays(db: Db, deviceNo: string, scope: SqlScope): { day: string; clips: number }[] {
  const reach = scopeCondition(scope);
  return db
    .prepare(`SELECT substr(s.recorded_at, 1, 10) AS day, count(*) AS clips FROM record_search s WHERE s.device_no = @device AND s.recorded_at IS NOT NULL AND ${reach.sql} GROUP BY day ORDER BY day DESC LIMIT 366`)
    .all({ ...reach.params, device: deviceNo }) as { day: string; clips: number }[];
}
