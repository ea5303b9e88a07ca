import { randomInt } from 'node:crypto';
import type { SpotCheckDraw, SpotCheckDto, SpotCheckSummaryDto, Verdict } from '../../../shared/contract/spot-checks-dto.js';
import { AppError } from '../../../shared/errors.js';
import { ledgerPlacement } from '../../../shared/rules/ledger-period.js';
import { officeDay } from '../../../shared/rules/retention.js';
import { SEED_MAX, seededDraw } from '../../../shared/rules/seeded-draw.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { CallContext } from '../base/call-context.js';
import type { Clock } from '../base/clock.js';
import { nextRegisterNumber } from '../base/register-number.js';
import type { Db } from '../db/open.js';
import type { DocumentsFolder } from '../documents/documents-folder.js';
import { writeSpotCheckReport } from '../documents/spot-check-report.js';
import type { SettingsService } from '../settings/settings-service.js';
import { LEDGER_COLUMNS, ledgerDatesOf, type LedgerRow } from '../ledgers/ledger-dates.js';
import { SELECT_CHECKS, drawnCases, summaryOf, type CheckRow } from './spot-check-rows.js';

/**
 * The supervisor's spot check (004 §11): cases drawn at random from the ledger of a period, with
 * a seed that is shown and kept, so anyone can draw again and get the same cases; findings on
 * each case appended as events; the check closed once; a printed report. Every step is audited.
 */
export class SpotChecksService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly settings: SettingsService,
    private readonly documents: DocumentsFolder,
  ) {}

  /**
   * Draws from the cases on the ledger for the period, taken by id (a stable order the seed's
   * draw runs over). A sample larger than the ledger takes every case on it; an empty ledger is
   * refused, as there is nothing to check. The checker's own cases (as a handler) are left out
   * unless asked for; the same seed, period and checker draw the same cases again.
   */
  draw(ctx: CallContext, input: SpotCheckDraw): SpotCheckDto {
    const account = ctx.account as NonNullable<CallContext['account']>;
    const seed = input.seed ?? randomInt(0, SEED_MAX + 1);
    const now = this.clock.now();
    const id = this.db.transaction(() => {
      const own = new Set(this.db.prepare('SELECT case_id FROM case_handlers WHERE officer_id = ?').pluck().all(account.id) as number[]);
      const all = this.ledger(input.from, input.to);
      const ledger = input.keepOwnCases ? all : all.filter((c) => !own.has(c.id));
      if (ledger.length === 0) throw new AppError('NO_CANDIDATES', 'no case on the ledger in the period', { from: input.from, to: input.to });
      const drawn = seededDraw(ledger, input.size, seed);
      const number = nextRegisterNumber(this.db, 'spot_checks', 'C', officeDay(now, this.zone()).slice(0, 4));
      const checkId = Number(
        this.db
          .prepare('INSERT INTO spot_checks (number, period_from, period_to, requested, seed, candidates, drawn_at, drawn_by, workstation) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
          .run(number, input.from, input.to, input.size, seed, ledger.length, now.toISOString(), account.id, ctx.workstation).lastInsertRowid,
      );
      const put = this.db.prepare('INSERT INTO spot_check_cases (spot_check_id, position, case_id, ledger_day) VALUES (?, ?, ?, ?)');
      drawn.forEach((c, i) => put.run(checkId, i + 1, c.id, c.day));
      this.audit.append({
        ...ctx.auditBase(),
        action: 'spot_check.drawn',
        target: `spot_check:${checkId}`,
        details: {
          number,
          from: input.from,
          to: input.to,
          requested: input.size,
          drawn: drawn.length,
          seed,
          candidates: ledger.length,
          caseIds: drawn.map((c) => c.id),
          ownCases: input.keepOwnCases ? 'kept' : [...own].filter((id) => all.some((c) => c.id === id)),
        },
      });
      return checkId;
    })();
    return this.get(id);
  }

  list(): SpotCheckSummaryDto[] {
    return (this.db.prepare(`${SELECT_CHECKS} ORDER BY s.id DESC`).all() as CheckRow[]).map(summaryOf);
  }

  get(id: number): SpotCheckDto {
    const row = this.db.prepare(`${SELECT_CHECKS} WHERE s.id = ?`).get(id) as CheckRow | undefined;
    if (!row) throw new AppError('NOT_FOUND', `no spot check ${id}`, { id });
    return { ...summaryOf(row), closedBy: row.closed_by_name, closingNote: row.closing_note, cases: drawnCases(this.db, id) };
  }

  /** A finding on one drawn case, appended; refused once the check is closed, or for a case it did not draw. */
  addFinding(ctx: CallContext, input: { id: number; caseId: number; verdict: Verdict; text: string }): SpotCheckDto {
    const account = ctx.account as NonNullable<CallContext['account']>;
    this.db.transaction(() => {
      const check = this.open(input.id);
      const drawn = this.db.prepare('SELECT 1 FROM spot_check_cases WHERE spot_check_id = ? AND case_id = ?').get(input.id, input.caseId);
      if (!drawn) throw new AppError('CASE_NOT_DRAWN', `case ${input.caseId} is not in spot check ${check.number}`, { number: check.number });
      this.db
        .prepare('INSERT INTO spot_check_findings (spot_check_id, case_id, verdict, text, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?)')
        .run(input.id, input.caseId, input.verdict, input.text, this.clock.now().toISOString(), account.id);
      this.audit.append({ ...ctx.auditBase(), action: 'spot_check.finding', target: `case:${input.caseId}`, details: { spotCheckId: input.id, number: check.number, verdict: input.verdict, text: input.text } });
    })();
    return this.get(input.id);
  }

  /** Closes the check, keeping the audit chain head it closed at; it takes no findings after. */
  close(ctx: CallContext, id: number, note: string | undefined): SpotCheckDto {
    const account = ctx.account as NonNullable<CallContext['account']>;
    this.db.transaction(() => {
      const check = this.open(id);
      this.audit.append({ ...ctx.auditBase(), action: 'spot_check.closed', target: `spot_check:${id}`, details: { number: check.number, note: note ?? null } });
      const head = this.audit.head();
      this.db
        .prepare('UPDATE spot_checks SET closed_at = ?, closed_by = ?, closing_note = ?, closed_head_seq = ?, closed_head_hash = ? WHERE id = ?')
        .run(this.clock.now().toISOString(), account.id, note ?? null, head.seq, head.hash, id);
    })();
    return this.get(id);
  }

  /** The printed report (抽查记录), as a PDF for this session. */
  async report(ctx: CallContext, id: number): Promise<{ path: string; name: string }> {
    const check = this.get(id);
    const row = this.db.prepare('SELECT closed_head_seq AS seq, closed_head_hash AS hash FROM spot_checks WHERE id = ?').get(id) as { seq: number | null; hash: string | null };
    const head = row.hash !== null && row.seq !== null ? { seq: row.seq, hash: row.hash, when: 'closed' as const } : { ...this.audit.head(), when: 'printed' as const };
    const doc = this.documents.reserve(`spot-check-${check.number}`, ctx.token);
    await writeSpotCheckReport(doc.file, { office: this.settings.office()?.name ?? '', check, timeZone: this.zone(), chainHead: head }, this.clock.now());
    return { path: doc.file, name: doc.name };
  }

  /** The cases on the ledger for the period, by id, each with the day that puts it there. */
  private ledger(from: string, to: string): { id: number; day: string }[] {
    const rows = this.db.prepare(`SELECT c.id, ${LEDGER_COLUMNS} FROM cases c ORDER BY c.id`).all() as (LedgerRow & { id: number })[];
    return rows.flatMap((r) => {
      const placed = ledgerPlacement(ledgerDatesOf(r));
      return placed.day !== null && placed.day >= from && placed.day <= to ? [{ id: r.id, day: placed.day }] : [];
    });
  }

  private open(id: number): { number: string } {
    const row = this.db.prepare('SELECT number, closed_at FROM spot_checks WHERE id = ?').get(id) as { number: string; closed_at: string | null } | undefined;
    if (!row) throw new AppError('NOT_FOUND', `no spot check ${id}`, { id });
    if (row.closed_at) throw new AppError('SPOT_CHECK_CLOSED', `spot check ${row.number} is closed`, { number: row.number });
    return row;
  }

  private zone(): string {
    return this.settings.timeliness().timeZone;
  }
}
