import fs from 'node:fs';
import { AppError } from '../../../shared/errors.js';
import { runTool } from './run-tool.js';

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
 * xorriso's progress in a line it printed: "… 45.2% done" while it builds an image, "91 of 384 MB
 * written" while it writes one to a drive (its cdrecord emulation with -v). Null for other lines.
 */
export function xorrisoPercent(line: string): number | null {
  const done = /([\d.]+)% done/.exec(line);
  if (done) return Number(done[1]);
  const written = /(\d+) of\s+(\d+) MB written/.exec(line);
  return written && Number(written[2]) > 0 ? Math.min(100, (Number(written[1]) * 100) / Number(written[2])) : null;
}

/**
 * Runs xorriso with an argument array (never a shell line); resolves with its stdout. Progress is
 * reported as it comes; failure becomes TOOL_FAILED with the tail of its messages.
 */
export function runXorriso(args: string[], onPercent: (percent: number) => void = () => undefined, signal?: AbortSignal, timeoutMs = TIMEOUT_MS): Promise<string> {
  return runTool(xorrisoPath(), args, {
    tool: 'xorriso',
    signal,
    timeoutMs,
    onLine: (line) => {
      const percent = xorrisoPercent(line);
      if (percent !== null) onPercent(percent);
    },
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

/** xorriso prints names with bytes outside printable ASCII as octal escapes (\344\270\255 for 中). */
function unescapeOctal(name: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < name.length; i++) {
    const m = /^\\([0-7]{3})/.exec(name.slice(i));
    if (m) {
      bytes.push(parseInt(m[1] as string, 8));
      i += 3;
    } else bytes.push(...Buffer.from(name[i] as string, 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

/** The MD5 xorriso recorded for each file as it wrote the image (`--md5`), by path in the image. */
export async function recordedMd5s(iso: string): Promise<Map<string, string>> {
  const out = await runXorriso(['-md5', 'on', '-indev', iso, '-find', '/', '-type', 'f', '-exec', 'get_md5', '--']);
  const md5s = new Map<string, string>();
  for (const m of out.matchAll(/^([0-9a-f]{32}) {2}\/(.*)$/gm)) md5s.set(unescapeOctal(m[2] as string), m[1] as string);
  return md5s;
}

/** Every file of an image (or of a disc in a drive), as any computer would read it, into `dir`. */
export async function extractImage(iso: string, dir: string, timeoutMs = TIMEOUT_MS): Promise<void> {
  await runXorriso(['-osirrox', 'on', '-indev', iso, '-extract', '/', dir], undefined, undefined, timeoutMs);
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
