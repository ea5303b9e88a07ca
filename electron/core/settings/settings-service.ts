import path from 'node:path';
import { STORE_DIR } from '../datadir/paths.js';
import type { CaseSettings, IngestSettings, IntegritySettings, OfficeDto, SecuritySettings, TimelinessSettings } from '../../../shared/contract/dto.js';
import { DEFAULT_CASE_NUMBER_PATTERN } from '../../../shared/rules/case-number.js';
import { DEADLINE_PRESETS } from '../../../shared/rules/deadline.js';
import { DEFAULT_IMPORTANT_MARKS, DEFAULT_NAME_PATTERNS } from '../../../shared/rules/file-names.js';
import { AppError } from '../../../shared/errors.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { Clock } from '../base/clock.js';
import type { Db } from '../db/open.js';
import type { CallContext } from '../base/call-context.js';

export const DEFAULT_SECURITY: SecuritySettings = { sessionIdleMinutes: 15, lockoutThreshold: 5, lockoutMinutes: 15 };
/** 24 hours (000 art.21) until the office chooses; China's time zone. */
export const DEFAULT_TIMELINESS: TimelinessSettings = { rule: DEADLINE_PRESETS.within24Hours, calendar: { holidays: [], workdays: [] }, timeZone: 'Asia/Shanghai', clockAheadMinutes: 10 };
/** A month: every original is re-hashed at least twelve times a year. */
export const DEFAULT_INTEGRITY: IntegritySettings = { rotationDays: 30 };
export const DEFAULT_CASES: CaseSettings = { numberPattern: DEFAULT_CASE_NUMBER_PATTERN };
export const DEFAULT_INGEST: IngestSettings = { namePatterns: [...DEFAULT_NAME_PATTERNS], importantMarks: [...DEFAULT_IMPORTANT_MARKS], sourceFolders: [] };

/** A settings section as stored, over its defaults; readable wherever only the database is at hand. */
export function readSetting<T extends object>(db: Db, key: string, defaults: T): T {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  return row ? { ...defaults, ...(JSON.parse(row.value) as Partial<T>) } : defaults;
}

export class SettingsService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  office(): OfficeDto | null {
    const row = this.db.prepare('SELECT name, unit_code FROM office WHERE id = 1').get() as { name: string; unit_code: string } | undefined;
    return row ? { name: row.name, unitCode: row.unit_code } : null;
  }

  requireOffice(): OfficeDto {
    const office = this.office();
    if (!office) throw new AppError('NOT_INITIALIZED', 'no office profile yet');
    return office;
  }

  /** Called only inside the setup transaction. */
  createOffice(office: OfficeDto): void {
    this.db
      .prepare('INSERT INTO office (id, name, unit_code, created_at) VALUES (1, ?, ?, ?)')
      .run(office.name, office.unitCode, this.clock.now().toISOString());
  }

  /** The evidence store's folder: chosen at setup (it may be on another drive), else inside the data folder. */
  storeDir(dataDir: string): string {
    const row = this.db.prepare("SELECT value FROM settings WHERE key = 'storeDir'").get() as { value: string } | undefined;
    return row ? (JSON.parse(row.value) as string) : path.join(dataDir, STORE_DIR);
  }

  /** Called only inside the setup transaction. */
  setStoreDir(dir: string): void {
    this.db.prepare("INSERT INTO settings (key, value) VALUES ('storeDir', ?)").run(JSON.stringify(dir));
  }

  private json<T extends object>(key: string, defaults: T): T {
    return readSetting(this.db, key, defaults);
  }

  security(): SecuritySettings {
    return this.json('security', DEFAULT_SECURITY);
  }

  timeliness(): TimelinessSettings {
    return this.json('timeliness', DEFAULT_TIMELINESS);
  }

  /** How file names are read and which marks flag a recording as important. */
  ingest(): IngestSettings {
    return this.json('ingest', DEFAULT_INGEST);
  }

  integrity(): IntegritySettings {
    return this.json('integrity', DEFAULT_INTEGRITY);
  }

  cases(): CaseSettings {
    return this.json('cases', DEFAULT_CASES);
  }

  /** Each change is audited with its old and new values. */
  update(
    ctx: CallContext,
    change: { office?: OfficeDto; security?: SecuritySettings; ingest?: IngestSettings; timeliness?: TimelinessSettings; integrity?: IntegritySettings; cases?: CaseSettings },
  ): void {
    this.db.transaction(() => {
      if (change.office) {
        const old = this.requireOffice();
        if (old.name !== change.office.name || old.unitCode !== change.office.unitCode) {
          this.db.prepare('UPDATE office SET name = ?, unit_code = ? WHERE id = 1').run(change.office.name, change.office.unitCode);
          this.audit.append({ ...ctx.auditBase(), action: 'settings.changed', target: 'office', details: { old, new: change.office } });
        }
      }
      if (change.security) this.replace(ctx, 'security', this.security(), change.security);
      if (change.ingest) this.replace(ctx, 'ingest', this.ingest(), change.ingest);
      if (change.timeliness) this.replace(ctx, 'timeliness', this.timeliness(), change.timeliness);
      if (change.integrity) this.replace(ctx, 'integrity', this.integrity(), change.integrity);
      if (change.cases) this.replace(ctx, 'cases', this.cases(), change.cases);
    }).immediate();
  }

  private replace(ctx: CallContext, key: 'security' | 'ingest' | 'timeliness' | 'integrity' | 'cases', old: object, next: object): void {
    if (JSON.stringify(old) === JSON.stringify(next)) return;
    this.db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, JSON.stringify(next));
    this.audit.append({ ...ctx.auditBase(), action: 'settings.changed', target: key, details: { old, new: next } });
  }
}
