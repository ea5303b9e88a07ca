/** Why an original needs a second look: kept byte-exact all the same, never rejected. */
export type RecordFlag = 'empty' | 'unreadable';

/** Empty when it has no bytes; unreadable when ffprobe found no audio or video in it. Unprobed records carry no flag yet. */
export function recordFlags(record: { size: number; media: { readable: boolean } | null }): RecordFlag[] {
  if (record.size === 0) return ['empty'];
  return record.media && !record.media.readable ? ['unreadable'] : [];
}
