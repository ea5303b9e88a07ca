import type { Db } from '../db/open.js';

/** The highest record id so far: where a backfill scan of the catalogue ends. */
export function maxRecordId(db: Db): number {
  return db.prepare('SELECT coalesce(max(id), 0) FROM records').pluck().get() as number;
}
