import fs from 'node:fs';
import os from 'node:os';
import type { ImportJobDto, ImportProgress, ImportSummary } from '../../../shared/contract/records-dto.js';
import { AppError } from '../../../shared/errors.js';
import type { IngestSettings, TimelinessSettings } from '../../../shared/contract/dto.js';
import { deadlineFor, secondsLate, wallClockOf } from '../../../shared/rules/deadline.js';
import { hasImportantMark, parseFileName } from '../../../shared/rules/file-names.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { Clock } from '../app/clock.js';
import type { Db } from '../db/open.js';
import type { PushBus } from '../events/push-bus.js';
import type { CallContext } from '../rpc/call-context.js';
import type { EvidenceStore } from '../store/evidence-store.js';
import { ImportRepo } from './import-repo.js';
import { scanSource, type ScannedFile } from './scan.js';
import { CopyFailed, CopyPool } from './worker-pool.js';
import { processAlive } from '../app/process-alive.js';

const PROGRESS_INTERVAL_MS = 250;

export interface ImportRules {
  ingest: IngestSettings;
  timeliness: TimelinessSettings;
}

interface RunningJob {
  source: string;
  /** The naming and deadline rules in force when the job started. */
  rules: ImportRules;
  progress: ImportProgress;
  inFlight: Map<string, number>;
  completedBytes: number;
  startedAt: number;
  pool: CopyPool;
  cancelled: boolean;
  /** Records this job catalogued; handed to `onRecorded` when the job ends, so derived work never competes with the copy. */
  recorded: number[];
  done: Promise<void>;
}


/**
 * Brings every recording from a camera drive or folder into the store exactly once: copied and
 * hashed in one pass by the workers, verified, renamed into its content address, then
 * catalogued with its audit event in one transaction. A journal of store intents makes a crash
 * at any point recoverable: see `recover`.
 */
export class ImportService {
  private readonly repo: ImportRepo;
  private readonly running = new Map<number, RunningJob>();
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
    private readonly officerFor: (officerNo: string | null, deviceNo: string | null) => { id: number; source: 'file_name' | 'device_register' } | null,
    private readonly onRecorded: (recordId: number) => void = () => undefined,
  ) {
    this.repo = new ImportRepo(db);
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
      const job = this.db.prepare('SELECT host, pid, state FROM import_jobs WHERE id = ?').get(intent.job_id) as { host: string; pid: number; state: string };
      if (job.state === 'running' && (job.host !== os.hostname() || processAlive(job.pid))) continue;
      if (this.repo.recordIdBySha(intent.sha256) === null && (await store.has(intent.sha256))) {
        await store.removeOrphan(intent.sha256);
        this.audit.append({ actor: { id: null, name: null }, workstation: os.hostname(), action: 'store.orphan_removed', details: { sha256: intent.sha256, jobId: intent.job_id } });
      }
      this.db.prepare('DELETE FROM store_intents WHERE sha256 = ?').run(intent.sha256);
    }
    const jobs = this.db.prepare("SELECT id, host, pid FROM import_jobs WHERE state = 'running'").all() as { id: number; host: string; pid: number }[];
    for (const job of jobs) {
      if (job.host !== os.hostname() || processAlive(job.pid)) continue;
      this.db.transaction(() => {
        this.db.prepare("UPDATE import_jobs SET state = 'interrupted', finished_at = ? WHERE id = ?").run(this.clock.now().toISOString(), job.id);
        this.audit.append({ actor: { id: null, name: null }, workstation: os.hostname(), action: 'import.interrupted', target: `import:${job.id}` });
      })();
    }
  }

  /** Recovery runs once per process, before the first import. */
  ensureRecovered(): Promise<void> {
    this.recovery ??= this.recover();
    return this.recovery;
  }

  async start(ctx: CallContext, source: string): Promise<number> {
    const account = ctx.account;
    if (!account) throw new AppError('NOT_AUTHENTICATED', 'no account');
    if (!fs.existsSync(source) || !fs.statSync(source).isDirectory()) throw new AppError('SOURCE_NOT_FOUND', 'no such folder', { path: source });
    await this.ensureRecovered();
    const { files, skipped } = scanSource(source);
    const now = this.clock.now().toISOString();
    const jobId = this.db.transaction(() => {
      const id = Number(
        this.db
          .prepare("INSERT INTO import_jobs (source, started_at, started_by, workstation, host, pid, state) VALUES (?, ?, ?, ?, ?, ?, 'running')")
          .run(source, now, account.id, ctx.workstation, os.hostname(), process.pid).lastInsertRowid,
      );
      const insert = this.db.prepare("INSERT INTO import_items (job_id, seq, relative_path, size, outcome, reason) VALUES (?, ?, ?, NULL, 'skipped', ?)");
      skipped.forEach((s, i) => insert.run(id, i + 1, s.relative, s.reason));
      this.audit.append({ ...ctx.auditBase(), action: 'import.started', target: `import:${id}`, details: { source, files: files.length, skipped: skipped.length } });
      return id;
    })();
    const job: RunningJob = {
      source,
      rules: this.rules(),
      progress: { filesTotal: files.length, filesDone: 0, bytesTotal: files.reduce((n, f) => n + f.size, 0), bytesDone: 0, mibPerSecond: 0, etaSeconds: null },
      inFlight: new Map(),
      completedBytes: 0,
      startedAt: Date.now(),
      pool: new CopyPool(),
      cancelled: false,
      recorded: [],
      done: Promise.resolve(),
    };
    this.running.set(jobId, job);
    job.done = this.run(ctx, jobId, job, files, skipped.length);
    return jobId;
  }

  /** Resolves when the job has ended (the CLI waits on this). */
  async wait(jobId: number): Promise<ImportJobDto> {
    await this.running.get(jobId)?.done;
    return this.get(jobId);
  }

  get(jobId: number): ImportJobDto {
    const job = this.repo.job(jobId);
    if (!job) throw new AppError('NOT_FOUND', `no import job ${jobId}`, { id: jobId });
    return { ...job, progress: this.running.get(jobId)?.progress ?? null };
  }

  recent(): ImportJobDto[] {
    return this.repo.recentJobIds().map((id) => this.get(id));
  }

  cancel(ctx: CallContext, jobId: number): ImportJobDto {
    const job = this.running.get(jobId);
    if (job && !job.cancelled) {
      job.cancelled = true;
      job.pool.cancel();
      this.audit.append({ ...ctx.auditBase(), action: 'import.cancelled', target: `import:${jobId}` });
    }
    return this.get(jobId);
  }

  explainLate(ctx: CallContext, recordId: number, reason: string) {
    const account = ctx.account;
    if (!account) throw new AppError('NOT_AUTHENTICATED', 'no account');
    const record = this.repo.record(recordId);
    if (!record) throw new AppError('NOT_FOUND', `no record ${recordId}`, { id: recordId });
    this.db.transaction(() => {
      this.db.prepare('INSERT INTO late_explanations (record_id, at, by_account, reason) VALUES (?, ?, ?, ?)').run(recordId, this.clock.now().toISOString(), account.id, reason);
      this.audit.append({ ...ctx.auditBase(), action: 'record.late_explained', target: `record:${recordId}`, details: { reason, previous: record.timeliness?.explanation ?? null } });
    })();
    return this.repo.record(recordId) as NonNullable<ReturnType<ImportRepo['record']>>;
  }

  assignOfficer(ctx: CallContext, recordId: number, officerId: number, note?: string) {
    const account = ctx.account;
    if (!account) throw new AppError('NOT_AUTHENTICATED', 'no account');
    const record = this.repo.record(recordId);
    if (!record) throw new AppError('NOT_FOUND', `no record ${recordId}`, { id: recordId });
    if (!this.db.prepare('SELECT 1 FROM accounts WHERE id = ?').get(officerId)) throw new AppError('NOT_FOUND', `no account ${officerId}`, { id: officerId });
    this.db.transaction(() => {
      this.db.prepare("INSERT INTO record_officers (record_id, officer_id, source, at, by_account, note) VALUES (?, ?, 'keeper', ?, ?, ?)").run(recordId, officerId, this.clock.now().toISOString(), account.id, note ?? null);
      this.audit.append({ ...ctx.auditBase(), action: 'record.officer_assigned', target: `record:${recordId}`, details: { officerId, previous: record.officer?.id ?? null, note: note ?? null } });
    })();
    return this.repo.record(recordId) as NonNullable<ReturnType<ImportRepo['record']>>;
  }

  /** Cancels running jobs and waits for them to wind down, so nothing writes after the catalogue closes. */
  async close(): Promise<void> {
    const jobs = [...this.running.values()];
    for (const job of jobs) {
      job.cancelled = true;
      job.pool.cancel();
    }
    await Promise.all(jobs.map((j) => j.done.catch(() => undefined)));
  }

  listRecords(filter: { limit: number; beforeId?: number; importJobId?: number }) {
    return this.repo.listRecords(filter);
  }

  private async run(ctx: CallContext, jobId: number, job: RunningJob, files: ScannedFile[], skippedCount: number): Promise<void> {
    let seq = skippedCount;
    const counts = { imported: 0, duplicates: 0, failed: 0, skipped: skippedCount, late: 0, bytes: 0 };
    const insertItem = this.db.prepare('INSERT INTO import_items (job_id, seq, relative_path, size, outcome, reason, record_id) VALUES (?, ?, ?, ?, ?, ?, ?)');
    let lastPublish = 0;
    const publish = (force = false) => {
      const now = Date.now();
      if (!force && now - lastPublish < PROGRESS_INTERVAL_MS) return;
      lastPublish = now;
      const p = job.progress;
      p.bytesDone = job.completedBytes + [...job.inFlight.values()].reduce((a, b) => a + b, 0);
      const seconds = (now - job.startedAt) / 1000;
      p.mibPerSecond = seconds > 0 ? p.bytesDone / 1048576 / seconds : 0;
      p.etaSeconds = p.bytesDone > 0 && p.mibPerSecond > 0 ? (p.bytesTotal - p.bytesDone) / 1048576 / p.mibPerSecond : null;
      this.bus.publish({ type: 'import.progress', payload: { jobId, progress: { ...p } } });
    };

    const one = async (file: ScannedFile) => {
      const store = this.store();
      const temp = store.tempPath(file.name);
      let outcome: 'imported' | 'duplicate' | 'failed' | 'skipped';
      let reason: string | null = null;
      let recordId: number | null = null;
      try {
        const copied = await job.pool.copy(file.absolute, temp, (bytes) => {
          job.inFlight.set(file.relative, bytes);
          publish();
        });
        const committed = await this.serialized(() => this.commit(ctx, jobId, job, file, temp, copied));
        ({ outcome, recordId } = committed);
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
      job.progress.filesDone++;
      counts[outcome === 'imported' ? 'imported' : outcome === 'duplicate' ? 'duplicates' : outcome === 'failed' ? 'failed' : 'skipped']++;
      insertItem.run(jobId, ++seq, file.relative, file.size, outcome, reason, recordId);
      publish();
    };

    try {
      await Promise.all(files.map(one));
    } finally {
      await job.pool.close();
      const summary: ImportSummary = { ...counts, seconds: (Date.now() - job.startedAt) / 1000 };
      const state = job.cancelled ? 'cancelled' : 'finished';
      this.db.transaction(() => {
        this.db.prepare('UPDATE import_jobs SET state = ?, finished_at = ?, summary = ? WHERE id = ?').run(state, this.clock.now().toISOString(), JSON.stringify(summary), jobId);
        this.audit.append({ ...ctx.auditBase(), action: 'import.finished', target: `import:${jobId}`, details: { state, ...summary } });
      })();
      publish(true);
      this.running.delete(jobId);
      this.bus.publish({ type: 'import.finished', payload: { jobId, state } });
      for (const id of job.recorded) this.onRecorded(id);
    }
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
    const account = ctx.account;
    if (!account) throw new AppError('NOT_AUTHENTICATED', 'no account');
    let late = false;
    const recordId = this.db.transaction(() => {
      const id = Number(
        this.db
          .prepare(
            `INSERT INTO records (sha256, sm3, size, media_type, original_name, original_path, source, file_mtime, imported_at, imported_by, import_job_id)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(copied.sha256, copied.sm3, copied.size, file.mediaType, file.name, file.relative, job.source, file.mtime, this.clock.now().toISOString(), account.id, jobId).lastInsertRowid,
      );
      const name = parseFileName(file.name, job.rules.ingest.namePatterns);
      this.db
        .prepare('INSERT INTO record_attribution (record_id, name_pattern, device_no, officer_no, recorded_at, sequence, important) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(id, name?.patternId ?? null, name?.device ?? null, name?.officer ?? null, name?.recordedAt ?? null, name?.sequence ?? null, hasImportantMark(file.relative, job.rules.ingest.importantMarks) ? 1 : 0);
      const officer = this.officerFor(name?.officer ?? null, name?.device ?? null);
      if (officer) {
        this.db.prepare('INSERT INTO record_officers (record_id, officer_id, source, at) VALUES (?, ?, ?, ?)').run(id, officer.id, officer.source, this.clock.now().toISOString());
      }
      const { rule, calendar, timeZone } = job.rules.timeliness;
      const recordedAt = name?.recordedAt ?? wallClockOf(new Date(file.mtime), timeZone);
      const deadline = deadlineFor(recordedAt, rule, calendar);
      const arrived = wallClockOf(this.clock.now(), timeZone);
      late = secondsLate(arrived, deadline) > 0;
      this.db
        .prepare('INSERT INTO record_timeliness (record_id, basis, recorded_at, deadline_at, arrived_at, seconds_late, rule) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(id, name?.recordedAt ? 'file_name' : 'file_mtime', recordedAt, deadline, arrived, secondsLate(arrived, deadline), JSON.stringify(rule));
      this.audit.append({
        ...ctx.auditBase(),
        action: 'record.imported',
        target: `record:${id}`,
        details: { sha256: copied.sha256, sm3: copied.sm3, size: copied.size, name: file.name, path: file.relative, jobId },
      });
      this.db.prepare('DELETE FROM store_intents WHERE sha256 = ?').run(copied.sha256);
      return id;
    })();
    return { outcome: 'imported', recordId, late };
  }
}
