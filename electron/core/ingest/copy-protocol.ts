/** Messages between the import job and its copy workers. */
export interface CopyTask {
  id: number;
  source: string;
  temp: string;
}

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

export type CopyMessage =
  | { id: number; kind: 'progress'; bytes: number }
  | { id: number; kind: 'done'; sha256: string; sm3: string; size: number }
  | { id: number; kind: 'failed'; reason: CopyFailure; message: string };

/** Index 0 of the shared flag: non-zero once the job is cancelled. */
export const CANCEL_INDEX = 0;
