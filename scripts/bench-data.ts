// Shared by the benchmarks: a body-camera day of media-like files, and a fresh archive to load it into.
import { execFileSync } from 'node:child_process';
import { randomFillSync } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { RecordsApp } from '../electron/core/app/records-app.js';
import { Dispatcher } from '../electron/core/rpc/dispatcher.js';

export const MiB = 1 << 20;

export function writeRandom(file: string, bytes: number): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const fd = fs.openSync(file, 'w');
  const chunk = Buffer.allocUnsafe(4 * MiB);
  for (let done = 0; done < bytes; done += chunk.length) {
    randomFillSync(chunk);
    fs.writeSync(fd, chunk, 0, Math.min(chunk.length, bytes - done));
  }
  fs.closeSync(fd);
}

/** Four long clips and two hundred short ones (random bytes: no dedupe, no compression), 2.6 GiB in all. */
export function cameraDay(source: string): { files: number; bytes: number } {
  let total = 0;
  for (let i = 0; i < 4; i++) {
    writeRandom(path.join(source, 'DCIM', '100MEDIA', `LONG_${i}.MP4`), 400 * MiB);
    total += 400 * MiB;
  }
  for (let i = 0; i < 200; i++) {
    const size = (1 + (i % 9)) * MiB + i * 1024;
    writeRandom(path.join(source, 'DCIM', '101MEDIA', `SHORT_${String(i).padStart(3, '0')}.MP4`), size);
    total += size;
  }
  execFileSync('sync');
  return { files: 204, bytes: total };
}

/** The import benchmark's source: 1 GiB in four 256 MiB clips, as issue 10 sets it. */
export function fourClips(source: string): { files: number; bytes: number } {
  for (let i = 0; i < 4; i++) writeRandom(path.join(source, 'DCIM', '100MEDIA', `CLIP_${i}.MP4`), 256 * MiB);
  execFileSync('sync');
  return { files: 4, bytes: 1024 * MiB };
}

export function seconds(fn: () => void): number {
  const t = performance.now();
  fn();
  return (performance.now() - t) / 1000;
}

export const BENCH_ADMIN = { username: 'bench', displayName: 'Bench', password: 'Bench2026x' };

/** A new archive in `dataDir`, signed in as its keeper. */
export async function benchArchive(dataDir: string): Promise<{ app: RecordsApp; d: Dispatcher; token: string }> {
  const app = RecordsApp.open({ dataDir, shell: 'cli' });
  const d = new Dispatcher(app);
  const admin = BENCH_ADMIN;
  await d.call('system.setup', { officeName: 'Bench', unitCode: 'BENCH', admin }, null, 'bench');
  const { token } = await d.call('auth.login', { username: admin.username, password: admin.password }, null, 'bench');
  return { app, d, token };
}

/** How long `work` took, and the longest the event loop was held meanwhile (what a user waits for a click). */
export async function heldWhile(work: () => Promise<unknown>): Promise<{ ms: number; held: number }> {
  let held = 0;
  let last = performance.now();
  const ticker = setInterval(() => {
    held = Math.max(held, performance.now() - last);
    last = performance.now();
  }, 1);
  const t = performance.now();
  await work();
  const ms = performance.now() - t;
  clearInterval(ticker);
  return { ms, held };
}
