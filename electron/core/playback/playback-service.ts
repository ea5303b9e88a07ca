import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { PlaybackDto } from '../../../shared/contract/playback-dto.js';
import { AppError } from '../../../shared/errors.js';
import { playableAsIs } from '../../../shared/rules/playback.js';
import type { MediaType } from '../../../shared/media-types.js';
import type { AccessRule } from '../access/access-rule.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { Clock } from '../base/clock.js';
import type { SessionStore } from '../auth/sessions.js';
import type { Db } from '../db/open.js';
import { derivedAbsolutePath } from '../media/derived-files.js';
import type { CallContext } from '../base/call-context.js';
import type { EvidenceStore } from '../store/evidence-store.js';
import type { Role } from '../../../shared/roles.js';
import { OPEN_ALARMS } from '../record-state/alarms.js';
import { destroyedUnder, refuseDestroyed } from '../record-state/disposition.js';

interface Ticket {
  recordId: number;
  file: string;
  mime: string;
  sessionToken: string;
  openedAt: number;
  /** For a view opened on someone else's approval (a party at the workstation): whether it may still be served. */
  still?: () => boolean;
  /** The viewing that view belongs to: a session locked in a viewer is served that viewing's views only. */
  viewingId?: number;
}

const MIME: Record<string, string> = { mp4: 'video/mp4', m4a: 'audio/mp4', jpg: 'image/jpeg', jpeg: 'image/jpeg', png: 'image/png', gif: 'image/gif', webp: 'image/webp', bmp: 'image/bmp', wav: 'audio/wav', mp3: 'audio/mpeg', ogg: 'audio/ogg', flac: 'audio/flac', webm: 'video/webm', mov: 'video/mp4', opus: 'audio/ogg' };

function mimeOf(name: string, mediaType: MediaType): string {
  const ext = path.extname(name).slice(1).toLowerCase();
  return MIME[ext] ?? (mediaType === 'photo' ? 'image/jpeg' : mediaType === 'audio' ? 'audio/mp4' : 'video/mp4');
}

/**
 * Playback without handing out the file: a view opens a ticket bound to the viewer's session,
 * the media route serves that ticket's bytes by range (never cached, never as a download), and
 * the view's start and end are audit events. The original is shown when the browser can play
 * it; otherwise its proxy, and the player says which.
 */
export class PlaybackService {
  private readonly tickets = new Map<string, Ticket>();

  constructor(
    private readonly db: Db,
    private readonly access: AccessRule,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    private readonly store: () => EvidenceStore,
    private readonly sessions: SessionStore,
    private readonly idleMinutes: () => number,
    private readonly requestProxy: (recordId: number) => void,
  ) {}

  open(ctx: CallContext, recordId: number): PlaybackDto {
    const account = this.access.requireRecord(ctx, 'play', recordId);
    const grant = this.access.grantNumber(account, recordId);
    return this.issue(ctx, recordId, grant ? `${account.displayName} · ${grant}` : account.displayName, grant ? { approval: grant } : {});
  }

  /**
   * A view on another person's approval, shown at the workstation by the signed-in keeper: the
   * watermark names that person and the approval, and `still` (the viewing is open, the grant
   * live) is asked on every byte range instead of the keeper's own reach.
   */
  openFor(ctx: CallContext, recordId: number, watermarkName: string, still: () => boolean, viewing: { viewingId: number; person: string }): PlaybackDto {
    if (!still()) throw new AppError('NOT_FOUND', `no record ${recordId}`, { id: recordId });
    return this.issue(ctx, recordId, watermarkName, viewing, still);
  }

  private issue(ctx: CallContext, recordId: number, watermarkName: string, details: { viewingId?: number; person?: string; approval?: string }, still?: () => boolean): PlaybackDto {
    if (!ctx.token) throw new AppError('NOT_AUTHENTICATED', 'no session');
    const r = this.db
      .prepare(
        `SELECT r.sha256, r.original_name, r.media_type, m.readable, m.container, m.video_codec, m.audio_codec,
           (SELECT file FROM record_derivatives d WHERE d.record_id = r.id AND d.kind = 'proxy' AND d.state = 'ready') AS proxy,
           (SELECT state FROM record_derivatives d WHERE d.record_id = r.id AND d.kind = 'proxy') AS proxy_state,
           ${OPEN_ALARMS('r.id')} AS alarms
         FROM records r LEFT JOIN record_media m ON m.record_id = r.id WHERE r.id = ?`,
      )
      .get(recordId) as
      | { sha256: string; original_name: string; media_type: MediaType; readable: 0 | 1 | null; container: string | null; video_codec: string | null; audio_codec: string | null; proxy: string | null; proxy_state: string | null; alarms: number }
      | undefined;
    if (!r) throw new AppError('NOT_FOUND', `no record ${recordId}`, { id: recordId });
    // The catalogue still lists a destroyed record; nothing plays it, whoever asks and on whatever grant.
    refuseDestroyed(this.db, [recordId]);
    const media = { readable: r.readable === 1, container: r.container, videoCodec: r.video_codec, audioCodec: r.audio_codec };
    const asIs = r.readable !== null && playableAsIs(r.media_type, media);
    if (!asIs && !r.proxy) {
      // Made on demand: the proxy jumps the queue (a failed one is tried again); the player waits for it.
      if (r.readable === 1) this.requestProxy(recordId);
      throw new AppError('NOT_PLAYABLE', 'no playable form yet', { id: recordId, proxy: r.readable === 0 ? 'unreadable' : r.readable === null ? 'probing' : 'preparing' });
    }
    const store = this.store();
    const file = asIs ? store.localPath(r.sha256) : derivedAbsolutePath(store.root, r.proxy as string);
    if (!fs.existsSync(file)) throw new AppError('NOT_PLAYABLE', 'file missing', { id: recordId, proxy: 'missing' });
    const ticket = randomBytes(24).toString('base64url');
    this.tickets.set(ticket, { recordId, file, mime: asIs ? mimeOf(r.original_name, r.media_type) : mimeOf(r.proxy as string, r.media_type), sessionToken: ctx.token, openedAt: this.clock.now().getTime(), still, viewingId: details.viewingId });
    const variant = asIs ? 'original' : 'proxy';
    this.audit.append({ ...ctx.auditBase(), action: 'record.viewed', target: `record:${recordId}`, details: { variant, sha256: r.sha256, ...details } });
    return {
      ticket,
      url: `/media/${ticket}`,
      mediaType: r.media_type,
      variant,
      authentic: r.alarms === 0,
      watermark: { name: watermarkName, at: this.clock.now().toISOString() },
    };
  }

  /**
   * The view ended (player closed): how long it lasted goes into the audit log; the ticket stops
   * working. Only the session that opened a view may end it: another's ticket is answered as unknown.
   */
  close(ctx: CallContext, ticket: string): void {
    const t = this.tickets.get(ticket);
    if (!t || t.sessionToken !== ctx.token) throw new AppError('NOT_FOUND', 'no such view');
    this.tickets.delete(ticket);
    const seconds = Math.round((this.clock.now().getTime() - t.openedAt) / 1000);
    this.audit.append({ ...ctx.auditBase(), action: 'record.view_ended', target: `record:${t.recordId}`, details: { seconds } });
  }

  /**
   * What the media route may serve for a ticket: only to the session the ticket was issued to
   * (the shell names the session behind the request), only while that session lives, only while
   * the access rule still lets its account play the record, and, in a locked viewer, only that
   * viewing's views.
   */
  resolve(ticket: string, sessionToken: string | null): { file: string; mime: string } | null {
    const t = this.tickets.get(ticket);
    if (!t || !sessionToken || t.sessionToken !== sessionToken) return null;
    const check = this.sessions.touch(t.sessionToken, this.idleMinutes());
    // Asked again on every range request: a grant that expired or was revoked, or an integrity
    // alarm raised meanwhile, stops a player that is already open.
    const account = check.state === 'valid' ? (this.db.prepare('SELECT id, role FROM accounts WHERE id = ? AND disabled = 0').get(check.session.accountId) as { id: number; role: Role } | undefined) : undefined;
    const destroyed = destroyedUnder(this.db, t.recordId) !== null;
    const allowed = !destroyed && (t.still ? t.still() : this.access.decideRecord(account ?? null, 'play', t.recordId)?.allowed === true);
    // The keeper's own views, opened before the session was handed to a party, stop with the lock.
    const locked = check.state === 'valid' ? check.session.viewingId : null;
    if (!account || !allowed || (locked !== null && t.viewingId !== locked)) {
      this.tickets.delete(ticket);
      return null;
    }
    return { file: t.file, mime: t.mime };
  }
}
