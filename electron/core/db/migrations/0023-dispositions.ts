/**
 * Executing an approved destruction list (REQUIREMENTS §4; 000 ch.6). The record row stays: the
 * catalogue keeps what was destroyed, when, under which list and by whose approval, for good.
 *
 * `record_dispositions` is written first, before anything is removed (destroyed_at still NULL),
 * so a run killed midway knows which record it was working on; it is completed once the original
 * and its derived copies are gone and the store says so (verified = 1), and never changes or
 * goes after that. From its first line the record counts as destroyed: nothing may show it.
 *
 * `disposition_targets` says, per backup target, whether the copy there is gone; a target not
 * plugged in stays `pending` and its next backup run removes the copy. `destruction_jobs` are the
 * runs on the job runner (like disc_jobs): one list per run, resumable by running the list again.
 */
export const sql = `
CREATE TABLE destruction_jobs (
  id          INTEGER PRIMARY KEY,
  list_id     INTEGER NOT NULL REFERENCES destruction_lists(id),
  started_at  TEXT NOT NULL,
  started_by  INTEGER REFERENCES accounts(id),
  workstation TEXT NOT NULL,
  host        TEXT NOT NULL,
  pid         INTEGER NOT NULL,
  finished_at TEXT,
  state       TEXT NOT NULL CHECK (state IN ('running', 'finished', 'failed', 'interrupted')),
  problem     TEXT CHECK (problem IS NULL OR json_valid(problem))
) STRICT;
CREATE INDEX destruction_jobs_list ON destruction_jobs(list_id, id);

CREATE TABLE record_dispositions (
  record_id       INTEGER PRIMARY KEY REFERENCES records(id),
  list_id         INTEGER NOT NULL REFERENCES destruction_lists(id),
  job_id          INTEGER NOT NULL REFERENCES destruction_jobs(id),
  sha256          TEXT NOT NULL CHECK (length(sha256) = 64),
  sm3             TEXT NOT NULL,
  size            INTEGER NOT NULL,
  original_name   TEXT NOT NULL,
  original_path   TEXT NOT NULL,
  officer         TEXT,
  recorded_at     TEXT,
  imported_at     TEXT NOT NULL,
  approvers       TEXT NOT NULL CHECK (json_valid(approvers)),
  executed_by     INTEGER REFERENCES accounts(id),
  started_at      TEXT NOT NULL,
  store_removed_at TEXT,
  destroyed_at    TEXT,
  verified        INTEGER NOT NULL DEFAULT 0 CHECK (verified IN (0, 1)),
  CHECK ((verified = 1) = (destroyed_at IS NOT NULL AND store_removed_at IS NOT NULL))
) STRICT;
CREATE INDEX record_dispositions_list ON record_dispositions(list_id, record_id);
CREATE TRIGGER record_dispositions_no_delete BEFORE DELETE ON record_dispositions
BEGIN SELECT RAISE(ABORT, 'a disposition record is never deleted'); END;
CREATE TRIGGER record_dispositions_complete_once BEFORE UPDATE ON record_dispositions
WHEN OLD.verified = 1
  OR NEW.record_id IS NOT OLD.record_id OR NEW.list_id IS NOT OLD.list_id OR NEW.sha256 IS NOT OLD.sha256 OR NEW.sm3 IS NOT OLD.sm3
  OR NEW.size IS NOT OLD.size OR NEW.original_name IS NOT OLD.original_name OR NEW.original_path IS NOT OLD.original_path
  OR NEW.officer IS NOT OLD.officer OR NEW.recorded_at IS NOT OLD.recorded_at OR NEW.imported_at IS NOT OLD.imported_at
  OR NEW.approvers IS NOT OLD.approvers OR NEW.started_at IS NOT OLD.started_at
BEGIN SELECT RAISE(ABORT, 'a disposition record is completed once and never changed'); END;

CREATE TABLE disposition_targets (
  record_id  INTEGER NOT NULL REFERENCES record_dispositions(record_id),
  target_id  INTEGER NOT NULL REFERENCES backup_targets(id),
  state      TEXT NOT NULL CHECK (state IN ('pending', 'removed')),
  removed_at TEXT,
  run        TEXT,
  PRIMARY KEY (record_id, target_id),
  CHECK ((state = 'removed') = (removed_at IS NOT NULL))
) STRICT;
CREATE INDEX disposition_targets_pending ON disposition_targets(target_id) WHERE state = 'pending';
CREATE TRIGGER disposition_targets_no_delete BEFORE DELETE ON disposition_targets
BEGIN SELECT RAISE(ABORT, 'a disposition record is never deleted'); END;
CREATE TRIGGER disposition_targets_removed_once BEFORE UPDATE ON disposition_targets
WHEN OLD.state = 'removed' OR NEW.record_id IS NOT OLD.record_id OR NEW.target_id IS NOT OLD.target_id
BEGIN SELECT RAISE(ABORT, 'a backup copy is removed once'); END;
`;
