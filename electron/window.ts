import { BrowserWindow, type Session, type WebContents } from 'electron';
import { APP_ORIGIN } from './ipc-channels.js';
import { decodedSegment } from '../shared/rules/paths.js';

/**
 * The main window, hardened: isolated and sandboxed renderer without Node, no navigation away,
 * no new windows, no permission prompts, no request leaving the app's own protocol.
 */
export function createMainWindow(preloadPath: string, openDocument: (name: string) => void = () => undefined): BrowserWindow {
  const win = new BrowserWindow({
    width: 1366,
    height: 860,
    minWidth: 1024,
    minHeight: 680,
    show: false,
    title: '执法音像档案室',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: false,
      devTools: process.env.RECORDS_DEVTOOLS === '1',
    },
  });
  hardenContents(win.webContents, openDocument);
  hardenSession(win.webContents.session);
  win.once('ready-to-show', () => win.show());
  void win.loadURL(`${APP_ORIGIN}/index.html`);
  return win;
}

/**
 * No new windows: a printed document the page opens (`/documents/<name>`, as in the browser
 * bridge) goes to the system's PDF viewer instead, which prints labels at actual size.
 */
export function hardenContents(contents: WebContents, openDocument: (name: string) => void = () => undefined): void {
  contents.setWindowOpenHandler(({ url }) => {
    const prefix = `${APP_ORIGIN}/documents/`;
    const name = url.startsWith(prefix) ? decodedSegment(url.slice(prefix.length)) : null;
    if (name !== null) openDocument(name);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.on('will-redirect', (event, url) => {
    if (!url.startsWith(`${APP_ORIGIN}/`)) event.preventDefault();
  });
}

export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = details.url.startsWith(`${APP_ORIGIN}/`) || details.url.startsWith('devtools://') || details.url.startsWith('data:');
    callback({ cancel: !allowed });
  });
}
