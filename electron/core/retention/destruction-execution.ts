import os from 'node:os';
import type { DestructionJobDto, DestructionListDetailDto, DestructionListDto } from '../../../shared/contract/destruction-dto.js';
import { AppError, errorShape, type AppErrorShape } from '../../../shared/errors.js';
import { officeDay } from '../../../shared/rules/retention.js';
import type { AuditActor, AuditLog } from '../audit/audit-log.js';
import { SYSTEM_ACTOR, type CallContext } from '../base/call-context.js';
import type { Clock } from '../base/clock.js';
import type { Db } from '../db/open.js';
import type { PushBus } from '../events/push-bus.js';
import type { Job } from '../jobs/job.js';
import { JobRunner } from '../jobs/job-runner.js';
import type { SettingsService } from '../settings/settings-service.js';
import type { EvidenceStore } from '../store/evidence-store.js';
import { destroyable } from './destruction-checks.js';
import { SELECT_LISTS, type ListRow } from './destruction-rows.js';
import { markCopyRemoved, removeBackupCopy, removeDerived } from './disposition-steps.js';
import { DISPOSITION_STAGE, beginDisposition, completeDisposition, listProgress, pendingTargets, storeRemoved } from '../record-state/disposition.js';

type Progress = { done: number; total: number };
type State = 'finished' | 'failed';

interface Item {
  record_id: number;
  sha256: string;
  disposed: 0 | 1 | null;
}

interface By {
  actor: AuditActor;
  workstation: string;
  accountId: number | null;
}

/** A test's stand-in for the process dying between two items: nothing more is written, as when killed. */
class Killed extends Error {
  constructor(readonly original: unknown) {
    super('killed');
  }
}

/**
 * Executes an approved destruction list (REQUIREMENTS §4), as a job on the job runner. Before
 * the run and again before each record: the list is approved and not executed, the clock is not
 * behind the audit log, and the record has expired and nothing holds it. A record that fails stops
 * the whole run (it is not skipped): the leader approved this list, and only this list, so a
 * partly executed list would be a different decision; the keeper deals with the hold, and runs
 * the list again. Each record is destroyed in steps that can be repeated (disposition started →
 * derived copies → original → backup copies → disposition completed), so a run killed anywhere is
 * finished by running the list again; records completed are not touched twice.
 */
export class DestructionExecution {
  private readonly jobs: JobRunner<Progress, State>;
  /** For tests: called after each record is completed; a throw there acts like the process being killed. */
  readonly hooks: { afterItem?: (recordId: number) => void } = {};

  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly store: () => EvidenceStore,
    private readonly settings: SettingsService,
    bus: PushBus,
  ) {
    this.jobs = new JobRunner(db, clock, bus, {
      table: 'destruction_jobs',
      exclusive: { code: 'DESTRUCTION_RUNNING', message: 'a destruction list is being executed' },
      progressEvent: (jobId, progress) => ({ type: 'destruction.progress', payload: { jobId, progress } }),
      finishedEvent: (jobId, state) => ({ type: 'destruction.finished', payload: { jobId, state } }),
    });
  }

  recover(): void {
    this.jobs.recover();
  }

  close(): Promise<void> {
    return this.jobs.close();
  }

  /** Starts executing list `id`, or refuses with why (audited as `destruction.refused`, step `execute`). */
  execute(ctx: CallContext, id: number): number {
    return this.start(id, { ...ctx.auditBase(), accountId: ctx.account?.id ?? null });
  }

  /**
   * At start, finishes the runs a dead process left interrupted (REQUIREMENTS §4: killed midway,
   * the run resumes and ends consistent) rather than leaving a list half carried out until someone
   * notices: each list still approved whose last run was interrupted is run again, one after
   * another, by the system on behalf of whoever started it. Every record is checked again as
   * always, so a hold placed meanwhile or a clock set back refuses the resumed run; the refusal is
   * audited and kept on the interrupted run, which is then not tried again at every start: the
   * keeper sees why and runs the list once it is cleared. Called after `recover()` at start.
   */
  async resumeInterrupted(): Promise<void> {
    const rows = this.db
      .prepare(
        `SELECT j.id, j.list_id, j.started_by, l.number FROM destruction_jobs j JOIN destruction_lists l ON l.id = j.list_id
         WHERE l.state = 'approved' AND j.state = 'interrupted' AND j.problem IS NULL AND j.id = (SELECT max(id) FROM destruction_jobs WHERE list_id = j.list_id) ORDER BY j.id`,
      )
      .all() as { id: number; list_id: number; started_by: number | null; number: string }[];
    for (const row of rows) {
      if (!this.db.open) return;
      const by: By = { actor: SYSTEM_ACTOR, workstation: os.hostname(), accountId: row.started_by };
      let jobId: number;
      try {
        jobId = this.start(row.list_id, by, () =>
          this.audit.append({ actor: by.actor, workstation: by.workstation, action: 'destruction.resumed', target: `destruction:${row.list_id}`, details: { number: row.number, interruptedJob: row.id } }),
        );
      } catch (e) {
        const problem = errorShape(e);
        this.db.prepare('UPDATE destruction_jobs SET problem = ? WHERE id = ?').run(JSON.stringify(problem), row.id);
        continue;
      }
      // A failed run has written its own state and refusal; the next list may still be finished.
      await this.jobs.wait(jobId).catch(() => undefined);
    }
  }

  private start(id: number, by: By, started?: () => void): number {
    try {
      return this.jobs.start(() => {
        const list = this.check(id);
        const items = this.items(id);
        const jobId = Number(
          this.db
            .prepare("INSERT INTO destruction_jobs (list_id, started_at, started_by, workstation, host, pid, state) VALUES (?, ?, ?, ?, ?, ?, 'running')")
            .run(id, this.clock.now().toISOString(), by.accountId, by.workstation, os.hostname(), process.pid).lastInsertRowid,
        );
        started?.();
        return { id: jobId, progress: { done: items.filter((i) => i.disposed === 1).length, total: items.length }, work: (job) => this.run(job, list, by) };
      });
    } catch (e) {
      if (e instanceof AppError) this.refused(by, id, e);
      throw e;
    }
  }

  job(jobId: number): DestructionJobDto {
    const row = this.db
      .prepare('SELECT j.*, l.number FROM destruction_jobs j JOIN destruction_lists l ON l.id = j.list_id WHERE j.id = ?')
      .get(jobId) as { id: number; list_id: number; number: string; state: DestructionJobDto['state']; started_at: string; finished_at: string | null; problem: string | null } | undefined;
    if (!row) throw new AppError('NOT_FOUND', `no destruction job ${jobId}`, { id: jobId });
    const counts = listProgress(this.db, row.list_id);
    return {
      id: row.id,
      listId: row.list_id,
      listNumber: row.number,
      state: row.state,
      startedAt: row.started_at,
      finishedAt: row.finished_at,
      progress: this.jobs.progress(jobId),
      problem: row.problem ? (JSON.parse(row.problem) as AppErrorShape) : null,
      destroyed: counts.destroyed,
      pendingCopies: counts.pending,
    };
  }

  /** The list with its newest run, if it has been run: a run that stopped shows how far it got and why. */
  withLastRun(list: DestructionListDto): DestructionListDetailDto {
    const last = this.db.prepare('SELECT max(id) AS id FROM destruction_jobs WHERE list_id = ?').get(list.id) as { id: number | null };
    return { ...list, lastRun: last.id === null ? null : this.job(last.id) };
  }

  async wait(jobId: number): Promise<DestructionJobDto> {
    await this.jobs.wait(jobId);
    return this.job(jobId);
  }

  /** Whether the list may be executed now: approved, not executed, the clock sane, and every record not yet destroyed still destroyable. */
  private check(id: number): ListRow {
    const list = this.db.prepare(`${SELECT_LISTS} WHERE l.id = ?`).get(id) as ListRow | undefined;
    if (!list) throw new AppError('NOT_FOUND', `no destruction list ${id}`, { id });
    if (list.state === 'executed') throw new AppError('LIST_EXECUTED', 'executed already', { number: list.number, executedAt: list.executed_at ?? '' });
    if (list.state !== 'approved') throw new AppError('LIST_NOT_APPROVED', 'not approved', { number: list.number, state: list.state });
    // The schema forbids it too; checked here so no path around the rule is left open.
    if (list.decided_by === null || list.decided_by === list.proposed_by) throw new AppError('OWN_LIST', 'nobody approves their own list', { number: list.number });
    this.clockSane();
    const fresh = this.items(id).filter((i) => i.disposed === null).map((i) => i.record_id);
    if (fresh.length > 0) destroyable(this.db, fresh, this.today(), this.clock.now().toISOString(), id);
    return list;
  }

  /**
   * Expiry is judged by the clock, so a clock set back (now earlier than the newest audit event)
   * can't be trusted with it: execution stops until someone fixes the clock.
   */
  private clockSane(): void {
    const newest = this.db.prepare('SELECT at FROM audit_events ORDER BY seq DESC LIMIT 1').get() as { at: string } | undefined;
    if (newest && this.clock.now().toISOString() < newest.at) throw new AppError('CLOCK_BACKWARDS', 'the clock is behind the audit log', { newest: newest.at, now: this.clock.now().toISOString() });
  }

  private items(listId: number): Item[] {
    return this.db
      .prepare(`SELECT i.record_id, r.sha256, ${DISPOSITION_STAGE('i.record_id')} AS disposed FROM destruction_items i JOIN records r ON r.id = i.record_id WHERE i.list_id = ? ORDER BY i.id`)
      .all(listId) as Item[];
  }

  private today(): string {
    return officeDay(this.clock.now(), this.settings.timeliness().timeZone);
  }

  private async run(job: Job<Progress>, list: ListRow, by: By): Promise<State> {
    let problem: AppErrorShape | null = null;
    try {
      const store = this.store();
      for (const item of this.items(list.id)) {
        if (item.disposed === 1) continue;
        await this.destroyOne(job.id, list, item, store, by);
        job.progress.done++;
        job.report();
        try {
          this.hooks.afterItem?.(item.record_id);
        } catch (e) {
          throw new Killed(e);
        }
      }
      this.db.transaction(() => {
        this.db.prepare("UPDATE destruction_lists SET state = 'executed', executed_at = ? WHERE id = ?").run(this.clock.now().toISOString(), list.id);
        this.finish(job.id, 'finished', null);
        const done = this.job(job.id);
        this.audit.append({ actor: by.actor, workstation: by.workstation, action: 'destruction.executed', target: `destruction:${list.id}`, details: { number: list.number, jobId: job.id, count: done.destroyed, pending: done.pendingCopies } });
      })();
      return 'finished';
    } catch (e) {
      if (e instanceof Killed) throw e.original;
      problem = errorShape(e);
      this.db.transaction(() => {
        this.finish(job.id, 'failed', problem);
        this.refused(by, list.id, e instanceof AppError ? e : new AppError('INTERNAL', problem?.message ?? ''));
      })();
      return 'failed';
    }
  }

  /** One record, in steps that may each be repeated after a crash. */
  private async destroyOne(jobId: number, list: ListRow, item: Item, store: EvidenceStore, by: By): Promise<void> {
    const now = () => this.clock.now().toISOString();
    // A record not begun is checked again now (a hold may have started during the run); one begun is finished whatever happens.
    if (item.disposed === null) {
      this.db.transaction(() => {
        this.clockSane();
        destroyable(this.db, [item.record_id], this.today(), now(), list.id);
        this.begin(jobId, list, item.record_id, by, now());
      })();
    }
    removeDerived(this.db, store.root, item.record_id, now());
    await store.destroy(item.sha256);
    const removedAt = now();
    storeRemoved(this.db, item.record_id, removedAt);
    for (const t of pendingTargets(this.db, item.record_id)) {
      if (removeBackupCopy(t, item.sha256)) markCopyRemoved(this.db, item.record_id, item.sha256, t.id, now(), `destruction:${jobId}`);
    }
    this.db.transaction(() => {
      const pending = completeDisposition(this.db, item.record_id, now());
      this.audit.append({ actor: by.actor, workstation: by.workstation, action: 'record.destroyed', target: `record:${item.record_id}`, details: { number: list.number, listId: list.id, jobId, sha256: item.sha256, pendingCopies: pending } });
    })();
  }

  /** The permanent disposition record, written before anything is removed, with who approved it. */
  private begin(jobId: number, list: ListRow, recordId: number, by: By, at: string): void {
    const approvers = {
      proposedBy: list.proposed_by_name,
      decidedBy: list.decided_by_name,
      decidedAt: list.decided_at,
      source: list.decision_source,
      recordedBy: list.recorded_by_name,
      witness: list.witness_name,
      paperScanSha256: list.paper_scan,
      chainHead: { seq: list.head_seq, hash: list.head_hash },
    };
    beginDisposition(this.db, { recordId, listId: list.id, jobId, approvers, by: by.accountId, at });
  }

  private finish(jobId: number, state: State, problem: AppErrorShape | null): void {
    this.db.prepare('UPDATE destruction_jobs SET state = ?, finished_at = ?, problem = ? WHERE id = ?').run(state, this.clock.now().toISOString(), problem ? JSON.stringify(problem) : null, jobId);
  }

  private refused(by: By, listId: number, e: AppError): void {
    if (by.accountId === null) return;
    this.audit.append({ actor: by.actor, workstation: by.workstation, action: 'destruction.refused', target: `destruction:${listId}`, details: { step: 'execute', code: e.code, ...(e.details ?? {}) } });
  }
}
