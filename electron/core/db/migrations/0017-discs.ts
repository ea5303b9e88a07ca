/**
 * Evidence discs (光盘, 000 art.22; 001 ch.9 art.9 and 12). A build or burn is a job row; a disc
 * enters the register only once its image is complete, counts as burned only after a clean
 * read-back, and keeps every later health check. Nothing here is ever deleted: a lost disc is
 * replaced by a new entry that names the one it replaces.
 */
export const sql = `
CREATE TABLE disc_jobs (
  id          INTEGER PRIMARY KEY,
  kind        TEXT NOT NULL CHECK (kind IN ('build', 'burn')),
  case_id     INTEGER NOT NULL REFERENCES cases(id),
  request     TEXT NOT NULL CHECK (json_valid(request)),
  started_at  TEXT NOT NULL,
  started_by  INTEGER REFERENCES accounts(id),
  workstation TEXT NOT NULL,
  host        TEXT NOT NULL,
  pid         INTEGER NOT NULL,
  finished_at TEXT,
  state       TEXT NOT NULL CHECK (state IN ('running', 'finished', 'failed', 'cancelled', 'interrupted')),
  problem     TEXT CHECK (problem IS NULL OR json_valid(problem))
) STRICT;
CREATE INDEX disc_jobs_case ON disc_jobs(case_id, id);

CREATE TABLE discs (
  id                 INTEGER PRIMARY KEY,
  number             TEXT NOT NULL UNIQUE,
  case_id            INTEGER NOT NULL REFERENCES cases(id),
  build_job_id       INTEGER NOT NULL REFERENCES disc_jobs(id),
  disc_index         INTEGER NOT NULL CHECK (disc_index >= 1),
  disc_count         INTEGER NOT NULL CHECK (disc_count >= disc_index),
  medium             TEXT NOT NULL CHECK (medium IN ('cd', 'dvd', 'dvd_dl', 'bd', 'bd_dl')),
  volume_label       TEXT NOT NULL,
  tagmanifest_sha256 TEXT NOT NULL UNIQUE CHECK (length(tagmanifest_sha256) = 64),
  payload_oxum       TEXT NOT NULL,
  image_bytes        INTEGER NOT NULL,
  image_path         TEXT NOT NULL,
  built_at           TEXT NOT NULL,
  built_by           INTEGER REFERENCES accounts(id),
  burned_at          TEXT,
  burned_by          INTEGER REFERENCES accounts(id),
  drive              TEXT,
  location           TEXT,
  replaces           INTEGER REFERENCES discs(id),
  replace_reason     TEXT,
  CHECK (replaces IS NULL OR replace_reason IS NOT NULL)
) STRICT;
CREATE INDEX discs_case ON discs(case_id, id);
CREATE TRIGGER discs_no_delete BEFORE DELETE ON discs
BEGIN SELECT RAISE(ABORT, 'a disc stays in the register'); END;
CREATE TRIGGER discs_fixed_facts BEFORE UPDATE ON discs
WHEN NEW.number IS NOT OLD.number OR NEW.case_id IS NOT OLD.case_id OR NEW.tagmanifest_sha256 IS NOT OLD.tagmanifest_sha256
  OR NEW.disc_index IS NOT OLD.disc_index OR NEW.disc_count IS NOT OLD.disc_count OR NEW.built_at IS NOT OLD.built_at
  OR NEW.replaces IS NOT OLD.replaces OR (OLD.burned_at IS NOT NULL AND NEW.burned_at IS NOT OLD.burned_at)
BEGIN SELECT RAISE(ABORT, 'what a disc holds and when it was made never change'); END;

CREATE TABLE disc_files (
  disc_id   INTEGER NOT NULL REFERENCES discs(id),
  record_id INTEGER NOT NULL REFERENCES records(id),
  path      TEXT NOT NULL,
  sha256    TEXT NOT NULL,
  size      INTEGER NOT NULL,
  PRIMARY KEY (disc_id, record_id)
) STRICT;
CREATE INDEX disc_files_record ON disc_files(record_id);
CREATE TRIGGER disc_files_fixed BEFORE UPDATE ON disc_files
BEGIN SELECT RAISE(ABORT, 'a disc''s contents never change'); END;
CREATE TRIGGER disc_files_no_delete BEFORE DELETE ON disc_files
BEGIN SELECT RAISE(ABORT, 'a disc''s contents never change'); END;

CREATE TABLE disc_checks (
  id        INTEGER PRIMARY KEY,
  disc_id   INTEGER NOT NULL REFERENCES discs(id),
  kind      TEXT NOT NULL CHECK (kind IN ('burn', 'health')),
  at        TEXT NOT NULL,
  by        INTEGER REFERENCES accounts(id),
  source    TEXT NOT NULL,
  outcome   TEXT NOT NULL CHECK (outcome IN ('ok', 'altered', 'unreadable')),
  files_ok  INTEGER NOT NULL,
  problems  TEXT NOT NULL CHECK (json_valid(problems))
) STRICT;
CREATE INDEX disc_checks_disc ON disc_checks(disc_id, id);
CREATE TRIGGER disc_checks_no_update BEFORE UPDATE ON disc_checks
BEGIN SELECT RAISE(ABORT, 'a disc check is never altered'); END;
CREATE TRIGGER disc_checks_no_delete BEFORE DELETE ON disc_checks
BEGIN SELECT RAISE(ABORT, 'a disc check is never deleted'); END;
`;
