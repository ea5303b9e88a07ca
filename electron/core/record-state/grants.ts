import type { Db } from '../db/open.js';
import { UNDER_ALARM } from './alarms.js';
import { DESTROYED } from './disposition.js';

/**
 * What an approval lets someone reach, the one place that reads or writes access_grants. A grant
 * is one record for one account (or, for a viewing at the workstation, for nobody's account) in a
 * window; it is revoked, never deleted. It is live in its window, not revoked, for a record under
 * no open alarm and not destroyed: an alarm or a destruction ends it at once, everywhere.
 */

/** A grant (aliased `g`) live at `now` (an SQL expression), for a record that may still be shown. */
export const LIVE_GRANT = (now: string): string =>
  `g.revoked_at IS NULL AND g.starts_at <= ${now} AND g.ends_at > ${now} AND NOT ${UNDER_ALARM('g.record_id')} AND NOT ${DESTROYED('g.record_id')}`;

/** The records an account (an SQL expression) reaches by a live grant, over `record_search s`. */
export const GRANTED_TO = (account: string, now: string): string => `s.record_id IN (SELECT g.record_id FROM access_grants g WHERE g.account_id = ${account} AND ${LIVE_GRANT(now)})`;

/** The approval number a live grant of a record to an account comes from (the latest ending), or null. */
export function liveGrantNumber(db: Db, accountId: number, recordId: number, now: string): string | null {
  const row = db
    .prepare(`SELECT q.number FROM access_grants g JOIN access_requests q ON q.id = g.request_id WHERE g.account_id = @account AND ${LIVE_GRANT('@now')} AND g.record_id = @record ORDER BY g.ends_at DESC LIMIT 1`)
    .get({ account: accountId, now, record: recordId }) as { number: string } | undefined;
  return row?.number ?? null;
}

/**
 * A request's grants as columns over `access_requests q`, with @now: how many are in their window
 * and not revoked (`live`), and whether any was revoked (`used`: a viewing's approval spent).
 */
export const REQUEST_GRANT_COLUMNS = `(SELECT count(*) FROM access_grants g WHERE g.request_id = q.id AND g.revoked_at IS NULL AND g.starts_at <= @now AND g.ends_at > @now) AS live,
    EXISTS (SELECT 1 FROM access_grants g WHERE g.request_id = q.id AND g.revoked_at IS NOT NULL) AS used`;

/** The records held because a grant on them is not over, as rows of `id`, with @now: for the retention holds. */
export const RECORDS_GRANTED = 'SELECT DISTINCT record_id AS id FROM access_grants WHERE revoked_at IS NULL AND ends_at > @now';

/** An approval turned into grants: each record for the account (null: nobody's, a viewing at the workstation) over the window. */
export function grant(db: Db, requestId: number, accountId: number | null, recordIds: readonly number[], window: { from: string; to: string }): void {
  const put = db.prepare('INSERT INTO access_grants (request_id, account_id, record_id, starts_at, ends_at) VALUES (?, ?, ?, ?, ?)');
  for (const r of recordIds) put.run(requestId, accountId, r, window.from, window.to);
}

/** The records a viewing's approval shows now: its grants to nobody's account, live. */
export function viewableNow(db: Db, requestId: number, now: string): number[] {
  return (db.prepare(`SELECT g.record_id FROM access_grants g WHERE g.request_id = @request AND g.account_id IS NULL AND ${LIVE_GRANT('@now')}`).all({ request: requestId, now }) as { record_id: number }[]).map(
    (r) => r.record_id,
  );
}

/** Everything a viewing's approval granted, live or not: the viewer lists it whole. */
export function viewingItems(db: Db, requestId: number): { recordId: number; name: string; mediaType: string }[] {
  return db
    .prepare('SELECT DISTINCT g.record_id AS recordId, x.original_name AS name, x.media_type AS mediaType FROM access_grants g JOIN records x ON x.id = g.record_id WHERE g.request_id = ? AND g.account_id IS NULL ORDER BY g.record_id')
    .all(requestId) as { recordId: number; name: string; mediaType: string }[];
}

/** Whether a viewing's approval is spent: one sitting took place on it. */
export function approvalSpent(db: Db, requestId: number): boolean {
  return db.prepare('SELECT 1 FROM access_grants WHERE request_id = ? AND revoked_at IS NOT NULL').get(requestId) !== undefined;
}

/** Spends a viewing's approval: its grants to nobody's account are revoked. */
export function spendApproval(db: Db, requestId: number, at: string): void {
  db.prepare('UPDATE access_grants SET revoked_at = ? WHERE request_id = ? AND account_id IS NULL AND revoked_at IS NULL').run(at, requestId);
}
