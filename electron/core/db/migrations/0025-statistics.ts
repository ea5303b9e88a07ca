/**
 * What the statistics screen counts, summed per recorded day, officer and camera, so a chart over
 * a year of a million records reads a few thousand rows: bench:catalog measured the same counts
 * straight off record_search and record_media at 0.5–4 s each. Triggers keep the sums current
 * whoever writes — the search index, an import, a probe, a destruction — so no writer has to know
 * the statistics exist.
 *
 * A record counts once, at its current key: before record_search takes a row (INSERT OR REPLACE,
 * whose implicit delete fires no trigger) or changes one, the record's contribution is taken off
 * its old key; afterwards it is added at the new one. Media facts, the timeliness judgement and a
 * destruction arrive once each, after the record may already be counted: each adds its own part
 * where the record is counted now. The contribution below is frozen here; a later change to what
 * is counted is a new migration.
 *
 * Interruptions per camera day (a gap in one camera's video, search/timeline.ts) depend on the
 * neighbouring clips, so they are not summed but cached per camera and day, and the cache row is
 * dropped whenever a clip of that day changes.
 */
const KEY = `coalesce(substr(s.recorded_at, 1, 10), '') AS day, coalesce(s.officer_id, 0) AS officer_id, coalesce(s.device_no, '') AS device_no`;
const KEY_OF = (id: string) => `(SELECT coalesce(substr(s.recorded_at, 1, 10), ''), coalesce(s.officer_id, 0), coalesce(s.device_no, '') FROM record_search s WHERE s.record_id = ${id})`;
const DAY = 86400;
/** How late, in four buckets: up to a day, up to three, up to a week, more. */
const LATE_BUCKETS = ['late_day', 'late_3days', 'late_week', 'late_more'];
const bucketTests = (late: string) => [`${late} > 0 AND ${late} <= ${DAY}`, `${late} > ${DAY} AND ${late} <= ${3 * DAY}`, `${late} > ${3 * DAY} AND ${late} <= ${7 * DAY}`, `${late} > ${7 * DAY}`];
const COUNTS = ['records', 'videos', 'seconds', 'bytes', 'unlinked', 'judged', ...LATE_BUCKETS];
const CONTRIBUTION = `SELECT ${KEY}, 1 AS records, s.media_type = 'video' AS videos, coalesce(m.duration_seconds, 0) AS seconds,
    CASE WHEN d.record_id IS NULL THEN r.size ELSE 0 END AS bytes, s.linked = 0 AS unlinked, t.record_id IS NOT NULL AS judged,
    ${bucketTests('coalesce(t.seconds_late, 0)')
      .map((test, i) => `(${test}) AS ${LATE_BUCKETS[i]}`)
      .join(', ')}
  FROM record_search s JOIN records r ON r.id = s.record_id LEFT JOIN record_media m ON m.record_id = s.record_id
    LEFT JOIN record_timeliness t ON t.record_id = s.record_id LEFT JOIN record_dispositions d ON d.record_id = s.record_id`;

/** Adds (sign 1) or takes off (sign -1) the contribution of the record `id` at its key as record_search has it now. */
function apply(sign: 1 | -1, id: string): string {
  return `INSERT INTO statistics_days (day, officer_id, device_no, ${COUNTS.join(', ')})
    SELECT day, officer_id, device_no, ${COUNTS.map((c) => `${sign} * ${c}`).join(', ')} FROM (${CONTRIBUTION} WHERE s.record_id = ${id}) WHERE true
    ON CONFLICT (day, officer_id, device_no) DO UPDATE SET ${COUNTS.map((c) => `${c} = ${c} + excluded.${c}`).join(', ')};
  DELETE FROM statistics_interruptions WHERE (day, device_no) = (SELECT coalesce(substr(s.recorded_at, 1, 10), ''), s.device_no FROM record_search s WHERE s.record_id = ${id});`;
}

const COUNTED_COLUMNS = 'media_type, officer_id, device_no, recorded_at, linked';

export const sql = `
CREATE TABLE statistics_days (
  day        TEXT NOT NULL,
  officer_id INTEGER NOT NULL,
  device_no  TEXT NOT NULL,
  records    INTEGER NOT NULL,
  videos     INTEGER NOT NULL,
  seconds    REAL NOT NULL,
  bytes      INTEGER NOT NULL,
  unlinked   INTEGER NOT NULL,
  judged     INTEGER NOT NULL,
  late_day   INTEGER NOT NULL,
  late_3days INTEGER NOT NULL,
  late_week  INTEGER NOT NULL,
  late_more  INTEGER NOT NULL,
  PRIMARY KEY (day, officer_id, device_no)
) STRICT, WITHOUT ROWID;

CREATE TABLE statistics_interruptions (
  day           TEXT NOT NULL,
  device_no     TEXT NOT NULL,
  interruptions INTEGER NOT NULL,
  PRIMARY KEY (day, device_no)
) STRICT, WITHOUT ROWID;

CREATE TRIGGER statistics_search_replaced BEFORE INSERT ON record_search
BEGIN ${apply(-1, 'NEW.record_id')} END;
CREATE TRIGGER statistics_search_inserted AFTER INSERT ON record_search
BEGIN ${apply(1, 'NEW.record_id')} END;
CREATE TRIGGER statistics_search_changing BEFORE UPDATE OF ${COUNTED_COLUMNS} ON record_search
BEGIN ${apply(-1, 'OLD.record_id')} END;
CREATE TRIGGER statistics_search_changed AFTER UPDATE OF ${COUNTED_COLUMNS} ON record_search
BEGIN ${apply(1, 'NEW.record_id')} END;

CREATE TRIGGER statistics_media AFTER INSERT ON record_media
BEGIN
  UPDATE statistics_days SET seconds = seconds + coalesce(NEW.duration_seconds, 0) WHERE (day, officer_id, device_no) = ${KEY_OF('NEW.record_id')};
  DELETE FROM statistics_interruptions WHERE (day, device_no) = (SELECT coalesce(substr(s.recorded_at, 1, 10), ''), s.device_no FROM record_search s WHERE s.record_id = NEW.record_id);
END;
CREATE TRIGGER statistics_timeliness AFTER INSERT ON record_timeliness
BEGIN
  UPDATE statistics_days SET judged = judged + 1, ${bucketTests('NEW.seconds_late')
    .map((test, i) => `${LATE_BUCKETS[i]} = ${LATE_BUCKETS[i]} + (${test})`)
    .join(', ')}
  WHERE (day, officer_id, device_no) = ${KEY_OF('NEW.record_id')};
END;
CREATE TRIGGER statistics_disposition AFTER INSERT ON record_dispositions
BEGIN
  UPDATE statistics_days SET bytes = bytes - NEW.size WHERE (day, officer_id, device_no) = ${KEY_OF('NEW.record_id')};
END;

INSERT INTO statistics_days (day, officer_id, device_no, ${COUNTS.join(', ')})
  SELECT day, officer_id, device_no, ${COUNTS.map((c) => `sum(${c})`).join(', ')} FROM (${CONTRIBUTION}) GROUP BY day, officer_id, device_no;
`;
