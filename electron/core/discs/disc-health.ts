import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DiscDto, DiscHealthDto } from '../../../shared/contract/discs-dto.js';
import { AppError } from '../../../shared/errors.js';
import { sha256OfFile } from '../media/derived-files.js';
import type { DiscCheckResult, DiscRegister } from './disc-register.js';
import { extractImage } from './xorriso.js';

type Problem = DiscCheckResult['problems'][number];

/**
 * Makes a disc's files readable as a folder: a mounted disc or extracted folder is used as it
 * is; an image file, an optical drive's device or a `stdio:` pseudo-drive is read out with
 * xorriso into a scratch folder (every byte read from the medium), removed afterwards.
 */
export async function openDisc(source: string, scratchParent = os.tmpdir()): Promise<{ root: string; release(): void }> {
  const stat = source.startsWith('stdio:') ? null : fs.statSync(source, { throwIfNoEntry: false });
  if (stat?.isDirectory()) return { root: source, release: () => undefined };
  if (!source.startsWith('stdio:') && !stat) throw new AppError('NOT_FOUND', 'no disc there', { path: source });
  const root = fs.mkdtempSync(path.join(scratchParent, 'rr-disc-read-'));
  const release = () => {
    // Extracted files keep the disc's read-only modes.
    for (const entry of fs.readdirSync(root, { recursive: true, withFileTypes: true })) fs.chmodSync(path.join(entry.parentPath, entry.name), 0o755);
    fs.rmSync(root, { recursive: true, force: true });
  };
  try {
    await extractImage(source, root);
    return { root, release };
  } catch (e) {
    release();
    throw e;
  }
}

/** The labelled lines of bag-info.txt (RFC 8493 §2.2.2), or null if the disc carries none. */
function readBagInfo(root: string): Map<string, string> | null {
  const file = path.join(root, 'bag-info.txt');
  if (!fs.existsSync(file)) return null;
  const info = new Map<string, string>();
  for (const line of fs.readFileSync(file, 'utf8').split(/\r?\n/)) {
    const m = /^([^:]+):\s?(.*)$/.exec(line);
    if (m) info.set((m[1] as string).trim(), m[2] as string);
  }
  return info;
}

function manifestLines(file: string): { sha256: string; path: string }[] {
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l) => ({ sha256: l.slice(0, 64), path: l.slice(64).replace(/^ [ *]/, '') }));
}

/** Hashes each expected file under `root`; a read error (scratched disc) is `unreadable`, not a crash. */
async function verifyFiles(root: string, expected: { sha256: string; path: string }[]): Promise<{ filesOk: number; problems: Problem[] }> {
  let filesOk = 0;
  const problems: Problem[] = [];
  for (const f of expected) {
    const file = path.join(root, ...f.path.split('/'));
    if (!fs.existsSync(file)) {
      problems.push({ path: f.path, problem: 'missing' });
      continue;
    }
    try {
      if ((await sha256OfFile(file)) === f.sha256) filesOk += 1;
      else problems.push({ path: f.path, problem: 'mismatch' });
    } catch {
      problems.push({ path: f.path, problem: 'unreadable' });
    }
  }
  return { filesOk, problems };
}

function dataFiles(root: string): string[] {
  const data = path.join(root, 'data');
  if (!fs.existsSync(data)) return [];
  return fs
    .readdirSync(data, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
}

export interface HealthFinding extends DiscHealthDto {
  /** The result to write into the register, for a disc the register knows. */
  result: DiscCheckResult | null;
}

/**
 * Checks a disc's files against the register, not against the disc's own manifests (which an
 * altered disc could carry recomputed): the tag manifest's hash finds the register entry, the
 * register's SHA-256 of each original is what the payload must match, and anything in data/ the
 * register doesn't list is an addition. A disc whose bag-info names a registered case and disc
 * number but whose tag manifest matches no entry is altered; one with no such entry is unknown.
 */
export async function checkDisc(root: string, register: DiscRegister): Promise<HealthFinding> {
  const info = readBagInfo(root);
  const tagmanifest = path.join(root, 'tagmanifest-sha256.txt');
  const tagSha = fs.existsSync(tagmanifest) ? await sha256OfFile(tagmanifest) : null;
  const caseNo = info?.get('Bag-Group-Identifier') ?? info?.get('Case-Number') ?? null;
  const bagCount = info?.get('Bag-Count') ?? null;
  let disc: DiscDto | null = tagSha ? register.byTagmanifest(tagSha) : null;
  let altered = false;
  if (!disc && caseNo && bagCount) {
    const m = /^(\d+) of (\d+)$/.exec(bagCount);
    const lookalike = m ? register.lookalikes(caseNo, Number(m[1]), Number(m[2])).at(-1) : undefined;
    if (lookalike) {
      disc = lookalike;
      altered = true;
    }
  }
  if (!disc) {
    const own = await verifyFiles(root, manifestLines(path.join(root, 'manifest-sha256.txt')));
    return { verdict: 'unknown', disc: null, caseNo, bagCount, tagmanifestSha256: tagSha, ...own, result: null };
  }
  const files = register.files(disc.id).map((f) => ({ sha256: f.sha256, path: f.path }));
  const payload = await verifyFiles(root, files);
  const tags = altered ? { filesOk: 0, problems: [{ path: 'tagmanifest-sha256.txt', problem: 'mismatch' as const }] } : await verifyFiles(root, manifestLines(tagmanifest));
  const listed = new Set(files.map((f) => f.path));
  const extra = dataFiles(root)
    .filter((p) => !listed.has(p))
    .map((p): Problem => ({ path: p, problem: 'extra' }));
  const problems = [...payload.problems, ...tags.problems, ...extra];
  const outcome: DiscCheckResult['outcome'] = problems.length === 0 ? 'ok' : problems.every((p) => p.problem === 'unreadable') ? 'unreadable' : 'altered';
  const result = { outcome, filesOk: payload.filesOk, problems };
  return { verdict: outcome, disc, caseNo, bagCount, tagmanifestSha256: tagSha, filesOk: payload.filesOk, problems, result };
}
