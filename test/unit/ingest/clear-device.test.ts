import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { clearVerifiedFile } from '../../../electron/core/ingest/clear-device.js';
import { scanSource, type ScannedFile } from '../../../electron/core/ingest/scan.js';
import { cameraDrive, make } from '../../support/media.js';
import { KEEPER, openTestApp, scratch, type TestApp } from '../../support/test-app.js';

let t: TestApp;
const scratchDir = scratch();
afterEach(async () => {
  await t?.close();
});

function source(prefix: string): string {
  const dir = scratchDir(prefix);
  return dir;
}

/** Regular files under root, links not followed (the camera drive has a link loop). */
function filesUnder(root: string, dir = root): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? filesUnder(root, path.join(dir, e.name)) : e.isFile() ? [path.relative(root, path.join(dir, e.name)).split(path.sep).join('/')] : []))
    .sort();
}

describe('clearing the camera after a verified import', () => {
  it('deletes exactly the files committed in the store, after the batch, and says so', async () => {
    t = await openTestApp();
    const drive = source('rr-clear-');
    const media = cameraDrive(drive);
    const token = await t.login(KEEPER.username, KEEPER.password);
    const { jobId } = await t.call('import.start', { source: drive, options: { clearDevice: true } }, token);
    const job = await t.app.core.imports.wait(jobId);
    expect(job.state).toBe('finished');
    expect(job.options).toEqual({ clearDevice: true });
    expect(job.summary).toMatchObject({ imported: 6, cleared: 6, notCleared: 0 });
    // Only media the archive holds goes; the camera's own files stay.
    expect(filesUnder(drive)).toEqual(['DCIM/Thumbs.db', 'DCIM/index.dat', 'System Volume Information/IndexerVolumeGuid.jpg']);
    for (const p of media) expect(job.items.find((i) => i.relativePath === p)).toMatchObject({ outcome: 'imported', cleared: true, clearReason: null });
    expect(job.items.find((i) => i.relativePath === 'DCIM/index.dat')).toMatchObject({ outcome: 'skipped', cleared: null });
    const { records } = await t.call('records.list', { limit: 10 }, token);
    expect(records).toHaveLength(6);
    const { events } = await t.call('audit.list', { action: 'import.device_cleared' }, token);
    expect(events[0]).toMatchObject({ target: `import:${jobId}`, details: { cleared: 6, kept: [] } });
  });

  it('also clears files the archive already held, and keeps a file that failed', async () => {
    t = await openTestApp();
    const token = await t.login(KEEPER.username, KEEPER.password);
    const first = source('rr-clear-a-');
    make.wav(path.join(first, 'a.wav'));
    await t.app.core.imports.wait((await t.call('import.start', { source: first }, token)).jobId);
    const again = source('rr-clear-b-');
    fs.copyFileSync(path.join(first, 'a.wav'), path.join(again, 'a.wav'));
    for (let i = 0; i < 2; i++) make.random(path.join(again, `big${i}.mp4`), 64 << 20);
    make.wav(path.join(again, 'zz-gone.wav'), 2);
    const { jobId } = await t.call('import.start', { source: again, options: { clearDevice: true } }, token);
    fs.rmSync(path.join(again, 'zz-gone.wav'));
    const job = await t.app.core.imports.wait(jobId);
    expect(job.summary).toMatchObject({ imported: 2, duplicates: 1, failed: 1, cleared: 3, notCleared: 0 });
    expect(job.items.find((i) => i.relativePath === 'a.wav')).toMatchObject({ outcome: 'duplicate', cleared: true });
    expect(job.items.find((i) => i.relativePath === 'zz-gone.wav')).toMatchObject({ outcome: 'failed', cleared: null });
    expect(filesUnder(again)).toEqual([]);
  });

  it('clears nothing when the batch is cancelled', async () => {
    t = await openTestApp();
    const drive = source('rr-clear-cancel-');
    for (let i = 0; i < 3; i++) make.wav(path.join(drive, `a${i}.wav`), i + 1);
    for (let i = 0; i < 2; i++) make.random(path.join(drive, `z${i}.mp4`), 160 << 20);
    const token = await t.login(KEEPER.username, KEEPER.password);
    const smallDone = new Promise<void>((resolve) =>
      t.app.bus.subscribe((e) => {
        if (e.type === 'import.progress' && (e.payload as { progress: { filesDone: number } }).progress.filesDone >= 3) resolve();
      }),
    );
    const { jobId } = await t.call('import.start', { source: drive, options: { clearDevice: true } }, token);
    await smallDone;
    await t.call('import.cancel', { jobId }, token);
    const job = await t.app.core.imports.wait(jobId);
    expect(job.state).toBe('cancelled');
    expect(job.summary?.cleared).toBe(0);
    expect(job.summary?.notCleared).toBeGreaterThanOrEqual(3);
    expect(job.items.filter((i) => i.cleared === false).every((i) => i.clearReason === 'batch_cancelled')).toBe(true);
    expect(filesUnder(drive)).toHaveLength(5);
  });

  it('keeps a file that changed or vanished on the camera since it was read', () => {
    const drive = source('rr-clear-unit-');
    make.wav(path.join(drive, 'changed.wav'));
    make.wav(path.join(drive, 'gone.wav'));
    make.wav(path.join(drive, 'same.wav'));
    const [changed, gone, same] = scanSource(drive).files as [ScannedFile, ScannedFile, ScannedFile];
    fs.appendFileSync(changed.absolute, 'more');
    fs.rmSync(gone.absolute);
    expect(clearVerifiedFile(changed)).toEqual({ relative: 'changed.wav', cleared: false, reason: 'source_changed' });
    expect(clearVerifiedFile(gone)).toEqual({ relative: 'gone.wav', cleared: false, reason: 'source_missing' });
    expect(clearVerifiedFile(same)).toEqual({ relative: 'same.wav', cleared: true, reason: null });
    expect(filesUnder(drive)).toEqual(['changed.wav']);
  });
});
