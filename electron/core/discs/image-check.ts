import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { AppError } from '../../../shared/errors.js';
import { recordedMd5s } from './xorriso.js';

export interface OriginalHashes {
  sha256: string;
  md5: string;
}

/**
 * Reads each original as the image is being written (on the other core) and hashes it: SHA-256
 * to hold against the catalogue, MD5 to hold against what xorriso recorded as it copied the same
 * file into the image. An original that no longer hashes as catalogued stops the build at once.
 */
export async function hashOriginals(files: { recordId: number; source: string; sha256: string }[], onBytes: (bytes: number) => void = () => undefined, signal?: AbortSignal): Promise<Map<number, OriginalHashes>> {
  const hashes = new Map<number, OriginalHashes>();
  for (const file of files) {
    const sha = createHash('sha256');
    const md5 = createHash('md5');
    try {
      for await (const chunk of fs.createReadStream(file.source, { highWaterMark: 4 * 1024 * 1024, signal })) {
        sha.update(chunk as Buffer);
        md5.update(chunk as Buffer);
        onBytes((chunk as Buffer).length);
      }
    } catch (e) {
      if (signal?.aborted) throw new AppError('CANCELLED', 'cancelled');
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw new AppError('ORIGINAL_MISSING', 'an original is missing from the store', { id: file.recordId });
      throw e;
    }
    const actual = sha.digest('hex');
    if (actual !== file.sha256) throw new AppError('ORIGINAL_CHANGED', 'an original no longer hashes as catalogued', { id: file.recordId, expected: file.sha256, actual });
    hashes.set(file.recordId, { sha256: actual, md5: md5.digest('hex') });
  }
  return hashes;
}

/**
 * Proves the image carries the archive's bytes without reading the image again: each payload
 * file's MD5, recorded by xorriso while it wrote that file, must be the MD5 of the very bytes
 * that hashed as catalogued. A file that changed between the two reads, or went into the image
 * wrong, is named. (The image's own sectors are checked against those MD5s before a burn.)
 */
export async function checkImagePayload(iso: string, files: { recordId: number; path: string }[], hashes: Map<number, OriginalHashes>): Promise<void> {
  const recorded = await recordedMd5s(iso);
  for (const file of files) {
    const md5 = recorded.get(file.path);
    if (md5 === undefined || md5 !== hashes.get(file.recordId)?.md5) throw new AppError('ORIGINAL_CHANGED', 'the image does not carry the original as hashed', { id: file.recordId, path: file.path });
  }
}
