/**
 * Integrity you can prove (REQUIREMENTS §2). Every re-hash of an original is a fixity event in
 * the PREMIS sense (what, when, outcome), appended and never changed; the import's audit event
 * is the capture and first message-digest calculation. A check that finds an original changed,
 * gone or unreadable — or a file in the store nobody catalogued, or a broken audit chain —
 * raises an alarm that stays until resolved; the resolution is added to it, never replacing it.
 * record_fixity is only a cache of each record's latest check, for the rotation.
 */
export const sql = `
CREATE TABLE fixity_runs (
  id          INTEGER PRIMARY KEY,
  started_at  TEXT NOT NULL,
  finished_at TEXT,
  trigger     TEXT NOT NULL CHECK (trigger IN ('schedule', 'manual')),
  scope       TEXT NOT NULL CHECK (json_valid(scope)),
  started_by  INTEGER REFERENCES accounts(id),
  workstation TEXT NOT NULL,
  host        TEXT NOT NULL,
  pid         INTEGER NOT NULL,
  state       TEXT NOT NULL CHECK (state IN ('running', 'finished', 'cancelled', 'interrupted')),
  summary     TEXT CHECK (summary IS NULL OR json_valid(summary))
) STRICT;
CREATE INDEX fixity_runs_started ON fixity_runs(started_at);

CREATE TABLE fixity_events (
  id            INTEGER PRIMARY KEY,
  run_id        INTEGER NOT NULL REFERENCES fixity_runs(id),
  record_id     INTEGER REFERENCES records(id),
  object        TEXT NOT NULL,
  at            TEXT NOT NULL,
  outcome       TEXT NOT NULL CHECK (outcome IN ('ok', 'mismatch', 'missing', 'unreadable', 'unexpected')),
  actual_sha256 TEXT,
  size          INTEGER,
  detail        TEXT
) STRICT;
CREATE INDEX fixity_events_record ON fixity_events(record_id, id);
CREATE INDEX fixity_events_run ON fixity_events(run_id, outcome);
CREATE TRIGGER fixity_events_no_update BEFORE UPDATE ON fixity_events
BEGIN SELECT RAISE(ABORT, 'a fixity event is never altered'); END;
CREATE TRIGGER fixity_events_no_delete BEFORE DELETE ON fixity_events
BEGIN SELECT RAISE(ABORT, 'a fixity event is never deleted'); END;

CREATE TABLE record_fixity (
  record_id       INTEGER PRIMARY KEY REFERENCES records(id),
  last_checked_at TEXT NOT NULL,
  last_outcome    TEXT NOT NULL
) STRICT;
CREATE INDEX record_fixity_due ON record_fixity(last_checked_at);

CREATE TABLE integrity_alarms (
  id          INTEGER PRIMARY KEY,
  kind        TEXT NOT NULL CHECK (kind IN ('mismatch', 'missing', 'unreadable', 'unexpected', 'audit_chain')),
  record_id   INTEGER REFERENCES records(id),
  object      TEXT NOT NULL,
  detail      TEXT NOT NULL CHECK (json_valid(detail)),
  raised_at   TEXT NOT NULL,
  run_id      INTEGER REFERENCES fixity_runs(id),
  resolved_at TEXT,
  resolved_by INTEGER REFERENCES accounts(id),
  resolution  TEXT
) STRICT;
CREATE UNIQUE INDEX integrity_alarms_open ON integrity_alarms(kind, object) WHERE resolved_at IS NULL;
CREATE INDEX integrity_alarms_record ON integrity_alarms(record_id);
CREATE TRIGGER integrity_alarms_resolve_only BEFORE UPDATE ON integrity_alarms
WHEN OLD.resolved_at IS NOT NULL OR NEW.resolved_at IS NULL OR NEW.resolution IS NULL
  OR NEW.kind IS NOT OLD.kind OR NEW.record_id IS NOT OLD.record_id OR NEW.object IS NOT OLD.object
  OR NEW.detail IS NOT OLD.detail OR NEW.raised_at IS NOT OLD.raised_at OR NEW.run_id IS NOT OLD.run_id
BEGIN SELECT RAISE(ABORT, 'an alarm is only ever resolved, once'); END;
CREATE TRIGGER integrity_alarms_no_delete BEFORE DELETE ON integrity_alarms
BEGIN SELECT RAISE(ABORT, 'an alarm is never deleted'); END;
`;
