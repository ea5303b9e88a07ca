/**
 * Office profile, settings, accounts and the hash-chained audit log.
 * Shipped migrations are never edited: a change is a new numbered file.
 */
export const sql = `
CREATE TABLE office (
  id         INTEGER PRIMARY KEY CHECK (id = 1),
  name       TEXT NOT NULL,
  unit_code  TEXT NOT NULL,
  created_at TEXT NOT NULL
) STRICT;

CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL CHECK (json_valid(value))
) STRICT;

CREATE TABLE accounts (
  id              INTEGER PRIMARY KEY,
  username        TEXT NOT NULL UNIQUE COLLATE NOCASE,
  display_name    TEXT NOT NULL,
  role            TEXT NOT NULL CHECK (role IN ('keeper','officer','responsible_leader','principal_leader','supervisor')),
  is_admin        INTEGER NOT NULL CHECK (is_admin IN (0, 1)),
  disabled        INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
  password_hash   TEXT NOT NULL,
  language        TEXT NOT NULL DEFAULT 'zh-CN' CHECK (language IN ('zh-CN', 'en')),
  failed_attempts INTEGER NOT NULL DEFAULT 0,
  locked_until    TEXT,
  created_at      TEXT NOT NULL,
  last_login_at   TEXT
) STRICT;

-- History must keep every name it ever recorded: accounts are disabled, never deleted or renamed.
CREATE TRIGGER accounts_never_deleted BEFORE DELETE ON accounts
BEGIN SELECT RAISE(ABORT, 'accounts are never deleted'); END;
CREATE TRIGGER accounts_username_fixed BEFORE UPDATE OF username ON accounts
WHEN NEW.username IS NOT OLD.username
BEGIN SELECT RAISE(ABORT, 'a username never changes'); END;

CREATE TABLE audit_events (
  seq         INTEGER PRIMARY KEY,
  at          TEXT NOT NULL,
  actor_id    INTEGER REFERENCES accounts(id),
  actor_name  TEXT,
  workstation TEXT NOT NULL,
  action      TEXT NOT NULL,
  target      TEXT,
  details     TEXT NOT NULL CHECK (json_valid(details)),
  prev_hash   TEXT NOT NULL,
  hash        TEXT NOT NULL UNIQUE
) STRICT;
CREATE INDEX audit_events_at ON audit_events(at);
CREATE INDEX audit_events_actor ON audit_events(actor_id, seq);
CREATE INDEX audit_events_action ON audit_events(action, seq);

CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
`;
