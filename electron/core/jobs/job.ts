/** Progress goes out at most this often: a copy reports per chunk, and a window can't redraw faster anyway. */
const PROGRESS_INTERVAL_MS = 250;
/** How long a paused job waits before looking again whether it may go on. */
const YIELD_MS = 1000;

/** What a running job's work sees: its progress to update and report, and whether it was cancelled. */
export class Job<P extends object> {
  private cancelledFlag = false;
  private readonly cancelHooks: (() => void)[] = [];
  private lastReport = 0;

  constructor(
    readonly id: number,
    readonly progress: P,
    private readonly publish: (progress: P) => void,
    private readonly yieldWhile: () => boolean = () => false,
    /** Brings derived figures (speed, time left) up to date just before a report goes out. */
    private readonly refresh: (progress: P) => void = () => undefined,
  ) {}

  get cancelled(): boolean {
    return this.cancelledFlag;
  }

  /** Something to stop when the job is cancelled (say, a file pool's copies in flight). */
  onCancel(hook: () => void): void {
    if (this.cancelledFlag) hook();
    else this.cancelHooks.push(hook);
  }

  cancel(): boolean {
    if (this.cancelledFlag) return false;
    this.cancelledFlag = true;
    for (const hook of this.cancelHooks) hook();
    return true;
  }

  /** Pushes the progress unless one went out less than an interval ago. */
  report(force = false): void {
    const now = Date.now();
    if (!force && now - this.lastReport < PROGRESS_INTERVAL_MS) return;
    this.lastReport = now;
    this.refresh(this.progress);
    this.publish({ ...this.progress });
  }

  /** Waits while the job must yield (a scheduled check while an import runs), unless it is cancelled meanwhile. */
  async pause(): Promise<void> {
    while (this.yieldWhile() && !this.cancelledFlag) await new Promise((resolve) => setTimeout(resolve, YIELD_MS));
  }
}
