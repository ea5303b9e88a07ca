import type { Clock } from '../app/clock.js';
import type { Db } from '../db/open.js';
import type { PushBus } from '../events/push-bus.js';
import type { EvidenceStore } from '../store/evidence-store.js';
import { probeMedia, unreadable, type MediaInfo } from './probe.js';

/**
 * Probes originals one at a time in the background, after they are catalogued, so an import is
 * never slowed by ffprobe. Records not yet probed (say, the app closed first) are found again by
 * `backfill` at the next start.
 */
export class ProbeQueue {
  private readonly queue: number[] = [];
  private draining: Promise<void> | null = null;
  private closed = false;

  constructor(
    private readonly db: Db,
    private readonly store: () => EvidenceStore,
    private readonly clock: Clock,
    private readonly bus: PushBus,
  ) {}

  enqueue(recordId: number): void {
    if (this.closed) return;
    this.queue.push(recordId);
    this.kick();
  }

  /** Starts a drain unless one runs; when a drain ends, anything queued meanwhile starts the next. */
  private kick(): void {
    if (this.draining || this.queue.length === 0 || this.closed) return;
    this.draining = this.drain().finally(() => {
      this.draining = null;
      this.kick();
    });
  }

  backfill(): void {
    const missing = this.db.prepare('SELECT r.id FROM records r LEFT JOIN record_media m ON m.record_id = r.id WHERE m.record_id IS NULL ORDER BY r.id').all() as { id: number }[];
    for (const { id } of missing) this.enqueue(id);
  }

  /** Stops taking work; the probe in flight finishes but is not written. */
  async close(): Promise<void> {
    this.closed = true;
    this.queue.length = 0;
    await this.idle();
  }

  /** Resolves once everything queued so far has been probed. */
  async idle(): Promise<void> {
    while (this.draining) await this.draining;
  }

  private async drain(): Promise<void> {
    // Let a caller's synchronous burst of enqueues land before the first item is taken.
    await Promise.resolve();
    const insert = this.db.prepare(
      `INSERT OR IGNORE INTO record_media (record_id, probed_at, readable, container, duration_seconds, video_codec, audio_codec, width, height, frame_rate, creation_time, problem)
       VALUES (@recordId, @probedAt, @readable, @container, @durationSeconds, @videoCodec, @audioCodec, @width, @height, @frameRate, @creationTime, @problem)`,
    );
    for (let id = this.queue.shift(); id !== undefined; id = this.queue.shift()) {
      const record = this.db.prepare('SELECT sha256, size FROM records WHERE id = ?').get(id) as { sha256: string; size: number } | undefined;
      if (!record) continue;
      let info: MediaInfo;
      try {
        info = record.size === 0 ? unreadable('empty file') : await probeMedia(this.store().localPath(record.sha256));
      } catch {
        // The store went away (drive unplugged): stop here; backfill retries at the next start.
        this.queue.length = 0;
        return;
      }
      if (this.closed) return;
      insert.run({ ...info, readable: info.readable ? 1 : 0, recordId: id, probedAt: this.clock.now().toISOString() });
      this.bus.publish({ type: 'record.media', payload: { recordId: id } });
    }
  }
}
