import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors.js';

function real(folder: string): string {
  const resolved = fs.existsSync(folder) ? fs.realpathSync(folder) : path.resolve(folder);
  // Windows and macOS file names are case-insensitive: D:\Archive and d:\archive are one folder.
  return process.platform === 'linux' ? resolved : resolved.toLowerCase();
}

function within(inner: string, outer: string): boolean {
  const rel = path.relative(outer, inner);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * Refuses to import the archive into itself: its data folder or evidence store, a folder inside
 * one of them, or a folder that holds one. Scanning those would copy the catalogue's own files
 * and originals back in as new "recordings".
 */
export function refuseArchiveSource(source: string, archiveFolders: string[]): void {
  const candidate = real(source);
  for (const folder of archiveFolders) {
    const own = real(folder);
    if (within(candidate, own) || within(own, candidate)) throw new AppError('SOURCE_IS_ARCHIVE', 'the source is the archive itself', { path: source, archive: folder });
  }
}
