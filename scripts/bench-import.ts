// npm run bench:import — import throughput against `cp -r` + `sync` + `sha256sum` over the same
// source, measured in the same run. Not a test: it prints figures and one JSON line.
// BENCH_DIR picks the scratch folder (default: the OS temp folder); RECORDS_SM3=wasm measures
// the SM3 implementation Electron uses.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MiB, benchArchive, cameraDay, seconds } from './bench-data.js';

const scratch = fs.mkdtempSync(path.join(process.env.BENCH_DIR ?? os.tmpdir(), 'rr-bench-import-'));
const source = path.join(scratch, 'camera');

try {
  const total = cameraDay(source).bytes;
  const mib = total / MiB;
  console.log(`source: ${mib.toFixed(0)} MiB in 204 files at ${source}`);

  const files = execFileSync('find', [source, '-type', 'f'], { encoding: 'utf8' }).trim().split('\n');
  const tCp = seconds(() => {
    execFileSync('cp', ['-r', source, path.join(scratch, 'copy')]);
    execFileSync('sync');
  });
  const tSha = seconds(() => execFileSync('sha256sum', files, { maxBuffer: 64 * MiB }));
  const baseline = mib / (tCp + tSha);
  console.log(`baseline: cp -r + sync ${tCp.toFixed(1)} s, sha256sum ${tSha.toFixed(1)} s → ${baseline.toFixed(0)} MiB/s`);
  fs.rmSync(path.join(scratch, 'copy'), { recursive: true });
  execFileSync('sync');

  const { app, d, token } = await benchArchive(path.join(scratch, 'data'));
  const t = performance.now();
  const { jobId } = await d.call('import.start', { source }, token, 'bench');
  const job = await app.core.imports.wait(jobId);
  const tImport = (performance.now() - t) / 1000;
  await app.close();
  if (job.summary?.imported !== 204) throw new Error(`imported ${job.summary?.imported} of 204`);
  const importRate = mib / tImport;
  const sm3 = process.env.RECORDS_SM3 === 'wasm' ? 'hash-wasm' : 'OpenSSL';
  console.log(`import (SHA-256 + SM3 via ${sm3}, copy, fsync, read-back verify, catalogue): ${tImport.toFixed(1)} s → ${importRate.toFixed(0)} MiB/s`);
  console.log(`ratio import / baseline: ${(importRate / baseline).toFixed(2)}`);
  console.log(JSON.stringify({ baseline_mib_s: Math.round(baseline), import_mib_s: Math.round(importRate), ratio: Number((importRate / baseline).toFixed(2)), sm3 }));
} finally {
  fs.rmSync(scratch, { recursive: true, force: true });
}
