import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors.js';

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/**
 * Makes sure the folder exists and can be written, by writing to it: permission bits alone lie
 * (root, ACLs, read-only mounts, network shares).
 */
export function ensureWritableDir(dir: string): void {
  try {
    fs.mkdirSync(dir, { recursive: true });
  } catch (err) {
    throw new AppError('DATA_DIR_UNAVAILABLE', `cannot create ${dir}`, { path: dir, reason: describe(err) });
  }
  if (!fs.statSync(dir).isDirectory()) {
    throw new AppError('DATA_DIR_UNAVAILABLE', `${dir} is not a folder`, { path: dir, reason: 'not a folder' });
  }
  const probe = path.join(dir, `.write-probe-${process.pid}`);
  try {
    fs.writeFileSync(probe, '', { flag: 'wx' });
    fs.unlinkSync(probe);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
      throw new AppError('DATA_DIR_READONLY', `${dir} is not writable`, { path: dir });
    }
    throw new AppError('DATA_DIR_UNAVAILABLE', `cannot write to ${dir}`, { path: dir, reason: describe(err) });
  }
}
