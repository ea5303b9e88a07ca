import fs from 'node:fs';
import path from 'node:path';

/**
 * What a backup target holds, under <target>/RecordsRoom-backup/:
 *   objects/aa/bb/<sha256>       the originals, read-only, same addresses as the store
 *   catalogue/records-<time>.db  consistent snapshots of the catalogue (with the audit log)
 *   catalogue/latest.json        the newest complete snapshot and what it covers; written last
 *   tmp/                         work in progress, removed by the next run
 * A run that dies leaves latest.json pointing at the previous complete snapshot, and every
 * object in objects/ was verified before it was put there.
 */
export const BACKUP_ROOT = 'RecordsRoom-backup';
const KEEP_SNAPSHOTS = 7;

export interface BackupManifest {
  format: 1;
  office: { name: string; unitCode: string };
  snapshot: string;
  snapshotSha256: string;
  takenAt: string;
  records: number;
  objects: number;
  auditHead: { seq: number; hash: string };
}

export class BackupLayout {
  readonly root: string;

  constructor(target: string) {
    this.root = path.join(target, BACKUP_ROOT);
  }

  objectPath(sha256: string): string {
    return path.join(this.root, 'objects', sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  tempPath(label: string): string {
    return path.join(this.root, 'tmp', `${process.pid}-${Date.now()}-${label}.part`);
  }

  snapshotPath(name: string): string {
    return path.join(this.root, 'catalogue', name);
  }

  get manifestPath(): string {
    return path.join(this.root, 'catalogue', 'latest.json');
  }

  prepare(): void {
    for (const dir of ['objects', 'catalogue', 'tmp']) fs.mkdirSync(path.join(this.root, dir), { recursive: true });
    // Nothing else writes here; whatever a dead run left in tmp/ is garbage.
    for (const name of fs.readdirSync(path.join(this.root, 'tmp'))) {
      if (!name.startsWith(`${process.pid}-`)) fs.rmSync(path.join(this.root, 'tmp', name), { force: true });
    }
  }

  readManifest(): BackupManifest | null {
    try {
      return JSON.parse(fs.readFileSync(this.manifestPath, 'utf8')) as BackupManifest;
    } catch {
      return null;
    }
  }

  /** Replaces latest.json atomically, then keeps only the newest snapshots. */
  writeManifest(manifest: BackupManifest): void {
    const temp = this.tempPath('manifest');
    const fd = fs.openSync(temp, 'w');
    fs.writeSync(fd, JSON.stringify(manifest, null, 2));
    fs.fsyncSync(fd);
    fs.closeSync(fd);
    fs.renameSync(temp, this.manifestPath);
    const snapshots = fs.readdirSync(path.join(this.root, 'catalogue')).filter((n) => /^records-.*\.db$/.test(n)).sort();
    for (const old of snapshots.slice(0, Math.max(0, snapshots.length - KEEP_SNAPSHOTS))) {
      if (old !== manifest.snapshot) fs.rmSync(this.snapshotPath(old), { force: true });
    }
  }
}
