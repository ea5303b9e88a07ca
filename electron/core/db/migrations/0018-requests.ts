/**
 * Viewing and lending only with approval (REQUIREMENTS §5; 000 art.23, ch.6; 001 保密 art.4-5).
 * A request names who asks, for what items, why (purpose and content) and for which window; its
 * decision is final and made once, in the app by the approver or recorded from a signed paper
 * form by the keeper. An approval becomes grants, the only thing the access rule widens by.
 */
export const sql = `
CREATE TABLE approval_rules (
  kind          TEXT PRIMARY KEY CHECK (kind IN ('officer_view', 'department_view', 'department_borrow', 'party_view', 'lend_item')),
  approver_role TEXT NOT NULL CHECK (approver_role IN ('responsible_leader', 'principal_leader')),
  changed_at    TEXT,
  changed_by    INTEGER REFERENCES accounts(id)
) STRICT;
INSERT INTO approval_rules (kind, approver_role) VALUES
  ('officer_view', 'responsible_leader'),
  ('department_view', 'principal_leader'),
  ('department_borrow', 'principal_leader'),
  ('party_view', 'responsible_leader'),
  ('lend_item', 'responsible_leader');

CREATE TABLE access_requests (
  id              INTEGER PRIMARY KEY,
  number          TEXT NOT NULL UNIQUE,
  kind            TEXT NOT NULL REFERENCES approval_rules(kind),
  case_id         INTEGER REFERENCES cases(id),
  requester_id    INTEGER REFERENCES accounts(id),
  requester       TEXT NOT NULL CHECK (json_valid(requester)),
  items           TEXT NOT NULL CHECK (json_valid(items)),
  purpose         TEXT NOT NULL,
  content         TEXT NOT NULL,
  starts_at       TEXT NOT NULL,
  ends_at         TEXT NOT NULL CHECK (ends_at > starts_at),
  approver_role   TEXT NOT NULL,
  created_at      TEXT NOT NULL,
  created_by      INTEGER NOT NULL REFERENCES accounts(id),
  state           TEXT NOT NULL CHECK (state IN ('pending', 'approved', 'rejected')),
  decided_at      TEXT,
  decided_by      INTEGER REFERENCES accounts(id),
  decision_source TEXT CHECK (decision_source IN ('app', 'paper')),
  recorded_by     INTEGER REFERENCES accounts(id),
  paper_scan      TEXT,
  reason          TEXT,
  granted_items   TEXT CHECK (granted_items IS NULL OR json_valid(granted_items)),
  granted_from    TEXT,
  granted_to      TEXT,
  head_seq        INTEGER,
  head_hash       TEXT,
  CHECK ((state = 'pending') = (decided_at IS NULL))
) STRICT;
CREATE INDEX access_requests_state ON access_requests(state, id);
CREATE INDEX access_requests_requester ON access_requests(requester_id, id);
CREATE TRIGGER access_requests_no_delete BEFORE DELETE ON access_requests
BEGIN SELECT RAISE(ABORT, 'a request is never deleted'); END;
CREATE TRIGGER access_requests_decided_once BEFORE UPDATE ON access_requests
WHEN OLD.state <> 'pending' OR NEW.number IS NOT OLD.number OR NEW.kind IS NOT OLD.kind OR NEW.items IS NOT OLD.items
  OR NEW.requester IS NOT OLD.requester OR NEW.purpose IS NOT OLD.purpose OR NEW.content IS NOT OLD.content
BEGIN SELECT RAISE(ABORT, 'a decision is final: a change is a new request'); END;

CREATE TABLE access_grants (
  id         INTEGER PRIMARY KEY,
  request_id INTEGER NOT NULL REFERENCES access_requests(id),
  account_id INTEGER REFERENCES accounts(id),
  record_id  INTEGER NOT NULL REFERENCES records(id),
  starts_at  TEXT NOT NULL,
  ends_at    TEXT NOT NULL,
  revoked_at TEXT
) STRICT;
CREATE INDEX access_grants_account ON access_grants(account_id, record_id);
CREATE INDEX access_grants_request ON access_grants(request_id);
CREATE TRIGGER access_grants_no_delete BEFORE DELETE ON access_grants
BEGIN SELECT RAISE(ABORT, 'a grant is revoked, never deleted'); END;
`;
