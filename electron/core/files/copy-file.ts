import fs from 'node:fs';
import { createSha256, createSm3 } from '../hashing/sm3.js';
import type { CopyFailure } from './file-protocol.js';

const CHUNK = 4 << 20;

export class CopyError extends Error {
  constructor(
    readonly reason: CopyFailure,
    message: string,
  ) {
    super(message);
  }
}

function classify(err: unknown, side: 'source' | 'store'): CopyError {
  const code = (err as NodeJS.ErrnoException).code ?? '';
  const message = err instanceof Error ? err.message : String(err);
  if (side === 'source') {
    if (code === 'ENOENT' || code === 'ENODEV' || code === 'ENXIO') return new CopyError('source_missing', message);
    if (code === 'EACCES' || code === 'EPERM') return new CopyError('source_permission', message);
    return new CopyError('source_unreadable', message);
  }
  if (code === 'ENOSPC' || code === 'EDQUOT') return new CopyError('store_full', message);
  if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM') return new CopyError('store_readonly', message);
  return new CopyError('io_error', message);
}

function attempt<T>(side: 'source' | 'store', fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    throw classify(err, side);
  }
}

export interface CopyResult {
  sha256: string;
  sm3: string;
  size: number;
}

/**
 * One pass over the source: each chunk is hashed (SHA-256 and SM3) and written to the
 * temporary file, which is then fsynced, closed, read back and hashed again. Only a copy whose
 * read-back hash equals the source's is returned; on any failure the temporary file is removed
 * and the source is never written to.
 */
export async function copyAndHash(source: string, temp: string, onProgress: (bytes: number) => void, cancelled: () => boolean): Promise<CopyResult> {
  const sha = createSha256();
  const sm3 = await createSm3();
  const buffer = Buffer.allocUnsafe(CHUNK);
  let src: number | null = null;
  let dst: number | null = null;
  try {
    src = attempt('source', () => fs.openSync(source, 'r'));
    const expected = attempt('source', () => fs.fstatSync(src as number).size);
    dst = attempt('store', () => fs.openSync(temp, 'wx', 0o600));
    let size = 0;
    let lastReport = 0;
    for (;;) {
      if (cancelled()) throw new CopyError('cancelled', 'cancelled');
      const n = attempt('source', () => fs.readSync(src as number, buffer, 0, CHUNK, null));
      if (n === 0) break;
      const chunk = buffer.subarray(0, n);
      sha.update(chunk);
      sm3.update(chunk);
      let written = 0;
      while (written < n) written += attempt('store', () => fs.writeSync(dst as number, chunk, written, n - written));
      size += n;
      if (size - lastReport >= 64 << 20) {
        onProgress(size);
        lastReport = size;
      }
    }
    if (size !== expected) throw new CopyError('source_changed', `source size changed from ${expected} to ${size} while reading`);
    attempt('store', () => fs.fsyncSync(dst as number));
    attempt('store', () => fs.closeSync(dst as number));
    dst = null;
    const digest = sha.digestHex();
    if (readBackSha256(temp, buffer) !== digest) throw new CopyError('verify_failed', 'the copy read back differs from the source');
    onProgress(size);
    return { sha256: digest, sm3: sm3.digestHex(), size };
  } catch (err) {
    if (dst !== null) fs.closeSync(dst);
    fs.rmSync(temp, { force: true });
    throw err instanceof CopyError ? err : classify(err, 'store');
  } finally {
    if (src !== null) fs.closeSync(src);
  }
}

function readBackSha256(file: string, buffer: Buffer): string {
  return hashStoreFile(file, buffer, () => false, 'store').sha256;
}

/**
 * SHA-256 of a file, read in large chunks: the read-back after a copy (errors count against the
 * store) and every fixity check (the file read is the source: missing → `source_missing`).
 */
export function hashStoreFile(file: string, buffer: Buffer, cancelled: () => boolean, side: 'source' | 'store' = 'source'): { sha256: string; size: number } {
  const sha = createSha256();
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (err) {
    throw classify(err, side);
  }
  let size = 0;
  try {
    for (;;) {
      if (cancelled()) throw new CopyError('cancelled', 'cancelled');
      const n = attempt(side, () => fs.readSync(fd, buffer, 0, buffer.length, null));
      if (n === 0) break;
      sha.update(buffer.subarray(0, n));
      size += n;
    }
  } finally {
    fs.closeSync(fd);
  }
  return { sha256: sha.digestHex(), size };
}

/** A read buffer for `hashStoreFile`, one per worker. */
export function chunkBuffer(): Buffer {
  return Buffer.allocUnsafe(CHUNK);
}
