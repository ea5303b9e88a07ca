import type { Clock } from '../base/clock.js';
import type { Db } from '../db/open.js';
import type { PushBus } from '../events/push-bus.js';
import { BackgroundQueue, type Step } from '../jobs/background-queue.js';
import { maxRecordId } from './record-range.js';
import type { EvidenceStore } from '../store/evidence-store.js';
import { probeMedia, unreadable, type MediaInfo } from './probe.js';

/**
 * Probes originals one at a time in the background, after they are catalogued, so an import is
 * never slowed by ffprobe. Records not yet probed (say, the app closed first) are found again by
 * `backfill` at the next start. `onProbed` hands each record on to the next background step.
 */
export class ProbeQueue {
  private readonly queue: BackgroundQueue;

  constructor(
    private readonly db: Db,
    private readonly store: () => EvidenceStore,
    private readonly clock: Clock,
    private readonly bus: PushBus,
    private readonly onProbed: (recordId: number) => void = () => undefined,
  ) {
    this.queue = new BackgroundQueue((id) => this.probe(id));
  }

  enqueue(recordId: number): void {
    this.queue.enqueue(recordId);
  }

  backfill(): Promise<void> {
    const missing = this.db.prepare('SELECT r.id FROM records r LEFT JOIN record_media m ON m.record_id = r.id WHERE r.id > ? AND r.id <= ? AND m.record_id IS NULL ORDER BY r.id').pluck();
    return this.queue.enqueueScan(maxRecordId(this.db), (after, upTo) => missing.all(after, upTo) as number[]);
  }

  close(): Promise<void> {
    return this.queue.close();
  }

  idle(): Promise<void> {
    return this.queue.idle();
  }

  private async probe(id: number): Promise<Step> {
    const record = this.db.prepare('SELECT sha256, size FROM records WHERE id = ?').get(id) as { sha256: string; size: number } | undefined;
    if (!record) return 'next';
    let info: MediaInfo;
    try {
      info = record.size === 0 ? unreadable('empty file') : await probeMedia(this.store().localPath(record.sha256));
    } catch {
      // The store went away (drive unplugged): stop here; backfill retries at the next start.
      return 'stop';
    }
    if (this.queue.closed) return 'stop';
    this.db
      .prepare(
        `INSERT OR IGNORE INTO record_media (record_id, probed_at, readable, container, duration_seconds, video_codec, audio_codec, width, height, frame_rate, creation_time, problem)
         VALUES (@recordId, @probedAt, @readable, @container, @durationSeconds, @videoCodec, @audioCodec, @width, @height, @frameRate, @creationTime, @problem)`,
      )
      .run({ ...info, readable: info.readable ? 1 : 0, recordId: id, probedAt: this.clock.now().toISOString() });
    this.bus.publish({ type: 'record.media', payload: { recordId: id } });
    this.onProbed(id);
    return 'next';
  }
}
