/**
 * Physical lending (借阅): an evidence disc or a paper case file leaves the room on an approved
 * request, with a due date and the borrower's signature on a receipt, and comes back with its
 * condition recorded. An item that is out can't be lent again (a partial unique index).
 */
export const sql = `
CREATE TABLE loans (
  id          INTEGER PRIMARY KEY,
  number      TEXT NOT NULL UNIQUE,
  request_id  INTEGER NOT NULL REFERENCES access_requests(id),
  item_kind   TEXT NOT NULL CHECK (item_kind IN ('disc', 'case')),
  item_id     INTEGER NOT NULL,
  borrower    TEXT NOT NULL CHECK (json_valid(borrower)),
  lent_at     TEXT NOT NULL,
  lent_by     INTEGER NOT NULL REFERENCES accounts(id),
  due_on      TEXT NOT NULL,
  returned_at TEXT,
  received_by INTEGER REFERENCES accounts(id),
  condition   TEXT,
  CHECK ((returned_at IS NULL) = (condition IS NULL))
) STRICT;
CREATE UNIQUE INDEX loans_out ON loans(item_kind, item_id) WHERE returned_at IS NULL;
CREATE INDEX loans_due ON loans(due_on) WHERE returned_at IS NULL;
CREATE TRIGGER loans_no_delete BEFORE DELETE ON loans
BEGIN SELECT RAISE(ABORT, 'a loan stays in the register'); END;
CREATE TRIGGER loans_return_once BEFORE UPDATE ON loans
WHEN OLD.returned_at IS NOT NULL OR NEW.item_id IS NOT OLD.item_id OR NEW.lent_at IS NOT OLD.lent_at OR NEW.due_on IS NOT OLD.due_on
BEGIN SELECT RAISE(ABORT, 'a loan is only ever returned, once'); END;
`;
