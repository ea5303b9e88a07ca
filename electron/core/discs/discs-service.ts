import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DiscDetailDto, DiscDto, DiscHealthDto, DiscJobDto, DiscPlanDto, DriveDto } from '../../../shared/contract/discs-dto.js';
import type { PartyDto } from '../../../shared/contract/cases-dto.js';
import { AppError, errorShape, type AppErrorShape } from '../../../shared/errors.js';
import { DISC_MEDIA, spanDiscs, type DiscMedium } from '../../../shared/rules/disc-media.js';
import { officeTime } from '../../../shared/rules/office-time.js';
import type { AccessRule } from '../access/access-rule.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { CallContext } from '../base/call-context.js';
import type { Clock } from '../base/clock.js';
import type { Db } from '../db/open.js';
import type { PushBus } from '../events/push-bus.js';
import { JobRunner } from '../jobs/job-runner.js';
import type { SettingsService } from '../settings/settings-service.js';
import type { EvidenceStore } from '../store/evidence-store.js';
import { auditExtract } from './audit-extract.js';
import { buildDiscs, removeLeftovers, type DiscProgress } from './disc-build.js';
import { caseEvidence, type DiscEvidence } from './disc-evidence.js';
import { checkDisc, openDisc } from './disc-health.js';
import { writeLabelsPdf } from './labels.js';
import { burnerFor, preflight, type Burner } from './burners/index.js';
import { imageMd5Intact, volumeLabel } from './xorriso.js';
import type { DocumentsFolder } from '../documents/documents-folder.js';
import { DiscRegister } from './disc-register.js';

type DiscJobState = 'finished' | 'failed' | 'cancelled';

interface JobRow {
  id: number;
  kind: 'build' | 'burn';
  case_id: number;
  request: string;
  started_at: string;
  finished_at: string | null;
  state: DiscJobDto['state'];
  problem: string | null;
}

export interface BuildRequest {
  caseId: number;
  recordIds?: number[];
  medium: DiscMedium;
  outDir?: string;
  replaces?: { discId: number; reason: string };
}

/**
 * Evidence discs end to end: the plan, the build and burn jobs, the register and the health
 * check. Putting a record on a disc is the `export` verb of the access rule; the register is read
 * like the catalogue.
 */
export class DiscsService {
  readonly register: DiscRegister;
  private readonly jobs: JobRunner<DiscProgress, DiscJobState>;

  constructor(
    private readonly db: Db,
    private readonly access: AccessRule,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly store: () => EvidenceStore,
    private readonly settings: SettingsService,
    private readonly dataDir: string,
    bus: PushBus,
    private readonly documents: DocumentsFolder,
    private readonly burner: Burner = burnerFor(process.platform),
  ) {
    this.register = new DiscRegister(db);
    this.jobs = new JobRunner(db, clock, bus, {
      table: 'disc_jobs',
      exclusive: { code: 'DISC_JOB_RUNNING', message: 'a disc job is running' },
      progressEvent: (jobId, progress) => ({ type: 'disc.progress', payload: { jobId, progress } }),
      finishedEvent: (jobId, state) => ({ type: 'disc.finished', payload: { jobId, state } }),
      // A build killed midway leaves its side files; they go with the row that owned them.
      onInterrupted: (jobId) => this.clearLeftovers(jobId),
    });
  }

  recover(): void {
    this.jobs.recover();
  }

  get busy(): boolean {
    return this.jobs.busy;
  }

  /** Where images go unless the keeper names a folder: inside the data folder, beside the catalogue. */
  defaultOutDir(): string {
    return path.join(this.dataDir, 'disc-images');
  }

  plan(ctx: CallContext, caseId: number, medium: DiscMedium, recordIds?: number[]): DiscPlanDto {
    return this.planned(ctx, caseId, medium, recordIds).dto;
  }

  /** The plan as the screen shows it, with the case and the evidence it was made from (a build needs both). */
  private planned(ctx: CallContext, caseId: number, medium: DiscMedium, recordIds?: number[]) {
    const caseRow = this.caseRow(ctx, caseId);
    const evidence = this.exportable(ctx, caseId, recordIds);
    const ready = evidence.filter((e) => e.blocks.length === 0);
    const { discs, tooLarge } = spanDiscs(ready, medium);
    const item = (e: DiscEvidence) => ({ recordId: e.recordId, linkId: e.linkId, name: e.name, size: e.size, recordedAt: e.recordedAt });
    const blocked = evidence.filter((e) => e.blocks.length > 0).map((e) => ({ ...item(e), reasons: e.blocks, missing: e.missing }));
    const dto: DiscPlanDto = {
      caseId,
      caseNo: caseRow.caseNo,
      medium,
      capacity: DISC_MEDIA[medium].bytes,
      discs: discs.map((list, i) => ({ index: i + 1, volumeLabel: volumeLabel(caseRow.caseNo, i + 1, discs.length), bytes: list.reduce((n, e) => n + e.size, 0), records: list.map(item) })),
      blocked: [...blocked, ...tooLarge.map((e) => ({ ...item(e), reasons: ['too_large' as const], missing: [] }))],
    };
    return { dto, caseRow, discs };
  }

  /** Starts building the planned images; refused while anything in the selection is blocked. */
  build(ctx: CallContext, request: BuildRequest): number {
    const account = ctx.account;
    if (!account) throw new AppError('NOT_AUTHENTICATED', 'sign in first');
    const office = this.settings.office();
    if (!office) throw new AppError('NOT_INITIALIZED', 'no office', { dataDir: this.dataDir });
    if (request.replaces) {
      const old = this.register.get(request.replaces.discId);
      if (old.caseId !== request.caseId) throw new AppError('VALIDATION_FAILED', 'a replacement is made for the same case', { discId: old.id });
    }
    const { dto: plan, caseRow, discs } = this.planned(ctx, request.caseId, request.medium, request.recordIds);
    if (plan.blocked.length > 0) throw new AppError('DISC_PLAN_BLOCKED', 'some evidence is blocked', { count: plan.blocked.length, recordIds: plan.blocked.map((b) => b.recordId) });
    const outDir = path.resolve(request.outDir ?? this.defaultOutDir());
    return this.jobs.start(() => {
      const id = this.insertJob(ctx, 'build', request.caseId, { ...request, outDir });
      const head = this.audit.head();
      const now = this.clock.now();
      const madeAt = officeTime(now, this.settings.timeliness().timeZone);
      const order = {
        jobId: id,
        now,
        outDir,
        medium: request.medium,
        office,
        timeZone: this.settings.timeliness().timeZone,
        caseRow,
        discs,
        preparedBy: { id: account.id, name: account.displayName },
        replaces: request.replaces ?? null,
        sourceOf: (sha256: string) => this.store().localPath(sha256),
        auditExtract: (recordIds: number[]) => auditExtract(this.db, request.caseId, recordIds, head, madeAt),
      };
      return {
        id,
        progress: { step: 'papers', disc: 1, discs: discs.length, percent: 0 },
        work: async (job) => {
          const controller = new AbortController();
          job.onCancel(() => controller.abort());
          try {
            const made = await buildDiscs(order, job, controller.signal);
            this.db.transaction(() => {
              const ids = this.register.add(made, this.clock.now());
              for (const [i, discId] of ids.entries()) {
                const d = made[i] as (typeof made)[number];
                this.audit.append({ ...ctx.auditBase(), action: 'disc.built', target: `disc:${discId}`, details: { caseId: request.caseId, recordIds: d.files.map((f) => f.recordId), medium: request.medium, disc: `${d.index}/${d.count}`, tagmanifestSha256: d.tagmanifestSha256, image: d.imagePath, ...(d.replaces ? { replaces: d.replaces.discId, reason: d.replaces.reason } : {}) } });
              }
              this.finishJob(id, 'finished', null);
            })();
            return 'finished';
          } catch (e) {
            removeLeftovers(outDir, id);
            const shape = errorShape(e);
            const state = shape.code === 'CANCELLED' ? 'cancelled' : 'failed';
            this.db.transaction(() => {
              this.finishJob(id, state, shape);
              this.audit.append({ ...ctx.auditBase(), action: 'disc.build_failed', target: `case:${request.caseId}`, details: { jobId: id, code: shape.code, ...(shape.details ?? {}) } });
            })();
            return state;
          }
        },
      };
    });
  }

  /** The optical drives here and what each holds; a drive that can't be asked says why. */
  async drives(): Promise<DriveDto[]> {
    const drives = await this.burner.drives();
    return Promise.all(
      drives.map(async (d) => {
        try {
          return { ...d, medium: await this.burner.medium(d.id), problem: null };
        } catch (e) {
          return { ...d, medium: null, problem: errorShape(e) };
        }
      }),
    );
  }

  /**
   * Burns a registered image and reads every file back from the disc against the register; only
   * a clean read-back makes the disc count as burned. The drive and the blank are checked before
   * the job starts, so a keeper who put in the wrong disc hears it at once.
   */
  async burn(ctx: CallContext, discId: number, drive: string): Promise<number> {
    const disc = this.register.one(discId);
    if (disc.state === 'burned') throw new AppError('DISC_ALREADY_BURNED', 'this disc was burned already', { number: disc.number });
    if (!disc.imagePresent) throw new AppError('IMAGE_MISSING', 'the image is gone', { number: disc.number, path: disc.imagePath });
    if (!(await this.burner.drives()).some((d) => d.id === drive)) throw new AppError('NO_DRIVE', 'no such drive', { drive });
    await preflight(this.burner, drive, disc.imageBytes);
    const by = ctx.account?.id ?? null;
    return this.jobs.start(() => {
      const id = this.insertJob(ctx, 'burn', disc.caseId, { discId, drive });
      return {
        id,
        progress: { step: 'check', disc: disc.index, discs: disc.count, percent: 0 },
        work: async (job) => {
          const controller = new AbortController();
          job.onCancel(() => controller.abort());
          const step = (name: string, percent: number) => {
            Object.assign(job.progress, { step: name, percent: Math.min(100, percent) });
            job.report();
          };
          const fail = (shape: AppErrorShape, state: DiscJobState = shape.code === 'CANCELLED' ? 'cancelled' : 'failed') => {
            this.db.transaction(() => {
              this.finishJob(id, state, shape);
              this.audit.append({ ...ctx.auditBase(), action: 'disc.burn_failed', target: `disc:${discId}`, details: { drive, code: shape.code, ...(shape.details ?? {}) } });
            })();
            return state;
          };
          try {
            if (!(await imageMd5Intact(disc.imagePath))) return fail(new AppError('IMAGE_DAMAGED', 'the image was changed since it was built', { number: disc.number, path: disc.imagePath }).toShape());
            step('burn', 0);
            await this.burner.burn(disc.imagePath, drive, (p) => step('burn', p), controller.signal);
            step('readback', 0);
            const scratch = path.join(this.dataDir, 'disc-read');
            fs.mkdirSync(scratch, { recursive: true });
            const opened = await this.burner.openForReading(drive, scratch);
            let finding;
            try {
              finding = await checkDisc(opened.root, this.register);
            } finally {
              await opened.release();
            }
            await this.burner.eject(drive).catch(() => undefined);
            const result = finding.disc?.id === discId && finding.result ? finding.result : { outcome: 'altered' as const, filesOk: finding.filesOk, problems: finding.problems.length ? finding.problems : [{ path: 'tagmanifest-sha256.txt', problem: 'mismatch' as const }] };
            if (result.outcome !== 'ok') {
              this.register.recordCheck(discId, 'burn', this.clock.now(), by, drive, result);
              return fail(new AppError('READBACK_MISMATCH', 'the read-back differs', { count: result.problems.length, problems: result.problems.slice(0, 20) }).toShape());
            }
            this.db.transaction(() => {
              this.register.recordCheck(discId, 'burn', this.clock.now(), by, drive, result);
              this.register.markBurned(discId, this.clock.now(), by, drive);
              this.audit.append({ ...ctx.auditBase(), action: 'disc.burned', target: `disc:${discId}`, details: { drive, filesOk: result.filesOk, tagmanifestSha256: disc.tagmanifestSha256 } });
              this.finishJob(id, 'finished', null);
            })();
            return 'finished';
          } catch (e) {
            return fail(errorShape(e));
          }
        },
      };
    });
  }

  job(id: number): DiscJobDto {
    const row = this.db.prepare('SELECT * FROM disc_jobs WHERE id = ?').get(id) as JobRow | undefined;
    if (!row) throw new AppError('NOT_FOUND', `no disc job ${id}`, { id });
    const discIds = row.kind === 'build' ? (this.db.prepare('SELECT id FROM discs WHERE build_job_id = ? ORDER BY disc_index').all(id) as { id: number }[]).map((r) => r.id) : [(JSON.parse(row.request) as { discId: number }).discId];
    return {
      id: row.id,
      kind: row.kind,
      caseId: row.case_id,
      state: row.state,
      startedAt: row.started_at,
      finishedAt: row.finished_at,
      progress: this.jobs.progress(id),
      problem: row.problem ? (JSON.parse(row.problem) as AppErrorShape) : null,
      discIds,
    };
  }

  cancel(id: number): DiscJobDto {
    this.job(id);
    this.jobs.cancel(id);
    return this.job(id);
  }

  async wait(id: number): Promise<DiscJobDto> {
    await this.jobs.wait(id);
    return this.job(id);
  }

  list(caseId?: number): DiscDto[] {
    return this.register.list(caseId);
  }

  get(id: number): DiscDetailDto {
    return this.register.get(id);
  }

  setLocation(ctx: CallContext, id: number, location: string): DiscDto {
    const before = this.register.one(id);
    this.db.transaction(() => {
      this.register.setLocation(id, location);
      this.audit.append({ ...ctx.auditBase(), action: 'disc.located', target: `disc:${id}`, details: { from: before.location, to: location } });
    })();
    return this.register.one(id);
  }

  /**
   * The health check: reads a disc (drive, mounted folder, extracted folder or image file) in
   * full, checks it against the register and writes the result to the disc's history.
   */
  async check(ctx: CallContext, source: string): Promise<DiscHealthDto> {
    const scratch = path.join(this.dataDir, 'disc-read');
    fs.mkdirSync(scratch, { recursive: true });
    const opened = await openDisc(source, scratch);
    try {
      const { result, ...finding } = await checkDisc(opened.root, this.register);
      this.db.transaction(() => {
        if (finding.disc && result) this.register.recordCheck(finding.disc.id, 'health', this.clock.now(), ctx.account?.id ?? null, source, result);
        this.audit.append({
          ...ctx.auditBase(),
          action: 'disc.checked',
          target: finding.disc ? `disc:${finding.disc.id}` : null,
          details: { source, verdict: finding.verdict, filesOk: finding.filesOk, problems: finding.problems.slice(0, 20), tagmanifestSha256: finding.tagmanifestSha256 },
        });
      })();
      return { ...finding, disc: finding.disc ? this.register.one(finding.disc.id) : null };
    } finally {
      opened.release();
    }
  }

  /** The case-holder inserts and disc-face labels of some discs, as one PDF for the caller's session. */
  async labels(ctx: CallContext, ids: number[]): Promise<{ path: string; name: string }> {
    const discs = ids.map((id) => this.register.one(id));
    const office = this.settings.office();
    const doc = this.documents.reserve('labels', ctx.token);
    const labelled = discs.map((d) => {
      const c = this.caseRow(ctx, d.caseId);
      return { caseNo: d.caseNo, parties: c.parties.map((p) => p.name).join('、'), filedOn: c.filedOn, disc: { index: d.index, count: d.count }, shortId: d.number, tagmanifestSha256: d.tagmanifestSha256, medium: DISC_MEDIA[d.medium].label, office: office?.name ?? '' };
    });
    await writeLabelsPdf(doc.file, labelled, this.clock.now());
    this.audit.append({ ...ctx.auditBase(), action: 'disc.labels_printed', target: discs.length === 1 ? `disc:${ids[0]}` : null, details: { discIds: ids } });
    return { path: doc.file, name: doc.name };
  }

  async close(): Promise<void> {
    await this.jobs.close();
  }

  /** The case, seen through the caller's reach (out of reach reads as not found). */
  private caseRow(ctx: CallContext, caseId: number): { id: number; caseNo: string; cause: string; parties: PartyDto[]; filedOn: string | null } {
    this.access.requireCase(ctx, caseId);
    const row = this.db.prepare('SELECT id, case_no, cause, parties, filed_on FROM cases WHERE id = ?').get(caseId) as { id: number; case_no: string; cause: string; parties: string; filed_on: string | null };
    return { id: row.id, caseNo: row.case_no, cause: row.cause, parties: JSON.parse(row.parties) as PartyDto[], filedOn: row.filed_on };
  }

  /** The case's evidence, each record one the caller may export. */
  private exportable(ctx: CallContext, caseId: number, recordIds?: number[]): DiscEvidence[] {
    const evidence = caseEvidence(this.db, caseId, recordIds);
    for (const e of evidence) this.access.requireRecord(ctx, 'export', e.recordId);
    return evidence;
  }

  private insertJob(ctx: CallContext, kind: 'build' | 'burn', caseId: number, request: object): number {
    return Number(
      this.db
        .prepare("INSERT INTO disc_jobs (kind, case_id, request, started_at, started_by, workstation, host, pid, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'running')")
        .run(kind, caseId, JSON.stringify(request), this.clock.now().toISOString(), ctx.account?.id ?? null, ctx.workstation, os.hostname(), process.pid).lastInsertRowid,
    );
  }

  private finishJob(id: number, state: DiscJobState, problem: AppErrorShape | null): void {
    this.db.prepare('UPDATE disc_jobs SET state = ?, finished_at = ?, problem = ? WHERE id = ?').run(state, this.clock.now().toISOString(), problem ? JSON.stringify(problem) : null, id);
  }

  private clearLeftovers(jobId: number): void {
    const row = this.db.prepare('SELECT kind, request FROM disc_jobs WHERE id = ?').get(jobId) as { kind: string; request: string } | undefined;
    if (row?.kind === 'build') removeLeftovers((JSON.parse(row.request) as { outDir: string }).outDir, jobId);
  }
}
