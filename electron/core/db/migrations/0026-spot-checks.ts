/**
 * The supervisor's spot checks (004 §11: the county checks case files at random from the ledger).
 * A draw keeps what repeats it — the period, the size asked for, the seed and how many cases the
 * ledger held — and the cases it drew, in the order drawn; none of that ever changes. Findings are
 * appended, one event per case and finding, never edited. A check is closed once, keeping the
 * audit chain head it was closed at, and then takes no more findings.
 */
export const sql = `
CREATE TABLE spot_checks (
  id          INTEGER PRIMARY KEY,
  number      TEXT NOT NULL UNIQUE,
  period_from TEXT NOT NULL,
  period_to   TEXT NOT NULL CHECK (period_to >= period_from),
  requested   INTEGER NOT NULL CHECK (requested > 0),
  seed        INTEGER NOT NULL CHECK (seed BETWEEN 0 AND 4294967295),
  candidates  INTEGER NOT NULL CHECK (candidates > 0),
  drawn_at    TEXT NOT NULL,
  drawn_by    INTEGER NOT NULL REFERENCES accounts(id),
  workstation TEXT NOT NULL,
  closed_at   TEXT,
  closed_by   INTEGER REFERENCES accounts(id),
  closing_note TEXT,
  closed_head_seq  INTEGER,
  closed_head_hash TEXT,
  CHECK ((closed_at IS NULL) = (closed_by IS NULL) AND (closed_at IS NULL) = (closed_head_hash IS NULL))
) STRICT;
CREATE TRIGGER spot_checks_no_delete BEFORE DELETE ON spot_checks
BEGIN SELECT RAISE(ABORT, 'a spot check is never deleted'); END;
CREATE TRIGGER spot_checks_closed_once BEFORE UPDATE ON spot_checks
WHEN OLD.closed_at IS NOT NULL
  OR NEW.id IS NOT OLD.id OR NEW.number IS NOT OLD.number OR NEW.period_from IS NOT OLD.period_from OR NEW.period_to IS NOT OLD.period_to
  OR NEW.requested IS NOT OLD.requested OR NEW.seed IS NOT OLD.seed OR NEW.candidates IS NOT OLD.candidates
  OR NEW.drawn_at IS NOT OLD.drawn_at OR NEW.drawn_by IS NOT OLD.drawn_by OR NEW.workstation IS NOT OLD.workstation
BEGIN SELECT RAISE(ABORT, 'a spot check is only ever closed, once'); END;

CREATE TABLE spot_check_cases (
  spot_check_id INTEGER NOT NULL REFERENCES spot_checks(id),
  position      INTEGER NOT NULL CHECK (position > 0),
  case_id       INTEGER NOT NULL REFERENCES cases(id),
  ledger_day    TEXT NOT NULL,
  PRIMARY KEY (spot_check_id, position),
  UNIQUE (spot_check_id, case_id)
) STRICT;
CREATE TRIGGER spot_check_cases_no_update BEFORE UPDATE ON spot_check_cases
BEGIN SELECT RAISE(ABORT, 'a drawn case is never changed'); END;
CREATE TRIGGER spot_check_cases_no_delete BEFORE DELETE ON spot_check_cases
BEGIN SELECT RAISE(ABORT, 'a drawn case is never changed'); END;

CREATE TABLE spot_check_findings (
  id            INTEGER PRIMARY KEY,
  spot_check_id INTEGER NOT NULL,
  case_id       INTEGER NOT NULL,
  verdict       TEXT NOT NULL CHECK (verdict IN ('pass', 'problem')),
  text          TEXT NOT NULL,
  recorded_at   TEXT NOT NULL,
  recorded_by   INTEGER NOT NULL REFERENCES accounts(id),
  FOREIGN KEY (spot_check_id, case_id) REFERENCES spot_check_cases(spot_check_id, case_id)
) STRICT;
CREATE INDEX spot_check_findings_check ON spot_check_findings(spot_check_id, case_id, id);
CREATE TRIGGER spot_check_findings_no_update BEFORE UPDATE ON spot_check_findings
BEGIN SELECT RAISE(ABORT, 'a finding is never changed'); END;
CREATE TRIGGER spot_check_findings_no_delete BEFORE DELETE ON spot_check_findings
BEGIN SELECT RAISE(ABORT, 'a finding is never changed'); END;
`;
