/**
 * What the file name and path said at import: device number, officer number, the camera's own
 * recording time, sequence, and the importance mark. Written with the record, never changed;
 * a keeper's correction will be a separate, attributed event.
 */
export const sql = `
CREATE TABLE record_attribution (
  record_id    INTEGER PRIMARY KEY REFERENCES records(id),
  name_pattern TEXT,
  device_no    TEXT,
  officer_no   TEXT,
  recorded_at  TEXT,
  sequence     INTEGER,
  important    INTEGER NOT NULL CHECK (important IN (0, 1))
) STRICT;
CREATE INDEX record_attribution_device ON record_attribution(device_no, recorded_at);
CREATE INDEX record_attribution_officer ON record_attribution(officer_no, recorded_at);
CREATE TRIGGER record_attribution_no_update BEFORE UPDATE ON record_attribution
BEGIN SELECT RAISE(ABORT, 'what the file name said is never altered'); END;
CREATE TRIGGER record_attribution_no_delete BEFORE DELETE ON record_attribution
BEGIN SELECT RAISE(ABORT, 'what the file name said is never deleted'); END;
`;
