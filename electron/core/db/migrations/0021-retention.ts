/**
 * Retention (REQUIREMENTS §4). Each record's class, the last day it must be kept (NULL while its
 * period has no end: evidence whose case is not yet archived, or kept permanently) and the rule
 * that produced them — recomputed from the facts that own them (links, the case's archive date,
 * the policy) and indexed so the library filters and the expiry review read an index. Holds set
 * by hand (litigation, review, complaint) are lifted, never edited or deleted; the other holds
 * (open case, approval, loan, alarm) are read live from the tables that own them.
 */
export const sql = `
CREATE TABLE record_retention (
  record_id    INTEGER PRIMARY KEY REFERENCES records(id),
  class        TEXT NOT NULL CHECK (class IN ('standard', 'evidence')),
  kept_through TEXT CHECK (kept_through IS NULL OR kept_through GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
  rule         TEXT NOT NULL CHECK (json_valid(rule))
) STRICT;
CREATE INDEX record_retention_expiry ON record_retention(kept_through, record_id) WHERE kept_through IS NOT NULL;
CREATE INDEX record_retention_class ON record_retention(class, record_id);

CREATE TABLE retention_holds (
  id          INTEGER PRIMARY KEY,
  record_id   INTEGER NOT NULL REFERENCES records(id),
  kind        TEXT NOT NULL CHECK (kind IN ('litigation', 'review', 'complaint', 'other')),
  reason      TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
  set_at      TEXT NOT NULL,
  set_by      INTEGER NOT NULL REFERENCES accounts(id),
  lifted_at   TEXT,
  lifted_by   INTEGER REFERENCES accounts(id),
  lift_reason TEXT
) STRICT;
CREATE INDEX retention_holds_live ON retention_holds(record_id) WHERE lifted_at IS NULL;
CREATE TRIGGER retention_holds_lift_only BEFORE UPDATE ON retention_holds
WHEN OLD.lifted_at IS NOT NULL OR NEW.lifted_at IS NULL OR NEW.lifted_by IS NULL OR NEW.lift_reason IS NULL
  OR NEW.record_id IS NOT OLD.record_id OR NEW.kind IS NOT OLD.kind OR NEW.reason IS NOT OLD.reason
  OR NEW.set_at IS NOT OLD.set_at OR NEW.set_by IS NOT OLD.set_by
BEGIN SELECT RAISE(ABORT, 'a hold is only ever lifted, once, with a reason'); END;
CREATE TRIGGER retention_holds_no_delete BEFORE DELETE ON retention_holds
BEGIN SELECT RAISE(ABORT, 'a hold is never deleted: lift it'); END;
`;
