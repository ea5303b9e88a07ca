import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import type { RpcResponse } from '../shared/contract/envelope.js';
import { workstationName } from './core/app/workstation.js';
import type { Dispatcher } from './core/rpc/dispatcher.js';
import { APP_ORIGIN, IPC_EVENT, IPC_RPC } from './ipc-channels.js';

function trustedSender(event: IpcMainInvokeEvent): boolean {
  const url = event.senderFrame?.url ?? '';
  return url.startsWith(`${APP_ORIGIN}/`);
}

/** Routes renderer calls into the dispatcher and core events out to the window. */
export function registerIpc(ipcMain: IpcMain, dispatcher: Dispatcher, contents: () => WebContents | null): () => void {
  const workstation = workstationName('electron');
  ipcMain.handle(IPC_RPC, async (event, request: unknown): Promise<RpcResponse> => {
    if (!trustedSender(event)) return { ok: false, error: { code: 'FORBIDDEN', message: 'untrusted frame' } };
    return dispatcher.dispatch(request, workstation);
  });
  const unsubscribe = dispatcher.app.bus.subscribe((e) => contents()?.send(IPC_EVENT, e));
  return () => {
    ipcMain.removeHandler(IPC_RPC);
    unsubscribe();
  };
}
