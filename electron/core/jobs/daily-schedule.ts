/** How often a long-running shell looks whether daily work is due. */
const POLL_MS = 15 * 60_000;

export interface ScheduledStep {
  /** Starts the work if its day has come (each kind knows when it last ran). */
  run(): unknown;
  /** While this holds the step skips its turn: a scheduled check never competes with an import. */
  waitWhile?: () => boolean;
}

/**
 * The daily work of a long-running shell (fixity rotation, backups), looked for now and then. A
 * store or target that is away just skips a turn: the next poll tries again.
 */
export class DailySchedule {
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(private readonly steps: ScheduledStep[]) {}

  start(pollMs = POLL_MS): void {
    this.timer ??= setInterval(() => this.tick(), pollMs);
    this.timer.unref();
  }

  tick(): void {
    for (const step of this.steps) {
      if (step.waitWhile?.()) continue;
      try {
        step.run();
      } catch {
        // STORE_UNAVAILABLE and the like: the next poll tries again.
      }
    }
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
