/**
 * Viewing sessions at the workstation (查阅登记): a party or another department's staff, who have
 * no account, watch what their approval granted while the keeper's session hosts the viewer. Who
 * opened it, how the person's ID was checked, and every play, pause, seek and end per item are
 * kept; a session a crash left open is closed as interrupted at the next start.
 */
export const sql = `
CREATE TABLE viewings (
  id           INTEGER PRIMARY KEY,
  request_id   INTEGER NOT NULL REFERENCES access_requests(id),
  person       TEXT NOT NULL,
  id_check     TEXT NOT NULL,
  opened_at    TEXT NOT NULL,
  opened_by    INTEGER NOT NULL REFERENCES accounts(id),
  workstation  TEXT NOT NULL,
  host         TEXT NOT NULL,
  pid          INTEGER NOT NULL,
  closed_at    TEXT,
  close_reason TEXT CHECK (close_reason IN ('closed', 'expired', 'interrupted')),
  CHECK ((closed_at IS NULL) = (close_reason IS NULL))
) STRICT;
CREATE INDEX viewings_request ON viewings(request_id);
CREATE INDEX viewings_open ON viewings(id) WHERE closed_at IS NULL;
CREATE TRIGGER viewings_no_delete BEFORE DELETE ON viewings
BEGIN SELECT RAISE(ABORT, 'a viewing stays in the register'); END;
CREATE TRIGGER viewings_close_once BEFORE UPDATE ON viewings
WHEN OLD.closed_at IS NOT NULL OR NEW.request_id IS NOT OLD.request_id OR NEW.person IS NOT OLD.person OR NEW.opened_at IS NOT OLD.opened_at
BEGIN SELECT RAISE(ABORT, 'a viewing is only ever closed, once'); END;

CREATE TABLE viewing_events (
  id         INTEGER PRIMARY KEY,
  viewing_id INTEGER NOT NULL REFERENCES viewings(id),
  record_id  INTEGER NOT NULL REFERENCES records(id),
  at         TEXT NOT NULL,
  event      TEXT NOT NULL CHECK (event IN ('opened', 'play', 'pause', 'seek', 'ended')),
  position   REAL
) STRICT;
CREATE INDEX viewing_events_viewing ON viewing_events(viewing_id, id);
CREATE TRIGGER viewing_events_no_update BEFORE UPDATE ON viewing_events
BEGIN SELECT RAISE(ABORT, 'a viewing event is never altered'); END;
CREATE TRIGGER viewing_events_no_delete BEFORE DELETE ON viewing_events
BEGIN SELECT RAISE(ABORT, 'a viewing event is never deleted'); END;
`;
