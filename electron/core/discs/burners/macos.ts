import { AppError } from '../../../../shared/errors.js';
import { runTool, type Run } from '../run-tool.js';
import type { Burner, LoadedMedium, OpticalDrive } from './burner.js';

// Full paths: an app started from the Finder has a short PATH, and these never move.
const DRUTIL = '/usr/bin/drutil';
const HDIUTIL = '/usr/bin/hdiutil';
const DISKUTIL = '/usr/sbin/diskutil';
const MOUNT = '/sbin/mount';

/** Asking a drive about its disc; spinning a disc up takes a while, not minutes. */
const QUERY_MS = 2 * 60_000;
/** The slowest plausible burn (a dual-layer BD-R at 1x, some three hours) twice over. */
const BURN_MS = 6 * 60 * 60_000;

/**
 * `drutil list`: a header, then one row per drive under it, numbered from 1:
 * `1  HL-DT-ST DVDRW  GX50N      RP09  USB       Unsupported`. Vendor and product hold spaces,
 * so the columns are cut where the header's titles start.
 */
export function parseDrutilList(out: string): OpticalDrive[] {
  const lines = out.split(/\r?\n/);
  const header = lines.find((l) => /Vendor\s+Product\s+Rev/.test(l));
  if (header === undefined) return [];
  const vendorAt = header.indexOf('Vendor');
  const productAt = header.indexOf('Product');
  const revAt = header.indexOf('Rev');
  const drives: OpticalDrive[] = [];
  for (const line of lines) {
    const index = /^\s*(\d+)\s/.exec(line)?.[1];
    if (index === undefined) continue;
    const name = `${line.slice(vendorAt, productAt).trim()} ${line.slice(productAt, revAt).trim()}`.replace(/\s+/g, ' ').trim();
    drives.push({ id: index, name });
  }
  return drives;
}

/**
 * `drutil status -drive N`: "Type: No Media Inserted", or the disc's type with its device node
 * ("Type: DVD+R   Name: /dev/disk4"), its free space ("Space Free: 510:03:00  blocks: 2295104 /
 * 4.70GB / 4.38GiB") and "Writability: appendable, blank, overwritable" for a blank one. Null if
 * drutil described no drive at all.
 */
export function parseDrutilStatus(out: string): (LoadedMedium & { node: string | null }) | null {
  const type = /^\s*Type:\s*(.*?)(?:\s+Name:\s*(\S+))?\s*$/m.exec(out);
  if (!type) return null;
  if (/No Media/i.test(type[1] ?? '')) return { loaded: false, blank: false, kind: null, capacityBytes: null, node: null };
  const writability = /^\s*Writability:(.*)$/m.exec(out)?.[1] ?? '';
  const free = /^\s*Space Free:.*?blocks:\s*(\d+)/m.exec(out)?.[1];
  return {
    loaded: true,
    blank: /\bblank\b/.test(writability),
    kind: type[1] || null,
    capacityBytes: free === undefined ? null : Number(free) * 2048,
    node: type[2] ?? null,
  };
}

/** `hdiutil burn -list`: the IORegistry path of each burner, which is what `hdiutil burn -device` takes. */
export function parseHdiutilDevices(out: string): string[] {
  return out
    .split(/\r?\n/)
    .filter((l) => l.includes('IOService:'))
    .map((l) => l.slice(l.indexOf('IOService:')).trim());
}

/** `mount`: where a device node (or a slice of it: the disc's file system may be on disk4s0) is mounted. */
export function mountPointOf(out: string, node: string): string | null {
  for (const m of out.matchAll(/^(\/dev\/disk\d+(?:s\d+)*) on (.+) \([^()]*\)$/gm)) {
    const dev = m[1] as string;
    if (dev === node || dev.startsWith(`${node}s`)) return m[2] as string;
  }
  return null;
}

/** DiscRecording through its two command-line tools: drutil for drives and discs, hdiutil to burn. */
export function macBurner(run: Run = runTool): Burner {
  const status = async (drive: string) => {
    if (!/^\d+$/.test(drive)) throw new AppError('NO_DRIVE', 'no such drive', { drive });
    const found = parseDrutilStatus(await run(DRUTIL, ['status', '-drive', drive], { timeoutMs: QUERY_MS }));
    if (found === null) throw new AppError('NO_DRIVE', 'no such drive', { drive });
    return found;
  };
  return {
    platform: 'darwin',

    async drives() {
      return parseDrutilList(await run(DRUTIL, ['list'], { timeoutMs: QUERY_MS }));
    },

    async medium(drive) {
      const { loaded, blank, kind, capacityBytes } = await status(drive);
      return { loaded, blank, kind, capacityBytes };
    },

    /**
     * hdiutil names burners by IORegistry path, drutil by number; both list them in the same
     * order, so drive N is the Nth path of `hdiutil burn -list`. The disc stays in the drive for
     * the read-back; hdiutil's own verify is skipped, the read-back does more. -puppetstrings
     * prints "PERCENT:12.5" lines (-1 while a step's length is unknown).
     */
    async burn(iso, drive, onPercent, signal) {
      await status(drive);
      const device = parseHdiutilDevices(await run(HDIUTIL, ['burn', '-list'], { timeoutMs: QUERY_MS }))[Number(drive) - 1];
      if (device === undefined) throw new AppError('NO_DRIVE', 'hdiutil does not list the drive', { drive });
      const onLine = (line: string) => {
        const percent = Number(/^PERCENT:(-?[\d.]+)/.exec(line.trim())?.[1] ?? -1);
        if (percent >= 0) onPercent(Math.min(100, percent));
      };
      await run(HDIUTIL, ['burn', iso, '-device', device, '-noverifyburn', '-noeject', '-puppetstrings'], { timeoutMs: BURN_MS, onLine, signal });
      onPercent(100);
    },

    /** The disc's file system where macOS mounted it (/Volumes/<label>), mounted if it is not yet. */
    async openForReading(drive) {
      const { node } = await status(drive);
      if (node === null) throw new AppError('NO_DISC', 'no disc in the drive', { drive });
      let root = mountPointOf(await run(MOUNT, [], { timeoutMs: QUERY_MS }), node);
      if (root === null) {
        await run(DISKUTIL, ['mount', 'readOnly', node], { timeoutMs: QUERY_MS });
        root = mountPointOf(await run(MOUNT, [], { timeoutMs: QUERY_MS }), node);
      }
      if (root === null) throw new AppError('NO_DISC', 'the burned disc is not mounted', { drive, node });
      return { root, release: async () => undefined };
    },

    async eject(drive) {
      await run(DRUTIL, ['eject', '-drive', drive], { timeoutMs: QUERY_MS });
    },
  };
}
