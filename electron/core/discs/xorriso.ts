import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { AppError } from '../../../shared/errors.js';

/** xorriso from the system (Debian's package; on Windows a bundled copy later); RECORDS_XORRISO points elsewhere. */
function xorrisoPath(): string {
  return process.env.RECORDS_XORRISO ?? 'xorriso';
}

/** A disc image of a few GiB is written at disk speed; an hour means xorriso hangs. */
const TIMEOUT_MS = 60 * 60_000;

/** ISO 9660 volume identifiers are 32 characters of A–Z, 0–9 and _; the case number's letters and digits, and which disc. */
export function volumeLabel(caseNo: string, index: number, count: number): string {
  const ascii = (caseNo.match(/[A-Za-z0-9]+/g) ?? []).join('_').toUpperCase();
  const suffix = `_D${index}OF${count}`;
  return `RR_${ascii}`.slice(0, 32 - suffix.length) + suffix;
}

/**
 * Runs xorriso with an argument array (never a shell line). Progress lines ("… 45.2% done") are
 * reported as they come; failure becomes TOOL_FAILED with the tail of its messages.
 */
export function runXorriso(args: string[], onPercent: (percent: number) => void = () => undefined, signal?: AbortSignal): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(xorrisoPath(), args, { windowsHide: true, signal, timeout: TIMEOUT_MS });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => {
      const text = d.toString('utf8');
      err = (err + text).slice(-8000);
      for (const m of text.matchAll(/([\d.]+)% done/g)) onPercent(Number(m[1]));
    });
    child.on('error', (e: NodeJS.ErrnoException) => {
      if (e.name === 'AbortError') reject(new AppError('CANCELLED', 'cancelled'));
      else reject(new AppError('TOOL_FAILED', 'xorriso could not run', { tool: 'xorriso', reason: e.code === 'ENOENT' ? 'missing' : e.message }));
    });
    child.on('close', (code) => {
      if (code === 0) return resolve(out);
      if (signal?.aborted) return reject(new AppError('CANCELLED', 'cancelled'));
      const tail = err.trim().split('\n').slice(-3).join(' / ');
      reject(new AppError('TOOL_FAILED', 'xorriso failed', { tool: 'xorriso', reason: tail || `exit ${code}` }));
    });
  });
}

/** A graft-points pathspec escapes its own separator and escape character on both sides. */
function pathspec(inImage: string, onDisk: string): string {
  const esc = (p: string) => p.replace(/\\/g, '\\\\').replace(/=/g, '\\=');
  return `${esc(inImage)}=${esc(onDisk)}`;
}

/**
 * The disc image of a bag: ISO 9660 level 3 (files over 4 GiB) with Rock Ridge and Joliet (Chinese
 * names on Linux and Windows) and xorriso's MD5 checksums recorded for the later read-back. The
 * tag files come from `tagRoot`; each original is grafted straight from the store under its bag
 * path, so the archive's bytes are read once, not copied to a staging folder first. Written to a
 * side file and renamed, so a cancelled or failed build leaves nothing behind.
 */
export async function buildImage(tagRoot: string, payload: { path: string; source: string }[], iso: string, label: string, onPercent?: (percent: number) => void, signal?: AbortSignal): Promise<void> {
  const part = `${iso}.part`;
  const list = `${iso}.paths`;
  fs.rmSync(part, { force: true });
  try {
    // A path list, not arguments: a case can hold more originals than a command line takes.
    fs.writeFileSync(list, [...payload.map((p) => pathspec(p.path, p.source)), pathspec('/', tagRoot)].join('\n') + '\n');
    await runXorriso(['-as', 'mkisofs', '-iso-level', '3', '-R', '-J', '-joliet-long', '-V', label, '--md5', '-graft-points', '-path-list', list, '-o', part], onPercent, signal);
    fs.renameSync(part, iso);
  } catch (e) {
    fs.rmSync(part, { force: true });
    throw e;
  } finally {
    fs.rmSync(list, { force: true });
  }
}

/** Where each file's bytes lie in an image: extents in order (a file over 4 GiB has several). */
export async function imageExtents(iso: string): Promise<Map<string, { start: number; bytes: number }[]>> {
  const out = await runXorriso(['-indev', iso, '-find', '/', '-type', 'f', '-exec', 'report_lba', '--']);
  const extents = new Map<string, { start: number; bytes: number }[]>();
  for (const m of out.matchAll(/^File data lba:\s*\d+\s*,\s*(\d+)\s*,\s*\d+\s*,\s*(\d+)\s*,\s*'(.*)'\s*$/gm)) {
    const name = (m[3] as string).replace(/'"'"'/g, "'").replace(/^\//, '');
    extents.set(name, [...(extents.get(name) ?? []), { start: Number(m[1]) * 2048, bytes: Number(m[2]) }]);
  }
  return extents;
}

/** Every file of an image, as any computer would read it, into `dir`. */
export async function extractImage(iso: string, dir: string): Promise<void> {
  await runXorriso(['-osirrox', 'on', '-indev', iso, '-extract', '/', dir]);
}

/** The image's recorded MD5s checked again: a changed sector anywhere fails it. */
export async function imageMd5Intact(iso: string): Promise<boolean> {
  try {
    await runXorriso(['-md5', 'on', '-indev', iso, '-check_md5', 'FAILURE', '--']);
    return true;
  } catch (e) {
    if (e instanceof AppError && e.code === 'TOOL_FAILED' && e.details?.reason !== 'missing') return false;
    throw e;
  }
}
