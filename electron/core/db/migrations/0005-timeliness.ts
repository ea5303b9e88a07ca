/**
 * Whether each record reached the archive in time, judged once at import under the rule then in
 * force (kept with it), and the keeper's explanations for late ones (remote duty, on the water…),
 * appended, never edited.
 */
export const sql = `
CREATE TABLE record_timeliness (
  record_id    INTEGER PRIMARY KEY REFERENCES records(id),
  basis        TEXT NOT NULL CHECK (basis IN ('file_name', 'file_mtime')),
  recorded_at  TEXT NOT NULL,
  deadline_at  TEXT NOT NULL,
  arrived_at   TEXT NOT NULL,
  seconds_late INTEGER NOT NULL CHECK (seconds_late >= 0),
  rule         TEXT NOT NULL CHECK (json_valid(rule))
) STRICT;
CREATE INDEX record_timeliness_late ON record_timeliness(record_id) WHERE seconds_late > 0;
CREATE TRIGGER record_timeliness_no_update BEFORE UPDATE ON record_timeliness
BEGIN SELECT RAISE(ABORT, 'timeliness is judged once'); END;
CREATE TRIGGER record_timeliness_no_delete BEFORE DELETE ON record_timeliness
BEGIN SELECT RAISE(ABORT, 'timeliness is never deleted'); END;

CREATE TABLE late_explanations (
  id         INTEGER PRIMARY KEY,
  record_id  INTEGER NOT NULL REFERENCES records(id),
  at         TEXT NOT NULL,
  by_account INTEGER NOT NULL REFERENCES accounts(id),
  reason     TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 500)
) STRICT;
CREATE INDEX late_explanations_record ON late_explanations(record_id, id);
CREATE TRIGGER late_explanations_no_update BEFORE UPDATE ON late_explanations
BEGIN SELECT RAISE(ABORT, 'an explanation is never edited: add another'); END;
CREATE TRIGGER late_explanations_no_delete BEFORE DELETE ON late_explanations
BEGIN SELECT RAISE(ABORT, 'an explanation is never deleted'); END;
`;
