import type { RecordDto } from '../../../shared/contract/records-dto.js';
import { AppError } from '../../../shared/errors.js';
import type { Db } from '../db/open.js';

/**
 * A record's destruction, the one place that reads or writes record_dispositions and
 * disposition_targets. A record counts as destroyed from the disposition's first line (written
 * before anything is removed, so its original may already be gone): nothing may show, lend, burn,
 * back up or restore it again. The line is completed (verified) once the store says the original
 * and its derived copies are gone; each backup target's copy is removed then or at its next run.
 */

/** Whether a record (an id expression) is destroyed, begun or complete. As SQL, for lists. */
export const DESTROYED = (recordId: string): string => `EXISTS (SELECT 1 FROM record_dispositions dsp WHERE dsp.record_id = ${recordId})`;

/**
 * Whether a record (aliased `r`) was destroyed and under which list, and when (the run's start
 * until the store confirms): read wherever a record is shown, so the library and a case's linked
 * records say the same thing.
 */
export const DISPOSITION_COLUMNS = `(SELECT l.number FROM record_dispositions p JOIN destruction_lists l ON l.id = p.list_id WHERE p.record_id = r.id) AS p_list,
  (SELECT coalesce(p.destroyed_at, p.started_at) FROM record_dispositions p WHERE p.record_id = r.id) AS p_at`;

export interface DispositionColumns {
  p_list: string | null;
  p_at: string | null;
}

export function dispositionOf(r: DispositionColumns): RecordDto['disposition'] {
  return r.p_list && r.p_at ? { listNumber: r.p_list, destroyedAt: r.p_at } : null;
}

/** The list a destroyed record went under, or null: for refusals that name it. */
export function destroyedUnder(db: Db, recordId: number): string | null {
  const row = db.prepare('SELECT l.number FROM record_dispositions d JOIN destruction_lists l ON l.id = d.list_id WHERE d.record_id = ?').get(recordId) as { number: string } | undefined;
  return row?.number ?? null;
}

/**
 * Refuses any use of a destroyed record — linking it, asking for it, restoring it from a backup
 * copy not yet removed — naming the list it was destroyed under: the catalogue keeps the record,
 * but its original is gone for good, so nothing may be built on it again.
 */
export function refuseDestroyed(db: Db, recordIds: readonly number[]): void {
  for (const id of recordIds) {
    const number = destroyedUnder(db, id);
    if (number !== null) throw new AppError('RECORD_DESTROYED', 'destroyed', { id, number });
  }
}

/** How far a record's destruction has come: not begun (null), begun (0), complete (1). As SQL over a record id expression. */
export const DISPOSITION_STAGE = (recordId: string): string => `(SELECT dsp.verified FROM record_dispositions dsp WHERE dsp.record_id = ${recordId})`;

/** When a record on a list was destroyed under it (complete), as SQL over the record and list id expressions. */
export const DESTROYED_AT_UNDER = (recordId: string, listId: string): string =>
  `(SELECT dsp.destroyed_at FROM record_dispositions dsp WHERE dsp.record_id = ${recordId} AND dsp.list_id = ${listId} AND dsp.verified = 1)`;

/** A list's run so far: records destroyed (complete) and backup copies still to remove. */
export function listProgress(db: Db, listId: number): { destroyed: number; pending: number } {
  return db
    .prepare(
      `SELECT (SELECT count(*) FROM record_dispositions WHERE list_id = @list AND verified = 1) AS destroyed,
         (SELECT count(*) FROM disposition_targets t JOIN record_dispositions d ON d.record_id = t.record_id WHERE d.list_id = @list AND t.state = 'pending') AS pending`,
    )
    .get({ list: listId }) as { destroyed: number; pending: number };
}

/**
 * The permanent disposition line, written before anything is removed, from the record and its
 * frozen list item, with a pending line per backup target.
 */
export function beginDisposition(db: Db, d: { recordId: number; listId: number; jobId: number; approvers: unknown; by: number | null; at: string }): void {
  db.prepare(
    `INSERT INTO record_dispositions (record_id, list_id, job_id, sha256, sm3, size, original_name, original_path, officer, recorded_at, imported_at, approvers, executed_by, started_at)
     SELECT r.id, @list, @job, r.sha256, r.sm3, r.size, r.original_name, r.original_path, i.officer, i.recorded_at, r.imported_at, @approvers, @by, @at
     FROM records r JOIN destruction_items i ON i.record_id = r.id AND i.list_id = @list WHERE r.id = @record`,
  ).run({ list: d.listId, job: d.jobId, approvers: JSON.stringify(d.approvers), by: d.by, at: d.at, record: d.recordId });
  db.prepare("INSERT INTO disposition_targets (record_id, target_id, state) SELECT ?, id, 'pending' FROM backup_targets ORDER BY id").run(d.recordId);
}

/** The store has removed the original (kept from the first time it said so, if a run is repeated). */
export function storeRemoved(db: Db, recordId: number, at: string): void {
  db.prepare('UPDATE record_dispositions SET store_removed_at = coalesce(store_removed_at, ?) WHERE record_id = ? AND verified = 0').run(at, recordId);
}

/** Completes the line; returns how many backup copies are still to remove. */
export function completeDisposition(db: Db, recordId: number, at: string): number {
  db.prepare('UPDATE record_dispositions SET destroyed_at = ?, verified = 1 WHERE record_id = ?').run(at, recordId);
  return (db.prepare("SELECT count(*) AS n FROM disposition_targets WHERE record_id = ? AND state = 'pending'").get(recordId) as { n: number }).n;
}

/** The backup targets still holding a copy of a destroyed record. */
export function pendingTargets(db: Db, recordId: number): { id: number; path: string }[] {
  return db
    .prepare("SELECT b.id, b.path FROM disposition_targets t JOIN backup_targets b ON b.id = t.target_id WHERE t.record_id = ? AND t.state = 'pending' ORDER BY b.id")
    .all(recordId) as { id: number; path: string }[];
}

/** The destroyed records whose copy on a target is still to remove. */
export function pendingCopiesOn(db: Db, targetId: number): { record_id: number; sha256: string }[] {
  return db
    .prepare("SELECT t.record_id, d.sha256 FROM disposition_targets t JOIN record_dispositions d ON d.record_id = t.record_id WHERE t.target_id = ? AND t.state = 'pending' ORDER BY t.record_id")
    .all(targetId) as { record_id: number; sha256: string }[];
}

/** One target's copy of a destroyed record is gone, by which run. */
export function copyRemoved(db: Db, recordId: number, targetId: number, at: string, run: string): void {
  db.prepare("UPDATE disposition_targets SET state = 'removed', removed_at = ?, run = ? WHERE record_id = ? AND target_id = ? AND state = 'pending'").run(at, run, recordId, targetId);
}
