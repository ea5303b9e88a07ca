import type { LoanDto } from '../../../shared/contract/loans-dto.js';
import { LIMITS } from '../../../shared/contract/limits.js';
import type { LoanFilters, RegisterExport, ViewingFilters } from '../../../shared/contract/registers-dto.js';
import type { RoomRegisterQuery, RoomRow } from '../../../shared/contract/room-registers.js';
import type { ViewingDto } from '../../../shared/contract/viewings-dto.js';
import { officeTime } from '../../../shared/rules/office-time.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { CallContext } from '../base/call-context.js';
import type { Clock } from '../base/clock.js';
import type { Db } from '../db/open.js';
import type { DocumentsFolder } from '../documents/documents-folder.js';
import type { RegisterDocument } from '../documents/register-document.js';
import { writeRegisterPdf } from '../documents/register-pdf.js';
import { writeRegisterXlsx } from '../documents/register-xlsx.js';
import { roomRows } from '../registers/room-query.js';
import { onOfficeClock, roomRegister } from '../registers/room-tables.js';
import type { SettingsService } from '../settings/settings-service.js';
import type { LoansService } from './loans-service.js';
import { loanIds, viewingIds, type RegisterOrder } from './register-query.js';
import { loanRegister, viewingRegister } from './register-tables.js';
import type { ViewingsService } from './viewings-service.js';

/**
 * The records room's registers, read as one: viewing (查阅登记) and lending (借阅登记), and the
 * room registers of imports, discs, destruction and integrity checks. On screen a page of the
 * newest or most pressing entries, exported whole (within the filter) as an XLSX or a landscape
 * PDF. A register leaving the system is an event of the audit log, with its filter.
 */
export class RegistersService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly settings: SettingsService,
    private readonly documents: DocumentsFolder,
    private readonly viewingsService: ViewingsService,
    private readonly loansService: LoansService,
  ) {}

  /** The viewing register as filtered: on screen at most a page, newest first; in a document all of it, oldest first. */
  viewings(filters: ViewingFilters, order: RegisterOrder = 'screen'): ViewingDto[] {
    const limit = order === 'screen' ? LIMITS.registerRowsMax : null;
    return viewingIds(this.db, filters, this.zone(), order, limit).map((id) => this.viewingsService.get(id));
  }

  /** The lending register as filtered: on screen what is out first (most overdue on top); in a document in the order lent. */
  loans(filters: LoanFilters, order: RegisterOrder = 'screen'): LoanDto[] {
    const limit = order === 'screen' ? LIMITS.registerRowsMax : null;
    return loanIds(this.db, filters, this.zone(), this.today(), order, limit).map((id) => this.loansService.get(id));
  }

  /** A room register as filtered: on screen at most a page, newest first; in a document all of it, oldest first. */
  rows(q: RoomRegisterQuery, order: RegisterOrder = 'screen'): RoomRow[] {
    const limit = order === 'screen' ? LIMITS.registerRowsMax : null;
    return roomRows(this.db, q.register, q.filters, this.zone(), order, limit).map((row) => onOfficeClock(q.register, row, this.zone()));
  }

  /** The register as filtered, as a file in the documents folder for the caller's session. */
  async export(ctx: CallContext, input: RegisterExport): Promise<{ path: string; name: string }> {
    const context = { office: this.settings.office()?.name ?? '', exportedBy: ctx.account?.displayName ?? '', now: this.clock.now(), timeZone: this.zone() };
    const register: RegisterDocument =
      input.register === 'viewings'
        ? viewingRegister(this.viewings(input.filters, 'register'), input.filters, context)
        : input.register === 'loans'
          ? loanRegister(this.loans(input.filters, 'register'), input.filters, context)
          : roomRegister(input.register, this.rows({ register: input.register, filters: input.filters }, 'register'), input.filters, context);
    const doc = this.documents.reserve(`${input.register}-register`, ctx.token, input.format);
    if (input.format === 'xlsx') await writeRegisterXlsx(doc.file, register, context.now);
    else await writeRegisterPdf(doc.file, register, context.now);
    this.audit.append({
      ...ctx.auditBase(),
      action: 'register.exported',
      target: null,
      details: { register: input.register, format: input.format, rows: register.rows.length, filters: input.filters },
    });
    return { path: doc.file, name: doc.name };
  }

  private zone(): string {
    return this.settings.timeliness().timeZone;
  }

  private today(): string {
    return officeTime(this.clock.now(), this.zone()).slice(0, 10);
  }
}
