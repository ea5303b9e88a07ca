import type { RetentionHoldDto, RetentionReviewDto, RecordRetentionDto } from '../../../shared/contract/retention-dto.js';
import { AppError } from '../../../shared/errors.js';
import { EXPIRY_WARNINGS, dayAfter, daysUntilDestroyable, officeDay, retentionPolicyProblem, retentionStatus, type HoldKind, type RetentionPolicy, type RetentionRule } from '../../../shared/rules/retention.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { CallContext } from '../base/call-context.js';
import type { Clock } from '../base/clock.js';
import type { Db } from '../db/open.js';
import type { SettingsService } from '../settings/settings-service.js';
import { holdsOn } from './holds.js';
import { RecordRetention } from './record-retention.js';

/** How many expired records the review lists at once; the rest are counted. */
const REVIEW_LIMIT = 5000;

interface ReviewRow {
  record_id: number;
  original_name: string;
  media_type: string;
  recorded_at: string | null;
  officer_id: number | null;
  officer_name: string | null;
  class: 'standard' | 'evidence';
  kept_through: string;
  rule: string;
  cases: string | null;
}

/**
 * Retention periods and holds (REQUIREMENTS §4): the office's policy (never shorter than the
 * rules), each record's term and whether anything holds it, hand-set holds, and the expiry review
 * — records whose period has ended and that nothing holds, each with the rule that ends it.
 */
export class RetentionService {
  private readonly terms: RecordRetention;

  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly settings: SettingsService,
  ) {
    this.terms = new RecordRetention(db, audit);
  }

  /** Terms for records that have none yet (the first start of this version), at start-up. */
  fillMissing(): Promise<number> {
    return this.terms.fillMissing();
  }

  policy(): RetentionPolicy {
    return this.terms.policy();
  }

  /**
   * A new policy, refused when shorter than the rules allow; every record's end date follows at
   * once. The policy change is the audit event (its old and new values are the rule for them all).
   */
  setPolicy(ctx: CallContext, next: RetentionPolicy): RetentionPolicy {
    const problem = retentionPolicyProblem(next);
    if (problem) throw new AppError('RETENTION_TOO_SHORT', problem, { problem });
    const old = this.policy();
    if (JSON.stringify(old) === JSON.stringify(next)) return old;
    this.db.transaction(() => {
      this.db.prepare("INSERT INTO settings (key, value) VALUES ('retention', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value").run(JSON.stringify(next));
      this.audit.append({ ...ctx.auditBase(), action: 'settings.changed', target: 'retention', details: { old, new: next } });
      if (old.standardYears === next.standardYears && old.evidenceYears === next.evidenceYears) return;
      const ids = (this.db.prepare('SELECT id FROM records').all() as { id: number }[]).map((r) => r.id);
      new RecordRetention(this.db, null).refresh(ids);
    })();
    return next;
  }

  today(): string {
    return officeDay(this.clock.now(), this.settings.timeliness().timeZone);
  }

  /** One record's term, status and holds, for wherever the record is shown. */
  record(recordId: number): RecordRetentionDto {
    const row = this.db.prepare('SELECT class, kept_through, rule FROM record_retention WHERE record_id = ?').get(recordId) as { class: 'standard' | 'evidence'; kept_through: string | null; rule: string } | undefined;
    if (!row) throw new AppError('NOT_FOUND', `no record ${recordId}`, { id: recordId });
    const kinds = holdsOn(this.db, this.clock.now().toISOString(), [recordId]).get(recordId) ?? [];
    const term = { class: row.class, keptThrough: row.kept_through, rule: JSON.parse(row.rule) as RetentionRule };
    const { status, daysLeft } = retentionStatus(term, kinds, this.today());
    return { recordId, ...term, destroyableFrom: row.kept_through ? dayAfter(row.kept_through) : null, status, daysLeft, holdKinds: kinds, holds: this.manualHolds(recordId) };
  }

  /** Records whose period has ended, that nothing holds and no list already carries, oldest end first, each with its rule. */
  review(): RetentionReviewDto {
    const today = this.today();
    const rows = this.db
      .prepare(
        `SELECT x.record_id, r.original_name, r.media_type, s.recorded_at, s.officer_id, a.display_name AS officer_name, x.class, x.kept_through, x.rule,
           (SELECT group_concat(c.case_no, '、') FROM record_links l JOIN cases c ON c.id = l.case_id WHERE l.record_id = x.record_id AND l.unlinked_at IS NULL) AS cases
         FROM record_retention x JOIN records r ON r.id = x.record_id JOIN record_search s ON s.record_id = x.record_id LEFT JOIN accounts a ON a.id = s.officer_id
         WHERE x.kept_through < @today AND NOT EXISTS (SELECT 1 FROM destruction_items di WHERE di.record_id = x.record_id AND di.live = 1)
         ORDER BY x.kept_through, x.record_id`,
      )
      .all({ today }) as ReviewRow[];
    const held = holdsOn(this.db, this.clock.now().toISOString(), rows.map((r) => r.record_id));
    const due = rows.filter((r) => !held.has(r.record_id));
    return {
      today,
      total: due.length,
      held: rows.length - due.length,
      items: due.slice(0, REVIEW_LIMIT).map((r) => ({
        recordId: r.record_id,
        name: r.original_name,
        mediaType: r.media_type,
        recordedAt: r.recorded_at,
        officerId: r.officer_id,
        officer: r.officer_name,
        cases: r.cases ? r.cases.split('、') : [],
        class: r.class,
        keptThrough: r.kept_through,
        rule: JSON.parse(r.rule) as RetentionRule,
      })),
    };
  }

  /** How many unheld records may be destroyed within 1, 7 and 30 days: the dashboard's warnings. */
  warnings(): { within: (typeof EXPIRY_WARNINGS)[number]; count: number }[] {
    const today = this.today();
    const rows = this.db.prepare("SELECT record_id, kept_through FROM record_retention WHERE kept_through >= ? AND kept_through < date(?, '+30 days')").all(today, today) as { record_id: number; kept_through: string }[];
    const held = holdsOn(this.db, this.clock.now().toISOString(), rows.map((r) => r.record_id));
    const left = rows.filter((r) => !held.has(r.record_id)).map((r) => daysUntilDestroyable(r.kept_through, today));
    return EXPIRY_WARNINGS.map((within) => ({ within, count: left.filter((d) => d <= within).length }));
  }

  /** A hold set by hand: litigation, review, complaint or another reason, written down. */
  hold(ctx: CallContext, recordId: number, kind: RetentionHoldDto['kind'], reason: string): RecordRetentionDto {
    const account = ctx.account as NonNullable<CallContext['account']>;
    if (!this.db.prepare('SELECT 1 FROM records WHERE id = ?').get(recordId)) throw new AppError('NOT_FOUND', `no record ${recordId}`, { id: recordId });
    this.db.transaction(() => {
      const id = this.db.prepare('INSERT INTO retention_holds (record_id, kind, reason, set_at, set_by) VALUES (?, ?, ?, ?, ?)').run(recordId, kind, reason, this.clock.now().toISOString(), account.id).lastInsertRowid;
      this.audit.append({ ...ctx.auditBase(), action: 'retention.hold_set', target: `record:${recordId}`, details: { holdId: Number(id), kind, reason } });
    })();
    return this.record(recordId);
  }

  lift(ctx: CallContext, holdId: number, reason: string): RecordRetentionDto {
    const account = ctx.account as NonNullable<CallContext['account']>;
    const hold = this.db.prepare('SELECT record_id, kind, lifted_at FROM retention_holds WHERE id = ?').get(holdId) as { record_id: number; kind: HoldKind; lifted_at: string | null } | undefined;
    if (!hold) throw new AppError('NOT_FOUND', `no hold ${holdId}`, { id: holdId });
    if (hold.lifted_at) throw new AppError('ALREADY_LIFTED', 'lifted already', { id: holdId });
    this.db.transaction(() => {
      this.db.prepare('UPDATE retention_holds SET lifted_at = ?, lifted_by = ?, lift_reason = ? WHERE id = ?').run(this.clock.now().toISOString(), account.id, reason, holdId);
      this.audit.append({ ...ctx.auditBase(), action: 'retention.hold_lifted', target: `record:${hold.record_id}`, details: { holdId, kind: hold.kind, reason } });
    })();
    return this.record(hold.record_id);
  }

  /** The holds set by hand and not yet lifted, newest first, with the record each holds. */
  liveHolds(): (RetentionHoldDto & { recordId: number; recordName: string })[] {
    return this.db
      .prepare(
        `SELECT h.id, h.record_id AS recordId, r.original_name AS recordName, h.kind, h.reason, h.set_at AS setAt, s.display_name AS setBy, NULL AS liftedAt, NULL AS liftedBy, NULL AS liftReason
         FROM retention_holds h JOIN records r ON r.id = h.record_id JOIN accounts s ON s.id = h.set_by WHERE h.lifted_at IS NULL ORDER BY h.id DESC LIMIT 1000`,
      )
      .all() as (RetentionHoldDto & { recordId: number; recordName: string })[];
  }

  private manualHolds(recordId: number): RetentionHoldDto[] {
    return this.db
      .prepare(
        `SELECT h.id, h.kind, h.reason, h.set_at AS setAt, s.display_name AS setBy, h.lifted_at AS liftedAt, l.display_name AS liftedBy, h.lift_reason AS liftReason
         FROM retention_holds h JOIN accounts s ON s.id = h.set_by LEFT JOIN accounts l ON l.id = h.lifted_by WHERE h.record_id = ? ORDER BY h.id`,
      )
      .all(recordId) as RetentionHoldDto[];
  }
}
