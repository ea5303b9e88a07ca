import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../../../shared/errors.js';
import { LOCK_FILE } from './paths.js';
import { processAlive } from '../base/process-alive.js';

interface LockOwner {
  pid: number;
  host: string;
  startedAt: string;
}


function readOwner(file: string): LockOwner | null {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as LockOwner;
  } catch {
    return null;
  }
}

export interface InstanceLock {
  release(): void;
}

/**
 * One app instance per data folder. A lock left by a crashed process on this host is taken over;
 * one held from another host (a shared folder) is respected because its process can't be checked.
 */
export function acquireInstanceLock(dir: string): InstanceLock {
  const file = path.join(dir, LOCK_FILE);
  const me: LockOwner = { pid: process.pid, host: os.hostname(), startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify(me), { flag: 'wx' });
      let released = false;
      return {
        release() {
          if (released) return;
          released = true;
          const owner = readOwner(file);
          if (owner?.pid === me.pid && owner.host === me.host) fs.rmSync(file, { force: true });
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const owner = readOwner(file);
      const stale = owner === null || (owner.host === me.host && !processAlive(owner.pid));
      if (!stale) {
        throw new AppError('INSTANCE_LOCKED', `data folder in use by process ${owner.pid} on ${owner.host}`, {
          pid: owner.pid,
          host: owner.host,
          path: dir,
        });
      }
      fs.rmSync(file, { force: true });
    }
  }
  throw new AppError('INSTANCE_LOCKED', 'could not take the instance lock', { pid: 0, path: dir });
}
