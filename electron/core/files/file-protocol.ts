/** Messages between the core and its file workers: copying into the store, and re-hashing what is there. */
export type FileTask = { id: number; op: 'copy'; source: string; temp: string } | { id: number; op: 'hash'; file: string };

export const COPY_FAILURES = [
  'source_missing',
  'source_unreadable',
  'source_permission',
  'source_changed',
  'store_full',
  'store_readonly',
  'verify_failed',
  'cancelled',
  'io_error',
] as const;
export type CopyFailure = (typeof COPY_FAILURES)[number];

export type FileMessage =
  | { id: number; kind: 'progress'; bytes: number }
  | { id: number; kind: 'copied'; sha256: string; sm3: string; size: number }
  | { id: number; kind: 'hashed'; sha256: string; size: number }
  | { id: number; kind: 'failed'; reason: CopyFailure; message: string };

/** Index 0 of the shared flag: non-zero once the work is cancelled. */
export const CANCEL_INDEX = 0;
