import os from 'node:os';
import path from 'node:path';

export const APP_DIR_NAME = 'RecordsRoom';
export const DB_FILE = 'records.db';
export const STORE_DIR = 'store';
export const LOCK_FILE = 'records-room.lock';

/** The OS's per-user application-data folder, as Electron's app.getPath('userData') would pick. */
export function defaultDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  home: string = os.homedir(),
): string {
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), APP_DIR_NAME);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_DIR_NAME);
  return path.join(env.XDG_DATA_HOME ?? path.join(home, '.local', 'share'), APP_DIR_NAME);
}

/** `--data DIR` wins over `RECORDS_DATA`, which wins over the OS default. */
export function resolveDataDir(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  const chosen = flag ?? env.RECORDS_DATA;
  return path.resolve(chosen && chosen.trim() !== '' ? chosen : defaultDataDir(process.platform, env));
}
