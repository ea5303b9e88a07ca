import type { Readable } from 'node:stream';

export interface StoredObject {
  sha256: string;
  size: number;
}

/**
 * Where original evidence lives: content-addressed by SHA-256, write-once. Today a folder on a
 * local or second drive; a county centre can implement the same interface over an
 * S3-compatible bucket with Object Lock.
 */
export interface EvidenceStore {
  readonly root: string;
  /** A fresh temporary path on the store's own volume, so that `commit` is an atomic rename. */
  tempPath(label: string): string;
  /** Moves a verified temporary file into its content address and makes it read-only. Idempotent. */
  commit(tempPath: string, sha256: string): Promise<'stored' | 'already-present'>;
  discard(tempPath: string): Promise<void>;
  has(sha256: string): Promise<boolean>;
  stat(sha256: string): Promise<StoredObject | null>;
  openRead(sha256: string, range?: { start: number; end: number }): Readable;
  /** A path on this machine that external tools (ffprobe, ffmpeg, xorriso) can read; a remote store would materialise a cached copy. */
  localPath(sha256: string): string;
  /** Every original at its content address. */
  list(): AsyncIterable<StoredObject>;
  /** Anything among the originals that is not at a content address (a stray or renamed file): always unexpected. */
  strays(): AsyncIterable<{ path: string; size: number }>;
  /**
   * Moves a file the catalogue doesn't know (found by a fixity check) out of the originals into
   * quarantine/, where it is kept for whoever investigates. Returns where it went.
   */
  quarantine(relativePath: string): Promise<string>;
  /**
   * Puts a verified temporary copy in place of a damaged or missing original (a restore from
   * backup; the caller has checked its hash). The only path that rewrites an address.
   */
  replace(tempPath: string, sha256: string): Promise<void>;
  /** Removes an object that no catalogue record refers to (an interrupted import). */
  removeOrphan(sha256: string): Promise<void>;
  /**
   * Removes an original for good and verifies it is gone: called only by the execution of an
   * approved destruction list (REQUIREMENTS §4), which has checked expiry, holds and approval
   * first. With `removeOrphan`, the only removal from the store; idempotent (gone already is fine).
   */
  destroy(sha256: string): Promise<void>;
  /** Deletes temporary files left by processes that are no longer running. */
  cleanTemp(): Promise<number>;
}
