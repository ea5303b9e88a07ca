/**
 * The library lists newest recording first (the camera's time), not newest import: a keeper looks
 * for "Tuesday's clip", and an import of last month's card would otherwise bury this week's. A
 * page is the next rows after (time, id) in that order, and a record without a camera time goes
 * last: recorded_key is that time, or '' (below every time) when there is none, so one row-value
 * comparison walks the order and NULL needs no second query. The filter indexes end in it, so a
 * filter and the order are read from one index and the first page stops early; the device index
 * stays on recorded_at for the timeline and the interruptions count, which read a device's day.
 */
export const sql = `
ALTER TABLE record_search ADD COLUMN recorded_key TEXT GENERATED ALWAYS AS (coalesce(recorded_at, '')) VIRTUAL;
DROP INDEX record_search_recorded;
DROP INDEX record_search_officer;
DROP INDEX record_search_type;
DROP INDEX record_search_late;
DROP INDEX record_search_important;
DROP INDEX record_search_unlinked;
DROP INDEX record_search_alarm;
DROP INDEX record_search_late_officer;
DROP INDEX record_search_important_officer;
CREATE INDEX record_search_recorded ON record_search(recorded_key);
CREATE INDEX record_search_officer ON record_search(officer_id, recorded_key);
CREATE INDEX record_search_type ON record_search(media_type, recorded_key);
CREATE INDEX record_search_integrity ON record_search(integrity, recorded_key);
CREATE INDEX record_search_late ON record_search(recorded_key) WHERE late = 1;
CREATE INDEX record_search_important ON record_search(recorded_key) WHERE important = 1;
CREATE INDEX record_search_unlinked ON record_search(recorded_key) WHERE linked = 0;
CREATE INDEX record_search_late_officer ON record_search(officer_id, recorded_key) WHERE late = 1;
CREATE INDEX record_search_important_officer ON record_search(officer_id, recorded_key) WHERE important = 1;
`;
