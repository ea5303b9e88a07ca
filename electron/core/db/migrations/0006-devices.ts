/**
 * The equipment register (执法装备管理制度): each body camera's number and the officer it is
 * issued to; accounts gain their officer number (执法证号). A record's officer is resolved at
 * import from its file name or the register, and the keeper may assign one later: each is an
 * appended row, the latest wins, history stays.
 */
export const sql = `
ALTER TABLE accounts ADD COLUMN officer_no TEXT;
CREATE UNIQUE INDEX accounts_officer_no ON accounts(officer_no) WHERE officer_no IS NOT NULL;

CREATE TABLE devices (
  id         INTEGER PRIMARY KEY,
  device_no  TEXT NOT NULL UNIQUE COLLATE NOCASE,
  label      TEXT NOT NULL DEFAULT '',
  officer_id INTEGER REFERENCES accounts(id),
  retired    INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1)),
  created_at TEXT NOT NULL
) STRICT;
CREATE TRIGGER devices_never_deleted BEFORE DELETE ON devices
BEGIN SELECT RAISE(ABORT, 'devices are retired, never deleted'); END;

CREATE TABLE record_officers (
  id         INTEGER PRIMARY KEY,
  record_id  INTEGER NOT NULL REFERENCES records(id),
  officer_id INTEGER NOT NULL REFERENCES accounts(id),
  source     TEXT NOT NULL CHECK (source IN ('file_name', 'device_register', 'keeper')),
  at         TEXT NOT NULL,
  by_account INTEGER REFERENCES accounts(id),
  note       TEXT
) STRICT;
CREATE INDEX record_officers_record ON record_officers(record_id, id);
CREATE INDEX record_officers_officer ON record_officers(officer_id);
CREATE TRIGGER record_officers_no_update BEFORE UPDATE ON record_officers
BEGIN SELECT RAISE(ABORT, 'an attribution is never edited: add another'); END;
CREATE TRIGGER record_officers_no_delete BEFORE DELETE ON record_officers
BEGIN SELECT RAISE(ABORT, 'an attribution is never deleted'); END;
`;
