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

export type SessionCheck = { state: 'valid'; session: Session } | { state: 'expired'; session: Session } | { state: 'unknown' };

/**
 * Signed-in sessions, kept in memory: a restart of the core signs everyone out, which is the
 * safe direction for a records room.
 */
export class SessionStore {
  private readonly sessions = new Map<string, Session>();

  constructor(private readonly clock: Clock) {}

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
      this.sessions.delete(session.token);
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

  /**
   * A locked viewer never times out: a party watching a long recording makes no calls, and an
   * expired session would drop the viewer back to the sign-in screen with the viewing unclosed.
   */
  private idle(session: Session, now: number, idleMinutes: number): boolean {
    return session.viewingId === null && now - session.lastSeen > idleMinutes * 60_000;
  }

  close(token: string): void {
    this.sessions.delete(token);
  }

  closeAllFor(accountId: number): void {
    for (const [token, s] of this.sessions) if (s.accountId === accountId) this.sessions.delete(token);
  }
}
