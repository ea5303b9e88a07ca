import { createHash } from 'node:crypto';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BackupLayout } from '../../../electron/core/backup/backup-layout.js';
import { restoreArchive } from '../../../electron/core/app/restore-archive.js';
import { make } from '../../support/media.js';
import { KEEPER, codeOf, openTestApp, scratch, type TestApp } from '../../support/test-app.js';
import { canMount, smallVolumes } from '../../support/volumes.js';

let apps: TestApp[] = [];
const scratchDir = scratch();
const volumes = smallVolumes();
afterEach(async () => {
  for (const a of apps.splice(0)) await a.close();
});

async function open(dir?: string): Promise<TestApp> {
  const a = await openTestApp(dir ? { dir, setup: false } : {});
  apps.push(a);
  return a;
}

function sha256(file: string): string {
  return createHash('sha256').update(fs.readFileSync(file)).digest('hex');
}

async function archiveWith(files: number, bytes = 200_000) {
  const t = await open();
  const token = await t.login(KEEPER.username, KEEPER.password);
  const src = scratchDir('rr-bk-src-');
  for (let i = 0; i < files; i++) make.random(path.join(src, `clip${i}.mp4`), bytes + i);
  await t.app.core.imports.wait((await t.call('import.start', { source: src }, token)).jobId);
  return { t, token };
}

async function backup(t: TestApp, token: string, targetId: number) {
  const { runId } = await t.call('backup.run', { targetId }, token);
  return t.app.core.backup.wait(runId);
}

/** Every original the catalogue says a target holds is there and hashes right. */
function claimsHold(t: TestApp, targetId: number, targetPath: string): boolean {
  const layout = new BackupLayout(targetPath);
  const claimed = t.app.core.db.prepare('SELECT sha256 FROM backup_copies WHERE target_id = ?').all(targetId) as { sha256: string }[];
  return claimed.every(({ sha256: s }) => fs.existsSync(layout.objectPath(s)) && sha256(layout.objectPath(s)) === s);
}

describe('off-site backup', () => {
  it('copies originals verified at the target, a catalogue snapshot and a manifest; then only what is new', async () => {
    const { t, token } = await archiveWith(3);
    const targetDir = scratchDir('rr-bk-target-');
    const target = await t.call('backup.addTarget', { path: targetDir, label: '移动硬盘 A' }, token);
    expect(target).toMatchObject({ held: 0, pending: 3, reachable: true, lastRun: null });
    const run = await backup(t, token, target.id);
    expect(run).toMatchObject({ state: 'finished', problem: null, summary: { copied: 3, alreadyThere: 0, recopied: 0, skippedDamaged: 0 } });
    const layout = new BackupLayout(targetDir);
    const manifest = layout.readManifest();
    expect(manifest).toMatchObject({ format: 1, records: 3, objects: 3, snapshot: run.summary?.snapshot, office: { unitCode: 'XK-01' } });
    expect(sha256(layout.snapshotPath(manifest?.snapshot ?? ''))).toBe(manifest?.snapshotSha256);
    expect(fs.readdirSync(path.join(layout.root, 'tmp'))).toEqual([]);
    expect(claimsHold(t, target.id, targetDir)).toBe(true);
    const [after] = await t.call('backup.targets', {}, token);
    expect(after).toMatchObject({ held: 3, pending: 0, pendingBytes: 0 });
    expect(after?.lastSuccessAt).not.toBeNull();

    const more = scratchDir('rr-bk-more-');
    make.wav(path.join(more, 'new.wav'));
    await t.app.core.imports.wait((await t.call('import.start', { source: more }, token)).jobId);
    expect((await t.call('backup.targets', {}, token))[0]?.pending).toBe(1);
    expect((await backup(t, token, target.id)).summary).toMatchObject({ copied: 1, alreadyThere: 3 });

    // The target lost a file: the next run notices and copies it again, never claiming what isn't there.
    const [gone] = t.app.core.db.prepare('SELECT sha256 FROM backup_copies LIMIT 1').all() as { sha256: string }[];
    fs.rmSync(layout.objectPath(gone?.sha256 ?? ''), { force: true });
    expect((await backup(t, token, target.id)).summary).toMatchObject({ copied: 1, recopied: 1, alreadyThere: 3 });
    expect(claimsHold(t, target.id, targetDir)).toBe(true);
    const actions = (await t.call('audit.list', { limit: 100 }, token)).events.map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(['backup.target_added', 'backup.finished']));
  });

  it('refuses a target that is not a full path, is the archive itself, or is already one', async () => {
    const { t, token } = await archiveWith(1);
    expect(await codeOf(() => t.call('backup.addTarget', { path: 'backup', label: 'x' }, token))).toBe('BACKUP_TARGET_RELATIVE');
    expect(await codeOf(() => t.call('backup.addTarget', { path: path.join(t.dir, 'store', 'copy'), label: 'x' }, token))).toBe('BACKUP_TARGET_IN_ARCHIVE');
    const dir = scratchDir('rr-bk-dup-');
    await t.call('backup.addTarget', { path: dir, label: 'x' }, token);
    expect(await codeOf(() => t.call('backup.addTarget', { path: dir, label: 'y' }, token))).toBe('BACKUP_TARGET_TAKEN');
  });

  it('rebuilds a working archive from a backup, which verifies like the original', async () => {
    const { t, token } = await archiveWith(4);
    const targetDir = scratchDir('rr-bk-target-');
    const target = await t.call('backup.addTarget', { path: targetDir, label: 'A' }, token);
    await backup(t, token, target.id);
    const originalCheck = await t.app.core.fixity.wait((await t.call('integrity.check', { scope: { kind: 'all' } }, token)).runId);

    const newDir = path.join(scratchDir('rr-bk-restore-'), 'archive');
    expect(await codeOf(() => restoreArchive(scratchDir('rr-bk-empty-'), newDir))).toBe('BACKUP_NOT_FOUND');
    const summary = await restoreArchive(targetDir, newDir);
    expect(summary).toMatchObject({ records: 4, restored: 4, missing: [] });
    expect(await codeOf(() => restoreArchive(targetDir, newDir))).toBe('DATA_DIR_NOT_EMPTY');

    const restored = await open(newDir);
    const keeper = await restored.login(KEEPER.username, KEEPER.password);
    const check = await restored.app.core.fixity.wait((await restored.call('integrity.check', { scope: { kind: 'all' } }, keeper)).runId);
    expect(check.summary).toMatchObject({ checked: 4, ok: 4, mismatch: 0, missing: 0, unexpected: 0, auditChainOk: true });
    expect(check.summary?.ok).toBe(originalCheck.summary?.ok);
    expect((await restored.call('records.list', { limit: 10 }, keeper)).records.map((r) => r.sha256).sort()).toEqual(
      (await t.call('records.list', { limit: 10 }, token)).records.map((r) => r.sha256).sort(),
    );
    expect((await restored.call('audit.list', { action: 'backup.restored' }, keeper)).total).toBe(1);
  });

  it('refuses a backup whose snapshot does not verify', async () => {
    const { t, token } = await archiveWith(1);
    const targetDir = scratchDir('rr-bk-target-');
    const target = await t.call('backup.addTarget', { path: targetDir, label: 'A' }, token);
    await backup(t, token, target.id);
    const layout = new BackupLayout(targetDir);
    fs.appendFileSync(layout.snapshotPath(layout.readManifest()?.snapshot ?? ''), 'x');
    expect(await codeOf(() => restoreArchive(targetDir, path.join(scratchDir('rr-bk-r-'), 'a')))).toBe('BACKUP_DAMAGED');
  });

  it('restores a changed original from the backup, which ends its alarm', async () => {
    const { t, token } = await archiveWith(2);
    const [record] = (await t.call('records.list', { limit: 1 }, token)).records;
    expect(await codeOf(() => t.call('integrity.restoreOriginal', { recordId: record?.id ?? 0 }, token))).toBe('NO_BACKUP_COPY');
    const target = await t.call('backup.addTarget', { path: scratchDir('rr-bk-target-'), label: 'A' }, token);
    await backup(t, token, target.id);
    const file = path.join(t.dir, 'store', 'objects', record?.sha256.slice(0, 2) ?? '', record?.sha256.slice(2, 4) ?? '', record?.sha256 ?? '');
    fs.chmodSync(file, 0o644);
    fs.writeFileSync(file, 'overwritten');
    await t.app.core.fixity.wait((await t.call('integrity.check', { scope: { kind: 'all' } }, token)).runId);
    expect((await t.call('integrity.status', {}, token)).openAlarms).toHaveLength(1);
    // A damaged original is not spread to the backups.
    expect((await backup(t, token, target.id)).summary).toMatchObject({ alreadyThere: 2, copied: 0 });

    await t.call('integrity.restoreOriginal', { recordId: record?.id ?? 0 }, token);
    expect(sha256(file)).toBe(record?.sha256);
    expect(fs.statSync(file).mode & 0o777).toBe(0o444);
    const [alarm] = await t.call('integrity.alarms', { includeResolved: true }, token);
    expect(alarm).toMatchObject({ kind: 'mismatch', resolution: 'verified_intact' });
    expect((await t.call('audit.list', { action: 'integrity.original_restored' }, token)).total).toBe(1);
  });

  it('fails clearly when the target is missing, then completes once it is back', async () => {
    const { t, token } = await archiveWith(2);
    const targetDir = scratchDir('rr-bk-gone-');
    const target = await t.call('backup.addTarget', { path: path.join(targetDir, 'disk'), label: 'U 盘' }, token);
    fs.rmSync(targetDir, { recursive: true, force: true });
    // "Unplugged": the parent folder is gone and can't be recreated under a file of the same name.
    fs.writeFileSync(targetDir, 'not a folder');
    const failed = await backup(t, token, target.id);
    expect(failed).toMatchObject({ state: 'failed', problem: 'target_unavailable' });
    expect((await t.call('backup.targets', {}, token))[0]).toMatchObject({ reachable: false, held: 0, lastSuccessAt: null });
    fs.rmSync(targetDir);
    fs.mkdirSync(targetDir);
    expect(await backup(t, token, target.id)).toMatchObject({ state: 'finished', summary: { copied: 2 } });
  });

  it('fails plainly when the target goes away mid-run (unplugged), and the next run after it is back completes', async () => {
    const { t, token } = await archiveWith(3, 64 << 20);
    const targetDir = scratchDir('rr-bk-unplug-');
    const target = await t.call('backup.addTarget', { path: targetDir, label: 'U 盘' }, token);
    const { runId } = await t.call('backup.run', { targetId: target.id }, token);
    const objects = path.join(targetDir, 'RecordsRoom-backup', 'objects');
    for (const until = Date.now() + 30_000; !(fs.existsSync(objects) && fs.readdirSync(objects).length > 0); ) {
      if (Date.now() > until) throw new Error('no object copied');
      await new Promise((r) => setTimeout(r, 5));
    }
    fs.rmSync(targetDir, { recursive: true, force: true });
    const failed = await t.app.core.backup.wait(runId);
    expect(failed).toMatchObject({ state: 'failed', problem: 'target_unavailable' });
    fs.mkdirSync(targetDir);
    const done = await backup(t, token, target.id);
    expect(done).toMatchObject({ state: 'finished', summary: { copied: 3 } });
    expect(claimsHold(t, target.id, targetDir)).toBe(true);
  });

  it.skipIf(!canMount)('stops on a full or read-only target without claiming what it does not hold, and completes after', async () => {
    const { t, token } = await archiveWith(4, 3 << 20);
    const disk = volumes.make(8);
    const target = await t.call('backup.addTarget', { path: disk, label: '小盘' }, token);
    const full = await backup(t, token, target.id);
    expect(full).toMatchObject({ state: 'failed', problem: 'target_full' });
    expect(full.summary?.copied).toBeGreaterThan(0);
    expect(full.summary?.copied).toBeLessThan(4);
    expect(claimsHold(t, target.id, disk)).toBe(true);
    expect(new BackupLayout(disk).readManifest()).toBeNull();

    volumes.remount(disk, 'size=64m,ro');
    expect(await backup(t, token, target.id)).toMatchObject({ state: 'failed', problem: 'target_readonly' });
    volumes.remount(disk, 'rw');
    const done = await backup(t, token, target.id);
    expect(done).toMatchObject({ state: 'finished' });
    expect((done.summary?.copied ?? 0) + (done.summary?.alreadyThere ?? 0)).toBe(4);
    expect(claimsHold(t, target.id, disk)).toBe(true);
  });

  it('survives being killed mid-backup: the next run completes and the target claims only what it holds', async () => {
    const { t, token } = await archiveWith(3, 96 << 20);
    const dataDir = t.dir;
    const targetDir = scratchDir('rr-bk-kill-');
    const target = await t.call('backup.addTarget', { path: targetDir, label: 'A' }, token);
    await t.app.close();
    apps = apps.filter((a) => a !== t);

    const child = spawn(process.execPath, ['bin/records.mjs', '--data', dataDir, '--user', KEEPER.username, 'backup'], { env: { ...process.env, RECORDS_PASSWORD: KEEPER.password }, stdio: 'ignore' });
    const tmp = path.join(targetDir, 'RecordsRoom-backup', 'tmp');
    for (const until = Date.now() + 60_000; !(fs.existsSync(tmp) && fs.readdirSync(tmp).some((f) => fs.statSync(path.join(tmp, f)).size > 8 << 20)); ) {
      if (Date.now() > until) throw new Error('backup never started');
      await new Promise((r) => setTimeout(r, 20));
    }
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));

    const again = await open(dataDir);
    again.app.core.backup.recover();
    const keeper = await again.login(KEEPER.username, KEEPER.password);
    const [interrupted] = await again.call('backup.targets', {}, keeper);
    expect(interrupted?.lastRun?.state).toBe('interrupted');
    expect(claimsHold(again, target.id, targetDir)).toBe(true);
    const done = await backup(again, keeper, target.id);
    expect(done.state).toBe('finished');
    expect(fs.readdirSync(tmp)).toEqual([]);
    expect(claimsHold(again, target.id, targetDir)).toBe(true);
    expect((await again.call('backup.targets', {}, keeper))[0]).toMatchObject({ held: 3, pending: 0 });
  });
});
