/**
 * Imported originals and the jobs that brought them in.
 * records and import_items are append-only; a correction to a record will be a new event.
 * store_intents is a journal: an object renamed into the store but not yet catalogued
 * (a crash in between) is found there and removed on the next start.
 */
export const sql = `
CREATE TABLE import_jobs (
  id          INTEGER PRIMARY KEY,
  source      TEXT NOT NULL,
  started_at  TEXT NOT NULL,
  started_by  INTEGER NOT NULL REFERENCES accounts(id),
  workstation TEXT NOT NULL,
  host        TEXT NOT NULL,
  pid         INTEGER NOT NULL,
  state       TEXT NOT NULL CHECK (state IN ('running', 'finished', 'cancelled', 'failed', 'interrupted')),
  finished_at TEXT,
  summary     TEXT CHECK (summary IS NULL OR json_valid(summary))
) STRICT;
CREATE INDEX import_jobs_state ON import_jobs(state);

CREATE TABLE records (
  id            INTEGER PRIMARY KEY,
  sha256        TEXT NOT NULL UNIQUE CHECK (length(sha256) = 64),
  sm3           TEXT NOT NULL CHECK (length(sm3) = 64),
  size          INTEGER NOT NULL CHECK (size >= 0),
  media_type    TEXT NOT NULL CHECK (media_type IN ('video', 'audio', 'photo')),
  original_name TEXT NOT NULL,
  original_path TEXT NOT NULL,
  source        TEXT NOT NULL,
  file_mtime    TEXT,
  imported_at   TEXT NOT NULL,
  imported_by   INTEGER NOT NULL REFERENCES accounts(id),
  import_job_id INTEGER NOT NULL REFERENCES import_jobs(id)
) STRICT;
CREATE INDEX records_imported_at ON records(imported_at);
CREATE INDEX records_job ON records(import_job_id);

CREATE TRIGGER records_no_update BEFORE UPDATE ON records
BEGIN SELECT RAISE(ABORT, 'original records are never altered'); END;
CREATE TRIGGER records_no_delete BEFORE DELETE ON records
BEGIN SELECT RAISE(ABORT, 'original records are removed only by approved destruction'); END;

CREATE TABLE import_items (
  job_id        INTEGER NOT NULL REFERENCES import_jobs(id),
  seq           INTEGER NOT NULL,
  relative_path TEXT NOT NULL,
  size          INTEGER,
  outcome       TEXT NOT NULL CHECK (outcome IN ('imported', 'duplicate', 'failed', 'skipped')),
  reason        TEXT,
  record_id     INTEGER REFERENCES records(id),
  PRIMARY KEY (job_id, seq)
) STRICT;
CREATE TRIGGER import_items_no_update BEFORE UPDATE ON import_items
BEGIN SELECT RAISE(ABORT, 'import outcomes are never altered'); END;
CREATE TRIGGER import_items_no_delete BEFORE DELETE ON import_items
BEGIN SELECT RAISE(ABORT, 'import outcomes are never deleted'); END;

CREATE TABLE store_intents (
  sha256     TEXT PRIMARY KEY,
  job_id     INTEGER NOT NULL REFERENCES import_jobs(id),
  created_at TEXT NOT NULL
) STRICT;
`;
