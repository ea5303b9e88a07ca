import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { app, dialog, ipcMain, protocol, shell, type BrowserWindow } from 'electron';
import { SHARED_MESSAGES, interpolate } from '../shared/i18n/messages.js';
import { contentType, resolveRendererFile } from './bridge/static-files.js';
import { SECURITY_HEADERS } from './bridge/security.js';
import { byteRange, mediaHeaders } from './core/playback/byte-range.js';
import { RecordsApp } from './core/app/records-app.js';
import { workstationName } from './core/base/workstation.js';
import { resolveDataDir } from './core/datadir/paths.js';
import { seedDemoOffice } from './core/app/demo-office.js';
import { Dispatcher } from './core/rpc/dispatcher.js';
import { registerIpc } from './ipc.js';
import { createMainWindow } from './window.js';
import { applyViewerLock, guardViewerLock } from './viewer-lock.js';

const here = path.dirname(fileURLToPath(import.meta.url));

protocol.registerSchemesAsPrivileged([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } }]);

/** The renderer's files, and a view's media bytes by range at /media/<ticket> (the same path as the bridge's). */
function serveRenderer(rendererDir: string, core: RecordsApp, session: () => string | null): void {
  protocol.handle('app', async (request) => {
    const pathname = new URL(request.url).pathname;
    if (pathname.startsWith('/media/')) {
      const media = core.error ? null : core.core.playback.resolve(pathname.slice('/media/'.length), session());
      if (!media) return new Response('Not found', { status: 404, headers: SECURITY_HEADERS });
      const size = fs.statSync(media.file).size;
      const answer = byteRange(request.headers.get('range') ?? undefined, size);
      const headers = { ...SECURITY_HEADERS, ...mediaHeaders(answer, size, media.mime) };
      if (answer.status === 416) return new Response(null, { status: 416, headers });
      const body = Readable.toWeb(fs.createReadStream(media.file, { start: answer.start, end: answer.end })) as ReadableStream;
      return new Response(body, { status: answer.status, headers });
    }
    const file = resolveRendererFile(rendererDir, pathname);
    const body = await fs.promises.readFile(file);
    return new Response(body, { headers: { ...SECURITY_HEADERS, 'Content-Type': contentType(file) } });
  });
}

/** Electron's side of the app: one instance, one hardened window, the same core as everywhere. */
export async function startElectronApp(): Promise<void> {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  const { values } = parseArgs({ args: process.argv.slice(app.isPackaged ? 1 : 2), options: { data: { type: 'string' }, demo: { type: 'boolean' } }, strict: false });
  const demo = values.demo === true;
  const dataDir = demo ? fs.mkdtempSync(path.join(os.tmpdir(), 'records-room-demo-')) : resolveDataDir(typeof values.data === 'string' ? values.data : undefined);

  await app.whenReady();
  const core = RecordsApp.open({ dataDir, shell: 'electron', exclusive: true, demo });
  if (core.error?.code === 'INSTANCE_LOCKED') {
    const zh = SHARED_MESSAGES['zh-CN'].errors.INSTANCE_LOCKED;
    dialog.showErrorBox('执法音像档案室 / Records Room', interpolate(zh, core.error.details));
    app.quit();
    return;
  }
  const dispatcher = new Dispatcher(core);
  void core.startBackgroundWork();
  if (demo) await seedDemoOffice(dispatcher, workstationName('electron'));
  // The IPC routes (which know the window's session) are registered just below, before any page can open a document.
  let session: () => string | null = () => null;
  const openDocument = (name: string) => {
    const file = core.error ? null : core.core.documents.resolve(name, session());
    if (file) void shell.openPath(file);
  };
  let win: BrowserWindow | null = createMainWindow(path.join(here, 'preload.cjs'), openDocument);
  const pickFolder = async () => {
    if (!win) return null;
    const chosen = await dialog.showOpenDialog(win, { properties: ['openDirectory'] });
    return chosen.canceled ? null : (chosen.filePaths[0] ?? null);
  };
  let locked = false;
  guardViewerLock(win, () => locked);
  const onLock = (now: boolean) => {
    locked = now;
    if (win) applyViewerLock(win, now);
  };
  const routes = registerIpc(ipcMain, dispatcher, () => win?.webContents ?? null, pickFolder, onLock);
  session = routes.session;
  serveRenderer(path.join(here, '..', 'renderer'), core, routes.session);
  app.on('second-instance', () => {
    if (win?.isMinimized()) win.restore();
    win?.focus();
  });
  win.on('closed', () => {
    win = null;
  });
  app.on('window-all-closed', () => {
    routes.unregister();
    void core.close().finally(() => {
      if (demo) fs.rmSync(dataDir, { recursive: true, force: true });
      app.quit();
    });
  });
}
