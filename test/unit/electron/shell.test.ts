import { afterEach, describe, expect, it } from 'vitest';
import { BrowserWindow, ipcMain, type FakeWebContents } from '../../support/electron-fake.js';
import { createMainWindow } from '../../../electron/window.js';
import { registerIpc } from '../../../electron/ipc.js';
import { IPC_EVENT, IPC_PICK_FOLDER, IPC_RPC } from '../../../electron/ipc-channels.js';
import { KEEPER, openTestApp, type TestApp } from '../../support/test-app.js';
import type { IpcMain, WebContents } from 'electron';
import { SOME_IMPORT_PROGRESS } from '../../support/push-events.js';

let t: TestApp | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

describe('the Electron window', () => {
  const opened: string[] = [];
  const win = createMainWindow('/app/preload.cjs', (name) => opened.push(name)) as unknown as BrowserWindow;
  const contents = win.webContents;

  it('isolates and sandboxes the renderer without Node', () => {
    expect(win.options.webPreferences).toMatchObject({ preload: '/app/preload.cjs', contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true });
    expect(win.loadedUrl).toBe('app://renderer/index.html');
  });

  it('denies new windows and navigation away from the app', () => {
    expect(contents.windowOpenHandler?.({ url: 'https://example.com' })).toEqual({ action: 'deny' });
    // A printed document goes to the system's PDF viewer, never into a new window.
    expect(contents.windowOpenHandler?.({ url: 'app://renderer/documents/labels-0a1b.pdf' })).toEqual({ action: 'deny' });
    expect(opened).toEqual(['labels-0a1b.pdf']);
    const navigate = (url: string) => {
      let prevented = false;
      contents.emit('will-navigate', { preventDefault: () => (prevented = true) }, url);
      return prevented;
    };
    expect(navigate('https://example.com/')).toBe(true);
    expect(navigate('file:///etc/passwd')).toBe(true);
    expect(navigate('app://renderer/index.html')).toBe(false);
  });

  it('grants no permission and lets no request leave the app protocol', () => {
    let granted: boolean | null = null;
    contents.session.permissionRequest?.(null, 'media', (g) => (granted = g));
    expect(granted).toBe(false);
    expect(contents.session.permissionCheck?.()).toBe(false);
    const cancelled = (url: string) => {
      let result = false;
      contents.session.beforeRequest?.({ url }, (r) => (result = r.cancel));
      return result;
    };
    expect(cancelled('https://registry.npmjs.org/')).toBe(true);
    expect(cancelled('http://127.0.0.1:9/')).toBe(true);
    expect(cancelled('app://renderer/assets/index.js')).toBe(false);
  });
});

describe('IPC', () => {
  it('dispatches calls from the app frame, refuses other frames, and forwards core events to the signed-in window only', async () => {
    t = await openTestApp();
    const contents = new (BrowserWindow as unknown as new (o: object) => BrowserWindow)({}).webContents as FakeWebContents;
    const routes = registerIpc(ipcMain as unknown as IpcMain, t.dispatcher, () => contents as unknown as WebContents, () => Promise.resolve('E:\\'));
    const handler = ipcMain.handlers.get(IPC_RPC);
    const app = { senderFrame: { url: 'app://renderer/index.html' } };
    const request = { method: 'system.status', input: {} };
    const trusted = (await handler?.(app, request)) as { ok: boolean; value?: { state: string } };
    expect(trusted).toMatchObject({ ok: true, value: { state: 'ready', shell: 'cli' } });
    const foreign = (await handler?.({ senderFrame: { url: 'https://evil.example/' } }, request)) as { ok: boolean; error?: { code: string } };
    expect(foreign).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });

    const progress = SOME_IMPORT_PROGRESS;
    t.app.bus.publish(progress);
    expect(contents.sent).toEqual([]);
    expect(routes.session()).toBeNull();
    const login = (await handler?.(app, { method: 'auth.login', input: { username: 'keeper', password: KEEPER.password } })) as { value: { token: string } };
    expect(routes.session()).toBe(login.value.token);
    t.app.bus.publish(progress);
    expect(contents.sent).toEqual([{ channel: IPC_EVENT, payload: progress }]);
    await handler?.(app, { method: 'auth.logout', input: {}, token: login.value.token });
    expect(routes.session()).toBeNull();
    t.app.bus.publish(progress);
    expect(contents.sent).toHaveLength(1);

    const pick = ipcMain.handlers.get(IPC_PICK_FOLDER);
    expect(await pick?.(app)).toBe('E:\\');
    expect(await pick?.({ senderFrame: { url: 'https://evil.example/' } })).toBeNull();
    routes.unregister();
    expect(ipcMain.handlers.has(IPC_RPC)).toBe(false);
    expect(ipcMain.handlers.has(IPC_PICK_FOLDER)).toBe(false);
  });
});
