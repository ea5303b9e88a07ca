/** Ids per slice of a backfill scan: ~10 ms of the event loop each on this machine. */
const SCAN_SLICE = 20_000;

/** What a worker says after an item: go on, or stop draining until the next `kick` (say, the store went away). */
export type Step = 'next' | 'stop';

/**
 * Record-level background work, one item at a time, in order, never on an import's critical
 * path. Items queued while it drains are taken by the next drain; `close` lets the item in
 * flight finish (the worker checks `closed` before writing).
 */
export class BackgroundQueue {
  private readonly queue: number[] = [];
  private readonly queued = new Set<number>();
  private draining: Promise<void> | null = null;
  private closedFlag = false;

  constructor(
    private readonly work: (id: number) => Promise<Step>,
    /** Whether now is a good time to start an item; when not, the queue waits for `kick`. */
    private readonly mayStart: () => boolean = () => true,
  ) {}

  get closed(): boolean {
    return this.closedFlag;
  }

  enqueue(id: number): void {
    if (this.closedFlag || this.queued.has(id)) return;
    this.queue.push(id);
    this.queued.add(id);
    this.kick();
  }

  /**
   * Enqueues what `find` returns for each slice of ids up to `maxId`, yielding between slices: on
   * a million-record catalogue one scan held the process for half a second (bench:catalog), and
   * calls must not wait on a start-up backfill. Stops if the queue closes meanwhile.
   */
  async enqueueScan(maxId: number, find: (afterId: number, upToId: number) => number[], slice = SCAN_SLICE): Promise<void> {
    for (let after = 0; after < maxId && !this.closedFlag; after += slice) {
      for (const id of find(after, after + slice)) this.enqueue(id);
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }

  /** Puts an item at the front: someone is waiting for it (a viewer for a proxy). */
  enqueueFirst(id: number): void {
    if (this.closedFlag) return;
    const at = this.queue.indexOf(id);
    if (at >= 0) this.queue.splice(at, 1);
    this.queue.unshift(id);
    this.queued.add(id);
    this.kick();
  }

  /** Starts a drain unless one runs; when a drain ends, anything queued meanwhile starts the next. */
  kick(): void {
    if (this.draining || this.queue.length === 0 || this.closedFlag || !this.mayStart()) return;
    this.draining = this.drain().finally(() => {
      this.draining = null;
      this.kick();
    });
  }

  /** Stops taking work; the item in flight finishes but is not written. */
  async close(): Promise<void> {
    this.closedFlag = true;
    this.queue.length = 0;
    this.queued.clear();
    await this.idle();
  }

  /** Resolves once everything queued so far has been handled. */
  async idle(): Promise<void> {
    while (this.draining) await this.draining;
  }

  private async drain(): Promise<void> {
    // Let a caller's synchronous burst of enqueues land before the first item is taken.
    await Promise.resolve();
    while (this.queue.length > 0 && !this.closedFlag && this.mayStart()) {
      const id = this.queue.shift() as number;
      this.queued.delete(id);
      if ((await this.work(id)) === 'stop') {
        this.queue.length = 0;
        this.queued.clear();
        return;
      }
    }
  }
}
