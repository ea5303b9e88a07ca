import fs from 'node:fs';

/** Free and total bytes of the drive holding `dir`, or null when it can't be read (unplugged, gone). */
export function driveSpace(dir: string): { freeBytes: number; totalBytes: number } | null {
  try {
    const st = fs.statfsSync(dir);
    return { freeBytes: st.bavail * st.bsize, totalBytes: st.blocks * st.bsize };
  } catch {
    return null;
  }
}
