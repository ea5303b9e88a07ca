/**
 * Two refinements of the deadline (REQUIREMENTS §1):
 * - a camera whose clock runs ahead of the workstation's is caught at import (a recording can't
 *   come from the future), judged once with the threshold then in force;
 * - an officer away (remote area, on the water) has the deadline counted from the return: the
 *   keeper registers the absence, and records imported afterwards are judged by it. An absence
 *   entered by mistake is withdrawn, never edited or deleted.
 */
export const sql = `
CREATE TABLE officer_absences (
  id              INTEGER PRIMARY KEY,
  officer_id      INTEGER NOT NULL REFERENCES accounts(id),
  starts_at       TEXT NOT NULL,
  returned_at     TEXT NOT NULL CHECK (returned_at > starts_at),
  reason          TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
  created_at      TEXT NOT NULL,
  created_by      INTEGER NOT NULL REFERENCES accounts(id),
  withdrawn_at    TEXT,
  withdrawn_by    INTEGER REFERENCES accounts(id),
  withdraw_reason TEXT
) STRICT;
CREATE INDEX officer_absences_officer ON officer_absences(officer_id, starts_at);
CREATE TRIGGER officer_absences_withdraw_only BEFORE UPDATE ON officer_absences
WHEN OLD.withdrawn_at IS NOT NULL OR NEW.withdrawn_at IS NULL
  OR NEW.officer_id IS NOT OLD.officer_id OR NEW.starts_at IS NOT OLD.starts_at OR NEW.returned_at IS NOT OLD.returned_at
  OR NEW.reason IS NOT OLD.reason OR NEW.created_at IS NOT OLD.created_at OR NEW.created_by IS NOT OLD.created_by
BEGIN SELECT RAISE(ABORT, 'an absence is only ever withdrawn, once'); END;
CREATE TRIGGER officer_absences_no_delete BEFORE DELETE ON officer_absences
BEGIN SELECT RAISE(ABORT, 'an absence is never deleted'); END;

ALTER TABLE record_timeliness ADD COLUMN camera_ahead_seconds INTEGER CHECK (camera_ahead_seconds IS NULL OR camera_ahead_seconds >= 0);
ALTER TABLE record_timeliness ADD COLUMN clock_flagged INTEGER NOT NULL DEFAULT 0 CHECK (clock_flagged IN (0, 1));
ALTER TABLE record_timeliness ADD COLUMN absence_id INTEGER REFERENCES officer_absences(id);
`;
