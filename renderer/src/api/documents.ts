import { transport } from './transport.js';

/** The types of document the core writes into its documents folder, as the bridge serves them. */
const SERVED = /application\/pdf|spreadsheetml|wordprocessingml/;

/**
 * Where the loopback bridge hands out a document the core wrote for this session (labels, an
 * approval form, an exported register), or null: the desktop window shows the path only, as a
 * browser can't open it.
 */
export async function servedUrl(name: string): Promise<string | null> {
  if (transport.kind !== 'browser') return null;
  const url = `/documents/${encodeURIComponent(name)}`;
  try {
    const res = await fetch(url, { method: 'HEAD', credentials: 'same-origin' });
    // An unknown path answers with the app's own page; only a PDF, a spreadsheet or a Word file is the document.
    return res.ok && SERVED.test(res.headers.get('content-type') ?? '') ? url : null;
  } catch {
    return null;
  }
}
