import fs from 'node:fs';
import type { MediaType } from '../../../shared/media-types.js';
import { derivativesNeeded, type DerivativeKind } from '../../../shared/rules/playback.js';
import type { Clock } from '../base/clock.js';
import type { Db } from '../db/open.js';
import type { PushBus } from '../events/push-bus.js';
import { BackgroundQueue, type Step } from '../jobs/background-queue.js';
import { maxRecordId } from './record-range.js';
import type { EvidenceStore } from '../store/evidence-store.js';
import { derivedAbsolutePath, derivedRelativePath, placeDerived, sha256OfFile } from './derived-files.js';
import { PROXY_EXTENSION, makePoster, makeProxy, type Transcoding } from './transcode.js';
import { DESTROYED } from '../record-state/disposition.js';

const KINDS: readonly DerivativeKind[] = ['poster', 'proxy'];

interface Source {
  sha256: string;
  media_type: MediaType;
  readable: 0 | 1;
  container: string | null;
  video_codec: string | null;
  audio_codec: string | null;
  duration_seconds: number | null;
}

/**
 * Makes each record's poster frame and, when the browser can't play the original, its playable
 * proxy — in the background, one at a time, at low priority, and never starting while an import
 * runs. The original is only read. Runs after the probe, whose facts decide what is needed.
 */
export class DeriveQueue {
  private readonly queue: BackgroundQueue;
  private current: Transcoding | null = null;

  constructor(
    private readonly db: Db,
    private readonly store: () => EvidenceStore,
    private readonly clock: Clock,
    private readonly bus: PushBus,
    importRunning: () => boolean,
  ) {
    this.queue = new BackgroundQueue((id) => this.derive(id), () => !importRunning());
  }

  enqueue(recordId: number): void {
    this.queue.enqueue(recordId);
  }

  /**
   * A viewer is waiting for this record's proxy: it goes first, and a proxy that failed before is
   * tried again.
   */
  prioritize(recordId: number): void {
    this.db.prepare("DELETE FROM record_derivatives WHERE record_id = ? AND kind = 'proxy' AND state = 'failed'").run(recordId);
    this.queue.enqueueFirst(recordId);
  }

  /** Picks the work up again after an import has ended. */
  resume(): void {
    this.queue.kick();
  }

  /** Probed, decodable records not yet handled for every kind (the app closed mid-way, say). */
  backfill(): Promise<void> {
    const pending = this.db
      .prepare(
        `SELECT m.record_id FROM record_media m
         WHERE m.record_id > ? AND m.record_id <= ? AND m.readable = 1 AND (SELECT count(*) FROM record_derivatives d WHERE d.record_id = m.record_id) < ${KINDS.length}
           AND NOT ${DESTROYED('m.record_id')} ORDER BY m.record_id`,
      )
      .pluck();
    return this.queue.enqueueScan(maxRecordId(this.db), (after, upTo) => pending.all(after, upTo) as number[]);
  }

  async close(): Promise<void> {
    const closing = this.queue.close();
    this.current?.kill();
    await closing;
  }

  idle(): Promise<void> {
    return this.queue.idle();
  }

  private async derive(id: number): Promise<Step> {
    const source = this.db
      .prepare(
        `SELECT r.sha256, r.media_type, m.readable, m.container, m.video_codec, m.audio_codec, m.duration_seconds
         FROM records r JOIN record_media m ON m.record_id = r.id WHERE r.id = ?`,
      )
      .get(id) as Source | undefined;
    if (!source) return 'next';
    const media = { readable: source.readable === 1, container: source.container, videoCodec: source.video_codec, audioCodec: source.audio_codec };
    const done = new Set((this.db.prepare('SELECT kind FROM record_derivatives WHERE record_id = ?').all(id) as { kind: DerivativeKind }[]).map((r) => r.kind));
    const needed = derivativesNeeded(source.media_type, media);
    for (const kind of KINDS) {
      if (done.has(kind)) continue;
      if (!needed.includes(kind)) {
        this.write(id, kind, 'not_needed', null, null);
        continue;
      }
      const step = await this.make(id, source, kind);
      if (step === 'stop') return 'stop';
    }
    return 'next';
  }

  private async make(id: number, source: Source, kind: DerivativeKind): Promise<Step> {
    const store = this.store();
    const input = store.localPath(source.sha256);
    if (!fs.existsSync(input)) return 'stop'; // the store drive is gone; backfill retries at the next start
    const temp = store.tempPath(`${kind}`);
    const extension = kind === 'poster' ? 'jpg' : PROXY_EXTENSION[source.media_type];
    try {
      this.current =
        kind === 'poster'
          ? makePoster(input, temp, source.duration_seconds)
          : makeProxy(input, temp, { mediaType: source.media_type, hasAudio: source.audio_codec !== null, durationSeconds: source.duration_seconds }, (percent) => this.bus.publish({ type: 'record.derive_progress', payload: { recordId: id, kind, percent } }));
      await this.current.done;
    } catch (err) {
      await store.discard(temp);
      if (this.queue.closed) return 'stop';
      this.write(id, kind, 'failed', null, err instanceof Error ? err.message : String(err));
      return 'next';
    } finally {
      this.current = null;
    }
    if (this.queue.closed) {
      await store.discard(temp);
      return 'stop';
    }
    const relative = derivedRelativePath(source.sha256, kind, extension);
    const file = { relative, sha256: await sha256OfFile(temp), size: fs.statSync(temp).size };
    placeDerived(temp, derivedAbsolutePath(store.root, relative));
    this.write(id, kind, 'ready', file, null);
    return 'next';
  }

  private write(id: number, kind: DerivativeKind, state: 'ready' | 'failed' | 'not_needed', file: { relative: string; sha256: string; size: number } | null, problem: string | null): void {
    this.db
      .prepare('INSERT OR REPLACE INTO record_derivatives (record_id, kind, state, file, sha256, size, made_at, problem) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(id, kind, state, file?.relative ?? null, file?.sha256 ?? null, file?.size ?? null, this.clock.now().toISOString(), problem);
    if (state !== 'not_needed') this.bus.publish({ type: 'record.derived', payload: { recordId: id, kind, state } });
  }
}
