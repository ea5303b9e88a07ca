import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { SessionStore } from '../auth/sessions.js';

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

  /** A new file path for a document of this kind, owned by `session`. */
  reserve(kind: string, session: string | null): { name: string; file: string } {
    fs.mkdirSync(this.dir, { recursive: true });
    const name = `${kind}-${randomBytes(6).toString('hex')}.pdf`;
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
