import type { AccountDto, Language } from '../../../shared/contract/dto.js';
import type { ParsedInputOf } from '../../../shared/contract/methods.js';
import { AppError } from '../../../shared/errors.js';
import type { AuditLog } from '../audit/audit-log.js';
import type { Clock } from '../base/clock.js';
import { assertPasswordAcceptable, hashPassword, verifyPassword } from '../auth/password.js';
import type { SessionStore } from '../auth/sessions.js';
import type { Db } from '../db/open.js';
import type { CallContext } from '../base/call-context.js';
import { toAccountDto, type AccountRow } from './account-row.js';

export type NewAccount = ParsedInputOf<'accounts.create'>;

export class AccountsService {
  constructor(
    private readonly db: Db,
    private readonly audit: AuditLog,
    private readonly sessions: SessionStore,
    private readonly clock: Clock,
  ) {}

  row(id: number): AccountRow {
    const row = this.db.prepare('SELECT * FROM accounts WHERE id = ?').get(id) as AccountRow | undefined;
    if (!row) throw new AppError('NOT_FOUND', `no account ${id}`, { id });
    return row;
  }

  rowByUsername(username: string): AccountRow | undefined {
    return this.db.prepare('SELECT * FROM accounts WHERE username = ?').get(username.trim()) as AccountRow | undefined;
  }

  get(id: number): AccountDto {
    return toAccountDto(this.row(id));
  }

  list(): AccountDto[] {
    return (this.db.prepare('SELECT * FROM accounts ORDER BY disabled, id').all() as AccountRow[]).map(toAccountDto);
  }

  count(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM accounts').get() as { n: number }).n;
  }

  /**
   * Hashes first (slow, async), then inserts and audits in one synchronous transaction.
   * `inTransaction` lets first-run setup add the office in the same commit.
   */
  private assertOfficerNoFree(officerNo: string | null | undefined, exceptId?: number): void {
    if (!officerNo) return;
    const holder = this.db.prepare('SELECT id FROM accounts WHERE officer_no = ?').get(officerNo) as { id: number } | undefined;
    if (holder && holder.id !== exceptId) throw new AppError('NUMBER_TAKEN', 'officer number taken', { number: officerNo });
  }

  async create(ctx: CallContext, input: NewAccount, inTransaction?: () => void): Promise<AccountDto> {
    assertPasswordAcceptable(input.password, input.username);
    if (this.rowByUsername(input.username)) throw new AppError('USERNAME_TAKEN', 'username taken', { username: input.username });
    this.assertOfficerNoFree(input.officerNo);
    const passwordHash = await hashPassword(input.password);
    const id = this.db
      .transaction(() => {
        inTransaction?.();
        if (this.rowByUsername(input.username)) throw new AppError('USERNAME_TAKEN', 'username taken', { username: input.username });
        const info = this.db
          .prepare(
            `INSERT INTO accounts (username, display_name, role, is_admin, password_hash, created_at, officer_no)
             VALUES (?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(input.username, input.displayName, input.role, input.isAdmin ? 1 : 0, passwordHash, this.clock.now().toISOString(), input.officerNo ?? null);
        const id = Number(info.lastInsertRowid);
        const base = ctx.auditBase();
        this.audit.append({
          ...base,
          actor: base.actor.id === null ? { id, name: input.displayName } : base.actor,
          action: 'account.created',
          target: `account:${id}`,
          details: { username: input.username, displayName: input.displayName, role: input.role, isAdmin: input.isAdmin, officerNo: input.officerNo ?? null },
        });
        return id;
      })
      .immediate();
    return this.get(id);
  }

  setOfficerNo(ctx: CallContext, id: number, officerNo: string | null): AccountDto {
    const target = this.row(id);
    if (target.officer_no === officerNo) return toAccountDto(target);
    this.assertOfficerNoFree(officerNo, id);
    this.db
      .transaction(() => {
        this.db.prepare('UPDATE accounts SET officer_no = ? WHERE id = ?').run(officerNo, id);
        this.audit.append({ ...ctx.auditBase(), action: 'account.officer_no_changed', target: `account:${id}`, details: { username: target.username, old: target.officer_no, new: officerNo } });
      })
      .immediate();
    return this.get(id);
  }

  idByOfficerNo(officerNo: string): number | null {
    return (this.db.prepare('SELECT id FROM accounts WHERE officer_no = ?').get(officerNo) as { id: number } | undefined)?.id ?? null;
  }

  setDisabled(ctx: CallContext, id: number, disabled: boolean): AccountDto {
    const target = this.row(id);
    if ((target.disabled === 1) === disabled) return toAccountDto(target);
    this.db
      .transaction(() => {
        if (disabled) {
          const otherAdmins = (
            this.db.prepare('SELECT count(*) AS n FROM accounts WHERE is_admin = 1 AND disabled = 0 AND id <> ?').get(id) as { n: number }
          ).n;
          if (id === ctx.account?.id || (target.is_admin === 1 && otherAdmins === 0)) {
            throw new AppError('LAST_ADMIN', 'cannot disable the last administrator or oneself');
          }
        }
        this.db.prepare('UPDATE accounts SET disabled = ? WHERE id = ?').run(disabled ? 1 : 0, id);
        this.audit.append({
          ...ctx.auditBase(),
          action: disabled ? 'account.disabled' : 'account.enabled',
          target: `account:${id}`,
          details: { username: target.username },
        });
      })
      .immediate();
    if (disabled) this.sessions.closeAllFor(id);
    return this.get(id);
  }

  /** An administrator sets a new password; this also lifts a lockout. */
  async resetPassword(ctx: CallContext, id: number, password: string): Promise<AccountDto> {
    const target = this.row(id);
    assertPasswordAcceptable(password, target.username);
    const hash = await hashPassword(password);
    this.db
      .transaction(() => {
        this.db.prepare('UPDATE accounts SET password_hash = ?, failed_attempts = 0, locked_until = NULL WHERE id = ?').run(hash, id);
        this.audit.append({ ...ctx.auditBase(), action: 'account.password_reset', target: `account:${id}`, details: { username: target.username } });
      })
      .immediate();
    this.sessions.closeAllFor(id);
    return this.get(id);
  }

  async changeOwnPassword(ctx: CallContext, oldPassword: string, newPassword: string): Promise<void> {
    const me = this.row(requireAccount(ctx).id);
    // Only a password was asked: "wrong password", not sign-in's "wrong username or password".
    if (!(await verifyPassword(oldPassword, me.password_hash))) throw new AppError('WRONG_PASSWORD', 'old password wrong');
    assertPasswordAcceptable(newPassword, me.username);
    const hash = await hashPassword(newPassword);
    this.db
      .transaction(() => {
        this.db.prepare('UPDATE accounts SET password_hash = ? WHERE id = ?').run(hash, me.id);
        this.audit.append({ ...ctx.auditBase(), action: 'auth.password_changed', target: `account:${me.id}` });
      })
      .immediate();
  }

  setLanguage(ctx: CallContext, language: Language): AccountDto {
    const me = this.row(requireAccount(ctx).id);
    if (me.language !== language) {
      this.db
        .transaction(() => {
          this.db.prepare('UPDATE accounts SET language = ? WHERE id = ?').run(language, me.id);
          this.audit.append({ ...ctx.auditBase(), action: 'account.language_changed', target: `account:${me.id}`, details: { old: me.language, new: language } });
        })
        .immediate();
    }
    return this.get(me.id);
  }
}

export function requireAccount(ctx: CallContext): AccountDto {
  if (!ctx.account) throw new AppError('NOT_AUTHENTICATED', 'no signed-in account');
  return ctx.account;
}
