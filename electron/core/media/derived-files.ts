import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { DerivativeKind } from '../../../shared/rules/playback.js';

/**
 * Derived copies live under the store's derived/ folder, apart from the originals in objects/,
 * named after the original's hash: derived/aa/<sha256>.poster.jpg, derived/aa/<sha256>.proxy.mp4.
 * The relative path is what the catalogue keeps, so the store can move with its folder.
 */
export function derivedRelativePath(sha256: string, kind: DerivativeKind, extension: string): string {
  return ['derived', sha256.slice(0, 2), `${sha256}.${kind}.${extension}`].join('/');
}

export function derivedAbsolutePath(storeRoot: string, relative: string): string {
  return path.join(storeRoot, ...relative.split('/'));
}

export async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of fs.createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Moves a finished temporary file into its derived place, replacing an older copy. */
export function placeDerived(temp: string, target: string): void {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.rmSync(target, { force: true });
  fs.renameSync(temp, target);
}
