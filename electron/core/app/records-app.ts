import path from 'node:path';
import type { Language, SystemStatus } from '../../../shared/contract/dto.js';
import { AppError, errorShape, type AppErrorShape } from '../../../shared/errors.js';
import { APP_VERSION } from '../../../shared/version.js';
import { AccessRule } from '../access/access-rule.js';
import { AccountsService } from '../accounts/accounts-service.js';
import { AuditLog } from '../audit/audit-log.js';
import { AuthService } from '../auth/auth-service.js';
import { SessionStore } from '../auth/sessions.js';
import { acquireInstanceLock, type InstanceLock } from '../datadir/lock.js';
import { DB_FILE } from '../datadir/paths.js';
import { ensureWritableDir } from '../datadir/probe.js';
import { openDatabase, type Db } from '../db/open.js';
import { PushBus } from '../events/push-bus.js';
import { DEFAULT_TIMELINESS, SettingsService } from '../settings/settings-service.js';
import { ImportService } from '../ingest/import-service.js';
import { openStore } from '../store/open-store.js';
import { ProbeQueue } from '../media/probe-queue.js';
import { DeriveQueue } from '../media/derive-queue.js';
import { DevicesService } from '../devices/devices-service.js';
import { AbsencesService } from '../absences/absences-service.js';
import { Alarms } from '../record-state/alarms.js';
import { FixityService } from '../integrity/fixity-service.js';
import { IntegrityService } from '../integrity/integrity-service.js';
import { BackupService } from '../backup/backup-service.js';
import { CasesService } from '../cases/cases-service.js';
import { DiscsService } from '../discs/discs-service.js';
import { DocumentsFolder } from '../documents/documents-folder.js';
import { RequestsService } from '../approvals/requests-service.js';
import { ViewingsService } from '../approvals/viewings-service.js';
import { RetentionService } from '../retention/retention-service.js';
import { DestructionService } from '../retention/destruction-service.js';
import { DestructionExecution } from '../retention/destruction-execution.js';
import { LoansService } from '../approvals/loans-service.js';
import { RegistersService } from '../approvals/registers-service.js';
import { LedgersService } from '../ledgers/ledgers-service.js';
import { StatisticsService } from '../ledgers/statistics-service.js';
import { SpotChecksService } from '../spot-checks/spot-checks-service.js';
import { PlaybackService } from '../playback/playback-service.js';
import { RecordsService } from '../records/records-service.js';
import { systemClock, type Clock } from '../base/clock.js';
import { DailySchedule } from '../jobs/daily-schedule.js';

export type Shell = SystemStatus['shell'];

export interface OpenOptions {
  dataDir: string;
  shell: Shell;
  /** App instances (window or bridge) hold the folder exclusively; the CLI shares it through SQLite. */
  exclusive?: boolean;
  clock?: Clock;
  defaultLanguage?: Language;
  /** A throw-away sample office: the login screen lists its accounts. */
  demo?: boolean;
}

export interface Services {
  db: Db;
  access: AccessRule;
  audit: AuditLog;
  accounts: AccountsService;
  auth: AuthService;
  settings: SettingsService;
  imports: ImportService;
  media: ProbeQueue;
  derive: DeriveQueue;
  devices: DevicesService;
  absences: AbsencesService;
  fixity: FixityService;
  integrity: IntegrityService;
  backup: BackupService;
  cases: CasesService;
  discs: DiscsService;
  documents: DocumentsFolder;
  requests: RequestsService;
  viewings: ViewingsService;
  loans: LoansService;
  retention: RetentionService;
  destruction: DestructionService;
  execution: DestructionExecution;
  registers: RegistersService;
  ledgers: LedgersService;
  statistics: StatisticsService;
  spotChecks: SpotChecksService;
  playback: PlaybackService;
  records: RecordsService;
}

/**
 * One opened data folder. Opening never throws: a folder that can't be used leaves the app in an
 * `error` state that the UI shows plainly, so the window stays up and nothing is overwritten.
 */
export class RecordsApp {
  private constructor(
    readonly options: Required<Omit<OpenOptions, 'exclusive'>>,
    readonly bus: PushBus,
    private readonly services: Services | null,
    private readonly openError: AppErrorShape | null,
    private readonly lock: InstanceLock | null,
  ) {}

  private schedule: DailySchedule | null = null;
  private viewingSweep: NodeJS.Timeout | null = null;

  static open(options: OpenOptions): RecordsApp {
    const resolved = {
      dataDir: path.resolve(options.dataDir),
      shell: options.shell,
      clock: options.clock ?? systemClock,
      defaultLanguage: options.defaultLanguage ?? 'zh-CN',
      demo: options.demo ?? false,
    };
    let lock: InstanceLock | null = null;
    try {
      ensureWritableDir(resolved.dataDir);
      if (options.exclusive) lock = acquireInstanceLock(resolved.dataDir);
      const db = openDatabase(path.join(resolved.dataDir, DB_FILE));
      const bus = new PushBus();
      return new RecordsApp(resolved, bus, buildServices(db, resolved.clock, bus, resolved.dataDir), null, lock);
    } catch (err) {
      lock?.release();
      const shape = errorShape(err);
      return new RecordsApp(resolved, new PushBus(), null, shape, null);
    }
  }

  get error(): AppErrorShape | null {
    return this.openError;
  }

  /** The services, or the reason the folder could not be opened. */
  get core(): Services {
    if (!this.services) {
      const e = this.openError ?? { code: 'INTERNAL' as const, message: 'not open' };
      throw new AppError(e.code, e.message, e.details);
    }
    return this.services;
  }

  status(): SystemStatus {
    const office = this.services?.settings.office() ?? null;
    return {
      state: this.openError ? 'error' : office ? 'ready' : 'setup',
      office,
      error: this.openError,
      version: APP_VERSION,
      dataDir: this.options.dataDir,
      shell: this.options.shell,
      defaultLanguage: this.options.defaultLanguage,
      demo: this.options.demo,
      timeZone: this.services?.settings.timeliness().timeZone ?? DEFAULT_TIMELINESS.timeZone,
    };
  }

  /**
   * What a long-running shell (window or bridge) does once at start: finish interrupted work.
   * Resolves once that work is queued (not done); shells don't wait on it.
   */
  startBackgroundWork(): Promise<void> {
    if (!this.services || !this.services.settings.office()) return Promise.resolve();
    const { imports, media, derive, fixity, backup, settings, retention, statistics, execution } = this.services;
    fixity.recover();
    backup.recover();
    this.services.discs.recover();
    execution.recover();
    this.services.viewings.recover();
    this.schedule = new DailySchedule([{ run: () => fixity.runDue(settings.integrity().rotationDays), waitWhile: () => imports.busy }, { run: () => backup.runDue() }]);
    this.schedule.start();
    // A viewer window closed without its password leaves a viewing nobody will end by hand.
    this.viewingSweep = setInterval(() => this.services?.viewings.sweep(), 60_000);
    this.viewingSweep.unref();
    return imports
      .ensureRecovered()
      .catch(() => undefined)
      // Records catalogued before retention existed (or restored from an older backup) get their term;
      // a destruction the last process died in is carried through.
      .then(() => Promise.all([retention.fillMissing(), statistics.warm(), media.backfill(), derive.backfill(), execution.resumeInterrupted()]))
      .then(() => undefined);
  }

  async close(): Promise<void> {
    this.schedule?.stop();
    if (this.viewingSweep) clearInterval(this.viewingSweep);
    if (this.services) {
      await this.services.fixity.close();
      await this.services.backup.close();
      await this.services.discs.close();
      await this.services.execution.close();
      await this.services.imports.close();
      await this.services.media.close();
      await this.services.derive.close();
      this.services.db.close();
    }
    this.lock?.release();
  }
}

function buildServices(db: Db, clock: Clock, bus: PushBus, dataDir: string): Services {
  const audit = new AuditLog(db, clock);
  const access = new AccessRule(db, clock);
  const sessions = new SessionStore(clock);
  const settings = new SettingsService(db, audit, clock);
  const accounts = new AccountsService(db, audit, sessions, clock);
  const auth = new AuthService(db, audit, accounts, settings, sessions, clock);
  const devices = new DevicesService(db, audit, clock);
  const store = openStore(() => settings.storeDir(dataDir));
  // Declared before the import service it watches; the closure reads it only once imports exist.
  let imports: ImportService | null = null;
  const derive = new DeriveQueue(db, store, clock, bus, () => imports?.busy ?? false);
  bus.subscribe((e) => {
    if (e.type === 'import.finished') derive.resume();
  });
  const media = new ProbeQueue(db, store, clock, bus, (recordId) => derive.enqueue(recordId));
  // A name's officer number names the officer; otherwise the camera's registered holder does.
  const officerFor = (officerNo: string | null, deviceNo: string | null) => {
    const byNumber = officerNo ? accounts.idByOfficerNo(officerNo) : null;
    if (byNumber !== null) return { id: byNumber, source: 'file_name' as const };
    const byDevice = deviceNo ? devices.officerOf(deviceNo) : null;
    return byDevice !== null ? { id: byDevice, source: 'device_register' as const } : null;
  };
  const rules = () => ({ ingest: settings.ingest(), timeliness: settings.timeliness() });
  const absences = new AbsencesService(db, audit, clock);
  const resolvers = { officerFor, absenceFor: (officerId: number, recordedAt: string) => absences.covering(officerId, recordedAt) };
  imports = new ImportService(db, audit, bus, clock, store, rules, resolvers, (recordId) => media.enqueue(recordId));
  const alarms = new Alarms(db, audit, clock);
  const fixity = new FixityService(db, audit, alarms, clock, store, bus, () => imports?.busy ?? false);
  const integrity = new IntegrityService(db, access, alarms, store);
  const backup = new BackupService(db, audit, clock, store, settings, dataDir, bus);
  const cases = new CasesService(db, access, audit, clock, () => settings.cases().numberPattern);
  const playback = new PlaybackService(db, access, audit, clock, store, sessions, () => settings.security().sessionIdleMinutes, (recordId) => derive.prioritize(recordId));
  const records = new RecordsService(db, audit, clock, access, () => settings.storeDir(dataDir));
  const documents = new DocumentsFolder(path.join(dataDir, 'documents'), sessions);
  const discs = new DiscsService(db, access, audit, clock, store, settings, dataDir, bus, documents);
  const viewings = new ViewingsService(db, audit, clock, playback, sessions, auth);
  const loans = new LoansService(db, audit, clock, settings, documents);
  const registers = new RegistersService(db, audit, clock, settings, documents, viewings, loans);
  const statistics = new StatisticsService(db, audit, clock, settings, documents, () => settings.storeDir(dataDir));
  return { db, access, records, audit, accounts, auth, settings, imports, media, derive, devices, absences, fixity, integrity, backup, cases, playback, discs, documents, requests: new RequestsService(db, audit, clock, store, settings, documents, access), viewings, loans, registers, ledgers: new LedgersService(db, audit, clock, settings, documents), statistics, spotChecks: new SpotChecksService(db, audit, clock, settings, documents), retention: new RetentionService(db, audit, clock, settings), destruction: new DestructionService(db, audit, clock, store, settings, documents), execution: new DestructionExecution(db, audit, clock, store, settings, bus) };
}
