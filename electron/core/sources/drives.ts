import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** A drive the OS reports as removable (or USB-attached): where a body camera shows up. */
export interface Drive {
  path: string;
  label: string;
}

const MOUNT_PARENTS = ['/media/', '/run/media/', '/mnt/'];

/** /proc/mounts escapes space, tab, newline and backslash as octal. */
function unescapeMount(field: string): string {
  return field.replace(/\\([0-7]{3})/g, (_m, oct: string) => String.fromCharCode(parseInt(oct, 8)));
}

/**
 * Removable mounts from the text of /proc/self/mounts: block devices mounted where desktops put
 * removable media, or that the kernel says are removable or USB-attached.
 */
export function parseLinuxMounts(text: string, isRemovableDevice: (device: string) => boolean): Drive[] {
  const drives: Drive[] = [];
  for (const line of text.split('\n')) {
    const [device = '', rawMount = ''] = line.split(' ');
    if (!device.startsWith('/dev/')) continue;
    const mount = unescapeMount(rawMount);
    if (mount === '/' || mount.startsWith('/boot')) continue;
    if (MOUNT_PARENTS.some((p) => mount.startsWith(p)) || isRemovableDevice(device)) {
      if (!drives.some((d) => d.path === mount)) drives.push({ path: mount, label: path.posix.basename(mount) });
    }
  }
  return drives;
}

/** The kernel's own word: the disk's `removable` flag, or a USB device in its sysfs path. */
function linuxRemovable(device: string): boolean {
  const name = path.basename(fs.existsSync(device) ? fs.realpathSync(device) : device);
  try {
    const sys = fs.realpathSync(`/sys/class/block/${name}`);
    if (sys.includes('/usb')) return true;
    const disk = fs.existsSync(path.join(sys, 'partition')) ? path.dirname(sys) : sys;
    return fs.readFileSync(path.join(disk, 'removable'), 'utf8').trim() === '1';
  } catch {
    return false;
  }
}

interface WindowsDisk {
  DeviceID?: string;
  DriveType?: number;
  VolumeName?: string | null;
}

const REMOVABLE = 2;

/**
 * Removable drive letters from `Get-CimInstance Win32_LogicalDisk | ConvertTo-Json` (one object
 * or an array). Cameras that present as a fixed disk are reached through "choose a folder".
 */
export function parseWindowsDisks(json: string): Drive[] {
  const parsed = JSON.parse(json || '[]') as WindowsDisk | WindowsDisk[];
  const disks = Array.isArray(parsed) ? parsed : [parsed];
  return disks
    .filter((d) => d.DriveType === REMOVABLE && /^[A-Z]:$/i.test(d.DeviceID ?? ''))
    .map((d) => ({ path: `${d.DeviceID}\\`, label: d.VolumeName || (d.DeviceID ?? '') }));
}

function windowsDrives(): Promise<Drive[]> {
  return new Promise((resolve) => {
    execFile(
      'powershell.exe',
      ['-NoProfile', '-NonInteractive', '-Command', 'Get-CimInstance Win32_LogicalDisk | Select-Object DeviceID,DriveType,VolumeName | ConvertTo-Json -Compress'],
      { timeout: 10_000, windowsHide: true },
      (err, stdout) => {
        try {
          resolve(err ? [] : parseWindowsDisks(stdout));
        } catch {
          resolve([]);
        }
      },
    );
  });
}

/** Every entry of /Volumes but the boot volume, which is a link to /. */
function macDrives(): Drive[] {
  try {
    return fs
      .readdirSync('/Volumes', { withFileTypes: true })
      .filter((e) => !e.isSymbolicLink() && e.isDirectory())
      .map((e) => ({ path: path.join('/Volumes', e.name), label: e.name }));
  } catch {
    return [];
  }
}

/** The removable drives plugged in now; an OS that can't be asked answers with none. */
export async function listRemovableDrives(platform: NodeJS.Platform = process.platform): Promise<Drive[]> {
  if (platform === 'win32') return windowsDrives();
  if (platform === 'darwin') return macDrives();
  try {
    return parseLinuxMounts(fs.readFileSync('/proc/self/mounts', 'utf8'), linuxRemovable);
  } catch {
    return [];
  }
}
