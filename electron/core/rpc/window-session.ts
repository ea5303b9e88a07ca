import type { RpcResponse } from '../../../shared/contract/envelope.js';

/**
 * The session a shell's window holds after a call: a sign-in opens it, a sign-out ends it. The
 * shell needs it for what the page loads without a request body — media by range and the push
 * stream — so those answer only to a live session, never to a ticket or the launch cookie alone.
 */
export function sessionAfter(request: unknown, response: RpcResponse, current: string | null): string | null {
  const method = typeof request === 'object' && request !== null ? (request as { method?: unknown }).method : undefined;
  if (method === 'auth.login' && response.ok) return (response.value as { token: string }).token;
  // A sign-out ends the window's session even when the core found it gone already; but a session
  // locked in a viewer stays, or a refused sign-out would cut off the viewer's own media.
  if (method === 'auth.logout') return !response.ok && response.error.code === 'SESSION_LOCKED' ? current : null;
  return current;
}
