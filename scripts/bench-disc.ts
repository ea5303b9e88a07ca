// npm run bench:disc — building a 4 GiB evidence disc against bare `xorriso` writing an image of
// the same originals with the same options, in the same run. Not a test: it prints figures and
// one JSON line. The build includes everything a disc needs: tag files and manifests, the audit
// extract, the written description PDF, README and verifier, the image, every original hashed
// (SHA-256 and MD5) while xorriso writes it and held against the catalogue and xorriso's
// recorded MD5, and the register. Four 1 GiB clips, warm (just imported).
// BENCH_DIR picks the scratch folder (default: the OS temp folder).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MiB, benchArchive, seconds, writeRandom } from './bench-data.js';

const scratch = fs.mkdtempSync(path.join(process.env.BENCH_DIR ?? os.tmpdir(), 'rr-bench-disc-'));
const FACTS = { collectors: ['李建国', '张伟'], collectedAt: '2026-11-20T09:30:00', place: '峡口镇集贸市场东门', statement: '当事人在人行道摆摊经营' };

try {
  const source = path.join(scratch, 'camera');
  for (let i = 0; i < 4; i++) writeRandom(path.join(source, `T001_000123_2026112009${String(i * 10).padStart(2, '0')}00_000${i}.MP4`), 1024 * MiB);
  const { app, d, token } = await benchArchive(path.join(scratch, 'archive'));
  const call = <T>(method: string, input: unknown) => d.call(method as never, input as never, token, 'bench') as Promise<T>;
  const li = await call<{ id: number }>('accounts.create', { username: 'li', displayName: '李建国', role: 'officer', isAdmin: false, password: 'Officer2026', officerNo: '000123' });
  const zhang = await call<{ id: number }>('accounts.create', { username: 'zhang', displayName: '张伟', role: 'officer', isAdmin: false, password: 'Officer2026' });
  await app.core.imports.wait((await call<{ jobId: number }>('import.start', { source })).jobId);
  fs.rmSync(source, { recursive: true, force: true });
  const records = (await call<{ records: { id: number; sha256: string; originalName: string }[] }>('records.list', { limit: 10 })).records;
  const c = await call<{ id: number }>('cases.create', {
    fields: { caseNo: '峡综执罚〔2026〕1号', kind: 'penalty', cause: '占道经营', parties: [{ kind: 'person', name: '王某某' }], handlerIds: [li.id, zhang.id], filedOn: '2026-11-20', decidedOn: null, closedOn: null, archivedOn: null, status: 'open' },
  });
  await call('cases.link', { caseId: c.id, recordIds: records.map((r) => r.id), role: 'evidence', facts: FACTS });
  const store = app.core.settings.storeDir(path.join(scratch, 'archive'));
  const originals = records.map((r) => execFileSync('find', [store, '-name', `${r.sha256}*`, '-type', 'f'], { encoding: 'utf8' }).trim());
  const bytes = records.length * 1024 * MiB;
  console.log(`payload: ${(bytes / MiB).toFixed(0)} MiB in ${records.length} originals`);

  const bareIso = path.join(scratch, 'bare.iso');
  const graft = originals.map((o, i) => `data/${records[i]?.originalName}=${o}`);
  const tBare = seconds(() => {
    execFileSync('xorriso', ['-as', 'mkisofs', '-iso-level', '3', '-R', '-J', '-joliet-long', '-V', 'BARE', '--md5', '-graft-points', '-o', bareIso, ...graft], { stdio: 'ignore' });
    execFileSync('sync');
  });
  fs.rmSync(bareIso);
  execFileSync('sync');

  const out = path.join(scratch, 'discs');
  const t = performance.now();
  const { jobId } = await call<{ jobId: number }>('discs.build', { caseId: c.id, medium: 'dvd', outDir: out });
  const job = await app.core.discs.wait(jobId);
  execFileSync('sync');
  const tBuild = (performance.now() - t) / 1000;
  if (job.state !== 'finished') throw new Error(`build ${job.state}: ${JSON.stringify(job.problem)}`);
  await app.close();

  const bareRate = bytes / MiB / tBare;
  const buildRate = bytes / MiB / tBuild;
  console.log(`bare xorriso (same originals, same options) + sync: ${tBare.toFixed(2)} s → ${bareRate.toFixed(0)} MiB/s`);
  console.log(`disc build job (papers, image with the originals hashed as they are written, MD5 cross-check, register) + sync: ${tBuild.toFixed(2)} s → ${buildRate.toFixed(0)} MiB/s, ratio ${(buildRate / bareRate).toFixed(2)}`);
  console.log(JSON.stringify({ bare_mib_s: Math.round(bareRate), build_mib_s: Math.round(buildRate), ratio: Number((buildRate / bareRate).toFixed(2)) }));
} finally {
  fs.rmSync(scratch, { recursive: true, force: true });
}
