/**
 * What the keeper chose for an import (the officer and camera for files whose names don't say,
 * whether to clear the camera afterwards), where a record's device number came from, and what
 * was deleted from the camera after a verified batch: one row per file, written once.
 * Rows from before this migration keep device_source NULL: their device number came from the name.
 */
export const sql = `
ALTER TABLE import_jobs ADD COLUMN options TEXT CHECK (options IS NULL OR json_valid(options));
ALTER TABLE record_attribution ADD COLUMN device_source TEXT CHECK (device_source IS NULL OR device_source IN ('file_name', 'keeper'));

CREATE TABLE import_clearances (
  job_id        INTEGER NOT NULL REFERENCES import_jobs(id),
  relative_path TEXT NOT NULL,
  cleared       INTEGER NOT NULL CHECK (cleared IN (0, 1)),
  reason        TEXT,
  at            TEXT NOT NULL,
  PRIMARY KEY (job_id, relative_path)
) STRICT;
CREATE TRIGGER import_clearances_no_update BEFORE UPDATE ON import_clearances
BEGIN SELECT RAISE(ABORT, 'what was cleared from a camera is never altered'); END;
CREATE TRIGGER import_clearances_no_delete BEFORE DELETE ON import_clearances
BEGIN SELECT RAISE(ABORT, 'what was cleared from a camera is never deleted'); END;
`;
