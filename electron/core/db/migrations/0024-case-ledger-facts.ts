/**
 * What the county's three ledgers (004) ask of a case beyond its number, parties and dates: the
 * decision number, main facts, penalty and its basis, receipt; an inspection's document, method,
 * hazards, remedy and re-check; a coercive measure's kind and when it was taken and lifted. They
 * are kept as one JSON object per case (every key present, null while not entered), changed like
 * every other case field: the row carries the current facts, `case_events` old and new.
 *
 * `ledger_reports` says which month's ledger of which kind went to the county, by whom and when;
 * a marking is never changed or taken back.
 */
export const sql = `
ALTER TABLE cases ADD COLUMN ledger_facts TEXT CHECK (ledger_facts IS NULL OR json_valid(ledger_facts));

CREATE TABLE ledger_reports (
  kind     TEXT NOT NULL CHECK (kind IN ('penalty', 'inspection', 'coercion')),
  month    TEXT NOT NULL CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
  sent_at  TEXT NOT NULL,
  sent_by  INTEGER NOT NULL REFERENCES accounts(id),
  PRIMARY KEY (kind, month)
) STRICT;
CREATE TRIGGER ledger_reports_no_update BEFORE UPDATE ON ledger_reports
BEGIN SELECT RAISE(ABORT, 'a ledger marked sent stays sent'); END;
CREATE TRIGGER ledger_reports_no_delete BEFORE DELETE ON ledger_reports
BEGIN SELECT RAISE(ABORT, 'a ledger marked sent stays sent'); END;
`;
