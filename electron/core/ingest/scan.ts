import fs from 'node:fs';
import path from 'node:path';
import { isSystemEntry, mediaTypeOf, type MediaType } from '../../../shared/media-types.js';

export interface ScannedFile {
  absolute: string;
  relative: string;
  name: string;
  size: number;
  mtime: string;
  mediaType: MediaType;
}

export interface SkippedEntry {
  relative: string;
  reason: 'not_media' | 'symlink' | 'unreadable_folder' | 'unreadable' | 'special_file';
}

/**
 * Lists the media files under a source folder in a stable order. Symbolic links are never
 * followed, so a link loop cannot trap the scan; system folders are passed over silently;
 * everything else that is not imported is reported with its reason.
 */
export function scanSource(root: string): { files: ScannedFile[]; skipped: SkippedEntry[] } {
  const files: ScannedFile[] = [];
  const skipped: SkippedEntry[] = [];
  const walk = (dir: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      skipped.push({ relative: path.relative(root, dir) || '.', reason: 'unreadable_folder' });
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (isSystemEntry(entry.name)) continue;
      const absolute = path.join(dir, entry.name);
      const relative = path.relative(root, absolute).split(path.sep).join('/');
      if (entry.isSymbolicLink()) skipped.push({ relative, reason: 'symlink' });
      else if (entry.isDirectory()) walk(absolute);
      else if (!entry.isFile()) skipped.push({ relative, reason: 'special_file' });
      else {
        const mediaType = mediaTypeOf(entry.name);
        if (!mediaType) {
          skipped.push({ relative, reason: 'not_media' });
          continue;
        }
        try {
          const st = fs.statSync(absolute);
          files.push({ absolute, relative, name: entry.name, size: st.size, mtime: st.mtime.toISOString(), mediaType });
        } catch {
          skipped.push({ relative, reason: 'unreadable' });
        }
      }
    }
  };
  walk(root);
  return { files, skipped };
}
