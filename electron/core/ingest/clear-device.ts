import fs from 'node:fs';
import type { ScannedFile } from './scan.js';

export type ClearReason = 'batch_cancelled' | 'source_missing' | 'source_changed' | 'source_readonly' | 'source_permission' | 'io_error';

export interface ClearOutcome {
  relative: string;
  cleared: boolean;
  reason: ClearReason | null;
}

function reasonOf(err: unknown): ClearReason {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'source_missing';
  if (code === 'EROFS') return 'source_readonly';
  if (code === 'EACCES' || code === 'EPERM' || code === 'EBUSY') return 'source_permission';
  return 'io_error';
}

/**
 * Deletes one file from the camera, given that its copy is committed and verified in the store.
 * A file that changed on the camera since it was read (size or modification time) is kept: the
 * archive holds the bytes it read, not these.
 */
export function clearVerifiedFile(file: ScannedFile): ClearOutcome {
  try {
    const st = fs.lstatSync(file.absolute);
    if (!st.isFile() || st.size !== file.size || st.mtime.toISOString() !== file.mtime) {
      return { relative: file.relative, cleared: false, reason: 'source_changed' };
    }
    fs.unlinkSync(file.absolute);
    return { relative: file.relative, cleared: true, reason: null };
  } catch (err) {
    return { relative: file.relative, cleared: false, reason: reasonOf(err) };
  }
}
