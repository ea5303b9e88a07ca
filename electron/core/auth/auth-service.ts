import type { AccountDto } from '../../../shared/contract/dto.js';
import { AppError } from '../../../shared/errors.js';
import type { AccountsService } from '../accounts/accounts-service.js';
import { toAccountDto } from '../accounts/account-row.js';
import type { AuditActor, AuditLog } from '../audit/audit-log.js';
import type { Clock } from '../base/clock.js';
import type { Db } from '../db/open.js';
import type { SettingsService } from '../settings/settings-service.js';
import { burnDecoyVerify, verifyPassword } from './password.js';
import type { SessionStore } from './sessions.js';

export interface LoginResult {
  token: string;
  account: AccountDto;
  idleMinutes: number;
  previousLoginAt: string | null;
}

export class AuthService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
    private readonly accounts: AccountsService,
    private readonly settings: SettingsService,
    readonly sessions: SessionStore,
    private readonly clock: Clock,
  ) {}

  /**
   * Unknown user and wrong password give the same answer after the same work, so the screen
   * can't be used to find usernames. The password is checked before "disabled" for the same reason.
   */
  async login(username: string, password: string, workstation: string): Promise<LoginResult> {
    const row = this.accounts.rowByUsername(username);
    const now = this.clock.now();
    if (!row) {
      await burnDecoyVerify(password);
      this.audit.append({ actor: { id: null, name: null }, workstation, action: 'auth.login_failed', details: { username, reason: 'unknown_user' } });
      throw new AppError('AUTH_FAILED', 'wrong username or password');
    }
    const actor = { id: row.id, name: row.display_name };
    const target = `account:${row.id}`;
    await this.checkPassword(row.id, password, (reason, details) => {
      this.audit.append({ actor, workstation, action: 'auth.login_failed', target, details: { username: row.username, reason, ...details } });
    }, { actor, workstation }, 'AUTH_FAILED');
    if (row.disabled === 1) {
      this.audit.append({ actor, workstation, action: 'auth.login_failed', target, details: { username: row.username, reason: 'disabled' } });
      throw new AppError('ACCOUNT_DISABLED', 'account disabled');
    }
    const session = this.sessions.open(row.id, workstation);
    this.db
      .transaction(() => {
        this.db.prepare('UPDATE accounts SET failed_attempts = 0, locked_until = NULL, last_login_at = ? WHERE id = ?').run(now.toISOString(), row.id);
        this.audit.append({ actor, workstation, action: 'auth.login', target, details: { username: row.username } });
      })
      .immediate();
    return {
      token: session.token,
      account: this.accounts.get(row.id),
      idleMinutes: this.settings.security().sessionIdleMinutes,
      previousLoginAt: row.last_login_at,
    };
  }

  /**
   * The one password check that counts toward the lock-out: signing in, and the keeper's password
   * that ends a viewing at the workstation (where the least-trusted person in the building sits,
   * and the prize is an administrator's password). While locked, even the right password is
   * refused with the time it opens again. `refused` writes the caller's own refusal event.
   */
  async checkPassword(
    accountId: number,
    password: string,
    refused: (reason: 'locked' | 'wrong_password', details: Record<string, unknown>) => void,
    who: { actor: AuditActor; workstation: string },
    /** Sign-in says "wrong username or password" (it doesn't tell which); where only a password was asked, "wrong password". */
    wrong: 'AUTH_FAILED' | 'WRONG_PASSWORD' = 'WRONG_PASSWORD',
  ): Promise<void> {
    const row = this.accounts.row(accountId);
    const now = this.clock.now();
    if (row.locked_until !== null && row.locked_until > now.toISOString()) {
      refused('locked', { until: row.locked_until });
      throw new AppError('ACCOUNT_LOCKED', 'account locked', { until: row.locked_until });
    }
    if (await verifyPassword(password, row.password_hash)) {
      if (row.failed_attempts > 0) this.db.prepare('UPDATE accounts SET failed_attempts = 0 WHERE id = ?').run(row.id);
      return;
    }
    const { lockoutThreshold, lockoutMinutes } = this.settings.security();
    const failures = row.failed_attempts + 1;
    const lockedUntil = failures >= lockoutThreshold ? new Date(now.getTime() + lockoutMinutes * 60_000).toISOString() : null;
    this.db
      .transaction(() => {
        this.db.prepare('UPDATE accounts SET failed_attempts = ?, locked_until = ? WHERE id = ?').run(lockedUntil ? 0 : failures, lockedUntil, row.id);
        refused('wrong_password', { failures });
        if (lockedUntil) this.audit.append({ ...who, action: 'auth.locked', target: `account:${row.id}`, details: { username: row.username, until: lockedUntil } });
      })
      .immediate();
    if (lockedUntil) throw new AppError('ACCOUNT_LOCKED', 'account locked', { until: lockedUntil });
    throw new AppError(wrong, 'wrong password');
  }

  /** Resolves a token to its account, expiring it when idle too long or when the account was disabled. */
  resolve(token: string | null | undefined): AccountDto {
    const check = this.sessions.touch(token, this.settings.security().sessionIdleMinutes);
    if (check.state === 'unknown') throw new AppError('NOT_AUTHENTICATED', 'no session');
    const row = this.accounts.row(check.session.accountId);
    if (check.state === 'expired') {
      this.audit.append({
        actor: { id: row.id, name: row.display_name },
        workstation: check.session.workstation,
        action: 'auth.session_expired',
        target: `account:${row.id}`,
      });
      throw new AppError('SESSION_EXPIRED', 'session expired');
    }
    if (row.disabled === 1) {
      this.sessions.close(check.session.token, 'account_closed');
      throw new AppError('ACCOUNT_DISABLED', 'account disabled');
    }
    return toAccountDto(row);
  }

  /**
   * The account behind a live session, without touching it, for what is pushed to its window; null
   * once signed out, expired or disabled, and while locked in a viewer (which is sent no news).
   */
  peek(token: string | null | undefined): AccountDto | null {
    const session = this.sessions.live(token, this.settings.security().sessionIdleMinutes);
    if (!session || session.viewingId !== null) return null;
    const row = this.accounts.row(session.accountId);
    return row.disabled === 1 ? null : toAccountDto(row);
  }

  logout(token: string, account: AccountDto, workstation: string): void {
    this.sessions.close(token);
    this.audit.append({ actor: { id: account.id, name: account.displayName }, workstation, action: 'auth.logout', target: `account:${account.id}` });
  }
}
