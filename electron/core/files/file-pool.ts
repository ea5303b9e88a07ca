import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { CopyResult } from './copy-file.js';
import { CANCEL_INDEX, type CopyFailure, type FileMessage, type FileTask } from './file-protocol.js';

/**
 * The bundled worker sits next to the bundle. From source (tests, the CLI through tsx) the worker
 * is TypeScript: a small bootstrap registers tsx's loader inside the thread, then imports it.
 */
function startWorker(workerData: unknown): Worker {
  const bundled = new URL('./file-worker.js', import.meta.url);
  if (fs.existsSync(fileURLToPath(bundled))) return new Worker(bundled, { workerData });
  const tsxRoot = path.dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  const tsxApi = pathToFileURL(path.join(tsxRoot, 'dist', 'esm', 'api', 'index.mjs')).href;
  const source = new URL('./file-worker.ts', import.meta.url).href;
  const bootstrap = `import(${JSON.stringify(tsxApi)}).then(({ register }) => { register(); return import(${JSON.stringify(source)}); });`;
  return new Worker(bootstrap, { eval: true, workerData });
}

export class CopyFailed extends Error {
  constructor(
    readonly reason: CopyFailure,
    message: string,
  ) {
    super(message);
  }
}

type Done = Extract<FileMessage, { kind: 'copied' | 'hashed' }>;
type TaskBody = FileTask extends infer T ? (T extends FileTask ? Omit<T, 'id'> : never) : never;

interface Pending {
  resolve(r: Done): void;
  reject(e: CopyFailed): void;
  onProgress(bytes: number): void;
}

/** A few file workers (one per core, two at most here): files are copied or re-hashed in parallel. */
export class FilePool {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly queue: { task: TaskBody; pending: Pending }[] = [];
  private readonly pending = new Map<number, Pending>();
  private readonly cancelFlag = new Int32Array(new SharedArrayBuffer(4));
  private nextId = 1;

  constructor(size = Math.max(1, Math.min(2, os.availableParallelism()))) {
    for (let i = 0; i < size; i++) {
      const worker = startWorker({ cancel: this.cancelFlag.buffer });
      worker.on('message', (m: FileMessage) => this.onMessage(worker, m));
      worker.on('error', (err) => this.failAll(err));
      this.workers.push(worker);
      this.idle.push(worker);
    }
  }

  async copy(source: string, temp: string, onProgress: (bytes: number) => void): Promise<CopyResult> {
    const r = await this.run({ op: 'copy', source, temp }, onProgress);
    if (r.kind !== 'copied') throw new CopyFailed('io_error', 'unexpected answer');
    return { sha256: r.sha256, sm3: r.sm3, size: r.size };
  }

  /** SHA-256 and size of a file, read by a worker. */
  async hash(file: string): Promise<{ sha256: string; size: number }> {
    const r = await this.run({ op: 'hash', file }, () => undefined);
    if (r.kind !== 'hashed') throw new CopyFailed('io_error', 'unexpected answer');
    return { sha256: r.sha256, size: r.size };
  }

  private run(task: TaskBody, onProgress: (bytes: number) => void): Promise<Done> {
    return new Promise((resolve, reject) => {
      this.queue.push({ task, pending: { resolve, reject, onProgress } });
      this.pump();
    });
  }

  cancel(): void {
    Atomics.store(this.cancelFlag, CANCEL_INDEX, 1);
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private pump(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const worker = this.idle.shift() as Worker;
      const next = this.queue.shift() as { task: TaskBody; pending: Pending };
      const id = this.nextId++;
      this.pending.set(id, next.pending);
      worker.postMessage({ id, ...next.task } as FileTask);
    }
  }

  private onMessage(worker: Worker, m: FileMessage): void {
    const p = this.pending.get(m.id);
    if (!p) return;
    if (m.kind === 'progress') return p.onProgress(m.bytes);
    this.pending.delete(m.id);
    this.idle.push(worker);
    if (m.kind === 'failed') p.reject(new CopyFailed(m.reason, m.message));
    else p.resolve(m);
    this.pump();
  }

  /** A worker that died (or never started) fails the tasks in flight and those still queued: nothing waits forever. */
  private failAll(err: Error): void {
    const message = `file worker stopped: ${err.message}`;
    for (const [id, p] of this.pending) {
      this.pending.delete(id);
      p.reject(new CopyFailed('io_error', message));
    }
    for (const { pending } of this.queue.splice(0)) pending.reject(new CopyFailed('io_error', message));
  }
}
