import fs from 'node:fs';
import { AppError } from '../../../../shared/errors.js';

/** A recorder the system knows. */
export interface OpticalDrive {
  /** /dev/sr0 or a stdio: pseudo-drive on Linux, the IMAPI2 recorder's unique id on Windows, the drutil index on macOS. */
  id: string;
  /** Vendor and product, as the drive reports them. */
  name: string;
}

/** What is in a drive now. */
export interface LoadedMedium {
  loaded: boolean;
  blank: boolean;
  /** 'CD-R', 'DVD+R', 'BD-R', … as the platform names it; null when nothing is loaded or it can't tell. */
  kind: string | null;
  /** Room left to write, in bytes; null when the platform can't tell. */
  capacityBytes: number | null;
}

/** Burning a finished ISO image with the platform's own tools. */
export interface Burner {
  platform: 'linux' | 'win32' | 'darwin';
  drives(): Promise<OpticalDrive[]>;
  medium(drive: string): Promise<LoadedMedium>;
  /** Writes the image and closes the disc; progress 0–100. An abort through `signal` kills the tool (CANCELLED; the disc is then spoiled). */
  burn(iso: string, drive: string, onPercent: (p: number) => void, signal?: AbortSignal): Promise<void>;
  /** Makes the burned disc's files readable for the read-back check; returns a folder (mount point / drive letter root / extraction dir) and a release function. */
  openForReading(drive: string, scratchDir: string): Promise<{ root: string; release(): Promise<void> }>;
  eject(drive: string): Promise<void>;
}

const MB = 1_000_000;

/**
 * Whether the disc in `drive` can take an image of `isoBytes`: loaded, blank, and with the room.
 * Throws NO_DISC, DISC_NOT_BLANK or DISC_TOO_SMALL {needed, free} (bytes; also in MB for the
 * message). A capacity the platform doesn't report passes: the burn tool then refuses on its own.
 */
export async function preflight(burner: Burner, drive: string, isoBytes: number): Promise<LoadedMedium> {
  const medium = await burner.medium(drive);
  if (!medium.loaded) throw new AppError('NO_DISC', 'no disc in the drive', { drive });
  if (!medium.blank) throw new AppError('DISC_NOT_BLANK', 'the disc is not blank', { drive, kind: medium.kind });
  if (medium.capacityBytes !== null && medium.capacityBytes < isoBytes) {
    const free = medium.capacityBytes;
    throw new AppError('DISC_TOO_SMALL', 'the image does not fit on the disc', {
      drive,
      kind: medium.kind,
      needed: isoBytes,
      free,
      neededMB: (isoBytes / MB).toFixed(1),
      freeMB: (free / MB).toFixed(1),
    });
  }
  return medium;
}

/**
 * The same burner, but every burn passes preflight first: xorriso's cdrecord emulation, for one,
 * would write over a rewritable disc that already holds a session, and nothing of an evidence
 * disc should be left to the tool's judgement.
 */
export function guarded(burner: Burner): Burner {
  return {
    ...burner,
    async burn(iso, drive, onPercent, signal) {
      let bytes: number;
      try {
        bytes = fs.statSync(iso).size;
      } catch {
        throw new AppError('NOT_FOUND', 'no such disc image', { path: iso });
      }
      await preflight(burner, drive, bytes);
      await burner.burn(iso, drive, onPercent, signal);
    },
  };
}
