import { AppError } from '../../../shared/errors.js';
import type { Db } from '../db/open.js';

/**
 * Refuses any use of a destroyed record — linking it, asking for it, restoring it from a backup
 * copy not yet removed — naming the list it was destroyed under: the catalogue keeps the record,
 * but its original is gone for good, so nothing may be built on it again.
 */
export function refuseDestroyed(db: Db, recordIds: readonly number[]): void {
  const under = db.prepare('SELECT l.number FROM record_dispositions d JOIN destruction_lists l ON l.id = d.list_id WHERE d.record_id = ?').pluck();
  for (const id of recordIds) {
    const number = under.get(id) as string | undefined;
    if (number !== undefined) throw new AppError('RECORD_DESTROYED', 'destroyed', { id, number });
  }
}
