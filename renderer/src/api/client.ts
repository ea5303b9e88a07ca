import type { ErrorCode } from '../../../shared/errors.js';
import type { InputOf, MethodName, OutputOf } from '../../../shared/contract/methods.js';
import { transport } from './transport.js';

export class ClientError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

const TOKEN_KEY = 'rr.session';
let token: string | null = sessionStorage.getItem(TOKEN_KEY);
const signedOutListeners = new Set<(code: ErrorCode) => void>();

export function setSessionToken(value: string | null): void {
  token = value;
  if (value) sessionStorage.setItem(TOKEN_KEY, value);
  else sessionStorage.removeItem(TOKEN_KEY);
}

export function hasSessionToken(): boolean {
  return token !== null;
}

/** Called when the core says the session is gone, so the app can return to the login screen. */
export function onSignedOut(listener: (code: ErrorCode) => void): () => void {
  signedOutListeners.add(listener);
  return () => signedOutListeners.delete(listener);
}

/** The one typed way the UI talks to the core. */
export async function call<M extends MethodName>(method: M, input: InputOf<M>): Promise<OutputOf<M>> {
  const res = await transport.send({ method, input, token });
  if (res.ok) return res.value as OutputOf<M>;
  const { code, message, details } = res.error;
  if (code === 'SESSION_EXPIRED' || code === 'NOT_AUTHENTICATED' || (code === 'ACCOUNT_DISABLED' && method !== 'auth.login')) {
    setSessionToken(null);
    for (const l of signedOutListeners) l(code);
  }
  throw new ClientError(code, message, details ?? {});
}
