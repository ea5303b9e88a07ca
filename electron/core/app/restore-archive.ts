import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors.js';
import { RecordsApp } from './records-app.js';
import { DB_FILE } from '../datadir/paths.js';
import { CopyFailed, FilePool } from '../files/file-pool.js';
import { sha256OfFile } from '../media/derived-files.js';
import { openStore } from '../store/open-store.js';
import { BACKUP_ROOT, BackupLayout } from '../backup/backup-layout.js';
import { DESTROYED } from '../record-state/disposition.js';

export interface RestoreSummary {
  snapshot: string;
  takenAt: string;
  records: number;
  restored: number;
  /** Records whose original the backup doesn't hold (imported after its last run) or holds wrong. */
  missing: { sha256: string; reason: string }[];
  auditHead: { seq: number; hash: string };
}

/** Accepts the backup target folder or its RecordsRoom-backup folder. */
function layoutOf(from: string): BackupLayout {
  const target = path.basename(path.resolve(from)) === BACKUP_ROOT ? path.dirname(path.resolve(from)) : path.resolve(from);
  return new BackupLayout(target);
}

/**
 * Rebuilds a working archive in a new, empty folder from a backup: the newest complete catalogue
 * snapshot (its hash checked), then every original it lists, each verified by hash on the way
 * in. The result opens like any archive; `records verify` on it reports what the original did.
 */
export async function restoreArchive(from: string, dataDir: string, onProgress: (done: number, total: number) => void = () => undefined): Promise<RestoreSummary> {
  const layout = layoutOf(from);
  const manifest = layout.readManifest();
  if (!manifest) throw new AppError('BACKUP_NOT_FOUND', 'no manifest', { path: from });
  const snapshot = layout.snapshotPath(manifest.snapshot);
  if (!fs.existsSync(snapshot) || (await sha256OfFile(snapshot)) !== manifest.snapshotSha256) {
    throw new AppError('BACKUP_DAMAGED', 'snapshot does not verify', { file: manifest.snapshot });
  }
  if (fs.existsSync(dataDir) && fs.readdirSync(dataDir).length > 0) throw new AppError('DATA_DIR_NOT_EMPTY', 'not empty', { path: dataDir });
  fs.mkdirSync(dataDir, { recursive: true });
  fs.copyFileSync(snapshot, path.join(dataDir, DB_FILE));

  const app = RecordsApp.open({ dataDir, shell: 'cli' });
  if (app.error) throw new AppError(app.error.code, app.error.message, app.error.details);
  const pool = new FilePool();
  try {
    const { settings, db, audit } = app.core;
    // The restored archive keeps its originals in its own folder, wherever the old store was.
    settings.setStoreDir(path.join(dataDir, 'store'));
    const store = openStore(() => settings.storeDir(dataDir))();
    // A destroyed record's original was removed on purpose: not restored, not missing.
    const records = db.prepare(`SELECT r.sha256 FROM records r WHERE NOT ${DESTROYED('r.id')} ORDER BY r.id`).all() as { sha256: string }[];
    const missing: RestoreSummary['missing'] = [];
    let done = 0;
    await Promise.all(
      records.map(async ({ sha256 }) => {
        const source = layout.objectPath(sha256);
        const temp = store.tempPath('restore');
        try {
          const copied = await pool.copy(source, temp, () => undefined);
          if (copied.sha256 !== sha256) {
            await store.discard(temp);
            missing.push({ sha256, reason: 'hash_mismatch' });
          } else {
            await store.commit(temp, sha256);
          }
        } catch (err) {
          await store.discard(temp);
          missing.push({ sha256, reason: err instanceof CopyFailed && err.reason === 'source_missing' ? 'not_in_backup' : 'unreadable' });
        }
        onProgress(++done, records.length);
      }),
    );
    const summary: RestoreSummary = { snapshot: manifest.snapshot, takenAt: manifest.takenAt, records: records.length, restored: records.length - missing.length, missing, auditHead: manifest.auditHead };
    audit.append({
      actor: { id: null, name: null },
      workstation: 'restore',
      action: 'backup.restored',
      details: { from: layout.root, snapshot: manifest.snapshot, takenAt: manifest.takenAt, records: summary.records, restored: summary.restored, missing: missing.length },
    });
    return summary;
  } finally {
    await pool.close();
    await app.close();
  }
}
