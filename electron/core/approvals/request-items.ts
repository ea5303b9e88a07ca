import type { RequestItem } from '../../../shared/contract/requests-dto.js';
import { AppError } from '../../../shared/errors.js';
import { DESTROYED, refuseDestroyed } from '../record-state/disposition.js';
import type { Db } from '../db/open.js';
import { UNDER_ALARM } from '../record-state/alarms.js';

/** An item as people read it: a record by its name, a case by its number, a disc by its register number. */
export function itemLabel(db: Db, item: RequestItem): string {
  const row =
    item.kind === 'record'
      ? (db.prepare('SELECT original_name AS name FROM records WHERE id = ?').get(item.id) as { name: string } | undefined)
      : item.kind === 'case'
        ? (db.prepare('SELECT case_no AS name FROM cases WHERE id = ?').get(item.id) as { name: string } | undefined)
        : (db.prepare('SELECT number AS name FROM discs WHERE id = ?').get(item.id) as { name: string } | undefined);
  if (!row) throw new AppError('NOT_FOUND', `no ${item.kind} ${item.id}`, { id: item.id });
  return row.name;
}

/** The records an item stands for: itself, a case's live links, a disc's contents. */
export function recordsOf(db: Db, item: RequestItem): number[] {
  itemLabel(db, item);
  if (item.kind === 'record') return [item.id];
  const rows =
    item.kind === 'case'
      ? (db.prepare('SELECT record_id AS id FROM record_links WHERE case_id = ? AND unlinked_at IS NULL ORDER BY record_id').all(item.id) as { id: number }[])
      : (db.prepare('SELECT record_id AS id FROM disc_files WHERE disc_id = ? ORDER BY record_id').all(item.id) as { id: number }[]);
  return rows.map((r) => r.id);
}

/** A record nobody may be shown now: destroyed (its original is gone for good), or under an open integrity alarm. */
export function unavailable(db: Db, recordIds: number[]): { id: number; reason: string } | null {
  for (const id of recordIds) {
    const state = db.prepare(`SELECT ${DESTROYED('@id')} AS destroyed, ${UNDER_ALARM('@id')} AS alarm`).get({ id }) as { destroyed: number; alarm: number };
    if (state.destroyed) return { id, reason: 'destroyed' };
    if (state.alarm) return { id, reason: 'integrity_alarm' };
  }
  return null;
}

/** Refuses a request naming a record nobody may be shown: destroyed (naming its list), or under an alarm. */
export function refuseUnavailable(db: Db, recordIds: number[]): void {
  const blocked = unavailable(db, recordIds);
  if (!blocked) return;
  if (blocked.reason === 'destroyed') refuseDestroyed(db, [blocked.id]);
  throw new AppError('ITEM_UNAVAILABLE', 'unavailable', blocked);
}

export const sameItem = (a: RequestItem, b: RequestItem): boolean => a.kind === b.kind && a.id === b.id;
