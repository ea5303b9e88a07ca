import type { AlarmDto, AlarmKind } from '../../../shared/contract/integrity-dto.js';
import type { AuditLog } from '../audit/audit-log.js';
import { SYSTEM_ACTOR, type AuditActor } from '../base/call-context.js';
import type { Clock } from '../base/clock.js';
import type { Db } from '../db/open.js';

interface AlarmRow {
  id: number;
  kind: AlarmKind;
  record_id: number | null;
  record_name: string | null;
  object: string;
  detail: string;
  raised_at: string;
  resolved_at: string | null;
  resolved_by_name: string | null;
  resolution: string | null;
}

const SELECT = `SELECT a.*, r.original_path AS record_name, x.display_name AS resolved_by_name
  FROM integrity_alarms a LEFT JOIN records r ON r.id = a.record_id LEFT JOIN accounts x ON x.id = a.resolved_by`;

function toDto(r: AlarmRow): AlarmDto {
  return {
    id: r.id,
    kind: r.kind,
    recordId: r.record_id,
    recordName: r.record_name,
    object: r.object,
    detail: JSON.parse(r.detail) as Record<string, unknown>,
    raisedAt: r.raised_at,
    resolvedAt: r.resolved_at,
    resolvedBy: r.resolved_by_name,
    resolution: r.resolution,
  };
}

/**
 * Whether a record (an id expression) is under an open integrity alarm: it may not be shown, lent,
 * burned or granted until the alarm is resolved. As SQL, the one definition every room reads.
 */
export const UNDER_ALARM = (recordId: string): string => `EXISTS (SELECT 1 FROM integrity_alarms ia WHERE ia.record_id = ${recordId} AND ia.resolved_at IS NULL)`;

/** How many open alarms a record (an id expression) has, for the screens that count them. */
export const OPEN_ALARMS = (recordId: string): string => `(SELECT count(*) FROM integrity_alarms ia WHERE ia.record_id = ${recordId} AND ia.resolved_at IS NULL)`;

/** The records under an open alarm, as rows of `id`: for the retention holds. */
export const RECORDS_UNDER_ALARM = 'SELECT DISTINCT record_id AS id FROM integrity_alarms WHERE resolved_at IS NULL';

/** An alarm as the audit log names it: by the record it is about (alarms on no record stay unnamed). */
export const ALARM_NAMES = 'SELECT a.id, r.original_name AS name FROM integrity_alarms a JOIN records r ON r.id = a.record_id WHERE a.id IN';

/**
 * Integrity alarms: raised by a check, seen by the keeper and the leaders until resolved, kept
 * forever. One open alarm per kind and object; raising it again while open changes nothing.
 */
export class Alarms {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  open(): AlarmDto[] {
    return (this.db.prepare(`${SELECT} WHERE a.resolved_at IS NULL ORDER BY a.id DESC`).all() as AlarmRow[]).map(toDto);
  }

  list(includeResolved: boolean): AlarmDto[] {
    return (this.db.prepare(`${SELECT} WHERE (@all OR a.resolved_at IS NULL) ORDER BY a.id DESC LIMIT 500`).all({ all: includeResolved ? 1 : 0 }) as AlarmRow[]).map(toDto);
  }

  forRecord(recordId: number): AlarmDto[] {
    return (this.db.prepare(`${SELECT} WHERE a.record_id = ? ORDER BY a.id DESC`).all(recordId) as AlarmRow[]).map(toDto);
  }

  get(id: number): AlarmDto | null {
    const row = this.db.prepare(`${SELECT} WHERE a.id = ?`).get(id) as AlarmRow | undefined;
    return row ? toDto(row) : null;
  }

  /** Raises an alarm unless one is open for the same kind and object, or `unlessResolvedBefore` says it was already dealt with. */
  raise(input: { kind: AlarmKind; recordId: number | null; object: string; detail: Record<string, unknown>; runId: number | null }, workstation: string, unlessResolvedBefore = false): boolean {
    const open = this.db.prepare('SELECT 1 FROM integrity_alarms WHERE kind = ? AND object = ? AND (resolved_at IS NULL OR ?)').get(input.kind, input.object, unlessResolvedBefore ? 1 : 0);
    if (open) return false;
    const id = Number(
      this.db
        .prepare('INSERT INTO integrity_alarms (kind, record_id, object, detail, raised_at, run_id) VALUES (?, ?, ?, ?, ?, ?)')
        .run(input.kind, input.recordId, input.object, JSON.stringify(input.detail), this.clock.now().toISOString(), input.runId).lastInsertRowid,
    );
    this.audit.append({
      actor: SYSTEM_ACTOR,
      workstation,
      action: 'integrity.alarm_raised',
      target: input.recordId ? `record:${input.recordId}` : input.object,
      details: { alarmId: id, kind: input.kind, object: input.object, ...input.detail },
    });
    return true;
  }

  /** Ends an open alarm with how it ended; the alarm and its detection time stay. */
  resolve(id: number, resolution: string, actor: AuditActor, workstation: string): void {
    this.db.prepare('UPDATE integrity_alarms SET resolved_at = ?, resolved_by = ?, resolution = ? WHERE id = ? AND resolved_at IS NULL').run(this.clock.now().toISOString(), actor.id, resolution, id);
    this.audit.append({ actor, workstation, action: 'integrity.alarm_resolved', target: `alarm:${id}`, details: { resolution } });
  }

  /** Open alarms on a record's original: what a later check that finds it intact again resolves. */
  openForRecord(recordId: number): number[] {
    return (this.db.prepare("SELECT id FROM integrity_alarms WHERE record_id = ? AND resolved_at IS NULL AND kind IN ('mismatch', 'missing', 'unreadable')").all(recordId) as { id: number }[]).map((r) => r.id);
  }
}
