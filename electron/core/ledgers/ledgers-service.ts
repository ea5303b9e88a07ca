import type { DocumentsFolder } from '../documents/documents-folder.js';
import { writeLedgerDocx } from '../documents/ledger-docx.js';
import { writeLedgerPdf } from '../documents/ledger-pdf.js';
import { writeLedgerXlsx } from '../documents/ledger-xlsx.js';
import { AppError } from '../../../shared/errors.js';
import { CASE_KINDS, type CaseKind } from '../../../shared/rules/case-number.js';
import type { LedgerDto, LedgerDueDto, LedgerExport, LedgerQuery } from '../../../shared/contract/ledgers-dto.js';
import { ledgerPlacement, monthDays, previousMonth, wholeMonth } from '../../../shared/rules/ledger-period.js';
import { officeTime } from '../../../shared/rules/office-time.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { CallContext } from '../base/call-context.js';
import type { Clock } from '../base/clock.js';
import { ledgerFactsOf } from '../cases/cases-service.js';
import type { Db } from '../db/open.js';
import type { SettingsService } from '../settings/settings-service.js';
import { ledgerDates } from './ledger-dates.js';
import { LEDGER_LAYOUTS, ledgerTitle, type LedgerCase } from './ledger-tables.js';

interface CaseRow {
  id: number;
  case_no: string;
  cause: string;
  parties: string;
  handlers: string;
  closed_on: string | null;
  ledger_facts: string | null;
}

/**
 * The county's three case ledgers (004 §11 and its forms): each kind's cases placed in the month
 * the reporting rule names (shared/rules/ledger-period.ts), filled from the case, a missing fact
 * left as a gap; written as XLSX, DOCX (the Word copy the county wants by e-mail) and PDF; and
 * which month's ledgers were sent, so the keeper is reminded on the 1st until they are.
 */
export class LedgersService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly settings: SettingsService,
    private readonly documents: DocumentsFolder,
  ) {}

  get(query: LedgerQuery): LedgerDto {
    const { from, to } = query.from && query.to ? { from: query.from, to: query.to } : this.period(query);
    const layout = LEDGER_LAYOUTS[query.kind];
    const placed: { c: LedgerCase; day: string; basis: 'closed' | 'inspected' | 'rechecked' }[] = [];
    const waiting: LedgerDto['waiting'] = [];
    for (const c of this.cases(query.kind)) {
      const p = ledgerPlacement(ledgerDates(query.kind, c.closedOn, c.facts));
      if (p.day === null) waiting.push({ caseId: c.id, caseNo: c.caseNo, cause: c.cause, waiting: p.waiting });
      else if (p.day >= from && p.day <= to) placed.push({ c, day: p.day, basis: p.basis });
    }
    placed.sort((a, b) => a.day.localeCompare(b.day) || a.c.id - b.c.id);
    const month = wholeMonth(from, to);
    return {
      kind: query.kind,
      from,
      to,
      title: ledgerTitle(this.settings.office()?.name ?? '', query.kind, from, to),
      headings: layout.headings,
      rows: placed.map(({ c, day, basis }, i) => {
        const cells = [String(i + 1), ...layout.cells(c)];
        return { caseId: c.id, caseNo: c.caseNo, day, basis, cells, gaps: cells.filter((v) => v === null).length };
      }),
      waiting,
      rule: layout.rule,
      sent: month ? this.sent(query.kind, month) : null,
    };
  }

  /** The ledger as a file in the documents folder for the caller's session; audited. */
  async export(ctx: CallContext, input: LedgerExport): Promise<{ path: string; name: string }> {
    const ledger = this.get(input);
    const doc = this.documents.reserve(`ledger-${input.kind}-${ledger.from}-${ledger.to}`, ctx.token, input.format);
    const widths = LEDGER_LAYOUTS[input.kind].widths;
    const office = this.settings.office()?.name ?? '';
    const now = this.clock.now();
    if (input.format === 'xlsx') await writeLedgerXlsx(doc.file, ledger, widths, office, now);
    else if (input.format === 'docx') await writeLedgerDocx(doc.file, ledger, widths, office);
    else await writeLedgerPdf(doc.file, ledger, widths, office, now);
    this.audit.append({
      ...ctx.auditBase(),
      action: 'ledger.exported',
      target: null,
      details: { kind: input.kind, from: ledger.from, to: ledger.to, format: input.format, rows: ledger.rows.length, gaps: ledger.rows.reduce((n, r) => n + r.gaps, 0) },
    });
    return { path: doc.file, name: doc.name };
  }

  /** Last month's three ledgers and whether each was marked sent. */
  due(): LedgerDueDto {
    const { from, to } = previousMonth(this.today());
    const month = from.slice(0, 7);
    return { month, from, to, kinds: CASE_KINDS.map((kind) => ({ kind, sent: this.sent(kind, month) })) };
  }

  /** Marks a finished month's ledger of a kind as sent to the county; marking it again changes nothing. */
  markSent(ctx: CallContext, kind: CaseKind, month: string): LedgerDueDto {
    if (!ctx.account) throw new AppError('NOT_AUTHENTICATED', 'no account');
    if (month >= this.today().slice(0, 7)) throw new AppError('VALIDATION_FAILED', 'a ledger is sent after its month ends', { fields: 'month' });
    if (!this.sent(kind, month)) {
      const account = ctx.account;
      this.db.transaction(() => {
        this.db.prepare('INSERT INTO ledger_reports (kind, month, sent_at, sent_by) VALUES (?, ?, ?, ?)').run(kind, month, this.clock.now().toISOString(), account.id);
        this.audit.append({ ...ctx.auditBase(), action: 'ledger.sent', target: null, details: { kind, month } });
      })();
    }
    return this.due();
  }

  private sent(kind: CaseKind, month: string): { at: string; by: string } | null {
    const row = this.db.prepare('SELECT r.sent_at AS at, a.display_name AS by FROM ledger_reports r JOIN accounts a ON a.id = r.sent_by WHERE r.kind = ? AND r.month = ?').get(kind, month) as
      | { at: string; by: string }
      | undefined;
    return row ?? null;
  }

  /** A period given by one end only: that end's month; none given: last month. */
  private period(query: LedgerQuery): { from: string; to: string } {
    const given = query.from ?? query.to;
    if (!given) return previousMonth(this.today());
    const month = monthDays(given.slice(0, 7));
    return { from: query.from ?? month.from, to: query.to ?? month.to };
  }

  private cases(kind: CaseKind): LedgerCase[] {
    const rows = this.db.prepare('SELECT id, case_no, cause, parties, handlers, closed_on, ledger_facts FROM cases WHERE kind = ? ORDER BY id').all(kind) as CaseRow[];
    const officer = this.db.prepare('SELECT display_name FROM accounts WHERE id = ?').pluck();
    return rows.map((r) => ({
      id: r.id,
      caseNo: r.case_no,
      cause: r.cause,
      parties: (JSON.parse(r.parties) as { name: string }[]).map((p) => p.name),
      handlers: (JSON.parse(r.handlers) as number[]).map((id) => (officer.get(id) as string | undefined) ?? `#${id}`),
      closedOn: r.closed_on,
      facts: ledgerFactsOf(r.ledger_facts),
    }));
  }

  private today(): string {
    return officeTime(this.clock.now(), this.settings.timeliness().timeZone).slice(0, 10);
  }
}
