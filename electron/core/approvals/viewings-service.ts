import os from 'node:os';
import type { PlaybackDto } from '../../../shared/contract/playback-dto.js';
import type { ViewingDto } from '../../../shared/contract/viewings-dto.js';
import { AppError } from '../../../shared/errors.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { CallContext } from '../base/call-context.js';
import type { Clock } from '../base/clock.js';
import { processAlive } from '../base/process-alive.js';
import type { Db } from '../db/open.js';
import type { PlaybackService } from '../playback/playback-service.js';
import { verifyPassword } from '../auth/password.js';
import type { SessionStore } from '../auth/sessions.js';
import { refusalsAudited } from './refusals.js';

interface ViewingRow {
  id: number;
  request_id: number;
  number: string;
  kind: string;
  person: string;
  case_no: string | null;
  purpose: string;
  content: string;
  id_check: string;
  granted_from: string;
  granted_to: string;
  opened_at: string;
  opened_by_name: string;
  workstation: string;
  closed_at: string | null;
  close_reason: ViewingDto['closeReason'];
}

const SELECT = `SELECT v.*, q.number, q.kind, q.purpose, q.content, q.granted_from, q.granted_to, c.case_no, a.display_name AS opened_by_name
  FROM viewings v JOIN access_requests q ON q.id = v.request_id LEFT JOIN cases c ON c.id = q.case_id JOIN accounts a ON a.id = v.opened_by`;

/** A grant for nobody's account (a party, a department's staff) that is live now, for a record under no alarm. */
const LIVE_GRANT = `SELECT g.record_id FROM access_grants g WHERE g.request_id = @request AND g.account_id IS NULL AND g.revoked_at IS NULL
  AND g.starts_at <= @now AND g.ends_at > @now
  AND NOT EXISTS (SELECT 1 FROM integrity_alarms ia WHERE ia.record_id = g.record_id AND ia.resolved_at IS NULL)`;

/**
 * Viewing sessions for people without an account (a party to the case, another department's
 * staff), opened by the keeper after checking their ID. Only what the approval granted, only in
 * its window; every play, pause, seek and end is kept per item, and the viewing register entry is
 * complete when the session closes (or, after a crash, at the next start).
 *
 * Opening a viewing hands the keeper's signed-in session over to it: until the keeper's password
 * unlocks it, that session reaches only the viewer's methods (the dispatcher refuses the rest) and
 * the media route serves it only this viewing's views. The person in front of the screen can thus
 * reach nothing else, whatever the window around the viewer lets them click.
 */
export class ViewingsService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly playback: PlaybackService,
    private readonly sessions: SessionStore,
  ) {}

  /** Closes as interrupted the viewings a dead process left open (a viewing on another host may still run). */
  recover(): void {
    const open = this.db.prepare('SELECT id, host, pid FROM viewings WHERE closed_at IS NULL').all() as { id: number; host: string; pid: number }[];
    for (const v of open.filter((v) => v.host === os.hostname() && v.pid !== process.pid && !processAlive(v.pid))) this.finish(v.id, 'interrupted', null);
  }

  open(ctx: CallContext, requestId: number, idCheck: string): ViewingDto {
    return refusalsAudited(this.audit, ctx, 'viewing', requestId, () => this.start(ctx, requestId, idCheck));
  }

  private start(ctx: CallContext, requestId: number, idCheck: string): ViewingDto {
    const account = ctx.account as NonNullable<CallContext['account']>;
    if (!ctx.token) throw new AppError('NOT_AUTHENTICATED', 'a viewing needs a signed-in session to lock');
    const token = ctx.token;
    const request = this.db.prepare('SELECT id, number, kind, state, requester FROM access_requests WHERE id = ?').get(requestId) as { id: number; number: string; kind: string; state: string; requester: string } | undefined;
    if (!request) throw new AppError('NOT_FOUND', `no request ${requestId}`, { id: requestId });
    if (request.kind !== 'party_view' && request.kind !== 'department_view') throw new AppError('VALIDATION_FAILED', 'a viewing at the workstation is for a party or a department', { fields: 'requestId' });
    if (request.state !== 'approved') throw new AppError('NOT_APPROVED', 'not approved', { number: request.number, state: request.state });
    if (this.db.prepare('SELECT 1 FROM access_grants WHERE request_id = ? AND revoked_at IS NOT NULL').get(requestId)) throw new AppError('APPROVAL_USED', 'the approved viewing has taken place', { number: request.number });
    if (this.liveRecords(requestId).length === 0) throw new AppError('GRANT_NOT_LIVE', 'outside the approved window', { number: request.number });
    const person = (JSON.parse(request.requester) as { name: string }).name;
    const id = this.db.transaction(() => {
      const newId = Number(
        this.db
          .prepare('INSERT INTO viewings (request_id, person, id_check, opened_at, opened_by, workstation, host, pid) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
          .run(requestId, person, idCheck, this.clock.now().toISOString(), account.id, ctx.workstation, os.hostname(), process.pid).lastInsertRowid,
      );
      this.audit.append({ ...ctx.auditBase(), action: 'viewing.opened', target: `request:${requestId}`, details: { viewingId: newId, person, idCheck } });
      return newId;
    })();
    this.sessions.lock(token, id);
    return this.get(id);
  }

  /** The viewing this session is locked in (closed already once its time ran out), or null. */
  current(ctx: CallContext): ViewingDto | null {
    const id = this.sessions.lockedViewing(ctx.token);
    if (id === null) return null;
    const v = this.get(id);
    if (!v.closedAt && this.clock.now().toISOString() >= v.window.to) {
      this.finish(id, 'expired', null);
      return this.get(id);
    }
    return v;
  }

  /**
   * Leaving the viewer takes the password of the keeper whose session it is: the viewing closes
   * (if its time hadn't already ended it) and the session is the keeper's again. A wrong password
   * is refused and audited, and the viewer stays.
   */
  async unlock(ctx: CallContext, password: string): Promise<ViewingDto> {
    const account = ctx.account as NonNullable<CallContext['account']>;
    const id = this.sessions.lockedViewing(ctx.token);
    if (id === null || !ctx.token) throw new AppError('NOT_FOUND', 'this session is not in a viewing', {});
    const { password_hash: hash } = this.db.prepare('SELECT password_hash FROM accounts WHERE id = ?').get(account.id) as { password_hash: string };
    if (!(await verifyPassword(password, hash))) {
      this.audit.append({ ...ctx.auditBase(), action: 'viewing.unlock_refused', target: `account:${account.id}`, details: { viewingId: id } });
      throw new AppError('AUTH_FAILED', 'wrong password');
    }
    if (this.stillOpen(id)) this.finish(id, 'closed', ctx);
    this.sessions.unlock(ctx.token);
    return this.get(id);
  }

  /** Plays one granted item in the viewer; the watermark names the person and the approval. */
  play(ctx: CallContext, viewingId: number, recordId: number): PlaybackDto {
    const v = this.openRow(ctx, viewingId);
    const still = () => this.stillOpen(viewingId) && this.liveRecords(v.request_id).includes(recordId);
    if (!still()) throw new AppError('NOT_FOUND', `no record ${recordId} in this viewing`, { id: recordId });
    const view = this.playback.openFor(ctx, recordId, `${v.person} · ${v.number}`, still, { viewingId, person: v.person });
    this.log(ctx, viewingId, recordId, 'play', 0);
    return view;
  }

  /** What the viewer reports as it happens: play, pause, seek and end, with the position in seconds. */
  log(ctx: CallContext, viewingId: number, recordId: number, event: 'play' | 'pause' | 'seek' | 'ended', position: number | null): void {
    const v = this.openRow(ctx, viewingId);
    if (!this.liveRecords(v.request_id).includes(recordId)) throw new AppError('NOT_FOUND', `no record ${recordId} in this viewing`, { id: recordId });
    this.db.prepare('INSERT INTO viewing_events (viewing_id, record_id, at, event, position) VALUES (?, ?, ?, ?, ?)').run(viewingId, recordId, this.clock.now().toISOString(), event, position);
  }

  /** The register's way to end a viewing left open on another workstation; the viewer itself ends with `unlock`. */
  close(ctx: CallContext, viewingId: number): ViewingDto {
    this.openRow(null, viewingId);
    this.finish(viewingId, 'closed', ctx);
    return this.get(viewingId);
  }

  get(id: number): ViewingDto {
    const row = this.db.prepare(`${SELECT} WHERE v.id = ?`).get(id) as ViewingRow | undefined;
    if (!row) throw new AppError('NOT_FOUND', `no viewing ${id}`, { id });
    return this.toDto(row);
  }

  /** An open viewing; with a caller, only the one that caller's session is locked in (a viewing plays only in its locked viewer). */
  private openRow(ctx: CallContext | null, id: number): ViewingRow {
    const row = this.db.prepare(`${SELECT} WHERE v.id = ?`).get(id) as ViewingRow | undefined;
    if (!row || (ctx && this.sessions.lockedViewing(ctx.token) !== id)) throw new AppError('NOT_FOUND', `no viewing ${id}`, { id });
    if (row.closed_at) throw new AppError('VIEWING_CLOSED', 'the viewing has ended', { id });
    if (this.clock.now().toISOString() >= row.granted_to) {
      this.finish(id, 'expired', null);
      throw new AppError('VIEWING_CLOSED', 'the approved window has ended', { id });
    }
    return row;
  }

  private stillOpen(id: number): boolean {
    const row = this.db.prepare('SELECT closed_at FROM viewings WHERE id = ?').get(id) as { closed_at: string | null } | undefined;
    return row !== undefined && row.closed_at === null;
  }

  private liveRecords(requestId: number): number[] {
    return (this.db.prepare(LIVE_GRANT).all({ request: requestId, now: this.clock.now().toISOString() }) as { record_id: number }[]).map((r) => r.record_id);
  }

  private finish(id: number, reason: 'closed' | 'expired' | 'interrupted', ctx: CallContext | null): void {
    this.db.transaction(() => {
      const now = this.clock.now().toISOString();
      this.db.prepare('UPDATE viewings SET closed_at = ?, close_reason = ? WHERE id = ? AND closed_at IS NULL').run(now, reason, id);
      // The keeper ending a viewing spends its approval (one sitting per approval); a crash or the
      // window running out does not, so an interrupted party may sit down again inside the window.
      if (reason === 'closed') this.db.prepare('UPDATE access_grants SET revoked_at = ? WHERE request_id = (SELECT request_id FROM viewings WHERE id = ?) AND account_id IS NULL AND revoked_at IS NULL').run(now, id);
      const events = (this.db.prepare('SELECT count(*) AS n FROM viewing_events WHERE viewing_id = ?').get(id) as { n: number }).n;
      const base = ctx ? ctx.auditBase() : { actor: { id: null, name: null }, workstation: os.hostname() };
      this.audit.append({ ...base, action: 'viewing.closed', details: { viewingId: id, reason, events } });
    })();
  }

  private toDto(r: ViewingRow): ViewingDto {
    const items = this.db
      .prepare('SELECT DISTINCT g.record_id AS recordId, x.original_name AS name, x.media_type AS mediaType FROM access_grants g JOIN records x ON x.id = g.record_id WHERE g.request_id = ? AND g.account_id IS NULL ORDER BY g.record_id')
      .all(r.request_id) as ViewingDto['items'];
    const events = this.db.prepare('SELECT record_id AS recordId, at, event, position FROM viewing_events WHERE viewing_id = ? ORDER BY id').all(r.id) as ViewingDto['events'];
    return {
      id: r.id,
      requestId: r.request_id,
      approvalNumber: r.number,
      kind: r.kind,
      person: r.person,
      caseNo: r.case_no,
      purpose: r.purpose,
      content: r.content,
      idCheck: r.id_check,
      items,
      window: { from: r.granted_from, to: r.granted_to },
      openedAt: r.opened_at,
      openedBy: r.opened_by_name,
      workstation: r.workstation,
      closedAt: r.closed_at,
      closeReason: r.close_reason,
      events,
    };
  }
}
