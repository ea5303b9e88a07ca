// npm run bench:import — import throughput against `cp -r` + `sync` + `sha256sum` over the same
// source, measured in the same run: the job inside one process, and the whole `records import`
// command as a user runs it (start-up, sign-in, job, waiting, exit). Not a test: it prints
// figures and one JSON line. Source: 1 GiB in four 256 MiB files, warm (just written and read).
// BENCH_DIR picks the scratch folder (default: the OS temp folder); RECORDS_SM3=wasm measures
// the SM3 implementation Electron uses.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BENCH_ADMIN, MiB, benchArchive, fourClips, seconds } from './bench-data.js';

const scratch = fs.mkdtempSync(path.join(process.env.BENCH_DIR ?? os.tmpdir(), 'rr-bench-import-'));
const source = path.join(scratch, 'camera');
const drop = (dir: string) => {
  fs.rmSync(dir, { recursive: true, force: true });
  execFileSync('sync');
};

try {
  const { files: count, bytes } = fourClips(source);
  const mib = bytes / MiB;
  console.log(`source: ${mib.toFixed(0)} MiB in ${count} files at ${source}`);

  const files = execFileSync('find', [source, '-type', 'f'], { encoding: 'utf8' }).trim().split('\n');
  const tCp = seconds(() => {
    execFileSync('cp', ['-r', source, path.join(scratch, 'copy')]);
    execFileSync('sync');
  });
  const tSha = seconds(() => execFileSync('sha256sum', files, { maxBuffer: 64 * MiB }));
  const baseline = mib / (tCp + tSha);
  console.log(`baseline: cp -r + sync ${tCp.toFixed(2)} s, sha256sum ${tSha.toFixed(2)} s → ${baseline.toFixed(0)} MiB/s`);
  drop(path.join(scratch, 'copy'));

  const { app, d, token } = await benchArchive(path.join(scratch, 'job'));
  const t = performance.now();
  const { jobId } = await d.call('import.start', { source }, token, 'bench');
  const job = await app.core.imports.wait(jobId);
  const tJob = (performance.now() - t) / 1000;
  await app.close();
  if (job.summary?.imported !== count) throw new Error(`imported ${job.summary?.imported} of ${count}`);
  drop(path.join(scratch, 'job'));

  // The command runs the built CLI, as users get it: build it from these sources first.
  execFileSync(process.execPath, ['scripts/build-electron.mjs', 'cli']);
  const cliData = path.join(scratch, 'cli');
  await (await benchArchive(cliData)).app.close();
  let out = '';
  const tCommand = seconds(() => {
    out = execFileSync(process.execPath, ['bin/records.mjs', '--data', cliData, '--user', BENCH_ADMIN.username, '--json', 'import', source], {
      encoding: 'utf8',
      env: { ...process.env, RECORDS_PASSWORD: BENCH_ADMIN.password },
      maxBuffer: 64 * MiB,
    });
  });
  const imported = (JSON.parse(out) as { imported: number }).imported;
  if (imported !== count) throw new Error(`records import imported ${imported} of ${count}`);

  const sm3 = process.env.RECORDS_SM3 === 'wasm' ? 'hash-wasm' : 'OpenSSL';
  const jobRate = mib / tJob;
  const commandRate = mib / tCommand;
  console.log(`import job in process (SHA-256 + SM3 via ${sm3}, copy, fsync, read-back verify, catalogue): ${tJob.toFixed(2)} s → ${jobRate.toFixed(0)} MiB/s, ratio ${(jobRate / baseline).toFixed(2)}`);
  console.log(`whole command \`records import\` (start, sign in, job, probes, exit): ${tCommand.toFixed(2)} s → ${commandRate.toFixed(0)} MiB/s, ratio ${(commandRate / baseline).toFixed(2)}`);
  console.log(
    JSON.stringify({
      baseline_mib_s: Math.round(baseline),
      job_mib_s: Math.round(jobRate),
      job_ratio: Number((jobRate / baseline).toFixed(2)),
      command_mib_s: Math.round(commandRate),
      command_ratio: Number((commandRate / baseline).toFixed(2)),
      sm3,
    }),
  );
} finally {
  fs.rmSync(scratch, { recursive: true, force: true });
}
