import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { SessionStore } from '../auth/sessions.js';

/** What the folder holds: printable PDFs, spreadsheets (an exported register) and Word files (a county ledger). */
export const DOCUMENT_TYPES = {
  pdf: { mime: 'application/pdf', inline: true },
  // A spreadsheet is not shown in a browser tab: it is saved, and opened in Excel or WPS.
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', inline: false },
  // A Word file (a county ledger, sent on by e-mail) likewise.
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', inline: false },
} as const;
export type DocumentType = keyof typeof DOCUMENT_TYPES;

/** How a document is served: its type by its name's extension (null for a name the folder never made). */
export function documentTypeOf(name: string): (typeof DOCUMENT_TYPES)[DocumentType] | null {
  const ext = name.slice(name.lastIndexOf('.') + 1);
  return Object.prototype.hasOwnProperty.call(DOCUMENT_TYPES, ext) ? DOCUMENT_TYPES[ext as DocumentType] : null;
}

/**
 * Where printable documents (labels, forms, lists) are written: `<data folder>/documents`, each
 * under a fresh unguessable name. A document is handed out only to the session that asked for it
 * — the same rule as a playback ticket — so the browser bridge can serve it without a second rule.
 */
export class DocumentsFolder {
  private readonly owners = new Map<string, string>();

  constructor(
    private readonly dir: string,
    private readonly sessions: SessionStore,
  ) {}

  /** A new file path for a document of this kind and type, owned by `session`. */
  reserve(kind: string, session: string | null, type: DocumentType = 'pdf'): { name: string; file: string } {
    fs.mkdirSync(this.dir, { recursive: true });
    const name = `${kind}-${randomBytes(6).toString('hex')}.${type}`;
    if (session) this.owners.set(name, session);
    return { name, file: path.join(this.dir, name) };
  }

  /** The file behind `name`, if `session` made it and it is there; never to a session locked in a viewer. */
  resolve(name: string, session: string | null): string | null {
    if (!session || this.owners.get(name) !== session || this.sessions.lockedViewing(session) !== null) return null;
    const file = path.join(this.dir, name);
    return fs.existsSync(file) ? file : null;
  }
}
