import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { AppError } from '../../../shared/errors.js';
import { imageExtents } from './xorriso.js';

/**
 * Hashes each payload file where it lies inside a finished image and compares it with the
 * catalogue. The image grafts originals straight from the store, so this is what proves the disc
 * carries the archive's bytes (an original changed since import fails here and is named) without
 * ever copying the payload to a staging folder.
 */
export async function checkImagePayload(iso: string, files: { recordId: number; path: string; sha256: string }[], onBytes: (bytes: number) => void = () => undefined, signal?: AbortSignal): Promise<void> {
  const extents = await imageExtents(iso);
  for (const file of files) {
    const parts = extents.get(file.path);
    if (!parts) throw new AppError('ORIGINAL_CHANGED', 'a payload file is missing from the image', { id: file.recordId, path: file.path });
    const hash = createHash('sha256');
    for (const part of parts) {
      if (part.bytes === 0) continue;
      const stream = fs.createReadStream(iso, { start: part.start, end: part.start + part.bytes - 1, highWaterMark: 4 * 1024 * 1024, signal });
      try {
        for await (const chunk of stream) {
          hash.update(chunk as Buffer);
          onBytes((chunk as Buffer).length);
        }
      } catch (e) {
        if (signal?.aborted) throw new AppError('CANCELLED', 'cancelled');
        throw e;
      }
    }
    const actual = hash.digest('hex');
    if (actual !== file.sha256) throw new AppError('ORIGINAL_CHANGED', 'an original no longer hashes as catalogued', { id: file.recordId, expected: file.sha256, actual });
  }
}
