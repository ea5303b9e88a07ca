import { randomBytes } from 'node:crypto';
import type { Clock } from '../base/clock.js';

export interface Session {
  token: string;
  accountId: number;
  workstation: string;
  lastSeen: number;
  /** While set, the session shows only this viewing's locked viewer (see ViewingsService). */
  viewingId: number | null;
}

/** Why a session went away: signed out, idle past the limit, its account stopped or reset, or its locked viewer silent. */
export type SessionDrop = 'signed_out' | 'expired' | 'account_closed' | 'viewer_silent';

/**
 * A locked viewer asks for its viewing every 30 seconds while its window is open (even hidden:
 * a browser still runs a background tab's timer about once a minute). Five minutes without a word
 * means the window is gone — closed, crashed, the computer switched off — and so is the session.
 */
export const VIEWER_SILENT_MS = 5 * 60_000;

export type SessionCheck = { state: 'valid'; session: Session } | { state: 'expired'; session: Session } | { state: 'unknown' };

/**
 * Signed-in sessions, kept in memory: a restart of the core signs everyone out, which is the
 * safe direction for a records room.
 */
export class SessionStore {
  private readonly sessions = new Map<string, Session>();
  private readonly dropListeners = new Set<(session: Session, why: SessionDrop) => void>();

  constructor(private readonly clock: Clock) {}

  /** Told of every session that goes away, with why (a viewing ends with the session that hosts it). */
  onDropped(listener: (session: Session, why: SessionDrop) => void): void {
    this.dropListeners.add(listener);
  }

  private drop(session: Session, why: SessionDrop): void {
    if (!this.sessions.delete(session.token)) return;
    for (const listener of this.dropListeners) listener(session, why);
  }

  open(accountId: number, workstation: string): Session {
    const session = { token: randomBytes(32).toString('base64url'), accountId, workstation, lastSeen: this.clock.now().getTime(), viewingId: null };
    this.sessions.set(session.token, session);
    return session;
  }

  /** Looks a token up and, when still within the idle limit, counts this call as activity. */
  touch(token: string | null | undefined, idleMinutes: number): SessionCheck {
    const session = token ? this.sessions.get(token) : undefined;
    if (!session) return { state: 'unknown' };
    const now = this.clock.now().getTime();
    if (this.idle(session, now, idleMinutes)) {
      this.drop(session, session.viewingId === null ? 'expired' : 'viewer_silent');
      return { state: 'expired', session };
    }
    session.lastSeen = now;
    return { state: 'valid', session };
  }

  /** Whether a token is still signed in, without counting the question as activity (a stream's heartbeat isn't the user). */
  live(token: string | null | undefined, idleMinutes: number): Session | null {
    const session = token ? this.sessions.get(token) : undefined;
    return session && !this.idle(session, this.clock.now().getTime(), idleMinutes) ? session : null;
  }

  /** Hands the session over to a viewing: only the viewer's methods answer it until the keeper's password unlocks it. */
  lock(token: string, viewingId: number): void {
    const session = this.sessions.get(token);
    if (session) session.viewingId = viewingId;
  }

  unlock(token: string): void {
    const session = this.sessions.get(token);
    if (session) session.viewingId = null;
  }

  lockedViewing(token: string | null | undefined): number | null {
    return (token ? this.sessions.get(token)?.viewingId : null) ?? null;
  }

  /** Whether any session is locked in this viewing. */
  hostsViewing(viewingId: number): boolean {
    for (const s of this.sessions.values()) if (s.viewingId === viewingId) return true;
    return false;
  }

  /** Drops the locked sessions whose viewer has gone silent (nobody will call with them again). */
  dropSilent(): void {
    const now = this.clock.now().getTime();
    for (const s of [...this.sessions.values()]) if (s.viewingId !== null && now - s.lastSeen > VIEWER_SILENT_MS) this.drop(s, 'viewer_silent');
  }

  /**
   * A locked viewer doesn't go idle as a desk does — a party watching a long recording touches
   * nothing, and its window keeps asking for its viewing — but it does go silent when the window
   * is gone, and then the session ends with it.
   */
  private idle(session: Session, now: number, idleMinutes: number): boolean {
    return now - session.lastSeen > (session.viewingId === null ? idleMinutes * 60_000 : VIEWER_SILENT_MS);
  }

  close(token: string, why: SessionDrop = 'signed_out'): void {
    const session = this.sessions.get(token);
    if (session) this.drop(session, why);
  }

  closeAllFor(accountId: number): void {
    for (const s of [...this.sessions.values()]) if (s.accountId === accountId) this.drop(s, 'account_closed');
  }
}
