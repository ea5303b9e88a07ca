import type { RecordDto } from '../../../shared/contract/records-dto.js';
import type { TimelineDto } from '../../../shared/contract/timeline-dto.js';
import { AppError } from '../../../shared/errors.js';
import { officeDay } from '../../../shared/rules/retention.js';
import type { AccessRule } from '../access/access-rule.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { CallContext } from '../base/call-context.js';
import type { Clock } from '../base/clock.js';
import type { Db } from '../db/open.js';
import { posterDataUrls } from '../media/posters.js';
import type { LibraryFilter } from '../search/library-query.js';
import { SearchIndex } from '../search/search-index.js';
import { DEFAULT_TIMELINESS, readSetting } from '../settings/settings-service.js';
import { deviceDay, deviceDays } from '../search/timeline.js';
import { readRecord, readRecordPage } from './record-rows.js';

/**
 * Reading and correcting catalogued records: the library, posters, a camera's day, the keeper's
 * corrections (officer, lateness). Every read is narrowed by the access rule; every correction is
 * an appended, attributed event.
 */
export class RecordsService {
  private readonly search: SearchIndex;

  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly access: AccessRule,
    private readonly storeRoot: () => string,
  ) {
    this.search = new SearchIndex(db, audit);
  }

  list(ctx: CallContext, filter: Omit<LibraryFilter, 'scope' | 'today'>) {
    // Expired and expiring are counted in the office's days, as the retention review counts them.
    const today = officeDay(this.clock.now(), readSetting(this.db, 'timeliness', DEFAULT_TIMELINESS).timeZone);
    return readRecordPage(this.db, { ...filter, today, scope: this.access.records(signedIn(ctx), 'list') });
  }

  /** A poster frame is the record's content (a photo's poster is the photo): shown to whom it may play, as playing is. */
  posters(ctx: CallContext, ids: number[]) {
    return posterDataUrls(this.db, this.storeRoot(), ids, this.access.records(signedIn(ctx), 'play'));
  }

  /** One camera's day; an officer sees only the clips within their reach (the others are not even counted). */
  timeline(ctx: CallContext, deviceNo: string, day: string | undefined): TimelineDto & { days: { day: string; clips: number }[] } {
    const scope = this.access.records(signedIn(ctx), 'list');
    const days = deviceDays(this.db, deviceNo, scope);
    const shown = day ?? days[0]?.day ?? '';
    return { ...deviceDay(this.db, deviceNo, shown, scope), days };
  }

  explainLate(ctx: CallContext, recordId: number, reason: string): RecordDto {
    const account = this.access.requireRecord(ctx, 'list', recordId);
    const record = this.existing(recordId);
    this.db.transaction(() => {
      this.db.prepare('INSERT INTO late_explanations (record_id, at, by_account, reason) VALUES (?, ?, ?, ?)').run(recordId, this.clock.now().toISOString(), account.id, reason);
      this.audit.append({ ...ctx.auditBase(), action: 'record.late_explained', target: `record:${recordId}`, details: { reason, previous: record.timeliness?.explanation ?? null } });
      this.search.refresh([recordId]);
    })();
    return this.existing(recordId);
  }

  assignOfficer(ctx: CallContext, recordId: number, officerId: number, note?: string): RecordDto {
    const account = this.access.requireRecord(ctx, 'list', recordId);
    const record = this.existing(recordId);
    if (!this.db.prepare('SELECT 1 FROM accounts WHERE id = ?').get(officerId)) throw new AppError('NOT_FOUND', `no account ${officerId}`, { id: officerId });
    this.db.transaction(() => {
      this.db.prepare("INSERT INTO record_officers (record_id, officer_id, source, at, by_account, note) VALUES (?, ?, 'keeper', ?, ?, ?)").run(recordId, officerId, this.clock.now().toISOString(), account.id, note ?? null);
      this.audit.append({ ...ctx.auditBase(), action: 'record.officer_assigned', target: `record:${recordId}`, details: { officerId, previous: record.officer?.id ?? null, note: note ?? null } });
      this.search.refresh([recordId]);
    })();
    return this.existing(recordId);
  }

  private existing(recordId: number): RecordDto {
    const record = readRecord(this.db, recordId);
    if (!record) throw new AppError('NOT_FOUND', `no record ${recordId}`, { id: recordId });
    return record;
  }
}

function signedIn(ctx: CallContext) {
  if (!ctx.account) throw new AppError('NOT_AUTHENTICATED', 'sign in first');
  return ctx.account;
}
