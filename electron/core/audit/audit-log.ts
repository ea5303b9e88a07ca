import type { AuditAction } from '../../../shared/audit-actions.js';
import type { AuditEventDto, AuditVerifyResult } from '../../../shared/contract/dto.js';
import type { ParsedInputOf } from '../../../shared/contract/methods.js';
import type { AuditActor } from '../base/call-context.js';
import type { Clock } from '../base/clock.js';
import type { Db } from '../db/open.js';
import { lookUpNames, referencesOf } from './audit-names.js';
import { GENESIS_HASH, canonicalJson, eventHash } from './chain.js';

export type { AuditActor } from '../base/call-context.js';

export interface AuditEntry {
  actor: AuditActor;
  workstation: string;
  action: AuditAction;
  target?: string | null;
  details?: Record<string, unknown>;
}

/** One row of audit_events as SQLite returns it. */
export interface EventRow {
  seq: number;
  at: string;
  actor_id: number | null;
  actor_name: string | null;
  workstation: string;
  action: string;
  target: string | null;
  details: string;
  prev_hash: string;
  hash: string;
}

function toDto(row: EventRow, names: ReadonlyMap<string, string> = new Map()): AuditEventDto {
  const details = JSON.parse(row.details) as Record<string, unknown>;
  return {
    seq: row.seq,
    at: row.at,
    actorId: row.actor_id,
    actorName: row.actor_name,
    workstation: row.workstation,
    action: row.action as AuditEventDto['action'],
    target: row.target,
    details,
    names: Object.fromEntries(referencesOf(row.target, details).flatMap((ref) => (names.has(ref) ? [[ref, names.get(ref) as string]] : []))),
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

export class AuditLog {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  /**
   * Appends one event chained to the current head. Runs inside the caller's transaction when
   * there is one, so an action and its audit event commit together or not at all.
   */
  append(entry: AuditEntry): AuditEventDto {
    const write = this.db.transaction(() => {
      const head = this.db.prepare('SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1').get() as
        | { seq: number; hash: string }
        | undefined;
      const fields = {
        seq: (head?.seq ?? 0) + 1,
        at: this.clock.now().toISOString(),
        actorId: entry.actor.id,
        actorName: entry.actor.name,
        workstation: entry.workstation,
        action: entry.action,
        target: entry.target ?? null,
        details: canonicalJson(entry.details ?? {}),
        prevHash: head?.hash ?? GENESIS_HASH,
      };
      const hash = eventHash(fields);
      this.db
        .prepare(
          `INSERT INTO audit_events (seq, at, actor_id, actor_name, workstation, action, target, details, prev_hash, hash)
           VALUES (@seq, @at, @actorId, @actorName, @workstation, @action, @target, @details, @prevHash, @hash)`,
        )
        .run({ ...fields, hash });
      return toDto(this.db.prepare('SELECT * FROM audit_events WHERE seq = ?').get(fields.seq) as EventRow);
    });
    return write.immediate();
  }

  list(filter: ParsedInputOf<'audit.list'>): { events: AuditEventDto[]; total: number; nextBeforeSeq: number | null } {
    const where: string[] = [];
    const params: Record<string, unknown> = {};
    if (filter.from) {
      where.push('at >= @from');
      params.from = filter.from;
    }
    if (filter.to) {
      where.push('at <= @to');
      params.to = filter.to;
    }
    if (filter.actorId !== undefined) {
      where.push('actor_id = @actorId');
      params.actorId = filter.actorId;
    }
    if (filter.action) {
      where.push('action = @action');
      params.action = filter.action;
    }
    if (filter.text && filter.text.trim() !== '') {
      where.push("(instr(coalesce(actor_name,''), @text) > 0 OR instr(coalesce(target,''), @text) > 0 OR instr(details, @text) > 0 OR instr(workstation, @text) > 0)");
      params.text = filter.text.trim();
    }
    const base = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const total = (this.db.prepare(`SELECT count(*) AS n FROM audit_events ${base}`).get(params) as { n: number }).n;
    const page = [...where];
    if (filter.beforeSeq !== undefined) {
      page.push('seq < @beforeSeq');
      params.beforeSeq = filter.beforeSeq;
    }
    const rows = this.db
      .prepare(`SELECT * FROM audit_events ${page.length ? `WHERE ${page.join(' AND ')}` : ''} ORDER BY seq DESC LIMIT @limit`)
      .all({ ...params, limit: filter.limit + 1 }) as EventRow[];
    const more = rows.length > filter.limit;
    const shown = rows.slice(0, filter.limit);
    const names = lookUpNames(this.db, shown.flatMap((r) => referencesOf(r.target, JSON.parse(r.details) as Record<string, unknown>)));
    const events = shown.map((r) => toDto(r, names));
    return { events, total, nextBeforeSeq: more ? (events.at(-1)?.seq ?? null) : null };
  }

  head(): { seq: number; hash: string } {
    const head = this.db.prepare('SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1').get() as
      | { seq: number; hash: string }
      | undefined;
    return head ?? { seq: 0, hash: GENESIS_HASH };
  }

  /**
   * Walks the whole chain in order and names the first event that does not hold: its own hash
   * recomputed differs (edited), its link to the predecessor differs, or a number is missing (deleted).
   */
  verify(): AuditVerifyResult {
    let expectedSeq = 1;
    let prevHash = GENESIS_HASH;
    let checked = 0;
    for (const row of this.db.prepare('SELECT * FROM audit_events ORDER BY seq').iterate() as Iterable<EventRow>) {
      const broken = (reason: NonNullable<AuditVerifyResult['firstBroken']>['reason']): AuditVerifyResult => {
        const head = this.head();
        return { ok: false, checked, headSeq: head.seq, headHash: head.hash, firstBroken: { seq: reason === 'gap' ? expectedSeq : row.seq, reason } };
      };
      if (row.seq !== expectedSeq) return broken('gap');
      if (row.prev_hash !== prevHash) return broken('prev_mismatch');
      const recomputed = eventHash({
        seq: row.seq,
        at: row.at,
        actorId: row.actor_id,
        actorName: row.actor_name,
        workstation: row.workstation,
        action: row.action,
        target: row.target,
        details: row.details,
        prevHash: row.prev_hash,
      });
      if (recomputed !== row.hash) return broken('hash_mismatch');
      checked++;
      expectedSeq++;
      prevHash = row.hash;
    }
    return { ok: true, checked, headSeq: expectedSeq - 1, headHash: prevHash, firstBroken: null };
  }
}
