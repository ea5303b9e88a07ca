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
import type { AuthService } from '../auth/auth-service.js';
import type { SessionStore } from '../auth/sessions.js';
import { refusalsAudited } from './refusals.js';
import { approvalSpent, spendApproval, viewableNow, viewingItems } from '../record-state/grants.js';

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
  close_reason: 'closed' | 'expired' | 'interrupted' | null;
  ended_as: 'abandoned' | 'session_ended' | null;
  end_note: string | null;
}

type ViewingEnd = NonNullable<ViewingDto['closeReason']>;
/** What each end keeps in the row: close_reason for the first three, ended_as beside it for the later two (migration 0027). */
const END_COLUMNS: Record<ViewingEnd, { reason: 'closed' | 'expired' | 'interrupted'; endedAs: 'abandoned' | 'session_ended' | null }> = {
  closed: { reason: 'closed', endedAs: null },
  expired: { reason: 'expired', endedAs: null },
  interrupted: { reason: 'interrupted', endedAs: null },
  abandoned: { reason: 'closed', endedAs: 'abandoned' },
  session_ended: { reason: 'interrupted', endedAs: 'session_ended' },
};
/**
 * The keeper ending a viewing spends its approval (one sitting per approval), whether the person
 * left by the keeper's password or walked away from the window; a crash, a session that went away
 * or the window running out does not, so the person may sit down again inside the window.
 */
const SPENDS_APPROVAL: ReadonlySet<ViewingEnd> = new Set(['closed', 'abandoned']);

const SELECT = `SELECT v.*, q.number, q.kind, q.purpose, q.content, q.granted_from, q.granted_to, c.case_no, a.display_name AS opened_by_name
  FROM viewings v JOIN access_requests q ON q.id = v.request_id LEFT JOIN cases c ON c.id = q.case_id JOIN accounts a ON a.id = v.opened_by`;


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
    private readonly auth: AuthService,
  ) {
    // A viewing ends with the session that hosts it: signed out everywhere, the account stopped or
    // its password reset, or a viewer window that stopped answering (closed, crashed, unplugged).
    sessions.onDropped((session, why) => {
      if (session.viewingId !== null && this.stillOpen(session.viewingId)) this.finish(session.viewingId, 'session_ended', null, null, why);
    });
  }

  /**
   * Ends what nobody will end: viewings whose viewer went silent (the sessions are dropped, which
   * ends them above) and viewings of this process whose approved window is over. Run on a timer
   * and before the register is read, so the register never shows a long-gone viewing as under way.
   */
  sweep(): void {
    this.sessions.dropSilent();
    const now = this.clock.now().toISOString();
    const over = this.db
      .prepare('SELECT v.id FROM viewings v JOIN access_requests q ON q.id = v.request_id WHERE v.closed_at IS NULL AND v.host = ? AND v.pid = ? AND q.granted_to <= ?')
      .all(os.hostname(), process.pid, now) as { id: number }[];
    for (const v of over) this.finish(v.id, 'expired', null);
    const orphaned = this.db.prepare('SELECT id FROM viewings WHERE closed_at IS NULL AND host = ? AND pid = ?').all(os.hostname(), process.pid) as { id: number }[];
    for (const v of orphaned.filter((v) => !this.sessions.hostsViewing(v.id))) this.finish(v.id, 'session_ended', null, null, 'no_session');
  }

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
    if (approvalSpent(this.db, requestId)) throw new AppError('APPROVAL_USED', 'the approved viewing has taken place', { number: request.number });
    if (this.liveRecords(requestId).length === 0) throw new AppError('GRANT_NOT_LIVE', 'outside the approved window', { number: request.number });
    const person = (JSON.parse(request.requester) as { name: string }).name;
    const id = this.db.transaction(() => {
      // One approval, one sitting: a second window on the same approval would be a second sitting.
      const sitting = this.db.prepare('SELECT id FROM viewings WHERE request_id = ? AND closed_at IS NULL').get(requestId) as { id: number } | undefined;
      if (sitting) throw new AppError('VIEWING_OPEN', 'a viewing on this approval is under way', { number: request.number, viewingId: sitting.id });
      const newId = Number(
        this.db
          .prepare('INSERT INTO viewings (request_id, person, id_check, opened_at, opened_by, workstation, host, pid) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
          .run(requestId, person, idCheck, this.clock.now().toISOString(), account.id, ctx.workstation, os.hostname(), process.pid).lastInsertRowid,
      );
      this.audit.append({ ...ctx.auditBase(), action: 'viewing.opened', target: `request:${requestId}`, details: { viewingId: newId, person, idCheck } });
      return newId;
    }).immediate();
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
   * (if its time hadn't already ended it) and the session is the keeper's again. The password is
   * checked as signing in checks it — the same count of failures and the same lock-out — because
   * the person at this seat is the least trusted in the building; the viewer stays meanwhile.
   */
  async unlock(ctx: CallContext, password: string): Promise<ViewingDto> {
    const account = ctx.account as NonNullable<CallContext['account']>;
    const id = this.sessions.lockedViewing(ctx.token);
    if (id === null || !ctx.token) throw new AppError('NOT_FOUND', 'this session is not in a viewing', {});
    const base = ctx.auditBase();
    await this.auth.checkPassword(account.id, password, (reason, details) => {
      this.audit.append({ ...base, action: 'viewing.unlock_refused', target: `account:${account.id}`, details: { viewingId: id, reason, ...details } });
    }, base);
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

  /**
   * The register's way to end a viewing whose person walked away from an open window (on this or
   * another workstation): the keeper says why, the register shows it as abandoned, and the
   * approval is spent as if the keeper had ended it there. The viewer itself ends with `unlock`.
   */
  abandon(ctx: CallContext, viewingId: number, reason: string): ViewingDto {
    const request = this.db.prepare('SELECT request_id FROM viewings WHERE id = ?').get(viewingId) as { request_id: number } | undefined;
    return refusalsAudited(this.audit, ctx, 'viewing_end', request?.request_id ?? null, () => {
      this.openRow(null, viewingId);
      this.finish(viewingId, 'abandoned', ctx, reason);
      return this.get(viewingId);
    });
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
    return viewableNow(this.db, requestId, this.clock.now().toISOString());
  }

  /** `note` is the keeper's words, kept on the register; `why` a session's end, kept in the audit line only. */
  private finish(id: number, end: ViewingEnd, ctx: CallContext | null, note: string | null = null, why: string | null = null): void {
    this.db.transaction(() => {
      const now = this.clock.now().toISOString();
      const { reason, endedAs } = END_COLUMNS[end];
      const changed = this.db.prepare('UPDATE viewings SET closed_at = ?, close_reason = ?, ended_as = ?, end_note = ? WHERE id = ? AND closed_at IS NULL').run(now, reason, endedAs, note, id).changes;
      if (changed === 0) return;
      if (SPENDS_APPROVAL.has(end)) spendApproval(this.db, (this.db.prepare('SELECT request_id FROM viewings WHERE id = ?').get(id) as { request_id: number }).request_id, now);
      const events = (this.db.prepare('SELECT count(*) AS n FROM viewing_events WHERE viewing_id = ?').get(id) as { n: number }).n;
      const base = ctx ? ctx.auditBase() : { actor: { id: null, name: null }, workstation: os.hostname() };
      this.audit.append({ ...base, action: 'viewing.closed', details: { viewingId: id, reason: end, events, ...(note === null ? {} : { note }), ...(why === null ? {} : { why }) } });
    })();
  }

  private toDto(r: ViewingRow): ViewingDto {
    const items = viewingItems(this.db, r.request_id) as ViewingDto['items'];
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
      closeReason: r.ended_as ?? r.close_reason,
      closeNote: r.end_note,
      events,
    };
  }
}
