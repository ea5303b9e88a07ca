import { UNDER_ALARM } from '../record-state/alarms.js';

/**
 * One record's search row, computed from the tables that own the facts: its current officer
 * (latest attribution), device, camera time, lateness, importance mark, live case links,
 * integrity, and the text that full-text search reads. Append `WHERE r.id IN (…)` (or `WHERE 1`).
 */
/** A record's integrity as the library filters on it: an open alarm, else checked, else unchecked. */
export const INTEGRITY_STATE = `CASE WHEN ${UNDER_ALARM('r.id')} THEN 'alarm'
       WHEN EXISTS (SELECT 1 FROM record_fixity f WHERE f.record_id = r.id) THEN 'ok' ELSE 'unchecked' END`;

export const SEARCH_ROW_SELECT = `SELECT r.id AS record_id, r.media_type,
  (SELECT o.officer_id FROM record_officers o WHERE o.record_id = r.id ORDER BY o.id DESC LIMIT 1) AS officer_id,
  n.device_no, coalesce(n.recorded_at, t.recorded_at) AS recorded_at,
  coalesce(t.seconds_late > 0, 0) AS late, coalesce(n.important, 0) AS important,
  (SELECT count(*) FROM record_links l WHERE l.record_id = r.id AND l.unlinked_at IS NULL) AS linked,
  ${INTEGRITY_STATE} AS integrity,
  concat_ws(' ', r.original_path, n.device_no, n.officer_no,
    (SELECT group_concat(concat_ws(' ', a.display_name, a.officer_no), ' ') FROM record_officers o JOIN accounts a ON a.id = o.officer_id WHERE o.record_id = r.id),
    (SELECT group_concat(concat_ws(' ', c.case_no, c.cause, (SELECT group_concat(json_extract(p.value, '$.name'), ' ') FROM json_each(c.parties) p), l.facts ->> '$.place', l.facts ->> '$.statement', (SELECT group_concat(cl.value, ' ') FROM json_each(l.facts -> '$.collectors') cl)), ' ')
       FROM record_links l JOIN cases c ON c.id = l.case_id WHERE l.record_id = r.id AND l.unlinked_at IS NULL),
    (SELECT group_concat(e.reason, ' ') FROM late_explanations e WHERE e.record_id = r.id)) AS body
  FROM records r LEFT JOIN record_attribution n ON n.record_id = r.id LEFT JOIN record_timeliness t ON t.record_id = r.id`;
