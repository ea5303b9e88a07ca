import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { PushEvent, RpcRequest, RpcResponse } from '../shared/contract/envelope.js';
import { IPC_EVENT, IPC_PICK_FOLDER, IPC_RPC } from './ipc-channels.js';

/** The whole surface the sandboxed renderer gets: one RPC call, one event stream, the folder chooser. */
contextBridge.exposeInMainWorld('recordsRoom', {
  rpc: (request: RpcRequest): Promise<RpcResponse> => ipcRenderer.invoke(IPC_RPC, request) as Promise<RpcResponse>,
  onEvent: (listener: (event: PushEvent) => void) => {
    const handler = (_e: IpcRendererEvent, event: PushEvent) => listener(event);
    ipcRenderer.on(IPC_EVENT, handler);
    return () => ipcRenderer.removeListener(IPC_EVENT, handler);
  },
  pickFolder: (): Promise<string | null> => ipcRenderer.invoke(IPC_PICK_FOLDER) as Promise<string | null>,
});
