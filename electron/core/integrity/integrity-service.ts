import type { AlarmDto } from '../../../shared/contract/integrity-dto.js';
import { AppError } from '../../../shared/errors.js';
import type { AccessRule } from '../access/access-rule.js';
import type { Db } from '../db/open.js';
import type { CallContext } from '../base/call-context.js';
import type { EvidenceStore } from '../store/evidence-store.js';
import type { Alarms } from '../record-state/alarms.js';

/** The handling of alarms a person may end, and a record's integrity history. */
export class IntegrityService {
  constructor(
    private readonly db: Db,
    private readonly access: AccessRule,
    private readonly alarms: Alarms,
    private readonly store: () => EvidenceStore,
  ) {}

  /**
   * A file nobody catalogued is moved to quarantine (kept, out of the originals); a broken audit
   * chain is acknowledged with a note (the break itself stays provable). A changed, lost or
   * unreadable original can't be waved away: only a restore that hashes right ends its alarm.
   */
  async resolve(ctx: CallContext, id: number, note: string): Promise<AlarmDto> {
    const alarm = this.alarms.get(id);
    if (!alarm) throw new AppError('NOT_FOUND', `no alarm ${id}`, { id });
    if (alarm.resolvedAt) return alarm;
    const base = ctx.auditBase();
    if (alarm.kind === 'unexpected') {
      const moved = await this.store().quarantine(alarm.object);
      this.alarms.resolve(id, `quarantined to ${moved}: ${note}`, base.actor, base.workstation);
    } else if (alarm.kind === 'audit_chain') {
      this.alarms.resolve(id, `acknowledged: ${note}`, base.actor, base.workstation);
    } else {
      throw new AppError('ALARM_NEEDS_RESTORE', 'restore the original from a backup', { id, kind: alarm.kind });
    }
    return this.alarms.get(id) as AlarmDto;
  }

  /** Capture and first digest at import, every fixity check since, and the record's alarms. */
  history(ctx: CallContext, recordId: number) {
    this.access.requireRecord(ctx, 'list', recordId);
    const captured = this.db
      .prepare('SELECT r.imported_at AS at, a.display_name AS by, r.sha256, r.sm3, r.size FROM records r JOIN accounts a ON a.id = r.imported_by WHERE r.id = ?')
      .get(recordId) as { at: string; by: string; sha256: string; sm3: string; size: number } | undefined;
    if (!captured) throw new AppError('NOT_FOUND', `no record ${recordId}`, { id: recordId });
    const checks = this.db
      .prepare('SELECT at, run_id AS runId, outcome, actual_sha256 AS actualSha256 FROM fixity_events WHERE record_id = ? ORDER BY id DESC LIMIT 200')
      .all(recordId) as { at: string; runId: number; outcome: 'ok' | 'mismatch' | 'missing' | 'unreadable' | 'unexpected'; actualSha256: string | null }[];
    return { captured, checks, alarms: this.alarms.forRecord(recordId) };
  }
}
