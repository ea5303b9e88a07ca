import fs from 'node:fs';
import { AppError } from '../../../shared/errors.js';
import { BackupLayout } from '../backup/backup-layout.js';
import type { Db } from '../db/open.js';
import { derivedAbsolutePath } from '../media/derived-files.js';
import { copyRemoved } from '../record-state/disposition.js';

/**
 * The physical steps of destroying one record, each idempotent so a run killed anywhere can be
 * run again: removing a file that is gone already is fine, and every removal is checked by
 * looking again, never assumed.
 */

/** Removes a file (read-only or not) and says whether it is really gone. */
export function removeFile(file: string): boolean {
  try {
    fs.chmodSync(file, 0o644);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  fs.rmSync(file, { force: true });
  return !fs.existsSync(file);
}

/**
 * The poster and proxy made from the original go with it: a copy of destroyed evidence is still
 * that evidence. Their rows stay as `not_needed` (problem: destroyed), so the library doesn't wait
 * for copies that will never be made and the derive queue doesn't try to make them.
 */
export function removeDerived(db: Db, storeRoot: string, recordId: number, at: string): void {
  const rows = db.prepare('SELECT file FROM record_derivatives WHERE record_id = ? AND file IS NOT NULL').all(recordId) as { file: string }[];
  for (const r of rows) {
    const file = derivedAbsolutePath(storeRoot, r.file);
    if (!removeFile(file)) throw new AppError('DESTROY_NOT_VERIFIED', `derived copy ${r.file} is still there`, { sha256: r.file, where: 'derived' });
  }
  const none = db.prepare("INSERT OR REPLACE INTO record_derivatives (record_id, kind, state, file, sha256, size, made_at, problem) VALUES (?, ?, 'not_needed', NULL, NULL, NULL, ?, 'destroyed')");
  for (const kind of ['poster', 'proxy']) none.run(recordId, kind, at);
}

export interface TargetRow {
  id: number;
  path: string;
}

/**
 * Removes the backup copy of `sha256` from one target, when the target is plugged in. True when
 * the copy is gone (or was never there); false when the target can't be reached or written now,
 * and the copy stays pending for the target's next backup run.
 */
export function removeBackupCopy(target: TargetRow, sha256: string): boolean {
  if (!fs.existsSync(target.path)) return false;
  try {
    return removeFile(new BackupLayout(target.path).objectPath(sha256));
  } catch {
    return false;
  }
}

/** Marks one target's copy of a destroyed record removed, and the catalogue's note that it held one forgotten. */
export function markCopyRemoved(db: Db, recordId: number, sha256: string, targetId: number, at: string, run: string): void {
  copyRemoved(db, recordId, targetId, at, run);
  db.prepare('DELETE FROM backup_copies WHERE target_id = ? AND sha256 = ?').run(targetId, sha256);
}
