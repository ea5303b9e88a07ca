import { AppError } from '../../../shared/errors.js';
import type { Db } from '../db/open.js';
import { holdsOn } from './holds.js';

/** What a destruction list item is frozen with, read from the catalogue when it is proposed. */
export interface DestructionCandidate {
  record_id: number;
  name: string;
  officer: string | null;
  recorded_at: string | null;
  sha256: string;
  size: number;
  kept_through: string | null;
  rule: string | null;
  /** The number of another list (pending, approved or executed) the record is on already. */
  listed: string | null;
}

const FACTS = `SELECT r.id AS record_id, r.original_name AS name, a.display_name AS officer, s.recorded_at, r.sha256, r.size, x.kept_through, x.rule,
    (SELECT l.number FROM destruction_items i JOIN destruction_lists l ON l.id = i.list_id WHERE i.record_id = r.id AND i.live = 1 AND l.id IS NOT @except) AS listed
  FROM records r LEFT JOIN record_retention x ON x.record_id = r.id LEFT JOIN record_search s ON s.record_id = r.id LEFT JOIN accounts a ON a.id = s.officer_id
  WHERE r.id = @id`;

/**
 * The one rule for what may be destroyed (REQUIREMENTS §4): a record whose period has ended (its
 * last day kept is before `today`, in the office's calendar), that nothing holds now, and that no
 * other live list names. The first record that fails is refused by name with why: NOT_EXPIRED,
 * RECORD_HELD (with the hold kinds) or ON_DESTRUCTION_LIST. `except` is the list being decided.
 */
export function destroyable(db: Db, recordIds: readonly number[], today: string, now: string, except: number | null = null): DestructionCandidate[] {
  const read = db.prepare(FACTS);
  const rows = recordIds.map((id) => {
    const row = read.get({ id, except }) as DestructionCandidate | undefined;
    if (!row) throw new AppError('NOT_FOUND', `no record ${id}`, { id });
    return row;
  });
  for (const r of rows) {
    if (r.listed) throw new AppError('ON_DESTRUCTION_LIST', 'on another list', { id: r.record_id, name: r.name, number: r.listed });
    if (r.kept_through === null || r.kept_through >= today) throw new AppError('NOT_EXPIRED', 'still inside its period', { id: r.record_id, name: r.name, keptThrough: r.kept_through ?? '—' });
  }
  const held = holdsOn(db, now, recordIds);
  for (const r of rows) {
    const kinds = held.get(r.record_id);
    if (kinds) throw new AppError('RECORD_HELD', 'held', { id: r.record_id, name: r.name, holds: kinds.join(', ') });
  }
  return rows;
}
