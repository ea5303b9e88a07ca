import type { RpcResponse } from '../../../shared/contract/envelope.js';

/**
 * The session a shell's window holds after a call: a sign-in opens it, a sign-out ends it. The
 * shell needs it for what the page loads without a request body — media by range and the push
 * stream — so those answer only to a live session, never to a ticket or the launch cookie alone.
 */
export function sessionAfter(request: unknown, response: RpcResponse, current: string | null): string | null {
  const method = typeof request === 'object' && request !== null ? (request as { method?: unknown }).method : undefined;
  if (method === 'auth.login' && response.ok) return (response.value as { token: string }).token;
  if (method === 'auth.logout') return null;
  return current;
}
