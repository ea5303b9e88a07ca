import { afterEach, describe, expect, it } from 'vitest';
import { KEEPER, codeOf, openTestApp, type TestApp } from '../../support/test-app.js';

let t: TestApp;
afterEach(async () => t?.close());

const OFFICER = { username: 'officer1', displayName: '李建国', role: 'officer' as const, isAdmin: false, password: 'Officer2026' };

async function withOfficer(): Promise<string> {
  t = await openTestApp();
  const token = await t.login(KEEPER.username, KEEPER.password);
  await t.call('accounts.create', OFFICER, token);
  return token;
}

async function actions(token: string): Promise<string[]> {
  return (await t.call('audit.list', { limit: 500 }, token)).events.map((e) => e.action).reverse();
}

describe('signing in', () => {
  it('answers a wrong password and an unknown user alike, and audits both', async () => {
    const token = await withOfficer();
    expect(await codeOf(() => t.login('officer1', 'Wrong2026'))).toBe('AUTH_FAILED');
    expect(await codeOf(() => t.login('nobody', 'Wrong2026'))).toBe('AUTH_FAILED');
    const failed = (await t.call('audit.list', { action: 'auth.login_failed', limit: 10 }, token)).events;
    expect(failed.map((e) => e.details.reason).sort()).toEqual(['unknown_user', 'wrong_password']);
  });

  it('treats usernames case-insensitively and refuses a duplicate', async () => {
    const token = await withOfficer();
    const first = await t.call('auth.login', { username: 'OFFICER1', password: OFFICER.password });
    expect(first.previousLoginAt).toBeNull();
    t.clock.advanceMinutes(1);
    const second = await t.call('auth.login', { username: 'officer1', password: OFFICER.password });
    expect(second.previousLoginAt).toBe(first.account.lastLoginAt);
    expect(await codeOf(() => t.call('accounts.create', { ...OFFICER, username: 'Officer1' }, token))).toBe('USERNAME_TAKEN');
  });

  it('locks an account after repeated failures until the lockout passes or a reset', async () => {
    await withOfficer();
    for (let i = 0; i < 4; i++) expect(await codeOf(() => t.login('officer1', `Wrong${i}abc`))).toBe('AUTH_FAILED');
    expect(await codeOf(() => t.login('officer1', 'Wrong4abc'))).toBe('ACCOUNT_LOCKED');
    expect(await codeOf(() => t.login('officer1', OFFICER.password))).toBe('ACCOUNT_LOCKED');
    t.clock.advanceMinutes(16);
    expect(await t.login('officer1', OFFICER.password)).toBeTruthy();
    for (let i = 0; i < 5; i++) await codeOf(() => t.login('officer1', `Wrong${i}abc`));
    expect(await codeOf(() => t.login('officer1', OFFICER.password))).toBe('ACCOUNT_LOCKED');
    const admin = await t.login(KEEPER.username, KEEPER.password);
    await t.call('accounts.resetPassword', { id: 2, password: 'Fresh2026x' }, admin);
    expect(await t.login('officer1', 'Fresh2026x')).toBeTruthy();
    expect(await actions(admin)).toContain('auth.locked');
  });

  it('refuses a disabled account, drops its sessions, and keeps its name in history', async () => {
    const admin = await withOfficer();
    const officerToken = await t.login('officer1', OFFICER.password);
    await t.call('accounts.setDisabled', { id: 2, disabled: true }, admin);
    expect(await codeOf(() => t.call('auth.me', {}, officerToken))).toBe('NOT_AUTHENTICATED');
    expect(await codeOf(() => t.login('officer1', OFFICER.password))).toBe('ACCOUNT_DISABLED');
    expect(await codeOf(() => t.login('officer1', 'Wrong2026'))).toBe('AUTH_FAILED');
    const list = await t.call('accounts.list', {}, admin);
    expect(list.find((a) => a.id === 2)).toMatchObject({ disabled: true, displayName: '李建国' });
    await t.call('accounts.setDisabled', { id: 2, disabled: false }, admin);
    expect(await t.login('officer1', OFFICER.password)).toBeTruthy();
  });

  it('expires an idle session and audits it', async () => {
    const admin = await withOfficer();
    t.clock.advanceMinutes(14);
    await t.call('auth.me', {}, admin);
    t.clock.advanceMinutes(14);
    await t.call('auth.me', {}, admin);
    t.clock.advanceMinutes(16);
    expect(await codeOf(() => t.call('auth.me', {}, admin))).toBe('SESSION_EXPIRED');
    const again = await t.login(KEEPER.username, KEEPER.password);
    expect(await actions(again)).toContain('auth.session_expired');
  });

  it('never disables the last administrator or oneself', async () => {
    const admin = await withOfficer();
    expect(await codeOf(() => t.call('accounts.setDisabled', { id: 1, disabled: true }, admin))).toBe('LAST_ADMIN');
    await t.call('accounts.create', { username: 'admin2', displayName: '管理员二', role: 'keeper', isAdmin: true, password: 'Second2026' }, admin);
    expect(await codeOf(() => t.call('accounts.setDisabled', { id: 1, disabled: true }, admin))).toBe('LAST_ADMIN');
    const second = await t.login('admin2', 'Second2026');
    await t.call('accounts.setDisabled', { id: 1, disabled: true }, second);
    expect(await codeOf(() => t.call('accounts.setDisabled', { id: 3, disabled: true }, second))).toBe('LAST_ADMIN');
  });

  it('enforces the password rule in the core', async () => {
    const admin = await withOfficer();
    for (const password of ['short1', 'lettersonly', '12345678901', 'newguy2026']) {
      expect(await codeOf(() => t.call('accounts.create', { ...OFFICER, username: 'newguy2026', password }, admin))).toBe('PASSWORD_TOO_WEAK');
    }
  });

  it('changes one’s own password only with the old one', async () => {
    await withOfficer();
    const officer = await t.login('officer1', OFFICER.password);
    expect(await codeOf(() => t.call('auth.changePassword', { oldPassword: 'nope', newPassword: 'Next2026abc' }, officer))).toBe('WRONG_PASSWORD');
    await t.call('auth.changePassword', { oldPassword: OFFICER.password, newPassword: 'Next2026abc' }, officer);
    expect(await t.login('officer1', 'Next2026abc')).toBeTruthy();
  });

  it('checks permissions in the core whatever the UI shows', async () => {
    await withOfficer();
    const officer = await t.login('officer1', OFFICER.password);
    expect(await codeOf(() => t.call('accounts.create', { ...OFFICER, username: 'x2' }, officer))).toBe('FORBIDDEN');
    expect(await codeOf(() => t.call('audit.list', { limit: 5 }, officer))).toBe('FORBIDDEN');
    expect(await codeOf(() => t.call('settings.update', { security: { sessionIdleMinutes: 5, lockoutThreshold: 5, lockoutMinutes: 5 } }, officer))).toBe('FORBIDDEN');
    // The store path and the security policy are not an officer's to read; the office and its zone are, from the status.
    expect(await codeOf(() => t.call('settings.get', {}, officer))).toBe('FORBIDDEN');
    expect((await t.call('system.status', {}, officer)).office?.unitCode).toBe('XK-01');
  });

  it('audits a settings change with old and new values, and applies it', async () => {
    const admin = await withOfficer();
    await t.call('settings.update', { security: { sessionIdleMinutes: 5, lockoutThreshold: 3, lockoutMinutes: 60 } }, admin);
    const [event] = (await t.call('audit.list', { action: 'settings.changed', limit: 1 }, admin)).events;
    expect(event?.details).toMatchObject({ old: { sessionIdleMinutes: 15 }, new: { sessionIdleMinutes: 5 } });
    for (let i = 0; i < 3; i++) await codeOf(() => t.login('officer1', `Wrong${i}abc`));
    expect(await codeOf(() => t.login('officer1', OFFICER.password))).toBe('ACCOUNT_LOCKED');
  });
});
