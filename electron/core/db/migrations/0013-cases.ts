/**
 * Cases (案件) and the recordings linked to them. A case's current state is one row (with a
 * version for safe concurrent edits); every change to it or to its links is an appended,
 * attributed event with old and new values. A link is never deleted: unlinking records who,
 * when and why on the link and in the history.
 */
export const sql = `
CREATE TABLE cases (
  id          INTEGER PRIMARY KEY,
  case_no     TEXT NOT NULL COLLATE NOCASE UNIQUE,
  kind        TEXT NOT NULL CHECK (kind IN ('penalty', 'inspection', 'coercion')),
  cause       TEXT NOT NULL,
  parties     TEXT NOT NULL CHECK (json_valid(parties)),
  handlers    TEXT NOT NULL CHECK (json_valid(handlers)),
  status      TEXT NOT NULL CHECK (status IN ('open', 'decided', 'closed', 'archived')),
  filed_on    TEXT,
  decided_on  TEXT,
  closed_on   TEXT,
  archived_on TEXT,
  created_at  TEXT NOT NULL,
  created_by  INTEGER NOT NULL REFERENCES accounts(id),
  version     INTEGER NOT NULL DEFAULT 1
) STRICT;
CREATE INDEX cases_kind_status ON cases(kind, status);
CREATE INDEX cases_filed ON cases(filed_on);
CREATE TRIGGER cases_no_delete BEFORE DELETE ON cases
BEGIN SELECT RAISE(ABORT, 'a case is never deleted'); END;

CREATE TABLE case_handlers (
  case_id    INTEGER NOT NULL REFERENCES cases(id),
  officer_id INTEGER NOT NULL REFERENCES accounts(id),
  PRIMARY KEY (case_id, officer_id)
) STRICT;
CREATE INDEX case_handlers_officer ON case_handlers(officer_id);

CREATE TABLE record_links (
  id            INTEGER PRIMARY KEY,
  record_id     INTEGER NOT NULL REFERENCES records(id),
  case_id       INTEGER NOT NULL REFERENCES cases(id),
  role          TEXT NOT NULL CHECK (role IN ('evidence', 'other')),
  facts         TEXT CHECK (facts IS NULL OR json_valid(facts)),
  reason        TEXT,
  linked_at     TEXT NOT NULL,
  linked_by     INTEGER NOT NULL REFERENCES accounts(id),
  unlinked_at   TEXT,
  unlinked_by   INTEGER REFERENCES accounts(id),
  unlink_reason TEXT,
  CHECK (role = 'other' OR facts IS NOT NULL)
) STRICT;
CREATE UNIQUE INDEX record_links_live ON record_links(record_id, case_id) WHERE unlinked_at IS NULL;
CREATE INDEX record_links_case ON record_links(case_id);
CREATE TRIGGER record_links_unlink_only BEFORE UPDATE ON record_links
WHEN OLD.unlinked_at IS NOT NULL OR NEW.unlinked_at IS NULL OR NEW.unlinked_by IS NULL
  OR NEW.record_id IS NOT OLD.record_id OR NEW.case_id IS NOT OLD.case_id OR NEW.role IS NOT OLD.role
  OR NEW.facts IS NOT OLD.facts OR NEW.reason IS NOT OLD.reason OR NEW.linked_at IS NOT OLD.linked_at OR NEW.linked_by IS NOT OLD.linked_by
BEGIN SELECT RAISE(ABORT, 'a link is only ever unlinked, once'); END;
CREATE TRIGGER record_links_no_delete BEFORE DELETE ON record_links
BEGIN SELECT RAISE(ABORT, 'a link is never deleted: unlink it'); END;

CREATE TABLE case_events (
  id      INTEGER PRIMARY KEY,
  case_id INTEGER NOT NULL REFERENCES cases(id),
  at      TEXT NOT NULL,
  by_account INTEGER NOT NULL REFERENCES accounts(id),
  action  TEXT NOT NULL CHECK (action IN ('created', 'changed', 'linked', 'link_changed', 'unlinked')),
  old     TEXT CHECK (old IS NULL OR json_valid(old)),
  new     TEXT CHECK (new IS NULL OR json_valid(new))
) STRICT;
CREATE INDEX case_events_case ON case_events(case_id, id);
CREATE TRIGGER case_events_no_update BEFORE UPDATE ON case_events
BEGIN SELECT RAISE(ABORT, 'case history is never altered'); END;
CREATE TRIGGER case_events_no_delete BEFORE DELETE ON case_events
BEGIN SELECT RAISE(ABORT, 'case history is never deleted'); END;
`;
