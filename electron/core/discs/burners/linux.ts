import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../../shared/errors.js';
import { extractImage, runXorriso } from '../xorriso.js';
import type { Burner, LoadedMedium, OpticalDrive } from './burner.js';

/** A drive scan or a disc's table of contents: a drive spinning a disc up takes a while, not minutes. */
const QUERY_MS = 2 * 60_000;
/** The slowest plausible burn or read-back (a dual-layer BD-R at 1x, some three hours) twice over. */
const DISC_MS = 6 * 60 * 60_000;

/**
 * Without this xorriso ends with exit 32 on a mere SORRY ("No drives found"); with it only real
 * failures fail, and an empty scan is an empty list.
 */
const ONLY_FAILURES = ['-return_with', 'FAILURE', '32'];

/**
 * RECORDS_BURN_DRIVE=stdio:/path/disc.img: a regular file xorriso burns to as if it were a drive,
 * with the very commands a real one gets. For tests and the e2e (this machine has no burner).
 */
function pseudoDrive(): string | null {
  return process.env.RECORDS_BURN_DRIVE || null;
}

/**
 * Only a device under /dev (xorriso itself refuses anything there that is not an optical drive)
 * or the configured pseudo-drive: never an arbitrary file or a disk given as stdio:.
 */
function known(drive: string): string {
  const file = drive.startsWith('stdio:') ? drive.slice(6) : drive;
  const allowed = drive === pseudoDrive() ? fs.existsSync(path.dirname(file)) : drive.startsWith('/dev/') && fs.existsSync(drive);
  if (!allowed) throw new AppError('NO_DRIVE', 'no such drive', { drive });
  return drive;
}

/**
 * `xorriso -devices`: one line per drive,
 * `0  -dev '/dev/sr0' rwrw-- :  'HL-DT-ST' 'DVDRAM GH24NSD1' `.
 */
export function parseXorrisoDevices(out: string): OpticalDrive[] {
  const drives: OpticalDrive[] = [];
  for (const m of out.matchAll(/^\s*\d+\s+-dev\s+'([^']+)'\s+\S+\s*:\s*'([^']*)'\s*'([^']*)'/gm)) {
    drives.push({ id: m[1] as string, name: `${(m[2] ?? '').trim()} ${(m[3] ?? '').trim()}`.trim() });
  }
  return drives;
}

/**
 * `xorriso -outdev DRIVE -toc -tell_media_space` on stdout. "Media status" is "is blank", "is
 * written , is appendable", "is written , is closed", "is not present" or "is not recognizable";
 * "Media current" the profile ("BD-R sequential recording", "DVD+R", "stdio file, overwriteable");
 * the room is "Media space : Ns" (what a new session may take), else the writable "Media blocks".
 */
export function parseXorrisoMedium(out: string): LoadedMedium {
  const field = (name: string) => new RegExp(`^${name}\\s*:\\s*(.*?)\\s*$`, 'm').exec(out)?.[1] ?? null;
  const status = field('Media status');
  const current = field('Media current');
  const loaded = status !== null && !status.startsWith('is not present');
  const profile = current === null || current.startsWith('is not recognizable') ? null : (current.split(',')[0] as string);
  const kind = profile?.replace(/ (sequential recording|restricted overwrite|random recording|layer jump recording)$/, '') ?? null;
  const space = /^Media space\s*:\s*(\d+)s/m.exec(out)?.[1] ?? /^Media blocks\s*:.*?\s(\d+) writable/m.exec(out)?.[1];
  return {
    loaded,
    blank: loaded && (status ?? '').startsWith('is blank'),
    kind: loaded ? kind : null,
    capacityBytes: loaded && space !== undefined ? Number(space) * 2048 : null,
  };
}

/** xorriso, the same on a real drive and on a stdio: pseudo-drive. */
export function linuxBurner(): Burner {
  return {
    platform: 'linux',

    async drives() {
      const found = parseXorrisoDevices(await runXorriso([...ONLY_FAILURES, '-devices'], undefined, undefined, QUERY_MS));
      const pseudo = pseudoDrive();
      return pseudo ? [...found, { id: pseudo, name: `pseudo-drive ${pseudo}` }] : found;
    },

    async medium(drive) {
      return parseXorrisoMedium(await runXorriso([...ONLY_FAILURES, '-outdev', known(drive), '-toc', '-tell_media_space'], undefined, undefined, QUERY_MS));
    },

    /**
     * xorriso's cdrecord emulation: the write type is left to it (SAO on a blank CD, DAO on DVD-R,
     * what DVD+R and BD-R allow), and without -multi the disc is closed. No padding of its own:
     * the image already carries the 300 KiB tail xorriso's mkisofs adds, so it needs exactly its
     * own size. -v prints the "N of M MB written" lines progress comes from.
     */
    async burn(iso, drive, onPercent, signal) {
      await runXorriso(['-as', 'cdrecord', '-v', `dev=${known(drive)}`, 'padsize=0', iso], onPercent, signal, DISC_MS);
      onPercent(100);
    },

    /**
     * Every file copied off the disc by xorriso (its own reader, not the kernel's page cache), so
     * each byte hashed afterwards was read from the medium.
     */
    async openForReading(drive, scratchDir) {
      known(drive);
      const root = fs.mkdtempSync(path.join(scratchDir, 'disc-'));
      const release = async () => fs.rmSync(root, { recursive: true, force: true });
      try {
        await extractImage(drive, root, DISC_MS);
      } catch (e) {
        await release();
        throw e;
      }
      return { root, release };
    },

    async eject(drive) {
      if (!known(drive).startsWith('/dev/')) return; // a pseudo-drive's file has no tray
      await runXorriso(['-outdev', drive, '-eject', 'all'], undefined, undefined, QUERY_MS);
    },
  };
}
