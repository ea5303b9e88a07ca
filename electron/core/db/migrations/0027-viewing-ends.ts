/**
 * How a viewing ended beyond the three first kept: the keeper ending one whose person walked
 * away from an open window (abandoned, with the keeper's reason), and one whose hosting session
 * went away (signed out everywhere, the account stopped, the window silent). Columns beside
 * close_reason rather than a rebuilt table: viewing_events points at viewings, and a closed
 * viewing's row is write-once (viewings_close_once), so the new facts are set with closed_at.
 */
export const sql = `
ALTER TABLE viewings ADD COLUMN ended_as TEXT CHECK (ended_as IN ('abandoned', 'session_ended'));
ALTER TABLE viewings ADD COLUMN end_note TEXT;
`;
