import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { BackupRunDto, BackupSummary, BackupTargetDto } from '../../../shared/contract/integrity-dto.js';
import { AppError } from '../../../shared/errors.js';
import { isAbsolutePath } from '../../../shared/rules/paths.js';
import type { AuditActor, AuditLog } from '../audit/audit-log.js';
import type { Clock } from '../base/clock.js';
import { ensureWritableDir } from '../datadir/probe.js';
import type { Db } from '../db/open.js';
import type { PushBus } from '../events/push-bus.js';
import { sha256OfFile } from '../media/derived-files.js';
import { CopyFailed, FilePool } from '../files/file-pool.js';
import type { CallContext } from '../base/call-context.js';
import type { SettingsService } from '../settings/settings-service.js';
import type { EvidenceStore } from '../store/evidence-store.js';
import type { Job } from '../jobs/job.js';
import { JobRunner } from '../jobs/job-runner.js';
import { BackupLayout } from './backup-layout.js';
import { DESTROYED, refuseDestroyed } from '../record-state/disposition.js';
import { finishDestroyedCopies } from './destroyed-copies.js';

type BackupProgress = NonNullable<BackupRunDto['progress']>;
type BackupState = 'finished' | 'failed';

interface RunningBackup {
  job: Job<BackupProgress>;
  targetId: number;
  pool: FilePool;
}

interface RunRow {
  id: number;
  target_id: number;
  trigger: BackupRunDto['trigger'];
  started_at: string;
  finished_at: string | null;
  state: BackupRunDto['state'];
  summary: string | null;
  problem: string | null;
}

/** Records not destroyed, over `records r`: the ones whose originals a backup holds. */
const KEPT = `NOT ${DESTROYED('r.id')}`;

/** Thrown inside a run when the target can't take more: the run stops with this as its problem. */
class TargetProblem extends Error {
  constructor(readonly code: string) {
    super(code);
  }
}

function targetCode(err: unknown): string {
  if (err instanceof CopyFailed) return err.reason === 'store_full' ? 'target_full' : err.reason === 'store_readonly' ? 'target_readonly' : 'target_unavailable';
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOSPC' || code === 'EDQUOT') return 'target_full';
  if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM') return 'target_readonly';
  return 'target_unavailable';
}

export interface BackupStarter {
  actor: AuditActor;
  workstation: string;
  accountId: number | null;
}

/**
 * Copies originals to each backup target, verified there by hash before they count, then a
 * consistent snapshot of the catalogue (SQLite's online backup, never a raw copy of the live
 * file) with the audit log in it, and last a manifest naming that snapshot. A run that fails —
 * target missing, full, read-only, unplugged, or the process killed — leaves the target as it
 * was plus verified objects; the next run completes the work.
 */
export class BackupService {
  private readonly jobs: JobRunner<BackupProgress, BackupState>;

  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly store: () => EvidenceStore,
    private readonly settings: SettingsService,
    private readonly dataDir: string,
    bus: PushBus,
  ) {
    this.jobs = new JobRunner(db, clock, bus, {
      table: 'backup_runs',
      exclusive: { code: 'BACKUP_RUNNING', message: 'a backup is running' },
      progressEvent: (runId, progress) => ({ type: 'backup.progress', payload: { runId, progress } }),
      finishedEvent: (runId, state) => ({ type: 'backup.finished', payload: { runId, state } }),
    });
  }

  recover(): void {
    this.jobs.recover();
  }

  targets(): BackupTargetDto[] {
    const rows = this.db.prepare('SELECT id, path, label, retired FROM backup_targets ORDER BY id').all() as { id: number; path: string; label: string; retired: 0 | 1 }[];
    return rows.map((r) => this.describe(r));
  }

  addTarget(ctx: CallContext, input: { path: string; label: string }): BackupTargetDto {
    const account = ctx.account;
    if (!account) throw new AppError('NOT_AUTHENTICATED', 'no account');
    const target = path.resolve(input.path);
    if (!isAbsolutePath(input.path)) throw new AppError('BACKUP_TARGET_RELATIVE', 'not a full path', { path: input.path });
    const inside = (a: string, b: string) => a === b || a.startsWith(`${b}${path.sep}`) || b.startsWith(`${a}${path.sep}`);
    if (inside(target, path.resolve(this.dataDir)) || inside(target, path.resolve(this.settings.storeDir(this.dataDir)))) {
      throw new AppError('BACKUP_TARGET_IN_ARCHIVE', 'inside or around the archive itself: not off-site', { path: input.path });
    }
    if (this.db.prepare('SELECT 1 FROM backup_targets WHERE path = ?').get(target)) throw new AppError('BACKUP_TARGET_TAKEN', 'already a backup target', { path: input.path });
    ensureWritableDir(target);
    const id = this.db.transaction(() => {
      const newId = Number(
        this.db.prepare('INSERT INTO backup_targets (path, label, created_at, created_by) VALUES (?, ?, ?, ?)').run(target, input.label, this.clock.now().toISOString(), account.id).lastInsertRowid,
      );
      this.audit.append({ ...ctx.auditBase(), action: 'backup.target_added', target: `backup:${newId}`, details: { path: target, label: input.label } });
      return newId;
    })();
    return this.target(id);
  }

  retireTarget(ctx: CallContext, id: number): BackupTargetDto {
    this.target(id);
    this.db.transaction(() => {
      this.db.prepare('UPDATE backup_targets SET retired = 1 WHERE id = ?').run(id);
      this.audit.append({ ...ctx.auditBase(), action: 'backup.target_retired', target: `backup:${id}` });
    })();
    return this.target(id);
  }

  start(by: BackupStarter, trigger: BackupRunDto['trigger'], targetId: number): number {
    return this.jobs.start(() => {
      const target = this.target(targetId);
      if (target.retired) throw new AppError('NOT_FOUND', `backup target ${targetId} is retired`, { id: targetId });
      const id = Number(
        this.db
          .prepare("INSERT INTO backup_runs (target_id, trigger, started_at, started_by, host, pid, state) VALUES (?, ?, ?, ?, ?, ?, 'running')")
          .run(targetId, trigger, this.clock.now().toISOString(), by.accountId, os.hostname(), process.pid).lastInsertRowid,
      );
      return { id, progress: { done: 0, total: 0 }, work: (job) => this.run({ job, targetId, pool: new FilePool() }, target.path, by) };
    });
  }

  async wait(runId: number): Promise<BackupRunDto> {
    await this.jobs.wait(runId);
    return this.getRun(runId);
  }

  /** The daily backup: each reachable target whose last good run is a day old, one at a time. */
  runDue(): number | null {
    if (this.jobs.busy) return null;
    for (const t of this.targets()) {
      if (t.retired || !t.reachable) continue;
      if (t.lastSuccessAt && this.clock.now().getTime() - Date.parse(t.lastSuccessAt) < 23 * 3_600_000) continue;
      return this.start({ actor: { id: null, name: null }, workstation: os.hostname(), accountId: null }, 'schedule', t.id);
    }
    return null;
  }

  close(): Promise<void> {
    return this.jobs.close();
  }

  /**
   * Puts a verified backup copy of an original back into the store, replacing a damaged or
   * missing one: the copy must hash to the catalogued value on the way in.
   */
  async restoreOriginal(ctx: CallContext, recordId: number): Promise<{ targetId: number }> {
    const record = this.db.prepare('SELECT sha256 FROM records WHERE id = ?').get(recordId) as { sha256: string } | undefined;
    if (!record) throw new AppError('NOT_FOUND', `no record ${recordId}`, { id: recordId });
    // A destroyed original never comes back, even from a backup copy still waiting to be removed.
    refuseDestroyed(this.db, [recordId]);
    const store = this.store();
    const pool = new FilePool(1);
    try {
      for (const t of this.targets()) {
        const source = new BackupLayout(t.path).objectPath(record.sha256);
        if (!fs.existsSync(source)) continue;
        const temp = store.tempPath('restore');
        try {
          const copied = await pool.copy(source, temp, () => undefined);
          if (copied.sha256 !== record.sha256) {
            await store.discard(temp);
            continue;
          }
        } catch {
          await store.discard(temp);
          continue;
        }
        await store.replace(temp, record.sha256);
        this.audit.append({ ...ctx.auditBase(), action: 'integrity.original_restored', target: `record:${recordId}`, details: { sha256: record.sha256, from: t.path } });
        return { targetId: t.id };
      }
    } finally {
      await pool.close();
    }
    throw new AppError('NO_BACKUP_COPY', 'no verified backup copy', { id: recordId });
  }

  getRun(id: number): BackupRunDto {
    const row = this.db.prepare('SELECT * FROM backup_runs WHERE id = ?').get(id) as RunRow | undefined;
    if (!row) throw new AppError('NOT_FOUND', `no backup run ${id}`, { id });
    return {
      id: row.id,
      targetId: row.target_id,
      trigger: row.trigger,
      startedAt: row.started_at,
      finishedAt: row.finished_at,
      state: row.state,
      summary: row.summary ? (JSON.parse(row.summary) as BackupSummary) : null,
      problem: row.problem,
      progress: this.jobs.progress(id),
    };
  }

  private target(id: number): BackupTargetDto {
    const row = this.db.prepare('SELECT id, path, label, retired FROM backup_targets WHERE id = ?').get(id) as { id: number; path: string; label: string; retired: 0 | 1 } | undefined;
    if (!row) throw new AppError('NOT_FOUND', `no backup target ${id}`, { id });
    return this.describe(row);
  }

  private describe(r: { id: number; path: string; label: string; retired: 0 | 1 }): BackupTargetDto {
    const lastId = (this.db.prepare('SELECT max(id) AS id FROM backup_runs WHERE target_id = ?').get(r.id) as { id: number | null }).id;
    const lastOk = this.db.prepare("SELECT max(finished_at) AS at FROM backup_runs WHERE target_id = ? AND state = 'finished'").get(r.id) as { at: string | null };
    const held = this.db.prepare(`SELECT count(*) AS n, coalesce(sum(r.size), 0) AS bytes FROM backup_copies c JOIN records r ON r.sha256 = c.sha256 WHERE c.target_id = ? AND ${KEPT}`).get(r.id) as { n: number; bytes: number };
    const all = this.db.prepare(`SELECT count(*) AS n, coalesce(sum(r.size), 0) AS bytes FROM records r WHERE ${KEPT}`).get() as { n: number; bytes: number };
    return {
      id: r.id,
      path: r.path,
      label: r.label,
      retired: r.retired === 1,
      reachable: fs.existsSync(r.path),
      lastRun: lastId ? this.getRun(lastId) : null,
      lastSuccessAt: lastOk.at,
      held: held.n,
      heldBytes: held.bytes,
      pending: all.n - held.n,
      pendingBytes: all.bytes - held.bytes,
    };
  }

  private async run(run: RunningBackup, targetPath: string, by: BackupStarter): Promise<BackupState> {
    run.job.onCancel(() => run.pool.cancel());
    const started = Date.now();
    const summary: BackupSummary = { copied: 0, bytes: 0, alreadyThere: 0, recopied: 0, skippedDamaged: 0, snapshot: null, seconds: 0 };
    let problem: string | null = null;
    let state: BackupState = 'failed';
    let destroyedRemoved = 0;
    try {
      let layout: BackupLayout;
      try {
        ensureWritableDir(targetPath);
        layout = new BackupLayout(targetPath);
        layout.prepare();
      } catch (err) {
        throw new TargetProblem(err instanceof AppError && err.code === 'DATA_DIR_READONLY' ? 'target_readonly' : targetCode(err));
      }
      destroyedRemoved = finishDestroyedCopies(this.db, this.clock, run.targetId, layout, run.job.id);
      await this.copyObjects(run, layout, summary);
      if (!run.job.cancelled) summary.snapshot = await this.snapshot(layout);
    } catch (err) {
      problem = err instanceof TargetProblem ? err.code : err instanceof AppError ? err.code : 'target_unavailable';
    } finally {
      await run.pool.close();
      summary.seconds = (Date.now() - started) / 1000;
      state = problem || run.job.cancelled ? 'failed' : 'finished';
      this.db.transaction(() => {
        this.db.prepare('UPDATE backup_runs SET state = ?, finished_at = ?, summary = ?, problem = ? WHERE id = ?').run(state, this.clock.now().toISOString(), JSON.stringify(summary), problem ?? (run.job.cancelled ? 'cancelled' : null), run.job.id);
        this.audit.append({
          actor: by.actor,
          workstation: by.workstation,
          action: state === 'finished' ? 'backup.finished' : 'backup.failed',
          target: `backup:${run.targetId}`,
          details: { runId: run.job.id, path: targetPath, problem, ...summary, destroyedRemoved },
        });
      })();
    }
    return state;
  }

  /** Every original the target doesn't verifiably hold is copied there, read back, and only then counted. */
  private async copyObjects(run: RunningBackup, layout: BackupLayout, summary: BackupSummary): Promise<void> {
    const store = this.store();
    // A destroyed record's original is gone from the store on purpose: nothing to copy, nothing missing.
    const records = this.db.prepare(`SELECT r.sha256, r.size FROM records r WHERE ${KEPT} ORDER BY r.id`).all() as { sha256: string; size: number }[];
    const claimed = new Set((this.db.prepare('SELECT sha256 FROM backup_copies WHERE target_id = ?').all(run.targetId) as { sha256: string }[]).map((r) => r.sha256));
    const remember = this.db.prepare('INSERT OR REPLACE INTO backup_copies (target_id, sha256, copied_at, run_id) VALUES (?, ?, ?, ?)');
    const forget = this.db.prepare('DELETE FROM backup_copies WHERE target_id = ? AND sha256 = ?');
    run.job.progress.total = records.length;
    for (const r of records) {
      if (run.job.cancelled) return;
      const there = layout.objectPath(r.sha256);
      const present = fs.statSync(there, { throwIfNoEntry: false });
      if (present && present.size === r.size && claimed.has(r.sha256)) {
        summary.alreadyThere++;
      } else {
        if (claimed.has(r.sha256)) {
          // The catalogue said the target held it, the target says otherwise: the target wins.
          forget.run(run.targetId, r.sha256);
          summary.recopied++;
        }
        if (present) fs.rmSync(there, { force: true });
        const temp = layout.tempPath(r.sha256.slice(0, 12));
        let copied: { sha256: string };
        try {
          copied = await run.pool.copy(store.localPath(r.sha256), temp, () => undefined);
        } catch (err) {
          fs.rmSync(temp, { force: true });
          if (err instanceof CopyFailed && err.reason === 'cancelled') return;
          if (err instanceof CopyFailed && err.reason.startsWith('source_')) {
            summary.skippedDamaged++;
            continue;
          }
          throw new TargetProblem(targetCode(err));
        }
        if (copied.sha256 !== r.sha256) {
          // The store's own copy no longer hashes right: backing it up would spread the damage.
          fs.rmSync(temp, { force: true });
          summary.skippedDamaged++;
          continue;
        }
        try {
          fs.mkdirSync(path.dirname(there), { recursive: true });
          fs.chmodSync(temp, 0o444);
          fs.renameSync(temp, there);
        } catch (err) {
          fs.rmSync(temp, { force: true });
          throw new TargetProblem(targetCode(err));
        }
        remember.run(run.targetId, r.sha256, this.clock.now().toISOString(), run.job.id);
        summary.copied++;
        summary.bytes += r.size;
      }
      run.job.progress.done++;
      run.job.report();
    }
  }

  /** A consistent snapshot of the catalogue, hashed, then the manifest that names it. */
  private async snapshot(layout: BackupLayout): Promise<string> {
    const name = `records-${this.clock.now().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}-${process.pid}.db`;
    const temp = layout.tempPath('snapshot');
    try {
      await this.db.backup(temp);
      // One self-contained file: the copy leaves WAL mode, so no -wal/-shm files travel beside it.
      const snap = new Database(temp);
      snap.pragma('journal_mode = DELETE');
      const shas = (snap.prepare(`SELECT r.sha256 FROM records r WHERE ${KEPT}`).all() as { sha256: string }[]).map((r) => r.sha256);
      const head = snap.prepare('SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string };
      snap.close();
      // The manifest says how many of the snapshot's originals the target really holds (one imported mid-run may not be there yet).
      const objects = shas.filter((sha) => fs.existsSync(layout.objectPath(sha))).length;
      const sha = await sha256OfFile(temp);
      fs.renameSync(temp, layout.snapshotPath(name));
      const office = this.settings.requireOffice();
      layout.writeManifest({ format: 1, office, snapshot: name, snapshotSha256: sha, takenAt: this.clock.now().toISOString(), records: shas.length, objects, auditHead: head });
      return name;
    } catch (err) {
      fs.rmSync(temp, { force: true });
      throw new TargetProblem(targetCode(err));
    }
  }
}
