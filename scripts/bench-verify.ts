// npm run bench:verify — re-hashing the store (`records verify --all`) against `sha256sum` over
// the same store files, measured in the same run. Not a test: it prints figures and one JSON line.
// Both read the files from the page cache when memory allows (this machine: 24 GiB), so the
// figure compares hashing and reading machinery, not the disk.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MiB, benchArchive, cameraDay, seconds } from './bench-data.js';

const scratch = fs.mkdtempSync(path.join(process.env.BENCH_DIR ?? os.tmpdir(), 'rr-bench-verify-'));

try {
  const source = path.join(scratch, 'camera');
  const { files, bytes } = cameraDay(source);
  const { app, d, token } = await benchArchive(path.join(scratch, 'data'));
  const job = await app.core.imports.wait((await d.call('import.start', { source }, token, 'bench')).jobId);
  if (job.summary?.imported !== files) throw new Error(`imported ${job.summary?.imported} of ${files}`);
  fs.rmSync(source, { recursive: true });
  const mib = bytes / MiB;
  const objects = execFileSync('find', [path.join(scratch, 'data', 'store', 'objects'), '-type', 'f'], { encoding: 'utf8' }).trim().split('\n');
  console.log(`store: ${mib.toFixed(0)} MiB in ${objects.length} originals`);

  // Warm the cache for both the same way, then measure each.
  execFileSync('sha256sum', objects, { maxBuffer: 64 * MiB });
  const tSha = seconds(() => execFileSync('sha256sum', objects, { maxBuffer: 64 * MiB }));
  const t = performance.now();
  const { runId } = await d.call('integrity.check', { scope: { kind: 'all' } }, token, 'bench');
  const run = await app.core.fixity.wait(runId);
  const tVerify = (performance.now() - t) / 1000;
  await app.close();
  if (run.summary?.ok !== files) throw new Error(`verified ${run.summary?.ok} of ${files}`);
  const shaRate = mib / tSha;
  const verifyRate = mib / tVerify;
  console.log(`sha256sum: ${tSha.toFixed(1)} s → ${shaRate.toFixed(0)} MiB/s`);
  console.log(`verify (SHA-256 in 2 workers, one fixity event per original, unexpected-file scan, audit chain): ${tVerify.toFixed(1)} s → ${verifyRate.toFixed(0)} MiB/s`);
  console.log(`ratio verify / sha256sum: ${(verifyRate / shaRate).toFixed(2)}`);
  console.log(JSON.stringify({ sha256sum_mib_s: Math.round(shaRate), verify_mib_s: Math.round(verifyRate), ratio: Number((verifyRate / shaRate).toFixed(2)) }));
} finally {
  fs.rmSync(scratch, { recursive: true, force: true });
}
