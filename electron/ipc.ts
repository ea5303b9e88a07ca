import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import type { RpcResponse } from '../shared/contract/envelope.js';
import { workstationName } from './core/app/workstation.js';
import type { Dispatcher } from './core/rpc/dispatcher.js';
import { APP_ORIGIN, IPC_EVENT, IPC_PICK_FOLDER, IPC_RPC } from './ipc-channels.js';

function trustedSender(event: IpcMainInvokeEvent): boolean {
  const url = event.senderFrame?.url ?? '';
  return url.startsWith(`${APP_ORIGIN}/`);
}

/** The OS folder chooser; resolves to the chosen folder, or null when the keeper cancels. */
export type PickFolder = () => Promise<string | null>;

/** Routes renderer calls into the dispatcher, core events out to the window, and the one native dialog the UI needs. */
export function registerIpc(ipcMain: IpcMain, dispatcher: Dispatcher, contents: () => WebContents | null, pickFolder: PickFolder): () => void {
  const workstation = workstationName('electron');
  ipcMain.handle(IPC_RPC, async (event, request: unknown): Promise<RpcResponse> => {
    if (!trustedSender(event)) return { ok: false, error: { code: 'FORBIDDEN', message: 'untrusted frame' } };
    return dispatcher.dispatch(request, workstation);
  });
  ipcMain.handle(IPC_PICK_FOLDER, (event) => (trustedSender(event) ? pickFolder() : null));
  const unsubscribe = dispatcher.app.bus.subscribe((e) => contents()?.send(IPC_EVENT, e));
  return () => {
    ipcMain.removeHandler(IPC_RPC);
    ipcMain.removeHandler(IPC_PICK_FOLDER);
    unsubscribe();
  };
}
