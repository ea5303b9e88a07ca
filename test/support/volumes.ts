import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { afterEach } from 'vitest';
import { tempDir } from './test-app.js';

/** Whether this process may mount a tmpfs (root in CI): tests of full and read-only disks need it. */
export const canMount = (() => {
  const probe = fs.mkdtempSync('/tmp/rr-mount-probe-');
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', probe], { stdio: 'ignore' });
    execFileSync('umount', [probe]);
    return true;
  } catch {
    return false;
  } finally {
    fs.rmSync(probe, { recursive: true, force: true });
  }
})();

/** For one test file: small real filesystems to fill up or make read-only, unmounted after each test. */
export function smallVolumes(): { make(megabytes: number): string; remount(dir: string, options: string): void } {
  const mounted: string[] = [];
  afterEach(() => {
    for (const dir of mounted.splice(0)) {
      execFileSync('umount', [dir]);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
  return {
    make(megabytes) {
      const dir = tempDir('rr-vol-');
      execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${megabytes}m`, 'tmpfs', dir], { stdio: 'ignore' });
      mounted.push(dir);
      return dir;
    },
    remount(dir, options) {
      execFileSync('mount', ['-o', `remount,${options}`, dir]);
    },
  };
}
