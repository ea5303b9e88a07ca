/**
 * Off-site backup (异地备份, 001 ch.9 art.2): the targets the office set up, each run to them, and
 * which originals each target holds — written only after the copy there was read back and
 * hashed right, so the catalogue never claims a copy that isn't there.
 */
export const sql = `
CREATE TABLE backup_targets (
  id         INTEGER PRIMARY KEY,
  path       TEXT NOT NULL UNIQUE,
  label      TEXT NOT NULL,
  created_at TEXT NOT NULL,
  created_by INTEGER NOT NULL REFERENCES accounts(id),
  retired    INTEGER NOT NULL DEFAULT 0 CHECK (retired IN (0, 1))
) STRICT;
CREATE TRIGGER backup_targets_no_delete BEFORE DELETE ON backup_targets
BEGIN SELECT RAISE(ABORT, 'a backup target is retired, never deleted'); END;

CREATE TABLE backup_runs (
  id          INTEGER PRIMARY KEY,
  target_id   INTEGER NOT NULL REFERENCES backup_targets(id),
  trigger     TEXT NOT NULL CHECK (trigger IN ('schedule', 'manual')),
  started_at  TEXT NOT NULL,
  started_by  INTEGER REFERENCES accounts(id),
  host        TEXT NOT NULL,
  pid         INTEGER NOT NULL,
  finished_at TEXT,
  state       TEXT NOT NULL CHECK (state IN ('running', 'finished', 'failed', 'interrupted')),
  summary     TEXT CHECK (summary IS NULL OR json_valid(summary)),
  problem     TEXT
) STRICT;
CREATE INDEX backup_runs_target ON backup_runs(target_id, id);

CREATE TABLE backup_copies (
  target_id INTEGER NOT NULL REFERENCES backup_targets(id),
  sha256    TEXT NOT NULL,
  copied_at TEXT NOT NULL,
  run_id    INTEGER NOT NULL REFERENCES backup_runs(id),
  PRIMARY KEY (target_id, sha256)
) STRICT;
`;
