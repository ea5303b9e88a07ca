import type { PushEvent, RpcRequest, RpcResponse } from '../../../shared/contract/envelope.js';

/** What the Electron preload exposes on `window.recordsRoom`. */
export interface PreloadBridge {
  rpc(request: RpcRequest): Promise<RpcResponse>;
  onEvent(listener: (event: PushEvent) => void): () => void;
  pickFolder(): Promise<string | null>;
}

declare global {
  interface Window {
    recordsRoom?: PreloadBridge;
  }
}

export interface Transport {
  kind: 'electron' | 'browser';
  send(request: RpcRequest): Promise<RpcResponse>;
  subscribe(listener: (event: PushEvent) => void): () => void;
  /** The OS folder chooser; only a desktop window has one (a browser can't hand over a path). */
  pickFolder: (() => Promise<string | null>) | null;
}

const unreachable: RpcResponse = { ok: false, error: { code: 'CORE_UNREACHABLE', message: 'core unreachable' } };

/** The loopback bridge: POST /rpc and a server-sent event stream, authenticated by the launch cookie. */
function browserTransport(): Transport {
  return {
    kind: 'browser',
    async send(request) {
      try {
        const res = await fetch('/rpc', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          credentials: 'same-origin',
          body: JSON.stringify(request),
        });
        if (!res.ok) return unreachable;
        return (await res.json()) as RpcResponse;
      } catch {
        return unreachable;
      }
    },
    subscribe(listener) {
      const source = new EventSource('/events');
      source.onmessage = (msg: MessageEvent<string>) => listener(JSON.parse(msg.data) as PushEvent);
      return () => source.close();
    },
    pickFolder: null,
  };
}

function electronTransport(bridge: PreloadBridge): Transport {
  return {
    kind: 'electron',
    send: (request) => bridge.rpc(request).catch(() => unreachable),
    subscribe: (listener) => bridge.onEvent(listener),
    pickFolder: () => bridge.pickFolder(),
  };
}

export const transport: Transport = window.recordsRoom ? electronTransport(window.recordsRoom) : browserTransport();
