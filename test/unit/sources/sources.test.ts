import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseLinuxMounts, parseWindowsDisks } from '../../../electron/core/sources/drives.js';
import { listSources } from '../../../electron/core/sources/sources.js';
import { cameraDrive, make } from '../../support/media.js';
import { KEEPER, openTestApp, scratch, type TestApp } from '../../support/test-app.js';

let t: TestApp | null = null;
const scratchDir = scratch();
afterEach(async () => {
  await t?.close();
  t = null;
});

const MOUNTS = [
  'sysfs /sys sysfs rw,nosuid,nodev,noexec,relatime 0 0',
  '/dev/nvme0n1p2 / ext4 rw,relatime 0 0',
  '/dev/nvme0n1p1 /boot/efi vfat rw 0 0',
  '/dev/sdb1 /media/wang/DSJ\\040T001 vfat rw,nosuid,nodev,uid=1000 0 0',
  '/dev/sdc1 /run/media/wang/记录仪 exfat rw 0 0',
  '/dev/sdd1 /srv/usbdisk ext4 rw 0 0',
  '/dev/sde1 /data ext4 rw 0 0',
  'tmpfs /media/ramdisk tmpfs rw 0 0',
].join('\n');

describe('removable drives', () => {
  it('reads Linux mounts: desktop mount folders and devices the kernel calls removable', () => {
    const drives = parseLinuxMounts(MOUNTS, (device) => device === '/dev/sdd1');
    expect(drives).toEqual([
      { path: '/media/wang/DSJ T001', label: 'DSJ T001' },
      { path: '/run/media/wang/记录仪', label: '记录仪' },
      { path: '/srv/usbdisk', label: 'usbdisk' },
    ]);
  });

  it('reads Windows drive letters, one disk or many', () => {
    const many = JSON.stringify([
      { DeviceID: 'C:', DriveType: 3, VolumeName: 'System' },
      { DeviceID: 'E:', DriveType: 2, VolumeName: 'DSJ-T001' },
      { DeviceID: 'F:', DriveType: 2, VolumeName: null },
      { DeviceID: 'Z:', DriveType: 4, VolumeName: 'share' },
    ]);
    expect(parseWindowsDisks(many)).toEqual([
      { path: 'E:\\', label: 'DSJ-T001' },
      { path: 'F:\\', label: 'F:' },
    ]);
    expect(parseWindowsDisks(JSON.stringify({ DeviceID: 'G:', DriveType: 2, VolumeName: '记录仪' }))).toEqual([{ path: 'G:\\', label: '记录仪' }]);
    expect(parseWindowsDisks('')).toEqual([]);
  });

  it('lists configured folders beside the drives, says which are reachable and which look like a camera', async () => {
    const dock = scratchDir('rr-dock-');
    fs.mkdirSync(path.join(dock, 'DCIM'));
    fs.mkdirSync(path.join(dock, '录音'));
    fs.mkdirSync(path.join(dock, 'other'));
    const sources = await listSources([dock, path.join(dock, 'not-mounted')]);
    expect(sources.filter((s) => s.kind === 'folder')).toEqual([
      expect.objectContaining({ path: dock, available: true, cameraFolders: ['DCIM', '录音'], totalBytes: expect.any(Number), freeBytes: expect.any(Number) }),
      { path: path.join(dock, 'not-mounted'), label: 'not-mounted', kind: 'folder', available: false, totalBytes: null, freeBytes: null, cameraFolders: [] },
    ]);
  });
});

describe('import preview', () => {
  it('counts what a source holds by type and what looks archived already, reading no media', async () => {
    t = await openTestApp();
    const token = await t.login(KEEPER.username, KEEPER.password);
    const drive = scratchDir('rr-preview-');
    cameraDrive(drive);
    const before = await t.call('import.preview', { source: drive }, token);
    expect(before).toMatchObject({ files: 6, byType: { video: 4, audio: 1, photo: 1 }, likelyArchived: 0, skipped: 2, cameraFolders: ['DCIM', 'PHOTO', '录音'] });
    await t.app.core.imports.wait((await t.call('import.start', { source: drive }, token)).jobId);
    make.wav(path.join(drive, '录音', '新的.wav'), 3);
    const after = await t.call('import.preview', { source: drive }, token);
    expect(after).toMatchObject({ files: 7, likelyArchived: 6 });
    expect(after.bytes).toBeGreaterThan(before.bytes);
    await t.call('settings.update', { ingest: { ...(await t.call('settings.get', {}, token)).ingest, sourceFolders: [drive] } }, token);
    expect((await t.call('import.sources', {}, token)).find((s) => s.path === drive)).toMatchObject({ kind: 'folder', available: true });
  });
});
