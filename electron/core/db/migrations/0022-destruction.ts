/**
 * Destruction lists (销毁清单, REQUIREMENTS §4; 000 ch.6): the keeper proposes expired, unheld
 * records with a reason; the responsible leader approves or rejects the list once (in the app, or
 * entered from the signed paper with its scan), never the person who proposed it; the list is
 * executed later, once. A list is never deleted. Each item keeps a frozen copy of what the printed
 * list shows (name, officer, recording time, SHA-256, size, end date and rule), so the paper and
 * the database agree after the record itself is gone. A record is on at most one list that is
 * pending, approved or executed: a rejected list lets its records go (`live` turns 0).
 */
export const sql = `
CREATE TABLE destruction_lists (
  id              INTEGER PRIMARY KEY,
  number          TEXT NOT NULL UNIQUE,
  reason          TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
  proposed_at     TEXT NOT NULL,
  proposed_by     INTEGER NOT NULL REFERENCES accounts(id),
  state           TEXT NOT NULL CHECK (state IN ('pending', 'approved', 'rejected', 'executed')),
  decided_at      TEXT,
  decided_by      INTEGER REFERENCES accounts(id),
  decision_source TEXT CHECK (decision_source IN ('app', 'paper')),
  recorded_by     INTEGER REFERENCES accounts(id),
  paper_scan      TEXT CHECK (paper_scan IS NULL OR length(paper_scan) = 64),
  decision_reason TEXT,
  witness_id      INTEGER REFERENCES accounts(id),
  head_seq        INTEGER,
  head_hash       TEXT,
  executed_at     TEXT,
  CHECK ((state = 'pending') = (decided_at IS NULL)),
  CHECK (state = 'pending' OR (decided_by IS NOT NULL AND decision_source IS NOT NULL AND head_seq IS NOT NULL)),
  CHECK (decided_by IS NULL OR decided_by <> proposed_by),
  CHECK (state <> 'rejected' OR length(decision_reason) > 0),
  CHECK ((state = 'executed') = (executed_at IS NOT NULL))
) STRICT;
CREATE INDEX destruction_lists_state ON destruction_lists(state, id);
CREATE TRIGGER destruction_lists_no_delete BEFORE DELETE ON destruction_lists
BEGIN SELECT RAISE(ABORT, 'a destruction list is never deleted'); END;
CREATE TRIGGER destruction_lists_decided_once BEFORE UPDATE ON destruction_lists
WHEN NEW.id IS NOT OLD.id OR NEW.number IS NOT OLD.number OR NEW.reason IS NOT OLD.reason
  OR NEW.proposed_at IS NOT OLD.proposed_at OR NEW.proposed_by IS NOT OLD.proposed_by
  OR NOT (
    (OLD.state = 'pending' AND NEW.state IN ('approved', 'rejected'))
    OR (OLD.state = 'approved' AND NEW.state = 'executed'
      AND NEW.decided_at IS OLD.decided_at AND NEW.decided_by IS OLD.decided_by AND NEW.decision_source IS OLD.decision_source
      AND NEW.recorded_by IS OLD.recorded_by AND NEW.paper_scan IS OLD.paper_scan AND NEW.decision_reason IS OLD.decision_reason
      AND NEW.witness_id IS OLD.witness_id AND NEW.head_seq IS OLD.head_seq AND NEW.head_hash IS OLD.head_hash)
  )
BEGIN SELECT RAISE(ABORT, 'a destruction list is decided once, and only an approved one is executed'); END;

CREATE TABLE destruction_items (
  id           INTEGER PRIMARY KEY,
  list_id      INTEGER NOT NULL REFERENCES destruction_lists(id),
  record_id    INTEGER NOT NULL REFERENCES records(id),
  name         TEXT NOT NULL,
  officer      TEXT,
  recorded_at  TEXT,
  sha256       TEXT NOT NULL CHECK (length(sha256) = 64),
  size         INTEGER NOT NULL,
  kept_through TEXT NOT NULL,
  rule         TEXT NOT NULL CHECK (json_valid(rule)),
  live         INTEGER NOT NULL DEFAULT 1 CHECK (live IN (0, 1)),
  UNIQUE (list_id, record_id)
) STRICT;
CREATE UNIQUE INDEX destruction_items_one_live_list ON destruction_items(record_id) WHERE live = 1;
CREATE INDEX destruction_items_list ON destruction_items(list_id, id);
CREATE TRIGGER destruction_items_into_pending BEFORE INSERT ON destruction_items
WHEN (SELECT state FROM destruction_lists WHERE id = NEW.list_id) IS NOT 'pending'
BEGIN SELECT RAISE(ABORT, 'items go only on a list not yet decided'); END;
CREATE TRIGGER destruction_items_frozen BEFORE UPDATE ON destruction_items
WHEN NEW.id IS NOT OLD.id OR NEW.list_id IS NOT OLD.list_id OR NEW.record_id IS NOT OLD.record_id OR NEW.name IS NOT OLD.name
  OR NEW.officer IS NOT OLD.officer OR NEW.recorded_at IS NOT OLD.recorded_at OR NEW.sha256 IS NOT OLD.sha256 OR NEW.size IS NOT OLD.size
  OR NEW.kept_through IS NOT OLD.kept_through OR NEW.rule IS NOT OLD.rule
  OR NOT (OLD.live = 1 AND NEW.live = 0 AND (SELECT state FROM destruction_lists WHERE id = OLD.list_id) = 'rejected')
BEGIN SELECT RAISE(ABORT, 'a destruction list item is frozen; only a rejection lets it go'); END;
CREATE TRIGGER destruction_items_no_delete BEFORE DELETE ON destruction_items
BEGIN SELECT RAISE(ABORT, 'a destruction list item is never deleted'); END;
CREATE TRIGGER destruction_lists_rejected_release AFTER UPDATE OF state ON destruction_lists
WHEN NEW.state = 'rejected'
BEGIN UPDATE destruction_items SET live = 0 WHERE list_id = NEW.id; END;
`;
