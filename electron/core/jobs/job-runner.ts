import os from 'node:os';
import type { PushEvent } from '../../../shared/contract/events.js';
import { AppError, type ErrorCode } from '../../../shared/errors.js';
import type { Clock } from '../base/clock.js';
import { processAlive } from '../base/process-alive.js';
import type { Db } from '../db/open.js';
import type { PushBus } from '../events/push-bus.js';
import { Job } from './job.js';

/** The tables of long work; each has `host`, `pid`, `state` and `finished_at`, which is all the runner touches. */
export type JobTable = 'import_jobs' | 'fixity_runs' | 'backup_runs' | 'disc_jobs' | 'destruction_jobs';

export interface JobKind<P, S extends string> {
  table: JobTable;
  /** Set for work that runs one at a time: a second start fails with this code. */
  exclusive?: { code: ErrorCode; message: string };
  progressEvent(id: number, progress: P): PushEvent;
  finishedEvent(id: number, state: S): PushEvent;
  /** Said in the same transaction that marks a dead process's job interrupted (import audits it). */
  onInterrupted?(id: number): void;
}

export interface JobStart<P extends object, S extends string> {
  /** The job's row, already inserted as `running`. */
  id: number;
  progress: P;
  /** Does the work and writes the row's final state; the runner then says it is finished. */
  work(job: Job<P>): Promise<S>;
  /** While this holds, `job.pause()` waits: scheduled work yields to an import. */
  yieldWhile?: () => boolean;
  refresh?: (progress: P) => void;
}

/**
 * Runs one kind of long work (import, fixity check, backup) in the core, so it outlives the window
 * that asked for it: progress as throttled push events, cancel, wait, and after a crash the rows a
 * dead process left `running` marked interrupted.
 */
export class JobRunner<P extends object, S extends string> {
  private readonly jobs = new Map<number, { job: Job<P>; done: Promise<void> }>();
  private recovered = false;

  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly bus: PushBus,
    private readonly kind: JobKind<P, S>,
  ) {}

  /** Marks interrupted the jobs whose process is gone; a job on another host may still run, so it is left alone. */
  recover(): void {
    this.recovered = true;
    const rows = this.db.prepare(`SELECT id, host, pid FROM ${this.kind.table} WHERE state = 'running'`).all() as { id: number; host: string; pid: number }[];
    for (const row of rows.filter((r) => this.abandoned(r))) {
      this.db.transaction(() => {
        this.db.prepare(`UPDATE ${this.kind.table} SET state = 'interrupted', finished_at = ? WHERE id = ?`).run(this.clock.now().toISOString(), row.id);
        this.kind.onInterrupted?.(row.id);
      })();
    }
  }

  /** Whether a row is `running` only because its process died (this process's pid counts when the row isn't among its jobs: a reused pid). */
  abandoned(row: { id: number; host: string; pid: number }): boolean {
    if (row.host !== os.hostname()) return false;
    return row.pid === process.pid ? !this.jobs.has(row.id) : !processAlive(row.pid);
  }

  /**
   * Starts a job: `begin` validates, inserts the row and says how to work; it runs only once the
   * kind's exclusivity allows, and after the first start has recovered what a crash left behind.
   */
  start(begin: () => JobStart<P, S>): number {
    const current = this.running()[0];
    if (this.kind.exclusive && current !== undefined) throw new AppError(this.kind.exclusive.code, this.kind.exclusive.message, { runId: current });
    if (!this.recovered) this.recover();
    const { id, progress, work, yieldWhile, refresh } = begin();
    const job = new Job(id, progress, (p) => this.bus.publish(this.kind.progressEvent(id, p)), yieldWhile, refresh);
    const done = (async () => {
      let state: S;
      try {
        state = await work(job);
      } finally {
        job.report(true);
        this.jobs.delete(id);
      }
      this.bus.publish(this.kind.finishedEvent(id, state));
    })();
    this.jobs.set(id, { job, done });
    return id;
  }

  running(): number[] {
    return [...this.jobs.keys()];
  }

  get busy(): boolean {
    return this.jobs.size > 0;
  }

  /** The progress of a running job, or null once it has ended (or ran in another process). */
  progress(id: number): P | null {
    const job = this.jobs.get(id)?.job;
    return job ? { ...job.progress } : null;
  }

  /** Resolves when the job has ended; at once if it isn't running here. */
  async wait(id: number): Promise<void> {
    await this.jobs.get(id)?.done;
  }

  /** True if this call cancelled the job (it was running and not cancelled yet). */
  cancel(id: number): boolean {
    return this.jobs.get(id)?.job.cancel() ?? false;
  }

  /** Cancels every job and waits for them to wind down, so nothing writes after the catalogue closes. */
  async close(): Promise<void> {
    const all = [...this.jobs.values()];
    for (const { job } of all) job.cancel();
    await Promise.all(all.map(({ done }) => done.catch(() => undefined)));
  }
}
