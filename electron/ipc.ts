import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import type { RpcResponse } from '../shared/contract/envelope.js';
import { workstationName } from './core/base/workstation.js';
import type { Dispatcher } from './core/rpc/dispatcher.js';
import { sessionAfter } from './core/rpc/window-session.js';
import { APP_ORIGIN, IPC_EVENT, IPC_PICK_FOLDER, IPC_RPC } from './ipc-channels.js';

function trustedSender(event: IpcMainInvokeEvent): boolean {
  const url = event.senderFrame?.url ?? '';
  return url.startsWith(`${APP_ORIGIN}/`);
}

/** The OS folder chooser; resolves to the chosen folder, or null when the keeper cancels. */
export type PickFolder = () => Promise<string | null>;

export interface IpcRoutes {
  /** The window's signed-in session: media requests and pushed events answer only to it. */
  session(): string | null;
  unregister(): void;
}

/**
 * Routes renderer calls into the dispatcher, core events out to the window, and the one native
 * dialog the UI needs. After every call it tells `onLock` when the window's session has just been
 * locked in a viewing or unlocked, so the window can become the viewer's kiosk and back.
 */
export function registerIpc(ipcMain: IpcMain, dispatcher: Dispatcher, contents: () => WebContents | null, pickFolder: PickFolder, onLock: (locked: boolean) => void = () => undefined): IpcRoutes {
  const workstation = workstationName('electron');
  let session: string | null = null;
  let locked = false;
  ipcMain.handle(IPC_RPC, async (event, request: unknown): Promise<RpcResponse> => {
    if (!trustedSender(event)) return { ok: false, error: { code: 'FORBIDDEN', message: 'untrusted frame' } };
    const answer = await dispatcher.dispatch(request, workstation);
    session = sessionAfter(request, answer, session);
    const now = !dispatcher.app.error && dispatcher.app.core.auth.sessions.lockedViewing(session) !== null;
    if (now !== locked) onLock((locked = now));
    return answer;
  });
  ipcMain.handle(IPC_PICK_FOLDER, (event) => (trustedSender(event) ? pickFolder() : null));
  const unsubscribe = dispatcher.app.bus.subscribe((e) => {
    const account = dispatcher.app.error ? null : dispatcher.app.core.auth.peek(session);
    if (account && dispatcher.app.core.access.mayReceive(account, e)) contents()?.send(IPC_EVENT, e);
  });
  return {
    session: () => session,
    unregister: () => {
      ipcMain.removeHandler(IPC_RPC);
      ipcMain.removeHandler(IPC_PICK_FOLDER);
      unsubscribe();
    },
  };
}
