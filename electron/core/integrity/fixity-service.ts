import os from 'node:os';
import type { FixityRunDetailDto, FixityRunDto, FixityScope, FixitySummary, IntegrityStatusDto } from '../../../shared/contract/integrity-dto.js';
import { AppError } from '../../../shared/errors.js';
import type { AuditActor, AuditLog } from '../audit/audit-log.js';
import type { Clock } from '../base/clock.js';
import type { Db } from '../db/open.js';
import type { PushBus } from '../events/push-bus.js';
import { CopyFailed, FilePool } from '../files/file-pool.js';
import type { Job } from '../jobs/job.js';
import { JobRunner } from '../jobs/job-runner.js';
import type { EvidenceStore } from '../store/evidence-store.js';
import { SYSTEM_ACTOR } from '../base/call-context.js';
import type { Alarms } from '../record-state/alarms.js';
import { SearchIndex } from '../search/search-index.js';
import { DESTROYED } from '../record-state/disposition.js';

interface Target {
  id: number;
  sha256: string;
  size: number;
}

type CheckProgress = NonNullable<FixityRunDto['progress']>;
type CheckState = 'finished' | 'cancelled';

export interface CheckStarter {
  actor: AuditActor;
  workstation: string;
}

interface RunRow {
  id: number;
  trigger: FixityRunDto['trigger'];
  scope: string;
  started_at: string;
  finished_at: string | null;
  started_by_name: string | null;
  state: FixityRunDto['state'];
  summary: string | null;
}

type Outcome = 'ok' | 'mismatch' | 'missing' | 'unreadable';

/** Records not destroyed, over `records r`: the originals the store must still hold. */
const KEPT = `NOT ${DESTROYED('r.id')}`;

/**
 * Re-hashes originals against the catalogue, one event per object (PREMIS: fixity check), finds
 * files in the store nobody catalogued, and verifies the audit chain. Anything wrong raises an
 * alarm; an original found intact again (after a restore) ends its alarm. One check at a time;
 * a scheduled one waits while an import runs, so it never starves it.
 */
export class FixityService {
  private readonly jobs: JobRunner<CheckProgress, CheckState>;
  private readonly search: SearchIndex;

  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
    readonly alarms: Alarms,
    private readonly clock: Clock,
    private readonly store: () => EvidenceStore,
    bus: PushBus,
    private readonly importBusy: () => boolean,
  ) {
    this.search = new SearchIndex(db, audit);
    this.jobs = new JobRunner(db, clock, bus, {
      table: 'fixity_runs',
      exclusive: { code: 'CHECK_RUNNING', message: 'a check is running' },
      progressEvent: (runId, progress) => ({ type: 'integrity.progress', payload: { runId, progress } }),
      finishedEvent: (runId, state) => ({ type: 'integrity.finished', payload: { runId, state } }),
    });
  }

  /** Runs left `running` by a process that is gone are marked interrupted. */
  recover(): void {
    this.jobs.recover();
  }

  start(by: CheckStarter & { accountId: number | null }, trigger: FixityRunDto['trigger'], scope: FixityScope): number {
    return this.jobs.start(() => {
      const store = this.store();
      const targets = this.targets(scope);
      const id = Number(
        this.db
          .prepare("INSERT INTO fixity_runs (started_at, trigger, scope, started_by, workstation, host, pid, state) VALUES (?, ?, ?, ?, ?, ?, ?, 'running')")
          .run(this.clock.now().toISOString(), trigger, JSON.stringify(scope), by.accountId, by.workstation, os.hostname(), process.pid).lastInsertRowid,
      );
      return {
        id,
        progress: { done: 0, total: targets.length, bytesDone: 0, bytesTotal: targets.reduce((n, t) => n + t.size, 0) },
        work: (check) => this.run(check, store, targets, by),
        yieldWhile: trigger === 'schedule' ? this.importBusy : undefined,
      };
    });
  }

  async wait(runId: number): Promise<FixityRunDto> {
    await this.jobs.wait(runId);
    return this.get(runId);
  }

  get(runId: number): FixityRunDto {
    const row = this.db.prepare(`SELECT f.*, a.display_name AS started_by_name FROM fixity_runs f LEFT JOIN accounts a ON a.id = f.started_by WHERE f.id = ?`).get(runId) as RunRow | undefined;
    if (!row) throw new AppError('NOT_FOUND', `no check ${runId}`, { id: runId });
    return this.toDto(row);
  }

  detail(runId: number): FixityRunDetailDto {
    const problems = this.db
      .prepare("SELECT outcome, object, record_id AS recordId, actual_sha256 AS actualSha256 FROM fixity_events WHERE run_id = ? AND outcome <> 'ok' ORDER BY id")
      .all(runId) as FixityRunDetailDto['problems'];
    return { ...this.get(runId), problems };
  }

  /** The scheduled rotation: once a day, the share of the store that makes one full pass per `rotationDays`. */
  runDue(rotationDays: number): number | null {
    if (this.jobs.busy) return null;
    const last = this.db.prepare("SELECT started_at FROM fixity_runs WHERE trigger = 'schedule' ORDER BY id DESC LIMIT 1").get() as { started_at: string } | undefined;
    if (last && this.clock.now().getTime() - Date.parse(last.started_at) < 23 * 3_600_000) return null;
    const records = (this.db.prepare(`SELECT count(*) AS n FROM records r WHERE ${KEPT}`).get() as { n: number }).n;
    return this.start({ actor: SYSTEM_ACTOR, workstation: os.hostname(), accountId: null }, 'schedule', { kind: 'rotation', count: Math.ceil(records / rotationDays) });
  }

  status(windowDays: number): IntegrityStatusDto {
    const since = new Date(this.clock.now().getTime() - windowDays * 86_400_000).toISOString();
    const counts = this.db
      .prepare(
        `SELECT count(*) AS records, count(f.record_id) FILTER (WHERE f.last_checked_at >= @since) AS inWindow, count(*) FILTER (WHERE f.record_id IS NULL) AS never
         FROM records r LEFT JOIN record_fixity f ON f.record_id = r.id WHERE ${KEPT}`,
      )
      .get({ since }) as { records: number; inWindow: number; never: number };
    const lastId = (this.db.prepare("SELECT id FROM fixity_runs WHERE state <> 'running' ORDER BY id DESC LIMIT 1").get() as { id: number } | undefined)?.id;
    const running = this.jobs.running()[0];
    return {
      running: running === undefined ? null : this.get(running),
      lastRun: lastId ? this.get(lastId) : null,
      records: counts.records,
      checkedInWindow: counts.inWindow,
      neverChecked: counts.never,
      windowDays,
      openAlarms: this.alarms.open(),
    };
  }

  close(): Promise<void> {
    return this.jobs.close();
  }

  private targets(scope: FixityScope): Target[] {
    // A destroyed record's original is gone by decision, not lost: it is never checked, so never reported missing.
    const base = `SELECT r.id, r.sha256, r.size FROM records r`;
    if (scope.kind === 'all') return this.db.prepare(`${base} WHERE ${KEPT} ORDER BY r.id`).all() as Target[];
    if (scope.kind === 'since') return this.db.prepare(`${base} WHERE r.imported_at >= ? AND ${KEPT} ORDER BY r.id`).all(scope.since) as Target[];
    if (scope.kind === 'sample') return this.db.prepare(`${base} WHERE ${KEPT} ORDER BY random() LIMIT ?`).all(scope.count) as Target[];
    if (scope.kind === 'record') return this.db.prepare(`${base} WHERE r.id = ? AND ${KEPT}`).all(scope.recordId) as Target[];
    // The rotation takes the records checked longest ago, never-checked first.
    return this.db
      .prepare(`${base} LEFT JOIN record_fixity f ON f.record_id = r.id WHERE ${KEPT} ORDER BY f.last_checked_at IS NOT NULL, f.last_checked_at, r.id LIMIT ?`)
      .all(scope.count) as Target[];
  }

  private async run(check: Job<CheckProgress>, store: EvidenceStore, targets: Target[], by: CheckStarter): Promise<CheckState> {
    const started = Date.now();
    const summary: FixitySummary = { checked: 0, ok: 0, mismatch: 0, missing: 0, unreadable: 0, unexpected: 0, bytes: 0, seconds: 0, auditChainOk: true };
    const pool = new FilePool();
    check.onCancel(() => pool.cancel());
    let next = 0;
    const lane = async () => {
      for (let i = next++; i < targets.length && !check.cancelled; i = next++) {
        await check.pause();
        if (check.cancelled) return;
        const target = targets[i] as Target;
        const result = await this.hashOne(pool, store, target);
        if (check.cancelled && result.outcome === 'unreadable' && result.detail === 'cancelled') return;
        this.recordOutcome(check.id, target, result, by.workstation);
        summary.checked++;
        summary[result.outcome]++;
        summary.bytes += result.size ?? 0;
        check.progress.done++;
        check.progress.bytesDone += target.size;
        check.report();
      }
    };
    let state: CheckState = 'finished';
    try {
      await Promise.all([lane(), lane()]);
      if (!check.cancelled) {
        summary.unexpected = await this.findUnexpected(check.id, store, by.workstation);
        summary.auditChainOk = this.checkAuditChain(check.id, by.workstation);
      }
    } finally {
      await pool.close();
      summary.seconds = (Date.now() - started) / 1000;
      if (check.cancelled) state = 'cancelled';
      this.db.transaction(() => {
        this.db.prepare('UPDATE fixity_runs SET state = ?, finished_at = ?, summary = ? WHERE id = ?').run(state, this.clock.now().toISOString(), JSON.stringify(summary), check.id);
        this.audit.append({ actor: by.actor, workstation: by.workstation, action: 'integrity.checked', target: `check:${check.id}`, details: { state, ...summary } });
      })();
    }
    return state;
  }

  private async hashOne(pool: FilePool, store: EvidenceStore, target: Target): Promise<{ outcome: Outcome; actual: string | null; size: number | null; detail: string | null }> {
    try {
      const { sha256, size } = await pool.hash(store.localPath(target.sha256));
      return { outcome: sha256 === target.sha256 ? 'ok' : 'mismatch', actual: sha256, size, detail: null };
    } catch (err) {
      const reason = err instanceof CopyFailed ? err.reason : 'io_error';
      return { outcome: reason === 'source_missing' ? 'missing' : 'unreadable', actual: null, size: null, detail: reason === 'cancelled' ? 'cancelled' : err instanceof Error ? err.message : String(err) };
    }
  }

  private recordOutcome(runId: number, target: Target, r: { outcome: Outcome; actual: string | null; size: number | null; detail: string | null }, workstation: string): void {
    const at = this.clock.now().toISOString();
    this.db.transaction(() => {
      this.db
        .prepare('INSERT INTO fixity_events (run_id, record_id, object, at, outcome, actual_sha256, size, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
        .run(runId, target.id, target.sha256, at, r.outcome, r.actual, r.size, r.detail);
      this.db
        .prepare('INSERT INTO record_fixity (record_id, last_checked_at, last_outcome) VALUES (?, ?, ?) ON CONFLICT(record_id) DO UPDATE SET last_checked_at = excluded.last_checked_at, last_outcome = excluded.last_outcome')
        .run(target.id, at, r.outcome);
      if (r.outcome === 'ok') {
        for (const alarmId of this.alarms.openForRecord(target.id)) this.alarms.resolve(alarmId, 'verified_intact', SYSTEM_ACTOR, workstation);
      } else {
        this.alarms.raise(
          { kind: r.outcome, recordId: target.id, object: target.sha256, detail: { expected: target.sha256, actual: r.actual, size: r.size, reason: r.detail }, runId },
          workstation,
        );
      }
      this.search.refreshIntegrity(target.id);
    })();
  }

  /** Files among the originals that the catalogue doesn't know: never imported silently, always an alarm. */
  private async findUnexpected(runId: number, store: EvidenceStore, workstation: string): Promise<number> {
    // A destroyed record's original found in the store again is unexpected too: it should not exist.
    const known = this.db.prepare(`SELECT 1 FROM records r WHERE r.sha256 = ? AND ${KEPT} UNION ALL SELECT 1 FROM store_intents WHERE sha256 = ? LIMIT 1`);
    const found: { path: string; size: number }[] = [];
    for await (const o of store.list()) if (!known.get(o.sha256, o.sha256)) found.push({ path: `objects/${o.sha256.slice(0, 2)}/${o.sha256.slice(2, 4)}/${o.sha256}`, size: o.size });
    for await (const s of store.strays()) found.push(s);
    const at = this.clock.now().toISOString();
    this.db.transaction(() => {
      for (const f of found) {
        this.db.prepare("INSERT INTO fixity_events (run_id, record_id, object, at, outcome, size) VALUES (?, NULL, ?, ?, 'unexpected', ?)").run(runId, f.path, at, f.size);
        this.alarms.raise({ kind: 'unexpected', recordId: null, object: f.path, detail: { path: f.path, size: f.size }, runId }, workstation);
      }
    })();
    return found.length;
  }

  /** The audit chain is part of every check; a break is an alarm like a bad file (raised once per break). */
  private checkAuditChain(runId: number, workstation: string): boolean {
    const result = this.audit.verify();
    if (result.ok || !result.firstBroken) return true;
    this.alarms.raise({ kind: 'audit_chain', recordId: null, object: `audit:${result.firstBroken.seq}`, detail: { ...result.firstBroken }, runId }, workstation, true);
    return false;
  }

  private toDto(row: RunRow): FixityRunDto {
    return {
      id: row.id,
      trigger: row.trigger,
      scope: JSON.parse(row.scope) as FixityScope,
      startedAt: row.started_at,
      finishedAt: row.finished_at,
      startedBy: row.started_by_name,
      state: row.state,
      summary: row.summary ? (JSON.parse(row.summary) as FixitySummary) : null,
      progress: this.jobs.progress(row.id),
    };
  }
}
