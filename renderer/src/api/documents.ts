import { transport } from './transport.js';

/**
 * Where the loopback bridge hands out a document the core wrote for this session (labels, an
 * approval form), or null: the desktop window shows the path only, as a browser can't open it.
 */
export async function servedUrl(name: string): Promise<string | null> {
  if (transport.kind !== 'browser') return null;
  const url = `/documents/${encodeURIComponent(name)}`;
  try {
    const res = await fetch(url, { method: 'HEAD', credentials: 'same-origin' });
    // An unknown path answers with the app's own page; only a PDF is the document.
    return res.ok && (res.headers.get('content-type') ?? '').includes('pdf') ? url : null;
  } catch {
    return null;
  }
}
