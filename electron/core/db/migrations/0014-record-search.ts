import { SEARCH_ROW_SELECT } from '../../search/search-sql.js';

/**
 * What the library filters and searches on, one row per record, kept current by the search
 * index whenever a record's officer, links, lateness or integrity change — so a filter over a
 * million records reads an index, not a chain of joins. record_text is an FTS5 trigram index
 * (works for Chinese without a word list) over names, numbers, case fields and descriptions.
 */
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
