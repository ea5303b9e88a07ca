import type { BrowserWindow, Event, Input } from 'electron';

/**
 * The window while its session is locked in a viewing (a party at the workstation): a kiosk over
 * everything, that screen capture sees as black, that can't be closed or minimised, and that
 * ignores the shortcuts which would reach beyond the viewer. The core decides what the session may
 * reach; this only keeps the person in front of the screen inside the viewer until the keeper's
 * password unlocks it.
 */
export function applyViewerLock(win: BrowserWindow, locked: boolean): void {
  win.setContentProtection(locked);
  win.setKiosk(locked);
  win.setAlwaysOnTop(locked, 'screen-saver');
  win.setClosable(!locked);
  win.setMinimizable(!locked);
}

/** Reload, print, save, developer tools, zoom, closing: any chord or function key; plain keys still pause and seek. */
export function blockedWhileLocked(input: Pick<Input, 'key' | 'control' | 'meta' | 'alt'>): boolean {
  return input.control || input.meta || input.alt || /^F\d{1,2}$/.test(input.key);
}

/** Holds the window to the lock: closing is refused and blocked keys never reach the page while `locked()` says so. */
export function guardViewerLock(win: BrowserWindow, locked: () => boolean): void {
  win.on('close', (event: Event) => {
    if (locked()) event.preventDefault();
  });
  win.webContents.on('before-input-event', (event: Event, input: Input) => {
    if (locked() && blockedWhileLocked(input)) event.preventDefault();
  });
}
