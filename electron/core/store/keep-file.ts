import fs from 'node:fs';
import { AppError } from '../../../shared/errors.js';
import { copyAndHash } from '../files/copy-file.js';
import type { EvidenceStore } from './evidence-store.js';

/**
 * Keeps a file the keeper points at (the scan of a signed paper decision) write-once in the store,
 * answering its SHA-256. Callers check everything else first, so a refused entry stores nothing.
 */
export async function keepFile(store: EvidenceStore, source: string): Promise<string> {
  if (!fs.existsSync(source) || !fs.statSync(source).isFile()) throw new AppError('NOT_FOUND', 'no file there', { id: source });
  const temp = store.tempPath('scan');
  const copied = await copyAndHash(source, temp, () => undefined, () => false);
  await store.commit(temp, copied.sha256);
  return copied.sha256;
}
