import type { LoanDto } from '../../../shared/contract/loans-dto.js';
import type { RequestItem } from '../../../shared/contract/requests-dto.js';
import { AppError } from '../../../shared/errors.js';
import { officeTime } from '../../../shared/rules/office-time.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { CallContext } from '../base/call-context.js';
import type { Clock } from '../base/clock.js';
import type { Db } from '../db/open.js';
import type { DocumentsFolder } from '../documents/documents-folder.js';
import { writeLendingReceipt } from '../documents/lending-receipt.js';
import type { SettingsService } from '../settings/settings-service.js';
import { itemLabel } from './request-items.js';
import { refusalsAudited } from './refusals.js';
import { nextRegisterNumber } from '../base/register-number.js';

interface LoanRow {
  id: number;
  number: string;
  request_id: number;
  approval: string;
  item_kind: 'disc' | 'case';
  item_id: number;
  borrower: string;
  lent_at: string;
  lent_by_name: string;
  due_on: string;
  returned_at: string | null;
  received_by_name: string | null;
  condition: string | null;
  case_no: string | null;
}

/** The case a loan's item belongs to: a case file is its case; a disc, the case it was burned for. */
export const LOAN_CASE_ID = `(CASE l.item_kind WHEN 'case' THEN l.item_id ELSE (SELECT d.case_id FROM discs d WHERE d.id = l.item_id) END)`;

const SELECT = `SELECT l.*, q.number AS approval, a.display_name AS lent_by_name, r.display_name AS received_by_name, lc.case_no
  FROM loans l JOIN access_requests q ON q.id = l.request_id JOIN accounts a ON a.id = l.lent_by LEFT JOIN accounts r ON r.id = l.received_by
  LEFT JOIN cases lc ON lc.id = ${LOAN_CASE_ID}`;

const DAY_MS = 86_400_000;

/**
 * Physical lending: an evidence disc or a paper case file goes out on an approved borrowing or
 * lending request, inside its window, with a due date no later than the window's end; it comes
 * back once, with its condition. The register's query (what is out, overdue, returned) is
 * RegistersService's.
 */
export class LoansService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly settings: SettingsService,
    private readonly documents: DocumentsFolder,
  ) {}

  lend(ctx: CallContext, requestId: number, item: RequestItem, dueOn: string): LoanDto {
    return refusalsAudited(this.audit, ctx, 'lend', requestId, () => this.lendChecked(ctx, requestId, item, dueOn));
  }

  private lendChecked(ctx: CallContext, requestId: number, item: RequestItem, dueOn: string): LoanDto {
    const account = ctx.account as NonNullable<CallContext['account']>;
    const q = this.db.prepare('SELECT id, number, kind, state, requester, granted_items, granted_from, granted_to FROM access_requests WHERE id = ?').get(requestId) as
      | { id: number; number: string; kind: string; state: string; requester: string; granted_items: string | null; granted_from: string | null; granted_to: string | null }
      | undefined;
    if (!q) throw new AppError('NOT_FOUND', `no request ${requestId}`, { id: requestId });
    if (q.kind !== 'lend_item' && q.kind !== 'department_borrow') throw new AppError('VALIDATION_FAILED', 'lending needs a borrowing or lending request', { fields: 'requestId' });
    if (q.state !== 'approved' || !q.granted_items || !q.granted_from || !q.granted_to) throw new AppError('NOT_APPROVED', 'not approved', { number: q.number, state: q.state });
    if (item.kind === 'record') throw new AppError('VALIDATION_FAILED', 'a disc or a case file is lent, not a record', { fields: 'item' });
    if (!(JSON.parse(q.granted_items) as RequestItem[]).some((g) => g.kind === item.kind && g.id === item.id)) throw new AppError('NOT_FOUND', 'not in the approval', { id: item.id });
    const label = itemLabel(this.db, item);
    const out = this.db.prepare('SELECT number FROM loans WHERE item_kind = ? AND item_id = ? AND returned_at IS NULL').get(item.kind, item.id) as { number: string } | undefined;
    if (out) throw new AppError('ITEM_OUT', 'out on loan', { label, number: out.number });
    // One loan per item per approval: out now or back already, lending it again needs a new request.
    if (this.db.prepare('SELECT 1 FROM loans WHERE request_id = ? AND item_kind = ? AND item_id = ?').get(requestId, item.kind, item.id)) throw new AppError('APPROVAL_USED', 'lent on this approval already', { number: q.number });
    const now = this.clock.now().toISOString();
    if (now < q.granted_from || now >= q.granted_to) throw new AppError('GRANT_NOT_LIVE', 'outside the approved window', { number: q.number });
    if (dueOn < this.today() || dueOn > this.day(q.granted_to)) throw new AppError('VALIDATION_FAILED', 'due within the approved window', { fields: 'dueOn' });
    const id = this.db.transaction(() => {
      const newId = Number(
        this.db
          .prepare('INSERT INTO loans (number, request_id, item_kind, item_id, borrower, lent_at, lent_by, due_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
          .run(nextRegisterNumber(this.db, 'loans', 'J', this.today().slice(0, 4)), requestId, item.kind, item.id, q.requester, now, account.id, dueOn).lastInsertRowid,
      );
      this.audit.append({ ...ctx.auditBase(), action: 'loan.lent', target: `request:${requestId}`, details: { loanId: newId, item, label, dueOn } });
      return newId;
    })();
    return this.get(id);
  }

  return(ctx: CallContext, loanId: number, condition: string): LoanDto {
    const requestId = (this.db.prepare('SELECT request_id FROM loans WHERE id = ?').get(loanId) as { request_id: number } | undefined)?.request_id ?? null;
    return refusalsAudited(this.audit, ctx, 'return', requestId, () => this.returnChecked(ctx, loanId, condition));
  }

  private returnChecked(ctx: CallContext, loanId: number, condition: string): LoanDto {
    const loan = this.get(loanId);
    if (loan.returnedAt) throw new AppError('ALREADY_RETURNED', 'returned already', { number: loan.number });
    this.db.transaction(() => {
      this.db.prepare('UPDATE loans SET returned_at = ?, received_by = ?, condition = ? WHERE id = ?').run(this.clock.now().toISOString(), ctx.account?.id ?? null, condition, loanId);
      this.audit.append({ ...ctx.auditBase(), action: 'loan.returned', target: `request:${loan.requestId}`, details: { loanId, label: loan.item.label, condition, overdueDays: loan.overdueDays } });
    })();
    return this.get(loanId);
  }

  get(id: number): LoanDto {
    const row = this.db.prepare(`${SELECT} WHERE l.id = ?`).get(id) as LoanRow | undefined;
    if (!row) throw new AppError('NOT_FOUND', `no loan ${id}`, { id });
    return this.toDto(row);
  }

  /** The receipt (借阅单) to sign, as a PDF for the caller's session. */
  async receipt(ctx: CallContext, id: number): Promise<{ path: string; name: string }> {
    const loan = this.get(id);
    const doc = this.documents.reserve('loan', ctx.token);
    const at = (instant: string) => officeTime(instant, this.zone()).slice(0, 16);
    await writeLendingReceipt(
      doc.file,
      {
        office: this.settings.office()?.name ?? '',
        number: loan.number,
        approvalNumber: loan.approvalNumber,
        item: { label: `${loan.item.kind === 'disc' ? '光盘' : '案卷'} ${loan.item.label}`, detail: null },
        borrower: { name: loan.borrower.name, department: loan.borrower.department || null, contact: loan.borrower.contact || null },
        lentAt: at(loan.lentAt),
        dueOn: loan.dueOn,
        lentBy: loan.lentBy,
        returned: loan.returnedAt && loan.condition ? { at: at(loan.returnedAt), condition: loan.condition, receivedBy: loan.receivedBy ?? '' } : null,
      },
      this.clock.now(),
    );
    return { path: doc.file, name: doc.name };
  }

  private zone(): string {
    return this.settings.timeliness().timeZone;
  }

  private day(instant: string): string {
    return officeTime(instant, this.zone()).slice(0, 10);
  }

  private today(): string {
    return this.day(this.clock.now().toISOString());
  }

  private toDto(r: LoanRow): LoanDto {
    const borrower = JSON.parse(r.borrower) as { name: string; department?: string; contact?: string };
    // Out: late by today; back: late by the day it came back (what the register keeps of it).
    const overdue = Math.floor((Date.parse(r.returned_at ? this.day(r.returned_at) : this.today()) - Date.parse(r.due_on)) / DAY_MS);
    return {
      id: r.id,
      number: r.number,
      requestId: r.request_id,
      approvalNumber: r.approval,
      item: { kind: r.item_kind, id: r.item_id, label: itemLabel(this.db, { kind: r.item_kind, id: r.item_id }) },
      caseNo: r.case_no,
      borrower: { name: borrower.name, department: borrower.department ?? '', contact: borrower.contact ?? '' },
      lentAt: r.lent_at,
      lentBy: r.lent_by_name,
      dueOn: r.due_on,
      returnedAt: r.returned_at,
      receivedBy: r.received_by_name,
      condition: r.condition,
      overdueDays: Math.max(0, overdue),
    };
  }
}
