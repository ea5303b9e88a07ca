import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { CopyResult } from './copy-file.js';
import { CANCEL_INDEX, type CopyFailure, type CopyMessage, type CopyTask } from './copy-protocol.js';

/**
 * The bundled worker sits next to the bundle. From source (tests, the CLI through tsx) the worker
 * is TypeScript: a small bootstrap registers tsx's loader inside the thread, then imports it.
 */
function startWorker(workerData: unknown): Worker {
  const bundled = new URL('./copy-worker.js', import.meta.url);
  if (fs.existsSync(fileURLToPath(bundled))) return new Worker(bundled, { workerData });
  const tsxRoot = path.dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  const tsxApi = pathToFileURL(path.join(tsxRoot, 'dist', 'esm', 'api', 'index.mjs')).href;
  const source = new URL('./copy-worker.ts', import.meta.url).href;
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

interface Pending {
  resolve(r: CopyResult): void;
  reject(e: CopyFailed): void;
  onProgress(bytes: number): void;
}

/** A few copy workers (one per core, two at most here): files are copied and hashed in parallel. */
export class CopyPool {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly queue: { task: Omit<CopyTask, 'id'>; pending: Pending }[] = [];
  private readonly pending = new Map<number, Pending>();
  private readonly cancelFlag = new Int32Array(new SharedArrayBuffer(4));
  private nextId = 1;

  constructor(size = Math.max(1, Math.min(2, os.availableParallelism()))) {
    for (let i = 0; i < size; i++) {
      const worker = startWorker({ cancel: this.cancelFlag.buffer });
      worker.on('message', (m: CopyMessage) => this.onMessage(worker, m));
      worker.on('error', (err) => this.failAll(err));
      this.workers.push(worker);
      this.idle.push(worker);
    }
  }

  copy(source: string, temp: string, onProgress: (bytes: number) => void): Promise<CopyResult> {
    return new Promise((resolve, reject) => {
      this.queue.push({ task: { source, temp }, pending: { resolve, reject, onProgress } });
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
      const next = this.queue.shift() as { task: Omit<CopyTask, 'id'>; pending: Pending };
      const id = this.nextId++;
      this.pending.set(id, next.pending);
      worker.postMessage({ id, ...next.task } satisfies CopyTask);
    }
  }

  private onMessage(worker: Worker, m: CopyMessage): void {
    const p = this.pending.get(m.id);
    if (!p) return;
    if (m.kind === 'progress') return p.onProgress(m.bytes);
    this.pending.delete(m.id);
    this.idle.push(worker);
    if (m.kind === 'done') p.resolve({ sha256: m.sha256, sm3: m.sm3, size: m.size });
    else p.reject(new CopyFailed(m.reason, m.message));
    this.pump();
  }

  private failAll(err: Error): void {
    for (const [id, p] of this.pending) {
      this.pending.delete(id);
      p.reject(new CopyFailed('io_error', err.message));
    }
  }
}
