import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ImportJobDto, ImportOptions, ImportProgress, ImportSummary } from '../../../shared/contract/records-dto.js';
import { AppError } from '../../../shared/errors.js';
import type { IngestSettings, TimelinessSettings } from '../../../shared/contract/dto.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { Clock } from '../base/clock.js';
import type { Db } from '../db/open.js';
import type { PushBus } from '../events/push-bus.js';
import type { CallContext } from '../base/call-context.js';
import type { EvidenceStore } from '../store/evidence-store.js';
import { catalogueRecord, type Resolvers } from './catalogue.js';
import { clearVerifiedFile, type ClearOutcome } from './clear-device.js';
import { ImportRepo } from './import-repo.js';
import { SearchIndex } from '../search/search-index.js';
import { scanSource, type ScannedFile } from './scan.js';
import { previewSource } from '../sources/sources.js';
import { CopyFailed, FilePool } from '../files/file-pool.js';
import type { Job } from '../jobs/job.js';
import { JobRunner } from '../jobs/job-runner.js';
import { refuseArchiveSource } from '../sources/archive-folders.js';

export interface ImportRules {
  ingest: IngestSettings;
  timeliness: TimelinessSettings;
}

type ImportState = 'finished' | 'cancelled';

interface RunningJob {
  source: string;
  /** The naming and deadline rules in force when the job started. */
  rules: ImportRules;
  options: ImportOptions;
  /** Files whose bytes are committed in the store (new or already there): the only ones clearing may delete. */
  verified: ScannedFile[];
  inFlight: Map<string, number>;
  completedBytes: number;
  startedAt: number;
  pool: FilePool;
  /** Records this job catalogued; handed to `onRecorded` when the job ends, so derived work never competes with the copy. */
  recorded: number[];
}


/**
 * Brings every recording from a camera drive or folder into the store exactly once: copied and
 * hashed in one pass by the workers, verified, renamed into its content address, then
 * catalogued with its audit event in one transaction. A journal of store intents makes a crash
 * at any point recoverable: see `recover`.
 */
export class ImportService {
  private readonly repo: ImportRepo;
  private readonly search: SearchIndex;
  private readonly jobs: JobRunner<ImportProgress, ImportState>;
  /** Catalogue commits run one at a time, so two copies of the same bytes can't both become records. */
  private commitChain: Promise<unknown> = Promise.resolve();
  private recovery: Promise<void> | null = null;

  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
    private readonly bus: PushBus,
    private readonly clock: Clock,
    private readonly store: () => EvidenceStore,
    private readonly rules: () => ImportRules,
    private readonly resolve: Resolvers,
    private readonly onRecorded: (recordId: number) => void = () => undefined,
  ) {
    this.repo = new ImportRepo(db);
    this.search = new SearchIndex(db, audit);
    this.jobs = new JobRunner(db, clock, bus, {
      table: 'import_jobs',
      progressEvent: (jobId, progress) => ({ type: 'import.progress', payload: { jobId, progress } }),
      finishedEvent: (jobId, state) => ({ type: 'import.finished', payload: { jobId, state } }),
      onInterrupted: (id) => this.audit.append({ actor: { id: null, name: null }, workstation: os.hostname(), action: 'import.interrupted', target: `import:${id}` }),
    });
  }

  /**
   * After a crash: removes temporary files, removes store objects whose catalogue commit never
   * happened, and marks jobs whose process is gone as interrupted. Importing the same source
   * again then finishes the work, every file exactly once.
   */
  async recover(): Promise<void> {
    const store = this.store();
    await store.cleanTemp();
    const intents = this.db.prepare('SELECT sha256, job_id FROM store_intents').all() as { sha256: string; job_id: number }[];
    for (const intent of intents) {
      const job = this.db.prepare('SELECT id, host, pid, state FROM import_jobs WHERE id = ?').get(intent.job_id) as { id: number; host: string; pid: number; state: string };
      if (job.state === 'running' && !this.jobs.abandoned(job)) continue;
      if (this.repo.recordIdBySha(intent.sha256) === null && (await store.has(intent.sha256))) {
        await store.removeOrphan(intent.sha256);
        this.audit.append({ actor: { id: null, name: null }, workstation: os.hostname(), action: 'store.orphan_removed', details: { sha256: intent.sha256, jobId: intent.job_id } });
      }
      this.db.prepare('DELETE FROM store_intents WHERE sha256 = ?').run(intent.sha256);
    }
    this.jobs.recover();
  }

  /** Recovery runs once per process, before the first import. */
  ensureRecovered(): Promise<void> {
    this.recovery ??= this.recover();
    return this.recovery;
  }

  async start(ctx: CallContext, source: string, options: ImportOptions = { clearDevice: false }): Promise<number> {
    const account = ctx.account;
    if (!account) throw new AppError('NOT_AUTHENTICATED', 'no account');
    if (!fs.existsSync(source) || !fs.statSync(source).isDirectory()) throw new AppError('SOURCE_NOT_FOUND', 'no such folder', { path: source });
    this.refuseArchive(source);
    if (options.officerId !== undefined && !this.db.prepare('SELECT 1 FROM accounts WHERE id = ? AND disabled = 0').get(options.officerId)) {
      throw new AppError('NOT_FOUND', `no active account ${options.officerId}`, { id: options.officerId });
    }
    await this.ensureRecovered();
    const { files, skipped } = scanSource(source);
    const now = this.clock.now().toISOString();
    const insertJob = () => this.db.transaction(() => {
      const id = Number(
        this.db
          .prepare("INSERT INTO import_jobs (source, started_at, started_by, workstation, host, pid, state, options) VALUES (?, ?, ?, ?, ?, ?, 'running', ?)")
          .run(source, now, account.id, ctx.workstation, os.hostname(), process.pid, JSON.stringify(options)).lastInsertRowid,
      );
      const insert = this.db.prepare("INSERT INTO import_items (job_id, seq, relative_path, size, outcome, reason) VALUES (?, ?, ?, NULL, 'skipped', ?)");
      skipped.forEach((s, i) => insert.run(id, i + 1, s.relative, s.reason));
      this.audit.append({ ...ctx.auditBase(), action: 'import.started', target: `import:${id}`, details: { source, files: files.length, skipped: skipped.length, ...options } });
      return id;
    })();
    return this.jobs.start(() => {
      const job: RunningJob = { source, rules: this.rules(), options, verified: [], inFlight: new Map(), completedBytes: 0, startedAt: Date.now(), pool: new FilePool(), recorded: [] };
      return {
        id: insertJob(),
        progress: { filesTotal: files.length, filesDone: 0, bytesTotal: files.reduce((n, f) => n + f.size, 0), bytesDone: 0, mibPerSecond: 0, etaSeconds: null },
        work: (handle) => this.run(ctx, handle, job, files, skipped.length),
        refresh: (p) => {
          p.bytesDone = job.completedBytes + [...job.inFlight.values()].reduce((a, b) => a + b, 0);
          const seconds = (Date.now() - job.startedAt) / 1000;
          p.mibPerSecond = seconds > 0 ? p.bytesDone / 1048576 / seconds : 0;
          p.etaSeconds = p.bytesDone > 0 && p.mibPerSecond > 0 ? (p.bytesTotal - p.bytesDone) / 1048576 / p.mibPerSecond : null;
        },
      };
    });
  }

  /** Whether an import is copying now: background work waits for it to end. */
  /** What a source holds before a byte of media is read, and how much of it looks archived already. */
  preview(source: string) {
    this.refuseArchive(source);
    return previewSource(this.db, source);
  }

  /** The archive's own data folder and store are never a source: importing them would catalogue the archive into itself. */
  private refuseArchive(source: string): void {
    refuseArchiveSource(source, [path.dirname(this.db.name), this.store().root]);
  }

  get busy(): boolean {
    return this.jobs.busy;
  }

  /** Resolves when the job has ended (the CLI waits on this). */
  async wait(jobId: number): Promise<ImportJobDto> {
    await this.jobs.wait(jobId);
    return this.get(jobId);
  }

  get(jobId: number): ImportJobDto {
    const job = this.repo.job(jobId);
    if (!job) throw new AppError('NOT_FOUND', `no import job ${jobId}`, { id: jobId });
    return { ...job, progress: this.jobs.progress(jobId) };
  }

  recent(): ImportJobDto[] {
    return this.repo.recentJobIds().map((id) => this.get(id));
  }

  cancel(ctx: CallContext, jobId: number): ImportJobDto {
    if (this.jobs.cancel(jobId)) {
      this.audit.append({ ...ctx.auditBase(), action: 'import.cancelled', target: `import:${jobId}` });
    }
    return this.get(jobId);
  }

  /** Cancels running jobs and waits for them to wind down, so nothing writes after the catalogue closes. */
  close(): Promise<void> {
    return this.jobs.close();
  }

  private async run(ctx: CallContext, handle: Job<ImportProgress>, job: RunningJob, files: ScannedFile[], skippedCount: number): Promise<ImportState> {
    const jobId = handle.id;
    handle.onCancel(() => job.pool.cancel());
    let seq = skippedCount;
    const counts = { imported: 0, duplicates: 0, failed: 0, skipped: skippedCount, late: 0, bytes: 0, cleared: 0, notCleared: 0 };
    const insertItem = this.db.prepare('INSERT INTO import_items (job_id, seq, relative_path, size, outcome, reason, record_id) VALUES (?, ?, ?, ?, ?, ?, ?)');
    const one = async (file: ScannedFile) => {
      const store = this.store();
      const temp = store.tempPath(file.name);
      let outcome: 'imported' | 'duplicate' | 'failed' | 'skipped';
      let reason: string | null = null;
      let recordId: number | null = null;
      try {
        const copied = await job.pool.copy(file.absolute, temp, (bytes) => {
          job.inFlight.set(file.relative, bytes);
          handle.report();
        });
        const committed = await this.serialized(() => this.commit(ctx, jobId, job, file, temp, copied));
        ({ outcome, recordId } = committed);
        job.verified.push(file);
        if (outcome === 'imported') job.recorded.push(recordId);
        if (committed.late) counts.late++;
        if (outcome === 'imported') counts.bytes += copied.size;
      } catch (err) {
        await store.discard(temp);
        outcome = err instanceof CopyFailed && err.reason === 'cancelled' ? 'skipped' : 'failed';
        reason = err instanceof CopyFailed ? err.reason : 'io_error';
      }
      job.inFlight.delete(file.relative);
      job.completedBytes += file.size;
      handle.progress.filesDone++;
      counts[outcome === 'imported' ? 'imported' : outcome === 'duplicate' ? 'duplicates' : outcome === 'failed' ? 'failed' : 'skipped']++;
      insertItem.run(jobId, ++seq, file.relative, file.size, outcome, reason, recordId);
      handle.report();
    };

    let state: ImportState = 'finished';
    try {
      await Promise.all(files.map(one));
    } finally {
      await job.pool.close();
      if (job.options.clearDevice) this.clearDevice(ctx, jobId, job, handle.cancelled, counts);
      const summary: ImportSummary = { ...counts, seconds: (Date.now() - job.startedAt) / 1000 };
      if (handle.cancelled) state = 'cancelled';
      this.db.transaction(() => {
        this.db.prepare('UPDATE import_jobs SET state = ?, finished_at = ?, summary = ? WHERE id = ?').run(state, this.clock.now().toISOString(), JSON.stringify(summary), jobId);
        this.audit.append({ ...ctx.auditBase(), action: 'import.finished', target: `import:${jobId}`, details: { state, ...summary } });
      })();
      for (const id of job.recorded) this.onRecorded(id);
    }
    return state;
  }

  /**
   * After the batch, and only if it ran to its end: deletes from the camera what is safely in the
   * store. Each deletion is written down as it happens, so a crash leaves no unrecorded deletion
   * behind but the one in flight, whose bytes are in the store all the same.
   */
  private clearDevice(ctx: CallContext, jobId: number, job: RunningJob, cancelled: boolean, counts: { cleared: number; notCleared: number }): void {
    const insert = this.db.prepare('INSERT INTO import_clearances (job_id, relative_path, cleared, reason, at) VALUES (?, ?, ?, ?, ?)');
    const outcomes: ClearOutcome[] = [];
    for (const file of job.verified) {
      const outcome: ClearOutcome = cancelled ? { relative: file.relative, cleared: false, reason: 'batch_cancelled' } : clearVerifiedFile(file);
      insert.run(jobId, outcome.relative, outcome.cleared ? 1 : 0, outcome.reason, this.clock.now().toISOString());
      outcomes.push(outcome);
    }
    counts.cleared = outcomes.filter((o) => o.cleared).length;
    counts.notCleared = outcomes.length - counts.cleared;
    this.audit.append({
      ...ctx.auditBase(),
      action: 'import.device_cleared',
      target: `import:${jobId}`,
      details: { cleared: counts.cleared, kept: outcomes.filter((o) => !o.cleared).map((o) => ({ path: o.relative, reason: o.reason })) },
    });
  }

  private serialized<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.commitChain.then(fn, fn);
    this.commitChain = next.catch(() => undefined);
    return next;
  }

  /** Duplicate → the temp copy goes; new → journal the intent, move into the store, catalogue, clear the intent. */
  private async commit(
    ctx: CallContext,
    jobId: number,
    job: RunningJob,
    file: ScannedFile,
    temp: string,
    copied: { sha256: string; sm3: string; size: number },
  ): Promise<{ outcome: 'imported' | 'duplicate'; recordId: number; late: boolean }> {
    const store = this.store();
    const existing = this.repo.recordIdBySha(copied.sha256);
    if (existing !== null) {
      await store.discard(temp);
      return { outcome: 'duplicate', recordId: existing, late: false };
    }
    this.db.prepare('INSERT OR REPLACE INTO store_intents (sha256, job_id, created_at) VALUES (?, ?, ?)').run(copied.sha256, jobId, this.clock.now().toISOString());
    if (await store.has(copied.sha256)) {
      // Left by an import that crashed before cataloguing it; our copy is verified, so it replaces it.
      await store.removeOrphan(copied.sha256);
      this.audit.append({ ...ctx.auditBase(), action: 'store.orphan_removed', details: { sha256: copied.sha256, jobId } });
    }
    await store.commit(temp, copied.sha256);
    const { id: recordId, late } = this.db.transaction(() => {
      const written = catalogueRecord(this.db, this.audit, ctx, this.resolve, { jobId, source: job.source, file, copied, rules: job.rules, options: job.options, now: this.clock.now() });
      this.search.refresh([written.id]);
      this.db.prepare('DELETE FROM store_intents WHERE sha256 = ?').run(copied.sha256);
      return written;
    })();
    return { outcome: 'imported', recordId, late };
  }
}
