import type { AppErrorShape } from '../errors.js';

/** What a transport carries to the dispatcher. The token identifies the signed-in session. */
export interface RpcRequest {
  method: string;
  input: unknown;
  token?: string | null;
}

export type RpcResponse<T = unknown> = { ok: true; value: T } | { ok: false; error: AppErrorShape };

export type { PushEvent } from './events.js';
