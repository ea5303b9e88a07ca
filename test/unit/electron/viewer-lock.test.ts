import { afterEach, describe, expect, it } from 'vitest';
import type { IpcMain, WebContents } from 'electron';
import { type BrowserWindow, ipcMain } from '../../support/electron-fake.js';
import { createMainWindow } from '../../../electron/window.js';
import { registerIpc } from '../../../electron/ipc.js';
import { IPC_RPC } from '../../../electron/ipc-channels.js';
import { applyViewerLock, guardViewerLock } from '../../../electron/viewer-lock.js';
import { KEEPER, openTestApp, type TestApp } from '../../support/test-app.js';

let t: TestApp | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

const UNLOCKED = { kiosk: false, contentProtection: false, alwaysOnTop: false, closable: true, minimizable: true };
const LOCKED = { kiosk: true, contentProtection: true, alwaysOnTop: 'screen-saver', closable: false, minimizable: false };

describe('the viewer lock in Electron', () => {
  it('turns the window into a protected kiosk when the core locks its session in a viewing, and back when unlocked', async () => {
    t = await openTestApp();
    const win = createMainWindow('/app/preload.cjs') as unknown as BrowserWindow;
    let locked = false;
    guardViewerLock(win as never, () => locked);
    const routes = registerIpc(ipcMain as unknown as IpcMain, t.dispatcher, () => win.webContents as unknown as WebContents, () => Promise.resolve(null), (now) => {
      locked = now;
      applyViewerLock(win as never, now);
    });
    const rpc = ipcMain.handlers.get(IPC_RPC);
    const frame = { senderFrame: { url: 'app://renderer/index.html' } };
    const login = (await rpc?.(frame, { method: 'auth.login', input: { username: KEEPER.username, password: KEEPER.password } })) as { value: { token: string } };
    const token = login.value.token;
    expect(win.flags).toEqual({});
    // What viewings.open does to the session; the window follows on the next answer.
    t.app.core.auth.sessions.lock(token, 7);
    await rpc?.(frame, { method: 'auth.me', input: {}, token });
    expect(win.flags).toEqual(LOCKED);
    // A sign-out from inside the viewer is refused, and the window keeps its session (and the viewer its media).
    const logout = (await rpc?.(frame, { method: 'auth.logout', input: {}, token })) as { ok: boolean; error?: { code: string } };
    expect(logout.error?.code).toBe('SESSION_LOCKED');
    expect(routes.session()).toBe(token);
    expect(win.flags).toEqual(LOCKED);

    const tryClose = () => {
      let prevented = false;
      win.emit('close', { preventDefault: () => (prevented = true) });
      return prevented;
    };
    const press = (input: { key: string; control?: boolean; meta?: boolean; alt?: boolean }) => {
      let prevented = false;
      win.webContents.emit('before-input-event', { preventDefault: () => (prevented = true) }, { control: false, meta: false, alt: false, ...input });
      return prevented;
    };
    expect(tryClose()).toBe(true);
    expect([press({ key: 'r', control: true }), press({ key: 'F12' }), press({ key: 'F4', alt: true }), press({ key: 'p', meta: true }), press({ key: 'I', control: true })]).toEqual([true, true, true, true, true]);
    // The player's own keys still work.
    expect([press({ key: ' ' }), press({ key: 'ArrowLeft' })]).toEqual([false, false]);

    t.app.core.auth.sessions.unlock(token);
    await rpc?.(frame, { method: 'auth.me', input: {}, token });
    expect(win.flags).toEqual(UNLOCKED);
    expect(tryClose()).toBe(false);
    expect(press({ key: 'r', control: true })).toBe(false);
    routes.unregister();
  });
});
