// A stand-in for the `electron` module: the binary can't run here, so the thin Electron files are
// tested against this recording fake (aliased in vitest.config.ts).
type Listener = (...args: unknown[]) => void;

class Emitter {
  readonly listeners = new Map<string, Listener[]>();
  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  once(event: string, listener: Listener): this {
    return this.on(event, listener);
  }
  emit(event: string, ...args: unknown[]): void {
    for (const l of this.listeners.get(event) ?? []) l(...args);
  }
}

export class FakeSession {
  permissionRequest?: (wc: unknown, permission: string, cb: (granted: boolean) => void) => void;
  permissionCheck?: () => boolean;
  beforeRequest?: (details: { url: string }, cb: (r: { cancel: boolean }) => void) => void;
  setPermissionRequestHandler(h: FakeSession['permissionRequest']) {
    this.permissionRequest = h;
  }
  setPermissionCheckHandler(h: FakeSession['permissionCheck']) {
    this.permissionCheck = h;
  }
  webRequest = {
    onBeforeRequest: (h: FakeSession['beforeRequest']) => {
      this.beforeRequest = h;
    },
  };
}

export class FakeWebContents extends Emitter {
  windowOpenHandler?: (details: { url: string }) => { action: string };
  session = new FakeSession();
  sent: { channel: string; payload: unknown }[] = [];
  setWindowOpenHandler(h: FakeWebContents['windowOpenHandler']) {
    this.windowOpenHandler = h;
  }
  send(channel: string, payload: unknown) {
    this.sent.push({ channel, payload });
  }
}

export class BrowserWindow extends Emitter {
  static created: BrowserWindow[] = [];
  webContents = new FakeWebContents();
  loadedUrl = '';
  constructor(readonly options: Record<string, unknown>) {
    super();
    BrowserWindow.created.push(this);
  }
  loadURL(url: string) {
    this.loadedUrl = url;
    return Promise.resolve();
  }
  show() {}
  /** What the viewer lock set: kiosk, content protection, always on top (and its level), closable, minimisable. */
  readonly flags: Record<string, unknown> = {};
  setKiosk(on: boolean) {
    this.flags.kiosk = on;
  }
  setContentProtection(on: boolean) {
    this.flags.contentProtection = on;
  }
  setAlwaysOnTop(on: boolean, level?: string) {
    this.flags.alwaysOnTop = on ? (level ?? true) : false;
  }
  setClosable(on: boolean) {
    this.flags.closable = on;
  }
  setMinimizable(on: boolean) {
    this.flags.minimizable = on;
  }
}

export const ipcMain = {
  handlers: new Map<string, (event: unknown, ...args: unknown[]) => unknown>(),
  handle(channel: string, handler: (event: unknown, ...args: unknown[]) => unknown) {
    this.handlers.set(channel, handler);
  },
  removeHandler(channel: string) {
    this.handlers.delete(channel);
  },
};

export const app = {};
export const dialog = {};
export const protocol = {};
export const contextBridge = {};
export const ipcRenderer = {};
