import type { AbsenceDto } from '../../../shared/contract/records-dto.js';
import { AppError } from '../../../shared/errors.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { Clock } from '../base/clock.js';
import type { Db } from '../db/open.js';
import type { CallContext } from '../base/call-context.js';

interface AbsenceRow {
  id: number;
  officer_id: number;
  officer_name: string;
  starts_at: string;
  returned_at: string;
  reason: string;
  created_at: string;
  created_by_name: string;
  withdrawn_at: string | null;
  withdrawn_by_name: string | null;
  withdraw_reason: string | null;
}

const SELECT = `SELECT x.*, o.display_name AS officer_name, c.display_name AS created_by_name, w.display_name AS withdrawn_by_name
  FROM officer_absences x JOIN accounts o ON o.id = x.officer_id JOIN accounts c ON c.id = x.created_by LEFT JOIN accounts w ON w.id = x.withdrawn_by`;

/** The longest absence one entry may cover: longer trips are entered in parts, so a typo can't excuse a year. */
export const MAX_ABSENCE_DAYS = 60;

function toDto(r: AbsenceRow): AbsenceDto {
  return {
    id: r.id,
    officerId: r.officer_id,
    officerName: r.officer_name,
    startsAt: r.starts_at,
    returnedAt: r.returned_at,
    reason: r.reason,
    createdAt: r.created_at,
    createdBy: r.created_by_name,
    withdrawn: r.withdrawn_at ? { at: r.withdrawn_at, by: r.withdrawn_by_name ?? '', reason: r.withdraw_reason ?? '' } : null,
  };
}

/**
 * The register of officers away on duty (REQUIREMENTS §1: when the officer was away, the upload
 * clock restarts on the return). Entries are appended and withdrawn, never edited.
 */
export class AbsencesService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  list(officerId?: number): AbsenceDto[] {
    const rows = this.db.prepare(`${SELECT} WHERE (@officer IS NULL OR x.officer_id = @officer) ORDER BY x.starts_at DESC, x.id DESC LIMIT 500`).all({ officer: officerId ?? null }) as AbsenceRow[];
    return rows.map(toDto);
  }

  add(ctx: CallContext, input: { officerId: number; startsAt: string; returnedAt: string; reason: string }): AbsenceDto {
    const account = ctx.account;
    if (!account) throw new AppError('NOT_AUTHENTICATED', 'no account');
    if (!this.db.prepare('SELECT 1 FROM accounts WHERE id = ?').get(input.officerId)) throw new AppError('NOT_FOUND', `no account ${input.officerId}`, { id: input.officerId });
    const days = (Date.parse(`${input.returnedAt}Z`) - Date.parse(`${input.startsAt}Z`)) / 86_400_000;
    if (!(days > 0) || days > MAX_ABSENCE_DAYS) {
      throw new AppError('VALIDATION_FAILED', 'the return must follow the start, within the limit', { fields: 'returnedAt', maxDays: MAX_ABSENCE_DAYS });
    }
    const id = this.db.transaction(() => {
      const newId = Number(
        this.db
          .prepare('INSERT INTO officer_absences (officer_id, starts_at, returned_at, reason, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)')
          .run(input.officerId, input.startsAt, input.returnedAt, input.reason, this.clock.now().toISOString(), account.id).lastInsertRowid,
      );
      this.audit.append({ ...ctx.auditBase(), action: 'absence.registered', target: `absence:${newId}`, details: input });
      return newId;
    })();
    return this.get(id);
  }

  withdraw(ctx: CallContext, id: number, reason: string): AbsenceDto {
    const account = ctx.account;
    if (!account) throw new AppError('NOT_AUTHENTICATED', 'no account');
    const current = this.get(id);
    if (current.withdrawn) return current;
    this.db.transaction(() => {
      this.db.prepare('UPDATE officer_absences SET withdrawn_at = ?, withdrawn_by = ?, withdraw_reason = ? WHERE id = ?').run(this.clock.now().toISOString(), account.id, reason, id);
      this.audit.append({ ...ctx.auditBase(), action: 'absence.withdrawn', target: `absence:${id}`, details: { reason } });
    })();
    return this.get(id);
  }

  /** The absence in force covering a recording made at `recordedAt` (wall clock), if any: the latest-returning one. */
  covering(officerId: number, recordedAt: string): { id: number; returnedAt: string } | null {
    const row = this.db
      .prepare('SELECT id, returned_at FROM officer_absences WHERE officer_id = ? AND withdrawn_at IS NULL AND starts_at <= ? AND returned_at >= ? ORDER BY returned_at DESC LIMIT 1')
      .get(officerId, recordedAt, recordedAt) as { id: number; returned_at: string } | undefined;
    return row ? { id: row.id, returnedAt: row.returned_at } : null;
  }

  private get(id: number): AbsenceDto {
    const row = this.db.prepare(`${SELECT} WHERE x.id = ?`).get(id) as AbsenceRow | undefined;
    if (!row) throw new AppError('NOT_FOUND', `no absence ${id}`, { id });
    return toDto(row);
  }
}
