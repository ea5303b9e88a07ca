import type { Clock } from '../base/clock.js';
import type { Db } from '../db/open.js';
import { markCopyRemoved, removeFile } from '../retention/disposition-steps.js';
import { pendingCopiesOn } from '../record-state/disposition.js';
import type { BackupLayout } from './backup-layout.js';

/**
 * Finishes a destruction on this target: the copies of destroyed records that were left pending
 * because the target wasn't plugged in when the list was executed are removed now, each checked
 * gone, before anything is copied. Returns how many were removed.
 */
export function finishDestroyedCopies(db: Db, clock: Clock, targetId: number, layout: BackupLayout, runId: number): number {
  let removed = 0;
  for (const p of pendingCopiesOn(db, targetId)) {
    // Left pending when the copy won't go (say a read-only drive): the next run tries again.
    let gone = false;
    try {
      gone = removeFile(layout.objectPath(p.sha256));
    } catch {
      gone = false;
    }
    if (!gone) continue;
    markCopyRemoved(db, p.record_id, p.sha256, targetId, clock.now().toISOString(), `backup:${runId}`);
    removed++;
  }
  return removed;
}
