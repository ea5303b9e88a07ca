import fs from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { AppError } from '../../../shared/errors.js';
import type { EvidenceStore, StoredObject } from './evidence-store.js';
import { processAlive } from '../base/process-alive.js';

const SHA256 = /^[0-9a-f]{64}$/;


async function fsyncDir(dir: string): Promise<void> {
  // Windows cannot open a directory for fsync; NTFS journals the rename itself.
  if (process.platform === 'win32') return;
  const handle = await fs.promises.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** The folder implementation: objects/aa/bb/<sha256>, files mode 0444; tmp/ for work in progress. */
export class FsEvidenceStore implements EvidenceStore {
  private counter = 0;

  constructor(readonly root: string) {
    fs.mkdirSync(path.join(root, 'objects'), { recursive: true });
    fs.mkdirSync(path.join(root, 'tmp'), { recursive: true });
  }

  objectPath(sha256: string): string {
    if (!SHA256.test(sha256)) throw new AppError('VALIDATION_FAILED', `not a sha256: ${sha256}`, { fields: 'sha256' });
    return path.join(this.root, 'objects', sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  }

  tempPath(label: string): string {
    const safe = label.replace(/[^A-Za-z0-9._-]/g, '_').slice(-40);
    return path.join(this.root, 'tmp', `${process.pid}-${Date.now()}-${this.counter++}-${safe}.part`);
  }

  async commit(tempPath: string, sha256: string): Promise<'stored' | 'already-present'> {
    const target = this.objectPath(sha256);
    if (await this.has(sha256)) {
      await this.discard(tempPath);
      return 'already-present';
    }
    await fs.promises.mkdir(path.dirname(target), { recursive: true });
    await fs.promises.chmod(tempPath, 0o444);
    await fs.promises.rename(tempPath, target);
    await fsyncDir(path.dirname(target));
    return 'stored';
  }

  async discard(tempPath: string): Promise<void> {
    await fs.promises.rm(tempPath, { force: true });
  }

  async has(sha256: string): Promise<boolean> {
    return (await this.stat(sha256)) !== null;
  }

  async stat(sha256: string): Promise<StoredObject | null> {
    try {
      const st = await fs.promises.stat(this.objectPath(sha256));
      return { sha256, size: st.size };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  }

  localPath(sha256: string): string {
    return this.objectPath(sha256);
  }

  openRead(sha256: string, range?: { start: number; end: number }): Readable {
    return fs.createReadStream(this.objectPath(sha256), { ...range, highWaterMark: 1 << 20 });
  }

  async *list(): AsyncIterable<StoredObject> {
    for await (const f of this.walk()) if (f.sha256) yield { sha256: f.sha256, size: f.size };
  }

  async *strays(): AsyncIterable<{ path: string; size: number }> {
    for await (const f of this.walk()) if (!f.sha256) yield { path: f.relative, size: f.size };
  }

  /** Every file under objects/, with its hash when it sits at the address its name claims (aa/bb/<sha256>). */
  private async *walk(): AsyncIterable<{ relative: string; size: number; sha256: string | null }> {
    const objects = path.join(this.root, 'objects');
    const visit = async function* (dir: string, parts: string[]): AsyncIterable<{ relative: string; size: number; sha256: string | null }> {
      for (const entry of await fs.promises.readdir(dir, { withFileTypes: true }).catch(() => [])) {
        const here = [...parts, entry.name];
        if (entry.isDirectory()) {
          yield* visit(path.join(dir, entry.name), here);
          continue;
        }
        const st = await fs.promises.lstat(path.join(dir, entry.name));
        const [a, b, name] = here;
        const addressed = here.length === 3 && entry.isFile() && SHA256.test(name ?? '') && name?.slice(0, 2) === a && name?.slice(2, 4) === b;
        yield { relative: ['objects', ...here].join('/'), size: st.size, sha256: addressed ? (name as string) : null };
      }
    };
    yield* visit(objects, []);
  }

  async replace(tempPath: string, sha256: string): Promise<void> {
    const target = this.objectPath(sha256);
    await fs.promises.mkdir(path.dirname(target), { recursive: true });
    await fs.promises.chmod(tempPath, 0o444);
    // rename replaces a damaged file atomically on POSIX; Windows needs the old one gone first.
    if (process.platform === 'win32') await fs.promises.rm(target, { force: true });
    await fs.promises.rename(tempPath, target);
    await fsyncDir(path.dirname(target));
  }

  async quarantine(relativePath: string): Promise<string> {
    const parts = relativePath.split('/');
    if (parts[0] !== 'objects' || parts.includes('..') || parts.length < 2) throw new AppError('VALIDATION_FAILED', `not a store path: ${relativePath}`, { fields: 'path' });
    const source = path.join(this.root, ...parts);
    const target = path.join(this.root, 'quarantine', `${Date.now()}-${parts.slice(1).join('_')}`);
    await fs.promises.mkdir(path.dirname(target), { recursive: true });
    await fs.promises.rename(source, target);
    return path.relative(this.root, target).split(path.sep).join('/');
  }

  async removeOrphan(sha256: string): Promise<void> {
    await fs.promises.rm(this.objectPath(sha256), { force: true });
  }

  async destroy(sha256: string): Promise<void> {
    const target = this.objectPath(sha256);
    // Originals are 0444; Windows refuses to delete a read-only file, so it is made writable first.
    await fs.promises.chmod(target, 0o644).catch((err: NodeJS.ErrnoException) => {
      if (err.code !== 'ENOENT') throw err;
    });
    await fs.promises.rm(target, { force: true });
    await fsyncDir(path.dirname(target)).catch(() => undefined);
    // Verified, not assumed: a removal that didn't happen must not be written down as done.
    if (await this.has(sha256)) throw new AppError('DESTROY_NOT_VERIFIED', `original ${sha256} is still in the store`, { sha256, where: 'store' });
  }

  async cleanTemp(): Promise<number> {
    const tmp = path.join(this.root, 'tmp');
    let removed = 0;
    for (const name of await fs.promises.readdir(tmp)) {
      // Temp names start with the writing process's id; a live writer's files are still in use.
      const pid = Number(name.split('-')[0]);
      if (Number.isInteger(pid) && pid > 0 && (pid === process.pid || processAlive(pid))) continue;
      await fs.promises.rm(path.join(tmp, name), { force: true });
      removed++;
    }
    return removed;
  }
}
