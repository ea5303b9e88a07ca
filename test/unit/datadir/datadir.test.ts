import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RecordsApp } from '../../../electron/core/app/records-app.js';
import { acquireInstanceLock } from '../../../electron/core/datadir/lock.js';
import { LOCK_FILE, defaultDataDir, resolveDataDir } from '../../../electron/core/datadir/paths.js';
import { scratch } from '../../support/test-app.js';

const scratchDir = scratch();
const dir = (): string => scratchDir();

describe('data folder', () => {
  it('defaults to the per-user app data folder, overridable by RECORDS_DATA and --data', () => {
    expect(defaultDataDir('win32', { APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'C:\\Users\\a')).toContain('RecordsRoom');
    expect(defaultDataDir('linux', {}, '/home/a')).toBe('/home/a/.local/share/RecordsRoom');
    expect(defaultDataDir('linux', { XDG_DATA_HOME: '/x' }, '/home/a')).toBe('/x/RecordsRoom');
    expect(resolveDataDir(undefined, { RECORDS_DATA: '/srv/records' })).toBe('/srv/records');
    expect(resolveDataDir('/flag', { RECORDS_DATA: '/srv/records' })).toBe('/flag');
  });

  it('creates a missing folder on first run', async () => {
    const target = path.join(dir(), 'new', '档案 数据');
    const app = RecordsApp.open({ dataDir: target, shell: 'cli' });
    expect(app.status().state).toBe('setup');
    expect(fs.existsSync(path.join(target, 'records.db'))).toBe(true);
    await app.close();
  });

  it('reports a path that is a file as unavailable', () => {
    const file = path.join(dir(), 'not-a-folder');
    fs.writeFileSync(file, 'x');
    const app = RecordsApp.open({ dataDir: file, shell: 'cli' });
    expect(app.status()).toMatchObject({ state: 'error', error: { code: 'DATA_DIR_UNAVAILABLE' } });
  });

  it('lets one app instance hold a folder, and takes over a lock left by a dead process', async () => {
    const d = dir();
    const first = RecordsApp.open({ dataDir: d, shell: 'browser', exclusive: true });
    const second = RecordsApp.open({ dataDir: d, shell: 'browser', exclusive: true });
    expect(first.error).toBeNull();
    expect(second.error).toMatchObject({ code: 'INSTANCE_LOCKED', details: { pid: process.pid } });
    const cli = RecordsApp.open({ dataDir: d, shell: 'cli' });
    expect(cli.error).toBeNull();
    await cli.close();
    await first.close();
    expect(fs.existsSync(path.join(d, LOCK_FILE))).toBe(false);

    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    fs.writeFileSync(path.join(d, LOCK_FILE), JSON.stringify({ pid: Number(dead.stdout), host: os.hostname(), startedAt: 'x' }));
    const lock = acquireInstanceLock(d);
    lock.release();
  });

  it('reports a read-only folder plainly and writes nothing', () => {
    if (process.getuid?.() !== 0) return;
    const d = dir();
    fs.chmodSync(d, 0o555);
    const script = `
      import('${path.resolve('electron/core/app/records-app.ts')}').then(({ RecordsApp }) => {
        const app = RecordsApp.open({ dataDir: process.argv[1], shell: 'cli' });
        process.stdout.write(JSON.stringify(app.status().error));
      });`;
    const scratch = dir();
    fs.chmodSync(scratch, 0o777);
    const run = spawnSync(process.execPath, ['--import', 'tsx', '-e', script, d], {
      encoding: 'utf8',
      uid: 65534,
      gid: 65534,
      cwd: process.cwd(),
      env: { ...process.env, TMPDIR: scratch },
    });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toMatchObject({ code: 'DATA_DIR_READONLY', details: { path: d } });
    expect(fs.readdirSync(d)).toEqual([]);
  });
});
