/**
 * What the library filters and searches on, one row per record, kept current by the search
 * index whenever a record's officer, links, lateness or integrity change — so a filter over a
 * million records reads an index, not a chain of joins. record_text is an FTS5 trigram index
 * (works for Chinese without a word list) over names, numbers, case fields and descriptions.
 * The backfill's row query is written out here, frozen: the live one (search/search-sql.ts)
 * may change, this migration may not.
 */
const SEARCH_ROW_SELECT = `SELECT r.id AS record_id, r.media_type,
  (SELECT o.officer_id FROM record_officers o WHERE o.record_id = r.id ORDER BY o.id DESC LIMIT 1) AS officer_id,
  n.device_no, coalesce(n.recorded_at, t.recorded_at) AS recorded_at,
  coalesce(t.seconds_late > 0, 0) AS late, coalesce(n.important, 0) AS important,
  (SELECT count(*) FROM record_links l WHERE l.record_id = r.id AND l.unlinked_at IS NULL) AS linked,
  CASE WHEN EXISTS (SELECT 1 FROM integrity_alarms a WHERE a.record_id = r.id AND a.resolved_at IS NULL) THEN 'alarm'
       WHEN EXISTS (SELECT 1 FROM record_fixity f WHERE f.record_id = r.id) THEN 'ok' ELSE 'unchecked' END AS integrity,
  concat_ws(' ', r.original_path, n.device_no, n.officer_no,
    (SELECT group_concat(concat_ws(' ', a.display_name, a.officer_no), ' ') FROM record_officers o JOIN accounts a ON a.id = o.officer_id WHERE o.record_id = r.id),
    (SELECT group_concat(concat_ws(' ', c.case_no, c.cause, (SELECT group_concat(json_extract(p.value, '$.name'), ' ') FROM json_each(c.parties) p), l.facts ->> '$.place', l.facts ->> '$.statement', (SELECT group_concat(cl.value, ' ') FROM json_each(l.facts -> '$.collectors') cl)), ' ')
       FROM record_links l JOIN cases c ON c.id = l.case_id WHERE l.record_id = r.id AND l.unlinked_at IS NULL),
    (SELECT group_concat(e.reason, ' ') FROM late_explanations e WHERE e.record_id = r.id)) AS body
  FROM records r LEFT JOIN record_attribution n ON n.record_id = r.id LEFT JOIN record_timeliness t ON t.record_id = r.id`;

export const sql = `
CREATE TABLE record_search (
  record_id   INTEGER PRIMARY KEY REFERENCES records(id),
  media_type  TEXT NOT NULL,
  officer_id  INTEGER,
  device_no   TEXT,
  recorded_at TEXT,
  late        INTEGER NOT NULL CHECK (late IN (0, 1)),
  important   INTEGER NOT NULL CHECK (important IN (0, 1)),
  linked      INTEGER NOT NULL,
  integrity   TEXT NOT NULL CHECK (integrity IN ('unchecked', 'ok', 'alarm'))
) STRICT;
CREATE INDEX record_search_officer ON record_search(officer_id, record_id);
CREATE INDEX record_search_device ON record_search(device_no, recorded_at);
CREATE INDEX record_search_type ON record_search(media_type, record_id);
CREATE INDEX record_search_recorded ON record_search(recorded_at);
CREATE INDEX record_search_late ON record_search(record_id) WHERE late = 1;
CREATE INDEX record_search_important ON record_search(record_id) WHERE important = 1;
CREATE INDEX record_search_unlinked ON record_search(record_id) WHERE linked = 0;
CREATE INDEX record_search_alarm ON record_search(record_id) WHERE integrity = 'alarm';
CREATE INDEX record_links_live_case ON record_links(case_id, record_id) WHERE unlinked_at IS NULL;

CREATE VIRTUAL TABLE record_text USING fts5(body, tokenize = 'trigram');

INSERT INTO record_search (record_id, media_type, officer_id, device_no, recorded_at, late, important, linked, integrity)
  SELECT record_id, media_type, officer_id, device_no, recorded_at, late, important, linked, integrity FROM (${SEARCH_ROW_SELECT} WHERE 1);
INSERT INTO record_text (rowid, body) SELECT record_id, body FROM (${SEARCH_ROW_SELECT} WHERE 1);
`;
