import fs from 'node:fs';
import path from 'node:path';
import type { SourceDto, SourcePreviewDto } from '../../../shared/contract/records-dto.js';
import { AppError } from '../../../shared/errors.js';
import { CAMERA_FOLDERS } from '../../../shared/media-types.js';
import { driveSpace } from '../base/drive-space.js';
import type { Db } from '../db/open.js';
import { scanSource } from '../ingest/scan.js';
import { listRemovableDrives } from './drives.js';

/** The top-level folders that say "a body camera wrote this", as they are spelled on the drive. */
export function cameraFoldersIn(root: string): string[] {
  try {
    return fs
      .readdirSync(root, { withFileTypes: true })
      .filter((e) => e.isDirectory() && CAMERA_FOLDERS.has(e.name.toLowerCase()))
      .map((e) => e.name)
      .sort();
  } catch {
    return [];
  }
}

function describe(where: string, label: string, kind: SourceDto['kind']): SourceDto {
  const space = driveSpace(where);
  return space
    ? { path: where, label, kind, available: true, ...space, cameraFolders: cameraFoldersIn(where) }
    : { path: where, label, kind, available: false, totalBytes: null, freeBytes: null, cameraFolders: [] };
}

/** Removable drives plugged in now, then the folders the office set up (a docking station's share, say). */
export async function listSources(folders: string[]): Promise<SourceDto[]> {
  const drives = (await listRemovableDrives()).map((d) => describe(d.path, d.label, 'drive'));
  const configured = folders.filter((f) => !drives.some((d) => d.path === f)).map((f) => describe(f, path.basename(f) || f, 'folder'));
  return [...drives, ...configured];
}

/**
 * What an import of `source` would bring, without reading a byte of media: files by type, and
 * how many look already archived (same name and size). The import itself decides by content hash.
 */
export function previewSource(db: Db, source: string): SourcePreviewDto {
  if (!fs.existsSync(source) || !fs.statSync(source).isDirectory()) throw new AppError('SOURCE_NOT_FOUND', 'no such folder', { path: source });
  const { files, skipped } = scanSource(source);
  const known = db.prepare('SELECT 1 FROM records WHERE original_name = ? AND size = ? LIMIT 1');
  const byType = { video: 0, audio: 0, photo: 0 };
  let likelyArchived = 0;
  for (const f of files) {
    byType[f.mediaType]++;
    if (known.get(f.name, f.size)) likelyArchived++;
  }
  return { files: files.length, bytes: files.reduce((n, f) => n + f.size, 0), byType, likelyArchived, skipped: skipped.length, cameraFolders: cameraFoldersIn(source) };
}
